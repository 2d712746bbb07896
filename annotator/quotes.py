"""Quoted sources: direct quotes and reported speech, each with its speaker and a confidence.

Direct quotes are text in “”, 「」, 『』 or "" that a speech cue introduces (X表示：“…”, X：“…”), that a
speech cue follows (“…”，X说。), or that is a long statement of its own in a paragraph whose speaker is
known. Short quoted words with no cue are scare quotes or names and are skipped; short quoted words inside
a reported clause belong to that clause. Reported speech is the clause after a speech verb (X表示/透露/
认为/称…，CLAUSE), after 据X报道, 正如X提到的 or 在X看来.

The speaker is the subject of the verb's clause, read by a small clause reader: adverbials are cut at the
end (曾在会上, 普遍, 对记者), connectives at the start; a name the clause opens with speaks through the
titles and adverbials after it; a description speaks when it ends in a role noun (一位匿名官员); a pronoun
or 该X stands for the nearest earlier subject or speaker (not a name in an object: 他与李斌是同学。他表示…
is the earlier subject; nor one right after a verb: 抨击X), or for the person whose possession opens its
sentence (X的团队…，他表示); when its sentence holds a name the entity finder missed, for nobody. A verb
whose own phrase is only adverbials (X，不久前在会上表示; 并表示) takes the sentence's subject. A time
word, an adverb or a negated predicate is no speaker: the clause is then no statement, or, when its
subject is a noun that cannot be read as a speaker, a statement whose speaker is null. Word lists (speech
verbs, role nouns, pronouns…) are in annotator/data/ with their sources.
"""
from __future__ import annotations

import bisect
import itertools
import re

from . import _seg
from . import _vocab as V
from ._vocab import entries
from .model import Entity, Quote
from .text import Document


SPEECH_VERBS = V.SPEECH_VERBS
SPEAKER_NOUNS = set(entries("speaker_nouns"))  # a descriptive speaker ends with one (一位匿名官员)
PRONOUNS = {p.split()[0]: p.endswith(" plural") for p in entries("pronouns")}  # word -> plural?
REFERENCE_WORDS = entries("reference_words")  # 这位…议员, 该负责人: refers back
NEGATORS = entries("speech_negators")  # 并未披露: nothing is said
IMPERSONAL = set(entries("impersonal_verbs"))
DOCUMENT_NOUNS = entries("document_nouns")  # 招股书显示, X发表评论称: a document speaks
STANCE_NOUNS = entries("stance_nouns")  # 表示强烈不满: expressing a stance, no statement
OBJECT_MARKERS = set(entries("object_markers"))  # 与/给/在…: the name after one is no subject

# How likely a quote's speaker is right, by the evidence that named it.
CONF_NAMED = 0.9  # a person or organisation the entity finder knows is the clause's subject
CONF_DESCRIBED = 0.8  # a description ending in a role noun, a document, a named source (据X报道)
CONF_REFERENCE = 0.7  # a pronoun or 该X resolved to someone named before
CONF_NAME_LIKE = 0.6  # an unknown word shaped like a name (surname + given name, a transliteration)
CONF_NOUN_PHRASE = 0.5  # an unknown noun phrase as subject (a name the entity finder missed, or a thing)
CONF_CONTEXT = 0.5  # no cue of its own: the speaker of the paragraph before
CONF_GUESS = 0.4  # a speech cue whose subject cannot be read: the paragraph's last speaker
CONF_NONE = 0.3  # a quotation with a speech cue whose speaker was not found (speaker null)
CONF_DOUBT = 0.2  # a pronoun whose antecedent is a name the entity finder missed: null, and no guess either

_OPEN = {"“": "”", "「": "」", "『": "』", "\"": "\"", "﹁": "﹂"}
_OPEN_RE = re.compile(r"[“「『\"﹁]")
_CLAUSE_BREAK = set("，,：:；;。！？!?\n—")  # brackets stay inside their clause: 霍克（Hawke）表示
_TRAIL = re.compile(
    r"(?:曾经|曾|也|就|则|还|又|更|均|都|亦|再|已|正|便|即|此前|之前|近日|日前|随后|同时|对此|公开|私下|进一步|直接|一度|早前|最近|当时|今天|昨天|"
    r"在[^，。“”]{0,16}?(?:上|中|时|里|后|前)|(?<![反相绝针核应比配校])对[^，。“”]{1,10}|(?<![一方动意志倾偏转导走面])向[^，。“”]{1,10}|接受[^，。“”]{0,16}?采访时?|于[^，。“”]{1,10}|"
    r"通过[^，。“”]{1,10}|日|也曾|亦曾)$")
_LEAD = re.compile(r"^(?:而|但|并|且|此外|另外|同时|不过|然而|因此|所以|对此|其中|就此|随后|此前|另据|据|在|当|正如|也正如|但也正如|也|更|还|和|与|以及)")
_LEAD_WORDS = {"据", "另据", "而", "但", "并", "正如", "其中", "此外", "同时", "也", "还", "在"}
_DOC_RE = re.compile("(" + V.alternation(DOCUMENT_NOUNS) + ")$")
_STANCE_END = re.compile("(?:" + V.alternation(STANCE_NOUNS) + ")$")
_ANON_RE = re.compile("(" + V.alternation(SPEAKER_NOUNS) + r")(?:中的\w{1,3}|之一)?$")
_CITED = re.compile(r"(?:另据|据)[^，。,；;“”\n]{1,20}?(?:援引|引述|引用)([^，。,；;“”\n]{1,30}?)(?:的话)?(?:说|称|表示|指出)?[，,：:]")
_REPORT = re.compile(r"(?:另据|据)([^，。,；;“”\n]{1,30}?)(?:的)?(?:报道|报导|消息|援引|统计|数据|调查|报告|介绍|分析|了解|透露|称)(?:称|说|显示)?[，,：:]")
_ASIF = re.compile(r"正如([^，。,；;“”\n]{1,30}?)(?:所|曾经|曾|此前)?(?:提到|提及|指出|说|写道|所说|所言|预测|预言|显示)(?:的)?(?:那样|一样)?[，,：:]")
_SOURCE_LEAD = ("", "根", "而", "但", "另", "并", "同时", "此外", "不过", "也")  # what may stand before 据X报道 in its clause
_BY_THIS = re.compile(r"[据依以按照]此$")  # 投资者据此分析操作: acting on this, not saying
_LIGHT_VERBS = ("发表", "发布", "作出", "做出", "进行")  # before a speech verb they make it a noun (发表评论)
_SEEN_BY = re.compile(r"在([^，。,；;“”\n]{1,30}?)看来[，,]")  # 在X看来，…: X's view
_VERB_END = re.compile("(?:" + V.alternation(v for v in SPEECH_VERBS if len(v) > 1) + ")$")
_AFTER_VERB = re.compile(r"(?:过|道|了)?(?:(?:记者|媒体|本报|本刊|笔者|我们|外界|投资者)(?=[，,：:]))?[：:，,]?")
_VERB_START = re.compile("(?:说|称|道|表示|指出)")
_CLAUSE_MARK = re.compile(r"[，,。！？!?；]")
_CLAUSE_END = re.compile(r"[\s。，,！？!?；;：:—\n]|$")
_NEXT_QUOTE = re.compile(r"[—\-]*[：:]?[“「『]")
_SENTENCE_BREAK = re.compile(r"[。！？!?；;\n”」』]")
_ORGISH = re.compile(r"公司|机构|集团|银行|组织|行|基金|企业|媒体|报")
_ADVERB_START = re.compile(r"(?:曾|在|也|就|还|则|对|向|于|通过|公开|私下|此前|近日|日前|又|更|已|再|亦|均|都|一度)")
_FUNCTION_END = re.compile(r"[的了在是和与要会能将]$")
_DEICTIC_START = re.compile(r"^[这那有可也就还都]")
_DOC_IN = re.compile(r"([\w\u4e00-\u9fff]{0,10}?)(" + _DOC_RE.pattern[1:-2] + r")")
_BRACKET_END = re.compile(r"\s*[（(][^（）()]*[）)]$")
_NOT_SPEECH_AFTER = ("为", "之为", "号", "作", "霸")  # 称为, 称号 …: not speech


