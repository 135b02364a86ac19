"""`minutes serve`: a real server on a free port that rebuilds on change and survives a broken template."""

import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from helpers import REPO, copy_demo_site, free_port

DEADLINE = 5.0  # seconds from an edit to the changed page being served


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8")


def wait_for(url: str, predicate, seconds: float) -> tuple[int, str]:
    end = time.monotonic() + seconds
    last = (0, "")
    while time.monotonic() < end:
        try:
            last = fetch(url)
            if predicate(*last):
                return last
        except (urllib.error.URLError, OSError):
            pass  # not listening yet, or listening while the first build still runs (a timeout)
        time.sleep(0.1)
    raise AssertionError(f"{url} did not reach the expected state in {seconds}s; last: {last[0]} {last[1][:300]}")


@pytest.fixture()
def server(tmp_path):
    root = copy_demo_site(tmp_path / "site")
    port = free_port()
    log = open(tmp_path / "serve.log", "w+")
    process = subprocess.Popen(
        [sys.executable, "-m", "minutes", "serve", "--site", str(root), "--port", str(port), "--no-search"],
        cwd=REPO, stdout=log, stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}/"
    try:
        wait_for(base, lambda status, body: status == 200, 60)
        yield root, base, tmp_path / "serve.log", process
    finally:
        process.terminate()
        process.wait(timeout=10)
        log.close()


def test_edit_is_served_within_five_seconds(server):
    root, base, log, process = server
    about = root / "content" / "pages" / "about.md"
    about.write_text(about.read_text(encoding="utf-8") + "\nA freshly added sentence about quinces.\n", encoding="utf-8")
    started = time.monotonic()
    wait_for(base + "about/", lambda status, body: "quinces" in body, DEADLINE)
    assert time.monotonic() - started < DEADLINE


def test_broken_template_is_reported_and_the_server_recovers(server):
    root, base, log, process = server
    templates = root / "themes" / "default" / "templates"
    templates.mkdir(parents=True)
    broken = templates / "page.html"
    broken.write_text("{% extends 'default:page.html' %}{% block main %}{% if %}{% endblock %}", encoding="utf-8")
    status, body = wait_for(base + "about/", lambda s, b: "Build failed" in b and "hidden>" not in b.split("minutes-build-error")[1][:40], DEADLINE)
    assert status == 200 and "page.html" in body
    assert process.poll() is None
    time.sleep(0.3)
    assert "build failed" in log.read_text(encoding="utf-8")
    broken.write_text(
        "{% extends 'default:page.html' %}{% block main %}<p>Fixed theme</p>{{ super() }}{% endblock %}", encoding="utf-8"
    )
    recovered = 'id="minutes-build-error" class="build-error" role="alert" hidden'
    status, body = wait_for(base + "about/", lambda s, b: "Fixed theme" in b and recovered in b, DEADLINE)
    assert status == 200


def test_reload_script_is_injected_and_events_stream(server):
    root, base, log, process = server
    status, body = fetch(base)
    assert "/__minutes/reload.js" in body
    status, script = fetch(base.rstrip("/") + "/__minutes/reload.js")
    assert status == 200 and "EventSource" in script
    with urllib.request.urlopen(base.rstrip("/") + "/__minutes/events", timeout=5) as stream:
        assert stream.headers["Content-Type"] == "text/event-stream"
        assert stream.readline().startswith(b": connected")


def test_missing_page_gets_the_404_page(server):
    root, base, log, process = server
    status, body = fetch(base + "no/such/page/")
    assert status == 404 and "Page not found" in body


@pytest.mark.browser
def test_open_tab_reloads_itself_and_shows_a_build_error(server, page):
    root, base, log, process = server
    page.goto(base + "about/")
    page.wait_for_function("() => document.readyState === 'complete'")
    about = root / "content" / "pages" / "about.md"
    about.write_text(about.read_text(encoding="utf-8") + "\nMedlars are in season.\n", encoding="utf-8")
    page.get_by_text("Medlars are in season.").wait_for(timeout=DEADLINE * 1000)
    templates = root / "themes" / "default" / "templates"
    templates.mkdir(parents=True)
    (templates / "page.html").write_text("{% extends 'default:page.html' %}{% block main %}{% endif %}", encoding="utf-8")
    banner = page.locator("#minutes-build-error")
    banner.wait_for(state="visible", timeout=DEADLINE * 1000)
    assert "page.html" in banner.inner_text()


def test_paths_outside_the_built_site_are_not_served(server):
    root, base, log, process = server
    import http.client

    host, port = base.split("//")[1].rstrip("/").split(":")
    for path in ("/../site.yaml", "/%2e%2e/site.yaml", "/static/../../site.yaml"):
        connection = http.client.HTTPConnection(host, int(port), timeout=5)
        connection.request("GET", path)  # sent as written, not normalised by a client
        response = connection.getresponse()
        body = response.read().decode("utf-8", "replace")
        assert response.status == 404, path
        assert "title:" not in body
        connection.close()
