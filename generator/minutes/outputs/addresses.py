"""Where outputs point: links to pages, and the authority for stable ids."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from minutes.core.config import CONFIG_NAME, SiteConfig
from minutes.core.errors import UserError
from minutes.core.slug import slugify

TAG_DATE = "2024"
"""Date part of every tag: URI (RFC 4151). Fixed, never the build's date, so ids never change."""


@dataclass(frozen=True, slots=True)
class Addresses:
    origin: str
    """config.url without a trailing slash; empty when the public origin is not known."""
    base: str
    """config.base_url: "/" or "/minutes/"."""
    host: str
    """Authority for tag: ids and calendar UIDs."""
    zone: ZoneInfo
    zone_name: str
    config: SiteConfig

    @classmethod
    def of(cls, config: SiteConfig) -> Addresses:
        origin = config.url.rstrip("/")
        host = (urlsplit(origin).hostname or "") if origin else ""
        if not host:
            # Without a public origin there is no domain to mint ids under; a
            # per-site name under .invalid (reserved, RFC 2606) keeps two such
            # sites' calendar UIDs apart. Setting `url` changes the ids once.
            host = f"{slugify(config.council or config.title)[:63].strip('-')}.minutes.invalid"
        return cls(origin, config.base_url, host, _zone(config), config.timezone, config)

    def link(self, path: str = "") -> str:
        """A page's address: absolute when the origin is known, else rooted at base_url."""
        return self.config.absolute_link(path)

    def tag(self, specific: str) -> str:
        return f"tag:{self.host},{TAG_DATE}:{specific}"

    def local_midnight(self, date: dt.date) -> dt.datetime:
        return dt.datetime.combine(date, dt.time(0, 0), tzinfo=self.zone)


def _zone(config: SiteConfig) -> ZoneInfo:
    try:
        return ZoneInfo(config.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        raise UserError(
            f"timezone {config.timezone!r} is not a known IANA time zone; write e.g. Europe/London "
            "(if it is right, install the tzdata package)",
            config.root / CONFIG_NAME,
        ) from None
