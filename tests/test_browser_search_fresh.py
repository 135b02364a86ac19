"""Search in `minutes serve` finds an edit before its shard is indexed again, and shows each page once.

A real preview server (HTTP, file watching, Pagefind) in this process, so the
test can hold the shards' re-index back (it waits on the server's index lock)
and search while only the edits bundle has the new text; then let it run and
search again. Every wait is on the server's event stream or on the page.
"""

import contextlib
import gzip
import shutil
import threading

import pytest

from helpers import HANG, HANG_MS, ServerEvents, free_port, static_server

pytestmark = pytest.mark.browser

MINUTES = "content/meetings/cabinet-member-for-communities-and-cohesion/2013-11-18/minutes.md"
MEETING_PAGE = "cabinet-member-for-communities-and-cohesion/2013-11-18/"
OLD_WORD = "Fawkes"
"""Printed only in these minutes' body (sample 000)."""
NEW_WORD = "Zymurgical"
"""Printed nowhere in the demo."""


@contextlib.contextmanager
def preview(root):
    from minutes.core.config import load_config
    from minutes.serve.server import PreviewServer

    lines: list[str] = []
    server = PreviewServer(load_config(root), "127.0.0.1", free_port(), search=True, log=lines.append)
    assert server.rebuild() is not None, lines
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    assert server.watching.wait(HANG)
    try:
        yield server, lines
    finally:
        server.shutdown()
        thread.join(timeout=30)


def found(page, url: str, word: str) -> list[str]:
    """The links of the results (and sub-results) the search page shows for `word`, once all are drawn."""
    page.goto(f"{url}search/?q={word}")
    page.wait_for_function(
        "() => { const m = document.querySelector('.pagefind-ui__message');"
        " if (!m || !m.innerText.trim() || /Searching/i.test(m.innerText)) return false;"
        " return !document.querySelector('#search .pagefind-ui__loading'); }",
        timeout=HANG_MS,
    )
    links = page.locator(".pagefind-ui__result-link")
    hrefs = [links.nth(i).get_attribute("href") or "" for i in range(links.count())]
    # Left, so the server's next event does not reload the search page while the test looks at another.
    page.goto("about:blank")
    return hrefs


def next_search_event(events: ServerEvents) -> list[str]:
    """The pages the edits bundle holds, from the server's next `search` event (reloads before it skipped)."""
    import json

    while True:
        name, data = events.next()
        if name == "search":
            return json.loads(data)["edits"]
        assert name == "reload", (name, data)


def test_an_edited_word_is_found_once_before_and_after_its_shard_is_indexed_again(demo_build, tmp_path, page):
    demo_root, _result = demo_build
    root = tmp_path / "site"
    shutil.copytree(demo_root, root, ignore=shutil.ignore_patterns("output", ".minutes-preview"))
    with preview(root) as (server, lines):
        base = server.address
        page_url = base.rstrip("/") + "/" + MEETING_PAGE
        before = found(page, base, OLD_WORD)
        assert before.count("/" + MEETING_PAGE) == 1, before
        assert found(page, base, NEW_WORD) == []

        events = ServerEvents(base)
        minutes = root / MINUTES
        # The shard's re-index waits until the test lets it: what search finds meanwhile is the edits bundle's.
        with server.index_lock:
            minutes.write_text(minutes.read_text(encoding="utf-8").replace(OLD_WORD, NEW_WORD), encoding="utf-8")
            assert next_search_event(events) == [MEETING_PAGE + "index.html"], lines
            fresh = found(page, base, NEW_WORD)
            assert [h for h in fresh if h.endswith("/" + MEETING_PAGE)] == ["/" + MEETING_PAGE], fresh
            stale = found(page, base, OLD_WORD)
            assert "/" + MEETING_PAGE not in stale, stale
            # The old word is still in the shard until its re-index: only the stand-in module hides it.
            assert shard_holds(server, OLD_WORD)
        assert next_search_event(events) == [], lines
        assert not (server.output / "pagefind" / ".edits").exists()
        after = found(page, base, NEW_WORD)
        assert after.count("/" + MEETING_PAGE) == 1, after
        assert "/" + MEETING_PAGE not in found(page, base, OLD_WORD)
        assert NEW_WORD in page_text(page, page_url)
        events.close()


def shard_holds(server, word: str) -> bool:
    """Whether the edited page's shard, as Pagefind last wrote it, has `word` in a page's text."""
    spec = server.builder.state.specs[MEETING_PAGE + "index.html"]
    fragments = (server.output / "pagefind" / spec.shard / "fragment").glob("*.pf_fragment")
    return any(word.encode() in gzip.decompress(path.read_bytes()) for path in fragments)


def page_text(page, url: str) -> str:
    page.goto(url)
    text = page.locator("main").inner_text()
    page.goto("about:blank")
    return text


def test_a_built_site_searches_its_bundles_only(demo_build, page):
    """A static build's search page asks for no preview module and no edits bundle: nothing but its shards."""
    _root, result = demo_build
    assert not (result.output / "pagefind" / ".edits").exists()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    with static_server(result.output) as host:
        assert found(page, host + "/", OLD_WORD).count("/" + MEETING_PAGE) == 1
    assert requests
    assert not [u for u in requests if "__minutes" in u or ".edits" in u], requests
