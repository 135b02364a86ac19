"""The interface's own words in the reader's language: message catalogues and dates.

Every label, heading and sentence the site prints around the records ("Minutes",
"Apologies", "Next meeting: …") is a message of the `minutes` catalogue, kept as
gettext `.po` files under `minutes/locale/<language>/LC_MESSAGES/` and compiled
to `.mo` (`make catalogues`, see scripts/catalogues.py). Templates reach them
through Jinja's i18n extension (`_()`, `ngettext`, `{% trans %}`); Python code
marks what it hands to templates with `N_()`, so extraction finds it and the
template translates it when shown. Dates come from Babel's copy of the Unicode
CLDR: "Wednesday 15 January 2014", "Dydd Mercher 15 Ionawr 2014".

The records' own text is never translated: only the interface is.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import importlib.resources
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from babel import Locale
from babel.dates import format_date
from babel.lists import format_list
from babel.support import NullTranslations, Translations

DOMAIN = "minutes"
SHIPPED = ("en", "cy")
"""Languages whose interface text ships with minutes; the first is the one the messages are written in."""
_BABEL_LOCALES = {"en": "en_GB", "cy": "cy"}
"""The CLDR locale of each shipped language's dates (British English for English)."""


def locale_dir() -> Path:
    """The folder holding the compiled catalogues, inside the installed package."""
    return Path(str(importlib.resources.files("minutes"))) / "locale"


def N_(message: str) -> str:  # the name gettext tools look for
    """Mark a message for extraction without translating it here: the template shows it through `_()`."""
    return message


def interface_language(tag: str) -> str:
    """The shipped catalogue for a language tag: "cy-GB" -> "cy"; a language without one -> "en"."""
    base = tag.split("-")[0].lower()
    return base if base in SHIPPED else SHIPPED[0]


def has_interface(tag: str) -> bool:
    return tag.split("-")[0].lower() in SHIPPED


@functools.cache
def translations(language: str) -> NullTranslations:
    """The compiled catalogue of a shipped language; English is the messages themselves."""
    language = interface_language(language)
    path = locale_dir() / language / "LC_MESSAGES" / f"{DOMAIN}.mo"
    if not path.is_file():
        if language == SHIPPED[0]:
            return NullTranslations()
        raise FileNotFoundError(
            f"the {language!r} interface catalogue is missing ({path}); reinstall minutes, "
            "or run `make catalogues` in a checkout"
        )
    with open(path, "rb") as handle:
        return Translations(handle, domain=DOMAIN)


def catalogue_digest(languages: tuple[str, ...]) -> str:
    """Digest of the compiled catalogues of these languages: a new translation re-renders the pages."""
    h = hashlib.blake2b(digest_size=16)
    for language in sorted({interface_language(tag) for tag in languages}):
        path = locale_dir() / language / "LC_MESSAGES" / f"{DOMAIN}.mo"
        h.update(language.encode() + b"\0" + (path.read_bytes() if path.is_file() else b""))
    return h.hexdigest()


def language_name(tag: str) -> str:
    """A language's name in itself, as a switcher shows it: "Cymraeg", "English"."""
    base = tag.split("-")[0].lower()
    name = Locale.parse(base).get_language_name(base) or tag
    return name[:1].upper() + name[1:]


