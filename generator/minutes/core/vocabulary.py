"""The words papers name people with: titles, roles, honours and absence marks, as data.

The converter reads names in attendance lists and in the text of minutes (who took the
chair, who arrived or left, which councillors an item names), and the site's people
register reads the names the records hold. Both take their words from here, so "Cr Jones",
"Cllr. Jones" and "Councillor Jones" are the same councillor on either side. Each reader
builds the pattern it needs with `alternation`.
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
    "Lord Mayor",
    "Deputy Lord Mayor",
    "Alderman",
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
)
"""The person presiding, by the names councils give the office."""

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
)
"""Letters after a name (honours, offices, degrees): "A G Ewart MBE", "J Davis OAM"."""

ABSENCE_MARKS: tuple[str, ...] = (
    "Absent",
    "Excused",
    "Excused Absent",
    "Absent Excused",
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

CHAIR_NOTES: tuple[str, ...] = ("Presiding", "Presided", "An Cathaoirleach")
"""Notes by a name that say the person chaired, besides the offices of `CHAIR_ROLES`: "(Presiding)"."""

CHAIR_QUALIFIERS: tuple[str, ...] = ("Outgoing", "Acting", "Retiring", "Presiding", "Meeting", "Interim")
"""Words before a chair's office that leave it the chair's: "(Acting Chair)"."""

UNBRACKETED_ABSENCE_MARKS: tuple[str, ...] = ("Absent", "Excused")
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

VICE_PREFIXES: tuple[str, ...] = ("Vice", "Deputy", "Leas")
"""The first word of an office that stands in for another: "Vice-Chair", "Deputy Mayor", "Leas-Chathaoirleach"."""


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
