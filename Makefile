# Wat wil wie? — build the site from site-data/ and test it.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: site serve check generate test browser clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

site: $(STAMP) ## Validate the data and build the site into site/
	$(BIN)/watwilwie build

serve: $(STAMP) ## Live preview on http://127.0.0.1:8000/ (rebuilds when you save a YAML file)
	$(BIN)/mkdocs serve

check: $(STAMP) ## Validate the data and every quote; exit 1 on any error
	$(BIN)/watwilwie check

generate: $(STAMP) ## Write the generated Markdown into content/
	$(BIN)/watwilwie generate

test: $(STAMP) browser ## Run the whole test suite (browser tests use Debian's chromium)
	$(BIN)/pytest -q

browser: ## Install Debian's chromium for the browser tests, if missing
	@command -v chromium >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null; }

clean:
	rm -rf site site.old .site-* .pytest_cache
	git clean -fdX content/
