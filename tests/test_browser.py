"""A real browser (headless Chromium, driven by Playwright) on the served page and on a file
written by `speechparse view`; screenshots go to build/screenshots/.

The browser is Debian's chromium (`.ci/run` installs it; SPEECHPARSE_CHROMIUM names another).
Without one the tests skip and say why; under CI (CI=true) they fail instead, so a machine
without a browser cannot pass them silently.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator

import pytest

import speechparse
from helpers import ROOT, SAMPLES, read
from servers import running_server
from speechparse.check import check

SHOTS = ROOT / "build" / "screenshots"


def _unavailable(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"CI runs the browser tests, but {reason}")
    pytest.skip(f"no browser test: {reason} (install Debian's chromium package)")


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    executable = os.environ.get("SPEECHPARSE_CHROMIUM") or shutil.which("chromium")
    if executable is None:
        _unavailable("no chromium executable is on PATH")
    from playwright.sync_api import Error, sync_playwright

    with sync_playwright() as p:
        try:
            launched = p.chromium.launch(executable_path=executable, args=["--no-sandbox"])
        except Error as exc:
            _unavailable(f"{executable} could not be started: {exc.message.splitlines()[0]}")
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with running_server() as url:
        yield url


def test_a_pasted_draft_shows_its_outline_and_diagnostics(browser, server):
    sample = next(p for p in SAMPLES if p.name.startswith("11-"))
    text = read(sample)
    speech = speechparse.parse(text.replace("\r\n", "\n"))
    assert speech.demands is not None and speech.diagnostics
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(server)
    page.fill("#text", text)
    page.click("#check")
    page.wait_for_selector("#outline")
    headlines = page.locator("#outline > ol > li > a .o-headline").all_inner_texts()
    assert headlines == [item.headline.text for item in speech.demands.items]
    # the page lists what `speechparse check` lists
    problems = check(text.replace("\r\n", "\n"))
    assert page.locator("#plain li").all_inner_texts() == [p.message for p in problems]
    codes = page.locator("#diagnostics li").evaluate_all("els => els.map(e => e.dataset.code)")
    assert codes == [p.code for p in problems]
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "serve.png"), full_page=True)
    assert (SHOTS / "serve.png").stat().st_size > 10_000
    page.close()


def test_a_view_file_marks_the_parts_and_its_outline_jumps(browser, tmp_path):
    sample = next(p for p in SAMPLES if p.name.startswith("02-"))
    out = tmp_path / "view.html"
    done = subprocess.run(
        [sys.executable, "-m", "speechparse", "view", str(sample), "-o", str(out)], check=True
    )
    assert done.returncode == 0
    speech = speechparse.parse(read(sample))
    assert speech.title is not None and speech.demands is not None
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(out.as_uri())
    assert page.locator("#source .m-title").inner_text() == speech.title.text
    items = page.locator("#source .m-item[id]")
    assert items.count() == len(speech.demands.items)
    assert page.locator("#source .m-marker").first.inner_text() == speech.demands.items[0].marker
    # the outline's third entry jumps to the third demand, which the page then shows
    link = page.locator("#outline > ol > li > a").nth(2)
    target = link.get_attribute("href")
    link.click()
    assert page.evaluate("location.hash") == target
    assert page.locator(f"#source {target}").is_visible()
    assert page.locator(f"#source {target}").evaluate("e => e.matches(':target')")
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "view.png"), full_page=True)
    page.close()


def test_the_view_file_needs_nothing_from_the_network(browser, tmp_path):
    sample = next(p for p in SAMPLES if p.name.startswith("19-"))
    out = tmp_path / "view.html"
    subprocess.run([sys.executable, "-m", "speechparse", "view", str(sample), "-o", str(out)],
                   check=True)  # fmt: skip
    page = browser.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(out.as_uri())
    assert requests == [out.as_uri()]
    noise = page.locator("#source .m-noise").first
    assert noise.get_attribute("title").startswith("noise: ")
    assert "line-through" in noise.evaluate("e => getComputedStyle(e).textDecorationLine")
    page.close()
