"""The `people:` settings: who gets a page, and what a site says about a person, as data.

Minutes name councillors, and also officers, partners' staff, members of the
public and the children of a youth cabinet. A page gathering everything the
archive says of a person suits an elected member; for anyone else it is a
profile nobody asked for. So pages are given by group (`GROUPS`), councillors
only unless a site chooses more, and one person can be left out, or let in,
by name.

A site may also say what the papers do not: other printed forms of a name,
the party and ward a councillor stood for and the roles they held, each with
dates. Those entries are written under `people:` in site.yaml or in the
people data file (`content/people.yaml`); `person_facts` reads both, and
raises `EntryError` naming the key at fault so the caller can point at its line.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

GROUPS: dict[str, str] = {
    "councillors": "named with a member's title (Councillor, Cllr, Cr, Mayor …) in an attendance list or "
    "a body's membership, or given a party or ward",
    "members": "other members of a body (its chair, present, apologies or membership list) without a member's "
    "title: co-opted members, partners on a partnership board, members of a council whose minutes print no titles",
    "in_attendance": "named only as in attendance: officers, advisers, guests, members of the public",
    "youth": "members of a youth body (a youth cabinet, youth council or young people's parliament)",
}
"""Who a person is to the site, by how the records name them. Each person is in exactly one."""

DEFAULT_PAGES: tuple[str, ...] = ("councillors",)
DEFAULT_FILE = Path("content/people.yaml")
DEFAULT_WITHIN_YEARS = 4
"""A council's term: the same name printed further apart than this, with nothing between, may be two people."""

YOUTH_BODY = re.compile(
    r"\b(?:youth|young\s+people'?s?|children'?s?|junior|pupils?'?|students?'?)\s+"
    r"(?:cabinet|council|parliament|assembly|forum|senedd|mayor)\b"
    r"|\bchildren\s+in\s+care\s+council\b|\b(?:cyngor|senedd)\s+ieuenctid\b",
    re.IGNORECASE,
)
"""A body whose name says it is made of children or young people ("Rotherham Youth Cabinet"); not a board
that serves them ("Youth Justice Board", "Children, Young People and Families Partnership")."""

OPTIONS = ("pages", "youth_bodies", "include", "exclude", "file", "match_within_years")
ENTRY_KEYS = ("aliases", "party", "ward", "roles")


class EntryError(ValueError):
    """A value that does not fit; `at` is the path of keys (and `[n]` list places) below the entry to it."""

    def __init__(self, message: str, *at: str):
        super().__init__(message)
        self.at = at


@dataclass(frozen=True, slots=True)
class Term:
    """A party, ward or role, held from `start` to `end` when the site says so."""

    name: str
    body: str = ""
    """For a role: the body it was held in, as a committee's folder name or its name; empty for the council."""
    start: str = ""
    """ISO date as precise as written: "2016", "2016-05" or "2016-05-05"; empty when not given."""
    end: str = ""


@dataclass(frozen=True, slots=True)
class PersonFacts:
    """What a site says about one person, under the name it gives them."""

    aliases: tuple[str, ...] = ()
    """Other printed forms of the name: every printing of these, and of the name itself, is this person."""
    party: tuple[Term, ...] = ()
    ward: tuple[Term, ...] = ()
    roles: tuple[Term, ...] = ()

    @property
    def councillor(self) -> bool:
        """Only an elected member stands for a party or a ward."""
        return bool(self.party or self.ward)


@dataclass(frozen=True, slots=True)
class PeopleSettings:
    pages: tuple[str, ...] = DEFAULT_PAGES
    """The groups (see `GROUPS`) whose members get a page."""
    youth_bodies: tuple[str, ...] | None = None
    """The youth bodies, by folder name or name; None: every body whose name `YOUTH_BODY` matches."""
    include: tuple[str, ...] = ()
    """People given a page whatever their group, by any printed form of their name."""
    exclude: tuple[str, ...] = ()
    """People given no page whatever their group."""
    file: Path = DEFAULT_FILE
    """The people data file, inside the site; read when it exists."""
    match_within_years: int = DEFAULT_WITHIN_YEARS
    entries: dict[str, PersonFacts] = field(default_factory=dict)
    """Per person's display name, from site.yaml."""


def people_settings(value: Any) -> PeopleSettings:
    """The `people:` setting as written: options, and people's entries under their display names."""
    if value is None:
        return PeopleSettings()
    if not isinstance(value, dict):
        raise EntryError(
            f"must be a mapping of options ({', '.join(OPTIONS)}) and people's names to their entries, "
            f"not {_kind(value)}"
        )
    options: dict[str, Any] = {}
    entries: dict[str, PersonFacts] = {}
    for key in sorted(value, key=str):
        item, name = value[key], str(key)
        if name in OPTIONS:
            options[name] = item
        elif item is not None and not isinstance(item, dict):
            raise EntryError(
                f"{name!r} is not an option of people ({', '.join(OPTIONS)}); "
                "if it is a person's name, give it a mapping of aliases, party, ward and roles",
                name,
            )
        else:
            entries[name] = _at(name, person_facts, item)
    return PeopleSettings(
        pages=_groups(options.get("pages", list(DEFAULT_PAGES))),
        youth_bodies=None
        if options.get("youth_bodies", None) is None
        else _texts(options["youth_bodies"], "youth_bodies", "a list of bodies, by folder name or name"),
        include=_texts(options.get("include"), "include", "a list of names"),
        exclude=_texts(options.get("exclude"), "exclude", "a list of names"),
        file=_file(options.get("file", str(DEFAULT_FILE))),
        match_within_years=_years(options.get("match_within_years", DEFAULT_WITHIN_YEARS)),
        entries=entries,
    )


