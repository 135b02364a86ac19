"""Decisions recorded under an item: what was resolved, agreed, carried or elected.

Clerks record a decision in many ways: "RESOLVED: That …", "Resolved:- (1) That … (2) That …",
"It was resolved that …", "AGREED", "It was agreed …", "Members agreed …", "agreement was
reached", "DECISION:", "Motion carried", "Carried", "the resolution was passed", "X was
declared elected", "the minutes were confirmed as a true copy", a clause in capitals
("That the report BE RECEIVED"), a roll-call vote "(Y-5)". Each pattern below is one
small rule in the registry (`decisions.*`); `read_decisions` runs them over an item's paragraphs.

Counting follows how a reader counts decisions: one per sentence that records one; each
entry of a numbered or lettered list of resolutions, and each "That …" paragraph under
one RESOLVED; an outcome ("Motion carried") only when the decision it closes was not
already counted ("That … BE RECEIVED. Motion Passed." is one decision). Not decisions:
"noted", proposals and seconds with no outcome, requests, "placed on file".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from minutes.core import vocabulary
from minutes.papers.clean import Line, clean_lines
from minutes.papers.evidence import REGISTRY, Example, Fact, Rule, enabled, example, rule, runner, weight_of
from minutes.papers.shapes import Shape
from minutes.papers.shapes import shapes as line_shapes
from minutes.papers.worded import Worded

# --- the rules ---------------------------------------------------------------------------

_RESOLVED = Worded(
    re.compile(
        r"(?:\b(?:[Aa]nd\s+|AND\s+|[Ii]t\s+was\s+(?:unanimously\s+|further\s+)?|IT\s+WAS\s+)?"
        r"(?:RESOLVED\b|Resolved(?=\s*[:\-–—(]|\s+(?:that|to|unanimously)\b|\s*$))"
        r"|\b[Ii]t\s+was\s+(?:(?:unanimously|further|therefore)\s+)?resolved\b"
        r"|\b(?:[Mm]embers|[Cc]ouncillors|(?:[Tt]he\s+)?(?:[Cc]ouncil|[Cc]ommittee|[Bb]oard|[Pp]anel|[Cc]abinet|[Mm]eeting))\s+(?:(?:unanimously|then)\s+)?resolved\b"
        r"|\band\s+(?:unanimously\s+)?resolved(?=\s+(?:to|that)\b)"
        r"|\bPENDERFYNWYD\b|\bPenderfynwyd\b)"
        r"(?:\s*unanimously)?(?:\s*(?::\s*-?|[-–—]|:-|\.)\s*)?",
    ),
    ("RESOLVED", "Resolved", "resolved", "PENDERFYNWYD", "Penderfynwyd"),
)
_RESOLUTION_HEADING = (
    r"(?:COUNCIL\s+)?RESOLUTION|(?:Resolution|RESOLUTION)\s+(?:[Nn]umber|NUMBER|[Nn]o\.?|NO\.?|#)\s*[\w/.-]{1,20}"
)
"""A resolution's heading on a line of its own, over who moved it: "RESOLUTION", "Resolution number ISC/2024/8"."""
_DECISION_MARK = re.compile(
    r"^(?:DECISION|AGREED|RESOLUTION)\s*(?::\s*-?|[-–—])\s*(?=\S)|^(?:AND\s+)?(?:DECISION|AGREED)\s*:?\s*$"
    rf"|^(?:{_RESOLUTION_HEADING})\s*:?\s*$"
    r"|^(?:Decision|Agreed)\s*:\s*$"
    r"|^Decision\s+made(?:\s*\([^)]*\))?\s*:\s*|^(?:Decision|Agreed)\s*:\s*(?=\S)"
    # a committee's decision put to its council: "RECOMMENDED – that the plan be adopted" (not an officer's advice,
    # "RECOMMENDATION: That Council …")
    r"|^RECOMMENDED\s*+[:–—-]\s*+(?=that\b)"
    # "The Committee agreed:-" over its numbered parts: the body's decision, each part counted
    r"|^(?i:the\s+(?:committee|sub-committee|council|board|panel|cabinet)\s+(?:unanimously\s+)?(?:agreed|resolved|decided))"
    r"\s*+(?::-?|:\s*[–—]|[–—])\s*+$"
)
_AGREED = Worded(
    re.compile(
        r"\b(?:it\s+was\s+(?:(?:unanimously|further|also|therefore)\s+)?agreed"
        r"|(?:was|were)\s+(?:unanimously\s+)?agreed\b(?!\s+(?:with|by)\b)"
        r"|agreement\s+was\s+reached|\ball\s+(?:present\s+|members\s+)?agreed\b|\bunanimously\s+agreed\b"
        r"|(?:members|councillors|the\s+(?:board\s+members|council|committee|board|panel|cabinet|members|sub-committee|meeting|"
        r"cc|pc|tc|(?:community|parish|town)\s+council))\s+"
        r"(?:(?:unanimously|then|therefore|also|further)\s+)?agreed\b(?!\s+with\b)"
        r"|^(?-i:Agreed|AGREED)\s+(?:that|to)\b"  # "Agreed that the Secretary writes …": the decision stated as the sentence
        # "It was proposed by Cllr. A, seconded by Cllr. B and agreed to adopt …": the body agreed what was moved
        r"|\bseconded\s+by\s+[^;]{1,60}?\s+(?-i:and\s+(?:unanimously\s+)?agreed)\b(?!\s+(?:with|by)\b))",
        re.IGNORECASE,
    ),
    ("agree",),
)
_OUTCOME = Worded(
    re.compile(
        r"\bmotion\s+(?:was\s+)?(?:(?:unanimously|duly)\s+)?(?:carried|passed|passes|carries|approved|adopted|prevailed)\b"
        r"|^\s*+all\s+(?:members\s+)?present\s+(?:were\s+)?in\s+favou?r\b"  # "… seconded. All present were in favor."
        r"|\b(?:were|was)?\s*(?:approved|adopted|passed|carried)\s+(?:after|by|on|upon|following)\s+(?:a\s+)?(?:motion|roll\s+call\s+vote)\b"
        r"|\b(?:voice|roll[\s/-]*call|role/voice|roll/voice|hand|unanimous)\s+vote[^.;]{0,25}?\b(?:carried|passed)\b"
        r"|\bthe\s+(?:resolution|motion|recommendation|amendment)\s+(?:was\s+)?(?:passed|carried|adopted)\b"
        r"|^\s*+(?:resolution|ordinance)\s+(?:was\s+)?(?:duly\s+)?(?:passed|carried|adopted)\b"  # "… Nays: none. Resolution adopted."
        r"|^\s*+(?:\(\s*+)?carried(?:\s+unanimously|\s+nem\.?\s*con\.?)?\s*+\.?\)?\s*$"
        # "CARRIED Unanimous", "CARRIED Opposed: Director Orr": the outcome in capitals, then how the vote went
        r"|^\s*+(?-i:CARRIED)\b(?!\s+(?i:over|forward)\b)"
        # "CARRIED 7/0", "Carried (3-1)": the outcome and its tally
        r"|^\s*+(?:\(\s*+)?carried(?:\s+unanimously)?\s*+\(?\d{1,2}\s*+(?:[/-]|to)\s*+\d{1,2}\)?\s*+\.?\)?\s*$"
        # "Moved: Haggerty Seconded: Nolan-Price Vote: 3-0-0": a motion's vote, for, against and abstaining
        r"|\bvote\s*+:\s*+\d{1,2}\s*+-\s*+\d{1,2}(?:\s*+-\s*+\d{1,2})?\b"
        r"|\b(?:members|councillors|the\s+(?:council|committee|board|meeting))\s+(?:unanimously\s+)?voted\s+(?:unanimously\s+)?"
        r"(?:to|in\s+favour\s+of)\s"
        r"|\b(?:proposed|seconded)\b[^.;]{0,120}?\ball\s+(?:were\s+)?in\s+favou?r\b"  # "Proposed Cllr A, seconded Cllr B, all in favour"
        r"|\b\d{1,2}\s+(?:yays?|yeas?|ayes?|yes)\b[\s,;/-]{0,3}\d{1,2}\s+(?:nays?|noes|no)\b"  # "5 yay 0 nay"
        r"|\bunanimous(?:ly)?\s+(?:acceptance|approval|agreement|consent)\b"  # "Unanimous acceptance."
        r"|^\s*unanimous(?:ly)?(?:\s+(?:vote|approval|in\s+favou?r))?\s*\.?\s*$"  # "… Charlie Second. Unanimous."
        r"|\b(?:received|accepted|approved|agreed|considered)\b[^.;]{0,40}?\bfollowing\s+(?:the|a)\s+vote\b"  # "… agreed following the vote"
        # "M/S/C (Teague/Yoshimura) to approve …": moved, seconded and carried (or passed); "M/S/F" failed
        r"|(?<![\w/])M/S/[CP](?:/U)?(?![\w/])",
        re.IGNORECASE,
    ),
    ("motion", "vote", "passed", "carried", "adopted", "favo", "yay", "yea", "aye", "yes", "unanimous", "/s"),
)
_BARE_OUTCOME = Worded(
    re.compile(
        # "Approved: proposed C Dick, seconded E Fyfe.", "Adopted – moved by …": the outcome, then who moved it
        r"^\s*+(?:\(\s*+)?(?:approved|adopted|accepted|ratified)(?:\s++unanimously)?\s*+[:,–—-]\s*+"
        r"(?:(?:it\s++was\s++)?(?:proposed|seconded|moved)\b|by\s++[A-Z])"
        # "Approved as circulated."
        r"|^\s*+(?:\(\s*+)?(?:approved|adopted|accepted|ratified)\s++as\s++(?:read|circulated|presented|amended|printed|"
        r"a\s++(?:true|correct)\s++record)\b"
        # "Minutes approved.", "Minutes of 5 February approved – proposed …"
        r"|^\s*+(?:the\s++)?minutes\s++(?:(?:of|from)\s++[^.;]{0,60}?\s++)?(?:approved|adopted|accepted|confirmed)\b(?!\s++at\b)",
        re.IGNORECASE,
    ),
    ("approved", "adopted", "accepted", "ratified", "confirmed"),
)
_AND_AGREED = Worded(
    re.compile(r"\bAND\s+(?:AGREED|CARRIED)\b"),
    ("AND",),
)
"""'Proposed by …, Seconded by … AND AGREED "To confirm the minutes …"'."""
_PRESENT_TENSE = re.compile(
    r"^(?:the\s+)?(?:committee|council|sub-committee|board|panel|cabinet|executive|forum|commission)\s+"
    r"(?:(?:unanimously|therefore|also|further)\s+)?(?:approves?|agrees?|notes|endorses|resolves|decides|recommends|supports|"
    r"accepts|adopts|delegates|requests|appoints)\b(?!\s+(?:with|by)\b)",
    re.IGNORECASE,
)
"""A decision written as the body speaking now ("The Committee notes the report and agrees the work
programme"), as some web pages print it; "This Council notes …" opens a motion and is not matched."""
_ELECTED = Worded(
    re.compile(
        r"\b(?:was|were)\s+(?:duly\s+)?declared\s+(?:duly\s+)?elected\b|\bdeclared\s+(?:\S+\s+){1,5}?(?:duly\s+)?elected\b",
        re.IGNORECASE,
    ),
    ("elected",),
)
_CONFIRMED = Worded(
    re.compile(
        r"\b(?:were|was|be|are|is)\s+(?:duly\s+)?(?:confirmed|approved|agreed|adopted|signed|accepted)\s+as\s+(?:an?\s+)?"
        r"(?:true|correct|accurate|fair)\s+(?:copy|record)",
        re.IGNORECASE,
    ),
    ("copy", "record"),
)
_MINUTES_APPROVED = Worded(
    re.compile(
        r"\bminutes?\b(?!['’])[^.]{0,100}?\b(?:were|was|be|are)\s+(?:duly\s+|unanimously\s+)?(?:(?:read|taken\s+as\s+read|circulated|submitted),?\s+(?:and\s+)?)*"
        r"(?:approved|confirmed|adopted|accepted|agreed|signed)\b"
        r"|\b(?:adoption|approval)\s+of\s+the\s+minutes\b[^.]{0,100}?\b(?:was\s+)?(?:approved|agreed|carried)\b",
        re.IGNORECASE,
    ),
    ("minute",),
)
_PASSIVE_APPROVED = Worded(
    re.compile(
        r"\b(?:was|were)\s++(?:(?:duly|unanimously|noted|read|discussed|considered|checked),?+\s++(?:and\s++)?){0,2}"
        r"approved\b(?!\s++as\s++(?:suitable|fit|acceptable|eligible)\b)(?!\s++by\s++(?:the\s++)?(?:[A-Z]{2,}|[A-Z]\w*+\s++(?:County|District|Borough|City|Town|National)\b))"
    ),
    ("approved",),
)
"""A thing approved, in the passive: "The budget proposal was approved.", "Cheques … were approved as follows:",
"this was noted, approved, and signed"; not approved by another body ("was approved by HCC")."""
_EARLIER = re.compile(
    r"\b(?:original(?:ly)?|previous(?:ly)?|earlier|already|last\s+(?:year|month|meeting)|approved\s+(?:at|in|during|under)\s+(?!(?:the|this)\s+meeting\b))",
    re.IGNORECASE,
)
"""Words that tell a thing approved before, or at another meeting ("The original grant of £600 was approved …",
"… was approved at the January Amenities Committee meeting"): reported, not decided here."""
_ATTESTED = re.compile(
    r"(?i)^\W*(?:i\s+(?:hereby\s+)?certify\b|certified\s+(?:as\s+)?(?:a\s+)?(?:true|correct)\b|"
    r"(?:the\s+)?minutes\s+(?:approved|adopted|confirmed)\s*:\s*(?:\w+\s+)?\d)"
)
"""What a signature block says of the minutes, not a decision of the meeting: a clerk's certificate, the date they
were approved at a later meeting."""
_NOT_A_DECISION = re.compile(r"^(?:if|whether|once|until|unless|when|before|after|should|provided)\b", re.IGNORECASE)
"""Words that make the passive a condition or a question, not a record of what was decided."""
_CLAUSE = Worded(
    re.compile(
        r"\bBE\s+(?:RECEIVED|NOTED|APPROVED|ADOPTED|APPOINTED|REQUESTED|IMPLEMENTED|ADJOURNED|REFERRED|ENDORSED|"
        r"AUTHORI[SZ]ED|DIRECTED|AMENDED|CONFIRMED|ACCEPTED|DEFERRED|RATIFIED|REAFFIRMED|SUBMITTED|FORWARDED|"
        r"GRANTED|REFUSED|ADVISED|CIRCULATED|PUBLISHED|TABLED|REFERRED|ENACTED|INTRODUCED|AWARDED|SUPPORTED|RESCINDED)\b"
    ),
    ("BE",),
)
_VOTE = re.compile(r"\(\s*Y\s*-\s*\d+(?:\s*,?\s*N\s*-\s*\d+)?\s*\)")
_REFERRED = Worded(
    re.compile(r"\bREFERRED\s+TO\b"),
    ("REFERRED",),
)
_ENUMERATION = re.compile(
    r"(?:^|(?<=\s))\(?(?P<n>\d{1,2}|[a-h]|[ivx]{1,4})\)\s*(?=\S)|^(?P<m>\d{1,2}|[a-h])[.)]\s+(?=\S)"
)
_THAT = re.compile(r"^[\"“‘']?\s*(?:that|THAT|That)\b")
_TABLE_DECISION = re.compile(
    r"^(?:(?:approved|agreed|refused|rejected|declined|granted|deferred|not\s+approved|recommended\s+for\s+approval)\b|"
    r"(?:approve|refuse|grant|defer)\s*+\.?$)",
    re.IGNORECASE,
)
_MARKER_LINE = re.compile(
    rf"^(?:RESOLVED|AGREED|DECISION|DECIDED|RECOMMENDED\s*+[:–—-]\s*+that\b|(?:Resolved|Agreed|Decision)\s*[:–—-]"
    rf"|(?:{_RESOLUTION_HEADING})\s*:?\s*$)"
)
"""A line that opens with the word announcing a decision ("AGREED: to accept …") starts its own paragraph."""
_NOT_AGREED = re.compile(r"\b(?:not|n't)\s+(?:\w+\s+)?agreed\b", re.IGNORECASE)
_SENTENCE = re.compile(
    r"(?<=[.!?])"
    + "".join(rf"(?<!\b{title}\.)" for title in vocabulary.ABBREVIATED_TITLES)
    + r"[\"”’)]?\s+(?=[A-Z(\"“])"
)
"""Where a sentence ends: after a full stop, but not a short title's ("seconded by Cllr. Ó Dálaigh")."""


