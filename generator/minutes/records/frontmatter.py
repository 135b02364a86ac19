"""Split a Markdown file into YAML front-matter and body, and join them back.

The splitter is strict and pure: a file must open with a line `---`, and the
front-matter ends at the next line that is exactly `---`. Errors say where and
how to fix the file.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

import yaml

from minutes.core.yamlfile import error_text, load_yaml
from minutes.records.plain_yaml import NOT_PLAIN, read_plain

FENCE = "---"


class FrontMatterError(ValueError):
    """A front-matter problem; `line` is 1-based within the file, 0 if unknown."""

    def __init__(self, message: str, line: int = 0):
        super().__init__(message)
        self.message = message
        self.line = line


@dataclass(frozen=True, slots=True)
class Split:
    data: dict[str, Any]
    body: str
    body_line: int
    """1-based line number of the body's first line in the file."""
    key_lines: dict[str, int]
    """1-based line of each top-level key, for pointing errors at the file."""


@dataclass(frozen=True, slots=True)
class Located:
    """Where the front-matter and the body of a file are, before any YAML is read."""

    yaml_text: str
    body: str
    body_line: int
    key_lines: dict[str, int]


# A line that is the fence, whitespace after it allowed (as `line.rstrip() == FENCE`); `[^\S\n]` is any
# whitespace but the newline, so the match stays on its line. One search finds the closing fence of a long
# front-matter where a loop over its lines cost a third of reading a record.
_CLOSING_FENCE = re.compile(r"^---[^\S\n]*$", re.MULTILINE)


def _fences(text: str) -> tuple[int, re.Match[str]]:
    """Where the front-matter's lines start, and the closing fence; FrontMatterError if either is missing."""
    first_end = text.find("\n")
    first = text if first_end < 0 else text[:first_end]
    if first.rstrip() != FENCE:
        raise FrontMatterError("the file must start with a line '---' opening the front-matter", 1)
    closing = None if first_end < 0 else _CLOSING_FENCE.search(text, first_end + 1)
    if closing is None:
        raise FrontMatterError("the front-matter is not closed: add a line '---' after the last key", 1)
    return first_end + 1, closing


def locate(text: str) -> Located:
    """Find the fences; raise FrontMatterError if they are missing.

    Only the front-matter is cut into lines: the body is the rest of the text, as it is.
    """
    text = text.removeprefix("\ufeff")
    start, closing = _fences(text)
    lines = text[start : closing.start()].split("\n")[:-1]
    key_lines: dict[str, int] = {}
    for i, line in enumerate(lines, start=2):
        if line and not line[0].isspace() and ":" in line and not line.startswith("#"):
            key_lines.setdefault(line.split(":", 1)[0].strip(), i)
    return Located("\n".join(lines), text[closing.end() + 1 :], len(lines) + 3, key_lines)


def body_of(text: str) -> str:
    """The body alone, as `locate(text).body`, without cutting the front-matter into lines."""
    text = text.removeprefix("\ufeff")
    return text[_fences(text)[1].end() + 1 :]


def split(text: str) -> Split:
    located = locate(text)
    return Split(data=parse_yaml(located), body=located.body, body_line=located.body_line, key_lines=located.key_lines)


def parse_yaml(located: Located) -> dict[str, Any]:
    yaml_text = located.yaml_text
    end = located.body_line - 2
    try:
        # The plain shapes records are written in are read without PyYAML; anything else by the safe loader.
        data = read_plain(yaml_text)
        if data is NOT_PLAIN:
            data = load_yaml(yaml_text) if yaml_text.strip() else {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        if isinstance(exc, yaml.reader.ReaderError):
            # A character YAML does not allow (a raw control character) is found before any token: by position.
            line = yaml_text.count("\n", 0, exc.position) + 2
        else:
            # An error found at the closing fence belongs to the last line of the front-matter.
            line = min(mark.line + 2, max(end, 2)) if mark is not None else 1
        raise FrontMatterError(f"malformed YAML: {error_text(exc)}", line) from None
    if not isinstance(data, dict):
        raise FrontMatterError("the front-matter must be a mapping of 'key: value' lines", 2)
    return data


class _Dumper(yaml.SafeDumper):
    """Block style, keys in insertion order, long text kept on one line per value."""


def _str_presenter(dumper: yaml.representer.SafeRepresenter, value: str) -> yaml.Node:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str_presenter)

_CDumper: Any = None
"""libyaml's emitter with the same representers, where PyYAML was built with it (about five times faster)."""
if getattr(yaml, "__with_libyaml__", False):

    class _LibyamlDumper(yaml.CSafeDumper):
        """`_Dumper`'s output, emitted by libyaml: used only for what `_emits_alike` lets through."""

    _LibyamlDumper.add_representer(str, _str_presenter)
    _CDumper = _LibyamlDumper

# The text libyaml writes exactly as PyYAML's emitter does (found by comparing them on every record of the
# tests and on random mappings of lines and odd characters): printable characters of the Basic Multilingual
# Plane, without the line and paragraph separators, the byte order mark and the surrogates; a line break
# inside a text but not at its end (PyYAML ends a kept final break with a document end, libyaml does not).
# Beyond it, the two differ: characters outside that plane, NEL, tabs and controls are escaped otherwise,
# and a key is long (written as '? key') at 128 characters for one and 128 bytes for the other.
_ALIKE_TEXT = re.compile(r"[\x20-\x7e\n\u00a0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd]*")
_ALIKE_LENGTH = 10_000
"""Longer texts go to PyYAML's emitter: its line width (100,000) is never reached by the other's texts."""
_ALIKE_KEY = 100


def _text_alike(text: str) -> bool:
    return len(text) < _ALIKE_LENGTH and _ALIKE_TEXT.fullmatch(text) is not None and not text.endswith("\n")


def _emits_alike(value: object) -> bool:
    """Whether libyaml writes `value` byte for byte as PyYAML's emitter does: mappings with short ASCII
    keys, lists, and texts, numbers, booleans, dates and nothing, the texts as `_ALIKE_TEXT` says."""
    if type(value) is str:
        return _text_alike(value)
    if type(value) is dict:
        for key, item in value.items():
            if type(key) is not str or not (0 < len(key) < _ALIKE_KEY and key.isascii() and _text_alike(key)):
                return False
            if not _emits_alike(item):
                return False
        return True
    if type(value) is list:
        return all(_emits_alike(item) for item in value)
    return value is None or type(value) in (int, float, bool, dt.date)


def join(data: dict[str, Any], body: str) -> str:
    """Front-matter and body as one file's text; deterministic for equal inputs."""
    dumper = _CDumper if _CDumper is not None and _emits_alike(data) else _Dumper
    head = yaml.dump(data, Dumper=dumper, sort_keys=False, allow_unicode=True, width=100_000)
    body = body.strip("\n")
    return f"{FENCE}\n{head}{FENCE}\n\n{body}\n" if body else f"{FENCE}\n{head}{FENCE}\n"
