"""The preview's event stream read line by line, as the tests and benchmarks listen to it."""

import threading
import urllib.request

import pytest

from helpers import copy_demo_site, free_port
from minutes.core.config import load_config
from minutes.serve.event_stream import read_events
from minutes.serve.server import EVENTS_PATH, PreviewServer

CASES = [
    ([b": connected\n", b"\n", b"event: reload\n", b"data: {}\n", b"\n"], [("reload", "{}")]),
    ([b"event: search\n", b'data: {"edits": ["a/"]}\n'], [("search", '{"edits": ["a/"]}')]),
    ([b"data: {}\n", b"event: reload\n", b"data: 1\n", b"data: 2\n"], [("reload", "1")]),  # data needs its event
    ([b"event: error-message\n", b"\n"], []),  # an event without data is not one yet
]


@pytest.mark.parametrize(("lines", "events"), CASES)
def test_each_event_is_its_name_and_data(lines, events):
    assert list(read_events(lines)) == events


def test_a_build_and_an_index_in_one_wake_are_both_said(tmp_path):
    """A build quick enough to index its edited pages before the stream wakes still says both: the reload, then
    the search a listener waits for."""
    root = copy_demo_site(tmp_path / "site")
    port = free_port()
    # (the events are said at once: a stream silent for 30 s has missed one)
    server = PreviewServer(load_config(root), "127.0.0.1", port, search=False, log=lambda line: None)
    thread = threading.Thread(target=server.httpd.serve_forever, daemon=True)
    thread.start()
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{EVENTS_PATH}", timeout=30) as stream:
            lines = iter(stream.readline, b"")
            assert next(lines).startswith(b": connected")
            with server.state.condition:  # both before the stream can wake
                server.state.succeeded()
                server.state.search_changed(["a/"])
            events = read_events(lines)
            assert [next(events), next(events)] == [("reload", "{}"), ("search", '{"edits": ["a/"]}')]
    finally:
        server.httpd.shutdown()
        server.httpd.server_close()
