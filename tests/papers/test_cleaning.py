"""Table-driven tests for the newer cleaning rules in `minutes.papers.clean` (the older ones
are in test_rules.py). Each rule runs alone on lines read as a text paper would be."""

from __future__ import annotations

import pytest

from minutes.papers import clean
from minutes.papers.readers import read_paper


def run(rule, *texts):
    return rule(clean.read_lines(read_paper(("\n".join(texts) + "\n").encode("utf-8"), "p.txt")))


def texts(lines) -> list[str]:
    return [line.text for line in lines]


def artefacts(lines) -> list[str]:
    return [line.artefact for line in lines]


# --- flattened_lines ---------------------------------------------------------------------------

SPACED_PIECES = [
    "38 Request of Mr Smith for a licence",
    "(Communication)",
    "PLACED ON FILE",
    "39 Request of Mrs Jones for a permit",
    "(Communication)",
    "GRANTED",
    "40 Report of the Clerk on the accounts for the year",
    "RECEIVED",
]
MINUTE_PIECES = [  # at least 400 characters in all, as a flattened page is
    "Minutes of the meeting of Groby Parish Council held on 5 June 2008",
    "Cou/285/07-08 Present Members: Cllr P Batty (Chairman), Cllr D Smith and Cllr J Bloggs were present at the meeting",
    "Cou/286/07-08 Apologies Apologies were received from Cllr A Brown and Cllr B Green who were both away",
    "Cou/287/07-08 Minutes The minutes of the last meeting were approved and signed by the Chairman as a true record of the meeting.",
]
ITEM_PIECES = [
    "The meeting opened at 7pm in the village hall with the chairman presiding over a good attendance of residents.",
    "1. Welcome: The Chairman welcomed everyone to the meeting and thanked them for coming out on such a cold and wet night.",
    "2. Apologies for Absence: Apologies were received from Cllr Smith who was unwell and from Cllr Jones who was on holiday abroad.",
    "3. Minutes: The minutes of the last meeting were approved and signed by the chairman as a true and correct record of the meeting.",
    "4. Finance: The clerk presented the accounts for the quarter and the payments listed were approved by all members present.",
    "5. Close: The meeting closed at nine.",
]
LETTER_PIECES = [
    "4. Minutes: The minutes of the last meeting were approved and signed by the chairman as a true and correct record.",
    "5. Matters Arising from Minutes:",
    "a) Memorial: The stained glass window design had been agreed and work on it was now in hand with the glazier.",
    "b) Public Toilets: Still under investigation by the working group, who would report back at the next meeting.",
    "6. Finance: The clerk presented the accounts for the quarter and the payments listed were approved by all.",
    "7. Close: The meeting closed at nine.",
]
PACK_PIECES = [  # a pack flattened whole: an agenda counting with no full stops, then the minutes
    "GROBY PARISH COUNCIL Members are hereby summoned to a meeting of the council to be held on Monday 3 March 2025 at 7pm in the Village Hall.",
    "AGENDA",
    "1. Apologies for absence",
    "2. Declarations of interest",
    "3. Public participation",
    "4. Minutes of the last meeting",
    "5. Clerk’s report",
    "6. Planning applications",
    "7. Finance and payments",
    "8. Date of the next meeting J Smith, Clerk",
    "GROBY PARISH COUNCIL MINUTES OF THE MEETING OF GROBY PARISH COUNCIL HELD ON 3 FEBRUARY 2025",
    "PRESENT: Cllrs A Brown (Chairman), B Green and C White.",
    "1. (Agenda 1) APOLOGIES FOR ABSENCE None.",
    "2. (Agenda 2) DECLARATIONS OF INTEREST None.",
    "3. (Agenda 3) PUBLIC PARTICIPATION No members of the public attended.",
]
SENTENCES = (
    "Motion carried.  Motion by Smith, second by Jones to approve the bills as presented by the clerk.  Motion carried.  "
    "Motion by Brown, second by Green to approve the minutes of the last meeting.  Motion carried.  "
    "Motion by White to adjourn the meeting at nine in the evening.  Motion carried."
)
NOT_A_RUN = (
    "The clerk read the report to members. 7. The lamps on the green were broken and would be repaired by the county. "
    "Members noted this. 12. The council had received letters about the matter from residents who were concerned. "
    "It was noted. 3. The bus shelter roof would be replaced when the grant arrived from the district council. "
) * 2

