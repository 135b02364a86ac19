"""`minutes serve`: a real server on a free port that rebuilds on change and survives a broken template.

Every wait is on an event the server gives: its event stream's `reload` after an
update is served, a line in its log, the state its builds report. How fast an
edit is served is measured by bench/scale_bench.py, never asserted here.
"""

import contextlib
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from helpers import HANG, REPO, ServerEvents, copy_demo_site, fetch, free_port, wait_for, wait_for_line


@pytest.fixture()
def server(tmp_path):
    root = copy_demo_site(tmp_path / "site")
    port = free_port()
    log = open(tmp_path / "serve.log", "w+")
    process = subprocess.Popen(
        [sys.executable, "-m", "minutes", "serve", "--site", str(root), "--port", str(port), "--no-search"],
        cwd=REPO,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}/"
    try:
        wait_for(base, lambda status, body: status == 200)
        yield root, base, tmp_path / "serve.log", process
    finally:
        process.terminate()
        process.wait(timeout=10)
        log.close()


def test_an_edit_is_served_when_the_server_says_it_reloaded(server):
    root, base, _log, _process = server
    events = ServerEvents(base)
    about = root / "content" / "pages" / "about.md"
    about.write_text(
        about.read_text(encoding="utf-8") + "\nA freshly added sentence about quinces.\n", encoding="utf-8"
    )
    status, _body = events.served(base + "about/", lambda status, body: "quinces" in body)
    assert status == 200
    events.close()


def test_broken_template_is_reported_and_the_server_recovers(server):
    root, base, log, process = server
    templates = root / "themes" / "default" / "templates"
    templates.mkdir(parents=True)
    broken = templates / "page.html"
    events = ServerEvents(base)
    broken.write_text("{% extends 'default:page.html' %}{% block main %}{% if %}{% endblock %}", encoding="utf-8")
    # The preview keeps going: the page that cannot be rendered keeps its last version, and every page
    # shows the banner naming the template.
    status, body = events.served(
        base + "about/", lambda s, b: "that failed" in b and "hidden" not in b.split("minutes-build-error")[1][:80]
    )
    assert status == 200 and "page.html" in body
    assert process.poll() is None
    wait_for_line(log, "page.html:1: error: template error")
    broken.write_text(
        "{% extends 'default:page.html' %}{% block main %}<p>Fixed theme</p>{{ super() }}{% endblock %}",
        encoding="utf-8",
    )
    recovered = 'id="minutes-build-error" class="build-error" role="alert" style="white-space:pre-line" hidden'
    status, body = events.served(base + "about/", lambda s, b: "Fixed theme" in b and recovered in b)
    assert status == 200
    # A template that compiled is edited again: the preview reads it again, not what it compiled before.
    broken.write_text(broken.read_text(encoding="utf-8").replace("Fixed theme", "Theme edited again"), encoding="utf-8")
    status, body = events.served(base + "about/", lambda s, b: "Theme edited again" in b)
    assert status == 200 and "Fixed theme" not in body
    events.close()


def test_reload_script_is_injected_and_events_stream(server):
    _root, base, _log, _process = server
    status, body = fetch(base)
    assert "/__minutes/reload.js" in body
    status, script = fetch(base.rstrip("/") + "/__minutes/reload.js")
    assert status == 200 and "EventSource" in script
    with urllib.request.urlopen(base.rstrip("/") + "/__minutes/events", timeout=5) as stream:
        assert stream.headers["Content-Type"] == "text/event-stream"
        assert stream.readline().startswith(b": connected")


def test_without_search_the_preview_has_no_stand_in_for_pagefind(server):
    """`--no-search`: no module for the search page to load, and the injected script names none."""
    _root, base, _log, _process = server
    _status, script = fetch(base.rstrip("/") + "/__minutes/reload.js")
    assert "if (search && false)" in script
    status, _body = fetch(base.rstrip("/") + "/__minutes/search/pagefind.js")
    assert status == 404


def test_missing_page_gets_the_404_page(server):
    _root, base, _log, _process = server
    status, body = fetch(base + "no/such/page/")
    assert status == 404 and "Page not found" in body


@pytest.mark.browser
def test_open_tab_reloads_itself_and_shows_a_build_error(server, page):
    root, base, _log, _process = server
    page.goto(base + "about/")
    page.wait_for_function("() => document.readyState === 'complete'")
    about = root / "content" / "pages" / "about.md"
    about.write_text(about.read_text(encoding="utf-8") + "\nMedlars are in season.\n", encoding="utf-8")
    page.get_by_text("Medlars are in season.").wait_for(timeout=HANG * 1000)
    templates = root / "themes" / "default" / "templates"
    templates.mkdir(parents=True)
    (templates / "page.html").write_text(
        "{% extends 'default:page.html' %}{% block main %}{% endif %}", encoding="utf-8"
    )
    banner = page.locator("#minutes-build-error")
    banner.wait_for(state="visible", timeout=HANG * 1000)
    assert "page.html" in banner.inner_text()


