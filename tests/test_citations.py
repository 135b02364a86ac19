"""Citations of minutes link the meeting and minute they name, as the demo's papers cite them.

The demo's December 2013 agenda approves "Minute No. E31" of the previous meeting; a
council numbers minutes by municipal year, so the same number recurs in other years.
Each case below is a tiny site written by hand: the expected link is written out here,
never worked out from the loaded site.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

COMMITTEE = "Cabinet Member for Communities and Cohesion"
SLUG = "cabinet-member-for-communities-and-cohesion"


def write_minutes(root: Path, date: str, numbers: list[str], citations: list[dict] | None = None) -> None:
    folder = root / "content" / "meetings" / SLUG / date
    folder.mkdir(parents=True, exist_ok=True)
    front = {
        "kind": "minutes",
        "committee": COMMITTEE,
        "date": date,
        "title": f"Minutes of {date}",
        "items": [{"number": n, "title": f"Business {n}", "anchor": f"item-{n.lower()}"} for n in numbers],
    }
    if citations:
        front["citations"] = citations
    body = "\n\n".join(f"## {n}. Business {n} {{#item-{n.lower()}}}\n\nText of minute {n}." for n in numbers)
    (folder / "minutes.md").write_text(f"---\n{yaml.safe_dump(front, sort_keys=False)}---\n\n{body}\n", "utf-8")


def site(tmp_path: Path, meetings: dict[str, list[str]], citing: str, citation: dict) -> Path:
    root = tmp_path / "site"
    root.mkdir()
    (root / "site.yaml").write_text("title: Minutes\ncouncil: Rotherham Metropolitan Borough Council\n", "utf-8")
    for date, numbers in meetings.items():
        write_minutes(root, date, numbers, [citation] if date == citing else None)
    return root


# Three years' minutes, each numbering from E-something: E31 is in 2012, 2013 and 2014.
YEARS = {"2012-11-19": ["E30", "E31"], "2013-11-18": ["E31", "E32"], "2014-11-17": ["E31"]}
CASES = [
    # (what the 2013-12-16 minutes cite, the link it must make; "" = plain text)
    ({"text": "Minute No. E31", "minute": "E31"}, f"/{SLUG}/2013-11-18/#minute-e31"),
    ({"text": "Minute No. E30", "minute": "E30"}, f"/{SLUG}/2012-11-19/#minute-e30"),
    (
        {"text": "Minute No. E31 of 19th November, 2012", "minute": "E31", "date": "2012-11-19"},
        f"/{SLUG}/2012-11-19/#minute-e31",
    ),
    ({"text": "the minutes of 18th November, 2013", "date": "2013-11-18"}, f"/{SLUG}/2013-11-18/"),
    # E33 is in no meeting; no meeting was held on 1 March 2013.
    ({"text": "Minute No. E33", "minute": "E33"}, ""),
    ({"text": "Minute No. E31 of 1st March, 2013", "minute": "E31", "date": "2013-03-01"}, ""),
]


@pytest.mark.parametrize(("citation", "link"), CASES, ids=[f"case{n}" for n in range(len(CASES))])
def test_a_minute_citation_links_the_right_earlier_meeting(tmp_path, citation, link):
    from minutes.core.config import load_config
    from minutes.site.links import resolve_citations
    from minutes.site.load import load_site

    root = site(tmp_path, {**YEARS, "2013-12-16": ["E40"]}, "2013-12-16", citation)
    loaded = load_site(load_config(root))
    assert not loaded.problems, loaded.problems
    (resolved,) = resolve_citations(loaded).of(loaded.meetings[(SLUG, "2013-12-16")].minutes)
    assert resolved.target_url == link.removeprefix("/"), resolved
    assert bool(resolved.note) == (link == "")


def test_an_undated_minute_citation_never_resolves_to_a_later_meeting(tmp_path):
    """E50 is numbered only in the following year's minutes: the 2013 minutes cannot mean those."""
    from minutes.core.config import load_config
    from minutes.site.links import resolve_citations
    from minutes.site.load import load_site

    citation = {"text": "Minute No. E50", "minute": "E50"}
    root = site(tmp_path, {"2013-12-16": ["E40"], "2014-11-17": ["E49", "E50"]}, "2013-12-16", citation)
    loaded = load_site(load_config(root))
    (resolved,) = resolve_citations(loaded).of(loaded.meetings[(SLUG, "2013-12-16")].minutes)
    assert resolved.target_meeting is None
    assert resolved.note == "Minute E50 is not in this site"