LABEL_PIECES = [
    # Attendance labels stay inside the paragraph, for the attendance reader.
    "MINUTES OF THE MONTHLY MEETING OF HILLSIDE COUNTY COUNCIL HELD IN THE COUNTY HALL ON MONDAY, 3RD MAY 2010 AT 2.00 P.M. "
    "PRESENT: Cllr. A. Byrne (Presiding), Cllrs. B. Carroll, C. Doyle, D. Egan, E. Flynn and F. Gallagher. "
    "IN ATTENDANCE: Mr. G. Hayes, County Manager, Ms. H. Ivers, Meetings Administrator.",
    "VOTES OF SYMPATHY: Votes of sympathy were extended to the families named, and the meeting stood in silence. "
    "The Cathaoirleach asked that the council's condolences be conveyed to each family by letter, and members "
    "spoke of the service given to the county by those who had died.",
    "CONFIRMATION OF MINUTES: On the proposal of Cllr. Byrne, seconded by Cllr. Carroll, the minutes were confirmed.",
    "CORRESPONDENCE: The letters received were noted.",
]
NUMBERED_LABELS = " ".join(f"{n}. {label}" for n, label in enumerate(LABEL_PIECES, 1)) + " and the meeting closed."


@pytest.mark.parametrize(
    "text, pieces",
    [
        pytest.param(
            "   ".join(SPACED_PIECES) + "  " + "and the meeting then closed " * 3,
            SPACED_PIECES + ["and the meeting then closed " * 3],
            id="space-runs",
        ),
        pytest.param(" ".join(MINUTE_PIECES), MINUTE_PIECES, id="inline-minute-numbers"),
        pytest.param(" ".join(ITEM_PIECES), ITEM_PIECES, id="inline-numbered-items"),
        pytest.param(
            " ".join(ITEM_PIECES[:1] + LETTER_PIECES), ITEM_PIECES[:1] + LETTER_PIECES, id="inline-lettered-sub-items"
        ),
        pytest.param(" ".join(PACK_PIECES), PACK_PIECES, id="agenda-then-minutes-flattened"),
        pytest.param(SENTENCES, [SENTENCES], id="two-spaces-between-sentences"),
        pytest.param(NOT_A_RUN, [NOT_A_RUN.rstrip()], id="numbers-not-counting-up"),
        pytest.param(" ".join(LABEL_PIECES), LABEL_PIECES, id="capital-labels-run-in"),
        pytest.param(
            NUMBERED_LABELS,
            [f"{n}. {label}" for n, label in enumerate(LABEL_PIECES, 1)][:-1]
            + [f"{len(LABEL_PIECES)}. {LABEL_PIECES[-1]} and the meeting closed."],
            id="numbered-capital-labels-cut-at-their-numbers",
        ),
        pytest.param(
            "41/19 Apologies: Cllr Black. 42/19 Declarations: None. 43/19 Minutes: approved.",
            ["41/19 Apologies: Cllr Black.", "42/19 Declarations: None.", "43/19 Minutes: approved."],
            id="minutes-run-together-in-a-short-paragraph",
        ),
        pytest.param(
            "41/19 Apologies: Cllr Black. 42/19 Declarations: None.",
            ["41/19 Apologies: Cllr Black. 42/19 Declarations: None."],
            id="two-minutes-are-not-enough",
        ),
        pytest.param(
            "41/19 Apologies: Cllr Black. 45/19 Declarations: None. 46/19 Minutes: approved.",
            ["41/19 Apologies: Cllr Black. 45/19 Declarations: None. 46/19 Minutes: approved."],
            id="minute-numbers-not-counting-up",
        ),
        pytest.param(
            "The council noted 41/19 Apologies: 42/19 Declarations: 43/19 Minutes.",
            ["The council noted 41/19 Apologies: 42/19 Declarations: 43/19 Minutes."],
            id="minute-numbers-inside-a-sentence",
        ),
        pytest.param("A   B   C   D", ["A   B   C   D"], id="short-line"),
        pytest.param("\t".join(SPACED_PIECES * 3), ["\t".join(SPACED_PIECES * 3)], id="table-row"),
    ],
)
def test_flattened_lines(text, pieces):
    lines = run(clean.flattened_lines, text)
    assert [p.strip() for p in texts(lines)] == [p.strip() for p in pieces]
    assert {line.number for line in lines} == {1}, "pieces keep the number of the line they came from"


