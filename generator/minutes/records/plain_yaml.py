"""Front-matter in the plain shapes records are written in, read without PyYAML.

A record's front-matter, as `frontmatter.join` writes it, is block mappings
and block lists of one-line values: words, quoted words, `[]`, `{}`, nothing.
Reading that through PyYAML (libyaml's composer, then PyYAML's constructor in
Python) was about two fifths of loading a record. `read_plain` reads those
shapes alone, line by line, and answers `NOT_PLAIN` for anything else, which
the caller then gives to `load_yaml` exactly as before: aliases, anchors,
tags, flow collections, block and multi-line scalars, escapes, comments,
blank lines, tabs, a repeated key, an unusual character, a word YAML reads as
a number or date. So every refusal and every error message (file and line)
is the safe loader's; this reader only ever answers for text the safe loader
reads without complaint, and answers what it would.

What a plain word means is decided by the loader's own table of implicit
types (`yes` is true, `12` a number, `2024-01-05` a date): a word it reads as
anything but text, null, true/false or a plain decimal is left to it.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Final

from yaml.constructor import SafeConstructor

from minutes.core.yamlfile import StrictLoader

NOT_PLAIN: Final = object()
"""Returned for a text outside the plain shapes: read it with `load_yaml`."""
MAX_DEPTH = 32
"""Nested blocks read here; deeper (no record nests past a handful) is the loader's."""

_STR, _NULL, _BOOL, _INT, _FLOAT = (f"tag:yaml.org,2002:{t}" for t in ("str", "null", "bool", "int", "float"))
_IMPLICIT = StrictLoader.yaml_implicit_resolvers
_DECIMAL = re.compile(r"(?:0|[1-9][0-9]{0,17})\Z")
_FRACTION = re.compile(r"[0-9]{1,17}\.[0-9]{1,17}\Z")  # `0.4`, as a confidence is written
# Anything YAML does not read as it is on one line: characters it refuses (the reader's own set), line
# breaks other than `\n` (YAML 1.1 also breaks at \r, \x85, \u2028, \u2029), tabs, a byte-order mark.
_UNUSUAL = re.compile("[^\x0a\x20-\x7e\xa0-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]|[\u2028\u2029]")
_KEY = re.compile(r"([A-Za-z_][A-Za-z0-9_-]{0,99}):(?: |\Z)")  # YAML allows a key of at most 1,024 characters
# A word may not start with what YAML reads as an indicator (`-`, `?`, `:` only before a space, but left
# to the loader whatever follows them); inside it, `: ` starts a mapping and ` #` a comment.
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@` ")


class _NotPlain(Exception):
    pass


def read_plain(text: str) -> Any:
    """The mapping a front-matter text holds, or `NOT_PLAIN` if it is not in the plain shapes."""
    if not text or _UNUSUAL.search(text):
        return NOT_PLAIN
    lines: list[tuple[int, str]] = []
    for line in text.split("\n"):
        content = line.lstrip(" ")
        if not content or content[0] == "#" or content[-1] == " ":
            return NOT_PLAIN  # blank lines, comments and trailing spaces are the loader's to read
        lines.append((len(line) - len(content), content))
    if lines[0][0] != 0:
        return NOT_PLAIN
    try:
        data, end = _mapping(lines, 0, 0, 0)
    except _NotPlain:
        return NOT_PLAIN
    return data if end == len(lines) else NOT_PLAIN


def _node(lines: list[tuple[int, str]], i: int, indent: int, depth: int) -> tuple[Any, int]:
    """The block starting at line `i`, indented by `indent`: a list if it starts with `- `, else a mapping."""
    if depth > MAX_DEPTH:
        raise _NotPlain
    return (_list if lines[i][1].startswith("- ") else _mapping)(lines, i, indent, depth + 1)


def _mapping(lines: list[tuple[int, str]], i: int, indent: int, depth: int) -> tuple[dict[str, Any], int]:
    data: dict[str, Any] = {}
    while i < len(lines) and lines[i][0] == indent and not lines[i][1].startswith("-"):
        content = lines[i][1]
        key = _KEY.match(content)
        if key is None or _key_tag(key[1]) != _STR or key[1] in data:
            raise _NotPlain  # a key YAML reads otherwise, or repeated: the loader refuses or reads it
        rest = content[key.end() :]
        i += 1
        if rest:
            data[key[1]] = _scalar(rest)
        elif i < len(lines) and (lines[i][0] > indent or (lines[i][0] == indent and lines[i][1].startswith("- "))):
            data[key[1]], i = _node(lines, i, lines[i][0], depth)
        else:
            data[key[1]] = None
    return data, i


def _list(lines: list[tuple[int, str]], i: int, indent: int, depth: int) -> tuple[list[Any], int]:
    items: list[Any] = []
    while i < len(lines) and lines[i][0] == indent and lines[i][1].startswith("- "):
        rest = lines[i][1][2:]
        if _KEY.match(rest):
            # `- key: value` opens a mapping indented past the dash: its other keys line up with this one.
            lines[i] = (indent + 2, rest)
            data, i = _mapping(lines, i, indent + 2, depth + 1)
            items.append(data)
        else:
            items.append(_scalar(rest))
            i += 1
    return items, i


def _scalar(value: str) -> Any:
    """A one-line value as the safe loader reads it; `_NotPlain` for any it may read otherwise or refuse."""
    first = value[0]
    if first == "'":
        inner = value[1:-1]
        if len(value) < 2 or value[-1] != "'" or "'" in inner.replace("''", ""):
            raise _NotPlain
        return inner.replace("''", "'")
    if first == '"':
        inner = value[1:-1]
        if len(value) < 2 or value[-1] != '"' or '"' in inner or "\\" in inner:
            raise _NotPlain
        return inner
    if value == "[]":
        return []
    if value == "{}":
        return {}
    if first in _INDICATORS or ": " in value or " #" in value or value[-1] == ":":
        raise _NotPlain
    tag = _tag(value)
    if tag == _STR:
        return value
    if tag == _NULL:
        return None
    if tag == _BOOL:
        return SafeConstructor.bool_values[value.lower()]
    if tag == _INT and _DECIMAL.match(value):
        return int(value)
    if tag == _FLOAT and _FRACTION.match(value):
        return float(value)
    raise _NotPlain  # other numbers, dates, `=` and `<<`: the loader's


@lru_cache(maxsize=512)
def _key_tag(word: str) -> str:
    """`_tag` of a key: records repeat the same few keys."""
    return _tag(word)


def _tag(word: str) -> str:
    """The type the loader gives a plain word, by the same table (keyed by the word's first character)."""
    for tag, pattern in _IMPLICIT.get(word[:1], ()):
        if pattern.match(word):
            return tag
    return _STR