@dataclass(frozen=True, slots=True)
class Decision:
    """One decision: the words that record it, and the rule that saw it."""

    text: str
    rule: str
    """The id of the rule that read it (`decisions.resolved`)."""
    line: int
    """Index of the line it starts on."""
    marker: str = ""
    """The words that announced it when they share its line ("Resolved: -")."""
    whole_line: bool = False
    """The decision (with its marker) is the whole of one line, so the body can set it as a list entry."""


@dataclass(slots=True)
class _Paragraph:
    text: str
    first: int
    lines: list[int] = field(default_factory=list)
    enumerated: bool = False
    """A list entry ("(2) That …", "b) …", "3. That …")."""
    breaks: list[int] = field(default_factory=list)
    """Where in `text` each line joined to the first begins."""


def paragraphs(lines: Sequence[Line], shapes_: Sequence[Shape], start: int, end: int) -> list[_Paragraph]:
    """The item's text as paragraphs: wrapped lines joined, list entries and quotations apart."""
    out: list[_Paragraph] = []
    current: _Paragraph | None = None
    for i in range(start, end):
        line, shape = lines[i], shapes_[i]
        if line.artefact or not shape.text:
            current = None
            continue
        starts_new = (
            current is None
            or shape.bullet
            or shape.heading
            or shape.table
            or bool(_ENUMERATION.match(shape.text))
            or (
                bool(_THAT.match(shape.text) or _MARKER_LINE.match(shape.text))
                and current is not None
                and current.text.endswith((".", ":", "”", '"'))
            )
            or re.match(r"^\s*\d{1,2}[.)]\s", line.text) is not None
            or (current is not None and current.text.endswith((".", ":")) and len(current.text.split()) <= 3)
            or (current is not None and _MARKER_ALONE.fullmatch(current.text) is not None)
        )
        if starts_new or current is None:
            text = (
                line.text.strip().strip("|").strip() if shape.table and "\t" in line.text else shape.text
            )  # a table row keeps its cells
            current = _Paragraph(text, i, [i], bool(_ENUMERATION.match(shape.text)))
            out.append(current)
        else:
            current.text += " "
            current.breaks.append(len(current.text))
            current.text += shape.text
            current.lines.append(i)
    return out