def test_flattened_pieces_keep_their_own_source():
    lines = run(clean.flattened_lines, " ".join(MINUTE_PIECES))
    assert [line.source for line in lines] == texts(lines)


# --- web_entities, hidden_html, callouts ---------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("1.&nbsp;&nbsp;&nbsp;Call to Order", "1.   Call to Order", id="nbsp-to-space"),
        pytest.param("Fish &amp; Chips", "Fish & Chips", id="amp"),
        pytest.param("&#8211; dash &#x2019;", "– dash ’", id="numeric"),
        pytest.param("AT&T and R&D", "AT&T and R&D", id="bare-ampersand"),
        pytest.param("&bogus; stays", "&bogus; stays", id="unknown-entity"),
    ],
)
def test_web_entities(text, expected):
    assert run(clean.web_entities, text)[0].text == expected


@pytest.mark.parametrize(
    "text, artefact",
    [
        pytest.param('<span style="display:none">tag1 tag2</span>', "hidden web-page text", id="span"),
        pytest.param('<div style="color:red; display: none;">x</div>', "hidden web-page text", id="div-with-spaces"),
        pytest.param("<p>shown</p>", "", id="shown"),
        pytest.param('text <span style="display:none">x</span> more', "", id="inside-a-line"),
    ],
)
def test_hidden_html(text, artefact):
    lines = run(clean.hidden_html, "Minutes", text)  # a plain first line: the paper is read as text
    assert artefacts(lines) == ["", artefact]
    assert lines[1].text == ("" if artefact else text)


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("> [!abstract]- Present:", "> Present:", id="collapsed"),
        pytest.param("> [!note] Apologies", "> Apologies", id="plain-callout"),
        pytest.param("> [!tip]+ Decisions", "> Decisions", id="expanded"),
        pytest.param("> plain quote", "> plain quote", id="quote"),
        pytest.param("[!note] not a quote", "[!note] not a quote", id="not-a-quote"),
    ],
)
def test_callouts(text, expected):
    assert run(clean.callouts, text)[0].text == expected


# --- pack_stamps, page_breaks -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, artefact",
    [
        pytest.param("Agenda Item 5", "agenda item stamp", id="stamp"),
        pytest.param("**Agenda Item 12a**", "agenda item stamp", id="bold-stamp"),
        pytest.param("This page is intentionally left blank", "blank page", id="blank"),
        pytest.param("THIS PAGE IS INTENTIONALLY LEFT BLANK.", "blank page", id="blank-caps"),
        pytest.param("Agenda item 5 was deferred", "", id="sentence"),
        pytest.param("Item 5", "", id="no-agenda-word"),
        pytest.param("DRAFT", "watermark", id="draft-watermark"),
        pytest.param("D R A F T", "watermark", id="draft-spaced"),
        pytest.param("Draft minutes of the meeting", "", id="draft-in-a-title"),
    ],
)
def test_pack_stamps(text, artefact):
    assert artefacts(run(clean.pack_stamps, text)) == [artefact]


@pytest.mark.parametrize(
    "texts_in, expected",
    [
        pytest.param(
            ["Text of page one.", "", "---", "", "2", "Text of page two.", "", "---", "", "3", "Text of page three."],
            ["", "", "page break", "", "page number", "", "", "page break", "", "page number", ""],
            id="rules-and-numbers-after",
        ),
        pytest.param(
            ["Text of page one.", "1", "---", "Text of page two.", "2", "---", "Text."],
            ["", "page number", "page break", "", "page number", "page break", ""],
            id="numbers-before",
        ),
        pytest.param(["Text.", "---", "More text."], ["", "", ""], id="one-rule-is-not-a-page-break"),
        pytest.param(
            [
                "Text one.",
                "---",
                "Scanned page, text may contain errors",
                "Text two.",
                "---",
                "Scanned page, text may contain errors",
                "Text three.",
            ],
            ["", "page break", "running header", "", "page break", "running header", ""],
            id="note-repeated-after-breaks",
        ),
        pytest.param(["Some text.", "> 18", "More text."], ["", "page number", ""], id="number-in-a-quote"),
        pytest.param(["Some text.", "Page 2 of 18", "More text."], ["", "page number", ""], id="page-2-of-18"),
        pytest.param(["Some text.", "There were 2 of 18 members"], ["", ""], id="of-in-a-sentence"),
        pytest.param(["Some text.", "", "18", "", "More text."], ["", "", "", "", ""], id="number-far-from-a-break"),
    ],
)
def test_page_breaks(texts_in, expected):
    assert artefacts(run(clean.page_breaks, *texts_in)) == expected


