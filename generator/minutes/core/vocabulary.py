"""The words papers name people with: titles, roles, honours and absence marks, as data.

The converter reads names in attendance lists and in the text of minutes (who took the
chair, who arrived or left, which councillors an item names), and the site's people
register reads the names the records hold. Both take their words from here, so "Cr Jones",
"Cllr. Jones" and "Councillor Jones" are the same councillor on either side: both read a name
through `core.name_grammar`, whose token classes (titles, honours, notes …) are these lists,
and the readers of sentences build the patterns they need with `alternation`. The labels that
open an attendance list are kept here too, as the regexes the converter matches them with.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

MEMBER_TITLES: tuple[str, ...] = (
    "Councillor",
    "Cllr",
    "Cr",
    "County Councillor",
    "District Councillor",
    "Borough Councillor",
    "Town Councillor",
    "Parish Councillor",
    "Mayor",
    "Deputy Mayor",
    "Mayor Pro Tem",
    "Mayor Pro Tempore",
    "Lord Mayor",
    "Deputy Lord Mayor",
    "Alderman",
    "Reeve",
    "Deputy Reeve",
)
"""Titles of an elected member of the council: a name printed with one is a councillor's."""

MEMBER_GROUP_TITLES: dict[str, str] = {
    "Councillors": "Councillor",
    "Cllrs": "Cllr",
    "Crs": "Cr",
    "Aldermen": "Alderman",
}
"""A title before a list of members ("Councillors Atkin, Beaumont and Clark"), and the title of each."""

BOARD_MEMBER_TITLES: tuple[str, ...] = (
    "Commissioner",
    "Supervisor",
    "Trustee",
    "Councilmember",
    "Council Member",
    "Board Member",
    "Selectman",
    "Selectwoman",
    "Selectperson",
    "Alderperson",
    "President",
    "Vice President",
    "Vice-President",
)
"""Titles of a member of a board that is not a council (American townships, villages and cities): "Trustee
Hale", "Supervisor Liccar". A name printed with one is a member of the body, not a councillor."""

BOARD_GROUP_TITLES: dict[str, str] = {
    "Councillor(s)": "Councillor",
    "Commissioners": "Commissioner",
    "Supervisors": "Supervisor",
    "Trustees": "",
    "Councilmembers": "",
    "Council Members": "",
    "Board Members": "",
    "Selectmen": "",
    "Selectpersons": "",
    "Directors": "",
    "Members": "",
    "Messrs": "Mr",
}
"""Other titles before a list of names ("Supervisors Hale and Orme", "Messrs Hale and Orme"), and the title
each name is given (none where the plural is a body's name for its members)."""

MILITARY_RANKS: tuple[str, ...] = ("Wg Cdr", "Flt Lt", "Flt Sgt", "Sqn Ldr", "Gp Capt", "Lt Col", "Capt", "Maj", "Cpl")
"""Ranks printed before a name in the lists of councils beside a base: their holders come for it."""

PERSONAL_TITLES: tuple[str, ...] = (
    "Mr",
    "Mrs",
    "Ms",
    "Miss",
    "Mx",
    "Dr",
    "Prof",
    "Professor",
    "Rev",
    "Revd",
    "Reverend",
    "Sir",
    "Dame",
    "Lady",
    "Lord",
    "Canon",
    "Father",
    "The Rt Hon",
    "Rt Hon",
    *MILITARY_RANKS,
)
"""Titles anyone may carry; they say nothing of membership."""

CHAIR_ROLES: tuple[str, ...] = (
    "Chair",
    "Chairman",
    "Chairwoman",
    "Chairperson",
    "Convener",
    "Convenor",
    "Presiding Officer",
    "Cathaoirleach",
    "President",
    "Shire President",
)
"""The person presiding, by the names councils give the office (a board's or a shire's President)."""

VICE_CHAIR_ROLES: tuple[str, ...] = (
    "Vice-Chair",
    "Vice Chair",
    "Vice-Chairman",
    "Vice Chairman",
    "Vice-Chairwoman",
    "Vice-Chairperson",
    "Vice Chairperson",
    "Deputy Chair",
    "Deputy Chairman",
    "Leas-Chathaoirleach",
)
"""The member who presides when the chair cannot."""