_MARKER_ALONE = re.compile(rf"(?:{_RESOLUTION_HEADING})\s*:?|DECISION|AGREED|RESOLVED")
"""A marker on a line of its own ("RESOLUTION" over "Moved Cr A Seconded Cr B"): what follows is a paragraph of its own."""
_MOVER_ONLY = re.compile(
    r"(?i)(?:moved|proposed)(?:\s+by)?[\s:]+[^.;]{2,60}?[\s,;.]+seconded(?:\s+by)?[\s:]+[^.;]{2,60}?\.?"
)
"""Who moved and seconded, and nothing else ("Moved Cr Schultz Seconded Cr Pappas"), between a marker and its resolution."""


def _sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE.split(text) if s.strip()]


def _strip_enumeration(text: str) -> str:
    return _ENUMERATION.sub("", text, count=1).strip() if _ENUMERATION.match(text) else text.strip()


def _split_enumerated(text: str) -> list[str]:
    """ "(1) That … (2) That …" run together in one paragraph: the parts."""
    marks = list(re.finditer(r"(?:^|\s)\((\d{1,2}|[a-h]|[ivx]{1,4})\)\s+(?=[A-Z\"“])", text))
    if len(marks) < 2:
        return [text]
    parts = [
        text[marks[n].start() : marks[n + 1].start() if n + 1 < len(marks) else len(text)] for n in range(len(marks))
    ]
    return [_strip_enumeration(p.strip()) for p in parts]


