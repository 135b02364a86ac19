"""`site.yaml`: the settings of a site root, declared as data.

`SETTINGS` is the single list of what a site may set: name, default, help and
the check that turns a written value into the one used (or says, with the
file and line, how to write it). It drives validation here, the documentation
in `docs/configuration.md` (a test checks every setting is documented) and
`minutes new`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml

from minutes.core.errors import UserError, excerpt
from minutes.core.i18n import SHIPPED, has_interface
from minutes.core.paths import is_inside
from minutes.core.people_settings import EntryError, PeopleSettings, people_settings
from minutes.core.slug import slugify
from minutes.core.yamlfile import error_line, error_text, key_lines, load_yaml, nearest_line

CONFIG_NAME = "site.yaml"


class SettingError(ValueError):
    """A value that does not fit its setting; the message says how to write it.

    `at` is the path below the setting to the offending key ("cabinet" under
    committees), so the error can point at its line.
    """

    def __init__(self, message: str, *at: str):
        super().__init__(message)
        self.at = at


@dataclass(frozen=True, slots=True)
class Setting:
    name: str
    default: Any
    help: str
    check: Callable[[Any], Any]
    """Turns the value as written (already YAML-parsed) into the value used, or raises SettingError."""


def _text(value: Any) -> str:
    if isinstance(value, bool):
        raise SettingError("must be text, not true/false; put the value in quotes")
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if not isinstance(value, str):
        raise SettingError(f"must be text, not {_kind(value)}")
    return value.strip()


def _title(value: Any) -> str:
    text = _text(value)
    if not text:
        raise SettingError("is empty; give the site a title, or remove the line to use the default")
    return text


def _origin(value: Any) -> str:
    text = _text(value).rstrip("/")
    if not text:
        return ""
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.netloc or " " in text:
        raise SettingError(
            f"{excerpt(text)} is not a web address; write the site's origin, e.g. https://minutes.example.org"
        )
    if parts.path or parts.query or parts.fragment:
        raise SettingError(
            f"{excerpt(text)} has a path; write only the origin here (https://{parts.netloc}) "
            f"and the path ({parts.path or '/'}) as base_url"
        )
    return text


def _base_url(value: Any) -> str:
    text = _text(value) or "/"
    parts = urlsplit(text)
    if parts.query or parts.fragment or any(ch.isspace() for ch in text) or "\\" in text:
        raise SettingError(
            f"{excerpt(text)} is not a path; write it like /minutes/ (or a full address, https://example.org/minutes/)"
        )
    if parts.scheme and (parts.scheme not in ("http", "https") or not parts.netloc):
        raise SettingError(
            f"{excerpt(text)} is not an http or https address; write it like /minutes/ or https://example.org/minutes/"
        )
    if ".." in parts.path.split("/"):
        raise SettingError(f"{excerpt(text)} climbs out with '..'; write the path from the host's root, like /minutes/")
    return text


def _name(value: Any) -> str:
    text = _text(value)
    if not text or "/" in text or "\\" in text or text.startswith("."):
        raise SettingError(
            f"{excerpt(text)} is not a theme name; write the name of a folder under themes_dir, or default"
        )
    return text


_LANGUAGE = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")


def _language(value: Any) -> str:
    text = _text(value)
    if not _LANGUAGE.match(text):
        raise SettingError(f"{excerpt(text)} is not a language tag; write one like en-GB, cy or en")
    return text


def _languages(value: Any) -> tuple[str, ...]:
    if value is None or value == []:
        return ()
    if not isinstance(value, list):
        raise SettingError(f"must be a list of language tags, like [en, cy], not {_kind(value)}")
    tags: list[str] = []
    for item in value:
        tag = _language(item)
        if not has_interface(tag):
            raise SettingError(
                f"{tag!r} has no interface text in minutes (it ships {', '.join(SHIPPED)}); "
                "remove it, or set it as `language` alone to mark the content's language"
            )
        if tree_folder(tag) in {tree_folder(t) for t in tags}:
            raise SettingError(f"lists {tag!r} twice; name each language once")
        tags.append(tag)
    return tuple(tags)


def tree_folder(tag: str) -> str:
    """The folder a further language's copy of the site is built in: "cy" for cy and cy-GB."""
    return tag.split("-")[0].lower()


def _folder(value: Any) -> Path:
    text = _text(value)
    if not text:
        raise SettingError("is empty; name a folder, or remove the line to use the default")
    return Path(text)


