"""Characters that no page, feed or calendar can carry, and names that only look alike.

YAML lets a record hold any character through an escape ("\\x07", "\\u0000",
"\\ud800"). Control characters, lone surrogates and noncharacters are not
allowed in XML at all (one makes an Atom feed unreadable to every feed
reader) and are errors in HTML, so the loader removes them from every value
of the front-matter and says where.

A name can also look like another and not be it: "Councillor Hussain" with a
zero-width space inside, with a right-to-left override, or in full-width
letters would be a person of its own, with a page of its own that reads the
same. Names are therefore brought to one form (Unicode NFKC, without
invisible formatting characters, spaces collapsed) before people are merged
and their addresses made.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

_UNSHOWABLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff"
    + "".join(f"{chr(plane << 16 | 0xFFFE)}{chr(plane << 16 | 0xFFFF)}" for plane in range(1, 17))
    + "]"
)
"""C0 controls but tab and line breaks, DEL, C1 controls, lone surrogates, noncharacters: "control characters"
in what the user reads, as all are invisible or garbage in a record."""
_MAY_BE_UNSHOWABLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff\U00010000-\U0010ffff]"
)
"""`_UNSHOWABLE` with every character past the first plane: a text it finds nothing in holds nothing
unshowable. The regular expression engine tries a set of single characters beyond the first plane seven
times more slowly than a set of ranges, and nearly every text of a record is of the first plane."""
_SPACES = re.compile(r"\s+")


def unshowable(text: str) -> list[str]:
    """The characters of `text` that no XML or HTML document may hold, in order of appearance."""
    if _MAY_BE_UNSHOWABLE.search(text) is None:
        return []
    return _UNSHOWABLE.findall(text)


def showable(text: str) -> str:
    """`text` without the characters no XML or HTML document may hold."""
    if _MAY_BE_UNSHOWABLE.search(text) is None:
        return text
    return _UNSHOWABLE.sub("", text)


def _invisible(char: str) -> bool:
    """A formatting character that shows nothing: zero-width spaces and joiners, bidirectional controls, BOMs."""
    return unicodedata.category(char) == "Cf"


def clean_name(name: str) -> str:
    """A person's name in one form: NFKC, no invisible or unshowable characters, single spaces."""
    if name.isascii() and name.isprintable() and "  " not in name and name == name.strip():
        return name  # most names, at once
    text = unicodedata.normalize("NFKC", showable(name))
    text = "".join(c for c in text if not _invisible(c))
    return _SPACES.sub(" ", text).strip()


def invisible_in(name: str) -> list[str]:
    """The invisible formatting characters of a name, which `clean_name` removes."""
    return [c for c in name if _invisible(c)]


def code_points(chars: Iterable[str]) -> str:
    """ "U+0007, U+200B ZERO WIDTH SPACE": each distinct character once, in order."""
    seen = list(dict.fromkeys(chars))
    named = [f"U+{ord(c):04X}" + (f" {unicodedata.name(c, '')}".rstrip()) for c in seen[:5]]
    return ", ".join(named) + (f" and {len(seen) - 5} more" if len(seen) > 5 else "")


_NAME_LISTS = ("chair", "present", "apologies", "in_attendance")


def _is_name(path: tuple[str | int, ...]) -> bool:
    """Whether the value at `path` of a record's front-matter is a person's name (see record.Attendance)."""
    if len(path) < 2 or path[0] != "attendance":
        return False
    if path[1] in _NAME_LISTS:
        return True
    return path[1] == "membership" and (len(path) == 3 or path[3:] == ("name",))


def _dotted(path: tuple[str | int, ...]) -> str:
    return "".join(f"[{p}]" if isinstance(p, int) else (f".{p}" if n else str(p)) for n, p in enumerate(path))


def clean_front_matter(data: dict, *, names: bool = True) -> tuple[dict, list[tuple[str, str]]]:
    """The front-matter with unshowable characters removed from every text, and names in one form.

    Returns the cleaned data and, for each value that lost characters a reader
    would never notice were gone, (its dotted key, what was removed). `names`:
    the data is a record's, whose attendance lists hold names.
    """
    notes: list[tuple[str, str]] = []

    def clean(value, path: tuple[str | int, ...]):
        if isinstance(value, str):
            removed = unshowable(value)
            text = showable(value) if removed else value
            if removed:
                notes.append(
                    (
                        _dotted(path),
                        f"removed {_count(removed, 'control character')} ({code_points(removed)}), which no page, "
                        f"feed or calendar can show; delete {_it(removed)} from the file",
                    )
                )
            if names and _is_name(path):
                hidden = invisible_in(text)
                text = clean_name(text)
                if hidden:
                    notes.append(
                        (
                            _dotted(path),
                            f"removed {_count(hidden, 'invisible character')} ({code_points(hidden)}) from the "
                            f"name {text!r}, so that it is one person with the name written without them; "
                            f"delete {_it(hidden)} from the file",
                        )
                    )
            return text
        if isinstance(value, dict):
            return {k: clean(v, (*path, str(k))) for k, v in value.items()}
        if isinstance(value, list):
            return [clean(v, (*path, n)) for n, v in enumerate(value)]
        return value

    return clean(data, ()), notes


def _it(chars: list[str]) -> str:
    return "it" if len(chars) == 1 else "them"


def _count(chars: list[str], what: str) -> str:
    return f"{len(chars)} {what}{'s' if len(chars) != 1 else ''}"
