"""A paper's first reading, kept for the second reading of the archive (with a newly learned house style)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from minutes.core.config import load_config
from minutes.papers import convert_papers, kept_readings
from minutes.papers.convert import convert_with_roles
from minutes.papers.files import _read_and_convert
from minutes.papers.housestyle import EMPTY, Body, HouseStyle
from minutes.papers.readers import DEFAULT_LIMITS, read_paper

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "corpus" / "papers"
MINUTES = """PARISH COUNCIL

Minutes of the meeting held on Tuesday 7 January 2025 at 7.30pm in the Village Hall, West Burton

Present: Cllr A Smith (Chair), Cllr B Jones

1. Apologies

None.

2. Planning

RESOLVED: That the application be supported.
"""


def _read(data: bytes, kept: bytes = b"", keep: bool = False, style: HouseStyle = EMPTY):
    return _read_and_convert(
        data, "minutes.txt", None, {}, "Burton Council", DEFAULT_LIMITS, 10**9, "", style, kept, keep
    )


def test_a_kept_reading_is_converted_instead_of_the_file():
    first = _read(MINUTES.encode(), keep=True)
    assert first.reading and first.documents
    # Bytes of another paper: what comes back is the kept reading's, so the file was not read again.
    again = _read(b"Nothing here but a line of text.\n", kept=first.reading)
    assert again.documents == first.documents and again.observed == first.observed
    assert again.reading == b""  # not asked to keep it
    unkept = _read(b"Nothing here but a line of text.\n")
    assert unkept.documents != first.documents


def test_a_packed_reading_unpacks_as_pickle_gives_it_in_a_process_that_packed_nothing():
    """The frozen dataclasses' fields are taken at once, and set back as their own pickling would."""
    import pickle
    import subprocess
    import sys
    import zlib

    paper = read_paper(MINUTES.encode(), "minutes.txt")
    readings = [(EMPTY, convert_with_roles(paper, "minutes.txt", council="Burton Council"))]
    blob = kept_readings.pack(paper, readings)
    plain = zlib.compress(pickle.dumps((paper, readings), protocol=pickle.HIGHEST_PROTOCOL), 1)
    assert kept_readings.unpack(blob) == kept_readings.unpack(plain) == (paper, readings)
    # Unpacked by a fresh process (as the second reading's worker, forked before any packing) and pickled
    # plainly there: the same bytes as what a plain pickle's unpacking gives there.
    code = (
        "import pickle, sys; from minutes.papers import kept_readings; "
        "print(*(pickle.dumps(kept_readings.unpack(bytes.fromhex(b)), protocol=5).hex() for b in sys.argv[1:]))"
    )
    out = subprocess.run([sys.executable, "-c", code, blob.hex(), plain.hex()], capture_output=True, check=True)
    ours, theirs = out.stdout.split()
    assert ours == theirs


def test_only_the_reading_without_lessons_is_kept():
    style = HouseStyle(bodies=(Body("Burton-cum-Walden Parish Council", ("PARISH COUNCIL",), papers=3),))
    paper, readings = kept_readings.unpack(_read(MINUTES.encode(), keep=True, style=style).reading)
    assert paper.text.startswith("PARISH COUNCIL")
    assert [s for s, _ in readings] == [EMPTY]


def test_a_reading_made_with_the_same_style_is_taken_and_a_new_one_added():
    paper = read_paper(MINUTES.encode(), "minutes.txt")
    made = convert_with_roles(paper, "minutes.txt", council="Burton Council")
    style = HouseStyle(bodies=(Body("Burton-cum-Walden Parish Council", ("PARISH COUNCIL",), papers=3),))
    readings: kept_readings.Readings = [(EMPTY, made)]
    assert convert_with_roles(paper, "minutes.txt", council="Burton Council", readings=readings) is made
    styled = convert_with_roles(paper, "minutes.txt", council="Burton Council", style=style, readings=readings)
    assert styled is not made
    assert readings[0][0] == EMPTY and len(readings) == 2  # the lessons' reading was added
    assert styled.documents[0].record.committee == "Burton-cum-Walden Parish Council"


@pytest.mark.parametrize(
    "put, take, kept",
    [
        (("a.pdf", "k1"), ("a.pdf", "k1"), True),
        (("a.pdf", "k1"), ("a.pdf", "k2"), False),  # the paper changed between the readings: read afresh
        (("a.pdf", "k1"), ("b.pdf", "k1"), False),
    ],
)
def test_a_reading_is_given_back_once_for_the_same_paper(tmp_path: Path, put, take, kept):
    store = kept_readings.KeptReadings(tmp_path)
    store.put(*put, b"reading")
    assert store.take(*take) == (b"reading" if kept else b"")
    if take[0] == put[0]:
        # given back (or found stale) once, and its file removed
        assert store.take(*put) == b"" and list(tmp_path.iterdir()) == []


def test_an_archive_read_again_with_a_new_style_converts_as_when_each_paper_is_read_afresh(tmp_path, monkeypatch):
    sites = []
    for name in ("kept", "afresh"):
        site = tmp_path / name
        (site / "content" / "papers").mkdir(parents=True)
        for paper in sorted(CORPUS.glob("*.txt"))[:6]:
            shutil.copy(paper, site / "content" / "papers" / paper.name)
        sites.append(site)
    kept = convert_papers(load_config(sites[0]), jobs=1)
    assert kept.style_changed  # the papers taught a house style, and were read again with it
    with monkeypatch.context() as patch:
        patch.setattr(kept_readings.KeptReadings, "take", lambda self, shown, key: b"")
        afresh = convert_papers(load_config(sites[1]), jobs=1)
    assert afresh.style_changed

    def contents(site: Path) -> dict[str, bytes]:
        return {
            p.relative_to(site).as_posix(): p.read_bytes() for p in sorted((site / "content").rglob("*")) if p.is_file()
        }

    assert contents(sites[0]) == contents(sites[1])
    assert [str(p) for p in kept.problems] == [str(p).replace("afresh", "kept") for p in afresh.problems]