def test_the_built_page_links_minute_e31_of_the_earlier_meeting(tmp_path):
    """End to end: the citing page's link, and the id it leads to on the cited page."""
    from minutes.build import build
    from minutes.core.config import load_config

    root = site(tmp_path, {**YEARS, "2013-12-16": ["E40"]}, "2013-12-16", CASES[0][0])
    result = build(load_config(root), search=False, convert=False)
    assert result.published and not result.errors, result.errors
    citing = (result.output / SLUG / "2013-12-16" / "index.html").read_text(encoding="utf-8")
    assert f'href="/{SLUG}/2013-11-18/#minute-e31"' in citing
    assert f'href="/{SLUG}/2014-11-17/#minute-e31"' not in citing
    cited = (result.output / SLUG / "2013-11-18" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'id="minute-e31"', cited), "the cited minute has no #minute-e31 on its page"
    # The cited meeting says what cites it; the other years' E31 do not.
    assert "Minute No. E31" in cited
    later = (result.output / SLUG / "2014-11-17" / "index.html").read_text(encoding="utf-8")
    assert "Minute No. E31" not in later


# Citations naming a committee, from the minutes of another body: the forms a clerk prints.
OTHER = "Cabinet"
NAMED = [
    ("Cabinet", f"/{OTHER.lower()}/2012-06-20/#minute-c25"),
    ("the Cabinet", f"/{OTHER.lower()}/2012-06-20/#minute-c25"),
    ("Rotherham Cabinet", f"/{OTHER.lower()}/2012-06-20/#minute-c25"),  # the council's own name added
    ("Cabinet Meeting", f"/{OTHER.lower()}/2012-06-20/#minute-c25"),  # a generic word added
    ("Cabnet", f"/{OTHER.lower()}/2012-06-20/#minute-c25"),  # a near spelling
    ("Cabinet Member for Communities and Cohesion", ""),  # that body holds no C25
    ("Planning Board", ""),  # not in this site
    ("Council", ""),  # generic words only: no committee
]


@pytest.mark.parametrize(("named", "link"), NAMED, ids=[f"named{n}" for n in range(len(NAMED))])
def test_a_citation_naming_a_committee_links_that_committee(tmp_path, named, link):
    from minutes.core.config import load_config
    from minutes.site.links import resolve_citations
    from minutes.site.load import load_site

    citation = {"text": f"Minute No. C25 of the {named}", "committee": named, "minute": "C25", "date": "2012-06-20"}
    root = site(tmp_path, {"2013-11-18": ["E31"]}, "2013-11-18", citation)
    folder = root / "content" / "meetings" / "cabinet" / "2012-06-20"
    folder.mkdir(parents=True)
    front = {
        "kind": "minutes",
        "committee": OTHER,
        "date": "2012-06-20",
        "items": [{"number": "C25", "title": "Areas"}],
    }
    (folder / "minutes.md").write_text(f"---\n{yaml.safe_dump(front)}---\n\nText.\n", "utf-8")
    loaded = load_site(load_config(root))
    (resolved,) = resolve_citations(loaded).of(loaded.meetings[(SLUG, "2013-11-18")].minutes)
    assert resolved.target_url == link.removeprefix("/"), resolved
    if not link:
        assert resolved.note
    else:
        cited_by = resolve_citations(loaded).cited_by[("cabinet", "2012-06-20")]
        assert [r.source.url for r in cited_by] == [f"{SLUG}/2013-11-18/"]


