"""The preview's event stream read line by line, as the tests and benchmarks listen to it."""

import pytest

from minutes.serve.event_stream import read_events

CASES = [
    ([b": connected\n", b"\n", b"event: reload\n", b"data: {}\n", b"\n"], [("reload", "{}")]),
    ([b"event: search\n", b'data: {"edits": ["a/"]}\n'], [("search", '{"edits": ["a/"]}')]),
    ([b"data: {}\n", b"event: reload\n", b"data: 1\n", b"data: 2\n"], [("reload", "1")]),  # data needs its event
    ([b"event: error-message\n", b"\n"], []),  # an event without data is not one yet
]


@pytest.mark.parametrize(("lines", "events"), CASES)
def test_each_event_is_its_name_and_data(lines, events):
    assert list(read_events(lines)) == events
