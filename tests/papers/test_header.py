"""Table-driven tests for a meeting's facts read from the opening of its paper."""

from __future__ import annotations

import datetime as dt

import pytest

from minutes.papers.header import (
    clean_body,
    council_named_in,
    is_generic_body,
    names_the_council,
    read_opening,
    without_place_qualifier,
)

D = dt.date


def opening(text: str, strong: tuple[bool, ...] = (), meta: dict | None = None):
    return read_opening(text.split("\n"), strong, meta)


# Each case: the opening, then the facts a reader takes from it (only the facts named are checked).
OPENINGS = [
    pytest.param(
        "These minutes were approved as a correct record at the meeting of the Town Council held on 13\n"
        "November 2023 (minute FC/23/115).\n\n"
        "MINUTES OF THE MEETING OF ELM TOWN COUNCIL HELD ON MONDAY 9 OCTOBER 2023 AT 7.00PM IN THE COUNCIL\n"
        "CHAMBER, THE GUILDHALL",
        {"date": D(2023, 10, 9), "time": "19:00", "venue": "COUNCIL CHAMBER, THE GUILDHALL"},
        id="a-heading-in-capitals-broken-inside-its-venue-under-a-note-of-when-it-was-approved",
    ),
    pytest.param(
        "Minutes\nof the Meeting of the\nPlanning & Regulatory Committee\nWednesday, 11th May 2016\n"
        "held at the Town Hall, Weston-super-Mare, Somerset.",
        {
            "committee": "Planning & Regulatory Committee",
            "date": D(2016, 5, 11),
            "venue": "Town Hall, Weston-super-Mare, Somerset",
            "kind": "minutes",
        },
        id="heading-over-lines",
    ),
    pytest.param(
        "A Meeting of Burton-cum-Walden Parish Council will be held in the Village Hall, West Burton, on Tuesday 4 November 2025 at 8.00 pm.",
        {
            "committee": "Burton-cum-Walden Parish Council",
            "date": D(2025, 11, 4),
            "time": "20:00",
            "venue": "Village Hall, West Burton",
            "kind": "agenda",
        },
        id="one-sentence-notice",
    ),
    pytest.param(
        "Our Ref: AB/123\nYour Ref:\nDate: 7 April 2015\nDear Councillor,\nPLANNING COMMITTEE - WEDNESDAY, 8TH APRIL, 2015\n"
        "You are requested to attend a meeting of the Planning Committee.",
        {"committee": "Planning Committee", "date": D(2015, 4, 8), "kind": "agenda"},
        id="letter-date-is-not-the-meeting",
    ),
    pytest.param(
        "Cabinet - Tuesday 10 November 2020 6.00 pm\nVenue: Town Hall, Moorgate Street, Rotherham. View directions\nContact: Democratic Services",
        {
            "committee": "Cabinet",
            "date": D(2020, 11, 10),
            "time": "18:00",
            "venue": "Town Hall, Moorgate Street, Rotherham",
        },
        id="moderngov-title",
    ),
    pytest.param(
        "Committee: Cabinet Date: Monday, 10 July 2023\nPlace: Council Chamber, Civic Centre Time: 7.00 - 8.45 pm",
        {"committee": "Cabinet", "date": D(2023, 7, 10), "time": "19:00", "venue": "Council Chamber, Civic Centre"},
        id="two-keys-a-line",
    ),
    pytest.param(
        "MINUTES OF Far North District Council\nExtraordinary Council Meeting\nHELD AT THE\nCouncil Chamber, Memorial Avenue, Kaikohe\nON\n"
        "Tuesday, 10 March 2020 AT 1:00 pm",
        {
            "committee": "Far North District Council",
            "date": D(2020, 3, 10),
            "time": "13:00",
            "venue": "Council Chamber, Memorial Avenue, Kaikohe",
            "kind": "minutes",
        },
        id="infocouncil",
    ),
    pytest.param(
        "PARISH COUNCIL MEETING\nTuesday 22 September at 7.30pm\nVillage Hall",
        {"date": None, "undated": "Tuesday 22 September", "time": "19:30", "venue": "Village Hall"},
        id="no-year",
    ),
    pytest.param(
        "ELM TOWNSHIP MINUTES\nOn January 12, 2011 at 7:00 PM the Elm Board of Supervisors met at the Elm Town Hall located "
        "in the Elm Lions Park Community Center.",
        {"venue": "Elm Town Hall located in the Elm Lions Park Community Center"},
        id="the-board-met-at",
    ),
    pytest.param(
        "ANNUAL BOARD OF APPEAL AND EQUALIZATION\nApril 13, 2017\nThe meeting was called to order at 9:00AM by Chair "
        "Hofe and the Pledge of Allegiance was recited.",
        {"committee": "BOARD OF APPEAL AND EQUALIZATION", "venue": ""},
        id="when-the-board-meets-is-not-its-name-and-who-opened-it-is-no-place",
    ),
    pytest.param(
        "MINUTES\nELM FIRE DISTRICT 3\n\nTuesday, September 10, 2024 — Fire Department Training Room\n"
        "Fire Station #31 at 1011 Mill Street in Elm Harbor\n\nCALL TO ORDER",
        {"venue": "Fire Department Training Room, Fire Station #31 at 1011 Mill Street in Elm Harbor"},
        id="the-street-address-under-the-room",
    ),
    pytest.param(
        "ELM FIRE DISTRICT 3\nREGULAR COMMISSIONERS MEETING Location: 1011 Mill Street, Elm Harbor, WA Remote: Call in "
        "(509) 408-1653 Conference ID: 113 922 823#\n\nAGENDA Tuesday, December 10, 2024 @ 3:00 p.m.",
        {"venue": "1011 Mill Street, Elm Harbor, WA"},
        id="the-way-to-join-from-afar-is-no-part-of-the-place",
    ),
    pytest.param(
        "Chairman: Councillor M. Stua\n\nPRIVATE MEETING at 7 pm\n\nYOU ARE HEREBY SUMMONED TO ATTEND A MEETING OF\n\n"
        "ELM PARISH COUNCIL\n\nAT THE VILLAGE HALL, ELM\n\nON WEDNESDAY 14TH JANUARY 2015 AT 7.30 PM\n\nAGENDA",
        {"time": "19:30", "venue": "VILLAGE HALL, ELM", "date": D(2015, 1, 14)},
        id="a-notice-of-another-hour-above-the-summons",
    ),
    pytest.param(
        "Members of the public are welcome to attend a meeting of Elm Parish Council on Tuesday, 12th February 2019 "
        "at 7.30 p.m.\nin the meeting room at Elm Village Hall:\n\nAGENDA\n1. To receive apologies",
        {"venue": "meeting room at Elm Village Hall", "kind": "agenda"},
        id="the-agendas-own-heading-after-the-venue",
    ),
    pytest.param(
        "Minutes of the Parish Council meeting held on 3 March 2021\nThe meeting closed at 9.30pm",
        {"date": D(2021, 3, 3), "time": "", "undated": ""},
        id="closing-time-is-not-the-start",
    ),
    pytest.param(
        "Minutes of the Parish Council meeting held on 3 March 2021 at 7.30pm\nPresent: Cllr A\nThe meeting closed at 9.30pm",
        {"time": "19:30"},
        id="start-time-beside-closing-time",
    ),
    pytest.param(
        "Minutes of the Parish Council meeting held on 3 March 2021\nDate of next meeting: 7 April 2021",
        {"date": D(2021, 3, 3)},
        id="next-meeting-date-ignored",
    ),
    pytest.param(
        "NOTICE OF MEETING\nYou are hereby summoned to attend a meeting of Groby Parish Council to be held at the Village Hall "
        "on Monday 5 June 2023 at 7pm.\nAGENDA",
        {
            "committee": "Groby Parish Council",
            "date": D(2023, 6, 5),
            "time": "19:00",
            "venue": "Village Hall",
            "kind": "agenda",
        },
        id="summons-is-agenda",
    ),
    pytest.param(
        "Minutes of the meeting of Groby Parish Council held at the Village Hall on Monday 5 June 2023 at 7pm.\nPresent: Cllr A, Cllr B",
        {"committee": "Groby Parish Council", "venue": "Village Hall", "kind": "minutes", "online": False},
        id="minutes-words",
    ),
    pytest.param(
        "Minutes of the Extraordinary Meeting of Groby Parish Council held on 3 March 2021",
        {"committee": "Groby Parish Council", "meeting_type": "extraordinary"},
        id="meeting-type",
    ),
    pytest.param(
        "MINUTES OF Far North District Council\nExtraordinary Council Meeting\nHELD AT THE\nCouncil Chamber\nON\nTuesday, 10 March 2020",
        {"meeting_type": "extraordinary"},
        id="infocouncil-meeting-type",
    ),
    pytest.param(
        "Minutes of the meeting of Groby Parish Council held via Zoom on Monday 5 June 2020 at 7pm.",
        {"online": True, "date": D(2020, 6, 5)},
        id="online-via-zoom",
    ),
    pytest.param(
        "Minutes of the Parish Council\nMonday 5 June 2020\nVenue: Microsoft Teams Virtual Meeting",
        {"online": True, "venue": "Microsoft Teams Virtual Meeting"},
        id="online-venue",
    ),
    pytest.param(
        "Minutes of the Parish Council\nMonday 5 June 2020\nVenue: Village Hall",
        {"online": False, "venue": "Village Hall"},
        id="in-person",
    ),
    pytest.param(
        "KEMNAY COMMUNITY COUNCIL MINUTES OF THE MEETING HELD ON 31 OCTOBER 2013 Present: Chris Hunneyball (Chairman)",
        {"committee": "KEMNAY COMMUNITY COUNCIL", "date": D(2013, 10, 31)},
        id="body-then-minutes-of-the-meeting",
    ),
    pytest.param(
        "MINUTES OF OCTOBER MONTHLY MEETING OF HILLSIDE COUNTY COUNCIL HELD IN THE COUNTY HALL ON MONDAY, 3RD MAY 2010",
        {"committee": "HILLSIDE COUNTY COUNCIL", "date": D(2010, 5, 3), "meeting_type": "monthly"},
        id="a-month-before-the-kind-of-meeting",
    ),
    pytest.param(
        "Dear Member\nCABINET - THURSDAY, 30 JANUARY 2025\n"
        "I am now able to enclose, for consideration at the meeting of the Cabinet, the following reports.",
        {"committee": "Cabinet", "date": D(2025, 1, 30)},
        id="a-clause-after-the-body-is-not-its-name",
    ),
    pytest.param(
        "ANNUAL PARISH MEETING\nMinutes of the Annual Parish Meeting held on Wednesday 9 May, 2018",
        {"committee": "Annual Parish Meeting", "date": D(2018, 5, 9)},
        id="the-annual-parish-meeting-keeps-its-name",
    ),
    pytest.param(
        "Annual Meeting, Riverford Municipal District - Monday, 14th June, 2021 9.30 am\nVenue: Council Chamber",
        {"committee": "Riverford Municipal District", "date": D(2021, 6, 14), "time": "09:30"},
        id="kind-of-meeting-then-body-on-a-web-page",
    ),
    pytest.param(
        "Members are hereby summoned to attend the meeting of Hillcross Parish Council\n"
        "for the purpose of transacting the following business set out in the agenda.",
        {"committee": "Hillcross Parish Council"},
        id="for-the-purpose-of-transacting-ends-the-body",
    ),
    pytest.param(
        "CEANTAR BARDASACH AN GHLEANNA MUNICIPAL DISTRICT OF GLENVALE MINUTES OF PROCEEDINGS OF ANNUAL MEETING HELD ON "
        "MONDAY, 22nd JUNE, 2015, AT 7.30 PM",
        {"committee": "MUNICIPAL DISTRICT OF GLENVALE", "date": D(2015, 6, 22), "time": "19:30"},
        id="irish-then-english-name-then-minutes-of-proceedings",
    ),
    pytest.param(
        "Minutes of the Community Council virtual Meeting held via ZOOM on Tuesday, 19th July 2022.",
        {"venue": "ZOOM"},
        id="the-video-platform-is-the-place",
    ),
    pytest.param(
        "HILLTOP COMMUNITY COUNCIL\nTuesday 22nd September 2020 7.00pm\nOnline Zoom Meeting",
        {"venue": "Online Zoom Meeting", "time": "19:00"},
        id="a-line-naming-the-platform",
    ),
    pytest.param(
        "The Corporation of the Township of Riverbend\n*** AGENDA *** Amended January 2, 2023 Tuesday, January 3, 2023",
        {"committee": "Township of Riverbend", "date": D(2023, 1, 3)},
        id="corporation-of-the-township",
    ),
    pytest.param(
        "Decision Recording Form\nDecision determined at Transport & Connectivity Policy Committee meeting on 23 October 2025",
        {"committee": "Transport & Connectivity Policy Committee", "date": D(2025, 10, 23)},
        id="decision-determined-at-a-committee",
    ),
    pytest.param(
        "Inaugural Meeting of the Hillside Community Council held in the Town Hall on Tuesday 25 October 2022\n"
        "- The date of the next meeting will be on 8th November 2022 at 7.30pm within the Town Hall.",
        {"date": D(2022, 10, 25), "time": ""},
        id="the-next-meetings-time-is-not-this-ones",
    ),
    pytest.param(
        "The clerk reported on the accounts.",
        {"committee": "", "date": None, "time": "", "venue": "", "kind": ""},
        id="nothing-to-read",
    ),
]