def _inner_folder(value: Any) -> Path:
    """A folder of the site's own content: inside the site root."""
    path = _folder(value)
    if path.is_absolute() or ".." in path.parts:
        raise SettingError(f"{excerpt(str(path))} is outside the site; name a folder inside it, like content/papers")
    return path


def _inner_file(value: Any) -> Path:
    """A file of the site's own content: inside the site root."""
    path = _folder(value)
    if path.is_absolute() or ".." in path.parts:
        raise SettingError(f"{str(path)!r} is outside the site; name a file inside it, like content/house-style.yaml")
    return path


def _mapping(value: Any, of: str) -> dict:
    """A setting that maps names to their settings; nothing given is an empty mapping."""
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise SettingError(f"must be a mapping of {of}, not {_kind(value)}")
    return value


def _committees(value: Any) -> dict[str, CommitteeSettings]:
    out = {}
    for slug, entry in sorted(
        _mapping(value, "committee folder names to their settings").items(), key=lambda kv: str(kv[0])
    ):
        slug = str(slug)
        if slugify(slug) != slug:
            raise SettingError(
                f"{excerpt(slug)} is not a committee's folder name; write it as {excerpt(slugify(slug))}", slug
            )
        entry = {} if entry is None else entry
        if not isinstance(entry, dict) or set(entry) - {"name", "description", "aliases"}:
            raise SettingError(f"committees.{slug} may set only name, description and aliases", slug)
        aliases = entry.get("aliases") or []
        if not isinstance(aliases, list) or any(isinstance(a, (dict, list)) for a in aliases):
            raise SettingError(f"committees.{slug}.aliases must be a list of names, one per '- ' line", slug, "aliases")
        try:
            name, description = _text(entry.get("name") or ""), _text(entry.get("description") or "")
        except SettingError as exc:
            raise SettingError(f"committees.{slug}: name and description {exc}", slug) from None
        out[slug] = CommitteeSettings(name=name, description=description, aliases=tuple(str(a) for a in aliases))
    return out


def _people(value: Any) -> PeopleSettings:
    try:
        return people_settings(value)
    except EntryError as exc:
        raise SettingError(str(exc), *exc.at) from None


def _timezone(value: Any) -> str:
    text = _text(value)
    try:
        ZoneInfo(text)
    except (ZoneInfoNotFoundError, ValueError):
        raise SettingError(
            f"{excerpt(text)} is not a known IANA time zone; write one like Europe/London "
            "(if it is right, install the tzdata package)"
        ) from None
    return text


def _flag(value: Any) -> bool:
    if not isinstance(value, bool):
        raise SettingError(f"must be true or false, not {excerpt(value)}")
    return value


def _date(value: Any) -> str:
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = _text(value)
    if not text:
        return ""
    try:
        return dt.date.fromisoformat(text).isoformat() if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text) else _no_date(text)
    except ValueError:
        return _no_date(text)


def _no_date(text: str) -> str:
    raise SettingError(f"{excerpt(text)} is not a date; write it as YYYY-MM-DD, e.g. 2024-05-01, or leave it empty")