def _names_not_says(text: str, ve: int) -> bool:
    """Whether the verb ending at `ve` is 称 naming something (称为, 称作, 称号), not saying."""
    return text[ve - 1] == "称" and text[ve:ve + 2].startswith(_NOT_SPEECH_AFTER)
_DESCRIPTION_LEN = 30  # a speaker's description longer than this is a clause, not a label a reader can use
_FRAGMENT_LEN = 20  # quoted words shorter than this, with no comma, inside a reported clause are part of it
_STATEMENT_LEN = 10  # a quotation this long with a speech cue is a statement even when its speaker is unknown


def _mark(flags: bytearray, start: int, end: int) -> None:
    """flags[start:end] = 1 in one slice assignment (quotes are long: a loop per character is slow)."""
    if end > start:
        flags[start:end] = b"\x01" * (end - start)


def find_quotes(doc: Document, entities: list[Entity]) -> list[Quote]:
    text = doc.text
    ctx = _Context(text, entities, doc.tokens)
    paragraphs = doc.paragraphs
    pstarts = [p.start for p in paragraphs]
    verbs = _speech_verbs(doc)
    direct = _direct_spans(text, paragraphs)
    in_quote = bytearray(len(text) + 1)
    for s, e, _ in direct:
        _mark(in_quote, max(0, s - 1), min(len(text), e + 1))
    events: list[tuple[int, str, tuple]] = []  # (position, kind, data) in document order
    quotes: list[Quote] = []

    # direct quotes
    direct_q: list[tuple[int, int, tuple | None, tuple | None]] = []  # (start, end, cue before, cue after)
    for s, e, closed in direct:
        content = text[s:e]
        if not content.strip():
            continue
        para = paragraphs[max(0, bisect.bisect_right(pstarts, s) - 1)]
        before = _speaker_before(text, s - 1, verbs, para.start)
        after = _speaker_after(text, e + (1 if closed else 0), verbs, para.end) if closed else None
        statement = len(content) >= 15 and _CLAUSE_MARK.search(content) is not None
        # “…，”X说。“…”: a quote opening the sentence after an attributed quote goes on with it
        continued = bool(direct_q) and direct_q[-1][3] is not None and para.start <= direct_q[-1][0] \
            and _SENTENCE_END_BEFORE.search(text, max(para.start, s - 2), s) is not None and s - direct_q[-1][1] < 60
        if before is None and after is None and not statement and not (continued and len(content) >= 6):
            continue  # a scare quote or a quoted term
        if after is None and before is not None and len(content) < _FRAGMENT_LEN and not _CLAUSE_MARK.search(content):
            # quoted words inside a reported clause (将参加“X大会”, 她感到“相当意外”, 警告，“达峰”可能…):
            # the reported clause carries them; a statement opens right after the verb and ends its clause
            opened_right_after_verb = _verb_right_before(text, s - 1)
            ends_clause = not closed or _CLAUSE_END.match(text[e + 1:e + 2]) is not None
            if not opened_right_after_verb or (not ends_clause and len(content) < 8):
                continue
        direct_q.append((s, e, before, after))
    in_statement = bytearray(len(text) + 1)
    for s, e, _, _ in direct_q:
        _mark(in_statement, max(0, s - 1), min(len(text), e + 1))

    # reported speech after a verb
    reported = []
    for vs, ve in verbs:
        if in_quote[vs]:
            continue
        chunk_start = _clause_start(text, vs)
        chunk = text[chunk_start:vs]
        after_verb = _AFTER_VERB.match(text, ve)  # always matches (every part is optional): None only for mypy
        cs = after_verb.end() if after_verb else ve
        ce = _clause_end(text, cs, in_quote)
        if ce - cs < 6 or _names_not_says(text, ve):
            continue
        if cs == ve and ce - cs < 16 and _STANCE_END.search(text, cs, ce):
            continue  # 对此表示强烈不满和坚决反对: a stance expressed, no statement
        if text[ve:ve + 1] == "了" and ce - cs < 15 and not _CLAUSE_MARK.search(text, cs, ce):
            continue  # 介绍了新产品的功能: the verb has an object, not a statement
        if _OPEN_RE.match(text, cs) and in_statement[cs + 1]:
            continue  # a direct quote follows: handled above
        if _VERB_START.match(text, ve):
            continue  # 补充说, 表示称: the last verb of the pair introduces the clause
        if ctx.negated(vs) or _BY_THIS.search(chunk):
            continue  # 并未披露, 拒绝透露: nothing is said
        if text[ve:ve + 1] == "的" or chunk.endswith("的") or chunk.endswith("所"):
            continue  # X提到的 / X的预测: not a statement here (正如X提到的 is matched below)
        if _NEXT_QUOTE.match(text[ce:ce + 4]) and in_statement[ce + 1:ce + 5].count(1):
            continue  # the statement goes on in a direct quote: that quote carries it
        # a direct quote inside the clause carries the statement from the clause that introduces it on
        # (A表示，……，B说：“……”: A's statement ends before B's clause)
        quoted_at = in_statement.find(1, cs, ce)
        if quoted_at >= 0:
            j = quoted_at
            while j > cs and text[j - 1] in "：:，, ":
                j -= 1
            k = _clause_start(text, j)  # the clause before the quote: its cue (李明则说)
            if k - cs < 7 or text[k - 1] not in "，,；;":
                continue
            ce = k - 1
        reported.append((vs, chunk_start, chunk, cs, ce))
    for pat in (_CITED, _REPORT, _ASIF, _SEEN_BY):
        for m in pat.finditer(text):
            if in_quote[m.start()]:
                continue
            if pat in (_CITED, _REPORT) and text[_clause_start(text, m.start()):m.start()].strip() not in _SOURCE_LEAD:
                continue  # 本文数据据Wind统计: 据 inside a clause qualifies a noun, it cites no source
            cs = m.end()
            ce = _clause_end(text, cs, in_quote)
            if ce - cs < 6 or any(in_statement[cs:ce]):
                continue
            reported.append((m.end(1), m.start(1), m.group(1), cs, ce))
    # a clause that itself opens with another speaker and verb: keep the inner one only
    reported.sort(key=lambda r: r[1])
    rstarts = [r[1] for r in reported]
    keep = []
    for r in reported:
        lo = bisect.bisect_left(rstarts, r[3])
        hi = bisect.bisect_right(rstarts, r[3] + 2)
        inner = [o for o in reported[lo:hi] if o is not r and o[0] < r[3] + 30 and o[3] < r[4] and o[4] <= r[4] + 1
                 and text[o[3] - 1] in "，,：:" and ctx.resolve(o[2], o[1], o[0])[0]]
        if inner:
            continue
        keep.append(r)
    seen = set()  # one clause, one quote: the first cue whose speaker resolves wins
    for r in _cut_at_next_speaker(keep, ctx):
        events.append((r[1], "reported", r))
    for d in direct_q:
        events.append((d[0], "direct", d))
    events.sort(key=lambda ev: ev[0])

    for pos, kind, data in events:
        if kind == "direct":
            s, e, before, after = data
            ctx.quoting(s, e)  # names inside this quote are no antecedent of its speaker (“…蓬佩奥…，”他说)
            cues = [c for c in (before, after) if c is not None]
            speaker, ent, conf = _direct_speaker(ctx, s, cues, paragraphs, pstarts)
            if speaker is None and cues and e - s < _STATEMENT_LEN:
                continue  # quoted words near a speech verb that names nobody: not a statement
            q = Quote(text[s:e], s, e, True, _undated(speaker), ent, conf)
        else:
            vs, chunk_start, chunk, cs, ce = data
            if (cs, ce) in seen:
                continue
            speaker, ent, conf = ctx.resolve(chunk, chunk_start, vs)
            if (speaker, ent, conf) == _NOBODY:
                continue  # no subject that could have said it: a plain sentence
            seen.add((cs, ce))
            body = text[cs:ce].rstrip()
            if len(body) < 6:
                continue
            q = Quote(body, cs, cs + len(body), False, _undated(speaker), ent, conf)
        ctx.said(q, pos)
        quotes.append(q)
    quotes.sort(key=lambda q: q.start)
    return quotes