ROLES: tuple[str, ...] = (
    *CHAIR_ROLES,
    *VICE_CHAIR_ROLES,
    "Mayor",
    "Deputy Mayor",
    "Leader",
    "Deputy Leader",
    "Cabinet Member",
    "President",
    "Vice-President",
    "Clerk",
    "Deputy Clerk",
    "Secretary",
    "Treasurer",
    "Chief Executive",
    "Monitoring Officer",
    "Director",
    "Assistant Director",
    "Officer",
    "Manager",
)
"""Offices printed with or instead of a name ("Councillor Jarvis, the Vice-Chair", "The Clerk")."""

HONOURS: tuple[str, ...] = (
    "MBE",
    "OBE",
    "CBE",
    "KBE",
    "DBE",
    "BEM",
    "OAM",
    "AM",
    "AO",
    "AC",
    "QSM",
    "ONZM",
    "MNZM",
    "CNZM",
    "KNZM",
    "DNZM",
    "JP",
    "QC",
    "KC",
    "SC",
    "DL",
    "MP",
    "MSP",
    "MS",
    "PhD",
    "FRICS",
    "P.E.",
    "P.Eng.",
    "Esq.",
)
"""Letters after a name (honours, offices, degrees): "A G Ewart MBE", "J Davis OAM"."""

ABSENCE_MARKS: tuple[str, ...] = (
    "Absent",
    "Excused",
    "Excused Absent",
    "Absent Excused",
    "Not Present",
    "Apologies",
    "Apology",
    "Leave of Absence",
    "On Leave",
)
"""Notes in a list of members that say the member was not there: "Cr Brown (Excused Absent)"."""

ABSENCE_WORDS: tuple[str, ...] = ("absent", "absence", "excused", "apology", "apologies", "apologised", "apologized")
"""Words that, anywhere in a note by a name, say the member was not there: "(absent - ill)"."""

EXCUSED_WORDS: tuple[str, ...] = ("excused", "apology", "apologies", "apologised", "apologized")
"""Of those, the words that say the absence was excused (an apology was sent)."""

CHAIR_NOTES: tuple[str, ...] = ("Presiding", "Presided", "Chairing", "An Cathaoirleach")
"""Notes by a name that say the person chaired, besides the offices of `CHAIR_ROLES`: "(Presiding)"."""

CHAIR_QUALIFIERS: tuple[str, ...] = ("Outgoing", "Acting", "Retiring", "Presiding", "Meeting", "Interim")
"""Words before a chair's office that leave it the chair's: "(Acting Chair)"."""

UNBRACKETED_ABSENCE_MARKS: tuple[str, ...] = ("Absent", "Excused", "Not Present")
"""The absence marks a list prints after a name without brackets: "Trustee Hale Absent", "Cr Brown - excused"."""

SENTENCE_WORDS: frozenset[str] = frozenset(
    """
    with the it this that he she they there we on in at for from by and but as was were is are be been had has
    have of to who which when where being all no none apologies apology absence present resolved agreed noted
    """.split()
)
"""Words of a sentence, never of a name: a list that holds one has run into the text after it."""

NAME_PARTICLES: tuple[str, ...] = ("de", "van", "von", "le", "la", "du", "da", "der", "den", "ap")
"""Small words inside a name, printed in lower case: "Anna van der Berg", "Rhys ap Gwilym"."""

ABBREVIATED_TITLES: tuple[str, ...] = ("Mr", "Mrs", "Ms", "Dr", "Cllr", "Cllrs", "Rev")
"""Titles printed short, whose full stop ("Mr.", "Cllr.") ends no sentence."""

VICE_PREFIXES: tuple[str, ...] = ("Vice", "Deputy", "Leas")
"""The first word of an office that stands in for another: "Vice-Chair", "Deputy Mayor", "Leas-Chathaoirleach"."""


