"""The site's glossary as the annotator sees it: how authors fix names, types and notes.

Reading and validating content/glossary.yaml (with file and line in errors) is the site pipeline's
job; the annotator only receives these plain objects.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

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
        return self._by_surface.get(surface.casefold())

    @cached_property
    def _by_surface(self) -> dict[str, GlossaryEntry]:
        index: dict[str, GlossaryEntry] = {}
        for entry in self.entries:  # the first entry naming a surface wins
            for surface in entry.surfaces:
                index.setdefault(surface.casefold(), entry)
        return index

    @cached_property
    def patterns(self) -> tuple[tuple[re.Pattern, GlossaryEntry, str | None], ...]:
        """One compiled pattern per name or alias, built once per glossary rather than per article, with
        the lower-cased name when it is Latin (a text that does not contain it need not be scanned).

        Latin names match case-insensitively and only as whole words (Office, not Officer)."""
        out: list[tuple[re.Pattern, GlossaryEntry, str | None]] = []
        for entry in self.entries:
            for surface in entry.surfaces:
                if not surface or not surface.strip():
                    continue
                if surface.isascii():
                    pattern = re.compile(r"(?<![A-Za-z0-9])" + re.escape(surface) + r"(?![A-Za-z0-9])", re.I)
                    out.append((pattern, entry, surface.lower()))
                else:
                    out.append((re.compile(re.escape(surface)), entry, None))
        return tuple(out)