def test_page_number_beside_a_stamp():
    lines = run(lambda lines: clean.page_breaks(clean.pack_stamps(lines)), "Agenda Item 5", "12", "Text.")
    assert artefacts(lines) == ["agenda item stamp", "page number", ""]


def test_note_repeated_on_every_page_goes_from_the_first_too():
    lines = run(
        clean.page_breaks,
        "Scanned page, text may contain errors",
        "Text one.",
        "---",
        "Scanned page, text may contain errors",
        "Text two.",
        "---",
        "Scanned page, text may contain errors",
        "Text three.",
    )
    assert artefacts(lines)[0] == "running header"


# --- mirror_site_furniture ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "texts_in, expected",
    [
        pytest.param(
            [
                "Size: px",
                "Start display at page:",
                'Download "Minutes of the meeting"',
                "Minutes of the meeting",
                "3 views",
            ],
            [True, True, True, False, True],
            id="three-labels",
        ),
        pytest.param(
            [
                "Upload: others",
                "Post on 12-Mar-2016",
                "TRANSCRIPT",
                "Embed",
                "12 downloads",
                "Report this document",
                "The planning Documents were circulated",
            ],
            [True, True, True, True, True, True, False],
            id="other-labels",
        ),
        pytest.param(
            ["Size: px", "Minutes of the meeting", "3 views"], [False, False, False], id="two-labels-are-not-enough"
        ),
        pytest.param(
            [
                "Minutes of the meeting",
                "Size: px",
                "Start display at page:",
                'Download "Minutes of the meeting"',
                "Transcription",
                "Minutes of the meeting held on 4 May",
            ],
            [True, True, True, True, True, False],
            id="page-title-repeated-by-the-download-link",
        ),
    ],
)
def test_mirror_site_furniture(texts_in, expected):
    lines = run(clean.mirror_site_furniture, *texts_in)
    assert [line.artefact == "document-sharing site furniture" for line in lines] == expected


PAGE_TEXT = (
    "MINUTES OF THE MONTHLY MEETING OF HILLSIDE COUNCIL HELD ON MONDAY 3 MAY 2010 AT 7 PM PRESENT: Cllrs A, B and C."
)


@pytest.mark.parametrize(
    "texts_in, expected",
    [
        pytest.param(
            ["Size: px", "Start display at page:", "Transcription", "1 " + PAGE_TEXT, "2 " + PAGE_TEXT.lower()],
            [PAGE_TEXT, PAGE_TEXT.lower()],
            id="page-numbers-counting-up",
        ),
        pytest.param(
            ["Size: px", "Start display at page:", "Transcription", "7 " + PAGE_TEXT],
            ["7 " + PAGE_TEXT],
            id="a-number-out-of-step-is-text",
        ),
        pytest.param(
            ["Size: px", "Start display at page:", "Transcription", "1 Apologies"],
            ["1 Apologies"],
            id="a-short-line-is-an-item-not-a-page",
        ),
        pytest.param(["1 " + PAGE_TEXT], ["1 " + PAGE_TEXT], id="no-mirror-site-no-page-numbers"),
    ],
)
def test_mirror_site_page_numbers(texts_in, expected):
    lines = run(clean.mirror_site_furniture, *texts_in)
    assert [line.text for line in lines if line.text and not line.artefact] == expected


# --- letter spacing ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("A G E N D A", "AGENDA", id="agenda"),
        pytest.param("M I N U T E S of the meeting", "MINUTES of the meeting", id="then-words"),
        pytest.param("T H A T the report", "THAT the report", id="that"),
        pytest.param("P L A N N I N G  C O M M I T T E E", "PLANNING  COMMITTEE", id="two-words"),
        pytest.param("A B C", "A B C", id="three-letters-stay"),
        pytest.param("Cllr A B Smith", "Cllr A B Smith", id="initials"),
        pytest.param("I A M", "I A M", id="words"),
    ],
)
def test_unspace_letters(text, expected):
    assert clean.unspace_letters(text) == expected


