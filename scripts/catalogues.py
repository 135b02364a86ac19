"""Extract the interface's messages, update each language's catalogue, compile them (`make catalogues`).

    python scripts/catalogues.py          # extract, merge into the .po files, compile the .mo files
    python scripts/catalogues.py --check  # change nothing; exit 1 naming what is out of date or untranslated

Messages come from the default theme's templates (Jinja's i18n extension:
`_()`, `ngettext`, `{% trans %}`) and from the package's Python code (`N_()`,
`gettext`, `ngettext`, `pgettext`). The template of every catalogue is
`minutes.pot`; each language's `.po` is merged with it (new messages empty,
gone ones dropped) and compiled to the `.mo` the package ships. A file is
written only when its content changes, so running this twice changes nothing.
English is the language the messages are written in: its catalogue stays empty
and shows them as they are. Welsh must translate every message: `--check`
(and the tests) fail on an empty or fuzzy one.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import sys
from collections.abc import Iterable
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po, write_po

REPO = Path(__file__).resolve().parent.parent
PACKAGE = REPO / "generator" / "minutes"
TEMPLATES = REPO / "themes" / "default" / "templates"
LOCALE = PACKAGE / "locale"
DOMAIN = "minutes"
LANGUAGES = ("en", "cy")
MUST_TRANSLATE = ("cy",)
"""Languages whose catalogue must translate every message (English is the messages themselves)."""
PYTHON_KEYWORDS = {**DEFAULT_KEYWORDS, "N_": None}
# Pulled in for its messages only; the converter's own vocabulary (papers/) is not interface text.
PYTHON_SKIP = ("papers/",)


LANGUAGE_NAMES = {"en": "English", "cy": "Welsh"}
EPOCH = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
"""The date in every catalogue's header: fixed, so that a catalogue changes only when its messages do."""


def _header(catalog: Catalog, language: str | None) -> Catalog:
    name = LANGUAGE_NAMES.get(language or "", "")
    catalog.header_comment = (
        "# The interface text of minutes, a static site generator for council minutes"
        + (f": {name}.\n" if name else ": the messages to translate.\n")
        + "# Distributed under the same licence as minutes (MIT).\n"
        + "# Update with `make catalogues` (scripts/catalogues.py); the records' own text is never translated.\n#"
    )
    catalog.project, catalog.version = "minutes", "1"
    catalog.msgid_bugs_address = ""
    catalog.last_translator = "minutes contributors"
    catalog.language_team = name or "none"
    catalog.creation_date = catalog.revision_date = EPOCH
    return catalog


def extract(templates: Iterable[Path] = (TEMPLATES,), package: Path = PACKAGE) -> Catalog:
    """Every message of the templates and the package, with where each is used."""
    catalog = _header(Catalog(domain=DOMAIN, charset="utf-8", fuzzy=False), None)
    for folder in templates:
        for name, line, message, comments, context in extract_from_dir(
            folder,
            method_map=[("**.html", "jinja2.ext:babel_extract")],
            options_map={"**.html": {"trimmed": "true", "extensions": "jinja2.ext.i18n"}},
            keywords=DEFAULT_KEYWORDS,
        ):
            _add(catalog, message, f"themes/default/templates/{name}", line, comments, context)
    for name, line, message, comments, context in extract_from_dir(
        package, method_map=[("**.py", "python")], keywords=PYTHON_KEYWORDS
    ):
        if not name.startswith(PYTHON_SKIP):
            _add(catalog, message, f"generator/minutes/{name}", line, comments, context)
    return catalog


def _add(catalog: Catalog, message, where: str, line: int, comments, context) -> None:
    if isinstance(message, (list, tuple)):
        message = tuple(message)
        if not message[0]:
            return
    elif not message:
        return
    flags = {"python-format"} if "%(" in (message[0] if isinstance(message, tuple) else message) else set()
    catalog.add(message, None, [(where, line)], auto_comments=comments, context=context, flags=flags)


def po_path(language: str) -> Path:
    return LOCALE / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def mo_path(language: str) -> Path:
    return LOCALE / language / "LC_MESSAGES" / f"{DOMAIN}.mo"


def read(path: Path, language: str | None = None) -> Catalog:
    with open(path, "rb") as handle:
        return read_po(handle, locale=language, domain=DOMAIN)


def po_bytes(catalog: Catalog, *, template: bool = False) -> bytes:
    out = io.BytesIO()
    # No line numbers: the catalogue then changes only when the messages do, not when a template grows a line.
    write_po(out, catalog, width=100, sort_output=True, include_lineno=False, omit_header=False)
    return out.getvalue()


def mo_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_mo(out, catalog)
    return out.getvalue()


