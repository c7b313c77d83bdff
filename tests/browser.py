"""What the page tests share: the real app served on a free port of 127.0.0.1, and Debian's Chromium driven by Playwright."""

from __future__ import annotations

import contextlib
import shutil
import socket
import threading
import time

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# No background traffic: this machine reaches no network but the package registries.
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
needs_chromium = [pytest.mark.browser, pytest.mark.skipif(not shutil.which("chromium"), reason="needs Debian's chromium (.ci/run installs it)")]


def browser_test(test):
    """Mark one test as driving Chromium (skipped where Debian's chromium is not installed)."""
    for mark in needs_chromium:
        test = mark(test)
    return test


@contextlib.contextmanager
def serving(db_url: str):
    """The FastAPI app over the store at db_url, served by uvicorn until the block ends; yields its base URL."""
    import uvicorn

    from silkwatch.api import create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(db_url), host="127.0.0.1", port=port, log_level="error"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(200):
        if server.started:
            break
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(5)


@contextlib.contextmanager
def chromium_page():
    """A new page of a headless Chromium that closes with the block."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            yield browser.new_page()
        finally:
            browser.close()
