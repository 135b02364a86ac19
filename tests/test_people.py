"""People: names matched into people by body and years, who gets a page, and what the site says of them."""

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from minutes.core.config import SiteConfig, load_config
from minutes.core.errors import UserError
from minutes.core.people_settings import YOUTH_BODY, PeopleSettings, PersonFacts, Term
from minutes.records.record import Attendance, ChairChange, DocumentRecord, Item, Member
from minutes.site.model import Committee, Document, Meeting, Site
from minutes.site.people import collect_people, parse_name, people_named_at, register_people
from minutes.site.people_file import read_people_file

NAMES = [
    # (printed, councillor, key, surname, absent): the titles are the converter's (core.vocabulary)
    ("Councillor Cusworth", True, "cusworth", "Cusworth", False),
    ("Councillor V. Cusworth", True, "v cusworth", "Cusworth", False),
    ("Cusworth (in the Chair)", False, "cusworth", "Cusworth", False),
    ("Councillor Hussain (in the Chair)", True, "hussain", "Hussain", False),
    ("Cllr. Wallis", True, "wallis", "Wallis", False),
    ("Cr Jones", True, "jones", "Jones", False),
    ("Mayor Hale", True, "hale", "Hale", False),
    ("Deputy Mayor Cllr Dr A. Smith", True, "a smith", "Smith", False),
    ("Alderman Grey", True, "grey", "Grey", False),
    ("Mrs. A. Clough", False, "a clough", "Clough", False),
    ("The Rt. Hon. Jane Doe", False, "jane doe", "Doe", False),
    ("A G Ewart MBE", False, "ag ewart", "Ewart", False),
    ("Councillor V.S. Naidoo", True, "vs naidoo", "Naidoo", False),
    ("Steve Ashley", False, "steve ashley", "Ashley", False),
    ("Councillor Paul J. Lakin", True, "paul lakin", "Lakin", False),
    ("Councillor Fenwick-Green", True, "fenwick-green", "Fenwick-Green", False),
    ("Cr Brown (Excused Absent)", True, "brown", "Brown", True),
    ("Cr White (absent)", True, "white", "White", True),
    ("Trustee Bob Orme", False, "bob orme", "Orme", False),
    ("Councillors Hale", True, "hale", "Hale", False),
    ("Cllr Ann Hale JP, DL", True, "ann hale", "Hale", False),
]


@pytest.mark.parametrize(("printed", "councillor", "key", "surname", "absent"), NAMES)
def test_parse_name(printed, councillor, key, surname, absent):
    parsed = parse_name(printed)
    assert (parsed.councillor, parsed.key, parsed.surname, parsed.absent) == (councillor, key, surname, absent)


@pytest.mark.parametrize(
    ("printed", "untitled"),
    [
        ("Cusworth (in the Chair)", True),
        ("Mr Brown", False),
        ("Councillor Brown", False),
        ("Jo Brown", False),
        ("Trustee Brown", False),
    ],
)
def test_only_a_surname_with_no_title_at_all_may_be_anyones(printed, untitled):
    assert parse_name(printed).untitled is untitled


# --- a site of meetings, made inline ------------------------------------------------------


def _site(meetings, people: PeopleSettings | None = None, names: dict | None = None, **record) -> Site:
    """`meetings`: (committee, ISO date or "", Attendance) of minutes, or (committee, date, [Member]) of an agenda."""
    site = Site(config=SiteConfig(root=Path("."), people=people or PeopleSettings()))
    site.people_file = names or {}
    keys: dict[str, list[str]] = {}
    for n, (committee, date, listed) in enumerate(meetings):
        day = dt.date.fromisoformat(date) if date else None
        key = date or f"undated-{n}"
        if isinstance(listed, list):
            kind, attendance, fields = "agenda", Attendance(membership=tuple(listed)), {}
        else:
            kind, attendance = "minutes", listed
            fields = {
                "items": (
                    Item("1", "Declarations", "item-1", declarations=("Councillor Cusworth declared an interest.",)),
                ),
                **record,
            }
        doc = Document(
            Path("x.md"),
            DocumentRecord(kind=kind, committee=committee, title=kind, date=day, attendance=attendance, **fields),
            "",
            1,
            kind,
            f"{committee}/{key}/",
        )
        slug = committee.lower().replace(" ", "-")
        found = site.meetings.get((slug, key))
        documents = (*found.documents, doc) if found else (doc,)
        site.meetings[(slug, key)] = Meeting(slug, key, day, documents, f"{slug}/{key}/")
        keys.setdefault(slug, []).append(key)
        site.committees[slug] = Committee(slug, committee, "", tuple(sorted(set(keys[slug]), reverse=True)), f"{slug}/")
    return site