def _cut_at_next_speaker(reported: list, ctx: "_Context") -> list:
    """Reported clauses ending where another speaker's statement starts inside them (A表示，……，B则认为，
    ……: A's statement ends before B's), so that each statement is one speaker's."""
    starts = [r[1] for r in reported]
    out = []
    for vs, chunk_start, chunk, cs, ce in reported:
        i = bisect.bisect_right(starts, cs)
        while i < len(reported) and reported[i][1] < ce:
            o = reported[i]
            if ctx.text[o[1] - 1] in "，,；;" and ctx.resolve(o[2], o[1], o[0])[0]:
                ce = o[1] - 1
                break
            i += 1
        out.append((vs, chunk_start, chunk, cs, ce))
    return out


def _direct_speaker(ctx: "_Context", s: int, cues: list, paragraphs, pstarts):
    """(speaker, entity id, confidence) of the direct quote whose text starts at `s`."""
    text = ctx.text
    if not cues:
        colon = _colon_speaker(text, s - 1, paragraphs[max(0, bisect.bisect_right(pstarts, s) - 1)].start)
        named = ctx.resolve(*colon) if colon else _NOBODY  # 张军：“…”: a name and a colon introduce it
        if named[0] and named[2] >= CONF_NAME_LIKE:
            return named
        return ctx.last_speaker_in(text, s, paragraphs, pstarts)
    for cue in cues:
        found = ctx.resolve(*cue)
        if found[0] or found == _DOUBTED:
            return found
    # a cue whose subject cannot be read (在谈到…时则说): the paragraph's last speaker, a guess
    return ctx.last_speaker_in(text, s, paragraphs, pstarts, CONF_GUESS)


# --- finding the pieces ---------------------------------------------------------------------------

def _speech_verbs(doc: Document) -> list[tuple[int, int]]:
    """Speech verbs: whole words of the segmentation, or a two-character verb ending a word (数据表示)."""
    out = []
    back = _VERB_BACK
    text = doc.text
    prev = ("", 0, 0)
    for w, s, e in doc.tokens:
        k = back.get(w)
        if k is None:
            k = _verb_back(w)
        if k is False and len(w) == 2 and w[1] in "说称" and prev[2] == s and prev[0] in V.SURNAMES \
                and text[e:e + 1] in ("，", ",", "：", ":", "“"):
            k = 1  # 李 明说，: the segmenter glued a given name to the verb after a lone surname
        if k is not False:
            out.append((e - k, e))
        prev = (w, s, e)
    return out


_VERB_BACK: dict = {}  # word -> how many characters at its end are a speech verb, or False (memoised)


def _verb_back(w: str):
    verbs = SPEECH_VERBS
    if w in verbs:
        k = len(w)
    elif len(w) >= 3 and w[-2:] in verbs:
        k = 2
    elif len(w) == 2 and w[1] in "说称" and w[0] in "时中上里后前又也还则就却再曾便均都亦并":
        k = 1  # 时说, 也称: the dictionary glued the verb to the word before
    else:
        k = False
    if len(_VERB_BACK) < 500_000:
        _VERB_BACK[w] = k
    return k


def _direct_spans(text: str, paragraphs) -> list[tuple[int, int, bool]]:
    """(content start, content end, closed) of every quotation in marks."""
    out = []
    for para in paragraphs:
        i = para.start
        while True:
            m = _OPEN_RE.search(text, i, para.end)
            if not m:
                break
            o = m.group()
            c = _OPEN[o]
            s = m.end()
            if o == "\"":
                close = text.find(c, s, para.end)
                if close < 0:
                    break
                out.append((s, close, True))
                i = close + 1
                continue
            close = text.find(c, s, para.end)
            reopen = text.find(o, s, para.end)
            if close >= 0 and (reopen < 0 or close < reopen):
                out.append((s, close, True))
                i = close + 1
            else:
                end = reopen if reopen >= 0 else para.end
                while end > s and text[end - 1] in " \t\n\r":
                    end -= 1
                out.append((s, end, False))
                i = end if reopen >= 0 else para.end
    return out