@pytest.mark.parametrize("text, facts", OPENINGS)
def test_read_opening(text, facts):
    found = opening(text)
    assert {name: getattr(found, name) for name in facts} == facts


def test_an_ordinal_meeting_is_no_body():
    found = opening("Minutes of 94th meeting, held on Wednesday 10th February 2010, in the Nelson Hall")
    assert (found.committee, found.date) == ("", D(2010, 2, 10))


def test_a_title_set_apart_above_its_date_names_the_body():
    found = opening(
        "Amenities, Leisure and Community Services\nTuesday 13th March 2018\nSutton Coldfield Town Hall",
        (True, True, True),
    )
    assert (found.committee, found.date) == ("Amenities, Leisure and Community Services", D(2018, 3, 13))


def test_strong_title_line_names_the_body():
    found = opening("PLANNING COMMITTEE\nWednesday, 25 March 2015", (True, False))
    assert (found.committee, found.date) == ("PLANNING COMMITTEE", D(2015, 3, 25))


def test_front_matter_title_and_date_when_the_text_has_none():
    found = opening("Minutes", meta={"title": "Meeting of Groby Parish Council", "date": "2021-03-03"})
    assert (found.committee, found.date) == ("Groby Parish Council", D(2021, 3, 3))


def test_printed_date_beats_front_matter_date():
    found = opening("Minutes of Groby Parish Council held on Monday 5 June 2023", meta={"date": "2023-06-20"})
    assert found.date == D(2023, 6, 5)