def _weekly(*attendances: Attendance, **record) -> Site:
    start = dt.date(2020, 1, 1)
    return _site(
        [("Panel", (start + dt.timedelta(days=7 * n)).isoformat(), a) for n, a in enumerate(attendances)], **record
    )


def test_forms_of_one_councillor_merge_with_roles_and_summary():
    site = _weekly(
        Attendance(chair="Cusworth (in the Chair)", present=("Councillor Cusworth", "Councillor Clark")),
        Attendance(present=("Councillor V. Cusworth",), apologies=("Councillor Clark",)),
        Attendance(apologies=("Councillor Cusworth",)),
    )
    people = collect_people(site)
    # The fullest form names the page: it tells one Councillor Cusworth from another.
    assert sorted(people) == ["councillor-clark", "councillor-v-cusworth"]
    cusworth = people["councillor-v-cusworth"]
    assert [a.role for a in cusworth.appearances] == ["chair", "present", "apologies"]
    summary = cusworth.summaries[0]
    assert (summary.attended, summary.chaired, summary.apologies, summary.recorded) == (2, 1, 1, 3)
    assert len(cusworth.declarations) == 3


def test_two_councillors_sharing_a_surname_stay_apart():
    site = _weekly(Attendance(present=("Councillor S. Wright", "Councillor P. Wright")))
    assert sorted(collect_people(site)) == ["councillor-p-wright", "councillor-s-wright"]


def test_two_councillors_of_one_surname_decades_apart_stay_two_people():
    """Councillor Smith of the 1990s planning committee is not Councillor Smith of the 2010s cabinet."""
    site = _site(
        [
            ("Planning", "1996-03-01", Attendance(present=("Councillor Smith", "Councillor Green"))),
            ("Planning", "1998-06-01", Attendance(chair="Councillor Smith")),
            ("Cabinet", "2016-05-20", Attendance(present=("Councillor Smith",))),
            ("Cabinet", "2018-02-01", Attendance(apologies=("Councillor Smith",))),
        ]
    )
    register = register_people(site)
    people = register.people
    assert sorted(people) == ["councillor-green", "councillor-smith", "councillor-smith-2016"]
    assert people["councillor-smith"].years == (1996, 1998)
    assert {a.meeting.committee for a in people["councillor-smith"].appearances} == {"planning"}
    assert people["councillor-smith-2016"].years == (2016, 2018)
    # Each meeting's page links the name to the person it is there.
    assert people_named_at(register, site.meetings[("planning", "1998-06-01")])["Councillor Smith"].slug == (
        "councillor-smith"
    )
    assert people_named_at(register, site.meetings[("cabinet", "2016-05-20")])["Councillor Smith"].slug == (
        "councillor-smith-2016"
    )


def test_a_name_printed_year_after_year_stays_one_person_across_bodies():
    site = _site(
        [
            ("Planning", f"{year}-03-01", Attendance(present=("Councillor Smith",)))
            if year % 2
            else ("Cabinet", f"{year}-03-01", Attendance(present=("Councillor Smith",)))
            for year in range(1996, 2020, 3)
        ]
    )
    assert [p.years for p in collect_people(site).values()] == [(1996, 2017)]


@pytest.mark.parametrize(("within", "people"), [(4, 2), (10, 1)])
def test_the_years_a_name_is_matched_within_are_a_setting(within, people):
    site = _site(
        [
            ("Planning", "2000-01-01", Attendance(present=("Councillor John Smith",))),
            ("Planning", "2007-01-01", Attendance(present=("Councillor John Smith",))),
        ],
        people=PeopleSettings(match_within_years=within),
    )
    assert len(collect_people(site)) == people


