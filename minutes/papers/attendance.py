"""Who attended: the "Present:-" and apologies lines of minutes, as lists of names.

Names stay as printed, with "Councillor" kept as a title: "Councillors Jarvis, Atkin and
Beaumont" gives "Councillor Jarvis", "Councillor Atkin", "Councillor Beaumont". The chair
is the person marked "(in the Chair)" (or listed with the role "Chair").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .names import plain

_CHAIR_MARK = re.compile(r"\s*\((?:in the )?chair(?:man|person)?\)", re.IGNORECASE)
_ROLE_MARK = re.compile(r"\s*\((?:vice[- ]chair(?:man|person)?|[^)]{0,40})\)", re.IGNORECASE)
_APOLOGIES = re.compile(
    r"apolog(?:y|ies)(?:\s+for\s+absence)?\s*(?::\s*-?\s*|-\s*)?(?:apologies\s+)?(?:had\s+been|have\s+been|were|was)?\s*received\s+from\s+(?P<names>.+)$",
    re.IGNORECASE,
)
_PRESENT = re.compile(r"^present\s*:\s*-?\s*(?P<names>.*)$", re.IGNORECASE)
_NAME_ROLE = re.compile(r"^(?P<name>.+?)\s+[–-]\s+(?P<role>.+)$")


def split_names(text: str) -> tuple[str, list[str]]:
    """(chair, names) from a printed list; "Councillors A, B and C" gives each a "Councillor" title."""
    text = plain(text).strip().rstrip(".").strip()
    chair = ""
    names: list[str] = []
    for group in re.split(r";", text):
        group = group.strip()
        if not group:
            continue
        title = ""
        match = re.match(r"^(Councillors|Cllrs\.?)\s+", group, re.IGNORECASE)
        if match:
            title = "Councillor"
            group = group[match.end():]
        for part in re.split(r",\s*|\s+and\s+|\s*&\s*", group):
            part = part.strip().strip(".").strip()
            is_chair = bool(_CHAIR_MARK.search(part))
            part = _CHAIR_MARK.sub("", part)
            part = _ROLE_MARK.sub("", part).strip()
            if not part or not re.search(r"[A-Za-z]", part):
                continue
            if title and not re.match(r"^(?:Councillor|Cllr)\b", part):
                part = f"{title} {part}"
            names.append(part)
            if is_chair and not chair:
                chair = part
    return chair, names


def apologies_in(text: str) -> list[str] | None:
    """Names in "Apologies for absence were received from …", or None if the line is not that."""
    match = _APOLOGIES.search(plain(text))
    if not match:
        return None
    return split_names(match.group("names"))[1]


def present_in(text: str) -> tuple[str, list[str]] | None:
    """(chair, names) in "Present:- …", or None if the line does not start so."""
    match = _PRESENT.match(plain(text))
    if not match:
        return None
    return split_names(match.group("names"))


def name_and_role(row: str) -> tuple[str, str]:
    """A row of an attendance table, "Steve Ashley – Chair\\tIndependent Chair, …", as (name, role)."""
    first = plain(row.split("\t")[0])
    rest = [plain(c) for c in row.split("\t")[1:] if plain(c)]
    match = _NAME_ROLE.match(first)
    if match:
        return match.group("name").strip(), match.group("role").strip()
    return first, rest[0] if rest else ""


@dataclass(slots=True)
class AttendanceBuilder:
    """Collects names line by line from the top of a set of minutes."""

    chair: str = ""
    present: list[str] = field(default_factory=list)
    apologies: list[str] = field(default_factory=list)
    in_attendance: list[str] = field(default_factory=list)
    mode: str = ""

    def feed(self, text: str) -> bool:
        """Take one line; True if it was about attendance."""
        p = plain(text)
        found = present_in(p)
        if found is not None:
            chair, names = found
            self.chair = self.chair or chair
            self._add(self.present, names)
            self.mode = "" if names else "present"
            return True
        names = apologies_in(p)
        if names is not None:
            self._add(self.apologies, names)
            self.mode = ""
            return True
        bare = re.sub(r"[\s:\-]+$", "", p).lower()
        if bare in ("apologies", "apologies for absence"):
            self.mode = "apologies"
            return True
        if bare == "in attendance":
            self.mode = "attendance table"
            return True
        if not self.mode:
            return False
        if text.strip().startswith("#") or (text.strip().startswith("**") and text.strip().endswith("**")):
            self.mode = ""
            return False
        if "\t" in text:
            name, role = name_and_role(text)
            if not name:
                return True
            if role.lower().startswith("chair"):
                self.chair = self.chair or name
            if self.mode == "apologies":
                self._add(self.apologies, [name])
            elif self.mode == "attendance table" and not re.search(r"\b(member|chair)\b", role, re.IGNORECASE):
                self._add(self.in_attendance, [name])
            else:
                self._add(self.present, [name])
            return True
        chair, names = split_names(p)
        target = self.apologies if self.mode == "apologies" else self.present
        self._add(target, names)
        self.chair = self.chair or chair
        return True

    @staticmethod
    def _add(target: list[str], names: list[str]) -> None:
        for name in names:
            if name not in target:
                target.append(name)