ATTENDANCE_LABELS: tuple[tuple[str, str], ...] = (
    (
        "membership",
        r"(?:committee\s+|board\s+|panel\s+)?membership|members\s+of\s+the\s+(?:committee|board|panel|sub-committee|cabinet)",
    ),
    (
        "chair",
        r"present\s+in\s+the\s+chair|in\s+the\s+chair|chair(?:man|person)?(?=\s*:)|presiding(?=\s*:)|(?:an\s+)?cathaoirleach",
    ),
    (
        "in_attendance",
        r"also\s+present|also\s+in\s+attendance|also\s+attending|hefyd\s+yn\s+bresennol|other\s+(?:members|councillors|attendees)(?:\s+(?:present|in\s+attendance|attending))?|"
        r"elected\s+members|associated\s+members|ward\s+(?:members|councillors)|county\s+councillors?|district\s+councillors?|"
        r"(?!(?:community|parish|town|city|council|elected|co-?opted|the|all|other)\b)(?:[a-z]{2,12}\s+){1,3}councillors(?=\s*:)|police(?=\s*:)|"
        r"public\s+(?:in\s+attendance|attending|present)|public\s+speakers?(?:\s*\(s\))?|members\s+of\s+the\s+public\s+present|"
        r"officers?(?:\s+(?:present|in\s+attendance|attending))?|officials?(?:\s+(?:present|in\s+attendance))?|"
        r"(?:administrators?|administration|administrative\s+staff)(?:\s+(?:present|in\s+attendance|attending))?(?=\s*:)|"
        r"(?:management\s+(?:and|&)\s+|(?:city|town|village|county|township|district|borough|council)\s+)?staff(?:\s+(?:present|in\s+attendance|attending))?|in\s+attendance|remote\s+attendance|attending\s+officers?|"
        r"advisers?|advisors?|guests?|visitors?|observers?|clerks?|council\s+officers?|others(?:\s+present)?(?=\s*:)|"
        r"(?:members\s+of\s+the\s+)?public(?:\s+(?:and|&)\s+(?:the\s+)?(?:media|press))?(?:\s+present)?|non-?members|ex[\s-]+officio(?:\s+members?)?",
    ),
    (
        "apologies",
        r"apolog(?:y|ies)(?:\s+for\s+absence)?(?:\s+(?:received|were\s+received|noted|accepted|given|intimated))?(?:\s+from)?|"
        r"absent\s+with\s+(?:apolog(?:y|ies)|regrets)|intimated\s+apologies|ymddiheuriadau|"
        r"regrets(?:\s+(?:received|were\s+received|noted))?(?:\s+from)?",
    ),
    (
        "absent",
        r"(?:(?:councillors|cllrs\.?|members)\s+)?absent|absentees|not\s+present|members\s+on\s+leave\s+of\s+absence|leave\s+of\s+absence|absent\s+without\s+apolog(?:y|ies)",
    ),
    (
        "members",
        r"(?:committee\s+|board\s+|council\s+|panel\s+|commission\s+|select\s*board\s+)?members\s+present|councillors\s+present|present\s+members|"
        r"(?:council|board|commission|committee)\s+present|"
        r"(?:vice|deputy)[\s-]+chair(?:man|woman|person)?(?=\s*:)|"
        r"(?:selectmen|selectpersons|trustees|commissioners|supervisors|aldermen|council\s?members|directors|governors)\s+present|"
        r"nominated\s+members|co-?opted\s+members|those\s+attending|"
        r"members\s+attending|present\s*\(members\)|(?:committee\s+)?members\s+in\s+attendance|voting\s+members|"
        r"committee\s+members|(?:community|parish|town|city)\s+(?:councillors|council\s+members)(?:\s+present)?|councillors|members|"
        r"cllrs\.?(?:\s+present)?|"
        r"those\s+present(?:\s+were)?|"
        r"(?:the\s+)?following\s+(?:(?:community|parish|town|city|board|committee)\s+)?(?:councillors|members)\s+were\s+present",
    ),
    (
        "present",
        r"present(?:\s+(?:for|at)\s+the\s+meeting|\s+in\s+(?:the\s+)?(?:council\s+)?(?:chamber|person|room)|"
        r"\s+remotely|\s+virtually|\s+online)?|attending|attendees|attendance|in\s+person|present\s+were|"
        r"those\s+in\s+attendance|sederunt|roll\s+call|"
        r"yn\s+bresennol|presennol",
    ),
)
"""The labels that open a list of people in minutes, as regexes, most particular first, each with the list it
opens: "membership", "chair", "in_attendance", "apologies", "absent", "members" (the body's own), "present"."""

