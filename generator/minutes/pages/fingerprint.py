"""Stable digests of model values: what a page's digest, and so the cache, is made of.

A page is a function of the values its builder hands it (`PageSpec.inputs`),
of the Markdown bodies it renders (`PageSpec.bodies`), of its templates and of
the settings. The digest of a value walks it: plain values by their text,
containers item by item in order, dataclasses field by field under their
class name. Two things are deliberately left out, because a page that lists a
document must not change when only its text does:

- a document's or hand-written page's `body`: a page that renders a body names
  it in `PageSpec.bodies`, which adds the body's digest;
- a document's `record` is stood for by the digest of its front-matter text,
  which the loader computed, so the record need not be walked;
- a minutes document's `resolutions_shown`, made of its body: the register's
  pages, which show them, have them in their inputs as its decisions.

A value of a type not handled here is an error, never silently skipped.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from pathlib import PurePath
from typing import Any

from minutes.site.model import Document, Page

_SKIPPED_FIELDS: dict[type, frozenset[str]] = {
    Document: frozenset({"held_body", "body_line", "record_digest", "body_digest", "body_size", "resolutions_shown"}),
    Page: frozenset({"body"}),
}
_FIELDS: dict[tuple[type, bool], tuple[str, ...]] = {}


def _new() -> hashlib.blake2b:
    return hashlib.blake2b(digest_size=16)


def body_digest(value: Document | Page) -> str:
    """The digest of a body a page renders."""
    if isinstance(value, Document) and value.body_digest:
        return value.body_digest
    return hashlib.blake2b(value.body.encode("utf-8"), digest_size=16).hexdigest()


class Fingerprints:
    """Digests of values, remembered per object for the life of one plan (objects are frozen)."""

    def __init__(self) -> None:
        # The object is kept with its digest so its id cannot be reused while remembered.
        self._memo: dict[int, tuple[object, bytes]] = {}

    def of(self, value: Any) -> bytes:
        if type(value) in _DATACLASSES or _is_dataclass(type(value)):
            remembered = self._memo.get(id(value))
            if remembered is not None and remembered[0] is value:
                return remembered[1]
            digest = self._dataclass(value)
            self._memo[id(value)] = (value, digest)
            return digest
        h = _new()
        self._feed(h, value)
        return h.digest()

    def hexdigest(self, *values: Any) -> str:
        h = _new()
        for value in values:
            h.update(self.of(value))
        return h.hexdigest()

    def _dataclass(self, value: Any) -> bytes:
        h = _new()
        cls = type(value)
        h.update(cls.__qualname__.encode())
        if cls is Document and value.record_digest:
            h.update(b"record:" + value.record_digest.encode())
            names = _fields(cls, skip_record=True)
        else:
            names = _fields(cls)
        feed = self._feed
        for name in names:
            h.update(b"\x1f" + name.encode() + b"=")
            feed(h, getattr(value, name))
        return h.digest()

    def _feed(self, h: hashlib.blake2b, value: Any) -> None:
        kind = type(value)
        if kind is str:
            data = value.encode("utf-8")
            h.update(b"s%d:" % len(data) + data)
        elif kind in _DATACLASSES:
            h.update(self.of(value))
        elif kind is tuple or kind is list:
            h.update(b"[%d:" % len(value))
            feed = self._feed
            for item in value:
                feed(h, item)
            h.update(b"]")
        elif value is None or kind is bool or kind is int or kind is float:
            h.update(f"{kind.__name__}:{value!r};".encode())
        elif kind is dict:
            # In insertion order: templates iterate dicts, so order is part of the page.
            h.update(b"{%d:" % len(value))
            for key, item in value.items():
                self._feed(h, key)
                self._feed(h, item)
            h.update(b"}")
        elif isinstance(value, (dt.date, dt.time)):
            h.update(f"{kind.__name__}:{value.isoformat()};".encode())
        elif isinstance(value, PurePath):
            self._feed(h, value.as_posix())
        elif isinstance(value, (set, frozenset)):
            h.update(b"<%d:" % len(value))
            for digest in sorted(self.of(item) for item in value):
                h.update(digest)
            h.update(b">")
        elif _is_dataclass(kind):
            h.update(self.of(value))
        elif isinstance(value, str):  # a subclass, such as Markup
            self._feed(h, str(value))
        elif isinstance(value, (tuple, list)):
            self._feed(h, list(value))
        elif isinstance(value, dict):
            self._feed(h, dict(value))
        else:
            raise TypeError(f"no digest for a value of type {kind.__name__}; teach fingerprint.py about it")


_DATACLASSES: set[type] = set()


def _is_dataclass(cls: type) -> bool:
    if dataclasses.is_dataclass(cls):
        _DATACLASSES.add(cls)
        return True
    return False


def _fields(cls: type, *, skip_record: bool = False) -> tuple[str, ...]:
    names = _FIELDS.get((cls, skip_record))
    if names is None:
        skipped = _SKIPPED_FIELDS.get(cls, frozenset()) | ({"record"} if skip_record else set())
        names = tuple(f.name for f in dataclasses.fields(cls) if f.name not in skipped)
        _FIELDS[(cls, skip_record)] = names
    return names
