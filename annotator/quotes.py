"""Quoted sources: direct quotes and reported speech, each with its speaker.

Direct quotes are text in “”, 「」, 『』 or "" that a speech cue introduces (X表示：“…”), that a speech
cue follows (“…”，X说。), or that is a long statement of its own in a paragraph whose speaker is known.
Short quoted terms with no speech cue are scare quotes and are skipped. An unclosed quote ends at its
paragraph. Reported speech is the clause after a speech verb (X表示/透露/认为/称…，CLAUSE), after
据X报道 or after 正如X提到的. Speakers are the noun phrase before the verb; pronouns and references
(他, 该公司, 其中 …) are resolved to the entity, description or document named before.
"""
from __future__ import annotations

import bisect
import re

from . import _vocab as V
from .model import Entity, Quote
from .text import Document

_OPEN = {"“": "”", "「": "」", "『": "』", "\"": "\"", "﹁": "﹂"}
_OPEN_RE = re.compile(r"[“「『\"﹁]")
_CLAUSE_BREAK = set("，,：:；;。！？!?\n（(）)—")
_SENT_END = set("。！？!?；;\n")
_TRAIL = re.compile(
    r"(?:曾经|曾|也|就|则|还|又|更|均|都|亦|再|已|正|便|即|此前|之前|近日|日前|随后|同时|对此|公开|私下|进一步|直接|一度|早前|最近|当时|今天|昨天|"
    r"在[^，。“”]{0,16}?(?:上|中|时|里|后|前)|对[^，。“”]{1,10}|向[^，。“”]{1,10}|接受[^，。“”]{0,16}?采访时?|于[^，。“”]{1,10}|"
    r"通过[^，。“”]{1,10}|日|也曾|亦曾)$")
_LEAD = re.compile(r"^(?:而|但|并|且|此外|另外|同时|不过|然而|因此|所以|对此|其中|就此|随后|此前|另据|据|在|当|正如|也正如|但也正如|也|更|还|和|与|以及)")
_LEAD_WORDS = {"据", "另据", "而", "但", "并", "正如", "其中", "此外", "同时", "也", "还", "在"}
_PRONOUN_PERSON = {"他", "她", "他们", "她们", "此人"}
_DOC_RE = re.compile("(" + "|".join(sorted((re.escape(w) for w in V.DOC_NOUNS), key=len, reverse=True)) + ")$")
_ANON_RE = re.compile("(" + "|".join(sorted((re.escape(w) for w in V.ANON_HEADS), key=len, reverse=True)) + r")(?:中的\w{1,3}|之一)?$")
_VERBS = sorted(V.SPEECH_VERBS, key=len, reverse=True)
_VERB_RE = re.compile("(?:" + "|".join(re.escape(v) for v in _VERBS) + ")")
_CITED = re.compile(r"(?:另据|据)[^，。,；;“”\n]{1,20}?(?:援引|引述|引用)([^，。,；;“”\n]{1,30}?)(?:的话)?(?:说|称|表示|指出)?[，,：:]")
_REPORT = re.compile(r"(?:另据|据)([^，。,；;“”\n]{1,30}?)(?:的)?(?:报道|报导|消息|援引|统计|数据|调查|报告|介绍|分析|了解|透露|称)(?:称|说|显示)?[，,：:]")
_ASIF = re.compile(r"正如([^，。,；;“”\n]{1,30}?)(?:所|曾经|曾|此前)?(?:提到|提及|指出|说|写道|所说|所言|预测|预言|显示)(?:的)?(?:那样|一样)?[，,：:]")
_VERB_END = re.compile("(?:" + "|".join(re.escape(v) for v in _VERBS if len(v) > 1) + ")$")
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
_NOT_SPEECH_AFTER = ("为", "之为", "号", "作", "霸")  # 称为, 称号 …: not speech


def _mark(flags: bytearray, start: int, end: int) -> None:
    """flags[start:end] = 1 in one slice assignment (quotes are long: a loop per character is slow)."""
    if end > start:
        flags[start:end] = b"\x01" * (end - start)