def test_proposals_are_kept_for_explain():
    found = opening("Committee: Cabinet Date: Monday, 10 July 2023")
    assert ("committee", "Cabinet") in [(fact, p.value) for fact, p in found.proposals]


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param(
            "Rotherham Local Safeguarding Children Board (RLSCB)",
            "Rotherham Local Safeguarding Children Board",
            id="acronym",
        ),
        pytest.param("Meeting of the Planning Committee", "Planning Committee", id="meeting-of"),
        pytest.param("Cyngor Cymuned Llan Community Council", "Llan Community Council", id="welsh-run-into-english"),
        pytest.param("CYNGOR TREF LLAN TOWN COUNCIL", "LLAN TOWN COUNCIL", id="welsh-run-into-english-caps"),
        pytest.param("Cyngor Cymuned Llan", "Cyngor Cymuned Llan", id="welsh-alone-kept"),
        pytest.param("Annual Meeting of the Parish Council", "Parish Council", id="annual-meeting-of"),
        pytest.param("2nd Meeting of the Planning Committee", "Planning Committee", id="ordinal-meeting"),
        pytest.param("the Cabinet", "Cabinet", id="article"),
        pytest.param("Agenda for the Cabinet", "Cabinet", id="agenda-for"),
        pytest.param("Minutes of the Planning Committee", "Planning Committee", id="minutes-of"),
        pytest.param(
            "Agenda and minutes for the Overview and Scrutiny Board",
            "Overview and Scrutiny Board",
            id="agenda-and-minutes",
        ),
        pytest.param("Planning Committee - Wednesday, 8th April, 2015", "Planning Committee", id="dash-date"),
        pytest.param("PLANNING COMMITTEE 18th November, 2013", "PLANNING COMMITTEE", id="date-after"),
        pytest.param("Cabinet held on 3 March", "Cabinet", id="held"),
        pytest.param(
            "Far North District Council Extraordinary Council Meeting",
            "Far North District Council",
            id="kind-after-name",
        ),
        pytest.param("Report of the (Audit Committee)", "Audit Committee", id="report-of"),
        pytest.param("(Licensing Board)", "Licensing Board", id="brackets"),
        pytest.param("Licensing Board meeting", "Licensing Board", id="trailing-meeting"),
        pytest.param("Planning Committee,", "Planning Committee", id="trailing-comma"),
        pytest.param("Parish Council Page 1 of", "Parish Council", id="page-template"),
        pytest.param(
            "Leith Links Community Council Page of Meeting",
            "Leith Links Community Council",
            id="page-template-then-meeting",
        ),
        pytest.param("Council of the Town of Smithfield", "Town of Smithfield", id="council-of-the-town"),
        pytest.param("Elmford Township~Lake County", "Elmford Township", id="letterhead-tilde-then-the-county"),
        pytest.param("Elmford Township | Lake County", "Elmford Township", id="letterhead-bar-then-the-county"),
        pytest.param(
            "ELMSWORTH PARISH COUNCIL ANNUAL PARISH MEETING", "ANNUAL PARISH MEETING", id="the-electors-meeting"
        ),
        pytest.param("Elmsworth Annual Parish Meeting - 14th March 2017", "Annual Parish Meeting", id="electors-dash"),
        pytest.param(
            "MINUTES OF THE ELMSWORTH ANNUAL PARISH ASSEMBLY", "ANNUAL PARISH ASSEMBLY", id="the-electors-assembly"
        ),
        pytest.param("CRETE TOWNSHIP ANNUAL TOWN HALL MEETING", "ANNUAL TOWN HALL MEETING", id="annual-town-hall"),
        pytest.param(
            "Elmsworth Parish Council Annual Meeting", "Elmsworth Parish Council", id="the-councils-annual-meeting"
        ),
        pytest.param(
            "AGREED Minutes for the Elm Community Council AGM", "Elm Community Council", id="agreed-minutes-for-the"
        ),
        pytest.param("Elm Community Council public meeting", "Elm Community Council", id="public-meeting"),
        pytest.param(
            "Elm Council General Purposes Committee", "Elm Council General Purposes Committee", id="general-purposes"
        ),
        pytest.param("Port of Elm Regular Commission Meeting", "Port of Elm", id="a-boards-regular-meeting"),
        pytest.param("Elm Township Special Board Meeting", "Elm Township", id="a-boards-special-meeting"),
        pytest.param("Elm Special Board", "Elm Special Board", id="special-without-its-meeting-ends-no-name"),
        pytest.param("STEEP PARISH COUNCIL - PLANNING COMMITTEE", "PLANNING COMMITTEE", id="a-councils-committee"),
        pytest.param("Elm Parish Council – 3 May 2021", "Elm Parish Council", id="a-council-and-a-date"),
        pytest.param("Planning Committee Teams Meeting", "Planning Committee", id="held-on-teams"),
        pytest.param("Elm Community Council Meeting Date", "Elm Community Council", id="a-key-run-on-after-the-name"),
        pytest.param(
            "Environmental Services Committee of Elm and Lough District Council",
            "Environmental Services Committee",
            id="a-committee-of-its-council",
        ),
        pytest.param(
            "Full Council of Elm Regis Town Council", "Elm Regis Town Council", id="full-council-of-the-council"
        ),
        pytest.param(
            "CYNGOR CYMUNED LLANELM LLANELM COMMUNITY COUNCIL",
            "LLANELM COMMUNITY COUNCIL",
            id="welsh-name-then-english-the-place-twice",
        ),
        pytest.param(
            "Cyngor Tref Aberelm Aberelm Town Council Cofnodion",
            "Aberelm Town Council",
            id="welsh-town-council-then-the-kind-of-paper",
        ),
    ],
)
def test_clean_body(text, expected):
    assert clean_body(text) == expected


