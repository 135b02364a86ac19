"""The preview's event stream (`/__minutes/events`) as a reader sees it: the test suite and the benchmarks
listen to it to wait for an update instead of a deadline."""

from __future__ import annotations

from collections.abc import Iterable, Iterator


def read_events(lines: Iterable[bytes]) -> Iterator[tuple[str, str]]:
    """(name, data) for each `event:` line followed by its `data:` line; comments and blank lines skipped."""
    name = ""
    for raw in lines:
        line = raw.decode("utf-8").rstrip("\n")
        if line.startswith("event: "):
            name = line[len("event: ") :]
        elif line.startswith("data: ") and name:
            yield name, line[len("data: ") :]
            name = ""