def test_a_surname_alone_is_the_full_name_of_its_body_and_years():
    """Two Councillors Smith sit at once: "Councillor Smith" is the one who sat in that body."""
    site = _site(
        [
            ("Planning", "2019-01-10", Attendance(present=("Councillor John Smith",))),
            ("Cabinet", "2019-01-12", Attendance(present=("Councillor Mary Smith",))),
            ("Planning", "2019-02-10", Attendance(present=("Councillor Smith",))),
            ("Cabinet", "2019-02-12", Attendance(chair="Councillor Smith")),
            # Neither sat in Licensing: that "Councillor Smith" is not guessed to be either.
            ("Licensing", "2019-02-14", Attendance(present=("Councillor Smith",))),
            # Twenty years on, the surname alone is someone else again.
            ("Planning", "2039-02-10", Attendance(present=("Councillor Smith",))),
        ]
    )
    people = collect_people(site)
    john, mary = people["councillor-john-smith"], people["councillor-mary-smith"]
    assert [a.meeting.key for a in john.appearances] == ["2019-01-10", "2019-02-10"]
    assert [(a.meeting.key, a.role) for a in mary.appearances] == [("2019-01-12", "present"), ("2019-02-12", "chair")]
    others = sorted(p.years for slug, p in people.items() if slug.startswith("councillor-smith"))
    assert others == [(2019, 2019), (2039, 2039)]


def test_initials_join_the_full_name_they_fit_and_no_other():
    site = _weekly(
        Attendance(present=("Councillor Victoria Cusworth", "Councillor Peter Cusworth")),
        Attendance(present=("Cllr V. Cusworth",)),
    )
    people = collect_people(site)
    assert sorted(people) == ["councillor-peter-cusworth", "councillor-victoria-cusworth"]
    assert people["councillor-victoria-cusworth"].forms == ("Cllr V. Cusworth", "Councillor Victoria Cusworth")


def test_a_members_title_keeps_a_councillor_and_an_officer_of_one_surname_apart():
    site = _weekly(
        Attendance(present=("Councillor Burton",), in_attendance=("Clare Burton",)),
        Attendance(present=("Councillor Burton",)),
    )
    register = register_people(
        dataclasses.replace(
            site, config=SiteConfig(root=Path("."), people=PeopleSettings(pages=("councillors", "in_attendance")))
        )
    )
    people = register.people
    # The officer Clare Burton is not the councillor "Councillor Burton", though nobody else is named Burton.
    assert sorted((p.name, p.group, len(p.appearances)) for p in people.values()) == [
        ("Clare Burton", "in_attendance", 1),
        ("Councillor Burton", "councillors", 2),
    ]


def test_site_aliases_join_names_the_rules_cannot():
    site = _site(
        [
            ("Panel", "2001-01-01", Attendance(present=("Vicky Cusworth",))),
            ("Panel", "2020-01-01", Attendance(present=("Councillor Cusworth",))),
        ],
        names={"Councillor Victoria Cusworth": PersonFacts(aliases=("Vicky Cusworth", "Councillor Cusworth"))},
    )
    people = collect_people(site)
    assert list(people) == ["councillor-victoria-cusworth"]
    assert len(people["councillor-victoria-cusworth"].appearances) == 2


def test_a_change_of_chair_in_the_record_counts_as_chairing():
    site = _weekly(
        Attendance(chair="Councillor Cusworth", present=("Councillor Cusworth", "Cr Jarvis")),
        chair_changes=(ChairChange("Cr Jarvis", "1", "", "Cr Jarvis took the Chair."),),
    )
    people = collect_people(site)
    assert [a.role for a in people["cr-jarvis"].appearances] == ["chair"]
    assert people["cr-jarvis"].summaries[0].chaired == 1


def test_a_name_the_list_marks_absent_did_not_attend():
    site = _weekly(Attendance(present=("Cr Jones", "Cr Brown (Excused Absent)")))
    assert sorted(collect_people(site)) == ["cr-jones"]


