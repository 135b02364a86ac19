"""Each front-matter key declared once, and everything derived from the declarations.

A record's dataclass field says its name, type and default; `declare(...)` adds
how it is read from YAML, whether it is left out when it holds its default,
whether the open data publishes it, and its line in docs/front-matter.md.
From these come the mapping written to YAML (`to_mapping`), the validation of
a mapping read back (`read_object`), the open data's values and JSON schema
(`open_data`, `open_data_schema`) and the docs' table of keys (`key_table`).
So a new key is one field declaration (plus whatever makes or shows it).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from minutes.core.errors import excerpt


class RecordError(ValueError):
    """A front-matter value that does not fit the contract.

    `key` names the offending key (dotted for nested keys) so the loader can
    point at the line of the file where it appears.
    """

    def __init__(self, key: str, message: str):
        super().__init__(f"{key}: {message}")
        self.key = key
        self.message = message


# --- value types ------------------------------------------------------------------
# Each reads one key of a YAML mapping (raising RecordError at `path`), writes a
# value back as plain YAML data, and gives its open-data value and JSON type.


class Kind:
    """How values of one type are read, written and published."""

    json_type: Any = str

    def read(self, data: dict, key: str, path: str) -> Any:
        raise NotImplementedError

    def write(self, value: Any) -> Any:
        return value

    def json_value(self, value: Any) -> Any:
        return self.write(value)


class Text(Kind):
    """Text, stripped; `required` is the message when it is empty; `check` refuses a value by raising."""

    def __init__(self, required: str = "", check: Callable[[str, str], None] | None = None):
        self.required = required
        self.check = check

    def read(self, data: dict, key: str, path: str) -> str:
        value = text(data, key, path)
        if self.required and not value:
            raise RecordError(path, self.required)
        if value and self.check:
            self.check(value, path)
        return value


class Choice(Kind):
    """One of a few words; empty reads as `default`."""

    def __init__(self, options: tuple[str, ...], default: str = "", quote: Callable[[Any], str] = excerpt):
        self.options = options
        self.default = default
        self.quote = quote

    def read(self, data: dict, key: str, path: str) -> str:
        value = text(data, key, path) or self.default
        if value not in self.options:
            raise RecordError(path, f"{self.quote(value)} is not one of {', '.join(self.options)}")
        return value


class Names(Kind):
    """A list of names; blank entries are dropped."""

    def __init__(self) -> None:
        self.json_type = [str]

    def read(self, data: dict, key: str, path: str) -> tuple[str, ...]:
        out = []
        for v in listed(data, key, path):
            if isinstance(v, (dict, list)) or v is None:
                raise RecordError(path, "must be a list of names")
            out.append(str(v).strip())
        return tuple(n for n in out if n)

    def write(self, value: tuple[str, ...]) -> list[str]:
        return list(value)


class Lines(Kind):
    """A list of lines of text, each kept as written."""

    def __init__(self) -> None:
        self.json_type = [str]

    def read(self, data: dict, key: str, path: str) -> tuple[str, ...]:
        return tuple(str(w) for w in listed(data, key, path))

    def write(self, value: tuple[str, ...]) -> list[str]:
        return list(value)


EARLIEST_YEAR, LATEST_YEAR = 1800, 2200
"""A meeting outside these years is a typing slip (1066 for 2016), never a record."""


def plausible(date: dt.date) -> bool:
    return EARLIEST_YEAR <= date.year <= LATEST_YEAR


class Date(Kind):
    """A date, `YYYY-MM-DD`; written empty when there is none, published as null."""

    json_type = (str, None)

    def read(self, data: dict, key: str, path: str) -> dt.date | None:
        value = data.get(key)
        if value in (None, ""):
            return None
        if isinstance(value, dt.datetime):
            value = value.date()
        if not isinstance(value, dt.date):
            try:
                value = dt.date.fromisoformat(str(value).strip())
            except ValueError:
                raise RecordError(path, f"{excerpt(value)} is not a date; write it as YYYY-MM-DD") from None
        if not plausible(value):
            raise RecordError(
                path,
                f"{value.isoformat()} is not a plausible date for a council's papers "
                f"(years {EARLIEST_YEAR} to {LATEST_YEAR}); correct the year",
            )
        return value

    def write(self, value: dt.date | None) -> str:
        return value.isoformat() if value else ""

    def json_value(self, value: dt.date | None) -> str | None:
        return value.isoformat() if value else None


class Flag(Kind):
    json_type = bool

    def read(self, data: dict, key: str, path: str) -> bool:
        value = data.get(key, False)
        if value is None:
            return False
        if not isinstance(value, bool):
            raise RecordError(path, "must be true or false")
        return value


class Custom(Kind):
    """A value with a reading of its own: `reader(raw value, path)`; written as `writer` gives it."""

    def __init__(
        self,
        reader: Callable[[Any, str], Any],
        writer: Callable[[Any], Any] = lambda v: v,
        json_type: Any = str,
    ):
        self.reader = reader
        self.writer = writer
        self.json_type = json_type

    def read(self, data: dict, key: str, path: str) -> Any:
        return self.reader(data.get(key), path)

    def write(self, value: Any) -> Any:
        return self.writer(value)


class Nested(Kind):
    """A mapping read as the record class `cls`; absent, the field's default."""

    def __init__(self, cls: type, default: Any = None):
        self.cls = cls
        self.default = default
        self.json_type = open_data_schema(cls)

    def read(self, data: dict, key: str, path: str) -> Any:
        value = data.get(key)
        if value is None:
            return self.default() if callable(self.default) else self.default
        return read_object(self.cls, mapping(value, path), path + ".")

    def write(self, value: Any) -> Any:
        return to_mapping(value)

    def json_value(self, value: Any) -> Any:
        return open_data(value)