@pytest.mark.parametrize(
    "name, generic",
    [
        pytest.param("Council", True, id="council"),
        pytest.param("Parish Council", True, id="parish-council"),
        pytest.param("the Board", True, id="the-board"),
        pytest.param("Full Council", True, id="full-council"),
        pytest.param("Town Council Meeting", True, id="town-council-meeting"),
        pytest.param("Extraordinary Parish Council Meeting", True, id="extraordinary"),
        pytest.param("Parish Meeting", False, id="a-parish-meeting-is-the-electors-assembly-not-the-council"),
        pytest.param("Annual Parish Meeting", False, id="annual-parish-meeting"),
        pytest.param("Regular Council", True, id="regular-council"),
        pytest.param("the Vestry", True, id="vestry"),
        pytest.param("Planning Committee", False, id="committee"),
        pytest.param("Groby Parish Council", False, id="named-council"),
        pytest.param("Cabinet", False, id="cabinet"),
    ],
)
def test_is_generic_body(name, generic):
    assert is_generic_body(name) is generic


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("Minutes of Groby Parish Council meeting", "Groby Parish Council", id="parish"),
        pytest.param("GROBY PARISH COUNCIL", "Groby Parish Council", id="capitals-title-cased"),
        pytest.param("Burton-cum-Walden Parish Council will meet", "Burton-cum-Walden Parish Council", id="cum"),
        pytest.param("Stratford-upon-Avon Town Council", "Stratford-upon-Avon Town Council", id="upon"),
        pytest.param(
            "Rotherham Metropolitan Borough Council", "Rotherham Metropolitan Borough Council", id="metropolitan"
        ),
        pytest.param("Limerick City and County Council", "Limerick City and County Council", id="city-and-county"),
        pytest.param("Shire of Kent", "Shire of Kent", id="shire-of"),
        pytest.param("Town of North Star", "Town of North Star", id="town-of"),
        pytest.param("The Council met", "", id="generic"),
        pytest.param("a meeting of the Parish Council", "", id="unnamed-parish"),
        pytest.param("Dear Member\nCOUNTY COUNCIL - THURSDAY", "", id="never-across-a-line-break"),
    ],
)
def test_council_named_in(text, expected):
    assert council_named_in(text) == expected