@dataclass(frozen=True, slots=True)
class Interface:
    """The interface text and date forms of one language (a tag as site.yaml gives it)."""

    tag: str

    @property
    def language(self) -> str:
        return interface_language(self.tag)

    def gettext(self, message: str) -> str:
        return translations(self.language).gettext(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return translations(self.language).ngettext(singular, plural, n)

    def pgettext(self, context: str, message: str) -> str:
        return str(translations(self.language).pgettext(context, message))

    def long_date(self, value: dt.date | None) -> str:
        """ "Wednesday 15 January 2014", "Dydd Mercher 15 Ionawr 2014"."""
        return _long_date(value, self.language) if value else self.gettext("Date not known")

    def date(self, value: dt.date) -> str:
        """A date in a sentence: "18 November 2013", "18 Tachwedd 2013"."""
        return _date(value, self.language)

    def month(self, value: dt.date) -> str:
        """A month heading: "January 2014", "Ionawr 2014"."""
        return _month(value.replace(day=1), self.language)

    def partial_date(self, value: str) -> str:
        """An ISO date as precise as it was written: "2016", "May 2016" ("Mai 2016"), "5 May 2016"."""
        parts = value.split("-")
        try:
            if len(parts) == 3:
                return self.date(dt.date.fromisoformat(value))
            if len(parts) == 2:
                return self.month(dt.date(int(parts[0]), int(parts[1]), 1))
        except ValueError:
            pass
        return value

    def page_span(self, pages: tuple[int, int]) -> str:
        """Where a document sits in its paper: "page 3", "pages 3–22" ("tudalen 3", "tudalennau 3–22")."""
        first, last = pages
        if first == last:
            return self.gettext("page %(page)d") % {"page": first}
        return self.gettext("pages %(first)d–%(last)d") % {"first": first, "last": last}

    def file_size(self, size: int) -> str:
        """A file's size as readers know it from document lists: "800 bytes", "66 KB", "1.2 MB"."""
        if size < 1024:
            return self.ngettext("%(num)d byte", "%(num)d bytes", size) % {"num": size}
        if size < 1024 * 1024:
            return f"{round(size / 1024)} KB"
        megabytes = size / (1024 * 1024)
        # Both shipped languages write a decimal point; the units are the same in Welsh.
        return f"{megabytes:.1f} MB" if megabytes < 10 else f"{round(megabytes)} MB"

    def and_list(self, items: Iterable[str], names: Mapping[str, str] | None = None) -> str:
        """Words joined as a sentence lists them: "a, b and c" ("a, b a c"); `names` renames each first."""
        words = [names.get(i, i) if names else i for i in items]
        if self.language == "cy" and len(words) > 1:
            # CLDR gives Welsh "a(c)": the sentence needs "ac" before a vowel, and "a" mutates what follows.
            last = words[-1]
            joined = f"ac {last}" if last[:1].lower() in "aeiouwy" else f"a {_aspirate(last)}"
            return f"{', '.join(words[:-1])} {joined}"
        return format_list(words, locale=_BABEL_LOCALES[self.language]) if words else ""

    def clock(self, value: str) -> str:
        """A 24-hour "HH:MM" as people write it: "17:30" -> "5:30pm" ("5:30yh"), "12:00" -> "midday"."""
        match = _HH_MM.match(value.strip()) if value else None
        if not match:
            return value
        hour, minute = int(match.group(1)), int(match.group(2))
        if (hour, minute) == (12, 0):
            return self.gettext("midday")
        if (hour, minute) == (0, 0):
            return self.gettext("midnight")
        suffix = self.pgettext("before noon", "am") if hour < 12 else self.pgettext("after noon", "pm")
        hour = hour % 12 or 12
        return f"{hour}{suffix}" if minute == 0 else f"{hour}:{minute:02d}{suffix}"


def _aspirate(word: str) -> str:
    """Welsh aspirate mutation, as after "a" (and): "cynghorwyr" -> "chynghorwyr", "pobl" -> "phobl"."""
    first = word[:1]
    if first.lower() in "cpt" and word[1:2].lower() != "h":
        return first + "h" + word[1:]
    return word


_HH_MM = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


@functools.lru_cache(maxsize=8192)
def _long_date(value: dt.date, language: str) -> str:
    # Day names and month names are CLDR's; the pattern keeps GOV.UK's order, without commas.
    return format_date(value, "EEEE d MMMM y", locale=_BABEL_LOCALES[language])


@functools.lru_cache(maxsize=2048)
def _date(value: dt.date, language: str) -> str:
    return format_date(value, "d MMMM y", locale=_BABEL_LOCALES[language])


@functools.lru_cache(maxsize=2048)
def _month(value: dt.date, language: str) -> str:
    return format_date(value, "LLLL y", locale=_BABEL_LOCALES[language])


@functools.cache
def interface(tag: str) -> Interface:
    return Interface(tag)


__all__ = [
    "DOMAIN",
    "N_",
    "SHIPPED",
    "Interface",
    "catalogue_digest",
    "has_interface",
    "interface",
    "interface_language",
    "language_name",
    "locale_dir",
    "translations",
]