def test_paths_outside_the_built_site_are_not_served(server):
    _root, base, _log, _process = server
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


# --- updates in place ------------------------------------------------------------------

MINUTES = "content/meetings/cabinet-member-for-communities-and-cohesion/2013-11-18/minutes.md"
MEETING_PAGE = "cabinet-member-for-communities-and-cohesion/2013-11-18/"


@pytest.fixture()
def live(tmp_path):
    """A real preview server in this process (HTTP and file watching), so its updates can be counted."""
    with _live(copy_demo_site(tmp_path / "site")) as found:
        yield found


@contextlib.contextmanager
def _live(root):
    import threading

    from minutes.core.config import load_config
    from minutes.serve.server import PreviewServer

    lines: list[str] = []
    server = PreviewServer(load_config(root), "127.0.0.1", free_port(), search=False, log=lines.append)
    assert server.rebuild() is not None
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    assert server.watching.wait(HANG)
    try:
        yield root, server, lines
    finally:
        server.shutdown()
        thread.join(timeout=10)


def next_generation(server, after: int) -> None:
    """Wait until the server has finished its next update (its status moves on a generation)."""
    state = server.state
    with state.condition:
        assert state.condition.wait_for(lambda: state.generation > after, timeout=HANG), "no update finished"


def test_a_body_edit_re_renders_only_the_page_showing_it(live):
    root, server, lines = live
    base = server.address
    pages_before = server.builder.state.digests.copy()
    generation = server.state.generation
    minutes = root / MINUTES
    minutes.write_text(minutes.read_text(encoding="utf-8") + "\nA sentence about medlars.\n", encoding="utf-8")
    next_generation(server, generation)
    assert "medlars" in fetch(base + MEETING_PAGE)[1]
    assert len(server.updates) == 1, lines
    update = server.updates[0]
    assert [s.output for s in update.planned] == [MEETING_PAGE + "index.html"]
    assert update.written == (MEETING_PAGE + "index.html",)
    changed = {p for p, d in server.builder.state.digests.items() if pages_before.get(p) != d}
    assert changed == {MEETING_PAGE + "index.html"}


def test_a_front_matter_edit_re_renders_the_pages_that_show_it(live):
    root, server, lines = live
    minutes = root / MINUTES
    text = minutes.read_text(encoding="utf-8")
    generation = server.state.generation
    minutes.write_text(text.replace("resolutions:", "resolutions:\n  - That medlars be planted.", 1), encoding="utf-8")
    next_generation(server, generation)
    assert "That medlars be planted." in fetch(server.address + "decisions/2013/")[1]
    assert not server.updates  # not a body edit: a warm build
    rebuilt = [line for line in lines if line.startswith("rebuilt ")]
    rendered = int(rebuilt[-1].split("(")[1].split()[0])
    total = int(rebuilt[-1].split()[1])
    assert 0 < rendered < total / 4, rebuilt[-1]


def test_the_people_data_file_is_watched_and_its_errors_named(tmp_path):
    """Saving the people data file (here where site.yaml puts it) updates the person's page; a bad entry is
    listed by its file and line."""
    root = copy_demo_site(tmp_path / "site")
    with (root / "site.yaml").open("a", encoding="utf-8") as settings:
        settings.write("people:\n  file: people.yaml\n")
    with _live(root) as (_root, server, lines):
        people = root / "people.yaml"
        people.write_text("Councillor Cusworth:\n  ward: Example Ward\n", encoding="utf-8")
        page = server.address + "people/councillor-cusworth/"
        wait_for(page, lambda status, body: "Example Ward" in body)
        # Saved whole, as an editor saves: a write seen half-done (the file emptied, then filled) would be
        # a good file with no one in it, rebuilt once before the bad one.
        saved = root / "people.yaml.saving"
        saved.write_text("Councillor Cusworth:\n  ward: Example Ward\n  colour: red\n", encoding="utf-8")
        os.replace(saved, people)
        wait_for(page, lambda status, body: "Example Ward" not in body)
        _wait_for_log(lines, lambda line: line.startswith("people.yaml:3: error: "))


def _wait_for_log(lines: list[str], predicate) -> str:
    """The first line the server logged that satisfies `predicate`, once it has logged it."""
    end = time.monotonic() + HANG
    while time.monotonic() < end:
        for line in list(lines):
            if predicate(line):
                return line
        time.sleep(0.05)
    raise AssertionError(f"the server never logged the line; its last lines: {lines[-5:]}")