# --- the rules, by id ----------------------------------------------------------------------------

RESOLUTION_LISTED = "decisions.resolution-listed"
RESOLVED = "decisions.resolved"
NUMBERED = "decisions.numbered-resolutions"
IN_TABLE = "decisions.in-table"
CLAUSE_IN_HEADING = "decisions.clause-in-heading"
CLAUSE = "decisions.clause-in-capitals"
VOTE = "decisions.roll-call-vote"
REFERRED = "decisions.referred"
OUTCOME = "decisions.outcome"
AGREED = "decisions.agreed"
AND_AGREED = "decisions.and-agreed"
PRESENT_TENSE = "decisions.present-tense"
ELECTED = "decisions.declared-elected"
CONFIRMED = "decisions.minutes-confirmed"
MINUTES_APPROVED = "decisions.minutes-approved"
EACH_RESOLVED = "decisions.each-resolved"
PASSIVE_APPROVED = "decisions.passive-approved"
BARE_OUTCOME = "decisions.bare-outcome"

STRONG = 0.75
"""A decision read by a rule weighing less is a weak one: the words may record a decision or only talk of one."""


@runner(Fact.DECISION)
def _run_decision_example(decision_rule: Rule, case: Example) -> object:
    """The given lines as an item's text (a first line "title: …" is its heading); the words of each
    decision the rule saw there as the decoder reads them, or None."""
    given = list(case.given)
    title = given.pop(0)[len("title: ") :] if given and given[0].startswith("title: ") else ""
    lines = clean_lines("\n".join(given) + "\n")
    seen = [d.text for d in read_decisions(lines, 0, len(lines), title) if d.rule == decision_rule.id]
    return seen or None


@rule(
    RESOLUTION_LISTED,
    Fact.DECISION,
    example(
        "RESOLVED:",
        "(1) That the report be noted.",
        "(2) That the clerk obtain quotes.",
        expect=["That the report be noted.", "That the clerk obtain quotes."],
    ),
    example("Decision:", "", "That the report be approved.", expect=["That the report be approved."]),
    example("(1) That the report be noted.", expect=None, note="no RESOLVED above it"),
    example(
        "RESOLUTION",
        "Moved Cr Hale Seconded Cr Orr",
        "",
        "That Council:",
        "",
        "1. endorse the plan;",
        "2. give public notice.",
        expect=["endorse the plan;", "give public notice."],
        note="the marker over who moved it; the parts under 'That Council:' counted, not the line opening them",
    ),
    example("RECOMMENDATION", "", "That Council:", "", "1. endorse the plan;", expect=None, note="an officer's advice"),
    example(
        "Resolution number ISC/2024/8",
        "Moved: Cr J Kerrigan Seconded: Mayor H Brackenridge",
        "",
        "That the Committee:",
        "",
        "a) receives the report.",
        "b) approves the seal extension.",
        expect=["receives the report.", "approves the seal extension."],
        note="a resolution's number over who moved it opens its lettered parts",
    ),
)
def resolution_listed(after_marker: bool, enumerated: bool, text: str, expected: str) -> bool:
    """Each entry of a list of resolutions under a RESOLVED, or a "That …" paragraph after one.

    Written for English councils that print "RESOLVED:" on its own line and the resolutions numbered or
    lettered under it; `expected` carries the count on ("(2)" after "(1)") when the first shared the marker's line."""
    label = enumeration_label(text)
    return (after_marker and (enumerated or bool(_THAT.match(text)))) or bool(expected and label == expected)


@rule(
    RESOLVED,
    Fact.DECISION,
    example(
        "RESOLVED: That the minutes be approved as a correct record.",
        expect=["That the minutes be approved as a correct record."],
    ),
    example("It was resolved that the precept be set at £10,000.", expect=["that the precept be set at £10,000."]),
    example("BE IT RESOLVED THAT the donation be made.", "DEFEATED", expect=None, note="a motion put and lost"),
    example(
        "RESOLVED: that the following appointments be made:",
        "",
        "Village Hall Committee\tCllr Pike",
        expect=["that the following appointments be made:"],
        note="one decision over the table it makes",
    ),
    example("AGREED: to accept the quote from Smith Ltd.", expect=["to accept the quote from Smith Ltd."]),
    example(
        "RECOMMENDED – that the Food Service Plan be adopted.",
        expect=["that the Food Service Plan be adopted."],
        note="a committee's decision put to its council",
    ),
    example("It is recommended that the plan be adopted.", expect=None, note="an officer's advice"),
    example("Members were reminded that the resolved matters are outstanding.", expect=None),
    example(
        "The council considered the application and resolved to support it.",
        expect=["to support it."],
        note="'resolved' after 'and', its subject told before",
    ),
    example("The panel discussed and resolved matters arising.", expect=None),
)
def resolved(text: str) -> re.Match[str] | None:
    """The words announcing a decision: "RESOLVED:", "It was resolved", "The council resolved", "AGREED:", "DECISION:".

    Written for English and Welsh councils' minutes ("PENDERFYNWYD"), which record every decision so."""
    return _RESOLVED.search(text) or _DECISION_MARK.search(text)


_ACTS = (
    "pay|approve|accept|adopt|donate|support|object|increase|decrease|purchase|buy|renew|grant|award|spend|contribute|"
    "appoint|co-opt|refuse|defer|write|send|order|obtain|seek|fund|install|replace|repair|employ|engage|proceed|"
    "remain|continue|reimburse|set|allocate|apply|join|sign|request|ask|instruct|delegate|authori[sz]e|agree|"
    "reject|decline|approach|investigate|leave|keep|change|amend|retain|pursue|offer"
)
_EACH_RESOLVED = re.compile(
    rf"\bresolved\s+(?:unanimously\s+)?(?:not\s+)?to\s+(?:{_ACTS})\b"
    r"|\b(?:was|were)\s+(?:unanimously\s+)?(?:\w+\s+and\s+)?approved\s+by\s+(?:the\s+)?"
    r"(?:parish\s+|town\s+|community\s+)?(?:council|committee|board|meeting|members|councillors)\b",
    re.IGNORECASE,
)
"""What a parish council resolved, each told in passing: "…, resolved to pay £60", "mowing resolved to pay £1080",
"The Accounts were approved by the Parish Council"."""