@pytest.mark.parametrize(
    "text, venue",
    [
        pytest.param("‘The Kirk, Wester Balblair’", "The Kirk, Wester Balblair", id="quoted"),
        pytest.param(
            "This meeting will be held virtually and a live audio stream can be heard via www.example.gov.uk",
            "This meeting will be held virtually",
            id="how-to-follow-it-is-not-where-it-is",
        ),
        pytest.param("Council Chamber and will be webcast live", "Council Chamber", id="webcast"),
        pytest.param(
            "The Hall and the Broadcast Room", "Hall and the Broadcast Room", id="a-room-named-broadcast-stays"
        ),
        pytest.param('"Old School" Room, Church Lane', '"Old School" Room, Church Lane', id="quotes-inside-stay"),
        pytest.param(
            "Village Hall, Church Street, for the purpose of transacting the following business",
            "Village Hall, Church Street",
            id="a-summons-purpose",
        ),
        pytest.param(
            "Upper Elm Village Hall, following the Annual Parish Meeting",
            "Upper Elm Village Hall",
            id="after-another-meeting",
        ),
    ],
)
def test_clean_venue(text, venue):
    from minutes.papers.header import clean_venue

    assert clean_venue(text) == venue


@pytest.mark.parametrize(
    "text, committee, venue",
    [
        (
            "Aytonish Community Council AGM\nHeld on 5 June 2023, 7.00pm, Church Hall",
            "Aytonish Community Council",
            "Church Hall",
        ),
        (
            "Minutes of Elm Parish Council meeting, Monday 5th June 2023, Village Hall, 7pm",
            "Elm Parish Council",
            "Village Hall",
        ),
        ("Elm Parish Council\nMonday 5 June 2023, Elmsworth", "Elm Parish Council", ""),
        ("Elm Parish Council A.G.M. - 2nd May 2017\n\nPresent\nCouncillors A Orr, B Hale", "Elm Parish Council", ""),
        (
            "Elm Parish Council\nAgenda\nMonday 8 April 2019 – 7.30pm – Village Hall",
            "Elm Parish Council",
            "Village Hall",
        ),
        (
            "ELM PARISH COUNCIL\nMEETING: Monday 8th April 2019\nTIME: 7.30pm\nVENUE: Village Hall",
            "ELM PARISH COUNCIL",
            "Village Hall",
        ),
    ],
)
def test_a_place_after_the_date_and_a_comma(text, committee, venue):
    found = opening(text)
    assert (found.committee, found.venue) == (committee, venue)