def find_quotes(doc: Document, entities: list[Entity]) -> list[Quote]:
    text = doc.text
    ctx = _Context(text, entities)
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
    direct_q = []
    for s, e, closed in direct:
        content = text[s:e]
        if not content.strip():
            continue
        para = paragraphs[max(0, bisect.bisect_right(pstarts, s) - 1)]
        before = _speaker_before(text, s - 1, verbs, para.start)
        after = _speaker_after(text, e + (1 if closed else 0), verbs, para.end) if closed else None
        statement = len(content) >= 15 and _CLAUSE_MARK.search(content) is not None
        if before is None and after is None and not statement:
            continue  # a scare quote or a quoted term
        if before is None and after is None and len(content) < 15:
            continue
        if after is None and before is not None and len(content) < 8 and not statement:
            # a short quoted term inside a reported clause (接入“通义千问”大模型), not the statement itself
            opened_right_after_verb = _verb_right_before(text, s - 1)
            ends_clause = not closed or _CLAUSE_END.match(text[e + 1:e + 2]) is not None
            if not opened_right_after_verb and not ends_clause:
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
        m = _AFTER_VERB.match(text, ve)
        cs = m.end()
        ce = _clause_end(text, cs, in_quote)
        if ce - cs < 6 or text[ve:ve + 2].startswith(_NOT_SPEECH_AFTER):
            continue
        if _OPEN_RE.match(text, cs):
            continue  # a direct quote follows: handled above
        if _VERB_START.match(text, ve):
            continue  # 补充说, 表示称: the last verb of the pair introduces the clause
        if text[ve:ve + 1] == "的" or chunk.endswith("的") or chunk.endswith("所"):
            continue  # X提到的 / X的预测: not a statement here (正如X提到的 is matched below)
        if _NEXT_QUOTE.match(text[ce:ce + 4]) and in_statement[ce + 1:ce + 5].count(1):
            continue  # the statement goes on in a direct quote: that quote carries it
        # a direct quote inside the clause: the direct quote carries the statement
        if any(in_statement[cs:ce]):
            continue
        reported.append((vs, chunk_start, chunk, cs, ce))
    for pat in (_CITED, _REPORT, _ASIF):
        for m in pat.finditer(text):
            if in_quote[m.start()]:
                continue
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
    # one clause, one quote: the earliest verb wins when two share a clause
    seen = set()  # one clause, one quote: the first cue whose speaker resolves wins
    for r in keep:
        events.append((r[1], "reported", r))
    for q in direct_q:
        events.append((q[0], "direct", q))
    events.sort(key=lambda ev: ev[0])

    for pos, kind, data in events:
        if kind == "direct":
            s, e, before, after = data
            raw = before if before is not None else after
            if raw is None:
                speaker, ent = ctx.last_speaker_in(text, s, paragraphs, pstarts)
            else:
                speaker, ent = ctx.resolve(raw[0], raw[1], raw[2])
            if speaker is None and raw is not None:
                continue
            q = Quote(text[s:e], s, e, True, speaker, ent)
        else:
            vs, chunk_start, chunk, cs, ce = data
            if (cs, ce) in seen:
                continue
            speaker, ent = ctx.resolve(chunk, chunk_start, vs)
            if speaker is None:
                continue
            seen.add((cs, ce))
            body = text[cs:ce].rstrip()
            if len(body) < 6:
                continue
            q = Quote(body, cs, cs + len(body), False, speaker, ent)
        ctx.said(q, pos)
        quotes.append(q)
    quotes.sort(key=lambda q: q.start)
    return quotes


# --- finding the pieces ---------------------------------------------------------------------------

def _speech_verbs(doc: Document) -> list[tuple[int, int]]:
    """Speech verbs: whole words of the segmentation, or a two-character verb ending a word (数据表示)."""
    out = []
    back = _VERB_BACK
    for w, s, e in doc.tokens:
        k = back.get(w)
        if k is None:
            k = _verb_back(w)
        if k is not False:
            out.append((e - k, e))
    return out


_VERB_BACK: dict = {}  # word -> how many characters at its end are a speech verb, or False (memoised)


def _verb_back(w: str):
    verbs = V.SPEECH_VERBS
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


def _verb_right_before(text: str, mark: int) -> bool:
    """Whether a speech verb (and a colon or comma) stands right before the opening mark."""
    k = mark
    while k > 0 and text[k - 1] in " ：:，,":
        k -= 1
    return _VERB_END.search(text, max(0, k - 4), k) is not None or text[k - 1:k] in ("说", "称", "道")


# everything up to the last clause break or closing mark (greedy: the regex engine scans back, not Python)
_TO_LAST_BREAK = re.compile("(?s:.*)[" + re.escape("".join(sorted(_CLAUSE_BREAK)) + "”」』") + "]")


def _clause_start(text: str, pos: int) -> int:
    """Start of the clause that ends at `pos` (back to the last comma, colon or sentence end, 40 at most)."""
    lo = max(0, pos - 40)
    m = _TO_LAST_BREAK.match(text, lo, pos)
    return m.end() if m else lo


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
        if text[ve:ve + 2].startswith(_NOT_SPEECH_AFTER):
            i -= 1
            continue
        cs = _clause_start(text, vs)
        return (text[cs:vs], cs, vs)
    return None


_AFTER_RE = re.compile(r"[，,]?\s*([^，,。！？!?；;：:“”「」『』\n]{1,25}?)(?:" + "|".join(re.escape(v) for v in _VERBS) + r")道?(?=\s*(?:[。，,：:！!；;“「]|$))")


def _speaker_after(text: str, pos: int, verbs: list, para_end: int):
    """A speaker and speech verb right after a closing mark: “…”，X说。 / “…”X表示，“…"""
    m = _AFTER_RE.match(text, pos, min(para_end, pos + 40))
    if not m or not m.group(1).strip():
        return None
    return (m.group(1), m.start(1), m.end(1))


# --- speakers -------------------------------------------------------------------------------------

