"""One vocabulary of names for the converter and the site: a word added to `core.vocabulary` is read by both.

Each case runs in a fresh interpreter that adds the word to the vocabulary before anything reads it (the
readers build their patterns on import), and reads the same printed names with the converter's attendance
lists (`people_in`, and whether two printed forms are one person there), its reader of councillors in running text (`councillors_named`) and the site's people
register (`parse_name`); the same run without the word shows the word is what made the difference.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

READ = r"""
import json, sys
from minutes.core import vocabulary
field, word = sys.argv[1], sys.argv[2]
if word:
    setattr(vocabulary, field, (*getattr(vocabulary, field), word))
from minutes.papers.attendance import AttendanceFound, people_in
from minutes.papers.people_in_text import councillors_named
from minutes.site.identities import parse_name
printed, listed = sys.argv[3], sys.argv[4]
site = parse_name(printed)
found = AttendanceFound()
found.add(found.present, [printed, "Ann Hale"])
print(json.dumps({
    "listed": [[p.name, p.member, p.chair] for p in people_in(listed)],
    "named": councillors_named(f"The report was presented by {printed} and noted."),
    "same": len(found.present) == 1,
    "site": [site.councillor, site.honorific, site.rest, list(site.given)],
}))
"""


def read(field: str, word: str, printed: str, listed: str) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", READ, field, word, printed, listed], capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout)


CASES = [
    pytest.param(
        "MEMBER_TITLES",
        "Bailie",
        "Bailie Ann Hale",
        "Bailie Ann Hale (Chair), Cllr Bob Orme",
        {
            "listed": [["Bailie Ann Hale", True, True], ["Cllr Bob Orme", True, False]],
            "named": ["Bailie Ann Hale"],
            "same": True,
            "site": [True, False, "Ann Hale", ["ann"]],
        },
        {
            "listed": [["Bailie Ann Hale", False, True], ["Cllr Bob Orme", True, False]],
            "named": [],
            "same": False,
            "site": [False, False, "Bailie Ann Hale", ["bailie", "ann"]],
        },
        id="a member's title",
    ),
    pytest.param(
        "PERSONAL_TITLES",
        "Sheriff",
        "Sheriff Ann Hale",
        "Sheriff Ann Hale, Cllr Bob Orme",
        {
            "listed": [["Sheriff Ann Hale", False, False], ["Cllr Bob Orme", True, False]],
            "named": [],
            "same": True,
            "site": [False, True, "Ann Hale", ["ann"]],
        },
        {
            "listed": [["Sheriff Ann Hale", False, False], ["Cllr Bob Orme", True, False]],
            "named": [],
            "same": False,
            "site": [False, False, "Sheriff Ann Hale", ["sheriff", "ann"]],
        },
        id="a personal title",
    ),
    pytest.param(
        "HONOURS",
        "GM",
        "Cllr Ann Hale GM",
        "Cllr Ann Hale, GM, Cllr Bob Orme",
        {
            "listed": [["Cllr Ann Hale", True, False], ["Cllr Bob Orme", True, False]],
            "named": ["Cllr Ann Hale"],
            "same": True,
            "site": [True, False, "Ann Hale", ["ann"]],
        },
        {
            # not an honour, "GM" after the comma reads as the initials of a body Ann Hale sits on, no one's name
            "listed": [["Cllr Ann Hale", True, False], ["Cllr Bob Orme", True, False]],
            "named": ["Cllr Ann Hale GM"],
            "same": False,
            "site": [True, False, "Ann Hale GM", ["ann", "hale"]],
        },
        id="an honour",
    ),
]


@pytest.mark.parametrize(("field", "word", "printed", "listed", "with_word", "without"), CASES)
def test_a_word_added_to_the_vocabulary_is_read_by_converter_and_site(field, word, printed, listed, with_word, without):
    assert read(field, word, printed, listed) == with_word
    assert read(field, "", printed, listed) == without
