"""Table-driven tests for reading the English side of Welsh / English pairs."""

from __future__ import annotations

import pytest

from minutes.papers.attendance import label_of, people_in
from minutes.papers.bilingual import english_side, welsh_title
from minutes.papers.convert import convert_paper_text


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("Presennol / Present: Cllr A Smith", "Present: Cllr A Smith", id="label-pair"),
        pytest.param("Cyng/Cllrs.: B. Jones", "Cllrs.: B. Jones", id="title-pair-no-spaces"),
        pytest.param("Mrs M.Rees (clerc / clerk)", "Mrs M.Rees (clerk)", id="role-pair"),
        pytest.param("M. Wynne a/and L.Hughes", "M. Wynne and L.Hughes", id="and-pair"),
        pytest.param("Cyng. Alun Williams", "Cllr Alun Williams", id="welsh-title-alone"),
        pytest.param("23/01240/F Land at Mill Lane", "23/01240/F Land at Mill Lane", id="planning-reference-untouched"),
        pytest.param("Planning/Highways", "Planning/Highways", id="english-pair-untouched"),
    ],
)
def test_english_side(text, expected):
    assert english_side(text) == expected


def test_bilingual_label_is_read():
    assert label_of("Presennol / Present: Cyng/Cllrs.: B. Jones, A. Davies") == (
        "present",
        "Cllrs.: B. Jones, A. Davies",
    )


def test_bilingual_names_are_read():
    assert [p.name for p in people_in("Cyng. / Cllrs. M. Williams, M. Wynne a/and L.Hughes")] == [
        "Cllr M. Williams",
        "Cllr M. Wynne",
        "Cllr L.Hughes",
    ]


@pytest.mark.parametrize(
    "title, welsh",
    [
        ("Croeso a Chyhoeddiadau'r Maer", True),
        ("Ymddiheuriadau am Absenoldeb", True),
        ("Datgan Buddiant", True),
        ("Dathliadau Gŵyl Dewi", True),
        ("Apologies for Absence", False),
        ("Welcome and Mayor's Announcements", False),
        ("Planning Applications", False),
        ("Dôl y Felin Play Area", False),  # a Welsh place in an English title
    ],
)
def test_a_title_reads_as_welsh(title, welsh):
    assert welsh_title(title) is welsh


BILINGUAL_MINUTES = """\
CYNGOR TREF LLANELM / LLANELM TOWN COUNCIL
Cofnodion / Minutes
Nos Lun, 12 Chwefror 2024 am 7.00yh / Monday, 12 February 2024 at 7.00pm

Yn bresennol / Present: Cyng. / Cllr. Eirlys Bowen (Maer / Mayor), Cyng. / Cllr. Gwyn Roberts, Cyng. / Cllr. Ffion Hale

**24/012 Croeso a Chyhoeddiadau'r Maer**

**Welcome and Mayor's Announcements**

Croesawodd y Maer bawb i'r cyfarfod.

The Mayor welcomed everyone to the meeting.

**24/013 Ymddiheuriadau am Absenoldeb**

**Apologies for Absence**

Apologies were received from Cllr. Catrin Morus (work) and Cllr. Huw ap Iestyn (illness).

**24/014 Gohebiaeth**

**Correspondence**

(i) Cymdeithas Cynghorau Lleol: rhaglen hyfforddiant. (ii) Cyngor Sir: cau Stryd y Bont.

The correspondence was noted.
"""


def test_a_heading_in_welsh_then_english_is_one_item_in_both():
    (document,) = convert_paper_text(BILINGUAL_MINUTES, "p.md")
    record = document.record
    assert [(item.number, item.title) for item in record.items] == [
        ("24/012", "Croeso a Chyhoeddiadau'r Maer / Welcome and Mayor's Announcements"),
        ("24/013", "Ymddiheuriadau am Absenoldeb / Apologies for Absence"),
        ("24/014", "Gohebiaeth / Correspondence"),  # its "(i) … (ii) …" run together are points, not sub-items
    ]
    assert record.attendance.apologies == ("Cllr. Catrin Morus", "Cllr. Huw ap Iestyn")  # "ap": a name's particle
    assert record.attendance.chair == "Cllr. Eirlys Bowen"  # "(Maer / Mayor)", and the Mayor welcomed everyone