def person_facts(value: Any) -> PersonFacts:
    """One person's entry: `aliases`, `party`, `ward` (text, or a list of terms) and `roles` (a list)."""
    if value is None:
        return PersonFacts()
    if not isinstance(value, dict):
        raise EntryError(f"must be a mapping of {', '.join(ENTRY_KEYS)}, not {_kind(value)}")
    unknown = sorted(str(k) for k in value if k not in ENTRY_KEYS)
    if unknown:
        raise EntryError(f"{unknown[0]!r} is not known; a person may have {', '.join(ENTRY_KEYS)}", unknown[0])
    return PersonFacts(
        aliases=_texts(value.get("aliases"), "aliases", "a list of names"),
        party=_at("party", _terms, value.get("party"), "party"),
        ward=_at("ward", _terms, value.get("ward"), "ward"),
        roles=_at("roles", _terms, value.get("roles"), "role"),
    )


def _at(key: str, read: Any, *args: Any) -> Any:
    """`read(*args)`, with `key` put in front of the path of any error."""
    try:
        return read(*args)
    except EntryError as exc:
        raise EntryError(str(exc), key, *exc.at) from None


def _groups(value: Any) -> tuple[str, ...]:
    groups = _texts(value, "pages", "a list of groups")
    unknown = [g for g in groups if g not in GROUPS]
    if unknown:
        raise EntryError(f"pages: {unknown[0]!r} is not a group; the groups are {', '.join(GROUPS)}", "pages")
    return tuple(g for g in GROUPS if g in groups)


def _texts(value: Any, key: str, what: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or any(isinstance(v, (dict, list, bool)) or v is None for v in value):
        raise EntryError(f"{key} must be {what}, one per '- ' line", key)
    texts = tuple(" ".join(str(v).split()) for v in value)
    if any(not t for t in texts):
        raise EntryError(f"{key} holds an empty name; remove the line", key)
    return texts


def _file(value: Any) -> Path:
    if not isinstance(value, str) or not value.strip():
        raise EntryError("file must name a file inside the site, like content/people.yaml", "file")
    path = Path(value.strip())
    if path.is_absolute() or ".." in path.parts:
        raise EntryError(f"file {value!r} is outside the site; name a file inside it, like content/people.yaml", "file")
    return path


def _years(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise EntryError(
            f"match_within_years must be a whole number of years, 1 or more, not {value!r}", "match_within_years"
        )
    return value


def _terms(value: Any, kind: str) -> tuple[Term, ...]:
    """A party or ward as text, or a list of terms: text, or a mapping of name (role, body), from and to."""
    if value is None:
        return ()
    if isinstance(value, str) and kind != "role":
        value = [value]
    if not isinstance(value, list):
        return _no_terms(kind)
    return tuple(_at(f"[{n}]", _term, item, kind) for n, item in enumerate(value))


def _no_terms(kind: str) -> tuple[Term, ...]:
    if kind == "role":
        raise EntryError("roles must be a list, each a role's name or a mapping of role, body, from and to")
    raise EntryError(f"{kind} must be a name, or a list of a mapping of name, from and to for each change")


def _term(item: Any, kind: str) -> Term:
    label = "role" if kind == "role" else "name"
    if isinstance(item, (str, int, float)) and not isinstance(item, bool):
        text = " ".join(str(item).split())
        if not text:
            raise EntryError(f"an empty {kind}; remove the line")
        return Term(text)
    if not isinstance(item, dict):
        raise EntryError(f"each {kind} is a {label}, or a mapping of {label}, from and to; not {_kind(item)}")
    allowed = (label, "body", "from", "to") if kind == "role" else (label, "from", "to")
    unknown = sorted(str(k) for k in item if k not in allowed)
    if unknown:
        raise EntryError(f"{unknown[0]!r} is not known here; a {kind} may have {', '.join(allowed)}", unknown[0])
    name = item.get(label)
    if not isinstance(name, (str, int)) or isinstance(name, bool) or not str(name).strip():
        raise EntryError(f"each {kind} needs its {label}: text")
    body = item.get("body") or ""
    if not isinstance(body, str):
        raise EntryError("body must be a committee's folder name or name", "body")
    start, end = _date(item.get("from"), "from"), _date(item.get("to"), "to")
    if start and end and end < start:
        raise EntryError(f"to ({end}) is before from ({start}); correct one of them", "to")
    return Term(" ".join(str(name).split()), " ".join(body.split()), start, end)


_PARTIAL_DATE = re.compile(r"^\d{4}(?:-(0[1-9]|1[0-2])(?:-\d{2})?)?$")


def _date(value: Any, key: str) -> str:
    """A date written as YYYY-MM-DD, YYYY-MM or YYYY, kept as precise as written."""
    if value is None or value == "":
        return ""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip() if isinstance(value, (str, int)) and not isinstance(value, bool) else ""
    if _PARTIAL_DATE.match(text):
        if len(text) == 10:
            try:
                dt.date.fromisoformat(text)
            except ValueError:
                raise EntryError(f"{key} {text} is not a real date; write it as YYYY-MM-DD", key) from None
        return text
    raise EntryError(f"{key} {value!r} is not a date; write it as YYYY-MM-DD, YYYY-MM or YYYY", key)


def _kind(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return repr(value)