@rule(
    EACH_RESOLVED,
    Fact.DECISION,
    example(
        "Fellrunner letter received, resolved to pay £60 Invoice from G Johns, £1177.00, resolved to pay",
        "Invoice from Amazon of £50.71, resolved to pay.",
        expect=[
            "Fellrunner letter received, resolved to pay £60",
            "Invoice from G Johns, £1177.00, resolved to pay",
            "Invoice from Amazon of £50.71, resolved to pay.",
        ],
    ),
    example(
        "Audit of Accounts - The Accounts were approved by the Parish Council and signed by the Chairman",
        expect=["Audit of Accounts - The Accounts were approved by the Parish Council and signed by the Chairman"],
    ),
    example("The plans were approved by the County Council last year.", expect=None),
    example("The matter was resolved to everyone's satisfaction.", expect=None),
    weight=0.5,
)
def each_resolved(text: str, breaks: Sequence[int] = ()) -> list[str]:
    """Each decision a paragraph tells in passing, where it tells two or more, or one without a RESOLVED to
    announce it: the words about it, from the line, sentence or decision before it to its sum, or else to the
    end of its line or sentence.

    Written for English parish councils that minute each invoice "resolved to pay" in one running paragraph."""
    found = list(_EACH_RESOLVED.finditer(text))
    out = []
    taken = 0
    for n, m in enumerate(found):
        starts = [taken, *(b for b in breaks if b <= m.start())]
        starts += [stop.end() for stop in _STOP.finditer(text, 0, m.start())]
        start = max(starts)
        stop = _STOP.search(text, m.end())
        ends = [len(text), *(b for b in breaks if b > m.end())] + ([stop.start() + 1] if stop else [])
        end = min(ends + ([found[n + 1].start()] if n + 1 < len(found) else []))
        sum_ = _SUM.search(text, m.end(), end)
        taken = sum_.end() if sum_ else end
        out.append(text[start:taken].strip(" ,;–—-"))
    return out


_STOP = re.compile(r"[.!?](?:\s+|$)")
_SUM = re.compile(r"[£$€]\s*[\d,]*\d(?:\.\d\d)?")


@rule(
    NUMBERED,
    Fact.DECISION,
    example(
        "Resolved:- (1) That the report be noted. (2) That a further report be submitted.",
        expect=["That the report be noted.", "That a further report be submitted."],
    ),
    example("Resolved: That the report be noted.", expect=None),
)
def numbered_resolutions(rest: str) -> list[str]:
    """ "(1) That … (2) That …" run together after one RESOLVED: each a decision.

    Written for exports that join a numbered list of resolutions into the marker's paragraph."""
    return _split_enumerated(rest)


@rule(
    IN_TABLE,
    Fact.DECISION,
    example("21/0042\tNew porch, 3 Mill Lane\tApproved", expect=["21/0042 – New porch, 3 Mill Lane – Approved"]),
    example("21/0042\tNew porch, 3 Mill Lane\tPending", expect=None),
)
def in_table(text: str) -> str:
    """A row of a grants or applications table whose last column records what was decided ("Approved").

    Written for planning committees' lists of applications, a decision in the last column."""
    if "\t" not in text:
        return ""
    cells = [c.strip() for c in text.split("\t") if c.strip()]
    return " – ".join(cells) if len(cells) >= 2 and _TABLE_DECISION.match(cells[-1]) else ""


@rule(
    CLAUSE_IN_HEADING,
    Fact.DECISION,
    example(
        "title: REPORT OF THE CLERK BE RECEIVED",
        "The clerk presented the report.",
        expect=["REPORT OF THE CLERK BE RECEIVED"],
    ),
    example("title: REPORT OF THE CLERK", "The clerk presented the report.", expect=None),
)
def clause_in_heading(title: str) -> int:
    """A clause in capitals in an item's heading ("REPORT OF THE CLERK BE RECEIVED"): one decision each.

    Written for Canadian and Irish councils that print the decision as the item's title."""
    return len(_CLAUSE.findall(title))


@rule(
    CLAUSE,
    Fact.DECISION,
    example(
        "That the report of the clerk BE RECEIVED. Motion Passed.", expect=["That the report of the clerk BE RECEIVED."]
    ),
    example("The report was received.", expect=None),
)
def clause_in_capitals(sentence: str) -> int:
    """A clause in capitals ("That the report BE RECEIVED"): one decision for each.

    Written for Canadian town councils, which print the operative verb of a resolution in capitals."""
    return len(_CLAUSE.findall(sentence))


@rule(
    VOTE,
    Fact.DECISION,
    example("Motion to approve the minutes (Y-5, N-0).", expect=["Motion to approve the minutes (Y-5, N-0)."]),
    example("Motion to approve the minutes.", expect=None),
)
def roll_call_vote(sentence: str) -> int:
    """A roll-call tally after a motion ("(Y-5, N-0)"): one decision for each.

    Written for American boards that record each motion with its vote and no outcome word."""
    return len(_VOTE.findall(sentence))


@rule(
    REFERRED,
    Fact.DECISION,
    example(
        "The application was REFERRED TO the planning committee.",
        expect=["The application was REFERRED TO the planning committee."],
    ),
    example("The application was referred to in the report.", expect=None),
)
def referred(sentence: str) -> int:
    """ "REFERRED TO" in capitals: the matter sent on to another body.

    Written for councils that print their decisions' verbs in capitals."""
    return 1 if _REFERRED.search(sentence) else 0


@rule(
    OUTCOME,
    Fact.DECISION,
    example(
        "Motion by Smith, second by Jones to approve the bills. Motion carried.",
        expect=["Motion by Smith, second by Jones to approve the bills. Motion carried."],
    ),
    example(
        "MOVED Director Orr, SECONDED Director Hale, THAT the agenda be approved. CARRIED Opposed: Director Nye",
        expect=[
            "MOVED Director Orr, SECONDED Director Hale, THAT the agenda be approved. CARRIED Opposed: Director Nye"
        ],
    ),
    example("The balance of £1,200 was CARRIED FORWARD to next year.", expect=None),
    example(
        "Moved by Orr, seconded by Hale to approve Resolution 2024-12. Roll call: Ayes: Orr, Hale. Nays: none. "
        "Resolution adopted.",
        expect=["Nays: none. Resolution adopted."],
    ),
    example(
        "RESOLVED: That the bills be paid.", "", "Motion carried.", expect=None, note="closes the decision counted"
    ),
    example("Councillors voted to approve the budget.", expect=["Councillors voted to approve the budget."]),
    example("Members voted on the matter but no decision was made.", expect=None),
    example(
        "Motion: To appoint Kyle Ames as Reserve Officer.",
        "Moved: Hale Seconded: Orr Vote: 3-0-0",
        expect=["Motion: To appoint Kyle Ames as Reserve Officer. Moved: Hale Seconded: Orr Vote: 3-0-0"],
    ),
    example(
        "That Council adopts the budget.",
        "",
        "Moved: Cr Marsh Seconded: Cr Doyle",
        "",
        "CARRIED 7/0",
        expect=["CARRIED 7/0"],
    ),
    example("Carried (7 to 1)", expect=["Carried (7 to 1)"]),
    example(
        "Sam made a motion to accept the minutes, 2nd by Matt. 5 yay 0 nay.",
        expect=["Sam made a motion to accept the minutes, 2nd by Matt. 5 yay 0 nay."],
    ),
    example(
        "These minutes were received, considered, and approved following the vote.",
        expect=["These minutes were received, considered, and approved following the vote."],
    ),
    example("The vote on the budget follows next month.", expect=None),
    example(
        "Stacey makes a motion to accept the bills. Charlie Second. Unanimous.",
        expect=["Stacey makes a motion to accept the bills. Charlie Second. Unanimous."],
    ),
    example("The decision was not unanimous.", expect=None),
    example(
        "M/S/C (Teague/Yoshimura) to approve the consent agenda as presented. (4-0)",
        expect=["M/S/C (Teague/Yoshimura) to approve the consent agenda as presented. (4-0)"],
    ),
    example("M/S/F (Teague/Okafor) to defer the rate increase. (2-3)", expect=None, note="the motion failed"),
    weight=0.5,
)
def outcome(sentence: str) -> int:
    """An outcome ("Motion carried", "Carried"): a decision, unless it closes one already counted.

    Written for American boards and English parish councils that record motions and then their fate."""
    return 1 if _OUTCOME.search(sentence) else 0


