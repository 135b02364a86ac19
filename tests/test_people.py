"""People: forms of one name merged, site.yaml aliases, roles and summaries."""

import datetime as dt
from pathlib import Path

import pytest

from minutes.core.config import SiteConfig
from minutes.records.record import Attendance, DocumentRecord, Item
from minutes.site.mentions import mentioned_surnames
from minutes.site.model import Committee, Document, Meeting, Site
from minutes.site.people import collect_people, parse_name

NAMES = [
    # (printed, councillor, initials, surname)
    ("Councillor Cusworth", True, "", "Cusworth"),
    ("Councillor V. Cusworth", True, "V", "Cusworth"),
    ("Cusworth (in the Chair)", False, "", "Cusworth"),
    ("Councillor Hussain (in the Chair)", True, "", "Hussain"),
    ("Cllr. Wallis", True, "", "Wallis"),
    ("Mrs. A. Clough", False, "A", "Clough"),
    ("Steve Ashley", False, "", "Ashley"),
    ("Councillor Fenwick-Green", True, "", "Fenwick-Green"),
]


@pytest.mark.parametrize(("printed", "councillor", "initials", "surname"), NAMES)
def test_parse_name(printed, councillor, initials, surname):
    parsed = parse_name(printed)
    assert (parsed.councillor, parsed.initials, parsed.surname) == (councillor, initials, surname)


MENTIONS = [
    ("Councillor V. Cusworth asked about placements.", {"Cusworth"}),
    ("Councillors Clark and Cusworth have been appointed.", {"Clark", "Cusworth"}),
    ("Membership:- Councillors Atkin, Cusworth (Chair) and Julie Turner", {"Atkin", "Cusworth", "Turner"}),
    ("Councillors Jarvis and Senior, who had declared an interest, left.", {"Jarvis", "Senior"}),
    ("The Council's councillors met.", set()),
]


@pytest.mark.parametrize(("text", "surnames"), MENTIONS)
def test_mentioned_surnames(text, surnames):
    assert mentioned_surnames(text) == surnames


def _site(attendances: list[Attendance], people: dict | None = None) -> Site:
    site = Site(config=SiteConfig(root=Path("."), people=people or {}))
    keys = []
    for n, attendance in enumerate(attendances):
        date = dt.date(2020, 1, 1) + dt.timedelta(days=7 * n)
        record = DocumentRecord(
            kind="minutes",
            committee="Panel",
            title="Minutes",
            date=date,
            attendance=attendance,
            items=(
                Item(
                    "1", "Declarations", "item-1", declarations=("Councillor Cusworth declared a personal interest.",)
                ),
            ),
        )
        doc = Document(Path("x.md"), record, "", 1, "minutes", f"panel/{date}/")
        site.meetings[("panel", date.isoformat())] = Meeting("panel", date.isoformat(), date, (doc,), f"panel/{date}/")
        keys.append(date.isoformat())
    site.committees["panel"] = Committee("panel", "Panel", "", tuple(reversed(keys)), "panel/")
    return site


def test_forms_of_one_councillor_merge_with_roles_and_summary():
    site = _site(
        [
            Attendance(chair="Cusworth (in the Chair)", present=("Councillor Cusworth", "Councillor Clark")),
            Attendance(present=("Councillor V. Cusworth",), apologies=("Councillor Clark",)),
            Attendance(apologies=("Councillor Cusworth",)),
        ]
    )
    people = collect_people(site)
    assert sorted(people) == ["councillor-clark", "councillor-cusworth"]
    cusworth = people["councillor-cusworth"]
    assert [a.role for a in cusworth.appearances] == ["chair", "present", "apologies"]
    summary = cusworth.summaries[0]
    assert (summary.attended, summary.chaired, summary.apologies, summary.recorded) == (2, 1, 1, 3)
    assert len(cusworth.declarations) == 3


def test_two_councillors_sharing_a_surname_stay_apart():
    site = _site([Attendance(present=("Councillor S. Wright", "Councillor P. Wright"))])
    assert sorted(collect_people(site)) == ["councillor-p-wright", "councillor-s-wright"]


def test_site_aliases_join_names_the_rules_cannot():
    site = _site(
        [Attendance(present=("Vicky Cusworth",)), Attendance(present=("Councillor Cusworth",))],
        people={"Councillor Victoria Cusworth": ("Vicky Cusworth", "Councillor Cusworth")},
    )
    people = collect_people(site)
    assert list(people) == ["councillor-victoria-cusworth"]
    assert len(people["councillor-victoria-cusworth"].appearances) == 2