# Each way a citation resolves or does not, with everything the pages read from it.
# (citation of the 2013-12-16 minutes, its link, the committee it names, its note in English and in Welsh)
RESOLVED = [
    ({"minute": "E31"}, f"{SLUG}/2013-11-18/#minute-e31", SLUG, "", ""),
    ({"minute": "e31."}, f"{SLUG}/2013-11-18/#minute-e31", SLUG, "", ""),
    ({"minute": "E40"}, f"{SLUG}/2013-12-16/#minute-e40", SLUG, "", ""),
    ({"date": "2013-11-18"}, f"{SLUG}/2013-11-18/", SLUG, "", ""),
    (
        {"date": "2013-03-01"},
        "",
        SLUG,
        "no record of this meeting (1 March 2013) in this site",
        "dim cofnod o'r cyfarfod hwn (1 Mawrth 2013) ar y wefan hon",
    ),
    ({"minute": "E33"}, "", SLUG, "Minute E33 is not in this site", "Nid yw cofnod E33 ar y wefan hon"),
    (
        {"minute": "E33", "date": "2013-11-18"},
        f"{SLUG}/2013-11-18/",
        SLUG,
        "Minute E33 is not in the published minutes",
        "Nid yw cofnod E33 yn y cofnodion a gyhoeddwyd",
    ),
    (
        {"committee": "Planning Board", "minute": "P1"},
        "",
        "",
        "Planning Board is not in this site",
        "nid yw Planning Board ar y wefan hon",
    ),
    ({}, "", SLUG, "the reference names no date or minute", "nid yw'r cyfeiriad yn enwi dyddiad na chofnod"),
]


@pytest.mark.parametrize(
    ("cited", "link", "committee", "note", "welsh"), RESOLVED, ids=[f"r{n}" for n in range(len(RESOLVED))]
)
def test_a_citation_resolves_with_its_committee_and_a_note_in_each_language(
    tmp_path, cited, link, committee, note, welsh
):
    from minutes.core.config import load_config
    from minutes.core.i18n import interface
    from minutes.site.links import resolve_citations
    from minutes.site.load import load_site

    citation = {"text": "the reference", **cited}
    root = site(tmp_path, {**YEARS, "2013-12-16": ["E40"]}, "2013-12-16", citation)
    loaded = load_site(load_config(root))
    meeting = loaded.meetings[(SLUG, "2013-12-16")]
    (resolved,) = resolve_citations(loaded).of(meeting.minutes)
    assert (resolved.target_url, resolved.committee, resolved.note, resolved.note_in(interface("cy"))) == (
        link,
        committee,
        note,
        welsh,
    )
    assert resolved.citation.text == "the reference"
    assert resolved.source is meeting.minutes and resolved.source_meeting is meeting


def test_a_document_citing_nothing_has_no_links(tmp_path):
    from minutes.core.config import load_config
    from minutes.site.links import Links, resolve_citations
    from minutes.site.load import load_site

    root = site(tmp_path, {"2013-11-18": ["E31"]}, "", {})
    loaded = load_site(load_config(root))
    minutes = loaded.meetings[(SLUG, "2013-11-18")].minutes
    assert resolve_citations(loaded).of(minutes) == []
    assert Links().of(minutes) == []


def test_the_committee_index_knows_each_slug_name_alias_and_printed_name(tmp_path):
    from minutes.core.config import load_config
    from minutes.site.links import committee_index
    from minutes.site.load import load_site

    root = site(tmp_path, {"2013-11-18": ["E31"]}, "", {})
    with (root / "site.yaml").open("a", encoding="utf-8") as settings:
        settings.write("committees:\n  cabinet:\n    name: The Cabinet\n    aliases: [Executive Board]\n")
    folder = root / "content" / "meetings" / "cabinet" / "2012-06-20"
    folder.mkdir(parents=True)
    front = {"kind": "minutes", "committee": "Cabinet of the Council", "date": "2012-06-20"}
    (folder / "minutes.md").write_text(f"---\n{yaml.safe_dump(front)}---\n\nText.\n", "utf-8")
    assert committee_index(load_site(load_config(root))) == {
        SLUG: SLUG,
        "cabinet": "cabinet",
        "the-cabinet": "cabinet",
        "executive-board": "cabinet",
        "cabinet-of-the-council": "cabinet",
    }


