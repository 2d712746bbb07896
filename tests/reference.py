"""Whole-site results computed the plain way, for tests to compare the builder's incremental ways against
(imported as `reference`): the builder itself renders site-wide pages from spilled parts and merges entity
pages through a long-lived EntityIndex."""
from __future__ import annotations

from typing import Callable, Iterable

from pizhu.entities_index import EntityIndex, EntityPage
from pizhu.model import AnnotatedArticle, EntityPart
from pizhu.pages import Renderer
from pizhu.site_pages import site_wide_plan


def site_wide_pages(renderer: Renderer, items: list[AnnotatedArticle]) -> dict[str, str]:
    """Every site-wide page of `items`, rendered (path relative to the output folder → content)."""
    parts = [renderer.article_parts(item) for item in items]
    pages = site_wide_plan(renderer, [i.article for i in items], parts)
    return {page.rel: _text(page.render()) for page in pages}


def _text(content: str | bytes) -> str:
    return content.decode("utf-8") if isinstance(content, bytes) else content


def merge_entity_pages(articles_parts: Iterable[list[EntityPart]],
                       render_inline: Callable[[str], str] = lambda md: md) -> list[EntityPage]:
    """One page per entity id from every article's parts (newest article first), merged afresh."""
    return EntityIndex(render_inline).update(list(articles_parts))
