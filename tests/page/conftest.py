"""Fixtures of the query-page tests: a store with the four sample letters, a real server on it
(``npcegraph serve`` on a free loopback port, started by the API tests' ``servers`` module) and
headless Chromium driven by Selenium through Debian's chromedriver."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "api"))  # tests/api/servers.py
from servers import Server, running_server  # noqa: E402

from npcegraph.resources import samples_dir  # noqa: E402

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
# The flags the machine notes give for Chromium on a closed network, as root, without a screen.
CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                  "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--window-size=1280,960")


@pytest.fixture(scope="session")
def page_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A server over a store holding the four sample letters."""
    store = tmp_path_factory.mktemp("page") / "store"
    result = subprocess.run([sys.executable, "-m", "npcegraph", "ingest", str(samples_dir()),
                             "--store", str(store)], capture_output=True, text=True,
                            env={k: v for k, v in os.environ.items()
                                 if not k.startswith("NPCEGRAPH_")})
    assert result.returncode == 0, result.stdout + result.stderr
    with running_server(store) as up:
        yield up


@pytest.fixture(scope="session")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    """Headless Chromium with a fresh profile; fails (never skips) when it is not installed."""
    missing = [str(p) for p in (CHROMIUM, CHROMEDRIVER) if not p.is_file()]
    if missing:
        pytest.fail(f"the browser tests need Debian's chromium and chromium-driver; missing: "
                    f"{', '.join(missing)} (.ci/run installs them when run as root: "
                    "apt-get install chromium chromium-driver)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    driver = webdriver.Chrome(options=options, service=Service(str(CHROMEDRIVER)))
    try:
        yield driver
    finally:
        driver.quit()
