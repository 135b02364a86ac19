"""Golden files: every set the tests compare with, and the one reviewed way to change them.

The tests only ever compare (`check`): no option or variable makes a golden
test rewrite, skip or pass. A golden file changes only through

    make golden            # regenerate every set into a temporary folder and print the diff
    make golden WRITE=1    # the same, then write the changed files into tests/fixtures/

(`python tests/goldens.py [--write] [SET ...]`; on a terminal it asks before writing).
Read the diff against the papers before committing it, and commit golden changes on
their own, saying why they are intended.
"""

from __future__ import annotations

import argparse
import difflib
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
FIXTURES = TESTS / "fixtures"
HOW_TO_UPDATE = "run `make golden`, read the diff it prints against the paper, then `make golden WRITE=1`"


def dump(facts: object) -> str:
    return yaml.safe_dump(facts, sort_keys=False, allow_unicode=True, width=120)


def check(path: Path, facts: object) -> None:
    """The one comparison every golden test makes."""
    assert path.exists(), f"no golden file {path.relative_to(ROOT)}; {HOW_TO_UPDATE}"
    expected = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert facts == expected, f"{path.relative_to(ROOT)} differs; if the change is intended, {HOW_TO_UPDATE}"


@dataclass(frozen=True, slots=True)
class GoldenSet:
    name: str
    folder: Path
    cases: Callable[[], Iterator[tuple[str, Callable[[], object]]]]
    """(file name, a function making its facts) for every golden file of the set."""


def _import_tests() -> None:
    for folder in (TESTS, TESTS / "papers"):
        if str(folder) not in sys.path:
            sys.path.insert(0, str(folder))


def _sample_papers():
    _import_tests()  # the helpers live beside the tests, which pytest may not have put on the path
    from golden import facts

    for paper in sorted((ROOT / "content" / "papers").glob("*.txt")):
        shown = paper.relative_to(ROOT).as_posix()
        yield f"{paper.stem}.yaml", lambda paper=paper, shown=shown: facts(paper, shown)


def _corpus_papers():
    _import_tests()  # the helpers live beside the tests, which pytest may not have put on the path
    import json

    from golden import facts

    corpus = TESTS / "corpus"
    council = {e["paper"]: e.get("council", "") for e in json.loads((corpus / "truth.json").read_text("utf-8"))}
    for paper in sorted((corpus / "papers").glob("*.txt")):
        yield f"{paper.stem}.yaml", lambda paper=paper: facts(paper, paper.name, council.get(paper.name, ""))


def _pdf_pages():
    _import_tests()  # the helpers live beside the tests, which pytest may not have put on the path
    from pdfcases import CASES
    from test_pdf_ocr import ocr_facts
    from test_pdf_reader import golden_facts

    for case in CASES:
        make = golden_facts if case.layer == "text" else ocr_facts
        yield f"{case.name}.yaml", lambda case=case, make=make: make(case)


def _pdf_records():
    _import_tests()  # the helpers live beside the tests, which pytest may not have put on the path
    from pdfcases import CASES
    from test_pdf_records import records

    for case in CASES:
        yield f"{case.path.stem}.yaml", lambda case=case: records(case.path)


SETS = (
    GoldenSet("samples", FIXTURES / "golden", _sample_papers),
    GoldenSet("corpus", FIXTURES / "corpus-golden", _corpus_papers),
    GoldenSet("pdf-pages", FIXTURES / "pdf-golden", _pdf_pages),
    GoldenSet("pdf-records", FIXTURES / "pdf-records", _pdf_records),
)


def regenerate(chosen: list[GoldenSet], into: Path) -> list[tuple[Path, Path]]:
    """Every golden file of `chosen` made afresh under `into`; (fresh, kept) pairs."""
    _import_tests()
    pairs = []
    for golden in chosen:
        for name, make in golden.cases():
            fresh = into / golden.folder.relative_to(ROOT) / name
            fresh.parent.mkdir(parents=True, exist_ok=True)
            fresh.write_text(dump(make()), encoding="utf-8")
            pairs.append((fresh, golden.folder / name))
    return pairs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Regenerate the golden files, show the diff, write only when asked.")
    names = [g.name for g in SETS]
    parser.add_argument("sets", nargs="*", metavar="SET", help=f"sets to regenerate, of {', '.join(names)} (all)")
    parser.add_argument("--write", action="store_true", help="write the changed files without asking")
    args = parser.parse_args(argv)
    unknown = sorted(set(args.sets) - set(names))
    if unknown:
        parser.error(f"no golden set named {', '.join(unknown)}; the sets are {', '.join(names)}")
    chosen = [g for g in SETS if not args.sets or g.name in args.sets]
    with tempfile.TemporaryDirectory(prefix="goldens-") as tmp:
        pairs = regenerate(chosen, Path(tmp))
        changed = []
        for fresh, kept in pairs:
            new = fresh.read_text(encoding="utf-8")
            old = kept.read_text(encoding="utf-8") if kept.exists() else ""
            if new != old:
                changed.append((fresh, kept))
                shown = kept.relative_to(ROOT).as_posix()
                sys.stdout.writelines(
                    difflib.unified_diff(
                        old.splitlines(keepends=True),
                        new.splitlines(keepends=True),
                        f"a/{shown}" if old else "/dev/null",
                        f"b/{shown}",
                    )
                )
        print(f"{len(changed)} of {len(pairs)} golden files would change")
        if not changed:
            return 0
        write = args.write
        if not write and sys.stdin.isatty():
            write = input("write them? [y/N] ").strip().lower() in ("y", "yes")
        if not write:
            print("nothing written; read the diff, then `make golden WRITE=1` to write it")
            return 1
        for fresh, kept in changed:
            kept.parent.mkdir(parents=True, exist_ok=True)
            kept.write_text(fresh.read_text(encoding="utf-8"), encoding="utf-8")
        print(f"wrote {len(changed)} golden files; commit them on their own, saying why the change is intended")
    return 0


if __name__ == "__main__":
    sys.exit(main())