def _whole(unit: str) -> Callable[[Any], int]:
    """A check for a limit: a whole number of `unit`, 1 or more."""

    def check(value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise SettingError(f"must be a whole number of {unit}, 1 or more, not {excerpt(value)}")
        return value

    return check


_megabytes = _whole("megabytes")


def _minutes_long(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 24 * 60:
        raise SettingError(
            f"must be a whole number of minutes from 1 to 1440, e.g. 120 for two hours, not {excerpt(value)}"
        )
    return value


UNREVIEWED = ("mark", "omit", "refuse")


def _unreviewed(value: Any) -> str:
    text = _text(value)
    if text not in UNREVIEWED:
        raise SettingError(
            f"{excerpt(text)} is not one of {', '.join(UNREVIEWED)}; mark shows doubtful facts marked unconfirmed"
        )
    return text


def _kind(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return excerpt(value)


SETTINGS: tuple[Setting, ...] = (
    Setting("title", "Council minutes", "Site title shown in every page header and feed.", _title),
    Setting("council", "", "Name of the council whose records these are.", _text),
    Setting(
        "url",
        "",
        "Public origin of the site, e.g. https://minutes.example.org: every address a standard wants in full (sitemap, feeds, calendars, schema.org data, open data) starts with it. Empty: no sitemap is written and the build warns.",
        _origin,
    ),
    Setting(
        "base_url",
        "/",
        "Path the site is served under, e.g. /minutes/ on a shared host; a full URL (https://example.org/minutes/) sets url too.",
        _base_url,
    ),
    Setting("theme", "default", "Theme name: a folder under themes/ (or the built-in default).", _name),
    Setting(
        "language",
        "en-GB",
        "Language of the site: the pages' lang attribute, the search index's language, and the interface text and dates (minutes ships en and cy; other languages get the English interface).",
        _language,
    ),
    Setting(
        "languages",
        [],
        "Publish the interface in several languages, e.g. [en, cy]: the first at the site's root (it must be `language`), each other as a copy of the site under /<code>/, linked by a language switcher. Empty: `language` only.",
        _languages,
    ),
    Setting("papers_dir", "content/papers", "Raw papers as received.", _inner_folder),
    Setting("meetings_dir", "content/meetings", "Converted Markdown, one file per document.", _inner_folder),
    Setting("pages_dir", "content/pages", "Hand-written pages (About, accessibility statement).", _inner_folder),
    Setting("themes_dir", "themes", "Where themes and site overrides live.", _inner_folder),
    Setting(
        "house_style",
        "content/house-style.yaml",
        "The site's house style: what most of its papers share, learned by `minutes convert` from the papers and from corrected records, and used to read each paper. People may edit it.",
        _inner_file,
    ),
    Setting(
        "default_committee",
        "",
        "The body a paper is filed under when it names none (empty: the council, else 'Unsorted papers'); a record is never written without one.",
        _text,
    ),
    Setting("output_dir", "output", "Where the built site is written.", _folder),
    Setting(
        "cache_dir",
        ".minutes-cache",
        "Where the build cache is kept: rendered Markdown, and what each output folder holds. Safe to delete.",
        _folder,
    ),
    Setting(
        "committees",
        {},
        "Per committee slug: name (preferred display name), description, aliases (other printed forms of its name).",
        _committees,
    ),
    Setting(
        "people",
        {},
        "Who gets a person page (pages: groups; include, exclude: names; youth_bodies) and, per person's "
        "display name, aliases, party, ward and roles; see docs/people.md.",
        _people,
    ),
    Setting(
        "timezone",
        "Europe/London",
        "IANA time zone of meeting times, e.g. Europe/London; used by the calendars and feeds.",
        _timezone,
    ),
    Setting(
        "meeting_length",
        120,
        "How long a meeting lasts in the calendars when its papers print no end, in minutes (e.g. 150).",
        _minutes_long,
    ),
    Setting(
        "review_notes",
        False,
        "Show the converter's points for a reviewer on published pages (true/false); `minutes serve` and `minutes check` always show them.",
        _flag,
    ),
    Setting(
        "unreviewed",
        "mark",
        "What a public build does with facts the converter doubts that no person has checked yet (a record's `review` "
        "entries and warnings): mark (shown marked 'unconfirmed', with why), omit (left out until checked) or refuse "
        "(the build fails naming each record). `minutes serve` always marks them.",
        _unreviewed,
    ),
    Setting(
        "build_date",
        "",
        "Date used as 'today' for upcoming/recent lists, calendars and feeds (YYYY-MM-DD); empty: SOURCE_DATE_EPOCH if set, else the real date.",
        _date,
    ),
    Setting(
        "max_paper_mb",
        10,
        "Largest paper converted, in megabytes of text (about 5,000 printed pages); a paper with more text is skipped with an error.",
        _megabytes,
    ),
    # Limits on what one paper may cost: past any of them the paper is skipped with an error naming
    # it and the limit, and the rest of the site builds (docs/robustness.md).
    Setting("max_paper_pages", 5000, "Most pages a PDF paper may have.", _whole("pages")),
    Setting(
        "max_unpacked_mb",
        200,
        "Most megabytes a packed paper (a Word document is a zip file) may unpack to.",
        _megabytes,
    ),
    Setting(
        "max_nesting",
        100,
        "Deepest nesting of elements in a paper (an HTML page's <div>s in <div>s).",
        _whole("levels"),
    ),
    Setting(
        "max_line_chars",
        10_000,
        "Longest line of a paper, in characters; a longer line is cut into lines of this length, with a warning.",
        _whole("characters"),
    ),
    Setting(
        "max_paper_seconds",
        300,
        "Longest time reading and converting one paper may take, in seconds.",
        _whole("seconds"),
    ),
    Setting(
        "max_paper_memory_mb",
        2048,
        "Most memory reading and converting one paper may take, in megabytes.",
        _megabytes,
    ),
)

_BY_NAME = {s.name: s for s in SETTINGS}


@dataclass(frozen=True, slots=True)
class CommitteeSettings:
    name: str = ""
    description: str = ""
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class SiteConfig:
    root: Path
    title: str = "Council minutes"
    council: str = ""
    url: str = ""
    base_url: str = "/"
    theme: str = "default"
    language: str = "en-GB"
    languages: tuple[str, ...] = ()
    papers_dir: Path = Path("content/papers")
    meetings_dir: Path = Path("content/meetings")
    pages_dir: Path = Path("content/pages")
    themes_dir: Path = Path("themes")
    house_style: Path = Path("content/house-style.yaml")
    default_committee: str = ""
    output_dir: Path = Path("output")
    cache_dir: Path = Path(".minutes-cache")
    committees: dict[str, CommitteeSettings] = field(default_factory=dict)
    people: PeopleSettings = field(default_factory=PeopleSettings)
    timezone: str = "Europe/London"
    meeting_length: int = 120
    build_date: str = ""
    review_notes: bool = False
    unreviewed: str = "mark"
    max_paper_mb: int = 10
    max_paper_pages: int = 5000
    max_unpacked_mb: int = 200
    max_nesting: int = 100
    max_line_chars: int = 10_000
    max_paper_seconds: int = 300
    max_paper_memory_mb: int = 2048
    tree: str = ""
    """Not a setting: the folder of the language copy these settings render ("cy"); "" for the site's root."""

    def link(self, path: str = "") -> str:
        """A page's address rooted at the base URL: "/minutes/cabinet/".

        In a language copy (`tree`) a page's address is the copy's page ("/minutes/cy/cabinet/"): pages
        are folders ("" and "…/"); files (styles, papers, feeds, the search index) are the site's, shared.
        """
        path = path.lstrip("/")
        if self.tree and (not path or path.endswith("/")):
            path = f"{self.tree}/{path}"
        return self.base_url + path

    def absolute_link(self, path: str = "") -> str:
        """A page's full address when the public origin (`url`) is known, else `link(path)`."""
        return self.url + self.link(path)

    @property
    def site_languages(self) -> tuple[str, ...]:
        """Every language the site is published in, the root's first."""
        return self.languages or (self.language,)

    def in_language(self, tag: str) -> SiteConfig:
        """These settings as the copy of the site in one of its languages renders them (a further one under /<code>/)."""
        root = tag == self.site_languages[0]
        values = {name: getattr(self, name) for name in self.__dataclass_fields__}
        values.update(language=tag, tree="" if root else tree_folder(tag))
        return SiteConfig(**values)

    def with_overrides(self, **changes: Any) -> SiteConfig:
        """The settings with values given on the command line (None: not given)."""
        values = {name: getattr(self, name) for name in self.__dataclass_fields__}
        values.update({k: v for k, v in changes.items() if v is not None})
        if "base_url" in changes and changes["base_url"] is not None:
            try:
                given = _base_url(changes["base_url"])
            except SettingError as exc:
                raise UserError(f"--base-url {exc}") from None
            origin, values["base_url"] = split_base_url(given)
            values["url"] = origin or values["url"]
        config = SiteConfig(**values)
        problem = overlapping_folders(config) if changes.get("output_dir") else None
        if problem and problem[0] == "output_dir":
            raise UserError(f"--output {problem[1]}")
        return config


def split_base_url(value: str) -> tuple[str, str]:
    """A base URL given in full ("https://example.org/minutes") as its origin and its path."""
    parts = urlsplit(str(value).strip())
    if parts.scheme and parts.netloc:
        return f"{parts.scheme}://{parts.netloc}", normalise_base_url(parts.path)
    return "", normalise_base_url(value)


def normalise_base_url(value: str) -> str:
    value = "/" + str(value).strip().strip("/")
    return value if value == "/" else value + "/"


def load_config(root: Path) -> SiteConfig:
    """Read `root/site.yaml` (optional); every value is checked against its setting.

    A problem is a UserError naming the file and the line, saying how to write
    the value: unknown keys, wrong types, dates that are not dates, folders that
    would overlap.
    """
    root = root.resolve()
    path = root / CONFIG_NAME
    text = ""
    raw: dict[str, Any] = {}
    if path.exists() or path.is_symlink():
        raw, text = _read(path)
    values: dict[str, Any] = {}
    for key in raw:
        if key not in _BY_NAME:
            raise UserError(
                f"unknown setting {excerpt(key)}; known settings are: {', '.join(s.name for s in SETTINGS)}",
                path,
                _line_of(text, str(key)),
            )
    for setting in SETTINGS:
        value = raw.get(setting.name)
        if value is None:
            value = setting.default
        try:
            values[setting.name] = setting.check(value)
        except SettingError as exc:
            line = nearest_line(key_lines(text), (setting.name, *exc.at))
            raise UserError(f"setting {excerpt(setting.name)} {exc}", path, line) from None
    if values["languages"]:
        first = values["languages"][0]
        if raw.get("language") is None:
            values["language"] = first
        elif tree_folder(first) == tree_folder(values["language"]):
            # The root's tag as `language` writes it ("en-GB" for en): one tag for one tree.
            values["languages"] = (values["language"], *values["languages"][1:])
        else:
            raise UserError(
                f"setting 'languages' starts with {excerpt(first)}, but the site's language is "
                f"{excerpt(values['language'])}; the first of languages is the one at the site's root: "
                f"list {excerpt(values['language'])} first",
                path,
                _line_of(text, "languages"),
            )
    # A full URL as base_url gives the public origin too, so feeds and calendars link absolutely.
    origin, values["base_url"] = split_base_url(values["base_url"])
    values["url"] = values["url"] or origin
    config = SiteConfig(root=root, **values)
    problem = overlapping_folders(config)
    if problem:
        name, message = problem
        raise UserError(f"setting {excerpt(name)} {message}", path, _line_of(text, name))
    return config


def _read(path: Path) -> tuple[dict[str, Any], str]:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise UserError("site.yaml must be UTF-8 text; save it again as UTF-8", path) from None
    except IsADirectoryError:
        raise UserError("site.yaml is a folder; the settings must be a file", path) from None
    except OSError as exc:
        raise UserError(f"cannot read the settings: {exc.strerror or exc}", path) from None
    try:
        loaded = load_yaml(text)
    except yaml.YAMLError as exc:
        # An error found at the end of the file belongs to its last line.
        line = min(error_line(exc), max(1, len(text.splitlines())))
        raise UserError(f"malformed YAML: {error_text(exc)}", path, line) from None
    if loaded is None:
        return {}, text
    if not isinstance(loaded, dict):
        raise UserError("site.yaml must be a mapping of 'key: value' lines", path, 1)
    return {str(k): v for k, v in loaded.items()}, text


def overlapping_folders(config: SiteConfig) -> tuple[str, str] | None:
    """(setting, what is wrong) when the output or cache folder would overwrite the site's own files."""
    root = config.root.resolve()
    content = {
        name: (root / getattr(config, name)).resolve()
        for name in ("papers_dir", "meetings_dir", "pages_dir", "themes_dir")
    }
    for name in ("output_dir", "cache_dir"):
        folder = (root / getattr(config, name)).resolve()
        if folder == root or folder in root.parents:
            return name, (
                f"is the site folder itself or holds it ({getattr(config, name)}); "
                "name a folder of its own, like output"
            )
        for other, inner in content.items():
            if folder == inner or inner in folder.parents or folder in inner.parents:
                return name, (
                    f"overlaps {other} ({getattr(config, other)}); a build replaces this folder, "
                    "so name one that holds nothing else, like output"
                )
    for name in content:
        # A content folder that is a link out of the site would read and publish whatever it points to.
        if not is_inside(root / getattr(config, name), root):
            return name, (
                f"({getattr(config, name)}) is a link leading out of the site; the site's content stays inside "
                "it — replace the link with the folder itself"
            )
    output = (root / config.output_dir).resolve()
    cache = (root / config.cache_dir).resolve()
    if output == cache or output in cache.parents or cache in output.parents:
        return "cache_dir", "overlaps output_dir; keep the cache in a folder of its own, like .minutes-cache"
    return None


def _line_of(text: str, key: str) -> int:
    """The line of a top-level key in the settings text, 0 if it is not there."""
    for n, line in enumerate(text.splitlines(), start=1):
        if line.startswith((f"{key}:", f"{key} :", f"'{key}'", f'"{key}"')):
            return n
    return 0


def setting_line(config: SiteConfig, name: str) -> int:
    """The line of site.yaml that sets `name`, for errors found later (a theme that is missing)."""
    try:
        return _line_of((config.root / CONFIG_NAME).read_text(encoding="utf-8"), name)
    except (OSError, UnicodeDecodeError):
        return 0