ROLE_WORDS: frozenset[str] = frozenset(
    """
    councillor councillors cllr cllrs cr crs member members clerk clerks assistant deputy chief executive officer officers
    manager managers director directors head chair chairman chairwoman chairperson vice mayor president shire secretary
    treasurer solicitor lawyer planner planners engineer administrator administrative principal senior team leader services
    service democratic legal finance financial planning corporate general council of the and for to district county town
    parish community board governance adviser advisor advisors support monitoring development management regional
    operations division staff acting conservation waste plan co-ordinator coordinator staff clerical meetings sergeant
    arms attorney counsel city auditor accountant specialist licensing environmental health housing regeneration policy
    graduate area north south east west team assistant committee democracy communications press media scrutiny
    highways transport technical project projects programme program partner partnership representative representing
    cathaoirleach an leas presiding elect designate ex officio interim temporary strategic infrastructure asset assets
    strategy business customer resources human hr it digital estates property economic economy sustainability
    environment neighbourhood neighbourhoods children young people adult adults social care public education
    learning skills culture leisure sport tourism heritage parks recreation fire rescue police emergency safety
    inspector inspectors warden wardens commissioner commissioners supervisor supervisors alderman aldermen
    lead lord lieutenant high sheriff registrar coroner minute taker minutes taker note secretariat interpreter
    locum responsible rfo proper admin office finance translator pcso police constable sergeant inspector
    youth mayoress consort chaplain vicar rector secretary-treasurer correspondent town mayor guest guests
    superintendent comptroller marshal cao ceo cfo reeve
    observer observers trustee trustees councilmember councilmembers selectman selectmen selectwoman
    selectperson alderperson assessor highway road township
    """.split()
) | frozenset(word.lower() for role in ROLES for word in role.replace("-", " ").split())
"""Words of an office printed with or instead of a name ("Principal Planning Officer", "Town Clerk"): the
words of `ROLES` and many more."""

OFFICER_WORDS: frozenset[str] = frozenset(
    """
    clerk officer manager director head secretary solicitor lawyer planner engineer administrator administrative
    principal team assistant treasurer executive attorney counsel auditor accountant specialist adviser advisor
    coordinator co-ordinator sergeant arms staff inspector warden minute taker interpreter registrar governance
    locum rfo admin translator pcso constable assessor highway road superintendent comptroller cao ceo cfo
    """.split()
)
"""Words that make an office an officer's, not a member's."""

MEMBER_ROLE_WORDS: frozenset[str] = frozenset(
    "councillor councillors cllr cllrs cr crs member members mayor chair chairman chairperson vice president supervisor supervisors commissioner commissioners alderman reeve".split()
)
"""Words that make an office a member's ("Vice-Chairman", "Councillor")."""

SINGLE_WORD_ROLES: frozenset[str] = frozenset(
    "trustee trustees councilmember councilmembers selectman selectmen president "
    "clerk councillor councillors member members chairman chair chairperson chairwoman secretary treasurer mayor "
    "presiding officer officers vice-chairman vice-chair vice-chairperson supervisor supervisors commissioner "
    "commissioners substitute observer observers guest guests adviser advisor minute-taker rfo convenor convener "
    "vice-convenor vice-convener assessor superintendent comptroller cao ceo cfo reeve".split()
)
"""Offices a single capitalised word names beside a name ("Clerk"); other role words alone may be a surname."""


def alternation(words: Iterable[str]) -> str:
    """A regex group matching any of `words`: longest first, so "Deputy Mayor" wins over "Mayor";
    between words, a full stop and any run of white space ("The Rt. Hon."); a hyphen or a space
    where the word has a hyphen ("Vice Chair")."""
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    escaped = (re.escape(w).replace(r"\ ", r"\.?\s+").replace(r"\-", r"[\s-]") for w in ordered)
    return "(?:" + "|".join(escaped) + ")"


def absence_mark(note: str) -> bool:
    """Whether a note printed with a name ("(Excused Absent)", "absent") says the member was not there."""
    return " ".join(note.strip(" ()").split()).lower() in _ABSENCE


_ABSENCE = frozenset(mark.lower() for mark in ABSENCE_MARKS)


STREET_ENDINGS = (
    r"(?:Hwy|Highway|Road|Rd|Street|St|Avenue|Ave|Lane|Ln|Drive|Dr|Way|Blvd|Boulevard|Court|Ct|Place|Pl|Pike|Route|"
    r"Parkway|Pkwy|Square|Sq|Circle|Cir|Terrace|Crescent)\b"
)
"""The words that end a street's name in an address ("3389 Harmony Hwy", "1011 Mullis Street"), as a regex."""

BUILDINGS = (
    r"(?:halls?|library|rooms?|chambers?|centre|center|school|house|offices?|building|pavilion|church|guildhall|"
    r"court\s?room|court\s?house|auditorium)"
)
"""The words that name a building or a room a body meets in ("Village Hall", "Commissioners Courtroom"), as a regex
(matched ignoring case)."""
COUNTS = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
"""Small numbers in words, as a regex (matched ignoring case): a count of people, not a name."""