def merged(language: str, template: Catalog) -> Catalog:
    """The language's catalogue with the template's messages: its translations kept, new ones empty."""
    path = po_path(language)
    if path.is_file():
        catalog = read(path, language)
    else:
        catalog = Catalog(locale=language, domain=DOMAIN, project="minutes", charset="utf-8", fuzzy=False)
    # No fuzzy guesses: a message a translator has not seen stays empty, and the check names it.
    catalog.update(template, no_fuzzy_matching=True, update_header_comment=False, update_creation_date=False)
    catalog.obsolete.clear()
    return _header(catalog, language)


def problems(template: Catalog) -> list[str]:
    """What is out of date or untranslated, one line each, naming the file."""
    found = []
    pot = LOCALE / f"{DOMAIN}.pot"
    if not pot.is_file() or _messages(read(pot)) != _messages(template):
        found.append(f"{pot.relative_to(REPO)}: out of date with the templates and code — run `make catalogues`")
    for language in LANGUAGES:
        path = po_path(language)
        if not path.is_file():
            found.append(f"{path.relative_to(REPO)}: missing — run `make catalogues`")
            continue
        catalog = read(path, language)
        ids = {_key(m) for m in catalog if m.id}
        for message in template:
            if message.id and _key(message) not in ids:
                found.append(f"{path.relative_to(REPO)}: no entry for {_shown(message)} — run `make catalogues`")
        if language in MUST_TRANSLATE:
            for message in catalog:
                if not message.id:
                    continue
                strings = message.string if isinstance(message.string, tuple) else (message.string,)
                if message.fuzzy or not all(strings):
                    state = "fuzzy" if message.fuzzy else "untranslated"
                    where = ", ".join(f"{f}" for f, _ in message.locations) or "no template"
                    found.append(f"{path.relative_to(REPO)}: {state}: {_shown(message)} (used in {where})")
        if not mo_path(language).is_file() or _translations(_read_mo(mo_path(language))) != _translations(catalog):
            found.append(f"{mo_path(language).relative_to(REPO)}: not compiled from its .po — run `make catalogues`")
    return found


def _read_mo(path: Path) -> Catalog:
    with open(path, "rb") as handle:
        return read_mo(handle)


def _translations(catalog: Catalog) -> dict[tuple, object]:
    """What a compiled catalogue answers: each translated message and its translation (not the header,
    which names the version of Babel that wrote it)."""
    out = {}
    for message in catalog:
        strings = tuple(message.string) if isinstance(message.string, (tuple, list)) else (message.string,)
        ids = tuple(message.id) if isinstance(message.id, (tuple, list)) else (message.id,)
        # A plural left untranslated is compiled as its own English forms: the same as no entry.
        if message.id and all(strings) and not message.fuzzy and strings != ids:
            out[_key(message)] = strings
    return out


def _key(message) -> tuple:
    return (message.context, message.id if isinstance(message.id, str) else tuple(message.id))


def _messages(catalog: Catalog) -> set[tuple]:
    return {_key(m) for m in catalog if m.id}


def _shown(message) -> str:
    text = message.id if isinstance(message.id, str) else message.id[0]
    return repr(text) + (f" (context {message.context!r})" if message.context else "")


def write_if_changed(path: Path, data: bytes) -> bool:
    if path.is_file() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return True


def update(template: Catalog) -> list[Path]:
    written = []
    pot = LOCALE / f"{DOMAIN}.pot"
    if (
        not pot.is_file()
        or _messages(read(pot)) != _messages(template)
        or _locations(read(pot)) != _locations(template)
    ):
        if write_if_changed(pot, po_bytes(template, template=True)):
            written.append(pot)
    for language in LANGUAGES:
        catalog = merged(language, template)
        if write_if_changed(po_path(language), po_bytes(catalog)):
            written.append(po_path(language))
        # Compiled from the file as written, so the .mo is exactly what the .po says.
        if write_if_changed(mo_path(language), mo_bytes(read(po_path(language), language))):
            written.append(mo_path(language))
    return written


def _locations(catalog: Catalog) -> set[tuple]:
    return {(_key(m), tuple(sorted({f for f, _ in m.locations}))) for m in catalog if m.id}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="change nothing; fail if anything is out of date")
    args = parser.parse_args(argv)
    template = extract()
    if args.check:
        found = problems(template)
        for line in found:
            print(line, file=sys.stderr)
        print(f"catalogues: {len(template)} messages, {len(found)} problems", file=sys.stderr)
        return 1 if found else 0
    for path in update(template):
        print(f"wrote {path.relative_to(REPO)}", file=sys.stderr)
    found = problems(template)
    for line in found:
        print(line, file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