def _colon_speaker(text: str, mark: int, para_start: int):
    """(phrase, start, end) of a short phrase ending in a colon right before the opening mark at `mark`."""
    k = mark
    while k > para_start and text[k - 1] == " ":
        k -= 1
    if k <= para_start or text[k - 1] not in "：:":
        return None
    cs = _clause_start(text, k - 1)
    return (text[cs:k - 1], cs, k - 1) if 0 < k - 1 - cs <= 20 else None


def _verb_right_before(text: str, mark: int) -> bool:
    """Whether a speech verb (and a colon or comma) stands right before the opening mark."""
    k = mark
    while k > 0 and text[k - 1] in " ：:，,":
        k -= 1
    return _VERB_END.search(text, max(0, k - 4), k) is not None or text[k - 1:k] in ("说", "称", "道")


# everything up to the last clause break or closing mark (greedy: the regex engine scans back, not Python)
_TO_LAST_BREAK = re.compile("(?s:.*)[" + re.escape("".join(sorted(_CLAUSE_BREAK)) + "”」』") + "]")


def _clause_start(text: str, pos: int) -> int:
    """Start of the clause that ends at `pos` (back to the last comma, colon or sentence end, 70 at most:
    a diplomat's subject with titles and a venue runs long)."""
    lo = max(0, pos - 70)
    m = _TO_LAST_BREAK.match(text, lo, pos)
    return m.end() if m else lo


_CLAUSE_MARK_ANY = re.compile(r"[，,；;：:]")


def _clause_end_at(text: str, start: int, limit: int) -> int:
    """Where the clause from `start` ends: the next comma, colon or semicolon (or `limit`)."""
    m = _CLAUSE_MARK_ANY.search(text, start, limit)
    return m.start() if m else limit


_SENTENCE_END_BEFORE = re.compile(r"[。！？!?]“?$|[。！？!?][”」』]?[“「『]$")
_ENDER = re.compile(r"[。！？!?；;\n—]")


def _clause_end(text: str, start: int, in_quote: bytearray) -> int:
    """Where the clause from `start` ends: a sentence end or a dash outside quotation marks."""
    limit = min(len(text), start + 600)  # a clause longer than this is not one clause
    k = start
    while True:
        m = _ENDER.search(text, k, limit)
        if m is None:
            return limit
        k = m.start()
        if not in_quote[k]:
            return k
        k += 1


def _speaker_before(text: str, mark: int, verbs: list, para_start: int):
    """A speech verb before the opening mark at `mark`, in the same sentence: (chunk, start, verb start)."""
    k = mark - 1
    while k >= para_start and text[k] in " ：:，,":
        k -= 1
    # the verb right before the mark
    i = bisect.bisect_right(verbs, (k + 1, 10**9)) - 1
    while i >= 0:
        vs, ve = verbs[i]
        if ve <= para_start:
            return None
        between = text[ve:mark]
        if _SENTENCE_BREAK.search(between):
            return None
        if len(between) > 45:
            return None
        if _names_not_says(text, ve):
            i -= 1
            continue
        cs = _clause_start(text, vs)
        return (text[cs:vs], cs, vs)
    return None


_AFTER_LEN = 90  # a speaker's titles, venue and occasion after a quote run long (X在…会议上代表…发言时说)
_AFTER_RE = re.compile(rf"[，,]?\s*([^，,。！？!?；;：:“”「」『』\n]{{1,{_AFTER_LEN}}}?)(?:" + V.alternation(SPEECH_VERBS) + r")道?(?=\s*(?:[。，,：:！!；;“「]|$))")


def _speaker_after(text: str, pos: int, verbs: list, para_end: int):
    """A speaker and speech verb right after a closing mark: “…”，X说。 / “…”X表示，“…"""
    m = _AFTER_RE.match(text, pos, min(para_end, pos + _AFTER_LEN + 4))
    if not m or not m.group(1).strip():
        return None
    return (m.group(1), m.start(1), m.end(1))


# --- speakers -------------------------------------------------------------------------------------

# a reference word without a demonstrative (公司, not 该公司): the article's own company, not the last one named
_BARE_REFERENCES = {w for w in V.REFERENCES if not w.startswith(("该", "这", "此", "上述"))}
_NOBODY = (None, None, 0.0)  # no subject: the words after the verb are no statement
_UNNAMED = (None, None, CONF_NONE)  # a subject that cannot be read as a speaker: a statement by nobody named
_DOUBTED = (None, None, CONF_DOUBT)  # a pronoun that may stand for a name nobody found: nobody named, no guess
# a pronoun, not the first character of another word (其中, 其他, 其实, 他人, 他国)
_PRONOUN_RE = re.compile("(?:" + V.alternation(PRONOUNS) + ")(?![中他余实次人国])")
_REFERENCE_RE = re.compile("(?:" + V.alternation(REFERENCE_WORDS) + ")")
# a character that cannot stand between two names of one subject (X与Y代表: two people, not a title)
_OBJECT_MARK = re.compile(r"[与和跟同向对给把被让令使及替帮问请在于从]|包括")
_NEGATED = re.compile("(?:" + V.alternation(NEGATORS) + ")$")
_ORG_END = re.compile("(?:" + V.alternation(V.ORG_SUFFIXES) + "|时报)$")
_COUNTED = re.compile(r"[一二两三四五六七八九十几数某这那每各该此][名位个家]$")  # 一名 (说普通话的记者): no subject
_ADVERB_TAGS = ("d", "ad", "t")  # jieba's adverbs and time words: cut off the end of a speaker phrase
_ADVERBIAL_TAGS = ("d", "ad", "t", "c")  # adverbs, time words, connectives: no subject
_FUNCTION_TAGS = ("v", "d", "u", "m", "c", "p", "f", "r", "q", "t")  # no given name starts with these
_SUBJECT_TAGS = ("n", "r", "vn", "j", "eng")  # jieba tags of words that can head a subject (ours are upper case)
_LATIN_NAME = re.compile(r"[A-Z][\w.&'-]*(?: [A-Z][\w.&'-]*){0,3}")
_DOC_REFS = ("其中", "文中", "文件中", "报告中", "信中", "文章")


_DATE_IN_SPEAKER = re.compile(r"(?:[0-9０-９]{2,4}年)?(?:[0-9０-９]{1,2}月)?(?:[0-9０-９]{1,2}[日号])?(?<=[年月日号])(?!度)|[今去前明]年(?!度)|上周|本周|上月|本月")