def _unless_refused(pattern: Worded | re.Pattern[str], sentence: str) -> int:
    """1 where `pattern` says a decision was made and the sentence does not say it was not ("not agreed")."""
    if not pattern.search(sentence):
        return 0
    return 0 if _NOT_AGREED.search(sentence) else 1


@rule(
    AGREED,
    Fact.DECISION,
    example("It was agreed to repair the bus shelter.", expect=["It was agreed to repair the bus shelter."]),
    example("The CC agreed to object to the application.", expect=["The CC agreed to object to the application."]),
    example(
        "Agreed that the Secretary writes to the council.", expect=["Agreed that the Secretary writes to the council."]
    ),
    example("The clerk agreed to look into it.", expect=None, note="an officer agreeing is no decision of the body"),
    example("agreed that buses should have green time", expect=None, note="a survey's answer run on from a line above"),
    example("It was not agreed to fund the event.", expect=None),
    example("Members agreed with the clerk's assessment.", expect=None),
    example(
        "It was proposed by Cllr. Mulcahy, seconded by Cllr. O’Dwyer and agreed to adopt the Schedule of Works.",
        expect=[
            "It was proposed by Cllr. Mulcahy, seconded by Cllr. O’Dwyer and agreed to adopt the Schedule of Works."
        ],
    ),
    example(
        "The motion was proposed by Cllr. Hayes, seconded by Cllr. Breen and agreed.",
        expect=["The motion was proposed by Cllr. Hayes, seconded by Cllr. Breen and agreed."],
    ),
    weight=0.5,
)
def agreed(sentence: str) -> int:
    """ "It was agreed", "Members agreed", "agreement was reached", "All present agreed".

    Written for Scottish community councils and English parish councils that write decisions as prose."""
    return _unless_refused(_AGREED, sentence)


@rule(
    AND_AGREED,
    Fact.DECISION,
    example(
        'Proposed by Cllr Hale, Seconded by Cllr Orme AND AGREED "To confirm the minutes".',
        expect=['Proposed by Cllr Hale, Seconded by Cllr Orme AND AGREED "To confirm the minutes".'],
    ),
    example("Proposed by Cllr Hale and agreed by all.", expect=None),
    weight=0.5,
)
def and_agreed(sentence: str) -> int:
    """ "… AND AGREED" or "… AND CARRIED" in capitals after a proposal.

    Written for English parish councils that close a proposer's line so."""
    return _unless_refused(_AND_AGREED, sentence)


@rule(
    PRESENT_TENSE,
    Fact.DECISION,
    example(
        "The Committee notes the report and agrees the work programme.",
        expect=["The Committee notes the report and agrees the work programme."],
    ),
    example("This Council notes the rise in fuel poverty.", expect=None, note="a motion, not a decision"),
    weight=0.5,
)
def present_tense(sentence: str) -> int:
    """The body speaking now ("The Committee notes the report and agrees …").

    Written for council web pages that print decisions in the present tense."""
    return _unless_refused(_PRESENT_TENSE, sentence)


@rule(
    ELECTED,
    Fact.DECISION,
    example(
        "The Cathaoirleach declared Councillor Stephen Keary elected.",
        expect=["The Cathaoirleach declared Councillor Stephen Keary elected."],
    ),
    example("Councillor Keary was elected in 2019.", expect=None),
)
def declared_elected(sentence: str) -> int:
    """ "X was declared elected", "declared X elected": an election at the meeting.

    Written for annual meetings that elect a chair and Irish councils that elect their Cathaoirleach."""
    return _unless_refused(_ELECTED, sentence)


@rule(
    CONFIRMED,
    Fact.DECISION,
    example(
        "The minutes of the meeting held on 3 March were confirmed as a true copy and signed.",
        expect=["The minutes of the meeting held on 3 March were confirmed as a true copy and signed."],
    ),
    example("A true copy of the minutes is attached.", expect=None),
)
def minutes_confirmed(sentence: str) -> int:
    """Minutes "confirmed as a true copy", "approved as a correct record".

    Written for minutes whose first item approves the last meeting's minutes."""
    return _unless_refused(_CONFIRMED, sentence)


@rule(
    MINUTES_APPROVED,
    Fact.DECISION,
    example(
        "The minutes of the last meeting were read, approved and signed.",
        expect=["The minutes of the last meeting were read, approved and signed."],
    ),
    example("The minutes of the last meeting were circulated.", expect=None),
    example(
        "The minute of the meeting of 3 May 2023 was approved.",
        expect=["The minute of the meeting of 3 May 2023 was approved."],
        note="a Scottish council's minute, in the singular",
    ),
    example("A minute's silence was observed and the flag was signed.", expect=None),
)
def minutes_approved(sentence: str) -> int:
    """ "The minutes … were approved", "approval of the minutes … carried".

    Written for parish and township minutes that say the last minutes were read and approved."""
    return _unless_refused(_MINUTES_APPROVED, sentence)


