"""Pure functions of a line's text, remembered: each rule that reads a line asks them again, and the style
trial reads a paper twice.

Only texts up to `SHORT_CHARS` are remembered, and at most `ENTRIES` of them, so what a worker holds stays
small whatever the paper (a line may be up to max_line_chars long).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")

SHORT_CHARS = 2000
ENTRIES = 2**14


def remembered(function: Callable[[str], T]) -> Callable[[str], T]:
    """`function` (of one text, pure, returning an immutable value), remembering what it gave for short texts."""
    cached = functools.lru_cache(maxsize=ENTRIES)(function)

    @functools.wraps(function)
    def call(text: str) -> T:
        return cached(text) if len(text) <= SHORT_CHARS else function(text)

    return call
