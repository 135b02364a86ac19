"""What a person should check first: the records with open doubts, most worth checking first.

The converter lists the facts it is unsure of in each record's `review:` (see
papers/confidence.py); a person clears an entry by deleting it, or a whole record
by setting `reviewed: true`. `minutes convert` ends with this summary and `minutes
review` prints it at any time, for the records on disk: how many records have
doubts, the doubtful facts by kind, and the records most worth checking first, one
line each, with their paths from the site root. The order is the one `minutes
serve` lists them in at /_review/ (site/doubts.py): doubts on the facts readers rely
on (date, committee, kind, items) weigh most, each by how unsure the converter was.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from minutes.core.config import SiteConfig
from minutes.core.errors import Problem
from minutes.records.record import REVIEW_FACTS
from minutes.site.doubts import NOTE, Doubt, DoubtfulRecord, doubtful_records

FIRST = 5
"""How many records the summary names to check first."""

FACT_ORDER = (*REVIEW_FACTS, NOTE)


@dataclass(frozen=True, slots=True)
class ReviewSummary:
    """The open doubts of a site's records."""

    records: int
    papers: int
    """Papers the records came from."""
    doubtful: tuple[DoubtfulRecord, ...]
    """Records with open doubts, most worth checking first."""

    @property
    def by_fact(self) -> dict[str, int]:
        """Open doubts by the fact they are on, in the order of the record's keys (the converter's notes last)."""
        counts = Counter(d.fact for r in self.doubtful for d in r.doubts)
        return {fact: counts[fact] for fact in FACT_ORDER if counts[fact]}

    @property
    def facts(self) -> int:
        return sum(len(r.doubts) for r in self.doubtful)

    def lines(self, first: int | None = FIRST) -> list[str]:
        """The summary as lines a person can act on; `first`: how many records to name (None: all)."""
        if not self.doubtful:
            return [f"{_count(self.records, 'record')}: no open doubts"]
        kinds = ", ".join(f"{fact} {n}" for fact, n in self.by_fact.items())
        named = self.doubtful if first is None else self.doubtful[:first]
        head = (
            f"{len(self.doubtful)} of {_count(self.records, 'record')} with doubts: "
            f"{_count(self.facts, 'fact')} to check ({kinds})"
        )
        which = "in order" if len(named) == len(self.doubtful) else f"the {len(named)} worth most"
        return [head, f"check first ({which}):", *(f"  {_line(r)}" for r in named)]

    def to_json(self, first: int | None = FIRST) -> dict[str, Any]:
        named = self.doubtful if first is None else self.doubtful[:first]
        return {
            "records": self.records,
            "papers": self.papers,
            "records_with_doubts": len(self.doubtful),
            "doubtful_facts": self.facts,
            "by_fact": self.by_fact,
            "check_first": [
                {
                    "path": r.path,
                    "worth": round(r.importance, 2),
                    "doubts": [_doubt_json(d, line) for d, line in zip(r.doubts, r.lines, strict=True)],
                }
                for r in named
            ],
        }


def _line(found: DoubtfulRecord) -> str:
    """One record: its path, how many doubts, and each fact with the converter's confidence."""
    facts = ", ".join(_fact(d) for d in found.doubts)
    return f"{found.path}: {_count(len(found.doubts), 'doubt')} ({facts})"


def _fact(doubt: Doubt) -> str:
    if doubt.fact == NOTE:
        return NOTE
    name = doubt.fact + (f" {doubt.item}" if doubt.item else "")
    if doubt.value and not doubt.item:
        name += f" {doubt.value!r}"
    return f"{name} {doubt.confidence:.2f}"


def _doubt_json(doubt: Doubt, line: int) -> dict[str, Any]:
    fields = (
        ("fact", doubt.fact),
        ("value", doubt.value),
        ("item", doubt.item),
        ("why", doubt.why),
        ("lines", list(doubt.lines) if doubt.lines != (0, 0) else None),
        ("confidence", doubt.confidence if doubt.fact != NOTE else None),
        ("record_line", line or None),
    )
    return {key: value for key, value in fields if value not in ("", None)}


def _count(n: int, what: str) -> str:
    return f"{n} {what}{'s' if n != 1 else ''}"


def review_site(config: SiteConfig) -> tuple[ReviewSummary, Sequence[Problem]]:
    """The summary of the records on disk, and the errors met loading them (a bad record is left out)."""
    from minutes.site.load import load_site

    site = load_site(config)
    documents = list(site.all_documents())
    papers = {d.record.source.paper for d in documents if d.record.source and d.record.source.paper}
    summary = ReviewSummary(len(documents), len(papers), tuple(doubtful_records(site)))
    return summary, [p for p in site.problems if p.severity == "error"]