def test_mentions_come_from_the_records_items_under_any_members_title():
    """Meetings whose records name a councillor outside their attendance: "Cr", "Cllr.", "Mayor", initials."""
    mentioned = ("Cr Jones", "Cllr. Smith", "Mayor Hale", "Councillor S. Wright", "Councillor Nobody", "Mr Brown")
    site = _weekly(
        Attendance(present=("Councillor Jones", "Councillor Smith", "Councillor Hale")),
        Attendance(present=("Councillor S. Wright", "Councillor P. Wright", "Mr Brown")),
        items=(Item("1", "Planning", "item-1", mentions=mentioned),),
    )
    people = collect_people(site)
    assert {slug: [m.key for m in p.mentions] for slug, p in people.items() if p.mentions} == {
        "councillor-jones": ["2020-01-08"],
        "councillor-smith": ["2020-01-08"],
        "councillor-hale": ["2020-01-08"],
        "councillor-s-wright": ["2020-01-01"],
    }


def test_a_mention_is_the_person_of_its_years_not_a_namesake():
    site = _site(
        [
            ("Planning", "1996-03-01", Attendance(present=("Councillor Smith",))),
            ("Cabinet", "2016-05-20", Attendance(present=("Councillor Smith",))),
            ("Cabinet", "2017-05-20", Attendance(present=("Councillor Jones",))),
        ],
        items=(Item("1", "Planning", "item-1", mentions=("Councillor Smith",)),),
    )
    people = collect_people(site)
    assert [m.key for m in people["councillor-smith-2016"].mentions] == ["2017-05-20"]
    assert [m.key for m in people["councillor-smith"].mentions] == []


# --- who gets a page ------------------------------------------------------------------------

MIXED = [
    (
        "Improving Lives Select Commission",
        "2020-03-03",
        [Member("Councillor Cusworth", "Chair"), Member("Ms. J. Jones")],
    ),
    (
        "Improving Lives Select Commission",
        "2020-03-03",
        Attendance(
            chair="Councillor Cusworth",
            present=("Councillor Cusworth", "Councillor Jarvis"),
            in_attendance=("Sue Wilson", "Joyce Thacker"),
        ),
    ),
    (
        "Rotherham Youth Cabinet",
        "2014-11-26",
        Attendance(chair="Alicia Wilson", present=("Alicia Wilson", "Josh Parker")),
    ),
    (
        "Children, Young People and Families Partnership",
        "2019-11-20",
        Attendance(chair="Councillor Lakin", present=("Councillor Lakin", "Steve Ashley", "Joyce Thacker")),
    ),
]


@pytest.mark.parametrize(
    ("settings", "pages"),
    [
        (PeopleSettings(), ["councillor-cusworth", "councillor-jarvis", "councillor-lakin"]),
        (
            PeopleSettings(pages=("councillors", "members")),
            [
                "councillor-cusworth",
                "councillor-jarvis",
                "councillor-lakin",
                "joyce-thacker",
                "ms-j-jones",
                "steve-ashley",
            ],
        ),
        (PeopleSettings(pages=("in_attendance",)), ["sue-wilson"]),
        (PeopleSettings(pages=("youth",)), ["alicia-wilson", "josh-parker"]),
        (PeopleSettings(pages=()), []),
        (PeopleSettings(exclude=("Councillor Jarvis",)), ["councillor-cusworth", "councillor-lakin"]),
        (
            PeopleSettings(include=("Steve Ashley",)),
            ["councillor-cusworth", "councillor-jarvis", "councillor-lakin", "steve-ashley"],
        ),
        # A youth body is known by name unless the site lists its youth bodies itself.
        (PeopleSettings(pages=("youth",), youth_bodies=()), []),
        (
            PeopleSettings(pages=("youth",), youth_bodies=("children-young-people-and-families-partnership",)),
            ["joyce-thacker", "steve-ashley"],
        ),
    ],
)
def test_pages_go_to_the_groups_and_names_the_site_chooses(settings, pages):
    assert sorted(collect_people(_site(MIXED, people=settings))) == pages


