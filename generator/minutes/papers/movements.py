"""Members who arrived after a meeting began or left before it ended, and the item it happened at.

Read from sentences in an item's text ("Councillor X arrived at 7.15pm during minute 5",
"Cllr Y left the meeting after item 9", "Deborah Johnson and Sue Wilson left the meeting.")
and from notes in an attendance list ("Cllr Hollick (arrived at 7.01pm)"). The item recorded
is the edge of their presence: for an arrival the first item they were there for, for a
departure the last. A sentence that names an item says which ("during minute 5", "after
item 9", "before this item"); otherwise its place does: an arrival written at the end of
an item's text counts from the next item, a departure written at the start of one from the
item before.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from minutes.core.vocabulary import CHAIR_ROLES, alternation
from minutes.papers.dates import parse_time
from minutes.papers.item_text import END, START, ItemText, place, references, sentences
from minutes.papers.people_in_text import listed_names, names_before
from minutes.records.record import Movement

_ARRIVED = (
    r"arrived|re-?joined\s+the\s+meeting|joined\s+the\s+meeting|returned\s+to\s+the\s+(?:meeting|room|chamber)"
    r"|re-?entered\s+the\s+(?:meeting|room|chamber)|entered\s+the\s+(?:meeting|room|chamber)"
)
_LEFT = (
    r"left\s+the\s+(?:meeting|room|chamber)|left(?=\s+(?:at|after|before|during|prior)\b|\s*[.;)]|$)"
    r"|withdrew\s+from\s+the\s+(?:meeting|room|chamber)|departed|retired\s+from\s+the\s+meeting"
    r"|was\s+excused\s+from\s+the\s+(?:meeting|remainder)"
)
_VERB = re.compile(rf"\b(?:(?P<arrived>{_ARRIVED})|(?P<left>{_LEFT}))", re.IGNORECASE)
_CLAUSE = re.compile(r",\s*(?=[a-z(])")
"""Where the subject's own clause ends: "Councillors Jarvis and Senior, who had declared …"."""
_IN_CLAUSE = re.compile(r"\b(?:who|which|that)(?:\s+(?:had|has|have))?\s*$", re.IGNORECASE)
"""A verb of a relative clause ("…, who had joined the meeting as an observer") says nothing of the subject."""
_THE_CHAIR = re.compile(rf"^(?:the\s+)?{alternation(CHAIR_ROLES)}$", re.IGNORECASE)
_NOTE = re.compile(r"\((?P<note>[^()]*\b(?:arrived|left|joined|departed|withdrew)\b[^()]*)\)", re.IGNORECASE)


def about_presence(text: str) -> bool:
    """Whether a sentence is about someone coming or going (so does not count as the item's text)."""
    return bool(_VERB.search(text))


def read_movements(
    items: Sequence[ItemText], chair_at: Callable[[int], str], alike: Callable[[str], bool]
) -> list[tuple[int, Movement]]:
    """Every arrival and departure the items' text records, with the line it is read from.
    `chair_at(i)` names who was in the chair during item i, for "The Chair left the meeting"."""
    keys = [item.key for item in items]
    found: list[tuple[int, Movement]] = []
    for here, item in enumerate(items):
        said = sentences(item)
        for n, sentence in enumerate(said):
            names, change, time = _comings_and_goings(sentence.text, chair_at(here))
            key = _item(sentence.text, change, keys, here, place(said, n, alike)) if names else ""
            found += [(sentence.line, Movement(name, change, key, time, sentence.text)) for name in names]
    return found


def read_opening_movements(lines: Sequence[tuple[int, str]], keys: Sequence[str]) -> list[tuple[int, Movement]]:
    """Arrivals and departures said before the first item ("Commissioner Leonard arrived at 9:36 a.m."):
    at an item only when the sentence names one."""
    found: list[tuple[int, Movement]] = []
    for sentence in sentences(ItemText("", tuple(lines))):
        names, change, time = _comings_and_goings(sentence.text, "")
        key = _item(sentence.text, change, keys, None, "") if names else ""
        found += [(sentence.line, Movement(name, change, key, time, sentence.text)) for name in names]
    return found


def read_noted_movements(lines: Sequence[tuple[int, str]], keys: Sequence[str]) -> list[tuple[int, Movement]]:
    """Arrivals and departures noted in an attendance list: "Cllr Hollick (arrived at 7.01pm)",
    "(Councillor Clayden left the meeting after point 6)"."""
    found: list[tuple[int, Movement]] = []
    for index, text in lines:
        for note in _NOTE.finditer(text):
            words = " ".join(note.group("note").split())
            verb = _VERB.search(words)
            if verb is None:
                continue
            names, change, time = _comings_and_goings(words, "")
            said = words
            if not names:  # the note is about the name before it
                entry = re.split(r"[,;:]|(?<!\s)\s+and\s+|(?<!\s)\s*&\s*", text[: note.start()])[-1]
                names = listed_names(entry)[:1]
                said = " ".join(f"{entry} {note.group(0)}".split())
                time = parse_time(words[verb.end() :])
            key = _item(words, change, keys, None, "")
            found += [(index, Movement(name, change, key, time, said)) for name in names]
    return found


def _comings_and_goings(text: str, chair: str) -> tuple[list[str], str, str]:
    """The people a sentence says came or went, whether they arrived or left, and the time it gives."""
    verb = _VERB.search(text)
    if verb is None:
        return [], "", ""
    change = "arrived" if verb.group("arrived") else "left"
    before = text[: verb.start()]
    if _IN_CLAUSE.search(before):
        return [], change, ""
    clause = _CLAUSE.search(before)
    subject = before[: clause.start()] if clause else before
    names = names_before(subject)
    if not names and chair and _THE_CHAIR.match(" ".join(subject.split())):
        names = [chair]  # "The Chair, due to unforeseen circumstances left the meeting at this point."
    return names, change, parse_time(text[verb.end() :])


def _item(text: str, change: str, keys: Sequence[str], here: int | None, where: str) -> str:
    """The item at the edge of the member's presence (see the module's docstring)."""
    for ref in references(text, keys, here):
        if not ref.key or ref.when in ("for", "from", "until"):
            continue
        at = keys.index(ref.key)
        if ref.when == "after" and change == "arrived":
            return keys[at + 1] if at + 1 < len(keys) else ref.key
        if ref.when == "before" and change == "left":
            return keys[at - 1] if at > 0 else ref.key
        return ref.key
    if here is None:
        return ""
    if change == "arrived" and where == END and here + 1 < len(keys):
        return keys[here + 1]
    if change == "left" and where == START and here > 0:
        return keys[here - 1]
    return keys[here]
