"""Restore the papers of an archive under tests/archives/ from a clone of the repository they came from.

The archives' papers are public records kept in other projects' repositories; this project
commits only what it made (the truth, the sources, the figures). Each archive's SOURCES.md
names the repository and, per paper, the commit, the path in it and the sha256 of the file.
Given a local clone of that repository, this writes each paper into the archive's `papers/`
folder (git-ignored) and checks it byte for byte against its sha256:

    git clone https://github.com/OWNER/NAME /some/where/NAME
    python bench/archive_papers.py tests/archives/lincoln-township-mi --clone /some/where/NAME

`--check` only checks the papers already there. Exit status 1 when a paper is missing or differs.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

_ROW = re.compile(
    r"^\|\s*\d+\s*\|\s*`(?P<file>[^`]+)`\s*\|.*?\|\s*`(?P<commit>[0-9a-f]{7,40})`\s*:\s*`(?P<path>[^`]+)`\s*\|"
    r".*\|\s*`(?P<sha>[0-9a-f]{64})`\s*\|\s*$"
)
_REPOSITORY = re.compile(r"\*\*Repository:\*\*\s*`(?P<repo>[^`]+)`")


@dataclass(frozen=True, slots=True)
class Paper:
    file: str
    commit: str
    path: str
    sha256: str


def sources(archive: Path) -> tuple[str, list[Paper]]:
    """The repository an archive's papers come from, and each paper's commit, path and digest."""
    text = (archive / "SOURCES.md").read_text(encoding="utf-8")
    found = _REPOSITORY.search(text)
    papers = [Paper(m["file"], m["commit"], m["path"], m["sha"]) for m in map(_ROW.match, text.splitlines()) if m]
    if not papers:
        raise SystemExit(f"{archive / 'SOURCES.md'}: no table rows naming a paper, a commit : path and a sha256")
    return (found["repo"] if found else ""), papers


def restore(archive: Path, clone: Path | None) -> int:
    repository, papers = sources(archive)
    folder = archive / "papers"
    folder.mkdir(exist_ok=True)
    bad = 0
    for paper in papers:
        target = folder / paper.file
        if clone is not None and not target.exists():
            shown = subprocess.run(
                ["git", "-C", str(clone), "show", f"{paper.commit}:{paper.path}"], capture_output=True, check=False
            )
            if shown.returncode != 0:
                print(f"{paper.file}: not in the clone at {paper.commit}:{paper.path} (a clone of {repository}?)")
                bad += 1
                continue
            target.write_bytes(shown.stdout)
        if not target.exists():
            print(f"{paper.file}: missing; restore it with --clone (a clone of {repository})")
            bad += 1
        elif hashlib.sha256(target.read_bytes()).hexdigest() != paper.sha256:
            print(f"{paper.file}: differs from the paper SOURCES.md names (sha256 {paper.sha256[:12]}…)")
            bad += 1
    print(f"{archive.name}: {len(papers) - bad} of {len(papers)} papers present and checked")
    return 1 if bad else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("archive", type=Path, help="an archive folder, e.g. tests/archives/lincoln-township-mi")
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--clone", type=Path, help="a local clone of the repository SOURCES.md names")
    group.add_argument("--check", action="store_true", help="only check the papers already restored")
    args = parser.parse_args(argv)
    return restore(args.archive, None if args.check else args.clone)


if __name__ == "__main__":
    sys.exit(main())