def test_letter_spacing_rule():
    assert texts(run(clean.letter_spacing, "A G E N D A", "Item A B C")) == ["AGENDA", "Item A B C"]


# --- bold_spans --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "texts_in, expected",
    [
        pytest.param(
            ["**6. Review of the Risk Assessment", "insurance**", "Next para"],
            ["**6. Review of the Risk Assessment insurance**", "", "Next para"],
            id="two-lines",
        ),
        pytest.param(
            ["**Planning applications received", "since the last meeting of the", "parish council**", "Text"],
            ["**Planning applications received since the last meeting of the parish council**", "", "", "Text"],
            id="three-lines",
        ),
        pytest.param(
            ["**Planning applications", "a", "b", "c", "d**"],
            ["**Planning applications", "a", "b", "c", "d**"],
            id="too-far",
        ),
        pytest.param(
            ["- Date:-** 12 May 2020", "- Venue:-** Microsoft Teams", "- Time:-** 7pm"],
            ["- Date:-** 12 May 2020", "- Venue:-** Microsoft Teams", "- Time:-** 7pm"],
            id="list-entries-never-join",
        ),
        pytest.param(
            ["**Date:-", "- Venue:-** Microsoft Teams"],
            ["**Date:-", "- Venue:-** Microsoft Teams"],
            id="next-is-a-list-entry",
        ),
        pytest.param(
            ["**Planning applications", "", "received**"],
            ["**Planning applications", "", "received**"],
            id="blank-between",
        ),
        pytest.param(
            ["**Planning applications", "# Heading**"],
            ["**Planning applications", "# Heading**"],
            id="next-is-a-heading",
        ),
        pytest.param(
            ["**Planning applications", "a\tb**"], ["**Planning applications", "a\tb**"], id="next-is-a-table-row"
        ),
        pytest.param(
            ["**Planning** applications", "received**"],
            ["**Planning** applications", "received**"],
            id="already-closed",
        ),
        pytest.param(["Price ** 5", "next**"], ["Price ** 5", "next**"], id="mark-before-a-space"),
    ],
)
def test_bold_spans(texts_in, expected):
    assert texts(run(clean.bold_spans, *texts_in)) == expected


def test_bold_span_joined_lines_point_to_the_first():
    lines = run(clean.bold_spans, "**6. Review of the Risk Assessment", "insurance**")
    assert [line.joined_to for line in lines] == [0, 1]


# --- double_spaced -----------------------------------------------------------------------------

BROKEN = [
    ("the Cathaoirleach declared Councillor Stephen", "Keary elected as the chair for the coming year."),
    ("the members then considered the report of the", "engineer on the condition of the roads."),
    ("it was agreed that the clerk would write to the", "county council about the bus shelter."),
    ("the meeting was told that the grant from the", "lottery fund had been approved in full."),
    ("the council noted that the accounts for the year", "had been audited and found to be correct."),
    ("the chairman thanked the outgoing members for all", "their hard work over the past four years."),
    ("members discussed the state of the playground and", "agreed that repairs should be made soon."),
    ("the clerk reported that the hedge along the lane", "had been cut by the contractor last week."),
    ("a resident raised concerns about the speed of the", "traffic passing through the village centre."),
    ("it was noted that the next meeting would be held", "in the village hall on the usual evening."),
]


def double_spaced_paper(pairs, tail=()):
    out: list[str] = []
    for first, second in pairs:
        out += [first, "", second, ""]
    return out + list(tail)


def test_double_spaced_joins_unfinished_lines():
    lines = run(clean.double_spaced, *double_spaced_paper(BROKEN))
    joined = [line.text for line in lines if line.is_content]
    assert joined == [f"{a} {b}" for a, b in BROKEN]
    assert lines[2].joined_to == lines[0].number


def test_double_spaced_never_joins_a_list_entry():
    tail = ["the clerk said that the following were received", "", "1. Letter from the police", ""]
    lines = run(clean.double_spaced, *double_spaced_paper(BROKEN, tail))
    assert texts(lines)[-4:] == tail


def test_not_double_spaced_when_it_is_not_the_papers_habit():
    few = double_spaced_paper(BROKEN[:1]) + [f"A finished sentence number {n} here." for n in range(20)]
    lines = run(clean.double_spaced, *few)
    assert texts(lines) == few


