"""Sidecars: `content/papers/<paper-stem>.yaml`, a person's corrections to a paper's facts.

A paper may not print its date (ModernGov pages often don't) or may print it wrongly. The
sidecar's values replace what the converter found for the paper's main meeting, on every
conversion, so a correction is made once and survives re-conversion.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from minutes.core.errors import Problem, excerpt
from minutes.core.yamlfile import error_line, error_text, load_yaml
from minutes.records.record import plausible

SIDECAR_KEYS = {
    "committee": "the body whose meeting the paper is for, as you want it named",
    "date": "the meeting date, YYYY-MM-DD",
    "time": "the start time, 24-hour HH:MM",
    "venue": "where the meeting was held",
}


@dataclass(frozen=True, slots=True)
class PaperOverrides:
    """Facts of a paper's main meeting that a person has set; empty values change nothing."""

    committee: str = ""
    date: dt.date | None = None
    time: str = ""
    venue: str = ""


def sidecar_path(paper: Path) -> Path:
    return paper.with_suffix(".yaml")


def read_sidecar(path: Path, shown_as: str) -> tuple[PaperOverrides | None, list[Problem]]:
    """The overrides in a sidecar file, or None and the problems that make it unusable."""
    if not path.exists():
        return None, []
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return None, [
            Problem(shown_as, 0, f"cannot read the sidecar ({exc.__class__.__name__}); save it as UTF-8 text")
        ]
    return parse_sidecar(text, shown_as)


def parse_sidecar(text: str, shown_as: str) -> tuple[PaperOverrides | None, list[Problem]]:
    try:
        data = load_yaml(text) if text.strip() else {}
    except yaml.YAMLError as exc:
        return None, [
            Problem(
                shown_as,
                error_line(exc),
                f"malformed YAML in sidecar: {error_text(exc)}; write one 'key: value' per line",
            )
        ]
    if data is None:
        data = {}
    if not isinstance(data, dict):
        return None, [Problem(shown_as, 1, "a sidecar must be 'key: value' lines, e.g. 'date: 2016-06-08'")]
    problems = []
    for key in data:
        if key not in SIDECAR_KEYS:
            known = ", ".join(sorted(SIDECAR_KEYS))
            problems.append(
                Problem(
                    shown_as, _line_of(text, str(key)), f"unknown sidecar key {excerpt(key)}; a sidecar may set {known}"
                )
            )
    date = _date(data.get("date"), text, shown_as, problems)
    time = _time(data.get("time"), text, shown_as, problems)
    for key in ("committee", "venue"):
        if isinstance(data.get(key), (dict, list)):
            problems.append(Problem(shown_as, _line_of(text, key), f"{key} must be text"))
    if problems:
        return None, problems
    return (
        PaperOverrides(
            committee=str(data.get("committee") or "").strip(),
            date=date or None,
            time=time,
            venue=str(data.get("venue") or "").strip(),
        ),
        [],
    )


def _date(date: object, text: str, shown_as: str, problems: list[Problem]) -> dt.date | None:
    """The sidecar's `date`; a value that is not a plausible date is a problem, and None."""
    if isinstance(date, dt.datetime):
        date = date.date()
    if date in (None, ""):
        return None
    if not isinstance(date, dt.date):
        try:
            date = dt.date.fromisoformat(str(date).strip())
        except ValueError:
            problems.append(
                Problem(shown_as, _line_of(text, "date"), f"date {excerpt(date)} is not a date; write it as YYYY-MM-DD")
            )
            return None
    checked: dt.date = date
    if not plausible(checked):
        problems.append(
            Problem(
                shown_as,
                _line_of(text, "date"),
                f"date {checked.isoformat()} is not a plausible date for a council's papers; correct the year",
            )
        )
    return checked


def _time(value: object, text: str, shown_as: str, problems: list[Problem]) -> str:
    """The sidecar's `time`, 24-hour HH:MM; anything else is a problem."""
    time = str(value or "").strip()
    if isinstance(value, int):
        # YAML reads 17:30 as a sexagesimal integer (1050); turn it back into a clock time.
        time = f"{value // 60:02d}:{value % 60:02d}"
    if time and not re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", time):
        problems.append(Problem(shown_as, _line_of(text, "time"), f"time {excerpt(time)} is not a 24-hour HH:MM time"))
    return time


def _line_of(text: str, key: str) -> int:
    for n, line in enumerate(text.splitlines(), start=1):
        if line.split(":", 1)[0].strip() == key:
            return n
    return 0