@pytest.mark.parametrize(
    "printed, name",
    [
        ("Township Board of Lincoln Township, Midland County, Michigan", "Township Board of Lincoln Township"),
        ("Crete Town Board (Oceana County)", "Crete Town Board"),
        ("REGULAR CITY COUNCIL MEETING TUESDAY", "REGULAR CITY COUNCIL"),
        ("Meeting of the Town Board", "Meeting of the Town Board"),  # "meeting" opening the name stays
        ("Parish Council (Finance) Working Group", "Parish Council (Finance) Working Group"),  # bracket inside
        ("Town Board  (Annual)\n", "Town Board"),
        ("(a) " * 5000 + "end", "(a) " * 5000 + "end"),  # many brackets, not closing the name: kept
        ("Board" + " (a)" * 5000, "Board"),  # many brackets closing the name: cut at the first
    ],
)
def test_without_place_qualifier(printed, name):
    assert without_place_qualifier(printed) == name


@pytest.mark.parametrize(
    "printed, council, same",
    [
        ("Lincoln Township Board of Trustees", "Lincoln Township", True),
        ("Township Board of Lincoln Township, Midland County", "Lincoln Township", True),
        ("Town Board of Crete (Oceana County)", "Crete Township", True),
        ("Lincoln Township Planning Commission", "Lincoln Township", False),
        ("Lincoln Township (Planning) Commission", "Lincoln Township", False),
        ("City Commission", "City of Palmetto Sound", True),  # a Florida city's governing body
        ("County Commission", "Elm County", True),
        ("Planning and Zoning Commission", "City of Palmetto Sound", False),
        ("Board of Directors of the Regional District of Kettle Narrows", "Regional District of Kettle Narrows", True),
        ("Board of Directors", "Arrow Homeowners Association", True),
        ("Board of Directors of the Elm Library Foundation", "Regional District of Kettle Narrows", False),
    ],
)
def test_names_the_council(printed, council, same):
    assert names_the_council(printed, council) is same


def test_the_hour_of_another_day_is_not_the_meetings():
    from minutes.papers.convert import convert_paper_text

    text = (
        "TOWN OF ELM MEETING MINUTES\n\nJanuary 17, 2025\n\nPurpose of the meeting: To adopt the resolution.\n\n"
        "Present for the meeting: Mayor Turn, Council members, Jared Clar and Chris Pier.\n\n"
        "The council agreed to a rate ending on April 17, 2025 at 5PM. Chris made a motion to adopt it. Motion carried 4-0.\n"
    )
    (document,) = convert_paper_text(text, "p.txt")
    assert (str(document.record.date), document.record.time) == ("2025-01-17", "")
