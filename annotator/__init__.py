"""Pizhu's annotator: entities, figures, quoted sources and dates in Chinese news text.

Pure and deterministic: `annotate` reads nothing but its arguments (jieba's dictionary is loaded once
per process), writes no file and knows nothing of Markdown or HTML; `prepare` loads the dictionary and
keeps its compiled cache in the user's cache folder.
"""
from __future__ import annotations

import datetime as _dt

from .glossary import Glossary, GlossaryEntry
from .model import Annotation, ArticleInfo, Entity, Event, Figure, Mention, Quote
from .text import sentence_spans

__all__ = ["annotate", "prepare", "parse_number", "sentence_spans", "Annotation", "ArticleInfo", "Entity", "Event", "Figure",
           "Mention", "Quote", "Glossary", "GlossaryEntry", "VERSION"]

# Bump when the annotator's output may change for the same input: the build cache keys on it.
VERSION = "0.6"


def annotate(text: str, *, date: str | _dt.date, glossary: Glossary | None = None,
             path: str | None = None, title: str | None = None, lang: str = "zh") -> Annotation:
    """Annotate `text`, resolving relative dates against the article's `date` (YYYY-MM-DD)."""
    # The rules compile their patterns when imported: a build that annotates nothing never pays for it.
    from .dates import describe_events, find_events
    from .describe import describe
    from .entities import find_entities
    from .figure_context import label_figures
    from .figures import find_figures
    from .linking import link_figures
    from .quotes import find_quotes
    from .text import Document

    day = date if isinstance(date, _dt.date) else _dt.date.fromisoformat(str(date))
    doc = Document(text)
    figures = find_figures(doc)
    label_figures(doc, figures)
    events = find_events(doc, day)
    taken = [(f.start, f.end) for f in figures] + [(e.start, e.end) for e in events]
    entities = find_entities(doc, glossary or Glossary(), taken=taken)
    quotes = find_quotes(doc, entities)
    describe_events(doc, events, entities)
    link_figures(figures, entities, doc, quotes)
    describe(entities, text)
    return Annotation(ArticleInfo(path, title, day.isoformat(), lang), entities, figures, quotes, events)


def prepare() -> None:
    """Load jieba's dictionary now and keep it, compiled, in the user's cache folder (~/.cache/pizhu) for
    the next process. Call it before annotating: `annotate` itself writes no file, so without it each
    new process reads jieba's dictionary from scratch (~1 s)."""
    from ._seg import prepare as load_dictionary

    load_dictionary()


def __getattr__(name: str):
    if name == "parse_number":  # imported on first use, like the rules `annotate` runs
        from .numbers import parse_number
        return parse_number
    raise AttributeError(f"module 'annotator' has no attribute {name!r}")
