"""Shared fixtures: built copies of the demo site and a real Chromium."""

from __future__ import annotations

import pytest

from helpers import CHROMIUM, CHROMIUM_ARGS, copy_demo_site


@pytest.fixture(scope="session")
def demo_build(tmp_path_factory: pytest.TempPathFactory):
    """The demo site built once, with search, at the root of its host."""
    from minutes.build import build
    from minutes.core.config import load_config

    root = copy_demo_site(tmp_path_factory.mktemp("demo"))
    result = build(load_config(root))
    return root, result


@pytest.fixture(scope="session")
def demo_build_subpath(tmp_path_factory: pytest.TempPathFactory):
    """The demo site built for /minutes/, written into <host root>/minutes/."""
    from minutes.build import build
    from minutes.core.config import load_config

    root = copy_demo_site(tmp_path_factory.mktemp("demo-sub"))
    host_root = tmp_path_factory.mktemp("host")
    config = load_config(root).with_overrides(base_url="/minutes/", output_dir=host_root / "minutes")
    result = build(config)
    return host_root, result


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright. A missing browser fails the run: it is never skipped."""
    if not CHROMIUM.exists():
        pytest.fail(f"Chromium is required at {CHROMIUM} for the browser tests (Debian: apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield instance
        instance.close()


@pytest.fixture()
def page(browser):
    context = browser.new_context()
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture()
def removers(monkeypatch):
    """The detached processes that delete an old site (publish/atomic.py), started for real and waited for.

    Each is reaped when the test ends, so none is left for whoever waits on this
    process's children next (mutmut waits on its workers with os.wait()). The list
    holds each process and the keyword arguments it was started with.
    """
    import subprocess
    from types import SimpleNamespace

    from minutes.publish import atomic

    started: list[tuple[subprocess.Popen, dict]] = []

    def popen(args, **options):
        process = subprocess.Popen(args, **options)
        started.append((process, options))
        return process

    monkeypatch.setattr(atomic, "subprocess", SimpleNamespace(Popen=popen, DEVNULL=subprocess.DEVNULL))
    yield started
    for process, _ in started:
        process.wait()
