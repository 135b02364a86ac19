"""`site.yaml`: the settings of a site root, declared as data.

`SETTINGS` is the single list of what a site may set: name, default and help.
It drives validation here, the documentation in `docs/configuration.md` (a
test checks every setting is documented) and `minutes new`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from .errors import UserError

CONFIG_NAME = "site.yaml"


@dataclass(frozen=True, slots=True)
class Setting:
    name: str
    default: Any
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("title", "Council minutes", "Site title shown in every page header and feed."),
    Setting("council", "", "Name of the council whose records these are."),
    Setting("url", "", "Public origin of the site, e.g. https://minutes.example.org; used for canonical links, feeds and the sitemap. Empty: links are site-relative."),
    Setting("base_url", "/", "Path the site is served under, e.g. /minutes/ on a shared host; a full URL (https://example.org/minutes/) sets url too."),
    Setting("theme", "default", "Theme name: a folder under themes/ (or the built-in default)."),
    Setting("language", "en-GB", "Language of the content, set as the pages' lang attribute."),
    Setting("papers_dir", "content/papers", "Raw papers as received."),
    Setting("meetings_dir", "content/meetings", "Converted Markdown, one file per document."),
    Setting("pages_dir", "content/pages", "Hand-written pages (About, accessibility statement)."),
    Setting("themes_dir", "themes", "Where themes and site overrides live."),
    Setting("output_dir", "output", "Where the built site is written."),
    Setting("cache_dir", ".minutes-cache", "Where the build cache is kept: rendered Markdown, and what each output folder holds. Safe to delete."),
    Setting("committees", {}, "Per committee slug: name (preferred display name), description, aliases (other printed forms of its name)."),
    Setting("people", {}, "Per person's display name: aliases (other printed forms of the name)."),
    Setting("timezone", "Europe/London", "IANA time zone of meeting times, e.g. Europe/London; used by the calendars and feeds."),
    Setting("review_notes", False, "Show the converter's points for a reviewer on published pages (true/false); `minutes serve` and `minutes check` always show them."),
    Setting("build_date", "", "Date used as 'today' for upcoming/recent lists, calendars and feeds (YYYY-MM-DD); empty: SOURCE_DATE_EPOCH if set, else the real date."),
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
    papers_dir: Path = Path("content/papers")
    meetings_dir: Path = Path("content/meetings")
    pages_dir: Path = Path("content/pages")
    themes_dir: Path = Path("themes")
    output_dir: Path = Path("output")
    cache_dir: Path = Path(".minutes-cache")
    committees: dict[str, CommitteeSettings] = field(default_factory=dict)
    people: dict[str, tuple[str, ...]] = field(default_factory=dict)
    timezone: str = "Europe/London"
    build_date: str = ""
    review_notes: bool = False

    def link(self, path: str = "") -> str:
        """A page's address rooted at the base URL: "/minutes/cabinet/"."""
        return self.base_url + path.lstrip("/")

    def absolute_link(self, path: str = "") -> str:
        """A page's full address when the public origin (`url`) is known, else `link(path)`."""
        return self.url + self.link(path)

    def with_overrides(self, **changes: Any) -> "SiteConfig":
        values = {name: getattr(self, name) for name in self.__dataclass_fields__}
        values.update({k: v for k, v in changes.items() if v is not None})
        if "base_url" in changes and changes["base_url"] is not None:
            origin, values["base_url"] = split_base_url(changes["base_url"])
            values["url"] = origin or values["url"]
        return SiteConfig(**values)


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
    """Read `root/site.yaml` (optional); unknown keys and wrong types are errors."""
    root = root.resolve()
    path = root / CONFIG_NAME
    raw: dict[str, Any] = {}
    if path.exists():
        try:
            text = path.read_text(encoding="utf-8")
            loaded = yaml.safe_load(text)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            # An error found at the end of the file belongs to its last line.
            line = min(mark.line + 1, max(1, len(text.splitlines()))) if mark else 0
            raise UserError(f"malformed YAML: {getattr(exc, 'problem', exc)}", path, line) from None
        except UnicodeDecodeError:
            raise UserError("site.yaml must be UTF-8 text", path) from None
        if loaded is None:
            loaded = {}
        if not isinstance(loaded, dict):
            raise UserError("site.yaml must be a mapping of 'key: value' lines", path, 1)
        raw = loaded
    for key in raw:
        if key not in _BY_NAME:
            raise UserError(
                f"unknown setting {key!r}; known settings are: {', '.join(s.name for s in SETTINGS)}",
                path,
                _line_of(path, key),
            )
    values: dict[str, Any] = {}
    for setting in SETTINGS:
        value = raw.get(setting.name, setting.default)
        if value is None:
            value = setting.default
        expected = type(setting.default)
        if not isinstance(value, expected):
            kind = {str: "text", bool: "true or false"}.get(expected, "a mapping")
            raise UserError(f"setting {setting.name!r} must be {kind}", path, _line_of(path, setting.name))
        values[setting.name] = value
    for name in ("papers_dir", "meetings_dir", "pages_dir", "themes_dir", "output_dir", "cache_dir"):
        values[name] = Path(values[name])
    # A full URL as base_url gives the public origin too, so feeds and calendars link absolutely.
    origin, values["base_url"] = split_base_url(values["base_url"])
    values["url"] = (values["url"] or origin).rstrip("/")
    values["committees"] = _committees(values["committees"], path)
    values["people"] = _people(values["people"], path)
    return SiteConfig(root=root, **values)


def _committees(raw: dict, path: Path) -> dict[str, CommitteeSettings]:
    out = {}
    for slug, entry in sorted(raw.items()):
        entry = entry or {}
        if not isinstance(entry, dict) or set(entry) - {"name", "description", "aliases"}:
            raise UserError(
                f"committees.{slug} may set only name, description and aliases", path, _line_of(path, str(slug))
            )
        aliases = entry.get("aliases") or []
        if not isinstance(aliases, list):
            raise UserError(f"committees.{slug}.aliases must be a list", path, _line_of(path, str(slug)))
        out[str(slug)] = CommitteeSettings(
            name=str(entry.get("name") or ""),
            description=str(entry.get("description") or ""),
            aliases=tuple(str(a) for a in aliases),
        )
    return out


def _people(raw: dict, path: Path) -> dict[str, tuple[str, ...]]:
    out = {}
    for name, entry in sorted(raw.items()):
        entry = entry or {}
        aliases = entry.get("aliases") if isinstance(entry, dict) else None
        if not isinstance(entry, dict) or set(entry) - {"aliases"} or not isinstance(aliases or [], list):
            raise UserError(f"people.{name} may set only aliases (a list)", path, _line_of(path, str(name)))
        out[str(name)] = tuple(str(a) for a in aliases or [])
    return out


def _line_of(path: Path, key: str) -> int:
    try:
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if line.lstrip().startswith(f"{key}:"):
                return n
    except OSError:
        pass
    return 0
