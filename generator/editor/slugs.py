"""Turn a name or a few words into an id ('Den Haag' -> 'den-haag'), as `models.SLUG_PATTERN` wants."""

from __future__ import annotations

import re
import unicodedata


def slugify(text: str, max_words: int | None = None) -> str:
    """Lower case ASCII words joined by hyphens; accents dropped ('Súdwest-Fryslân' -> 'sudwest-fryslan')."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    words = re.findall(r"[a-z0-9]+", plain)
    return "-".join(words[:max_words] if max_words else words)


def unique(slug: str, taken: set[str]) -> str:
    """`slug`, or `slug-2`, `slug-3` … when it is taken."""
    if slug not in taken:
        return slug
    number = 2
    while f"{slug}-{number}" in taken:
        number += 1
    return f"{slug}-{number}"