class ListOf(Kind):
    """A list of mappings, each read as `cls`; `known_keys` refuses a key `cls` does not declare,
    `scalar` reads an entry that is not a mapping (a member written as just a name)."""

    def __init__(self, cls: type, known_keys: bool = False, scalar: Callable[[Any], Any] | None = None):
        self.cls = cls
        self.known_keys = known_keys
        self.scalar = scalar
        self.json_type = [open_data_schema(cls)]

    def read(self, data: dict, key: str, path: str) -> tuple:
        out = []
        for n, value in enumerate(listed(data, key, path)):
            where = f"{path}[{n}]"
            if self.scalar and isinstance(value, str):
                out.append(self.scalar(value))
                continue
            entry = mapping(value, where)
            if self.known_keys:
                known(entry, where + ".", tuple(f.name for f in declared(self.cls)))
            out.append(read_object(self.cls, entry, where + "."))
        return tuple(out)

    def write(self, value: tuple) -> list:
        return [to_mapping(v) for v in value]

    def json_value(self, value: tuple) -> list:
        return [open_data(v) for v in value]


# --- the declaration ---------------------------------------------------------------

NEVER, WHEN_DEFAULT = "never", "when default"
"""Whether a key is left out of the written mapping: never, or when its value is the field's default.
A function of the whole object decides for keys that go together (`review` and `reviewed`)."""

LeftOut = str | Callable[[Any], bool]


@dataclass(frozen=True, slots=True)
class FieldSpec:
    """How one key is read, written, published and documented."""

    kind: Kind
    doc: str = ""
    """Its row in docs/front-matter.md; empty when it has none (the table describes it with its parent)."""
    left_out: LeftOut = WHEN_DEFAULT
    open_data: bool = False
    """The open data publishes it (with the meeting's documents, items, attendance or citations)."""


def declare(
    kind: Kind,
    default: Any = dataclasses.MISSING,
    *,
    doc: str = "",
    left_out: LeftOut = WHEN_DEFAULT,
    open_data: bool = False,
    default_factory: Any = dataclasses.MISSING,
) -> Any:
    """A dataclass field that is also a front-matter key."""
    return dataclasses.field(
        default=default,
        default_factory=default_factory,
        metadata={"fact": FieldSpec(kind, doc, left_out, open_data)},
    )


@dataclass(frozen=True, slots=True)
class Declared:
    name: str
    fact: FieldSpec
    default: Any


_DECLARED: dict[type, tuple[Declared, ...]] = {}


