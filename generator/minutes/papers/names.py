"""Names as papers print them: committees, titles, and how alike two titles are.

The same body is printed many ways ("IMPROVING LIVES SELECT COMMISSION",
"Improving Lives Select Commission -", "the Improving Lives Select Commission,"). The
converter gives each body one display name and one slug, so every paper files its
documents in the same place; a site's `committees:` settings (name and aliases) win over
the printed form.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from minutes.core.config import CommitteeSettings
from minutes.core.paths import segment
from minutes.core.slug import slugify
from minutes.papers.memo import remembered

SMALL_WORDS = frozenset("a an and as at by for from in of on or the to with".split())
ACRONYMS = frozenset(
    "CSE SEND LAC RLSCB LSCB YOT CAMHS NHS RMBC ILSC OSMB UK UKYP HWB HWBB YH IYSS TFN EHC DLT CYPS SEN "
    "ASB CCG RCCG LGBT AOB AOCB AGM EGM APM RFO CIL S106 PCSO MP PH NAS ICT VCS JSNA CAB RDF FLO BEC SYF SYP LGA".split()
)
_GENERIC = frozenset("report update progress item items meeting".split())
_DATE_TAIL = re.compile(
    r"(?<![\s,–-])[\s,–-]*\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day\b.*|\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]+,?\s+\d{4}.*|\d{1,2}/\d{1,2}/\d{2,4}.*)$",
    re.IGNORECASE,
)


@remembered
def plain(text: str) -> str:
    """Text without Markdown decoration: heading marks, bold, list markers, link syntax."""
    text = re.sub(r"^\s*#{1,6}\s*", "", text)
    text = re.sub(r"^\s*[-*+]\s+", "", text)
    text = text.replace("**", "").replace("__", "")
    if "[" in text:
        text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    return " ".join(text.split())  # as re.sub(r"\s+", " ", text).strip(): both split at str.isspace


def title_case(text: str) -> str:
    """Capitals made readable: "DEPRIVED NEIGHBOURHOODS - PROGRESS UPDATE" -> "Deprived Neighbourhoods - Progress Update".

    Text already in mixed case is returned unchanged; small words stay lower case inside a
    title and known acronyms stay in capitals.
    """
    letters = [c for c in text if c.isalpha()]
    if not letters or sum(c.isupper() for c in letters) < 0.8 * len(letters):
        return text
    words = text.split(" ")
    out = []
    for i, word in enumerate(words):
        core = re.sub(r"[^A-Za-z]", "", word)
        if re.fullmatch(r"(?<!\W)\W*+(?<!\d)\d++(?:ST|ND|RD|TH)\W*", word, re.IGNORECASE):
            out.append(word.lower())
        elif re.search(r"\d", word):
            out.append(word)  # "23/501234/FULL", "PLA146/14": a reference keeps its letters
        elif core.upper() in ACRONYMS or (core and not re.search(r"[AEIOUY]", core.upper()) and len(core) <= 4):
            out.append(word)
        elif i > 0 and core.lower() in SMALL_WORDS and not out[-1].endswith((":", "-", "–")):
            out.append(word.lower())
        else:
            out.append("-".join(part[:1].upper() + part[1:].lower() for part in word.split("-")))
    return " ".join(out)


def committee_display_name(printed: str) -> str:
    """One printed form of a body's name as its display name: dates, trailing dashes, a leading
    "The" and a trailing "Meeting"/"Minutes" go; capitals become title case."""
    name = plain(printed)
    name = _DATE_TAIL.sub("", name)
    name = re.sub(r"(?<![\s:;,–-])[\s:;,–-]+$", "", name)
    name = re.sub(r"^(?:the|minutes of(?: the)?)\s+", "", name, flags=re.IGNORECASE)
    name = re.sub(
        r"(?<!\bparish)(?<!\btown)(?<!\bvillage)(?<!\btown\shall)(?<!\s)\s+(?:meeting|minutes)$",
        "",
        name,
        flags=re.IGNORECASE,
    )
    return title_case(name.strip())


def _key(name: str) -> str:
    words = re.findall(r"[a-z0-9]+", name.lower().replace("’", "'").replace("'s ", " "))
    return " ".join(w for w in words if w not in ("the", "meeting", "minutes"))


@dataclass(frozen=True, slots=True)
class CommitteeName:
    name: str
    slug: str


class CommitteeNames:
    """Turns printed committee names into (display name, slug), honouring site aliases."""

    def __init__(self, settings: Mapping[str, CommitteeSettings] | None = None, council: str = ""):
        self._by_key: dict[str, CommitteeName] = {}
        self._place = place_of(council)
        for slug, entry in sorted((settings or {}).items()):
            name = entry.name or committee_display_name(slug.replace("-", " ").upper())
            committee = CommitteeName(name, slug)
            for form in (slug.replace("-", " "), entry.name, *entry.aliases):
                if form:
                    self._by_key.setdefault(_key(committee_display_name(form)), committee)
                    self._by_key.setdefault(_key(form), committee)

    def resolve(self, printed: str) -> CommitteeName:
        display = committee_display_name(printed)
        for candidate in (_key(display), _key(plain(printed))):
            if candidate in self._by_key:
                return self._by_key[candidate]
        stripped = self._core(display)
        if stripped in self._by_key:
            return self._by_key[stripped]
        # The slug names a folder and a URL: length-limited, as a printed name may run on for a paragraph.
        return CommitteeName(display, segment(slugify(display)))

    def same_body(self, a: str, b: str) -> bool:
        """Whether two printed names name the same body."""
        ra, rb = self.resolve(a), self.resolve(b)
        return ra.slug == rb.slug or self._core(ra.name) == self._core(rb.name)

    def _core(self, name: str) -> str:
        """A body's name without the council's place in front ("Rotherham Youth Cabinet" is the "Youth Cabinet")."""
        key = _key(name)
        if self._place and key.startswith(self._place + " "):
            return key[len(self._place) + 1 :]
        return key


_COUNCIL_WORDS = frozenset(
    "metropolitan borough council city county district parish town community village unitary and of the shire "
    "township municipality royal london combined authority".split()
)


def place_of(council: str) -> str:
    """The place a council is named after: "Rotherham Metropolitan Borough Council" -> "rotherham"."""
    words = [w for w in _key(council).split() if w not in _COUNCIL_WORDS]
    return " ".join(words)


def significant_words(text: str, ignore: frozenset[str] = frozenset()) -> set[str]:
    """The words of a title that tell it apart: no small or generic words, no numbers."""
    words = re.findall(r"[a-z][a-z']*", plain(text).lower().replace("’", "'"))
    out = set()
    for word in words:
        word = word.removesuffix("'s").removesuffix("s'").strip("'")
        if len(word) > 1 and word not in SMALL_WORDS and word not in _GENERIC and word not in ignore:
            out.add(word)
    return out


def title_similarity(a: str, b: str, ignore: frozenset[str] = frozenset()) -> float:
    """Dice similarity of two titles' significant words, 0..1."""
    wa, wb = significant_words(a, ignore), significant_words(b, ignore)
    if not wa or not wb:
        return 0.0
    return 2 * len(wa & wb) / (len(wa) + len(wb))


def title_contains(container: str, title: str, ignore: frozenset[str] = frozenset()) -> bool:
    """Whether every significant word of `title` appears in `container`."""
    words = significant_words(title, ignore)
    return bool(words) and words <= significant_words(container, ignore)


def short_slug(text: str, limit: int = 60) -> str:
    """A file-name slug cut at a word boundary."""
    slug = slugify(text)
    if len(slug) <= limit:
        return slug
    cut = slug[:limit]
    return cut.rsplit("-", 1)[0] if "-" in cut else cut
