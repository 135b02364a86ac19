"""Nothing lost: every word of a paper, apart from the export artefacts `explain` lists, is in
some document's body. Checked over the samples, the corpus of other councils' papers, and
random and shuffled text."""

from __future__ import annotations

import html
import random
import re
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from minutes.papers import convert_paper_text
from minutes.papers.clean import unspace_letters
from minutes.papers.convert import convert_with_roles
from minutes.papers.readers import read_paper
from minutes.papers.stray_html import strip_tags

ROOT = Path(__file__).resolve().parents[2]
PAPERS = sorted((ROOT / "content" / "papers").glob("*.txt"))
CORPUS = sorted((ROOT / "tests" / "corpus" / "papers").glob("*.txt"))
# Markup an export leaves that is not the paper's words: a note-taking app's callout type.
_EXPORT_MARKUP = re.compile(r"\[![\w-]+\][-+]?")


def words(text: str) -> Counter:
    """Words to compare: entities decoded, letter-spaced words ("A G E N D A") closed up."""
    text = unspace_letters(html.unescape(strip_tags(_EXPORT_MARKUP.sub(" ", text))))
    return Counter(w.lower() for w in re.findall(r"[^\W_]+", text))


def lost_words(text: str) -> Counter:
    conversion = convert_with_roles(read_paper(text.encode("utf-8"), "paper.txt"), "paper.txt")
    expected: Counter = Counter()
    seen: set[tuple[int, str]] = set()
    for line in conversion.lines:
        if line.artefact or (line.number, line.source) in seen:
            continue
        seen.add((line.number, line.source))
        source = line.source
        for removed in line.removed:
            source = source.replace(removed, " ", 1)
        expected += words(source)
    written: Counter = Counter()
    for document in conversion.documents:
        written += words(document.body)
    return expected - written


@pytest.mark.parametrize("paper", PAPERS, ids=[p.stem for p in PAPERS])
def test_samples_lose_no_words(paper: Path):
    assert lost_words(paper.read_text(encoding="utf-8")) == Counter()


@pytest.mark.parametrize("paper", CORPUS, ids=[p.name[:2] for p in CORPUS])
def test_corpus_papers_lose_no_words(paper: Path):
    assert lost_words(paper.read_text(encoding="utf-8")) == Counter()


@pytest.mark.parametrize("paper", PAPERS, ids=[p.stem for p in PAPERS])
def test_no_raw_html_left(paper: Path):
    for document in convert_paper_text(paper.read_text(encoding="utf-8"), paper.name):
        assert not re.search(r"</?(?:p|b|li|ul|ol|sup|h1|td|tr|table|span)\b[^>]*>", document.body, re.I), (
            document.relpath
        )


@pytest.mark.parametrize("paper", PAPERS, ids=[p.stem for p in PAPERS])
def test_conversion_is_deterministic(paper: Path):
    text = paper.read_text(encoding="utf-8")
    assert convert_paper_text(text, paper.name) == convert_paper_text(text, paper.name)


def test_artefacts_are_really_dropped():
    """The conservation check can fail: a word only in an artefact line is not in any body."""
    text = "Minutes text here\n\n#### **COMMUNITIES AND COHESION - 18/11/13**\n\nMore text.\n"
    bodies = " ".join(d.body for d in convert_paper_text(text, "p.txt"))
    assert "COHESION" not in bodies
    assert lost_words(text) == Counter()


_SAMPLE_LINES = [line for paper in PAPERS for line in paper.read_text(encoding="utf-8").split("\n")]


@settings(max_examples=50, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400))
def test_random_text_never_crashes_or_loses_words(text):
    assert lost_words(text) == Counter()


@settings(max_examples=50, deadline=None)
@given(st.integers(min_value=0, max_value=2**32 - 1), st.integers(min_value=1, max_value=120))
@example(seed=918, count=104)  # a table's "No" between an item's number and its title was dropped
@example(seed=960459, count=74)  # an action column's initials ("NAS") beside a row read as an item were dropped
@example(seed=8379, count=114)  # a heading made of a line with a link lost the link's target ("mailto")
def test_shuffled_sample_fragments_lose_no_words(seed, count):
    rng = random.Random(seed)
    lines = [rng.choice(_SAMPLE_LINES) for _ in range(count)]
    text = "\n".join(lines) + "\n"
    assert lost_words(text) == Counter()
    for document in convert_paper_text(text, "shuffled.txt"):
        document.record.to_mapping()


def test_column_heads_between_number_and_title_are_kept():
    """A number alone, a table's column head ("No"), then the title: the head word stays in the body."""
    text = "Minutes:\n4\nNo\nThe minutes of the Board held on 14 June 2013 were noted.\n"
    assert lost_words(text) == Counter()


def test_resolutions_set_apart_keep_their_printed_numbers():
    """A list under "RESOLVED" numbered its own way ("22.") keeps its numbers as printed."""
    text = (
        "1. Appointments\n\nResolved: (1) That the following be appointed to the panels below.\n\n"
        "\t22. Short term support in schools to promote positive behaviour.\n"
    )
    assert lost_words(text) == Counter()