def _undated(speaker: str | None) -> str | None:
    """The speaker without the date of its document (10月12日发布的数据 -> 发布的数据)."""
    if not speaker or not re.search(r"[年月日号周]", speaker):
        return speaker
    return _DATE_IN_SPEAKER.sub("", speaker) or speaker


def _title_gap(gap: str) -> bool:
    """Whether the words between two names of a subject are a title or role (首席执行官, 游泳运动员)."""
    gap = _GIVEN_NAME_END.sub("", gap.strip(" 的、兼"))  # 代表苏珊·(哈特): the name's own first part
    if gap[-1:] in ("前", "原", "现"):  # 前澳大利亚奥运选手: a former title
        gap = gap[:-1].rstrip(" 的、兼")
    if gap in ("驻", "常驻"):  # 中国常驻联合国代表X
        return True
    role = V.TITLE_END.search(gap) or _ANON_RE.search(gap)
    # an object mark before the role, not inside it (大使 holds 使): X与Y代表 are two people
    return not gap or (len(gap) <= 12 and role is not None and not _OBJECT_MARK.search(gap, 0, role.start()))


_GIVEN_NAME_END = re.compile("[" + re.escape("".join(sorted(V.TRANSLIT))) + "]{0,4}·$")  # 苏珊· before 哈特


_PUBLISHED = re.compile(r"[^，。的]{0,6}(?:发布|公布|发表|出版|编制|编写)的[^，。的]{2,12}$")


_TITLE_THEN_NAME = re.compile("(?:" + V.alternation(V.TITLES | SPEAKER_NOUNS)
                              + r")([^\s，。、的]{2,8}?)(?=$|当天|今天|昨天|" + _ADVERB_START.pattern[3:-1] + "|代表|接受)")


def _titled_name(t: str) -> str | None:
    """The name after a title (民生银行首席研究员温彬, 常驻联合国代表X在会上), when it is shaped like a
    name (a transliteration too: 财政部长耶伦), or None."""
    for m in _TITLE_THEN_NAME.finditer(t):
        name = m.group(1)
        if _name_like(name) or (len(name) <= 6 and all(c in V.TRANSLIT or c in "·-" for c in name)):
            return name
    return None


def _name_like(t: str) -> bool:
    """An unknown word shaped like a person's name: surname + one or two characters, a transliteration."""
    if _LATIN_NAME.fullmatch(t):
        return True
    if V.chinese_name(t):
        return True
    return len(t) >= 3 and all(c in V.TRANSLIT or c in "·-" for c in t)


def _nominal(t: str):
    """(kind, confidence) of a speaker phrase no entity covers, or None when it is no noun phrase that
    can speak: a person's description (一位匿名官员), a document, an organisation, or a name-like word."""
    if _FUNCTION_END.search(t):
        return None
    if _ANON_RE.search(t):
        return "person", CONF_DESCRIBED
    if _DOC_RE.search(t):
        return "doc", CONF_DESCRIBED
    if _ORG_END.search(t) and len(t) >= 3 and not t.startswith(tuple(NEGATORS)):
        return "org", CONF_DESCRIBED  # not 不构成任何投资(建议): a predicate, not a name
    if len(t) <= 12 and _name_like(t):
        return "person", CONF_NAME_LIKE
    return None


