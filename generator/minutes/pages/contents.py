"""A document's contents list: its headings as a tree, every level of them."""

from __future__ import annotations

from dataclasses import dataclass, field

from minutes.pages.markdown_html import Heading


@dataclass(slots=True)
class ContentsEntry:
    heading: Heading
    children: list[ContentsEntry] = field(default_factory=list)


def contents(headings: tuple[Heading, ...] | list[Heading]) -> list[ContentsEntry]:
    """Headings nested under the nearest earlier heading of a higher level."""
    top: list[ContentsEntry] = []
    stack: list[ContentsEntry] = []
    for heading in headings:
        entry = ContentsEntry(heading)
        while stack and stack[-1].heading.level >= heading.level:
            stack.pop()
        (stack[-1].children if stack else top).append(entry)
        stack.append(entry)
    return top


LONG_ENOUGH = 3
"""A document with at least this many headings gets a contents list."""
