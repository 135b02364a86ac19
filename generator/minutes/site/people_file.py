"""The people data file (`content/people.yaml`): what a site says about people, beside site.yaml.

The file maps each person's display name to an entry, as `people:` in
site.yaml does (see core/people.py and docs/people.md):

    Councillor Jane Smith:
      aliases: [Cllr J. Smith]
      party: Independent
      ward: Central
      roles:
        - {role: Chair, body: planning-committee, from: 2019-05, to: 2021-05}

Councils keep such lists as data, and a long one is easier to review in its
own file. A bad entry is a problem naming the file and its line; it is left
out and the rest of the file is read. A name given in site.yaml too keeps
site.yaml's entry.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from minutes.core.config import CONFIG_NAME, SiteConfig
from minutes.core.errors import Problem
from minutes.core.paths import is_inside
from minutes.core.people_settings import EntryError, PersonFacts, person_facts
from minutes.core.yamlfile import error_line, error_text, key_lines, load_yaml, nearest_line

MAX_BYTES = 8 * 2**20
"""A people file larger than this is refused: a whole council's members fit in a few hundred kilobytes."""


def read_people_file(config: SiteConfig) -> tuple[dict[str, PersonFacts], list[Problem]]:
    """The entries of the people data file (none when there is no file), and its problems."""
    path = config.root / config.people.file
    shown = config.people.file.as_posix()
    if not (path.exists() or path.is_symlink()):
        return {}, []
    if not is_inside(path, config.root):
        return {}, [_problem(shown, 0, "is a link leading out of the site; replace it with the file itself")]
    text, problem = _read(path, shown)
    if problem:
        return {}, [problem]
    try:
        data = load_yaml(text)
    except yaml.YAMLError as exc:
        line = min(error_line(exc), max(1, len(text.splitlines())))
        return {}, [_problem(shown, line, f"malformed YAML: {error_text(exc)}")]
    if data is None:
        return {}, []
    if not isinstance(data, dict):
        return {}, [_problem(shown, 1, "must be a mapping of people's names to their entries ('Name:' lines)")]
    lines = key_lines(text)
    given = config.people.entries
    entries: dict[str, PersonFacts] = {}
    problems: list[Problem] = []
    for key in sorted(data, key=str):
        name = " ".join(str(key).split())
        try:
            facts = person_facts(data[key])
        except EntryError as exc:
            line = nearest_line(lines, (str(key), *exc.at))
            problems.append(
                Problem(
                    shown, line, f"{name}: {exc}", skipped=f"the entry of {name}; the person is published without it"
                )
            )
            continue
        if name in given:
            problems.append(
                Problem(
                    shown,
                    lines.get((str(key),), 0),
                    f"{name} has an entry in {CONFIG_NAME} too; keep one of the two",
                    "warning",
                    skipped=f"this file's entry of {name} ({CONFIG_NAME}'s is used)",
                )
            )
            continue
        entries[name] = facts
    return entries, problems


def _read(path: Path, shown: str) -> tuple[str, Problem | None]:
    try:
        if not path.is_file():
            return "", _problem(shown, 0, "is not a file; the people data file must be a YAML file")
        if path.stat().st_size > MAX_BYTES:
            return "", _problem(shown, 0, f"is larger than {MAX_BYTES // 2**20} MB; a people file is a list of names")
        return path.read_text(encoding="utf-8"), None
    except UnicodeDecodeError as exc:
        line = path.read_bytes()[: exc.start].count(b"\n") + 1
        return "", _problem(shown, line, "is not UTF-8 text; save it again as UTF-8")
    except OSError as exc:
        return "", _problem(shown, 0, f"cannot be read: {exc.strerror or exc}; check its permissions")


def _problem(shown: str, line: int, message: str) -> Problem:
    return Problem(shown, line, message, skipped="the people data file; the people are published without it")