ROTHERHAM = "Rotherham Metropolitan Borough Council"
BODIES = {
    "council": "Council",
    "cabinet": "Cabinet",
    "youth-cabinet": "Rotherham Youth Cabinet",
    "audit": "Audit",
    "audit-committee": "Audit Committee",
    "governance": "Governance",
    "housing-north": "Housing North",
    "housing-south": "Housing South",
}
COMMITTEES = [
    # (the council, its bodies, the name a citation prints, the body it means; None: no body)
    (ROTHERHAM, BODIES, "Council", "council"),  # only generic words, but an exact form
    (ROTHERHAM, BODIES, "Youth Cabinet Meeting", "youth-cabinet"),  # the same distinctive words
    (ROTHERHAM, BODIES, "the Audit", None),  # two bodies with the same words
    (ROTHERHAM, BODIES, "Youth Cabinit", "youth-cabinet"),  # a near spelling of two words
    (ROTHERHAM, BODIES, "Governancy", "governance"),  # as near as a near spelling may be (0.9)
    (ROTHERHAM, BODIES, "Housing Nouth", None),  # as near to two bodies
    (ROTHERHAM, BODIES, "Scrutiny Board", None),
    (ROTHERHAM, {"cabinet": "Cabinet"}, "Cabnet", "cabinet"),  # the only body
    ("", {"untitled-panel": "Untitled Panel", "panel": "Panel"}, "the Untitled Panel Meeting", "untitled-panel"),
]


@pytest.mark.parametrize(
    ("council", "bodies", "name", "slug"), COMMITTEES, ids=[f"committee{n}" for n in range(len(COMMITTEES))]
)
def test_a_printed_committee_name_finds_the_body_it_means(tmp_path, council, bodies, name, slug):
    from minutes.core.config import load_config
    from minutes.site.links import committee_index, find_committee
    from minutes.site.load import load_site

    root = tmp_path / "site"
    root.mkdir()
    (root / "site.yaml").write_text(f"title: Minutes\ncouncil: '{council}'\n", "utf-8")
    for folder, committee in bodies.items():
        meeting = root / "content" / "meetings" / folder / "2013-11-18"
        meeting.mkdir(parents=True)
        front = {"kind": "minutes", "committee": committee, "date": "2013-11-18"}
        (meeting / "minutes.md").write_text(f"---\n{yaml.safe_dump(front)}---\n\nText.\n", "utf-8")
    loaded = load_site(load_config(root))
    assert sorted(loaded.committees) == sorted(bodies)
    assert find_committee(loaded, committee_index(loaded), name) == slug


def test_a_minute_numbered_with_a_letter_x_and_a_meeting_without_minutes(tmp_path):
    """Minute "10X" is found as printed; the agenda-only meeting of 2013-10-21 holds no minute to link."""
    from minutes.core.config import load_config
    from minutes.site.links import resolve_citations
    from minutes.site.load import load_site

    cited = [
        {"text": "Minute 10X", "minute": "10X"},
        {"text": "Minute E31 of 21 October", "minute": "E31", "date": "2013-10-21"},
    ]
    root = tmp_path / "site"
    root.mkdir()
    (root / "site.yaml").write_text("title: Minutes\n", "utf-8")
    write_minutes(root, "2013-09-16", ["10X"])
    write_minutes(root, "2013-11-18", ["E40"], cited)
    agenda = root / "content" / "meetings" / SLUG / "2013-10-21"
    agenda.mkdir(parents=True)
    front = {
        "kind": "agenda",
        "committee": COMMITTEE,
        "date": "2013-10-21",
        "items": [{"number": "E31", "title": "Business"}],
    }
    (agenda / "agenda.md").write_text(f"---\n{yaml.safe_dump(front)}---\n\nText.\n", "utf-8")
    loaded = load_site(load_config(root))
    assert not loaded.problems, loaded.problems
    resolved = resolve_citations(loaded).of(loaded.meetings[(SLUG, "2013-11-18")].minutes)
    assert [(r.target_url, r.note) for r in resolved] == [
        (f"{SLUG}/2013-09-16/#minute-10x", ""),
        (f"{SLUG}/2013-10-21/", "Minute E31 is not in the published minutes"),
    ]