# --- repeated_page_lines -------------------------------------------------------------------


@pytest.mark.parametrize(
    "texts_in, expected",
    [
        pytest.param(
            ["APM Mins 24.04.19", "", "Text one.", "", "1", "", "APM Mins 24.04.19", "", "Text two."],
            ["running header", "", "", "", "page number", "", "running header", "", ""],
            id="header-beside-page-number",
        ),
        pytest.param(
            [
                "Minutes",
                "",
                "PAR",
                "",
                "1",
                "",
                "Public speaking (Standing Order 17A)",
                "",
                "PAR",
                "",
                "2",
                "",
                "Public speaking (Standing Order 17A)",
            ],
            [""] * 13,
            id="repeated-item-lines-are-not-furniture",
        ),
    ],
)
def test_repeated_page_lines(texts_in, expected):
    assert artefacts(run(clean.repeated_page_lines, *texts_in)) == expected


# --- lines that open a block of their own -------------------------------------------------------


@pytest.mark.parametrize(
    "texts_in, expected",
    [
        pytest.param(
            ["6. Finance", "a) To approve payments", "b) To receive the bank reconciliation", "c) To agree the budget"],
            ["6. Finance", "a) To approve payments", "b) To receive the bank reconciliation", "c) To agree the budget"],
            id="lettered-entries-stay-apart",
        ),
        pytest.param(
            ["5. Play area", "i. Inspection report", "ii. Repairs to the swings"],
            ["5. Play area", "i. Inspection report", "ii. Repairs to the swings"],
            id="roman-entries-stay-apart",
        ),
        pytest.param(
            ["The clerk reported that the grant had been paid and", "e.g. the hall fees were due"],
            ["The clerk reported that the grant had been paid and e.g. the hall fees were due"],
            id="a-sentence-wrapped-before-an-abbreviation-still-joins",
        ),
        pytest.param(
            ["The council noted the report of the working group and", "b) the figures were agreed"],
            ["The council noted the report of the working group and b) the figures were agreed"],
            id="a-letter-before-lower-case-words-joins",
        ),
    ],
)
def test_list_entries_are_not_joined_to_the_line_above(texts_in, expected):
    lines = clean.clean_lines("\n".join(texts_in) + "\n")
    assert [line.text for line in lines if line.text] == expected


@pytest.mark.parametrize(
    "text, artefact",
    [
        pytest.param("**th**", "superscript", id="bold-th"),
        pytest.param("st", "superscript", id="st"),
        pytest.param("TH", "superscript", id="capitals"),
        pytest.param("the", "", id="a-word"),
        pytest.param("15th", "", id="a-date's-ordinal"),
    ],
)
def test_detached_superscripts(text, artefact):
    (line,) = run(clean.detached_superscripts, text)
    assert line.artefact == artefact


def test_a_raised_ordinal_set_apart_joins_no_paragraphs():
    lines = clean.clean_lines(
        "CHAIR: Mrs A Hale CLERK: Mrs B Orr\n\nst\nMinutes of a Meeting held on 1 November 2010\n"
    )
    assert [line.text for line in lines if line.text] == [
        "CHAIR: Mrs A Hale CLERK: Mrs B Orr",
        "Minutes of a Meeting held on 1 November 2010",
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("DATE:\tFebruary 3, 2025\t", "DATE: February 3, 2025", id="key-and-value-cells"),
        pytest.param("TIME: \t\t6:00 PM", "TIME: 6:00 PM", id="an-empty-cell-between"),
        pytest.param("**Venue**\tVillage Hall", "Venue: Village Hall", id="bold-key-without-its-colon"),
        pytest.param("Present:\tAnn Orr\tBob Hale", "Present:\tAnn Orr\tBob Hale", id="a-list-keeps-its-cells"),
        pytest.param("Date\tItem\tAction", "Date\tItem\tAction", id="a-tables-heading-row-is-kept"),
        pytest.param("\tDATE:\t28 July 2020", "\tDATE:\t28 July 2020", id="a-wider-tables-row-is-kept"),
    ],
)
def test_key_value_rows(text, expected):
    (line,) = clean.key_value_rows(clean.read_lines(read_paper(text.encode(), "p.txt")))
    assert line.text == expected
