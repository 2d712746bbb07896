"""Pizhu's site pipeline: read content, annotate it, render it with Jinja, write the static site.

Rendering and writing know nothing of jieba; they see the annotator's output only through
`annotator.Annotation` and its JSON shape.

The modules by stage, and which way the imports point: README.md, "Code map".
"""
