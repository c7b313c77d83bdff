"""The page tests' default server and browser: the shared API store (tests/conftest.py app_db) served on
127.0.0.1 and one Chromium page per module; a module that needs another store defines its own base_url."""

from __future__ import annotations

import pytest
from browser import chromium_page, serving


@pytest.fixture(scope="module")
def base_url(app_db):
    with serving(app_db) as url:
        yield url


@pytest.fixture(scope="module")
def page(base_url):
    with chromium_page() as pg:
        dialogs = []
        pg.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        pg.dialogs = dialogs
        yield pg