@rule(
    PASSIVE_APPROVED,
    Fact.DECISION,
    example(
        "The grant request from the Scouts was approved.", expect=["The grant request from the Scouts was approved."]
    ),
    example("Invoices for March were approved as follows:", expect=["Invoices for March were approved as follows:"]),
    example("The report was noted, approved, and signed.", expect=["The report was noted, approved, and signed."]),
    example("The scheme had been approved last year.", expect=None, note="reported, not decided at the meeting"),
    example("The request was not approved.", expect=None),
    example("The plan was approved by HCC in May.", expect=None, note="another body's decision"),
    example("Was the lease approved?", expect=None),
    example("The original bid was for £900 and £400 was approved.", expect=None, note="told of an earlier decision"),
    example("A further £300 was approved at the March Finance Committee meeting.", expect=None),
    example("These payments were approved under Minute 9.1 above.", expect=None),
    example(
        "The following cheques were approved at the meeting:",
        expect=["The following cheques were approved at the meeting:"],
    ),
    example("If the quote was approved, work would start.", expect=None),
    weight=0.5,
)
def passive_approved(sentence: str) -> int:
    """ "… was approved", "… were approved as follows:", "… was noted, approved, and signed": one decision.

    Written for English parish minutes that record each thing approved in the passive ("The Risk Register
    was approved.")."""
    if sentence.rstrip().endswith("?"):
        return 0
    found = _PASSIVE_APPROVED.search(sentence)
    if not found:
        return 0
    clause = re.split(r"[,;:–—]", sentence[: found.start()])[-1].strip()
    if _NOT_A_DECISION.match(clause) or _NOT_A_DECISION.match(sentence.strip()) or _EARLIER.search(sentence):
        return 0
    return 1


@rule(
    BARE_OUTCOME,
    Fact.DECISION,
    example(
        "Approved: proposed Colin Dick, seconded Ewan Fyfe.",
        expect=["Approved: proposed Colin Dick, seconded Ewan Fyfe."],
    ),
    example("Minutes approved.", expect=["Minutes approved."]),
    example("Approved as circulated.", expect=["Approved as circulated."]),
    example("Adopted", expect=None, note='a status reported beside a title ("Fife Development Plan – Adopted")'),
    example("Minutes approved at the last meeting were signed.", expect=None),
)
def bare_outcome(sentence: str) -> int:
    """The outcome printed alone, with who moved it or how ("Approved: proposed C Dick, seconded E Fyfe", "Approved as
    circulated", "Minutes approved"): a decision, where nothing before it in its paragraph was one.

    Written for community councils' minutes, which note the outcome and its proposer in a few words."""
    return 1 if _BARE_OUTCOME.search(sentence) else 0


SENTENCE_RULES: tuple[str, ...] = (
    CLAUSE,
    VOTE,
    REFERRED,
    OUTCOME,
    AGREED,
    AND_AGREED,
    PRESENT_TENSE,
    ELECTED,
    CONFIRMED,
    MINUTES_APPROVED,
    PASSIVE_APPROVED,
    BARE_OUTCOME,
)
"""The rules that read one sentence, in the order they are tried: the first that sees a decision has it."""


def strong(decision: Decision) -> bool:
    """Whether the rule that read the decision is one whose words surely record one."""
    return weight_of(decision.rule) >= STRONG


# --- the decoder ---------------------------------------------------------------------------------


@dataclass(slots=True)
class _Reading:
    """Decisions read so far under an item, and what the paragraphs before say of the next."""

    found: list[Decision] = field(default_factory=list)
    after_marker: bool = False
    """A RESOLVED with nothing after it: the paragraphs that follow are its resolutions."""
    counted_open: bool = False
    """The last decision counted may be closed by an outcome ("Motion carried"), which is then not another."""
    expected: str = ""
    """The label the next entry of a resolution list would carry ("2", "b")."""
    provisional: Decision | None = None
    """A decision whose words end with a colon ("RESOLVED to approve the payments below:"): one decision, unless
    resolutions are listed under it, which are then counted instead."""
    outcome_before: bool = False
    """The sentence before, in the same paragraph, told a motion's outcome: an outcome straight after it is the
    same motion's ("Roll call vote: 8 yes, 0 no. Motion carried.")."""


def read_decisions(
    lines: Sequence[Line], start: int, end: int, title: str = "", shapes_: Sequence[Shape] | None = None, lead: str = ""
) -> list[Decision]:
    """The decisions recorded in lines[start:end], the text under an item's heading (and `lead`,
    text run on after the heading on its own line)."""
    shapes_ = shapes_ or line_shapes(lines)
    paras = ([_Paragraph(lead, max(start - 1, 0), [])] if lead else []) + paragraphs(lines, shapes_, start, end)
    reading = _Reading()
    if title and enabled(CLAUSE_IN_HEADING):
        reading.found.extend(Decision(title, CLAUSE_IN_HEADING, start) for _ in range(clause_in_heading(title)))
    if title and title not in lead and enabled(PASSIVE_APPROVED) and passive_approved(title):
        # "(c) The following cheques were approved:": a sub-minute whose title is the sentence recording it
        reading.found.append(Decision(title, PASSIVE_APPROVED, start))
    for para in _minutes_part(paras):
        _read_paragraph(para, reading)
    # "BE IT RESOLVED THAT the donation be made. DEFEATED": a motion put and lost decides nothing
    reading.found = [d for d in reading.found if not _LOST_AT_END.search(d.text)]
    if not _ADJOURNMENT.search(title):
        # "A motion to adjourn … Motion carried." run on under the last item: the meeting closing, not its business
        return [d for d in reading.found if not _ADJOURNMENT.search(d.text)]
    return reading.found


_LOST_AT_END = re.compile(r"(?<![\w-])(?-i:DEFEATED|LOST|FAILED|NOT\s+CARRIED|Defeated|Lost|Failed)\.?\s*$")
"""A motion's outcome, when it fell, closing the words read as a decision."""
_ADJOURNMENT = re.compile(
    r"(?i)\b(?:(?:motion|moved|move)\s++(?:was\s++made\s++)?(?:by\s++\w++\s++)?to\s++adjourn\b"
    r"(?!\s++(?:the\s++)?(?:item|matter|consideration|application|debate|discussion|decision)\b)"
    r"|adjourn(?:ed)?\s++the\s++meeting\b|meeting\s++(?:was\s++)?adjourned\b|adjournment\b)"
)
"""Closing the meeting ("A motion to adjourn …", "Moved by Orr to adjourn", an item titled "Adjournment"), not
an item put off ("moved to adjourn the item to the next meeting")."""


