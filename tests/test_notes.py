"""Notes: the reader-facing wording of an annotation, one note per entity, figure and quote."""
from annotator import Annotation, Entity, Event, Figure, Mention, Quote
from annotator.model import ArticleInfo

from pizhu.notes import build_notes, datetime_attr, entity_path, entity_slug, format_date

BODY = "2023年1月，微软向OpenAI投资100亿美元。Altman说：“OpenAI很强。”OpenAI回应。"


def at(text, nth=0):
    start = -1
    for _ in range(nth + 1):
        start = BODY.index(text, start + 1)
    return start, start + len(text)


def annotation() -> Annotation:
    def mention(text, nth=0):
        return Mention(text, *at(text, nth))
    entities = [
        Entity("microsoft", "微软", "org", ["Microsoft"], "美国科技公司。", None, [mention("微软")]),
        Entity("openai", "OpenAI", "org", [], None, None, [mention("OpenAI", i) for i in range(3)]),
        Entity("sam-altman", "Sam Altman", "person", ["Altman"], None, None, [mention("Altman")]),
    ]
    figures = [Figure("100亿美元", *at("100亿美元"), "money", 1e10, "USD", None, None, "openai")]
    quotes = [Quote("OpenAI很强。", *at("OpenAI很强。"), True, "Altman", "sam-altman")]
    events = [Event("2023年1月", *at("2023年1月"), "2023-01", "month", "2023年1月，微软向OpenAI投资100亿美元。")]
    return Annotation(ArticleInfo(None, "t", "2023-05-06"), entities, figures, quotes, events)


def test_dates_are_labelled_at_their_precision_only():
    assert format_date("2023", "year") == "2023年"
    assert format_date("2023-01", "month") == "2023年1月"
    assert format_date("2023-01-05", "day") == "2023年1月5日"
    assert datetime_attr("2023-01", "month") == "2023-01"
    assert datetime_attr("2023", "year") == "2023"
    assert datetime_attr("2023-05-04", "day") == "2023-05-04"


def test_notes_are_in_reading_order_with_stable_ids():
    notes = build_notes(annotation())
    endnotes = [n for n in notes if n.kind != "date"]
    assert [n.id for n in endnotes] == [f"n{i}" for i in range(1, len(endnotes) + 1)]
    assert [n.start for n in endnotes] == sorted(n.start for n in endnotes)
    assert [(n.kind, n.text) for n in notes] == [(n.kind, n.text) for n in build_notes(annotation())]
    # a date is a mark without an endnote, numbered apart
    [date] = [n for n in notes if n.kind == "date"]
    assert date.id == "t1" and date.title == "2023年1月" and date.data["datetime"] == "2023-01"


def test_entity_note_has_type_glossary_mentions_and_a_link():
    notes = build_notes(annotation(), render_inline=lambda md: f"<p>{md}</p>")
    ms = next(n for n in notes if n.entity_id == "microsoft")
    assert ms.body_html == "<p>美国科技公司。</p>" and ms.description is None
    labels = {d.label: d.value for d in ms.details}
    assert ms.kind_label == "机构" and labels["别名"] == "Microsoft" and "本文提及" not in labels
    assert (ms.href, ms.name) == ("entities/microsoft/", "微软") and not ms.links  # its name links to its page
    assert ms.pattern == "disclosure"


def test_entity_without_glossary_note_says_what_the_article_says_or_nothing():
    ann = annotation()
    notes = build_notes(ann)
    [openai] = [n for n in notes if n.entity_id == "openai" and n.kind == "entity"]
    # one note for its three mentions, each mention a mark of its own opening it
    assert openai.body_html is None and openai.description is None  # no placeholder text
    assert [(m.note_id, m.item) for m in openai.marks] == [(openai.id, openai.id), (f"{openai.id}-2", openai.id),
                                                          (f"{openai.id}-3", openai.id)]
    ann.entities[1].description = "人工智能公司"
    [openai] = [n for n in build_notes(ann) if n.entity_id == "openai" and n.kind == "entity"]
    assert openai.description == "人工智能公司"


def test_figure_note_is_a_plain_tooltip_in_both_unit_systems():
    fig = next(n for n in build_notes(annotation()) if n.kind == "figure")
    values = {d.label: d.value for d in fig.details}
    assert values == {"关于": "OpenAI", "数值": "100亿美元", "换算": "US$10 billion"}
    assert fig.pattern == "tooltip"


def test_quote_note_links_its_speaker():
    quote = next(n for n in build_notes(annotation()) if n.kind == "quote")
    # the title's name links to the speaker's page: nothing else repeats it
    assert (quote.name, quote.said, quote.href) == ("Sam Altman", "说", "entities/sam-altman/") and not quote.details
    assert quote.pattern == "disclosure" and [m.layer for m in quote.marks] == [0]
    assert quote.title == "Sam Altman说"  # the speaker entity's name


def test_unknown_speaker_is_plain():
    ann = annotation()
    ann.quotes[0].speaker_entity = None
    quote = next(n for n in build_notes(ann) if n.kind == "quote")
    assert quote.pattern == "tooltip" and quote.title == "Altman说" and not quote.href


def test_quote_without_speaker_says_so():
    ann = annotation()
    ann.quotes[0].speaker, ann.quotes[0].speaker_entity = None, None
    quote = next(n for n in build_notes(ann) if n.kind == "quote")
    assert quote.title == "引语（说话人未注明）" and quote.details == []


def test_a_reported_statement_says_so_in_its_title():
    ann = annotation()
    ann.quotes[0].direct = False
    quote = next(n for n in build_notes(ann) if n.kind == "quote")
    assert quote.title == "Sam Altman（转述）"


def test_entity_slugs_are_url_safe():
    assert entity_slug("sam-altman") == "sam-altman"
    assert entity_slug("微软") == "wei-ruan"  # an id that is not URL-safe is read in pinyin, never hashed
    assert entity_path("a/b") == "entities/a-b/"