class _Context:
    def __init__(self, text: str, entities: list[Entity]):
        self.text = text
        self.mentions = sorted((m.start, m.end, e) for e in entities for m in e.mentions)
        self.mstarts = [m[0] for m in self.mentions]
        self.history: list[tuple[int, str, str | None, str | None]] = []  # (pos, speaker, entity id, entity type)
        self.quoted: list[tuple[int, int]] = []
        self.types = {e.id: e.type for e in entities}
        self.names = {e.id: e.name for e in entities}

    def said(self, q: Quote, pos: int) -> None:
        bisect.insort(self.quoted, (q.start, q.end))
        if q.speaker:
            self.history.append((pos, q.speaker, q.speaker_entity, self.types.get(q.speaker_entity or "")))

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
        for p, sp, eid, et in reversed(self.history):
            if p < pos and et in types:
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

    def inside_quote(self, pos: int) -> bool:
        """Whether `pos` lies in the text of a quote found so far (spans kept sorted by start)."""
        i = bisect.bisect_right(self.quoted, (pos, 10**12)) - 1
        # quotes hardly overlap: the few that start last before `pos` are the only ones that can hold it
        return any(qs <= pos < qe for qs, qe in self.quoted[max(0, i - 3):i + 1])

    def last_speaker(self, pos: int, types: tuple[str, ...] | None):
        for p, sp, eid, et in reversed(self.history):
            if p < pos and (types is None or et in types):
                return sp, eid
        return None

    def last_speaker_in(self, text: str, pos: int, paragraphs, pstarts):
        """For a long quote with no cue: the last speaker in this or the previous paragraph."""
        pi = max(0, bisect.bisect_right(pstarts, pos) - 1)
        lo = paragraphs[max(0, pi - 1)].start
        for p, sp, eid, et in reversed(self.history):
            if lo <= p < pos:
                return sp, eid
        return None, None

    def resolve(self, chunk: str, start: int, end: int):
        """(speaker as written or resolved, entity id) for the words before a speech verb."""
        # trim adverbials at the end and connectives at the start
        s, e = start, end
        t = self.text[s:e]
        while True:
            m = _TRAIL.search(t)
            if not m or m.start() == 0:
                break
            t = t[:m.start()]
            e = s + len(t)
        vm = _VERB_END.search(t)
        if vm and vm.start() > 0:
            t = t[:vm.start()]
            e = s + len(t)
        stripped = t.strip()
        if not stripped:
            return None, None
        lead = _LEAD.match(stripped)
        if lead and lead.end() < len(stripped):
            rest = stripped[lead.end():]
            if lead.group() == "其中" and not rest:
                pass
            else:
                s += t.find(rest)
                t = rest
        elif lead and lead.group() == "其中":
            return self.document_before(start)
        t = t.strip()
        if not t:
            return None, None
        if t in ("其中", "文中", "文件中", "报告中", "信中", "其", "文章"):
            return self.document_before(start)
        if t in _PRONOUN_PERSON or t in ("其",):
            sp = self.last_speaker(start, ("person",))
            ent = self.last_entity(start, ("person",))
            if ent is not None and (sp is None or sp[1] != ent.id):
                return ent.name, ent.id
            if sp:
                return sp
            return (ent.name, ent.id) if ent else (t, None)
        if t.startswith("该") or t in V.REFERENCES:
            kind = ("org",) if _ORGISH.search(t) else ("person",)
            # the more recent of the last speaker of that kind and the last such entity named outside quotes
            sp = self.last_speaker_at(start, kind)
            ent, epos = self.last_entity_outside_quotes(start, kind)
            if sp and (ent is None or sp[0] >= epos):
                return sp[1], sp[2]
            return (ent.name, ent.id) if ent else (t, None)
        if t.startswith("上述"):
            return t, None
        if len(t) > 30:
            return None, None
        if t in V.REFERENCES or t in _LEAD_WORDS:
            return None, None
        ms = self.mentions_in(s, s + len(t))
        if ms:
            last = ms[-1]
            ent = last[2]
            if last[1] == s + len(t):  # the phrase ends with the entity: it speaks
                return (ent.name if ent.type == "person" else t), ent.id
            rest = self.text[last[1]:s + len(t)]
            if _DOC_RE.search(t):
                return t, ms[0][2].id
            if _ANON_RE.search(t):
                return t, None
            # a person followed by adverbials (Altman曾在公开场合): the person speaks
            people = [m for m in ms if m[2].type == "person"]
            if people and _ADVERB_START.match(self.text[people[-1][1]:s + len(t)]):
                return people[-1][2].name, people[-1][2].id
            r = rest.lstrip("的")
            if r in ("方面", "方", "官方", "内部", "本身", "高层", "发言人", "官网", "官微"):
                return (ent.name if ent.type == "person" else t), ent.id
            if r in V.TITLES or r in V.ANON_HEADS or _ANON_RE.search(r):
                return t, (ent.id if ent.type != "person" and r in V.TITLES else None)
            return None, None
        if _ANON_RE.search(t) or _DOC_RE.search(t):
            return t, None
        # an unknown name or description: accept short noun phrases only
        if len(t) <= 12 and not _FUNCTION_END.search(t) and not _DEICTIC_START.match(t):
            return t, None
        return None, None

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