def _read_paragraph(para: _Paragraph, reading: _Reading) -> None:
    text = para.text
    label = enumeration_label(text)
    if enabled(RESOLUTION_LISTED) and resolution_listed(reading.after_marker, para.enumerated, text, reading.expected):
        if reading.provisional is not None:
            reading.found.remove(reading.provisional)  # the list under it holds the decisions
            reading.provisional = None
        whole = len(para.lines) == 1
        reading.found.append(Decision(_strip_enumeration(text), RESOLUTION_LISTED, para.first, whole_line=whole))
        if not label and text.rstrip().endswith(":") and len(text.split()) <= 8:
            # "That Council:" with its numbered parts below: one decision, unless the parts follow, counted instead
            reading.provisional = reading.found[-1]
        reading.counted_open = True
        reading.expected = _after(label) if label else ""
        return
    if reading.after_marker and _MOVER_ONLY.fullmatch(text):
        return  # "RESOLUTION" / "Moved Cr A Seconded Cr B" / "That Council …": the marker still opens what follows
    reading.after_marker = False
    reading.provisional = None
    marker = resolved(text) if enabled(RESOLVED) else None
    each = each_resolved(text, para.breaks) if enabled(EACH_RESOLVED) else []
    if len(each) >= 2 or (each and not marker):
        reading.found.extend(Decision(words, EACH_RESOLVED, para.first) for words in each)
        return
    if marker:
        _read_marked(para, marker, reading)
        return
    row = in_table(text) if enabled(IN_TABLE) else ""
    if row:
        reading.found.append(Decision(row, IN_TABLE, para.first))
        return
    reading.outcome_before = False
    for sentence in _sentences(text):
        _read_sentence(sentence, para, reading)


def _read_marked(para: _Paragraph, marker: re.Match[str], reading: _Reading) -> None:
    """A paragraph with a RESOLVED: the decision after it, the numbered ones run together, or none
    (the resolutions follow in the next paragraphs)."""
    text = para.text
    rest = text[marker.end() :].strip()
    if re.fullmatch(r"(?:that|THAT|That)?\s*[:\-–—]*", rest):
        rest = ""  # "RESOLVED that:" with the resolutions listed below
    elif (
        (re.match(r"(?i)to\s+\w", rest) or (re.match(r"(?i)that\s+.+\bbe\s+\w+", rest) and len(rest.split()) <= 8))
        and re.search(r":\s*$", rest)
        and not _ENUMERATION.search(rest)
    ):
        # "RESOLVED to approve the payments listed below:", "RESOLVED: that the following appointments be made:": a
        # decision, or the list under it holds them
        reading.provisional = Decision(rest, RESOLVED, para.first)
        reading.found.append(reading.provisional)
        reading.after_marker, reading.counted_open = True, True
        return
    elif re.search(r"[:–—-]\s*$", rest) and len(rest.split()) <= 8 and not _ENUMERATION.search(rest):
        rest = ""  # "RESOLVED that Cabinet:" / "RESOLVED that the Council –" with its list below
    parts = numbered_resolutions(rest) if rest and enabled(NUMBERED) else []
    opening = text[: marker.end()].strip() if marker.start() == 0 else ""
    if len(parts) > 1:
        reading.found.extend(Decision(p, NUMBERED, para.first, opening) for p in parts)
    elif rest and (rest[:1].isupper() or _THAT.match(rest) or rest[:1] in '("“'):
        whole = len(para.lines) == 1 and bool(opening)
        reading.found.append(Decision(_strip_enumeration(rest), RESOLVED, para.first, opening, whole))
        if _ENUMERATION.match(rest):
            # "Resolved: (1) That …" — the entries after it are resolutions too.
            reading.after_marker = reading.counted_open = True
            reading.expected = _after(enumeration_label(rest))
            return
    elif rest and re.match(r"^(?:to|that)\b", rest, re.IGNORECASE):
        reading.found.append(Decision(rest, RESOLVED, para.first))
    else:
        reading.after_marker = not rest
        if rest:
            reading.found.append(Decision(text, RESOLVED, para.first))
    reading.counted_open = bool(rest)


def _read_sentence(sentence: str, para: _Paragraph, reading: _Reading) -> None:
    """The first sentence rule that sees a decision in `sentence` has it."""
    outcome_before, reading.outcome_before = reading.outcome_before, False
    if _ATTESTED.match(sentence):
        return  # "I certify that these minutes were confirmed …", "Minutes approved: October 16, 2023": a signature's

    for rule_id in SENTENCE_RULES:
        if not enabled(rule_id):
            continue
        count = REGISTRY[rule_id].func(sentence)
        if not count:
            continue
        if rule_id == BARE_OUTCOME and any(d.line == para.first for d in reading.found):
            return  # "Motion approved and seconded. Minutes approved.": the outcome of the motion already counted
        if rule_id == OUTCOME:
            reading.outcome_before = True
            if reading.counted_open:
                reading.counted_open = False  # "That … BE RECEIVED. Motion Passed.": one decision
            elif not outcome_before:  # (an outcome straight after another is the same motion's)
                reading.found.append(Decision(_motion(para.text, sentence), OUTCOME, para.first))
            return
        reading.found.extend(Decision(sentence, rule_id, para.first) for _ in range(count))
        if rule_id == CLAUSE or _THAT.match(sentence):
            # "That the minutes … be confirmed as a true and correct record." / "CARRIED": the motion's words, counted,
            # then its outcome, which is not another decision
            reading.counted_open = True
        elif rule_id == VOTE:
            reading.counted_open = False
        return


def enumeration_label(text: str) -> str:
    match = _ENUMERATION.match(text)
    return (match.group("n") or match.group("m") or "") if match else ""


def _after(label: str) -> str:
    """The label after "1", "a" or "ii"."""
    if label.isdigit():
        return str(int(label) + 1)
    romans = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"]
    if (label in romans[:-1] and label not in ("v", "x")) or label == "i":
        return romans[romans.index(label) + 1]
    if len(label) == 1 and label.isalpha():
        return chr(ord(label) + 1)
    return ""


def _motion(paragraph: str, outcome: str) -> str:
    """The words a bare outcome closes: "Motion by X, second by Y to approve …. Motion carried."."""
    sentences = _sentences(paragraph)
    if outcome in sentences:
        at = sentences.index(outcome)
        first = at - 1
        if first > 0 and len(sentences[first].split()) <= 4 and re.search(r"(?i)\bsecond", sentences[first]):
            first -= 1  # "Stacey makes a motion to …. Charlie Second. Unanimous.": the seconder's own sentence
        if first >= 0:
            return " ".join((*sentences[first:at], outcome))
    return paragraph if len(paragraph) < 400 else outcome


def _minutes_part(paras: list[_Paragraph]) -> list[_Paragraph]:
    """A ModernGov page prints an item's decision twice, under "Decision:" and again in its
    "Minutes:"; read only the minutes when both are there."""
    labels = [n for n, p in enumerate(paras) if p.text.strip() in ("Decision:", "Minutes:")]
    texts = [paras[n].text.strip() for n in labels]
    if "Decision:" in texts and "Minutes:" in texts:
        d = labels[texts.index("Decision:")]
        m = labels[texts.index("Minutes:")]
        if d < m:
            return paras[:d] + paras[m + 1 :]
        return paras[:m] + paras[m + 1 : d]
    return paras
