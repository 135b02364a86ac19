"""Pure functions of a line's text, remembered: each rule that reads a line asks them again, and the style
trial reads a paper twice.

Only texts up to `SHORT_CHARS` are remembered, and at most `ENTRIES` of them a function (the oldest
forgotten first), so what a worker holds stays small whatever the paper (a line may be up to
max_line_chars long).

What a paper's first reading remembered is sent on to its second reading (`kept_readings`), which a
worker of its own makes with another house style: the functions are pure, so what it takes is what it
would have worked out again (`since` and `recall`).
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

T = TypeVar("T")

SHORT_CHARS = 2000
ENTRIES = 2**14

_TABLES: dict[str, dict[Any, Any]] = {}
"""What each remembered function gave, by its name: its arguments -> its value."""


def table(name: str) -> dict[Any, Any]:
    """The table of what the function `name` gave (made empty when first asked); fill it with `keep`."""
    return _TABLES.setdefault(name, {})


def keep(entries: dict[Any, Any], key: Hashable, value: T) -> T:
    """`value` remembered in `entries` for `key`, the oldest entry forgotten past `ENTRIES`."""
    entries[key] = value
    if len(entries) > ENTRIES:
        del entries[next(iter(entries))]
    return value


def remembered(function: Callable[[str], T]) -> Callable[[str], T]:
    """`function` (of one text, pure, returning an immutable value), remembering what it gave for short texts."""
    name = base = f"{function.__module__}.{function.__qualname__}"
    for n in itertools.count(2):
        if name not in _TABLES:
            break
        name = f"{base}#{n}"  # another function of the same name (one made anew by each call of its maker)
    entries = table(name)

    @functools.wraps(function)
    def call(text: str) -> T:
        if len(text) > SHORT_CHARS:
            return function(text)
        try:
            return entries[text]  # type: ignore[no-any-return]
        except KeyError:
            return keep(entries, text, function(text))

    return call


Mark = dict[str, int]
"""How many entries each table held at a moment (`mark`)."""
Remembered = dict[str, list[tuple[Any, Any]]]
"""Entries of the tables, by the function's name (`since`)."""


def mark() -> Mark:
    """Where the tables stand now: what is remembered after it is `since` this mark."""
    return {name: len(entries) for name, entries in _TABLES.items()}


def since(at: Mark) -> Remembered:
    """The entries remembered since `at` (the newest, as entries are kept in the order they were made; if some
    were forgotten meanwhile, a few of the first new ones are left out, which costs only their working out)."""
    return {
        name: list(itertools.islice(entries.items(), at.get(name, 0), None))
        for name, entries in _TABLES.items()
        if len(entries) > at.get(name, 0)
    }


def recall(remembered: Remembered) -> None:
    """Remember again what `since` gave, in another process of the same convert."""
    for name, pairs in remembered.items():
        entries = _TABLES.get(name)
        if entries is not None:
            for key, value in pairs:
                keep(entries, key, value)
