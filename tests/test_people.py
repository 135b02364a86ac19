"""People: forms of one name merged, site.yaml aliases, roles and summaries."""

import datetime as dt
from pathlib import Path

import pytest

from minutes.core.config import SiteConfig
from minutes.records.record import Attendance, ChairChange, DocumentRecord, Item
from minutes.site.model import Committee, Document, Meeting, Site
from minutes.site.people import collect_people, parse_name

NAMES = [
    # (printed, councillor, initials, surname, absent): the titles are the converter's (core.vocabulary)
    ("Councillor Cusworth", True, "", "Cusworth", False),
    ("Councillor V. Cusworth", True, "V", "Cusworth", False),
    ("Cusworth (in the Chair)", False, "", "Cusworth", False),
    ("Councillor Hussain (in the Chair)", True, "", "Hussain", False),
    ("Cllr. Wallis", True, "", "Wallis", False),
    ("Cr Jones", True, "", "Jones", False),
    ("Mayor Hale", True, "", "Hale", False),
    ("Deputy Mayor Cllr Dr A. Smith", True, "A", "Smith", False),
    ("Alderman Grey", True, "", "Grey", False),
    ("Mrs. A. Clough", False, "A", "Clough", False),
    ("The Rt. Hon. Jane Doe", False, "", "Doe", False),
    ("A G Ewart MBE", False, "", "Ewart", False),
    ("Steve Ashley", False, "", "Ashley", False),
    ("Councillor Fenwick-Green", True, "", "Fenwick-Green", False),
    ("Cr Brown (Excused Absent)", True, "", "Brown", True),
    ("Cr White (absent)", True, "", "White", True),
]


@pytest.mark.parametrize(("printed", "councillor", "initials", "surname", "absent"), NAMES)
def test_parse_name(printed, councillor, initials, surname, absent):
    parsed = parse_name(printed)
    assert (parsed.councillor, parsed.initials, parsed.surname, parsed.absent) == (
        councillor,
        initials,
        surname,
        absent,
    )


def _site(attendances: list[Attendance], people: dict | None = None, **record) -> Site:
    site = Site(config=SiteConfig(root=Path("."), people=people or {}))
    keys = []
    for n, attendance in enumerate(attendances):
        date = dt.date(2020, 1, 1) + dt.timedelta(days=7 * n)
        fields = {
            "items": (
                Item(
                    "1", "Declarations", "item-1", declarations=("Councillor Cusworth declared a personal interest.",)
                ),
            ),
            **record,
        }
        record_ = DocumentRecord(
            kind="minutes", committee="Panel", title="Minutes", date=date, attendance=attendance, **fields
        )
        doc = Document(Path("x.md"), record_, "", 1, "minutes", f"panel/{date}/")
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


def test_a_change_of_chair_in_the_record_counts_as_chairing():
    site = _site(
        [Attendance(chair="Councillor Cusworth", present=("Councillor Cusworth", "Cr Jarvis"))],
        chair_changes=(ChairChange("Cr Jarvis", "1", "", "Cr Jarvis took the Chair."),),
    )
    people = collect_people(site)
    assert [a.role for a in people["cr-jarvis"].appearances] == ["chair"]
    assert people["cr-jarvis"].summaries[0].chaired == 1


def test_a_name_the_list_marks_absent_did_not_attend():
    site = _site([Attendance(present=("Cr Jones", "Cr Brown (Excused Absent)"))])
    assert sorted(collect_people(site)) == ["cr-jones"]


def test_mentions_come_from_the_records_items_under_any_members_title():
    """Meetings whose records name a councillor outside their attendance: "Cr", "Cllr.", "Mayor", initials."""
    mentioned = ("Cr Jones", "Cllr. Smith", "Mayor Hale", "Councillor S. Wright", "Councillor Nobody", "Mr Brown")
    site = _site(
        [
            Attendance(present=("Councillor Jones", "Councillor Smith", "Councillor Hale")),
            Attendance(present=("Councillor S. Wright", "Councillor P. Wright", "Mr Brown")),
        ],
        items=(Item("1", "Planning", "item-1", mentions=mentioned),),
    )
    people = collect_people(site)
    assert {slug: [m.key for m in p.mentions] for slug, p in people.items() if p.mentions} == {
        "councillor-jones": ["2020-01-08"],
        "councillor-smith": ["2020-01-08"],
        "councillor-hale": ["2020-01-08"],
        "councillor-s-wright": ["2020-01-01"],
    }
