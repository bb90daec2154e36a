# Wat wil wie? — build the site from site-data/ and test it.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test
export NO_MKDOCS_2_WARNING := 1

.PHONY: site serve check generate test test-content lint bench audit engine-smoke browser clean vind ongeciteerd coverage schema summary schermafbeeldingen balans

# Editors need only the runtime (check, vind, serve, site); the test tools come with `make test`.
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	touch $(STAMP)

$(TEST_STAMP): $(STAMP)
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(TEST_STAMP)

site: $(STAMP) ## Validate the data and build the site into site/
	$(BIN)/watwilwie build

serve: $(STAMP) ## Live preview on http://127.0.0.1:8000/ (rebuilds when you save a YAML file)
	$(BIN)/mkdocs serve

check: $(STAMP) ## Validate the data and every quote; exit 1 on any error
	$(BIN)/watwilwie check

generate: $(STAMP) ## Write the generated Markdown into content/
	$(BIN)/watwilwie generate

vind: $(STAMP) ## Find a quote for a new proposal: make vind WOORDEN="sociale huurwoningen" [OPTIES="--actor volt-leiden --nieuw --titel '…'"]
	@test -n "$$WOORDEN" || { echo 'Zeg wat je zoekt: make vind WOORDEN="een paar woorden"'; exit 2; }
	$(BIN)/watwilwie vind "$$WOORDEN" $(OPTIES)

ongeciteerd: $(STAMP) ## What nobody quotes yet: make ongeciteerd ACTOR=coalitie-leiden [OPTIES="--election leiden-2026"]
	@test -n "$$ACTOR" || { echo 'Zeg van welke actor: make ongeciteerd ACTOR=coalitie-leiden'; exit 2; }
	$(BIN)/watwilwie ongeciteerd "$$ACTOR" $(OPTIES)

coverage: $(STAMP) ## Count the proposals per actor and theme
	$(BIN)/watwilwie coverage

schema: $(STAMP) ## Regenerate schema/ from generator/models.py and the ids in site-data/ (and the schema line atop each YAML file)
	$(BIN)/watwilwie schema

summary: $(STAMP) ## Markdown summary of a pull request against BASE=<site-data of the base>: changed texts, pages, coverage; PLAN=<file> also writes the screenshot plan
	@$(BIN)/watwilwie summary $(if $(BASE),--base $(BASE)) $(if $(PLAN),--schermafbeeldingen $(PLAN))

schermafbeeldingen: $(TEST_STAMP) browser ## Phone screenshots (360 px) of the pages in PLAN=<file from make summary> into schermafbeeldingen/, from the built site/
	@test -n "$(PLAN)" || { echo 'Zeg welk plan: make schermafbeeldingen PLAN=<bestand van make summary PLAN=…>'; exit 2; }
	$(BIN)/python tools/preview/screenshots.py "$(PLAN)" --site site --out schermafbeeldingen

test: $(TEST_STAMP) browser lint ## Run the whole test suite (browser tests use Debian's chromium), after the linters, on every core
	$(BIN)/pytest -q -n auto

test-content: $(TEST_STAMP) ## Only the checks of the curated data (pytest -m content); CI runs these when a pull request changes only site-data/
	$(BIN)/pytest -q -m content

lint: $(TEST_STAMP) ## ruff and mypy (settings in pyproject.toml)
	$(BIN)/ruff check generator tests bench tools
	$(BIN)/mypy

balans: $(STAMP) ## Does the stemhulp separate the actors? The balance figures of every election
	$(BIN)/watwilwie balans

bench: $(TEST_STAMP) browser ## Benchmark: synthetic data at 1x, 10x, 100x the real data; prints time, memory and page weight (~30 min)
	$(BIN)/python bench/run.py $(if $(SCALES),--scales $(SCALES))

AUDIT_TOOLS := tools/audit/node_modules/.installed
$(AUDIT_TOOLS): tools/audit/package-lock.json
	@command -v npm >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null; }
	@command -v java >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends default-jre-headless >/dev/null; }
	cd tools/audit && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	touch $@

audit: $(TEST_STAMP) browser $(AUDIT_TOOLS) ## Budgets per page type (Lighthouse mobile, median of 3), axe, the HTML of every page (vnu), search speed; exit 1 when one is missed (~15 min)
	$(BIN)/python tools/audit/audit.py $(if $(RUNS),--runs $(RUNS)) $(if $(ONLY),--only $(ONLY))

ZENSICAL := zensical==0.0.73
engine-smoke: $(STAMP) ## Build the generated content with Zensical, the announced successor of MkDocs/Material (docs/engine.md)
	rm -rf .cache/engine-smoke && mkdir -p .cache/engine-smoke/project
	$(PYTHON) -m venv .cache/engine-smoke/venv
	.cache/engine-smoke/venv/bin/pip install --quiet '$(ZENSICAL)'
	cp -r mkdocs.yml templates site-data .cache/engine-smoke/project/
	mkdir -p .cache/engine-smoke/project/content && cp -r content/assets .cache/engine-smoke/project/content/
	$(BIN)/watwilwie --config .cache/engine-smoke/project/mkdocs.yml generate
	cd .cache/engine-smoke/project && ../venv/bin/zensical build
	grep -q 'Wonen en woningbouw' .cache/engine-smoke/project/site/leiden-2026/thema/wonen/index.html
	grep -q 'wvw-line' .cache/engine-smoke/project/site/leiden-2026/thema/wonen/index.html
	@echo "Zensical bouwt de gegenereerde pagina's (zie docs/engine.md voor wat nog ontbreekt)."

browser: ## Install Debian's chromium for the browser tests, if missing
	@command -v chromium >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null; }

clean:
	rm -rf site site.old .site-* .pytest_cache
	git clean -fdX content/
