"""Where a meeting is broadcast or recorded, read from the words a paper prints around a web address.

Councils print it on the agenda's front sheet ("This meeting will be webcast live and can be
viewed at https://…") and in the minutes ("The webcast of the meeting can be viewed at: -",
then the address on the next line; "A recording of the meeting is available on YouTube").
A web address counts only when a line that says so holds it or comes just before it: reports
quote addresses of every kind. The words decide which it is: "recording", "recorded",
"watch again", "on demand" give the recording; "webcast", "live stream", "YouTube",
"broadcast" the webcast. A link that leads nowhere ("[via the Council's website](#)") is no
address, and nothing is guessed from it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from minutes.papers.worded import Worded
from minutes.records.record import is_web_address

# Tried only on lines holding a word each of their matches holds (most lines of a paper hold none).
_RECORDING = Worded(
    re.compile(r"\b(?:recording|recorded|watch\s+again|on[\s-]demand|catch[\s-]up)\b", re.IGNORECASE),
    ("record", "watch", "demand", "catch"),
)
_WEBCAST = Worded(
    re.compile(
        r"\b(?:web[\s-]?cast(?:s|ed|ing)?|live[\s-]?stream(?:s|ed|ing)?|streamed\s+live|broadcast(?:s|ed)?|you\s?tube)\b",
        re.IGNORECASE,
    ),
    ("web", "stream", "broadcast", "tube"),
)
_ADDRESS = re.compile(r"\b(?:https?://|www\.)[^\s<>()\[\]{}\"'`|^]+", re.IGNORECASE)
_TRAILING = ".,;:!?*_"
REACH = 2
"""Lines after the one that names a webcast or recording where its address may stand ("… viewed at: -",
a blank line, then the address)."""


@dataclass(frozen=True, slots=True)
class Broadcasts:
    webcast: str = ""
    recording: str = ""


def find_broadcasts(lines: Sequence[str]) -> Broadcasts:
    """The first webcast and the first recording address that the lines print beside words saying so."""
    webcast = recording = ""
    content = [line for line in lines if line.strip()]
    for n, line in enumerate(content):
        says_recording, says_webcast = bool(_RECORDING.search(line)), bool(_WEBCAST.search(line))
        if not (says_recording or says_webcast):
            continue
        address = next((a for a in (web_address(text) for text in content[n : n + 1 + REACH]) if a), "")
        if not address:
            continue
        if says_recording and not recording:
            recording = address
        elif not says_recording and not webcast:
            webcast = address
    return Broadcasts(webcast, recording)


def web_address(text: str) -> str:
    """The first http(s) address in the text, in full ("www.…" gets https://); "" when there is none."""
    for match in _ADDRESS.finditer(text):
        address = match.group(0).rstrip(_TRAILING)
        if address.lower().startswith("www."):
            address = "https://" + address
        if is_web_address(address):
            return address
    return ""
