"""The docs site, as a reader meets it: built with ``mkdocs build --strict``, served on
loopback, every page opened in headless Chromium (Debian's package; ``nox -s tests`` installs it
where it is missing) over the DevTools protocol: it renders, logs no console error, links to
nothing missing, and search finds ``wait``."""

from __future__ import annotations

import asyncio
import functools
import http.server
import itertools
import json
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urldefrag, urlsplit

import aiohttp
import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
    "--remote-debugging-port=0", "--remote-debugging-address=127.0.0.1",
]  # fmt: skip
PAGE_SECONDS = 15.0


def chromium() -> str:
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    pytest.fail("Debian's chromium is needed: nox -s tests installs it (apt-get, as root)")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site")
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(out)],
        cwd=ROOT, check=True, timeout=300,
    )  # fmt: skip
    return out


@pytest.fixture(scope="module")
def served(site: Path) -> Iterator[str]:
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

    handler = functools.partial(Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A headless Chromium with a fresh profile; its DevTools HTTP endpoint."""
    profile = tmp_path_factory.mktemp("chromium-profile")
    process = subprocess.Popen(
        [chromium(), *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "about:blank"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        port_file = profile / "DevToolsActivePort"
        deadline = time.monotonic() + 30
        while not (port_file.exists() and port_file.read_text().strip()):
            if time.monotonic() > deadline or process.poll() is not None:
                pytest.fail("chromium did not start its DevTools endpoint")
            time.sleep(0.05)
        yield f"http://127.0.0.1:{port_file.read_text().split()[0]}"
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


class Page:
    """One browser tab over the DevTools protocol."""

    def __init__(self, ws: aiohttp.ClientWebSocketResponse):
        self.ws = ws
        self.ids = itertools.count(1)
        self.errors: list[str] = []
        self.loaded = asyncio.Event()
        self.waiting: dict[int, asyncio.Future[Any]] = {}
        self.reader = asyncio.ensure_future(self._read())

    async def _read(self) -> None:
        async for message in self.ws:
            data = json.loads(message.data)
            if "id" in data and data["id"] in self.waiting:
                self.waiting.pop(data["id"]).set_result(data)
                continue
            method, params = data.get("method"), data.get("params", {})
            if method == "Page.loadEventFired":
                self.loaded.set()
            elif method == "Runtime.exceptionThrown":
                self.errors.append(json.dumps(params["exceptionDetails"])[:300])
            elif method == "Runtime.consoleAPICalled" and params["type"] in ("error", "assert"):
                self.errors.append(json.dumps(params["args"])[:300])
            elif method == "Log.entryAdded" and params["entry"]["level"] == "error":
                self.errors.append(f"{params['entry']['text']} {params['entry'].get('url', '')}")

    async def call(self, method: str, **params: Any) -> Any:
        number = next(self.ids)
        future: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
        self.waiting[number] = future
        await self.ws.send_str(json.dumps({"id": number, "method": method, "params": params}))
        answer = await asyncio.wait_for(future, PAGE_SECONDS)
        if "error" in answer:
            raise AssertionError(f"{method}: {answer['error']}")
        return answer.get("result")

    async def open(self, url: str) -> None:
        self.loaded.clear()
        self.errors.clear()
        await self.call("Page.navigate", url=url)
        await asyncio.wait_for(self.loaded.wait(), PAGE_SECONDS)

    async def evaluate(self, expression: str) -> Any:
        result = await self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        return result["result"].get("value")


async def _tab(session: aiohttp.ClientSession, browser: str) -> Page:
    async with session.put(f"{browser}/json/new?about:blank") as answer:
        target = await answer.json(content_type=None)
    ws = await session.ws_connect(target["webSocketDebuggerUrl"], max_msg_size=0)
    page = Page(ws)
    for domain in ("Page", "Runtime", "Log"):
        await page.call(f"{domain}.enable")
    return page


def _pages(site: Path) -> list[str]:
    return sorted(str(p.relative_to(site)) for p in site.rglob("*.html") if p.name != "404.html")


LINKS = "[...document.querySelectorAll('a[href]')].map(a => a.href)"
RENDERED = (
    "(() => { const a = document.querySelector('article.md-content__inner');"
    " return a ? a.innerText.trim().length : 0; })()"
)


def test_every_page_renders_without_console_errors_or_broken_links(
    site: Path, served: str, browser: str
) -> None:
    pages = _pages(site)
    assert len(pages) >= 20, pages  # home, 9 guides, 8 reference pages, vendors, pipeline

    async def main() -> dict[str, list[str]]:
        problems: dict[str, list[str]] = {}
        async with aiohttp.ClientSession() as session:
            page = await _tab(session, browser)
            for name in pages:
                await page.open(f"{served}/{name}")
                found: list[str] = []
                if not await page.evaluate(RENDERED):
                    found.append("no content rendered")
                await asyncio.sleep(0.05)  # late console errors (scripts after load)
                found += page.errors
                for link in await page.evaluate(LINKS):
                    found += _broken(site, served, link)
                if found:
                    problems[name] = found
            await page.ws.close()
        return problems

    assert asyncio.run(main()) == {}


def _broken(site: Path, served: str, link: str) -> list[str]:
    """What is wrong with a link on the served site: a page or anchor that is not there.
    Links elsewhere are not followed (the tests talk to loopback only)."""
    if not link.startswith(served + "/"):
        scheme = urlsplit(link).scheme
        return [] if scheme in ("https", "http", "mailto") else [f"odd link {link}"]
    url, fragment = urldefrag(link)
    path = urlsplit(url).path.lstrip("/") or "index.html"
    target = site / path
    if target.is_dir():
        target = target / "index.html"
    if not target.is_file():
        return [f"broken link {link}"]
    if fragment and target.suffix == ".html":
        text = target.read_text(encoding="utf-8")
        if f'id="{fragment}"' not in text:
            return [f"broken anchor {link}"]
    return []


def test_search_finds_wait(served: str, browser: str) -> None:
    async def main() -> list[str]:
        async with aiohttp.ClientSession() as session:
            page = await _tab(session, browser)
            await page.open(f"{served}/index.html?q=wait")
            deadline = time.monotonic() + PAGE_SECONDS
            found: list[str] = []
            while time.monotonic() < deadline and not found:
                await asyncio.sleep(0.2)
                found = await page.evaluate(
                    "[...document.querySelectorAll('.md-search-result__item a')].map(a => a.href)"
                )
            await page.ws.close()
            return found

    results = asyncio.run(main())
    assert results, "search for 'wait' found nothing"
    assert any("guides/waiting.html" in url or "reference/" in url for url in results), results