def test_the_groups_are_read_from_how_the_records_name_people():
    site = _site(MIXED, people=PeopleSettings(pages=("councillors", "members", "in_attendance", "youth")))
    groups = {p.name: p.group for p in collect_people(site).values()}
    assert groups == {
        "Councillor Cusworth": "councillors",
        "Councillor Jarvis": "councillors",
        "Councillor Lakin": "councillors",
        "Ms. J. Jones": "members",  # co-opted: on the membership, with no member's title
        "Steve Ashley": "members",  # a partner on a partnership board
        "Joyce Thacker": "members",  # in attendance at one body, a member of another
        "Sue Wilson": "in_attendance",
        "Alicia Wilson": "youth",
        "Josh Parker": "youth",
    }


def test_a_party_or_ward_given_by_the_site_makes_a_councillor_of_a_name_printed_without_a_title():
    site = _site(MIXED, names={"Steve Ashley": PersonFacts(party=(Term("South Party"),))})
    person = collect_people(site)["steve-ashley"]
    assert (person.group, person.party) == ("councillors", (Term("South Party"),))


def test_a_person_left_out_is_linked_from_no_meeting():
    site = _site(MIXED, people=PeopleSettings(exclude=("councillor jarvis",)))
    register = register_people(site)
    named = people_named_at(register, site.meetings[("improving-lives-select-commission", "2020-03-03")])
    assert sorted(named) == ["Councillor Cusworth"]


def test_names_in_the_settings_that_match_no_one_are_warned_of(tmp_path):
    (tmp_path / "site.yaml").write_text(
        "people:\n  exclude:\n    - Councillor Jarvis\n    - Councillor Jarviss\n  youth_bodies:\n    - Youth Cabnet\n",
        encoding="utf-8",
    )
    site = _site(MIXED)
    site.config = load_config(tmp_path)
    problems = [str(p) for p in register_people(site).problems]
    assert problems == [
        "site.yaml:4: warning: people.exclude names 'Councillor Jarviss', which no attendance list or membership "
        "prints; write the name as the records print it (see the person's page, 'Also printed as')",
        "site.yaml:6: warning: people.youth_bodies names 'Youth Cabnet', which is no body of this site; write a "
        "committee's folder name (content/meetings/<folder>/) or its name",
    ]


@pytest.mark.parametrize(
    ("name", "youth"),
    [
        ("Rotherham Youth Cabinet", True),
        ("UK Youth Parliament", True),
        ("Young People's Cabinet", True),
        ("Children in Care Council", True),
        ("Cyngor Ieuenctid Gwynedd", True),
        ("Youth Justice Board", False),
        ("Youth Offending Team Management Board", False),
        ("Children, Young People and Families Partnership", False),
        ("Children and Young People's Scrutiny Panel", False),
        ("Cabinet", False),
    ],
)
def test_a_youth_body_is_known_by_its_name(name, youth):
    assert bool(YOUTH_BODY.search(name)) is youth


# --- what the site says of a person -----------------------------------------------------------


def test_party_ward_and_roles_come_oldest_first():
    facts = PersonFacts(
        party=(Term("North Party", start="2016-05-05"), Term("South Party", start="2012", end="2016-05-05")),
        ward=(Term("East Ward"),),
        roles=(Term("Chair", body="Panel", start="2019-05"),),
    )
    site = _weekly(Attendance(present=("Councillor Cusworth",)))
    site.people_file = {"Councillor Cusworth": facts}
    person = collect_people(site)["councillor-cusworth"]
    assert [t.name for t in person.party] == ["South Party", "North Party"]
    assert person.ward == (Term("East Ward"),)
    assert person.roles == (Term("Chair", body="Panel", start="2019-05"),)


def test_the_people_setting_reads_options_entries_and_the_old_aliases_form(tmp_path):
    (tmp_path / "site.yaml").write_text(
        """people:
  pages: [councillors, members]
  exclude: [Councillor Jarvis]
  match_within_years: 6
  Councillor Cusworth:
    aliases: [Councillor V. Cusworth]
    party:
      - {name: South Party, from: 2012, to: 2016-05-05}
      - {name: North Party, from: 2016-05-05}
    ward: East Ward
    roles:
      - {role: Chair, body: improving-lives-select-commission, from: 2019-05}
""",
        encoding="utf-8",
    )
    people = load_config(tmp_path).people
    assert (people.pages, people.exclude, people.match_within_years, people.youth_bodies) == (
        ("councillors", "members"),
        ("Councillor Jarvis",),
        6,
        None,
    )
    assert people.entries == {
        "Councillor Cusworth": PersonFacts(
            aliases=("Councillor V. Cusworth",),
            party=(Term("South Party", "", "2012", "2016-05-05"), Term("North Party", "", "2016-05-05")),
            ward=(Term("East Ward"),),
            roles=(Term("Chair", "improving-lives-select-commission", "2019-05"),),
        )
    }


