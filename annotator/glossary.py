"""The site's glossary as the annotator sees it: how authors fix names, types and notes.

Reading and validating content/glossary.yaml (with file and line in errors) is the site pipeline's
job; the annotator only receives these plain objects.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .model import EntityType


@dataclass(frozen=True)
class GlossaryEntry:
    name: str
    type: EntityType
    aliases: tuple[str, ...] = ()
    note: str | None = None  # Markdown
    link: str | None = None

    @property
    def surfaces(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class Glossary:
    entries: tuple[GlossaryEntry, ...] = ()
    ignore: frozenset[str] = field(default_factory=frozenset)  # surfaces that are never entities

    def lookup(self, surface: str) -> GlossaryEntry | None:
        """The entry one of whose names or aliases is `surface` (case-insensitive for Latin script)."""
        key = surface.casefold()
        for entry in self.entries:
            if any(s.casefold() == key for s in entry.surfaces):
                return entry
        return None
