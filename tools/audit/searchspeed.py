"""How long a reader on a phone waits for the first search result, now that search loads when it is opened.

A fresh browser (nothing cached) on Lighthouse's slow 4G profile (150 ms round
trip, 1.6 Mbit/s down, 750 kbit/s up) with a 4× slower CPU loads a page, taps
the magnifier, waits while a phone's keyboard would slide up (300 ms) and types
the query, a key every 120 ms. Measured in the page: from the first keystroke
to the first result on screen. Until then the worker, the index and lunr's
language files load and the worker builds the index. `pause_ms=0` gives the
worst case, a reader who types at the very moment search opens.
"""

from __future__ import annotations

SLOW_4G = {"offline": False, "latency": 150, "downloadThroughput": 1.6 * 1024 * 1024 / 8, "uploadThroughput": 750 * 1024 / 8}
CPU_SLOWDOWN = 4
PHONE = {"width": 360, "height": 780}
KEY_DELAY_MS = 120
KEYBOARD_MS = 300  # a phone's on-screen keyboard takes about this long to appear after the tap

TIMER = """() => {
  window.wvwSearchTiming = {};
  const t = window.wvwSearchTiming;
  document.querySelector("[data-md-component=search-query]").addEventListener("keydown", () => { t.key = t.key || performance.now(); });
  new MutationObserver(() => { if (!t.result && document.querySelector(".md-search-result__item")) t.result = performance.now(); })
    .observe(document.querySelector("[data-md-component=search-result]"), { childList: true, subtree: true });
}"""


def first_result_ms(chromium: str, flags: list[str], url: str, query: str, runs: int = 3, pause_ms: int = KEYBOARD_MS) -> list[float]:
    """Milliseconds from the first keystroke to the first result, once per run, each in a fresh browser context."""
    from playwright.sync_api import sync_playwright

    found = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=flags)
        try:
            for _ in range(runs):
                context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True)
                page = context.new_page()
                cdp = context.new_cdp_session(page)
                cdp.send("Network.enable")
                cdp.send("Network.emulateNetworkConditions", SLOW_4G)
                cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
                page.goto(url, wait_until="networkidle")
                page.evaluate(TIMER)
                page.locator("label.md-header__button[for='__search']").tap()
                page.wait_for_timeout(pause_ms)
                page.keyboard.type(query, delay=KEY_DELAY_MS)
                page.locator(".md-search-result__item").first.wait_for(timeout=30_000)
                timing = page.evaluate("window.wvwSearchTiming")
                found.append(timing["result"] - timing["key"])
                context.close()
        finally:
            browser.close()
    return found
