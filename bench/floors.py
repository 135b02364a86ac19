"""The floors the converter's fidelity may not fall below: per corpus, per fact and per paper.

    python bench/floors.py            # measure every corpus; print the table and what would change
    python bench/floors.py --write    # ... and write tests/floors.json and the README's table

Each corpus is scored by bench/fidelity.py. Its floors are today's figures less
MARGIN, rounded down to a whole point: the overall figure, each fact's mean over
the corpus's documents (meetings, date, time, venue, chair, present, apologies,
items, resolutions) and each paper's score. tests/floors.json keeps both the
figures measured and the floors; the README's table between its markers is made
from that file, and tests/test_floors.py reads the same file, so the README and
the tests cannot disagree. Raise the floors (run with --write) when the converter
gains; lowering one is a decision to say in the commit.
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))
import fidelity  # noqa: E402

FLOORS = REPO / "tests" / "floors.json"
README = REPO / "README.md"
START, END = "<!-- floors: made by bench/floors.py from tests/floors.json -->", "<!-- floors: end -->"
CORPORA = {
    "corpus": ("tests/corpus", "25 papers of 14 other councils"),
    "second": ("tests/corpora/second", "UK parish, town, community and ModernGov papers"),
    "third": ("tests/corpora/third", "UK and Irish papers, some bilingual"),
    "fourth": ("tests/corpora/fourth", "papers of nine countries"),
    "seeds": ("tests/seeds", "the five demo papers"),
    "printed": ("tests/pdf-corpus/printed", "the five demo papers printed to PDF"),
    "pdf-minutes": ("tests/pdf-corpus/minutes", "printed minutes of three councils"),
}
FACTS = fidelity.COLUMNS
MARGIN = 1.0
"""Points under today's figure; rounded down, so a floor is 1 to 2 points under it."""


def floor(measured: float) -> float:
    return max(0.0, math.floor(measured * 100 - MARGIN)) / 100


def measure(folder: Path) -> dict:
    """A corpus's figures: overall, per fact (mean over documents), per paper, and its crashes."""
    results = fidelity.run(folder)
    documents = [d for r in results for d in r.documents]
    return {
        "overall": statistics.fmean(r.score for r in results),
        "facts": {f: statistics.fmean(d.parts[f] for d in documents if f in d.parts) for f in FACTS},
        "papers": {r.paper: r.score for r in results},
        "crashed": sorted(r.paper for r in results if r.crashed),
    }


def floors_of(name: str, figures: dict) -> dict:
    folder, about = CORPORA[name]
    rounded = {
        "overall": round(figures["overall"], 4),
        "facts": {f: round(v, 4) for f, v in figures["facts"].items()},
        "papers": {p: round(v, 4) for p, v in sorted(figures["papers"].items())},
    }
    return {
        "folder": folder,
        "about": about,
        "measured": rounded,
        "floor": {
            "overall": floor(figures["overall"]),
            "facts": {f: floor(v) for f, v in figures["facts"].items()},
            "papers": {p: floor(v) for p, v in sorted(figures["papers"].items())},
        },
    }


def readme_table(floors: dict) -> str:
    """The README's table: each corpus's figures measured, with the floor under each."""
    head = "| corpus | papers | overall | " + " | ".join(FACTS) + " |"
    rule = "|---|---:|---:|" + "---:|" * len(FACTS)
    rows = [head, rule]
    for entry in floors.values():
        measured, low = entry["measured"], entry["floor"]
        cells = [f"{measured['overall'] * 100:.1f} (≥ {low['overall'] * 100:.0f})"]
        cells += [f"{measured['facts'][f] * 100:.1f} (≥ {low['facts'][f] * 100:.0f})" for f in FACTS]
        rows.append(
            f"| `{entry['folder']}` ({entry['about']}) | {len(measured['papers'])} | " + " | ".join(cells) + " |"
        )
    return "\n".join(rows)


def readme_section(floors: dict) -> str:
    return (
        f"{START}\n"
        "Fidelity in per cent, measured, with the floor the tests hold it to in brackets (every paper\n"
        "of every corpus has its own floor too, in `tests/floors.json`):\n\n"
        f"{readme_table(floors)}\n{END}"
    )


def with_section(text: str, floors: dict) -> str:
    start, end = text.index(START), text.index(END) + len(END)
    return text[:start] + readme_section(floors) + text[end:]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", action="store_true", help="write tests/floors.json and the README's table")
    parser.add_argument("corpora", nargs="*", help=f"measure only these ({', '.join(CORPORA)}); the others are kept")
    args = parser.parse_args(argv)
    old = json.loads(FLOORS.read_text(encoding="utf-8")) if FLOORS.exists() else {}
    new = {}
    for name, (folder, _about) in CORPORA.items():
        if args.corpora and name not in args.corpora and name in old:
            new[name] = old[name]
            continue
        figures = measure(REPO / folder)
        if figures["crashed"]:
            print(f"{folder}: the converter crashed on {', '.join(figures['crashed'])}", file=sys.stderr)
            return 1
        new[name] = floors_of(name, figures)
        was = old.get(name, {}).get("measured", {}).get("overall")
        change = (
            f" (was {was * 100:.1f})" if was is not None and abs(was - new[name]["measured"]["overall"]) > 1e-9 else ""
        )
        print(f"{folder}: {new[name]['measured']['overall'] * 100:.1f}%{change}")
    print(readme_table(new))
    if args.write:
        FLOORS.write_text(json.dumps(new, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        README.write_text(with_section(README.read_text(encoding="utf-8"), new), encoding="utf-8")
        print(f"wrote {FLOORS.relative_to(REPO)} and the table in README.md")
    return 0


if __name__ == "__main__":
    sys.exit(main())
