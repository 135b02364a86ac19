"""Where outputs point: links to pages, and the names of stable ids.

Standards that link to pages (the sitemap, iCalendar's URL, schema.org's `url`) want full
addresses, which only `url` in site.yaml can give. Without it those links are left out
rather than written wrong, and ids are minted as name-based UUIDs (RFC 9562, version 5) of
the site's name: a tag: URI needs a domain the publisher holds, and a made-up one (as
`….invalid`) would be a claim no one can make.
"""

from __future__ import annotations

import datetime as dt
import uuid
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
    """Authority for tag: ids and calendar UIDs; empty when the public origin is not known."""
    zone: ZoneInfo
    zone_name: str
    config: SiteConfig

    @classmethod
    def of(cls, config: SiteConfig) -> Addresses:
        origin = config.url.rstrip("/")
        host = (urlsplit(origin).hostname or "") if origin else ""
        return cls(origin, config.base_url, host, _zone(config), config.timezone, config)

    @property
    def absolute(self) -> bool:
        """Whether links can be full addresses (`url` is set)."""
        return bool(self.origin)

    def link(self, path: str = "") -> str:
        """A page's address: absolute when the origin is known, else rooted at base_url."""
        return self.config.absolute_link(path)

    def full_link(self, path: str = "") -> str:
        """A page's full address, or "" when the origin is not known (where a standard wants it full)."""
        return self.config.absolute_link(path) if self.absolute else ""

    def tag(self, specific: str) -> str:
        """A stable id: a tag: URI under the site's domain, or a urn:uuid: named by the site and `specific`."""
        if self.host:
            return f"tag:{self.host},{TAG_DATE}:{specific}"
        return f"urn:uuid:{self.uuid(specific)}"

    def uid(self, specific: str) -> str:
        """A calendar event's UID: "<specific>@<domain>", or a UUID (RFC 7986 5.3) without a domain."""
        return f"{specific}@{self.host}" if self.host else str(self.uuid(specific))

    def uuid(self, specific: str) -> uuid.UUID:
        # The site's name keeps two sites' ids apart; slugified, so a change of capitals keeps them.
        site = slugify(self.config.council or self.config.title) or "minutes"
        return uuid.uuid5(uuid.NAMESPACE_URL, f"minutes:{site}:{specific}")

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