def declared(cls: type) -> tuple[Declared, ...]:
    """The keys of a record class in the order they are written.

    Worked out once per class: every record read or written asks it once per object (a thousand-page
    site, some twenty thousand times). A default made by a factory is made once here; it is only
    compared with, never handed to a record."""
    known = _DECLARED.get(cls)
    if known is not None:
        return known
    out = []
    for f in dataclasses.fields(cls):
        if "fact" not in f.metadata:
            continue
        if f.default is not dataclasses.MISSING:
            default = f.default
        elif f.default_factory is not dataclasses.MISSING:
            default = f.default_factory()
        else:
            default = dataclasses.MISSING
        out.append(Declared(f.name, f.metadata["fact"], default))
    known = _DECLARED[cls] = tuple(out)
    return known


def to_mapping(obj: Any) -> dict[str, Any]:
    """Plain data in key order, for YAML; keys holding their default are left out where declared so."""
    out: dict[str, Any] = {}
    for d in declared(type(obj)):
        value = getattr(obj, d.name)
        rule = d.fact.left_out
        if rule == WHEN_DEFAULT and value == d.default:
            continue
        if callable(rule) and rule(obj):
            continue
        out[d.name] = d.fact.kind.write(value)
    return out


def read_object(cls: type, data: dict, prefix: str) -> Any:
    """An object of `cls` from a mapping, each key read as declared; `cls.completed` (when it has one)
    then fills in what one key takes from another and checks what no single key can."""
    values = {d.name: d.fact.kind.read(data, d.name, prefix + d.name) for d in declared(cls)}
    complete = getattr(cls, "completed", None)
    if complete is not None:
        values = complete(values, prefix)
    return cls(**values)


def open_data(obj: Any) -> dict[str, Any]:
    """The keys of `obj` the open data publishes, as JSON values."""
    return {d.name: d.fact.kind.json_value(getattr(obj, d.name)) for d in declared(type(obj)) if d.fact.open_data}


def open_data_schema(cls: type) -> dict[str, Any]:
    """The JSON schema (in `minutes.outputs.opendata`'s notation) of `open_data` of a `cls`."""
    return {d.name: d.fact.kind.json_type for d in declared(cls) if d.fact.open_data}


def optional_keys(cls: type) -> tuple[str, ...]:
    """The keys left out of the written mapping when they hold their default."""
    return tuple(d.name for d in declared(cls) if d.fact.left_out == WHEN_DEFAULT)


# --- the docs' table --------------------------------------------------------------------

TABLE_START = "<!-- keys: generated from generator/minutes/records/record.py; `make docs` rewrites it -->"
TABLE_END = "<!-- end of keys -->"


def key_rows(cls: type, prefix: str = "") -> Iterator[tuple[str, str]]:
    """(key path, meaning) of every documented key, nested keys after their parent."""
    for d in declared(cls):
        kind = d.fact.kind
        path = prefix + d.name + ("[]" if isinstance(kind, ListOf) else "")
        if d.fact.doc:
            yield path, d.fact.doc
        if isinstance(kind, (Nested, ListOf)):
            yield from key_rows(kind.cls, path + ".")


def key_table(cls: type) -> str:
    rows = "".join(f"| `{path}` | {meaning} |\n" for path, meaning in key_rows(cls))
    return f"{TABLE_START}\n| Key | Meaning |\n|---|---|\n{rows}{TABLE_END}"


_TABLE = re.compile(re.escape(TABLE_START) + r".*?" + re.escape(TABLE_END), re.S)


def with_key_table(doc: str, cls: type) -> str:
    """The document with the table between its markers rewritten."""
    if not _TABLE.search(doc):
        raise ValueError(f"no table of keys between {TABLE_START!r} and {TABLE_END!r}")
    return _TABLE.sub(lambda _: key_table(cls), doc, count=1)


# --- reading helpers ----------------------------------------------------------------------


def text(data: dict, key: str, path: str) -> str:
    value = data.get(key)
    if value is None:
        return ""
    if isinstance(value, (dict, list)):
        raise RecordError(path, "must be text, not a list or mapping")
    if isinstance(value, bool):
        raise RecordError(path, "must be text, not true/false")
    return str(value).strip()


def listed(data: dict, key: str, path: str) -> list:
    value = data.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise RecordError(path, "must be a list (lines starting with '- ')")
    return value


def mapping(value: Any, path: str) -> dict:
    if not isinstance(value, dict):
        raise RecordError(path, "must be a mapping of keys to values")
    return value


def known(data: dict, prefix: str, keys: tuple[str, ...]) -> None:
    for key in data:
        if key not in keys:
            raise RecordError(prefix + str(key), f"unknown key; expected one of {', '.join(keys)}")
