"""Decisions recorded under an item: what was resolved, agreed, carried or elected.

Clerks record a decision in many ways: "RESOLVED: That …", "Resolved:- (1) That … (2) That …",
"It was resolved that …", "AGREED", "It was agreed …", "Members agreed …", "agreement was
reached", "DECISION:", "Motion carried", "Carried", "the resolution was passed", "X was
declared elected", "the minutes were confirmed as a true copy", a clause in capitals
("That the report BE RECEIVED"), a roll-call vote "(Y-5)". Each pattern below is one
small rule; `read_decisions` runs them over an item's paragraphs.

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

from minutes.papers.clean import Line
from minutes.papers.shapes import Shape
from minutes.papers.shapes import shapes as line_shapes

# --- the rules ---------------------------------------------------------------------------

_RESOLVED = re.compile(
    r"(?:\b(?:[Aa]nd\s+|AND\s+|[Ii]t\s+was\s+(?:unanimously\s+|further\s+)?|IT\s+WAS\s+)?"
    r"(?:RESOLVED\b|Resolved(?=\s*[:\-–—(]|\s+(?:that|to|unanimously)\b|\s*$))"
    r"|\b[Ii]t\s+was\s+(?:(?:unanimously|further|therefore)\s+)?resolved\b"
    r"|\b(?:[Mm]embers|[Cc]ouncillors|(?:[Tt]he\s+)?(?:[Cc]ouncil|[Cc]ommittee|[Bb]oard|[Pp]anel|[Cc]abinet|[Mm]eeting))\s+(?:(?:unanimously|then)\s+)?resolved\b"
    r"|\bPENDERFYNWYD\b|\bPenderfynwyd\b)"
    r"(?:\s*unanimously)?(?:\s*(?::\s*-?|[-–—]|:-|\.)\s*)?",
)
_DECISION_MARK = re.compile(
    r"^(?:DECISION|AGREED|RESOLUTION)\s*(?::\s*-?|[-–—])\s*(?=\S)|^(?:AND\s+)?(?:DECISION|AGREED)\s*:?\s*$|^(?:Decision|Agreed)\s*:\s*$"
    r"|^Decision\s+made(?:\s*\([^)]*\))?\s*:\s*"
)
_AGREED = re.compile(
    r"\b(?:it\s+was\s+(?:(?:unanimously|further|also|therefore)\s+)?agreed"
    r"|(?:was|were)\s+(?:unanimously\s+)?agreed\b(?!\s+(?:with|by)\b)"
    r"|agreement\s+was\s+reached|\ball\s+(?:present\s+|members\s+)?agreed\b|\bunanimously\s+agreed\b"
    r"|(?:members|councillors|the\s+(?:board\s+members|council|committee|board|panel|cabinet|members|sub-committee|meeting))\s+"
    r"(?:(?:unanimously|then|therefore|also|further)\s+)?agreed\b(?!\s+with\b))",
    re.IGNORECASE,
)
_OUTCOME = re.compile(
    r"\bmotion\s+(?:was\s+)?(?:(?:unanimously|duly)\s+)?(?:carried|passed|passes|carries|approved|adopted)\b"
    r"|\b(?:were|was)?\s*(?:approved|adopted|passed|carried)\s+(?:after|by|on|upon|following)\s+(?:a\s+)?(?:motion|roll\s+call\s+vote)\b"
    r"|\b(?:voice|roll[\s/-]*call|role/voice|roll/voice|hand|unanimous)\s+vote[^.;]{0,25}?\b(?:carried|passed)\b"
    r"|\bthe\s+(?:resolution|motion|recommendation|amendment)\s+(?:was\s+)?(?:passed|carried|adopted)\b"
    r"|^\s*+(?:\(\s*+)?carried(?:\s+unanimously|\s+nem\.?\s*con\.?)?\s*+\.?\)?\s*$",
    re.IGNORECASE,
)
_AND_AGREED = re.compile(r"\bAND\s+(?:AGREED|CARRIED)\b")
"""'Proposed by …, Seconded by … AND AGREED "To confirm the minutes …"'."""
_PRESENT_TENSE = re.compile(
    r"^(?:the\s+)?(?:committee|council|sub-committee|board|panel|cabinet|executive|forum|commission)\s+"
    r"(?:(?:unanimously|therefore|also|further)\s+)?(?:approves?|agrees?|notes|endorses|resolves|decides|recommends|supports|"
    r"accepts|adopts|delegates|requests|appoints)\b(?!\s+(?:with|by)\b)",
    re.IGNORECASE,
)
"""A decision written as the body speaking now ("The Committee notes the report and agrees the work
programme"), as some web pages print it; "This Council notes …" opens a motion and is not matched."""
_ELECTED = re.compile(
    r"\b(?:was|were)\s+(?:duly\s+)?declared\s+(?:duly\s+)?elected\b|\bdeclared\s+(?:\S+\s+){1,5}?(?:duly\s+)?elected\b",
    re.IGNORECASE,
)
_CONFIRMED = re.compile(
    r"\b(?:were|was|be|are|is)\s+(?:duly\s+)?(?:confirmed|approved|agreed|adopted|signed|accepted)\s+as\s+(?:an?\s+)?"
    r"(?:true|correct|accurate|fair)\s+(?:copy|record)",
    re.IGNORECASE,
)
_MINUTES_APPROVED = re.compile(
    r"\bminutes\b[^.]{0,100}?\b(?:were|was|be|are)\s+(?:duly\s+|unanimously\s+)?(?:(?:read|taken\s+as\s+read|circulated),?\s+(?:and\s+)?)*"
    r"(?:approved|confirmed|adopted|accepted|agreed|signed)\b"
    r"|\b(?:adoption|approval)\s+of\s+the\s+minutes\b[^.]{0,100}?\b(?:was\s+)?(?:approved|agreed|carried)\b",
    re.IGNORECASE,
)
_CLAUSE = re.compile(
    r"\bBE\s+(?:RECEIVED|NOTED|APPROVED|ADOPTED|APPOINTED|REQUESTED|IMPLEMENTED|ADJOURNED|REFERRED|ENDORSED|"
    r"AUTHORI[SZ]ED|DIRECTED|AMENDED|CONFIRMED|ACCEPTED|DEFERRED|RATIFIED|REAFFIRMED|SUBMITTED|FORWARDED|"
    r"GRANTED|REFUSED|ADVISED|CIRCULATED|PUBLISHED|TABLED|REFERRED|ENACTED|INTRODUCED|AWARDED|SUPPORTED|RESCINDED)\b"
)
_VOTE = re.compile(r"\(\s*Y\s*-\s*\d+(?:\s*,?\s*N\s*-\s*\d+)?\s*\)")
_REFERRED = re.compile(r"\bREFERRED\s+TO\b")
_ENUMERATION = re.compile(
    r"(?:^|(?<=\s))\(?(?P<n>\d{1,2}|[a-h]|[ivx]{1,4})\)\s*(?=\S)|^(?P<m>\d{1,2}|[a-h])[.)]\s+(?=\S)"
)
_THAT = re.compile(r"^[\"“‘']?\s*(?:that|THAT|That)\b")
_TABLE_DECISION = re.compile(
    r"^(?:approved|agreed|refused|rejected|declined|granted|deferred|not\s+approved|recommended\s+for\s+approval|"
    r"approve|refuse|grant|defer)\b",
    re.IGNORECASE,
)
_MARKER_LINE = re.compile(r"^(?:RESOLVED|AGREED|DECISION|DECIDED|(?:Resolved|Agreed|Decision)\s*[:–—-])")
"""A line that opens with the word announcing a decision ("AGREED: to accept …") starts its own paragraph."""
_SENTENCE = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[A-Z(\"“])")


@dataclass(frozen=True, slots=True)
class Decision:
    """One decision: the words that record it, and the rule that saw it."""

    text: str
    rule: str
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
        )
        if starts_new or current is None:
            text = (
                line.text.strip().strip("|").strip() if shape.table and "\t" in line.text else shape.text
            )  # a table row keeps its cells
            current = _Paragraph(text, i, [i], bool(_ENUMERATION.match(shape.text)))
            out.append(current)
        else:
            current.text += " " + shape.text
            current.lines.append(i)
    return out


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


def read_decisions(  # noqa: C901 (to be split)
    lines: Sequence[Line], start: int, end: int, title: str = "", shapes_: Sequence[Shape] | None = None, lead: str = ""
) -> list[Decision]:
    """The decisions recorded in lines[start:end], the text under an item's heading (and `lead`,
    text run on after the heading on its own line)."""
    shapes_ = shapes_ or line_shapes(lines)
    paras = ([_Paragraph(lead, max(start - 1, 0), [])] if lead else []) + paragraphs(lines, shapes_, start, end)
    paras = _minutes_part(paras)
    found: list[Decision] = []
    if title:
        for _match in _CLAUSE.finditer(title):
            found.append(Decision(title, "clause in capitals (in the heading)", start))
    after_marker = False
    counted_open = False
    expected = ""  # the label the next entry of a resolution list would carry ("2", "b")
    for para in paras:
        text = para.text
        label = enumeration_label(text)
        if (after_marker and (para.enumerated or _THAT.match(text))) or (expected and label == expected):
            found.append(
                Decision(
                    _strip_enumeration(text), "resolution under RESOLVED", para.first, whole_line=len(para.lines) == 1
                )
            )
            counted_open = True
            expected = _after(label) if label else ""
            continue
        after_marker = False
        marker = _RESOLVED.search(text) or _DECISION_MARK.search(text)
        if marker:
            rest = text[marker.end() :].strip()
            if re.fullmatch(r"(?:that|THAT|That)?\s*[:\-–—]*", rest):
                rest = ""  # "RESOLVED that:" with the resolutions listed below
            elif re.search(r"[:–—-]\s*$", rest) and len(rest.split()) <= 8 and not _ENUMERATION.search(rest):
                rest = ""  # "RESOLVED that Cabinet:" / "RESOLVED that the Council –" with its list below
            parts = _split_enumerated(rest) if rest else []
            opening = text[: marker.end()].strip() if marker.start() == 0 else ""
            whole = len(para.lines) == 1 and bool(opening)
            if len(parts) > 1:
                found.extend(Decision(p, "numbered resolutions", para.first, opening) for p in parts)
            elif rest and (rest[:1].isupper() or _THAT.match(rest) or rest[:1] in '("“'):
                found.append(Decision(_strip_enumeration(rest), "RESOLVED", para.first, opening, whole))
                if _ENUMERATION.match(rest):
                    # "Resolved: (1) That …" — the entries after it are resolutions too.
                    after_marker = True
                    counted_open = True
                    expected = _after(enumeration_label(rest))
                    continue
            elif rest and re.match(r"^(?:to|that)\b", rest, re.IGNORECASE):
                found.append(Decision(rest, "RESOLVED", para.first))
            else:
                after_marker = not rest
                if rest:
                    found.append(Decision(text, "RESOLVED", para.first))
            counted_open = bool(rest)
            continue
        counted_here = False
        if "\t" in text:
            cells = [c.strip() for c in text.split("\t") if c.strip()]
            if len(cells) >= 2 and _TABLE_DECISION.match(cells[-1]):
                # a grants or applications table whose last column records what was decided
                found.append(Decision(" – ".join(cells), "decision in a table", para.first))
                continue
        for sentence in _sentences(text):
            clauses = _CLAUSE.findall(sentence)
            votes = _VOTE.findall(sentence)
            if clauses:
                found.extend(Decision(sentence, "clause in capitals", para.first) for _ in clauses)
                counted_open = counted_here = True
                continue
            if votes:
                found.extend(Decision(sentence, "roll-call vote", para.first) for _ in votes)
                counted_open = False
                counted_here = True
                continue
            if _REFERRED.search(sentence):
                found.append(Decision(sentence, "referred", para.first))
                counted_here = True
                continue
            if _OUTCOME.search(sentence):
                if counted_open:
                    counted_open = False
                    continue
                found.append(Decision(_motion(text, sentence), "outcome", para.first))
                counted_here = True
                continue
            for rule, pattern in (
                ("agreed", _AGREED),
                ("AND AGREED", _AND_AGREED),
                ("decided (present tense)", _PRESENT_TENSE),
                ("declared elected", _ELECTED),
                ("minutes confirmed", _CONFIRMED),
                ("minutes approved", _MINUTES_APPROVED),
            ):
                if pattern.search(sentence) and not re.search(
                    r"\b(?:not|n't)\s+(?:\w+\s+)?agreed\b", sentence, re.IGNORECASE
                ):
                    found.append(Decision(sentence, rule, para.first))
                    counted_here = True
                    break
        if counted_here:
            counted_open = counted_open and True
    return found


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
        if at > 0:
            return f"{sentences[at - 1]} {outcome}"
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