BAD_PEOPLE = [
    ("people:\n  pages: [councilors]\n", 2, "'councilors' is not a group; the groups are councillors, members"),
    ("people:\n  exclud: [Councillor X]\n", 2, "'exclud' is not an option of people"),
    ("people: [a]\n", 1, "must be a mapping"),
    ("people:\n  match_within_years: 0\n", 2, "a whole number of years"),
    ("people:\n  file: ../people.yaml\n", 2, "outside the site"),
    ("people:\n  Councillor X:\n    colour: red\n", 3, "'colour' is not known"),
    ("people:\n  Councillor X:\n    aliases: {a: b}\n", 3, "aliases must be a list of names"),
    (
        "people:\n  Councillor X:\n    roles:\n      - role: Chair\n        from: 2020\n        to: 2019\n",
        6,
        "to (2019) is before from (2020)",
    ),
    ("people:\n  Councillor X:\n    party:\n      - name: North Party\n        from: May 2019\n", 5, "is not a date"),
    ("people:\n  Councillor X:\n    roles: Chair\n", 3, "roles must be a list"),
]


@pytest.mark.parametrize(("text", "line", "words"), BAD_PEOPLE)
def test_a_bad_people_setting_names_its_line(tmp_path, text, line, words):
    (tmp_path / "site.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(UserError) as caught:
        load_config(tmp_path)
    message = str(caught.value)
    assert message.startswith(f"{tmp_path / 'site.yaml'}:{line}: error: setting 'people' ")
    assert words in message


def test_the_people_file_is_read_and_a_bad_entry_is_left_out_by_its_line(tmp_path):
    (tmp_path / "site.yaml").write_text("people:\n  Councillor Clark:\n    ward: Keppel\n", encoding="utf-8")
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "people.yaml").write_text(
        """Councillor Cusworth:
  party: North Party
Councillor Jarvis:
  party:
    - name: North Party
      to: 20199
Councillor Clark:
  ward: Rawmarsh
""",
        encoding="utf-8",
    )
    entries, problems = read_people_file(load_config(tmp_path))
    assert entries == {"Councillor Cusworth": PersonFacts(party=(Term("North Party"),))}
    assert [str(p) for p in problems] == [
        "content/people.yaml:7: warning: Councillor Clark has an entry in site.yaml too; keep one of the two "
        "(skipped: this file's entry of Councillor Clark (site.yaml's is used))",
        "content/people.yaml:6: error: Councillor Jarvis: to 20199 is not a date; write it as YYYY-MM-DD, YYYY-MM "
        "or YYYY (skipped: the entry of Councillor Jarvis; the person is published without it)",
    ]


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("Councillor X: [\n", 1, "malformed YAML"),
        ("- Councillor X\n", 1, "must be a mapping of people's names"),
        ("Councillor X:\n  party: North Party\nCouncillor X:\n  party: West Party\n", 3, "given twice"),
    ],
)
def test_a_broken_people_file_is_named_with_its_line(tmp_path, text, line, words):
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "people.yaml").write_text(text, encoding="utf-8")
    entries, problems = read_people_file(load_config(tmp_path))
    assert entries == {}
    assert len(problems) == 1 and str(problems[0]).startswith(f"content/people.yaml:{line}: error: ")
    assert words in str(problems[0])


def test_a_people_file_that_is_a_link_out_of_the_site_is_not_read(tmp_path):
    outside = tmp_path / "secret.yaml"
    outside.write_text("Councillor X:\n  party: North Party\n", encoding="utf-8")
    root = tmp_path / "site"
    (root / "content").mkdir(parents=True)
    (root / "content" / "people.yaml").symlink_to(outside)
    entries, problems = read_people_file(load_config(root))
    assert entries == {} and "link leading out of the site" in str(problems[0])
