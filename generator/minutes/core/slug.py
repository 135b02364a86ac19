"""URL slugs, shared by every stage so a name always maps to the same path."""

from __future__ import annotations

import re
import unicodedata


def slugify(text: str) -> str:
    """ "Cabinet Member for Communities & Cohesion" -> "cabinet-member-for-communities-cohesion"."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug or "untitled"