class _Context:
    def __init__(self, text: str, entities: list[Entity], tokens: list[tuple[str, int, int]]):
        self.text = text
        self.tokens = tokens
        self.tstarts = [t[1] for t in tokens]
        self.mentions = sorted((m.start, m.end, e) for e in entities for m in e.mentions)
        self.mstarts = [m[0] for m in self.mentions]
        self.history: list[tuple[int, str, str | None, str | None]] = []  # (pos, speaker, entity id, kind)
        self.quoted: list[tuple[int, int]] = []
        self.types = {e.id: e.type for e in entities}
        self.names = {e.id: e.name for e in entities}
        self.orgs = [e for e in entities if e.type == "org"]

    def quoting(self, start: int, end: int) -> None:
        """Mark text[start:end] as quoted (once)."""
        i = bisect.bisect_left(self.quoted, (start, end))
        if i == len(self.quoted) or self.quoted[i] != (start, end):
            self.quoted.insert(i, (start, end))

    def said(self, q: Quote, pos: int) -> None:
        self.quoting(q.start, q.end)
        if q.speaker:
            kind = self.types.get(q.speaker_entity or "")
            if kind is None:
                kind = (_nominal(q.speaker) or (None,))[0]
            self.history.append((pos, q.speaker, q.speaker_entity, kind))

    def mentions_in(self, s: int, e: int) -> list:
        i = bisect.bisect_left(self.mstarts, s)
        out = []
        while i < len(self.mentions) and self.mentions[i][0] < e:
            if self.mentions[i][1] <= e:
                out.append(self.mentions[i])
            i += 1
        return out

    def last_entity(self, pos: int, types: tuple[str, ...]):
        i = bisect.bisect_left(self.mstarts, pos) - 1
        while i >= 0 and pos - self.mentions[i][0] < 600:
            if self.mentions[i][2].type in types:
                return self.mentions[i][2]
            i -= 1
        return None

    def last_speaker_at(self, pos: int, types: tuple[str, ...]):
        for p, sp, eid, kind in reversed(self.history):
            if p < pos and kind in types:
                return p, sp, eid
        return None

    def last_entity_outside_quotes(self, pos: int, types: tuple[str, ...]):
        i = bisect.bisect_left(self.mstarts, pos) - 1
        while i >= 0 and pos - self.mentions[i][0] < 600:
            ms = self.mentions[i][0]
            if self.mentions[i][2].type in types and not self.inside_quote(ms):
                return self.mentions[i][2], ms
            i -= 1
        return None, -1

    def is_subject(self, start: int, end: int, after_verb: bool = True) -> bool:
        """Whether the name at text[start:end] is its clause's subject: not an object after 与/给/向…,
        not a possessor before 的; unless `after_verb`, not right after a verb either (抨击X: an
        antecedent; in a speaker's phrase, 再到X总书记提出, the verb comes from further back)."""
        if self.text[end:end + 1] in ("的", "之"):
            return False
        cs = _clause_start(self.text, start)
        i = bisect.bisect_left(self.tstarts, cs)
        marked = loose = False  # an object mark before the name; a word other than a noun after that mark
        last = ""  # the tag of the word before the name
        while i < len(self.tokens) and self.tokens[i][2] <= start:
            word = self.tokens[i][0]
            tag = _seg.TAGS.get(word, "") if word not in V.TITLES else "n"  # 教练 is tagged a verb
            if word in OBJECT_MARKERS:
                marked, loose = True, False
            elif marked and word == "的" and loose:
                marked = False  # 与X一同出席会议的(还有Y): the mark lay in a relative clause, now closed
            elif not tag.startswith(("n", "r")) and not tag.isupper():
                loose = True
            if word not in ("了", "过"):
                last = tag
            i += 1
        return not marked and (after_verb or not last.startswith("v"))

    def subject_before(self, pos: int, types: tuple[str, ...]):
        """(position, entity) of the nearest name of those types before `pos` that is a clause's subject."""
        i = bisect.bisect_left(self.mstarts, pos) - 1
        while i >= 0 and pos - self.mentions[i][0] < 600:
            ms, me, ent = self.mentions[i]
            if ent.type in types and me <= pos and not self.inside_quote(ms) and self.is_subject(ms, me, after_verb=False):
                return ms, ent
            i -= 1
        return None

    def person_name(self, start: int, end: int, ent: Entity) -> str:
        """The entity's name; for a transliterated name the entity finder cut short (迪雅 of 迪雅里克), the
        whole run of transliteration characters around the mention."""
        if ent.name != self.text[start:end] or not all(c in V.TRANSLIT for c in ent.name):
            return ent.name
        s, e = start, end
        while s > 0 and self.text[s - 1] in V.TRANSLIT and end - s < 8:
            s -= 1
        while e < len(self.text) and self.text[e] in V.TRANSLIT and e - s < 8:
            e += 1
        return self.text[s:e]

    def trailing_adverb(self, s: int, e: int) -> int | None:
        """Where an adverb or time word ending text[s:e] starts (业内人士普遍, 他们纷纷), when it is a word of
        its own, no part of a name, and two characters at least stay before it; else None."""
        j = bisect.bisect_right(self.tstarts, e - 1) - 1
        if j < 0 or self.tokens[j][2] < e or self.tokens[j][1] - s < 2:
            return None
        ws = self.tokens[j][1]
        word = self.text[ws:e]  # the word, or its part before a verb glued to it (普遍认为)
        if _seg.TAGS.get(word) not in _ADVERB_TAGS or self.mentions_in(ws - 4, e + 4):
            return None
        return ws

    def zero_subject(self, pos: int):
        """The speaker of a verb with no subject of its own (X作共同发言，强调…; X宣布…，并表示…): the
        subject of the sentence so far, unless the verb already lies in a statement of that subject."""
        if self.inside_quote(pos):
            return _NOBODY
        lo = max(self.text.rfind(c, 0, pos) for c in "。！？!?\n") + 1
        starts = [lo] + [lo + m.end() for m in re.finditer(r"[，,；;：:]", self.text[lo:pos])]
        for c in starts:  # the person a clause of the sentence opens with
            person = self.leading_person(c, self.mentions_in(c, pos))
            if person and not self.inside_quote(c):
                return person.name, person.id, CONF_REFERENCE
        for c in starts:  # else an organisation opening a clause (商汤宣布…，并表示; not 英超主队…)
            ms = self.mentions_in(c, pos)
            if ms and ms[0][0] == c and ms[0][2].type == "org" and not self.inside_quote(c) \
                    and not self.modifies_a_noun(ms[0][1]):
                return self.text[ms[0][0]:ms[0][1]], ms[0][2].id, CONF_REFERENCE
        topic = next((c for c, e in itertools.pairwise(starts) if not self.adverbials_only(c, e - 1)), None)
        if topic is not None and not self.inside_quote(topic):
            return self.topic_organisation(topic, _clause_end_at(self.text, topic, pos))
        return _NOBODY

    def modifies_a_noun(self, end: int) -> bool:
        """Whether a noun that is no organisation word follows the name ending at `end` (英超主队)."""
        i = bisect.bisect_left(self.tstarts, end)
        if i == len(self.tokens) or self.tokens[i][1] != end:
            return False
        word = self.tokens[i][0]
        tag = _seg.TAGS.get(word, "")
        return (tag.startswith("n") or tag.isupper()) and not _ORGISH.match(word)

    def topic_organisation(self, s: int, e: int):
        """The organisation a sentence's opening noun phrase names, a clause of its own (另外，X旗下的Y证券，
        虽然…，也表示): the head after its last 的, when it ends in an organisation word and no verb stands
        before it outside names."""
        phrase = self.text[s:e]
        de = phrase.rfind("的")
        head_start = s + de + 1
        head = self.text[head_start:e]
        if not (2 <= len(head) <= 12) or not _ORG_END.search(head):
            return _NOBODY
        names = self.mentions_in(s, e)
        i = bisect.bisect_left(self.tstarts, s)
        while i < len(self.tokens) and self.tokens[i][2] <= head_start:
            ws = self.tokens[i][1]
            if _seg.TAGS.get(self.tokens[i][0], "").startswith("v") and not any(a <= ws < b for a, b, _ in names):
                return _NOBODY  # 公司宣布出售旗下的X证券: a clause, not a topic
            i += 1
        ent = next((m[2] for m in names if m[0] == head_start and m[1] == e and m[2].type == "org"), None)
        return (head, ent.id, CONF_REFERENCE) if ent else (head, None, CONF_NOUN_PHRASE)

    def article_company(self, t: str):
        """The organisation a bare 公司 stands for: the one the article names most often (twice at least,
        and more often than any other), else nobody named: an analyst's firm named once before 据公司披露
        is not the company that discloses."""
        counts = sorted((len(e.mentions) for e in self.orgs), reverse=True)
        if counts and counts[0] >= 2 and (len(counts) == 1 or counts[0] > counts[1]):
            top = max(self.orgs, key=lambda e: len(e.mentions))
            return top.name, top.id, CONF_REFERENCE
        return t, None, CONF_DESCRIBED

    def negated(self, vs: int) -> bool:
        """Whether a negator stands before the verb at `vs`, adverbs between (并未披露, 未有详细披露)."""
        i = bisect.bisect_left(self.tstarts, vs) - 1
        k = vs
        while i >= 0 and self.tokens[i][2] == k and _seg.TAGS.get(self.tokens[i][0]) in ("d", "ad") \
                and not _NEGATED.fullmatch(self.tokens[i][0]):
            k = self.tokens[i][1]
            i -= 1
        return _NEGATED.search(self.text, max(0, k - 4), k) is not None

    def adverbials_only(self, s: int, e: int) -> bool:
        """Whether text[s:e] is whole words that are adverbs, time words or connectives (不久前, 也, 并):
        the verb has no subject of its own."""
        i = bisect.bisect_left(self.tstarts, s)
        if i == len(self.tokens) or self.tokens[i][1] != s:
            return False
        while i < len(self.tokens) and self.tokens[i][2] <= e:
            if _seg.TAGS.get(self.tokens[i][0]) not in _ADVERBIAL_TAGS:
                return False
            if self.tokens[i][2] == e:
                return True
            i += 1
        return False

    def has_noun(self, s: int, e: int) -> bool:
        """Whether text[s:e] holds a word that can head a subject: a noun or pronoun, Latin letters."""
        if re.search(r"[A-Za-z]", self.text[s:e]):
            return True
        tags = _seg.TAGS
        i = bisect.bisect_left(self.tstarts, s)
        while i < len(self.tokens) and self.tokens[i][1] < e:
            tag = tags.get(self.tokens[i][0], "")
            if tag.startswith(_SUBJECT_TAGS) or tag.isupper():
                return True
            i += 1
        return False

    def noun_phrase(self, s: int, e: int) -> bool:
        """Whether text[s:e] is nouns only (and 的 between them): no verb, adverb, time or number word."""
        if re.search(r"[0-9０-９]", self.text[s:e]):
            return False
        tags = _seg.TAGS
        i = bisect.bisect_left(self.tstarts, s)
        last = ""
        while i < len(self.tokens) and self.tokens[i][1] < e:
            w = self.tokens[i][0]
            last = tags.get(w, "")
            if w != "的" and not (last.startswith(("n", "j", "eng")) or last.isupper()):
                return False
            i += 1
        return bool(last) and last != "uj"

    def antecedent(self, pronoun: str, pos: int):
        """The person a pronoun before `pos` stands for: the nearer of the last speaker and the last
        subject (他与李斌是同学。他表示… : 他 is the earlier subject, not 李斌)."""
        if PRONOUNS.get(pronoun):
            return _UNNAMED  # 他们: a group, not one person
        kinds = ("person", "org") if pronoun == "其" else ("person",)
        spoke = self.last_speaker_at(pos, kinds)
        subject = self.subject_before(pos, kinds)
        lo = max(self.text.rfind(c, 0, pos) for c in "。！？!?\n") + 1
        if max(spoke[0] if spoke else -1, subject[0] if subject else -1) < lo:
            owner = self.owner_opening(lo, pos)
            if owner:  # X的团队未能晋级，他在赛后表示: the sentence is about X, its only person
                return owner
            if self.unknown_name_in(lo, pos):
                return _DOUBTED  # 当年何某发表的文章，他写道: the antecedent is a name nobody found
        if subject and (spoke is None or subject[0] > spoke[0]):
            return subject[1].name, subject[1].id, CONF_REFERENCE
        if spoke:
            return spoke[1], spoke[2], CONF_REFERENCE
        return _UNNAMED

    def unknown_name_in(self, s: int, e: int) -> bool:
        """Whether text[s:e] holds a name the entity finder missed: a surname the segmenter left on its
        own, outside any name, then a word of one or two characters that is no function word (何 志远;
        a brand's name can be a given name too: 何 小鹏)."""
        i = bisect.bisect_left(self.tstarts, s)
        while i + 1 < len(self.tokens) and self.tokens[i + 1][2] <= e:
            w, ws, we = self.tokens[i]
            nxt, ns, _ = self.tokens[i + 1]
            i += 1
            if len(w) != 1 or w not in V.SURNAMES or ns != we or len(nxt) > 2:
                continue
            if (_seg.TAGS.get(w, "")[:1] in _FUNCTION_TAGS and _seg.TAGS.get(w) != "r") \
                    or _seg.TAGS.get(nxt, "")[:1] in _FUNCTION_TAGS or not _name_like(w + nxt):
                continue  # 将, 和, 于 are words of their own; 何 is a pronoun word too, yet a surname
            if not any(ms <= ws < me for ms, me, _ in self.mentions_in(ws - 8, we + 8)):
                return True
        return False

    def inside_quote(self, pos: int) -> bool:
        """Whether `pos` lies in the text of a quote found so far (spans kept sorted by start)."""
        i = bisect.bisect_right(self.quoted, (pos, 10**12)) - 1
        # quotes hardly overlap: the few that start last before `pos` are the only ones that can hold it
        return any(qs <= pos < qe for qs, qe in self.quoted[max(0, i - 3):i + 1])

    def last_speaker_in(self, text: str, pos: int, paragraphs, pstarts, confidence: float = CONF_CONTEXT):
        """For a long quote with no cue: the last speaker in this or the previous paragraph."""
        pi = max(0, bisect.bisect_right(pstarts, pos) - 1)
        lo = paragraphs[max(0, pi - 1)].start
        for p, sp, eid, _ in reversed(self.history):
            if lo <= p < pos:
                return sp, eid, confidence
        return _UNNAMED

    def _trim(self, start: int, end: int):
        """The speaker phrase before a verb and its start: adverbials cut at the end (曾在会上, 对记者),
        connectives at the start (而, 此外, 据)."""
        s = start
        t = self.text[start:end]
        while True:
            m = _TRAIL.search(t)
            if m and m.start() > 0:
                t = t[:m.start()]
                continue
            if m:  # X，在股东大会上表示: an adverbial alone, no subject of its own
                return "", s
            cut = self.trailing_adverb(start, start + len(t))
            if cut is None:
                break
            t = t[:cut - start]
        vm = _VERB_END.search(t)
        if vm and vm.start() > 0 and not t[:vm.start()].endswith(_LIGHT_VERBS):
            t = t[:vm.start()]  # X回应称: X; but X发表评论称: the commentary speaks
        stripped = t.strip()
        lead = _LEAD.match(stripped)
        if lead and lead.end() < len(stripped):
            rest = stripped[lead.end():]
            s += t.find(rest)
            t = rest
        elif lead and lead.group() == "其中":
            return "其中", s
        t = _BRACKET_END.sub("", t.strip())  # 商汤科技（SenseTime）在公告中: the name, not its gloss
        return t, s

    def resolve(self, chunk: str, start: int, end: int):
        """(speaker as written or resolved, entity id, confidence) for the words before a speech verb:
        the subject of the verb's clause, or nobody."""
        t, s = self._trim(start, end)
        if not t or self.adverbials_only(s, s + len(t)):  # X，不久前在会上表示 / X宣布…，并表示
            verb = V.SPEECH_VERB.match(self.text, end)
            return _NOBODY if verb and verb.group() in IMPERSONAL else self.zero_subject(start)
        if t in _DOC_REFS:
            return (*self.document_before(start), CONF_REFERENCE)
        pronoun = _PRONOUN_RE.match(t)
        if pronoun and t[pronoun.end():pronoun.end() + 1] != "的" and not self.mentions_in(s + pronoun.end(), s + len(t)):
            return self.antecedent(pronoun.group(), start)  # 他还特意强调: the pronoun, then adverbials
        named = self.mentions_in(s, s + len(t))
        if named and named[-1][1] == s + len(t) and named[-1][2].type == "person":
            return self.person_name(*named[-1]), named[-1][2].id, CONF_NAMED  # 该研究的第一作者、博士生王芳
        if t in _BARE_REFERENCES:
            return self.article_company(t)  # 据公司披露: the article's company, not the body named last
        if t.startswith("该") or t in V.REFERENCES:
            kind = ("person",) if _ANON_RE.search(t) and not _ORGISH.search(t) else ("org",)
            # the more recent of the last speaker of that kind and the last such entity named outside quotes
            sp = self.last_speaker_at(start, kind)
            ent, epos = self.last_entity_outside_quotes(start, kind)
            if sp and (ent is None or sp[0] >= epos):
                return sp[1], sp[2], CONF_REFERENCE
            return (ent.name, ent.id, CONF_REFERENCE) if ent else (t, None, CONF_DESCRIBED)
        if t.startswith("上述"):
            return t, None, CONF_DESCRIBED
        if t in _LEAD_WORDS:
            return _NOBODY
        ms = self.mentions_in(s, s + len(t))
        if _REFERENCE_RE.match(t) and _ANON_RE.search(t) and not any(m[2].type == "person" for m in ms):
            # 这位一向直言的议员, 这位中国大使: the person named before, else the description as written
            found = self.antecedent("他", start)
            if found[0]:
                return found
            return (t, None, CONF_DESCRIBED) if len(t) <= _DESCRIPTION_LEN else _UNNAMED
        if ms:
            return self._with_names(t, s, ms)
        if len(t) > _DESCRIPTION_LEN:
            return _NOBODY
        if (_DEICTIC_START.match(t) and not _ANON_RE.search(t)) or _COUNTED.search(t):
            return _NOBODY  # 这就, 一名(说…的记者); but 有分析人士 is a description
        kind = _nominal(t)
        if kind:
            return t, None, kind[1]
        if self.noun_phrase(s, s + len(t)):
            return t, None, CONF_NOUN_PHRASE  # 商汤, 港交所: a noun or a name the entity finder missed
        name = _titled_name(t)
        if name:
            return name, None, CONF_NAME_LIKE  # 首席研究员温彬: an unknown name after its title
        if not self.has_noun(s, s + len(t)) or t.startswith(tuple(NEGATORS)):
            return _NOBODY  # 全年预计, 只需回答, 不构成任何投资(建议): no subject
        # a phrase we cannot read as a speaker: the statement stands, its speaker is not named
        return _UNNAMED if len(t) <= 12 else _NOBODY

    def _with_names(self, t: str, s: int, ms: list):
        """The speaker of a phrase that contains entity names (ms): the name, or the phrase when it
        describes someone through the name (谷歌的发言人, 特斯拉车主, 谷歌内部文件)."""
        end = s + len(t)
        last = ms[-1]
        ent = last[2]
        if last[1] == end:  # the phrase ends with the entity: it speaks
            return (self.person_name(*last) if ent.type == "person" else t), ent.id, CONF_NAMED
        rest = self.text[last[1]:end]
        if _DOC_RE.search(t):
            # X在会上代表39国发表联合声明说: X speaks; 谷歌的内部文件 / IMF的报告: the document does
            person = self.leading_person(s, ms)
            if person:
                return person.name, person.id, CONF_NAMED
            name = _titled_name(t)
            return (name, None, CONF_NAME_LIKE) if name else (t, ms[0][2].id, CONF_DESCRIBED)
        if _ANON_RE.search(t):
            return t, None, CONF_DESCRIBED
        # the clause's subject followed by adverbials (李斌早些时候在会上, Altman曾私下): the person speaks
        if ent.type == "person" and self.is_subject(last[0], last[1]) and "的" not in rest:
            return self.person_name(*last), ent.id, CONF_NAMED
        r = rest.lstrip("的")
        if r in ("方面", "方", "官方", "内部", "本身", "高层", "发言人", "官网", "官微"):
            return (ent.name if ent.type == "person" else t), ent.id, CONF_NAMED
        if r in V.TITLES or _ANON_RE.search(r):
            return t, (ent.id if ent.type != "person" and r in V.TITLES else None), CONF_DESCRIBED
        person = self.leading_person(s, ms)
        if person:
            return person.name, person.id, CONF_NAMED
        name = _titled_name(rest)
        if name:
            return name, None, CONF_NAME_LIKE  # 民生银行首席研究员温彬: an unknown name after its title
        if ent.type in ("org", "place") and _PUBLISHED.match(rest):
            return t, ent.id, CONF_DESCRIBED  # IMF最新发布的世界经济展望: the organisation's publication
        if _name_like(t):
            return t, None, CONF_NAME_LIKE  # a transliterated name the entity finder cut into pieces
        return _NOBODY

    def leading_person(self, s: int, ms: list):
        """The person a clause opens with, through the names and titles before it (国际奥委会发言人马克·
        亚当斯被问及…时说): the subject, whatever adverbials follow."""
        found, pos = self._leading_name(s, ms)
        if found is None or found.type != "person" or self.text[pos:pos + 1] in "的和与及、":
            return None
        return found

    def _leading_name(self, s: int, ms: list):
        """(entity, end) of the last name in the run of names and titles that opens text at `s`."""
        pos, found = s, None
        for ms_, me, ent in ms:
            if ms_ < pos:
                continue
            if not _title_gap(self.text[pos:ms_]):
                break
            found, pos = ent, me
        return found, pos

    def owner_opening(self, s: int, e: int):
        """For a sentence from `s` that opens with a person's possession (游泳运动员X的团队): that person, or
        _DOUBTED when the possession is itself a person (X的父亲: nobody named); else None."""
        found, pos = self._leading_name(s, self.mentions_in(s, e))
        if found is None or found.type != "person" or self.text[pos:pos + 1] != "的":
            return None
        i = bisect.bisect_left(self.tstarts, pos + 1)
        head = self.tokens[i][0] if i < len(self.tokens) and self.tokens[i][1] == pos + 1 else ""
        if head in SPEAKER_NOUNS or head in V.TITLES:
            return _DOUBTED
        return found.name, found.id, CONF_REFERENCE

    def document_before(self, pos: int):
        """The document named just before `pos` (一份谷歌内部文件 … 其中提到)."""
        lo = max(0, pos - 200)
        window = self.text[lo:pos]
        best = None
        for m in _DOC_IN.finditer(window):
            best = m
        if best is None:
            ent = self.last_entity(pos, ("org", "person"))
            return (ent.name, ent.id) if ent else (None, None)
        ds, de = lo + best.start(2), lo + best.end(2)
        ms = [m for m in self.mentions_in(max(lo, ds - 12), ds) if ds - m[1] <= 3]
        if ms:
            ps = ms[-1][0]
        else:
            ps = ds
            while ps > max(lo, ds - 4) and self.text[ps - 1] not in "的一份封篇这该，,。：:\n了在中" and ps - 1 >= lo:
                ps -= 1
        return self.text[ps:de], (ms[-1][2].id if ms else None)
