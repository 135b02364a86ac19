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
  which the loader computed, so the record need not be walked.

A value of a type not handled here is an error, never silently skipped.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from pathlib import PurePath
from typing import Any

from .model import Document, Page

_SKIPPED_FIELDS: dict[type, frozenset[str]] = {
    Document: frozenset({"body", "body_line", "record_digest", "body_digest"}),
    Page: frozenset({"body"}),
}
_FIELDS: dict[type, tuple[str, ...]] = {}


def _new() -> "hashlib._Hash":
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
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
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
        if isinstance(value, Document) and value.record_digest:
            h.update(b"record:" + value.record_digest.encode())
            names = tuple(n for n in _fields(cls) if n != "record")
        else:
            names = _fields(cls)
        for name in names:
            h.update(b"\x1f" + name.encode() + b"=")
            self._feed(h, getattr(value, name))
        return h.digest()

    def _feed(self, h: "hashlib._Hash", value: Any) -> None:
        if value is None or isinstance(value, (bool, int, float)):
            h.update(f"{type(value).__name__}:{value!r};".encode())
        elif isinstance(value, str):
            data = value.encode("utf-8")
            h.update(b"s%d:" % len(data) + data)
        elif isinstance(value, (dt.date, dt.time)):
            h.update(f"{type(value).__name__}:{value.isoformat()};".encode())
        elif isinstance(value, PurePath):
            self._feed(h, value.as_posix())
        elif isinstance(value, (tuple, list)):
            h.update(b"[%d:" % len(value))
            for item in value:
                self._feed(h, item)
            h.update(b"]")
        elif isinstance(value, dict):
            # In insertion order: templates iterate dicts, so order is part of the page.
            h.update(b"{%d:" % len(value))
            for key, item in value.items():
                self._feed(h, key)
                self._feed(h, item)
            h.update(b"}")
        elif isinstance(value, (set, frozenset)):
            h.update(b"<%d:" % len(value))
            for digest in sorted(self.of(item) for item in value):
                h.update(digest)
            h.update(b">")
        elif dataclasses.is_dataclass(value) and not isinstance(value, type):
            h.update(self.of(value))
        else:
            raise TypeError(f"no digest for a value of type {type(value).__name__}; teach fingerprint.py about it")


def _fields(cls: type) -> tuple[str, ...]:
    names = _FIELDS.get(cls)
    if names is None:
        skipped = _SKIPPED_FIELDS.get(cls, frozenset())
        names = tuple(f.name for f in dataclasses.fields(cls) if f.name not in skipped)
        _FIELDS[cls] = names
    return names
