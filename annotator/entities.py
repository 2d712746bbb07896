"""Entities: people, organisations, products and places, with every mention.

General methods only: jieba's dictionary (its word tags) through a fast segmenter, vocabulary lists
(titles, organisation and place suffixes, surnames, transliteration characters, well-known company and
product names) and the site's glossary. Candidates come from several cues with a priority; overlaps
are resolved by priority then length; mentions are grouped into entities through aliases (a name and its
translation in parentheses, a Latin full name and its surname, a company's Chinese and English names),
and each entity's surfaces are then looked up again over the whole text.
"""
from __future__ import annotations

import bisect
import re
import zlib
from functools import lru_cache
from typing import cast
from dataclasses import dataclass, field
from operator import attrgetter, itemgetter

from . import _seg
from . import _vocab as V
from .glossary import Glossary, GlossaryEntry
from .model import Entity, EntityType, Mention
from .lexicon import ALIAS as _ALIAS
from .lexicon import fold as _fold
from .lexicon import setup as _setup
from .text import Document

# --- candidates -------------------------------------------------------------------------------------

class Priority:
    """How strong the evidence behind a candidate is. Where candidates overlap, the higher priority wins,
    then the longer span; the bands (KNOWN, CUE, SUFFIX) also set an entity's confidence."""
    GLOSSARY = 100  # the site's glossary names it
    MODEL = 65  # a known company and a model number (华为P60): a product, over the company's name
    FRAME = 64  # title, surname, characters, speech verb (董事长何小鹏表示): over a dictionary word inside
    KNOWN_PLUS = 62  # a known place, company or body plus a word (北京银行, 中国驻美国大使馆, 国家发改委)
    DICTIONARY = 60  # the company and product tables, the lists of organisations
    GLOSSED = 57  # a name with its original in brackets (瑞士信贷（Credit Suisse）)
    STATE = 56  # a state's full name (俄罗斯联邦): over its place and its form word
    KNOWN = 55  # band: from here up, a known name; the place lists
    CONGRESS = 45  # a party congress or plenum (十五大): may hold a number
    CLEAR_CUE = 40  # a Latin legal form (Acme Inc.), a titled Latin name, 美军, a club by a match word
    TITLE_FOREIGN = 36  # a title and transliteration characters (总统泽连斯基): over the dictionary's pieces
    DOTTED = 35  # a dotted foreign name (迈克尔·菲尔普斯)
    AFTER_TITLE = 34  # a name after a title (总统普京)
    CUE = 33  # band: from here, a cue; the last part of a dotted name alone (菲尔普斯)
    WORD_CUE = 30  # a name that speaks, a media or exchange word, a strong organisation word after a name
    WEAK_FORM = 26  # a weak organisation word after a name-like word; a Latin first name alone
    SHAPE = 25  # a Latin name by its shape (Model 3, an unknown capitalised word), a place word after a name
    BRAND = 24  # a rare word and an industry or form word (星河资本)
    LIST_ITEM = 23  # an unknown item in a list of organisations; a brand and 国际
    SUFFIX = 22  # band: from here, a name plus an organisation or place word
    NT = SUFFIX  # jieba's body tag (nt) alone, nothing else said about the word
    ABBREVIATION = 21  # a country's one-character short form (中美, 访华)
    PLACE_TAG = 20  # jieba's place tag (ns) on a frequent word
    PREFIX = 19  # a name at the start of a longer word (邓小平理论, 亚太地区)
    NAME_TAG = 18  # jieba's person tag on a surname and characters; a name ending in a place character
    SURNAME_CUE = 17  # a surname and characters with a cue; a person tag by a wide margin
    TRANSLIT = 16  # a run of transliteration characters, without a dot or a title
    SURNAME = 12  # a surname and characters, nothing else


P = Priority


@dataclass(slots=True)
class Candidate:
    """A span of the text that may be a name of `kind`, with the priority of its evidence and the glossary
    entry that named it, if one did."""
    start: int
    end: int
    kind: EntityType
    priority: int
    entry: GlossaryEntry | None = None


# --- Latin names ------------------------------------------------------------------------------------

_LWORD = r"[A-Za-z0-9][A-Za-z0-9&+'’.\-]*[A-Za-z0-9+]|[A-Za-z0-9]"
_LRUN = re.compile(rf"(?<![A-Za-z0-9&.\-])(?:{_LWORD})(?:[ \u00a0](?:{_LWORD}))*")
_CONNECT = {"of", "and", "de", "du", "la", "le", "von", "van", "der", "for", "&", "the", "y", "da", "di"}
_ROMAN = re.compile(r"[IVXLC]{2,}")  # a Roman numeral (III, XIV): a part or edition, no name
_SIZE = re.compile(r"\d+(?:\.\d+)?[KkMmBbTtGgWw%]?|v?\d+(?:\.\d+)*|[QqHh][1-4]|\d+[A-Za-z]{1,2}\d*")
_LATIN_TITLES = {w for w in V.TITLES if w.isascii()}
_MODEL_WORDS = {"Pro", "Max", "Plus", "Mini", "Ultra", "Lite", "Air", "SE"}  # editions that end a model's name
_UNIT_AFTER = re.compile(r"[\d.]*\s*(?:[亿万千百元%％个家台名位人倍年月日号天周季岁度]|美元|美金|港元|欧元|英镑|日元)")
_HAS_LETTER = re.compile(r"[A-Za-z]")
_NONSPACE = re.compile(r"\S+")
_SPEAKS_AFTER = re.compile(r"\s*(?:表示|说|称|指出|认为|透露|曾|在)")
_ORG_WORD_END = re.compile(r"(?:Inc|Corp|Group|Capital|Global|Fund|Bank|Partners|Ventures|Holdings|Labs?|Technologies|Media|News|Times|Post|Journal|AI|Research|Foundation|Institute|University)$")
_LETTER_DIGIT = re.compile(r"[A-Za-z][\-]?\d")
_LETTER_DIGIT1 = re.compile(r"[A-Z]\d")
_NOT_TRANSLATION = re.compile(r"[，。,；;：:、]|\d{4}|[约超近]")
_PRODUCT_VERSION = re.compile(r"([A-Za-z][\w\-]*) (?:\d[\w.]*|[A-Z])")
_STOCK_CODE = re.compile(r"\d{4,6}\.[A-Z]{1,2}")  # 0020.HK, 600519.SH: a listing's code, not a name
_NAME_PARTS = re.compile(r"[ ·•\-－‧]")
_NAME_DOTS = "·•-－‧"


def _known_type(name: str) -> EntityType | None:
    """The type of a name the company and product tables know (org or product), else None."""
    known = _ALIAS.get(_fold(name))
    return cast(EntityType, known[1]) if known else None


_LatinWord = tuple[str, int, int, str | None]  # a word, its offsets and "TITLE" for a title


def _latin_candidates(text: str, cands: list) -> None:
    for run in _LRUN.finditer(text):
        rt = run.group()
        if not _HAS_LETTER.search(rt):
            continue  # digits only (2023, 3.5): every group of it would be dropped for having no letter
        words = [(m.group(), run.start() + m.start(), run.start() + m.end()) for m in _NONSPACE.finditer(rt)]
        lower_prose = sum(1 for w, _, _ in words if w[0].isalpha() and w.islower() and w not in _CONNECT)
        prose = len(words) >= 2 and lower_prose >= 1 and lower_prose * 3 >= len(words)
        groups: list[list[_LatinWord]] = []
        cur: list[_LatinWord] = []
        for w, s, e in words:
            if w == "The" and not cur:
                cur.append((w, s, e, None))
                continue
            if cur and len(w) == 1 and w.isupper() and cur[-1][0][:1].isupper() and len(cur[-1][0]) > 1:
                cur.append((w, s, e, None))  # Model Y, Plan B
                continue
            if cur and w in _MODEL_WORDS:
                cur.append((w, s, e, None))  # iPhone 15 Pro Max, Mate 60 Pro: the model's edition
                continue
            if w in _LATIN_TITLES or w in V.GENERIC_LATIN or (w[0].isalpha() and w.islower() and w not in _CONNECT) \
                    or _SIZE.fullmatch(w) and not cur:
                if cur:
                    groups.append(cur)
                cur = []
                if w in _LATIN_TITLES:
                    groups.append([(w, s, e, "TITLE")])
                continue
            cur.append((w, s, e, None))
        if cur:
            groups.append(cur)
        prev_title = None
        for g in groups:
            if g[0][3] == "TITLE":
                prev_title = g[0]
                continue
            while g and (g[-1][0] in _CONNECT or g[-1][0] == "The" or (g[-1][0].isdigit() and _UNIT_AFTER.match(text, g[-1][2]))):
                g = g[:-1]
            while g and g[0][0] in _CONNECT:
                g = g[1:]
            if not g:
                continue
            start, end = g[0][1], g[-1][2]
            name = text[start:end]
            if not _HAS_LETTER.search(name) or name in V.GENERIC_LATIN or _SIZE.fullmatch(name) or _STOCK_CODE.fullmatch(name) \
                    or _ROMAN.fullmatch(name):
                continue
            if prose and _fold(name) not in _ALIAS and not any(any(c.isupper() for c in w[1:]) for w, *_ in g):
                continue
            if _ORIGINAL_TITLE_BEFORE.search(text, max(0, start - 3), start):
                continue  # 《黑夜》(Nightfall): the work's original title, not a company
            kind, prio = _latin_type(text, g, start, end, prev_title)
            cands.append(Candidate(start, end, kind, prio))
            prev_title = None


_ORIGINAL_TITLE_BEFORE = re.compile(r"》\s*[（(]\s*$")
_ADDRESS_FORMS = tuple(sorted(w for w in V.words("honorifics") if len(w) == 2 and w.isalpha() and not w.isascii() and w != "首席"))


def _latin_type(text: str, g: list[_LatinWord], start: int, end: int, prev_title: _LatinWord | None) -> tuple[EntityType, int]:
    name = text[start:end]
    known = _known_type(name)
    if known:
        return known, P.DICTIONARY
    if _LATIN_ORG_FORM.search(name):
        return "org", P.CLEAR_CUE  # Acme Inc., Baillie Gifford & Co: the legal form says organisation
    first = g[0][0]
    if _ALIAS.get(_fold(first)) and len(g) >= 2 and all(w[0][0].isdigit() or w[0] in _MODEL_WORDS for w in g[1:]):
        return "product", P.DICTIONARY
    before = text[max(0, start - 6):start].rstrip()
    after = text[end:end + 6]
    words = [w for w, *_ in g]
    titled = all(w[:1].isupper() and not w.isupper() and w.isalpha() for w in words)
    if len(g) >= 2 and titled and (first in V.FIRST_NAMES or prev_title is not None or _POST_END.search(before)):
        return "person", P.CLEAR_CUE
    if len(g) == 1 and first in V.FIRST_NAMES:
        return "person", P.WEAK_FORM
    if titled and after.startswith(_ADDRESS_FORMS):
        return "person", P.CLEAR_CUE  # Smith先生: only a person is addressed so
    if len(g) >= 2 and titled and len(g) <= 3 and _SPEAKS_AFTER.match(after):
        # a two-word capitalised name that speaks is more often a person … unless an org suffix is in it
        if not _ORG_WORD_END.search(name):
            return "person", P.WORD_CUE
    if _PCUE_BEFORE.search(before) or _PCUE_AFTER.match(after):
        return "product", P.WORD_CUE
    if _LETTER_DIGIT.search(name) and not _LETTER_DIGIT1.fullmatch(first):
        return "product", P.SHAPE
    if len(g) >= 2 and (g[-1][0].isdigit() or (len(g[-1][0]) == 1 and g[-1][0].isupper())
                        or g[-1][0] in _MODEL_WORDS and any(c.isdigit() for c in name)):
        return "product", P.SHAPE  # Model 3, Model Y, Windows 11, Mate 60 Pro
    return "org", P.SHAPE


# --- Chinese names ----------------------------------------------------------------------------------

_NAME_TAGS = {"ns", "nr", "nrt", "nrfg", "nz", "nt", "ORG", "PLACE", "j"}
_FILLER_TAGS = {"n", "vn", "nz", "j", "l", "b", "an", "ng", "s", "GEN", "TITLE"} | _NAME_TAGS
_STOP_TAGS = {"v", "p", "u", "uj", "ul", "ug", "uv", "uz", "c", "d", "r", "m", "q", "f", "t", "x", "y", "e", "o", "zg", "vg", "a", "ad", "z"}
_ORG_SUF = sorted(V.ORG_SUFFIXES, key=len, reverse=True)
_ORG_SUF_TUPLE = tuple(_ORG_SUF)
_ORDINAL = re.compile(r"第?[一二三四五六七八九十百零〇0-9０-９]+[届次]|第[一二三四五六七八九十百零〇0-9０-９]+|[届次]")
_NAME_WORD_MAX_FREQ = 400
_ORG_TAIL_GENERIC = re.compile(r"(?<![市省县区州])政府$")
_STRIP_SUFFIXES = tuple(sorted({"集团公司", "有限公司", "股份公司", "控股集团", "集团", "公司", "控股", "银行", "资本", "基金", "社", "网"}
                               | V.INDUSTRY_WORDS, key=len, reverse=True))
_ORG_SUF_LAST: dict[str, list[str]] = {}
for _sf in _ORG_SUF:
    _ORG_SUF_LAST.setdefault(_sf[-1], []).append(_sf)
# a text ending in a title of two characters or more (总 alone ends too many words: 汇总, 加总)
_POST_END = re.compile("(?:" + V.alternation(t for t in V.TITLES if len(t) > 1) + ")$")
_PCUE_BEFORE = re.compile("(?:" + V.alternation(V.PRODUCT_CUES_BEFORE) + r")\s*$")
_PRODUCT_DESCRIBERS = ("通用", "开放", "开源", "智能", "全新")  # may stand between a name and its product word
_PCUE_AFTER = re.compile("(?:" + "|".join(_PRODUCT_DESCRIBERS) + ")?(?:"
                         + V.alternation(V.PRODUCT_CUES_AFTER) + ")")
_PLACE_SUF1 = {s for s in V.PLACE_SUFFIXES}
_PERSON_TAGS = {"nr", "nrfg", "nrt"}
# jieba tags some verbs and generic nouns ns (上市, 入海, 城镇): a two-character "place" whose first
# character is a direction, verb or preposition, or is itself a generic place word, is not a name
_NOT_PLACE_HEAD_TAGS = {"f", "v", "p", "d", "c", "vg"}
_GENERIC_PLACE_CHARS = {c for c in V.PLACE_SUFFIXES if len(c) == 1} | set("城")
# a direction, size or age before a place word (南路, 大街, 新村, 古城): a kind of place, not its name
_PLACE_DESCRIBERS = set("东南西北中大小新老古旧上下前后内外")
_DIRECTIONS = set("东南西北")
# generic words for land and water and their sizes (坡, 畔, 溪; 高, 深): with the place words and the describers
# above (not the directions: 东海, 西湖 are names), the characters of a word that names no place
# and not the units of administration and addresses (上海市, 中山市, 滨江路 are names)
_GENERIC_LAND = (_GENERIC_PLACE_CHARS | (_PLACE_DESCRIBERS - _DIRECTIONS) | set("坡滨畔洞泊脉川林岭溪桥沟谷岸崖丘野堡楼高深浅半")) \
    - set("市省县区州镇乡村路街巷港站")
# endings of jieba nt words that are disciplines, processes or things (天文学, 国际化, 越野车), not bodies
_NOT_ORG_END = set("学化物药车展品处站")


def _verb_or_generic_place(w: str) -> bool:
    if len(w) == 4 and w[2:] in _PLACE_RESTS:
        w = w[:2]  # 西北地区: the region of a direction
    if all(c in _GENERIC_LAND for c in w):
        return True  # 山坡, 河畔, 深海, 大城市: a kind of land or water, no one place's name
    if len(w) != 2:
        return False
    return _seg.TAGS.get(w[0]) in _NOT_PLACE_HEAD_TAGS or (w[0] in _GENERIC_PLACE_CHARS | _PLACE_DESCRIBERS and w[1] in _GENERIC_PLACE_CHARS) \
        or (w[0] in _DIRECTIONS and w[1] in _DIRECTIONS)  # 西北, 东南: a direction
_DOTTED = "".join(sorted(V.TRANSLIT_DOTTED))
_TRANSLIT_RUN = re.compile(f"[{_DOTTED}]{{2,}}(?:[·•\\-－‧][{_DOTTED}]{{1,}})+")
_DOTTED_BEFORE = re.compile(f"[{_DOTTED}]{{2,}}(?:[·•\\-－‧][{_DOTTED}]{{1,}})+$")
_TRANSLIT_PLAIN = re.compile("[" + "".join(sorted(V.TRANSLIT)) + "]{3,}")


_LIVELY: dict[str, bool] = {}
_DEAD: set[str] = set()  # words no rule of _han_candidates looks at (memoised)
_LIVELY_TAGS = {"TITLE", "ORG", "PROD", "PLACE", "ns", "nt", "nr", "nrfg", "nrt"}


def _lively(w: str) -> bool:
    """Whether the word can start or end any Chinese-name rule (memoised: most words cannot)."""
    v = _LIVELY.get(w)
    if v is None:
        lw = len(w)
        v = (_seg.TAGS.get(w) in _LIVELY_TAGS or w in V.CLUB_WORDS or w in _GENERIC_NAME_PARTS or (lw == 1 and w in V.SURNAMES) or w in V.COMPOUND_SURNAMES
             or w[-1] in _ORG_SUF_LAST or w in _PLACE_SUF1 or w in V.FACILITY_SUFFIXES or (lw == 2 and w[1] == "军") or (lw <= 3 and all(c in V.COUNTRY_ABBR for c in w))
             or (lw == 2 and w[0] in _VISIT and w[1] in V.COUNTRY_ABBR) or (lw == 2 and w[1] == "方" and w[0] in V.COUNTRY_ABBR))
        if len(_LIVELY) < 500_000:
            _LIVELY[w] = v
    return v


def _han_candidates(text: str, toks: list, cands: list) -> None:
    tags = _seg.TAGS
    n = len(toks)
    lively = _LIVELY
    dead = _DEAD
    for i, (w, s, e) in enumerate(toks):
        if w in dead:
            continue
        v = lively.get(w)
        if v is None:
            v = _lively(w)
        if not v:
            if len(w) >= 3 and tags.get(w) != "GEN" and (w[:2] in V.COUNTRIES or w[:3] in V.COUNTRIES or w[:2] in _PLACE_PREFIX2
                                                          or (w[0] in _VISIT and w[1] in V.COUNTRY_ABBR)):
                _split_prefix(w, s, cands)
            elif len(dead) < 500_000:
                dead.add(w)  # neither lively nor a name prefix: nothing to do for this word, ever
            continue
        tag = tags.get(w)
        lw = len(w)
        if lw >= 3 and w[0] in _JOINER_CHARS and tag in _JOINED_TAGS and i and toks[i - 1][2] == s and not _seg.has_word(w[:2]):
            # jieba's guesser took the conjunction into the name (约翰和玛丽 → 和玛丽): the name is the rest
            cands.append(Candidate(s + 1, e, "place" if tag == "ns" else "person", P.TRANSLIT))
            continue
        if 2 <= lw <= 3 and len(set(w)) == lw and all(c in V.COUNTRY_ABBR for c in w) and tag not in ("v", "d", "a", "m", "q", "c", "p", "f", "PLACE", "ORG"):
            for k in range(lw):
                cands.append(Candidate(s + k, s + k + 1, "place", P.ABBREVIATION))
        elif lw == 2 and w[1] == "方" and w[0] in V.COUNTRY_ABBR and w not in V.GENERIC_ZH:
            cands.append(Candidate(s, s + 1, "place", P.ABBREVIATION))
        elif lw == 2 and w[0] in _VISIT and w[1] in V.COUNTRY_ABBR and tag not in ("PLACE", "ORG", "ns", "nr"):
            cands.append(Candidate(s + 1, e, "place", P.ABBREVIATION))
        elif lw == 1 and w in V.COUNTRY_ABBR and (
                (i + 1 < n and toks[i + 1][1] == e and len(toks[i + 1][0]) == 1 and toks[i + 1][0] in V.COUNTRY_ABBR)
                or (i and toks[i - 1][2] == s and len(toks[i - 1][0]) == 1 and toks[i - 1][0] in V.COUNTRY_ABBR
                    and toks[i - 1][0] != w)
                or (i and toks[i - 1][2] == s and toks[i - 1][0] in _VISIT and w != "中")):
            cands.append(Candidate(s, e, "place", P.ABBREVIATION))  # China after 在, 访 or 来 is 华: 在中高端 is no China
        elif lw == 2 and w[1] == "军" and w[0] in V.COUNTRY_ABBR:
            cands.append(Candidate(s, e, "org", P.CLEAR_CUE))
        elif w in V.CLUB_WORDS:
            if _MATCH_BEFORE.search(text, max(0, s - 6), s) or _MATCH_AFTER.match(text, e) or text.startswith("队", e) \
                    or _LEAGUE_RE.search(text, *_sentence_bounds(text, s)):
                cands.append(Candidate(s, e, "org", P.CLEAR_CUE))  # 骑士主场战胜勇士: the clubs, not knights and warriors
        elif tag == "ORG":
            if not (w in V.COMMON_WORD_NAMES and _read_as_common_word(text, s, e)):
                cands.append(Candidate(s, e, "org", P.DICTIONARY))
        elif tag == "PROD":
            cands.append(Candidate(s, e, "product", P.DICTIONARY))
        elif tag == "PLACE":
            cands.append(Candidate(s, e, "place", P.KNOWN))
        elif tag == "ns" and lw > 3 and w.endswith(_STATE_FORMS):
            cands.append(Candidate(s, e, "place", P.STATE))  # 中华人民共和国: a state's full name, not 中华 plus a word
        elif w in _STATE_FORMS and i and toks[i - 1][2] == s and (
                toks[i - 1][0] in V.COUNTRIES or tags.get(toks[i - 1][0]) in ("PLACE", "ns")):
            cands.append(Candidate(toks[i - 1][1], e, "place", P.STATE))  # 远山共和国, 俄罗斯联邦: the state's full name
        elif w in _GENERIC_NAME_PARTS and i and toks[i - 1][2] == s and _brand_word(toks[i - 1][0]) \
                and not (i + 1 < n and toks[i + 1][1] == e and (_ends_in_place_word(toks[i + 1][0]) or tags.get(toks[i + 1][0]) in _NOUN_TAGS)):
            cands.append(Candidate(toks[i - 1][1], e, "org", P.LIST_ITEM))  # 华信国际: a brand and 国际, a company's name
        elif tag == "GEN" or tag == "TITLE":
            pass
        elif lw >= 4 and (tag == "ns" or tag == "nt" and (w[2:] in _PLACE_RESTS or w[3:] in _PLACE_RESTS or w[:2] in _PLACE_PREFIX2)) \
                and _split_prefix(w, s, cands):
            pass
        elif lw >= 2 and tag == "ns":
            if _verb_or_generic_place(w):
                pass
            elif (_seg.word_freq(w) >= _NS_MIN_FREQ and (w[-1] in _PLACE_SUF1 or _seg.tag_margin(w, "ns") >= _NS_MARGIN)) \
                    or (i + 1 < n and toks[i + 1][1] == e and toks[i + 1][0] in _PLACE_SUF1):
                cands.append(Candidate(s, e, "place", P.PLACE_TAG))
        elif lw >= 2 and tag == "nt" and i >= 2 and toks[i - 1][0] == "驻" and toks[i - 1][1] == toks[i - 2][2] \
                and tags.get(toks[i - 2][0]) == "PLACE":
            cands.append(Candidate(toks[i - 2][1], e, "org", P.KNOWN_PLUS))  # 中国驻美国大使馆: one body, over its places
        elif tag == "j" and lw == 3 and w.endswith(_EXCHANGE_END):
            cands.append(Candidate(s, e, "org", P.WORD_CUE))  # 深交所, 纽交所: a stock exchange's short name
        elif tag == "nt" and w.endswith("系") and 0 < w.find("大学") < lw - 3:
            cands.append(Candidate(s, s + w.find("大学") + 2, "org", P.WORD_CUE))  # 北京大学社会学系: the university
        elif lw >= 2 and tag == "nt":
            if w in V.ORG_SUFFIXES or w[-1] in _NOT_ORG_END or _place_and_company(w):
                pass  # 交易所, 联合会: the kind of body, not its name; 天文学, 国际化: jieba's nt is noisy
            elif any(w.endswith(x) for x in ("特别行政区", "自治区", "自治州", "省", "市", "县")):
                cands.append(Candidate(s, e, "place", P.NT))
            else:
                cands.append(Candidate(s, e, "org", P.NT))
        elif 2 <= lw <= 3 and tag in ("nr", "nrfg") and (w[0] in V.SURNAMES or w[:2] in V.COMPOUND_SURNAMES):
            if lw == 3 and w[-1] in _BUILT_PLACE_ENDS and not _common_head(w):
                cands.append(Candidate(s, e, "place", P.NAME_TAG))  # 卢浮宫, 金沙岛: a surname's character begins a place
            elif _seg.TAGS.get(w[1:]) == "t":
                pass  # 于本周, 于今年: a preposition before a time word, whatever jieba's tag says
            elif w[1:] in V.TITLES:
                pass  # 李经理, 赵小姐: a surname and a title address someone without naming them
            elif i + 1 < n and toks[i + 1][1] == e and toks[i + 1][0] in _INSIDE_WORDS:
                pass  # 麦田里, 田野里: a place things are in, not a person
            elif lw == 3 and not _common_compound(w) and _seg.tag_margin(w, "nr") >= _PERSON_MARGIN3 \
                    or _person_ok(w, toks, i, _PERSON_MARGIN):
                cands.append(Candidate(s, e, "person", P.NAME_TAG))
        elif lw >= 4 and tag in ("nr", "nrfg", "nz", "n", "ns", "nt") and _split_prefix(w, s, cands):
            pass

        elif lw >= 3 and tag in ("nr", "nrt", "nz") and w[-1] in "宫塔岛湾港城堡园寺庙湖峰" and not (lw == 3 and _common_head(w)):
            cands.append(Candidate(s, e, "place", P.NAME_TAG))
        elif lw >= 2 and tag in ("nrt", "nr") and all(c in V.TRANSLIT for c in w) and not _common_compound(w):
            nxt = toks[i + 1][0] if i + 1 < n and toks[i + 1][1] == e else ""
            if nxt and (nxt[0] in _PLACE_SUF1 or nxt in ("人", "队", "政府", "军", "方")) \
                    or _seg.tag_margin(w, "ns") > _seg.tag_margin(w, "nr") + _TRANSLIT_PLACE_BIAS:
                cands.append(Candidate(s, e, "place", P.TRANSLIT))
            else:
                cands.append(Candidate(s, e, "person", P.TRANSLIT))
        elif lw >= 3 and tag in ("nr", "nrt", "nrfg") and max(_seg.tag_margin(w, "nr"), _seg.tag_margin(w, "nrt")) >= _PERSON_MARGIN_ANY \
                and not _common_compound(w):
            cands.append(Candidate(s, e, "person", P.SURNAME_CUE))

        # a name right after a title (总统普京, 首相岸田文雄)
        if tag == "TITLE" and i + 1 < n and toks[i + 1][1] == e:
            _after_title(toks, i, cands)
            _title_name_verb(text, toks, i, cands)
            _title_foreign_name(text, toks, i, cands)
            _title_repeated_name(text, toks, i, cands)
        # surname + one or two unknown single characters, or + one two-character word when a cue says so
        if lw == 1 and w in V.SURNAMES or lw == 2 and w in V.COMPOUND_SURNAMES:
            _surname_name(text, toks, i, cands)
        if w[0] in V.SURNAMES:
            _clause_name_verb(text, toks, i, cands)
        # organisation suffix
        suf = None
        if w[-1] in _ORG_SUF_LAST and tag not in _PERSON_TAGS and (tag != "ORG" or (i and toks[i - 1][2] == s and tags.get(toks[i - 1][0]) in ("PLACE", "ns"))):
            for sf in _ORG_SUF_LAST[w[-1]]:
                if w.endswith(sf):
                    suf = sf
                    break
        if suf is not None:
            _org_from_suffix(text, toks, i, suf, cands)
        elif w in _PLACE_SUF1 or w in V.FACILITY_SUFFIXES:
            _place_from_suffix(toks, i, cands)


_STATE_FORMS = ("共和国", "合众国", "联邦", "王国", "公国", "大公国")  # the form in a state's full name
_INSIDE_WORDS = {"里", "内"}  # after a noun: inside it (田野里, 城内)
_JOINER_CHARS = set("和与及同")
_JOINED_TAGS = {"nr", "nrt", "nrfg", "ns"}
_EXCHANGE_END = "交所"  # X交易所 shortened: a place's character, 交, 所
_PERSON_MARGIN = 3.0
_PERSON_MARGIN3 = -1.0
_BUILT_PLACE_ENDS = set("宫岛寺庙堡寨湾区")  # end a place's name, hardly ever a given name (unlike 峰, 城, or 塔 of 安妮塔)
_COMMON_TAGS = {"v", "n", "a", "vn", "d", "ad", "an", "l", "i", "c", "p", "r", "m", "q", "f", "t", "b", "z"}


def _common_head(w: str) -> bool:
    """A common word before a place word (清真寺, 金字塔): a kind of building, not one building's name."""
    return _seg.TAGS.get(w[:2]) in _COMMON_TAGS and _seg.word_freq(w[:2]) >= 100


def _common_compound(w: str) -> bool:
    """Whether a three-character word is made of a common word and one more character (许可证)."""
    for part in (w[:2], w[1:]):
        if _seg.TAGS.get(part) in _COMMON_TAGS and _seg.word_freq(part) >= 100:
            return True
    head = w[:2]
    return _seg.TAGS.get(head) in ("nr", "nz") and _seg.word_freq(head) >= 100 and _seg.tag_margin(head, "nr") < 2
_PERSON_MARGIN_ANY = 4.0
_VISIT = {"访", "驻", "赴", "抵", "来", "离", "在", "旅", "回", "返", "出访", "访问", "驻华", "抵达", "离开", "前往"}
_PLACE_RESTS = {"人", "地区", "同胞", "人民", "两国", "方面", "一带", "沿岸", "境内", "全境", "各地", "籍", "裔"}
_PLACE_PREFIX2 = {a + b for a in "中美日韩英法德俄欧港澳台" for b in "中美日韩英法德俄欧港澳台" if a != b}




def _name_cue(text: str, toks: list, i: int, j: int) -> bool:
    """A title before the name (toks[i:j]) or a list mark, title or speech verb right after it."""
    tags = _seg.TAGS
    s, e = toks[i][1], toks[j - 1][2]
    if i and toks[i - 1][2] == s and tags.get(toks[i - 1][0]) == "TITLE":
        return True
    if s and text[s - 1] in "、（(：:":
        return True
    if e < len(text) and text[e] in "、）)":
        return True
    if j < len(toks) and toks[j][1] == e:
        nw = toks[j][0]
        if tags.get(nw) == "TITLE" or nw in V.SPEECH_VERBS or nw in ("等", "同志", "先生", "女士"):
            return True
    return False


def _surname_name(text: str, toks: list, i: int, cands: list) -> None:
    tags = _seg.TAGS
    n = len(toks)
    w, s, e = toks[i]
    if tags.get(w) == "c" and s and _seg._HAN.match(text, s - 1):
        return  # 和 between two words joins them (王涛和林静); as a surname it starts a clause
    j, end, given = i + 1, e, 0
    while j < n and given < 2 and len(toks[j][0]) == 1 and toks[j][1] == end and toks[j][0] not in V.NOT_GIVEN \
            and tags.get(toks[j][0]) not in ("TITLE", "GEN", "uj", "ul", "p", "c", "m", "q", "PLACE", "ORG"):
        end = toks[j][2]
        given += 1
        j += 1
    if given == 2 and tags.get(toks[j - 1][0]) in ("v", "d", "p") and text.count(text[s:end - 1]) > text.count(text[s:end]):
        end, given, j = end - 1, 1, j - 1  # 李明坐: the name 李明 stands alone elsewhere; 坐 is its verb
    if given:
        cue = _name_cue(text, toks, i, j)
        if _seg.tag_margin(text[s:end], "nr") >= (_PERSON_MARGIN - (2 if cue else 0)):
            cands.append(Candidate(s, end, "person", P.SURNAME_CUE if cue or given == 2 else P.SURNAME))
        return
    if i + 1 < n and toks[i + 1][1] == e and len(toks[i + 1][0]) == 2:
        nw = toks[i + 1][0]
        if tags.get(nw) in ("TITLE", "GEN", "PLACE", "ORG", "v", "p", "c", "r", "m", "q", "d", "u", "uj") or nw in V.SPEECH_VERBS:
            return
        if _name_cue(text, toks, i, i + 2) and _seg.tag_margin(w + nw, "nr") >= _PERSON_MARGIN:
            cands.append(Candidate(s, toks[i + 1][2], "person", P.SURNAME_CUE))


def _after_title(toks: list, i: int, cands: list) -> None:
    tags = _seg.TAGS
    n = len(toks)
    w, s, e = toks[i + 1]
    t = tags.get(w)
    if 2 <= len(w) <= 4 and t in ("ns", "nr", "nrt", "nrfg") and w not in V.COUNTRIES:
        end = e
        if i + 2 < n and toks[i + 2][1] == e and len(toks[i + 2][0]) == 1 and len(w) == 2 and toks[i + 2][0] not in V.NOT_GIVEN \
                and tags.get(toks[i + 2][0]) not in ("v", "p", "c", "d", "uj", "ul", "m", "q", "f", "TITLE", "GEN") \
                and w[0] in V.SURNAMES and _seg.tag_margin(w + toks[i + 2][0], "nr") >= _PERSON_MARGIN:
            end = toks[i + 2][2]  # 刘家 + 琛
        cands.append(Candidate(s, end, "person", P.AFTER_TITLE))
        return
    # single characters after the title: a name the dictionary does not know
    j, end = i + 1, s
    while j < n and toks[j][1] == end and len(toks[j][0]) == 1 and toks[j][0] not in V.NOT_GIVEN \
            and tags.get(toks[j][0]) not in ("TITLE", "GEN", "uj", "ul", "p", "c", "m", "q", "f", "v", "d") and end - s < 4:
        end = toks[j][2]
        j += 1
    if end - s >= 2 and (j >= n or toks[j][1] != end or len(toks[j][0]) > 1 or toks[j][0] in V.NOT_GIVEN):
        if _seg.tag_margin(toks[i + 1][0] if end - s == 1 else "".join(x[0] for x in toks[i + 1:j]), "nr") > -2:
            cands.append(Candidate(s, end, "person", P.AFTER_TITLE if end - s >= 3 else P.WORD_CUE))


_TRANSLIT_AFTER_TITLE = re.compile(f"[{_DOTTED}]{{3,6}}(?![{_DOTTED}])")
_COMMON_WORD_FREQ = 50  # a dictionary word this frequent with a common tag is a word, not a given name


def _title_foreign_name(text: str, toks: list, i: int, cands: list) -> None:
    """A title, then three or more transliteration characters up to a word's end (总统泽连斯基, 主席冯德莱恩):
    one foreign name, however the dictionary cut it."""
    e = toks[i][2]
    m = _TRANSLIT_AFTER_TITLE.match(text, e)
    if m and _token_at(toks, m.end(), 2) is not None and not text.startswith(tuple(_NAME_DOTS), m.end()):
        cands.append(Candidate(e, m.end(), "person", P.TITLE_FOREIGN))


_CLAUSE_START = set("，,。；;：:！？!?“”「」『』（(、\n")


def _clause_name_verb(text: str, toks: list, i: int, cands: list) -> None:
    """At the start of a clause, a surname, one or two characters, then a speech verb (，钱明远表示): a person,
    unless the characters make a common word (高管表示, 高层认为). So is such a name opening a line or a
    sentence before a colon: a speaker's turn in an interview (姜海：我认为…)."""
    s = toks[i][1]
    if s and text[s - 1] not in _CLAUSE_START:
        return
    sur = V.surname_length(text[s:s + 2])
    if not sur:
        return
    turn = not s or text[s - 1] in _TURN_START
    for given in (2, 1):
        end = s + sur + given
        name = text[s:end]
        if len(name) != sur + given or not V.given_name(name[sur:]) or _common_word(name):
            continue
        if turn and text.startswith(_TURN_MARKS, end) and name[sur:] not in V.TITLES and not _seg.has_word(name):
            cands.append(Candidate(s, end, "person", P.WORD_CUE))
            return
        if _token_at(toks, end, 1) is None or not V.SPEECH_VERB.match(text, end):
            continue
        cands.append(Candidate(s, end, "person", P.WORD_CUE))
        return


_TURN_START = set("\n。！？!?")
_TURN_MARKS = ("：", ":")


def _common_word(w: str) -> bool:
    tag = _seg.TAGS.get(w)
    return tag is not None and tag not in _NAME_TAGS and _seg.word_freq(w) >= _COMMON_WORD_FREQ


_NAME_REPEATS = 3  # how often a surname and its given name recur before the repetition alone says "a name"


def _title_repeated_name(text: str, toks: list, i: int, cands: list) -> None:
    """A title, a surname and one or two characters that the article repeats (运动员林越 … 林越 … 林越): a
    person, whatever the dictionary makes of the characters (越 a preposition, 海洋 a word)."""
    e = toks[i][2]
    if text[e:e + 1] not in V.SURNAMES:
        return
    two, three = text[e:e + 2], text[e:e + 3]
    if not V.given_name(two[1:]) or two[1] in _GRAMMAR_CHARS:
        return
    n2 = text.count(two)
    if len(three) == 3 and V.given_name(three[1:]) and three[2] not in _GRAMMAR_CHARS \
            and n2 >= 2 and text.count(three) == n2 and not _common_word(three):
        cands.append(Candidate(e, e + 3, "person", P.SURNAME_CUE))
    elif n2 >= _NAME_REPEATS and not _common_word(two):
        cands.append(Candidate(e, e + 2, "person", P.SURNAME_CUE))


def _title_name_verb(text: str, toks: list, i: int, cands: list) -> None:
    """A title, a surname, one or two characters, then a speech verb (首席经济学家温彬认为, 创始人李一男表示),
    or the end of the phrase: a closing bracket or a mark, 先生 or 女士 (（记者黄珊）, 经理郑建新先生): the frame
    names a person whatever the dictionary makes of the characters."""
    e = toks[i][2]
    for sur in (2, 1):
        head = text[e:e + sur]
        if not (head in V.COMPOUND_SURNAMES if sur == 2 else head in V.SURNAMES):
            continue
        for given in (2, 1):
            end = e + sur + given
            name = text[e:end]
            if len(name) != sur + given or not V.given_name(name[sur:]):
                continue
            if _token_at(toks, end, 1) is not None and V.SPEECH_VERB.match(text, end):
                cands.append(Candidate(e, end, "person", P.FRAME))
                return
            if len(toks[i][0]) > 1 and head not in _GRAMMAR_CHARS and not (given == 2 and _common_word(name[sur:])) \
                    and _token_at(toks, end, 2) is not None \
                    and (text[end:end + 1] in _NAME_END_MARKS or text.startswith(("先生", "女士"), end)):
                cands.append(Candidate(e, end, "person", P.AFTER_TITLE))
                return


_NAME_END_MARKS = set("）)，,。、；;：:！？!?")  # after a title and a name: the phrase ends with the name


_MEASURED = re.compile(r"(?:[一二两三四五六七八九十几半0-9]+\s*[碗斤杯只头把个瓶块份袋盒粒颗箱]|[很真太最更挺]|非常|特别)$")


def _read_as_common_word(text: str, s: int, e: int) -> bool:
    """一碗小米, 很美的, 联想到: the name is used as the common word it also is."""
    return _MEASURED.search(text, max(0, s - 4), s) is not None or text.startswith(("到", "起", "着"), e)


def _split_prefix(w: str, s: int, cands: list) -> bool:
    """A word that starts with a name and goes on with a common word (邓小平理论, 中华民族, 亚太地区)."""
    if len(w) >= 3 and w[0] in _VISIT and w[1] in V.COUNTRY_ABBR and w[:2] not in V.COUNTRIES:
        cands.append(Candidate(s + 1, s + 2, "place", P.PREFIX))
        return True
    for k in (3, 2):
        head, rest = w[:k], w[k:]
        if not rest or not (_seg.has_word(rest) or rest in _PLACE_RESTS) or (len(rest) < 2 and rest not in _PLACE_RESTS):
            continue
        t = _seg.TAGS.get(head)
        if head in V.COUNTRIES or t == "PLACE" or (t == "ns" and rest in _PLACE_RESTS and not _verb_or_generic_place(head)):
            cands.append(Candidate(s, s + k, "place", P.PREFIX))
            return True
        if k == 2 and head in _PLACE_PREFIX2:
            cands.append(Candidate(s, s + 1, "place", P.PREFIX))
            cands.append(Candidate(s + 1, s + 2, "place", P.PREFIX))
            return True
        if t in ("nr", "nrfg") and _seg.tag_margin(head, "nr") >= (_PERSON_MARGIN if k == 2 else _PERSON_MARGIN3):
            cands.append(Candidate(s, s + k, "person", P.PREFIX))
            return True
    return False
_NS_MIN_FREQ = 5
_NS_MARGIN = 2
_TRANSLIT_PLACE_BIAS = 0.0


def _person_ok(name: str, toks: list, i: int, margin: float) -> bool:
    """A name-like word (by jieba's HMM emissions), or a word right after a title or before one."""
    if _seg.tag_margin(name, "nr") >= margin:
        return True
    tags = _seg.TAGS
    if i and tags.get(toks[i - 1][0]) == "TITLE" and toks[i - 1][2] == toks[i][1]:
        return _seg.tag_margin(name, "nr") >= 0
    return False


def _org_from_suffix(text: str, toks: list, i: int, suf: str, cands: list) -> None:
    tags = _seg.TAGS
    w, s, e = toks[i]
    if _place_and_company(w):
        return  # 日本公司 as one word of the dictionary: Japanese companies
    if tags.get(w) == "i" or tags.get(w) == "l" and not _seg.has_word(w[: len(w) - len(suf)]):
        return  # an idiom that ends in a suffix's character (陷入僵局); not a phrase of words (发行中心)
    if len(w) > len(suf) and _POST_END.search(w):
        return  # 临时代办: a post that ends in a suffix's character, not a body
    weak = suf in V.ORG_WEAK_SUFFIXES
    if len(w) > len(suf):
        # the suffix is inside one dictionary word (人民银行, 公安部): the word alone may be the name
        head = w[: len(w) - len(suf)]
        if head in V.GENERIC_ZH or _seg.TAGS.get(w) == "GEN":
            return
        if weak and tags.get(w) not in ("nt", "nz", "ORG", "j") and _seg.has_word(head) and len(head) == 1:
            return  # 内部, 全部, 大局: the suffix is only a character of a common word
        start, named = s, tags.get(w) in ("nt", "nz") or tags.get(head) in _NAME_TAGS or not _seg.has_word(head)
    else:
        start, named = s, False
    head_named = named
    j = i - 1
    length = e - start
    parts = 0
    ext: list[tuple[int, bool, str]] = []  # (start, name-like?, word) of the words taken in, right to left
    listed = False
    while j >= 0 and toks[j][2] == start and length + len(toks[j][0]) <= 24 and parts < 6:
        pw = toks[j][0]
        ptag = tags.get(pw)
        ordinal = _ORDINAL.fullmatch(pw) is not None
        if pw in _SCOPE_WORDS and ext and all(not x[1] and x[2] not in V.ORG_DESCRIPTORS for x in ext) \
                and _ANTI.match("".join(x[2] for x in reversed(ext))):
            ext.append((toks[j][1], True, pw))  # 世界反洗钱机构: a world body against something is named by its field
            named = True
            start = toks[j][1]
            break
        anti = ptag == "v" and _ANTI.match(pw) is not None  # 反洗钱, 反垄断: a field, though jieba calls it a verb
        if not ordinal and not anti and (pw in V.NOT_GIVEN or ptag in _STOP_TAGS and not (len(pw) == 1 and ptag in ("zg", "a", "vg"))
                                         or ptag == "TITLE"):
            break
        if ptag == "GEN" and pw not in _GENERIC_NAME_PARTS:
            break
        if ext and ptag in ("v", "vn") and pw in V.ORG_DESCRIPTORS:
            break  # 禁止公民投资远见科技: a verb before the name (投资, 收购) ends it
        namelike = (ptag in _NAME_TAGS and not (weak and _common_name_tagged(pw, ptag))) or (ptag is None and len(pw) == 1 and not ordinal)
        listed = listed or ptag in ("ORG", "PLACE")
        named = named or namelike
        ext.append((toks[j][1], namelike, pw))
        start = toks[j][1]
        length = e - start
        parts += 1
        j -= 1
    # leading descriptive words are not part of the name (部分省区人民日报 -> 人民日报)
    popped = None
    while ext and not ext[-1][1]:
        popped = ext.pop()
    if ext and popped and len(ext[-1][2]) == 1 and len(popped[2]) == 1 and popped[2] not in V.NOT_GIVEN:
        ext.append(popped)  # 银/湖 + 资本: two single characters are one unknown brand, not a cut one
    start = ext[-1][0] if ext else s
    if len(ext) == 1 and s - start == 1 and len(w) == len(suf):
        start = _brand_start(text, toks, start)
    parts = len(ext)
    # a strong suffix right after one word that is not a description: the word names it (星河资本, 远望基金)
    if suf in V.MEDIA_WORDS and len(w) > len(suf) and _seg.TAGS.get(w[: -len(suf)]) in ("n", "nz", "vn", "ns", "j"):
        cands.append(Candidate(s, e, "org", P.WORD_CUE))  # 经济日报, 证券时报: one dictionary word
        return
    industry = suf in V.INDUSTRY_WORDS
    if not named and (not weak or industry) and len(w) == len(suf) and i >= 1 and toks[i - 1][2] == s:
        pw = toks[i - 1][0]
        ptag = tags.get(pw)
        before = toks[i - 2] if i >= 2 and toks[i - 2][2] == toks[i - 1][1] else None
        # after a class noun the words are its name, whatever they mean (人工智能公司远见科技: an appositive)
        apposed = before is not None and before[0] in _CLASS_NOUNS
        verbish = ptag in ("v", "vn", "vd", "ad", "a") and before is not None and tags.get(before[0]) not in ("p", "c", "uj") \
            and not apposed
        # an industry word needs a rarer word before it than a form word does (合众汽车, not 燃油汽车)
        most = _NAME_WORD_MAX_FREQ * 10 if apposed else _RARE_NOUN_FREQ if industry and weak else _NAME_WORD_MAX_FREQ
        if industry and weak and pw.endswith(tuple(V.INDUSTRY_WORDS)):
            return  # 新能源汽车: an industry before an industry, no brand
        if len(pw) >= 2 and pw not in V.ORG_DESCRIPTORS and not verbish and _seg.word_freq(pw) < most \
                and ptag not in ("GEN", "TITLE", "p", "c", "u", "uj", "ul", "r", "d", "m", "q", "f", "t", "x", "ORG"):
            cands.append(Candidate(toks[i - 1][1], e, "org", P.BRAND))
        elif not weak and before is not None and _two_character_brand(before[0], pw):
            cands.append(Candidate(before[1], e, "org", P.BRAND))  # 星/汇 + 银行: a brand the dictionary lacks
        return
    # Latin name right before: with 公司 the Latin word is the name (K2公司, Meta公司); with a name-part
    # word the whole is (IDG资本, ABC创投)
    if start == s and len(w) == len(suf):
        latin = _LATIN_BEFORE.search(text, max(0, s - 30), s)
        if latin and suf in _STRIP_SUFFIXES and not suf.endswith("公司"):
            cands.append(Candidate(latin.start(), e, "org", P.WORD_CUE))
        return
    if start == s and not (tags.get(w) in ("nt", "nz") or not _seg.has_word(w[: len(w) - len(suf)])):
        return
    if not named or (weak and len(w) == len(suf) and parts < 1):
        return
    if suf in V.INDUSTRY_WORDS and not head_named and all(x[2] in V.COUNTRIES for x in ext if x[1]):
        return  # a country and an industry word (中国电动汽车): the country's industry, not a company
    if w == "公司" and len(ext) == 1 and _place_and_company(ext[0][2] + w):
        return  # 中国公司, 北京公司: companies of a country, a city's branch, no one company's name
    if weak and len(suf) == 1 and ext and len(ext[0][2]) == 1 and ext[0][2] in V.SURNAMES and len(w) == 1:
        return  # a surname and 军/党/队 (雷军, 王军): a person's given name, not a body
    if start > 0 and text[start - 1] in "该本我贵其此这那某各" or text[start] in _PREPOSITION_CHARS:
        return  # 该公司; 对华投资, 在华企业: a preposition and its object, not a name
    if text.startswith(_NOT_ORG_AFTER, e):
        return  # 恒生科技指数, 新能源汽车板块: an index or a sector named after the industry
    if suf in V.INDUSTRY_WORDS and i + 1 < len(toks) and toks[i + 1][1] == e and _ends_in_place_word(toks[i + 1][0]):
        return  # 北京金融大街, 远山科技园区: the industry names a street or a district, not a company
    if len(w) == len(suf) and tags.get(w) in ("v", "vn") and (
            _OBJECT_AFTER.match(text, e) or i + 1 < len(toks) and toks[i + 1][1] == e and tags.get(toks[i + 1][0]) in _NAME_TAGS):
        return  # 华润控股三家公司: 控股 is the verb "holds", its object follows
    if len(w) == len(suf) and tags.get(w) in ("v", "vn") and i and toks[i - 1][2] == s \
            and toks[i - 1][0].endswith(_WHOLE_ORG_ENDS):
        return  # 远山银行投资: a whole organisation's name, then its verb (it invests), not a longer name
    if len(w) == 1 and tags.get(w) == "v" and _seg._HAN.match(text, e):
        return  # 到日本办展: 办 is the verb "hold", its object follows; the office 办 ends its phrase
    # a known place or company plus an organisation word (北京银行, 印度外交部, 新浪科技) outranks its parts
    cands.append(Candidate(start, e, "org", P.KNOWN_PLUS if listed and not _ORG_TAIL_GENERIC.search(w) else P.WORD_CUE if not weak else P.WEAK_FORM))


_BRAND_CHAR_TAGS = {"n", "ng", "nr", "ns", "nz", "zg", "j", None}  # not adjectives: 新老资本 is no brand


def _two_character_brand(a: str, b: str) -> bool:
    """Two single characters that make no word together but could each be part of a name (星 + 汇)."""
    return len(a) == len(b) == 1 and not _seg.has_word(a + b) and _seg._HAN.fullmatch(a + b) is not None \
        and all(c not in _GRAMMAR_CHARS and c not in V.NOT_GIVEN for c in (a, b)) \
        and _seg.TAGS.get(a) in _BRAND_CHAR_TAGS and _seg.TAGS.get(b) in _BRAND_CHAR_TAGS | {"v"}  # 林/达: a verb's character may end one


def _place_and_company(w: str) -> bool:
    """A place and 公司 alone (中国公司, 日本公司, 北京公司): a country's companies or a city's branch."""
    head = w[:-2]
    return w.endswith("公司") and (head in V.COUNTRIES or _seg.TAGS.get(head) == "PLACE")


def _brand_start(text: str, toks: list, start: int) -> int:
    """Where a brand of one character before an organisation word really starts: a brand is rarely one
    character, so the one before it belongs to the brand when the segmenter cut it off as a word of its own
    (投资依澜科技: 依 an adverb) or glued it to the word before (收购云 + 澜科技: 收购 a word)."""
    k = _token_at(toks, start, 2)
    if k is None or not start or text[start - 1] in _GRAMMAR_CHARS or text[start - 1] in V.NOT_GIVEN:
        return start
    pw = toks[k][0]
    if len(pw) == 1 or (len(pw) >= 3 and _seg.has_word(pw[:-1]) and _seg.TAGS.get(pw[:-1]) in ("v", "vn", "p")):
        return start - 1
    return start


_WHOLE_ORG_ENDS = ("银行", "集团", "公司", "基金", "资本", "证券")  # a name ending so is complete


_LOOSE_NAME_TAGS = {"nr", "nz", "j"}  # tags jieba also gives to describing words (创投 j, 明星 nr)


def _common_name_tagged(w: str, tag: str) -> bool:
    """A word with a loose name tag that describes a body (创投, 外资), or a frequent common noun that jieba
    also reads as a person's name (明星): before a weak suffix (创投机构, 明星投资机构) no part of a name."""
    if len(w) < 2 or tag not in _LOOSE_NAME_TAGS:
        return False
    return w in V.ORG_DESCRIPTORS or tag == "nr" and _seg.word_freq(w) >= _NAME_WORD_MAX_FREQ \
        and _seg.tag_margin(w, "nr") < _PERSON_MARGIN


def _ends_in_place_word(w: str) -> bool:
    return w in V.FACILITY_SUFFIXES or w[-1] in _PLACE_SUF1


_SCOPE_WORDS = {"世界", "国际", "全球"}
_ANTI = re.compile(r"反[\u4e00-\u9fff]{2,}")


_NOT_ORG_AFTER = ("指数", "板块", "行业", "产业", "概念股", "领域")
_LATIN_BEFORE = re.compile(r"(?<![A-Za-z0-9])[A-Z][A-Za-z0-9&]*$")
_GENERIC_NAME_PARTS = {"国际"}
_BRAND_TAGS = {"nz", "nr", "j"}
_NOUN_TAGS = {"n", "nz", "ns", "nt", "nr", "vn", "j", "GEN", "ORG", "PLACE"}  # a noun after X国际 is what it describes


def _brand_word(w: str) -> bool:
    """A rare two-character word that the dictionary reads as a name, not a place: a brand (华信, 远东 is a place)."""
    return len(w) == 2 and _seg.TAGS.get(w) in _BRAND_TAGS and _seg.word_freq(w) < _RARE_NOUN_FREQ \
        and w not in V.COUNTRIES and w not in V.ORG_DESCRIPTORS
_CLASS_NOUNS = {"公司", "企业", "集团", "厂商", "巨头", "机构", "品牌", "平台", "券商", "车企", "药企", "房企", "独角兽"}
_PREPOSITION_CHARS = set("对在向从赴来访与和跟于把被为")  # generic alone, but a usual part of a company's name (上海国际集团)
_OBJECT_AFTER = re.compile(r"[了过着]|[一二两三四五六七八九十几多数百千万0-9０-９]+[家个只间所座]|[该这那其本]")


_FIELD_TAGS = {"n", "vn", "nz", "j", "an"}
_BODY_ENDS = {w[-1] for w in V.GOVERNMENT_BODIES}
_BODY_WORDS = tuple(V.GOVERNMENT_BODIES)


def _agency_candidates(text: str, toks: list, cands: list) -> None:
    """Government bodies: a jurisdiction (国家, 联邦, a country or place), its field words, then a body word
    (国家能源局, 联邦议会, 美国商务部). A one-character body word needs a field word before it."""
    tags = _seg.TAGS
    for i, (w, s, e) in enumerate(toks):
        if i and tags.get(w) == "ORG" and w[-1] in _BODY_ENDS and toks[i - 1][2] == s and (
                toks[i - 1][0] in V.JURISDICTIONS or tags.get(toks[i - 1][0]) == "PLACE"):
            cands.append(Candidate(toks[i - 1][1], e, "org", P.KNOWN_PLUS))  # 国家发改委, 香港证监会: the body's full name
            continue
        # a field word and a body word cut as one word (安全局, 国土局) count as both
        fused = tags.get(w) in ("nt", "n") and len(w) >= 3 and w[-1] in _BODY_ENDS and w[-1:] in V.GOVERNMENT_BODIES
        if not (w in V.GOVERNMENT_BODIES or fused) or i == 0:
            continue
        j, fields = i - 1, int(fused)
        while j >= 0 and toks[j][2] == toks[j + 1][1] and fields < 5:
            pw = toks[j][0]
            ptag = tags.get(pw)
            if pw in V.JURISDICTIONS or ptag == "PLACE" or pw in V.COUNTRIES or (fields and _is_body(pw)):
                inside = pw in V.JURISDICTIONS and j and toks[j - 1][2] == toks[j][1] and tags.get(toks[j - 1][0]) in _FIELD_TAGS
                start = toks[j][1]
                if len(pw) == 1 and j and toks[j - 1][2] == start and tags.get(toks[j - 1][0]) in ("ns", "PLACE"):
                    start = toks[j - 1][1]  # 青山 + 县 + 文化局: the county is named before its unit word
                if (fields or len(w) > 1) and not inside:  # 美中贸易全国委员会: the name starts further left
                    cands.append(Candidate(start, e, "org", P.KNOWN_PLUS if fused else P.WORD_CUE))
                break
            if pw in _FIELD_JOINERS and fields and j and tags.get(toks[j - 1][0]) in _FIELD_TAGS \
                    and not toks[j - 1][0].endswith(_BODY_WORDS):  # 能源局和卫生部: two bodies, not two fields
                j -= 1  # 工业和安全局, 规划和国土局: two fields joined in one body's name
                continue
            if ptag not in _FIELD_TAGS and ptag != "GEN":
                break  # a generic word (市场, 金融) is a field inside a body's name (国家市场监督管理总局)
            fields += 1
            j -= 1


_FIELD_JOINERS = {"和", "与"}


def _is_body(w: str) -> bool:
    """A ministry or other body word (商务部, 美国商务部) that a bureau's name may start with."""
    return _seg.TAGS.get(w) in ("nt", "ORG") and w.endswith(tuple(V.GOVERNMENT_BODIES))


def _place_from_suffix(toks: list, i: int, cands: list) -> None:
    tags = _seg.TAGS
    w, s, e = toks[i]
    if i == 0 or toks[i - 1][2] != s:
        return
    pw, ps, pe = toks[i - 1]
    ptag = tags.get(pw)
    facility = w in V.FACILITY_SUFFIXES and len(w) >= 2
    if ptag in ("ns", "PLACE", "nr", "nrt", "nz", "ORG") or (ptag is None and len(pw) == 1 and pw not in V.NOT_GIVEN) \
            or (facility and len(pw) >= 2 and ptag not in _STOP_TAGS and ptag not in ("GEN", "TITLE")
                and pw not in V.ORG_DESCRIPTORS and _seg.word_freq(pw) < _NAME_WORD_MAX_FREQ):
        start = _one_character_stem_start(toks, i) if len(pw) == 1 else ps
        if start is not None:
            cands.append(Candidate(start, e, "place", P.KNOWN_PLUS if ptag in ("PLACE", "ORG") and facility else P.SHAPE))
    elif facility and i >= 2 and toks[i - 2][2] == ps and _two_character_brand(toks[i - 2][0], pw):
        cands.append(Candidate(toks[i - 2][1], e, "place", P.SHAPE))  # 云/渔 + 广场: a name the dictionary lacks
    if facility:
        _facility_of_place(toks, i, cands)


_HAN_CHAR = re.compile(r"[\u4e00-\u9fff]")
_BOUNDARY_TAGS = {"p", "c", "uj", "ul", "uz", "ug", "uv", "u", "d", "r", "m", "q", "f", "t"}  # 在, 和, 的…: a name starts after them


def _one_character_stem_start(toks: list, i: int) -> int | None:
    """Where a place named by one character before its place word (丽 of 丽岛) starts: at that character,
    or a character earlier when that one is no word of its own; None when the character before is a word
    that may as well belong to the name (城市室兰市, 胡耶河): where the name starts, the words do not say."""
    ps = toks[i - 1][1]
    if i < 2 or toks[i - 2][2] != ps or len(toks[i - 2][0]) != 1 or not _HAN_CHAR.match(toks[i - 2][0]):
        return ps
    before = toks[i - 2][0]
    tag = _seg.TAGS.get(before)
    if tag is None and before not in V.NOT_GIVEN:
        return toks[i - 2][1]
    return ps if tag in _BOUNDARY_TAGS or before in V.NOT_GIVEN else None
_FACILITY_FIELD_TAGS = {"n", "vn", "nz", "j", "an", "ns", "GEN"}


def _facility_of_place(toks: list, i: int, cands: list) -> None:
    """A known place, one or two describing words, then a facility word (澳门中央图书馆, 青岛海洋博物馆): the
    facility's full name, over the place's."""
    tags = _seg.TAGS
    j = i - 1
    while j >= 0 and i - j <= 3 and toks[j][2] == toks[j + 1][1]:
        w = toks[j][0]
        if tags.get(w) in ("PLACE", "ns") and len(w) >= 2 and j < i - 1:
            cands.append(Candidate(toks[j][1], toks[i][2], "place", P.KNOWN_PLUS))
            return
        if tags.get(w) not in _FACILITY_FIELD_TAGS or w in V.ORG_DESCRIPTORS:
            return
        j -= 1


_MODEL_AFTER = re.compile(r" ?(?![QqHh][1-4](?![0-9A-Za-z]))(?:[A-Za-z]{0,3}\d+[A-Za-z0-9]*|[A-Z][a-z]*\d*)(?![\d.%亿万千百元年月日号个家台名位岁倍])")


def _model_candidates(text: str, cands: list) -> None:
    """A known company's name followed by a model number or version (微软365, 华为P60) is a product."""
    extra = []
    for c in cands:
        if c.kind == "org" and c.priority >= P.DICTIONARY and c.end < len(text) and not text[c.end - 1].isascii():
            m = _MODEL_AFTER.match(text, c.end)
            if m and any(c.isdigit() for c in m.group()):
                extra.append(Candidate(c.start, m.end(), "product", max(P.MODEL, c.priority + 1)))
    cands.extend(extra)


_PLAIN_OK_TAGS = {None, "nr", "nrt", "nrfg", "ns", "nz"}
_PLAIN_OK_SINGLE = {"ad", "a", "n", "ng", "zg", "vg", "b"}  # a lone character inside a foreign name (菲尔/普/斯)


def _token_at(toks: list, pos: int, field: int) -> int | None:
    """The index of the token that starts (field 1) or ends (field 2) at `pos`: tokens are in order, so a
    binary search finds it without indexing every token of the article."""
    k = bisect.bisect_left(toks, pos, key=itemgetter(field))
    return k if k < len(toks) and toks[k][field] == pos else None


def _translit_candidates(text: str, toks: list, cands: list) -> None:
    lasts = set()
    for m in _TRANSLIT_RUN.finditer(text):
        cands.append(Candidate(m.start(), m.end(), "person", P.DOTTED))
        last = _NAME_PARTS.split(m.group())[-1]
        if len(last) >= 2:
            lasts.add(last)
    for last in lasts:  # the surname of a person first named in full (菲尔普斯 after 迈克尔·菲尔普斯)
        for s, e in _find_all(text, last):
            if not (s and text[s - 1] in _NAME_DOTS):
                cands.append(Candidate(s, e, "person", P.CUE))
    # a run of transliteration characters made of name-like pieces (雷德/克纳普): one foreign name
    if not toks:
        return
    tags = _seg.TAGS
    for m in _TRANSLIT_PLAIN.finditer(text):
        k = _token_at(toks, m.start(), 1)
        if k is None:
            continue
        pieces, pos = [], m.start()
        while k < len(toks) and toks[k][1] == pos and toks[k][2] <= m.end():
            pieces.append(toks[k])
            pos = toks[k][2]
            k += 1
        if len(pieces) < 2 or pos - m.start() < 3:
            continue
        if any((tags.get(w) not in _PLAIN_OK_TAGS and not (len(w) == 1 and tags.get(w) in _PLAIN_OK_SINGLE))
               or tags.get(w) == "ns" and len(w) > 1 for w, _, _ in pieces):
            continue
        if not any(tags.get(w) in ("nr", "nrt", "nrfg") and len(w) >= 2 for w, _, _ in pieces):
            continue
        site = _site_word_end(toks, k)
        if site:
            cands.append(Candidate(m.start(), site, "place", P.SHAPE))  # 卡莱坦岛, 安博罗利国家公园: a place
        else:
            cands.append(Candidate(m.start(), pos, "person", P.TRANSLIT))


_SITE_WORDS = {w for w in V.FACILITY_SUFFIXES | V.PLACE_SUFFIXES if len(w) >= 2} | set("岛湾港宫寺堡湖河山峰谷")
_SITE_LEADS = {"国家", "国立", "皇家", "大"}  # 国家公园, 大教堂


def _site_word_end(toks: list, k: int) -> int:
    """Where a place or facility word starting at token k ends (岛, 国家公园, 大教堂), or 0 if none does."""
    if k >= len(toks):
        return 0
    w, s, e = toks[k]
    if w in _SITE_WORDS:
        return e
    if w in _SITE_LEADS and k + 1 < len(toks) and toks[k + 1][1] == e and (
            toks[k + 1][0] in _SITE_WORDS or w + toks[k + 1][0] in _SITE_WORDS):
        return toks[k + 1][2]
    return 0


# --- glossary ---------------------------------------------------------------------------------------

_PAREN_LATIN = re.compile(r"(?<=[\u4e00-\u9fff])[（(]([A-Za-z][A-Za-z0-9 .&'’\-]{1,40}?)[）)]")
_NAMEISH = {"ORG", "PROD", "PLACE", "ns", "nr", "nrt", "nrfg", "nz", "nt", "j"}


_ACRONYM = re.compile(r"[A-Z]{2,6}")
_BODY_WORD_TAGS = {"n", "vn", "nz", "ns", "nt", "j", "ORG", "PLACE", "GEN", "b"}


def _body_before_acronym(text: str, toks: list, end: int, cands: list) -> None:
    """An organisation word before an acronym in brackets (世界反洗钱组织（WAMO））: the nouns before it, back to
    a clause's start, are the body's full name."""
    k = _token_at(toks, end, 2)
    if k is None or not toks[k][0].endswith(_ORG_SUF_TUPLE) or _seg.TAGS.get(toks[k][0]) in ("v", "TITLE"):
        return
    j = k
    while j > 0 and toks[j - 1][2] == toks[j][1] and k - j < 6 and (
            _seg.TAGS.get(toks[j - 1][0]) in _BODY_WORD_TAGS or len(toks[j - 1][0]) >= 3 and _seg.TAGS.get(toks[j - 1][0]) == "v"):
        j -= 1  # nouns and names; a verb of three characters or more is a field (反洗钱, 反垄断)
    if j < k:
        cands.append(Candidate(toks[j][1], end, "org", P.GLOSSED))


def _translated_candidates(text: str, toks: list, cands: list) -> None:
    """A Chinese name with its original in parentheses (瑞士信贷（Credit Suisse））: the Chinese words before the
    parenthesis are a name too; grouping then makes both one entity."""
    tags = _seg.TAGS
    for m in _PAREN_LATIN.finditer(text):
        inner = m.group(1).strip()
        if _ACRONYM.fullmatch(inner) and inner not in V.GENERIC_LATIN:
            _body_before_acronym(text, toks, m.start(), cands)
        if inner in V.GENERIC_LATIN or inner.islower() or (inner.isupper() and len(inner) <= 4 and _fold(inner) not in _ALIAS):
            continue
        dotted = _DOTTED_BEFORE.search(text, max(0, m.start() - 24), m.start())
        if dotted:
            cands.append(Candidate(dotted.start(), m.start(), "person", P.GLOSSED))  # 乔纳森·布朗（Jonathan Brown）: the whole name
            continue
        k = _token_at(toks, m.start(), 2)
        if k is None:
            continue
        w1, s1, e1 = toks[k]
        t1 = tags.get(w1)
        if t1 in ("GEN", "TITLE") or t1 in _STOP_TAGS:
            continue
        start = s1
        named = t1 in _NAMEISH or (t1 is None) or _seg.word_freq(w1) < _NAME_WORD_MAX_FREQ
        if t1 not in ("ORG", "PROD", "nr", "nrt", "nrfg") and k and toks[k - 1][2] == s1:
            w0, s0, _ = toks[k - 1]
            t0 = tags.get(w0)
            if t0 not in _STOP_TAGS and t0 not in ("GEN", "TITLE") and w0 not in V.ORG_DESCRIPTORS and (
                    t0 in _NAMEISH or t0 is None or _seg.word_freq(w0) < _NAME_WORD_MAX_FREQ):
                start = s0
                named = True
        if not named or m.start() - start < 2:
            continue
        if start == s1 and t1 in ("n", "vn") and _seg.word_freq(w1) >= _COMMON_WORD_FREQ:
            continue  # a common noun alone (黑名单（… List）): the brackets gloss a term, not a name
        words = inner.split()
        kind: EntityType = "person" if words[0] in V.FIRST_NAMES else _known_type(inner) or "org"
        cands.append(Candidate(start, m.start(), kind, P.GLOSSED))


_GRAMMAR_CHARS = set("的了着过是和与及或等在把被从向对将也都就而")  # particles, prepositions, conjunctions: not in a brand
_RARE_WORD_TAGS = {"n", "a", "v", "vn", "nz", "ns", "nr", "j"}
_RARE_NOUN_FREQ = 100  # a noun this rare in jieba's dictionary may well be a brand (星河)
_LIST_LAST = re.compile(r"(?:和|及|与|以及)([\u4e00-\u9fff]{2,5}?)(?=[，,。；;、）)都也均已将在是为]|等|的|分别|$)")
_LIST_ITEM = re.compile(r"(?<=[、])[\u4e00-\u9fff]{2,5}?(?=[、，,。；;]|等|和|及|与|以及)")


def _list_candidates(text: str, toks: list, cands: list) -> None:
    """Items of one list are of one kind: in a list of organisations (红杉资本、星河、远望等) an unknown item
    between the list marks is an organisation too, and in a list of people, a surname and a given name a
    person. The list must hold a known organisation (or two found ones) or a person named with a cue."""
    if "、" not in text:
        return
    by_span: dict[tuple[int, int], Candidate] = {}
    for c in cands:
        if c.entry is None:
            key = (c.start, c.end)
            if key not in by_span or c.priority > by_span[key].priority:
                by_span[key] = c
    ends: dict[int, list[Candidate]] = {}
    for (s, e), c in by_span.items():
        ends.setdefault(e, []).append(c)
    extra: list[Candidate] = []
    for run in _list_runs(text, ends, toks):
        items = [(s, e) for s, e in run]
        head = _item_after_lead(text, items[0][0])
        if head is not None and head[1] <= items[0][0] and head not in items:
            items.insert(0, head)  # 公司包括星途、云驰: the first item, which the dictionary cut in pieces
        known = [by_span.get(it) for it in items]
        kinds = [c.kind for c in known if c is not None and c.priority >= P.SURNAME_CUE]
        if kinds and all(k == "person" for k in kinds):
            _people_list(text, items, known, extra)
            continue
        orgs = sum(1 for c in known if c is not None and c.kind == "org" and c.priority >= P.SUFFIX)
        strong_org = any(c is not None and c.kind == "org" and c.priority >= P.KNOWN for c in known)
        if not (strong_org or orgs >= 2 or _bodies_named(text, items)) or "person" in kinds or "place" in kinds and orgs < 2:
            continue
        for (s, e), c in zip(items, known):
            if (c is None or c.kind == "person" and c.priority < P.SURNAME_CUE) and _unknown_name(text[s:e]):
                extra.append(Candidate(s, e, "org", P.LIST_ITEM))
    cands.extend(extra)


_CLASS_LEAD = re.compile("(?:" + "|".join(sorted(_CLASS_NOUNS, key=len, reverse=True)) + r")[，,：:]?(?:包括|包含|比如|例如|如)[：:]?$")
_CLASS_TAIL = re.compile(r"等(?:[一二两三四五六七八九十几多数]+家)?(?:" + "|".join(sorted(_CLASS_NOUNS, key=len, reverse=True)) + ")")


_ITEM_BEFORE_MARK = re.compile(r"[\u4e00-\u9fff]{2,5}$")


def _item_after_lead(text: str, first: int) -> tuple[int, int] | None:
    """The item between a class lead (公司包括) and the list mark before `first`."""
    mark = first - 1
    if mark < 0 or text[mark] != "、":
        return None
    m = _ITEM_BEFORE_MARK.search(text, max(0, mark - 5), mark)
    if m is None:
        return None
    for start in range(m.start(), mark - 1):  # the longest item right after a lead
        if _CLASS_LEAD.search(text, max(0, start - 12), start):
            return start, mark
    return None


def _bodies_named(text: str, items: list) -> bool:
    """The sentence says what the list's items are: companies (公司包括A、B、C; A、B、C等企业)."""
    first, last = items[0][0], items[-1][1]
    return _CLASS_LEAD.search(text, max(0, first - 12), first) is not None or _CLASS_TAIL.match(text, last) is not None


def _people_list(text: str, items: list, known: list, extra: list) -> None:
    """In a list of people, an item of a surname and one or two characters is a person (张伟、汪明和覃海生)."""
    for (s, e), c in zip(items, known):
        w = text[s:e]
        sur = V.surname_length(w)
        if c is None and sur and 1 <= len(w) - sur <= 2 and not any(ch in _GRAMMAR_CHARS for ch in w) \
                and not _common_word(w):
            extra.append(Candidate(s, e, "person", P.SURNAME_CUE))


def _list_runs(text: str, ends: dict, toks: list | None = None):
    """Runs of list items separated by 、: the candidate before the first mark, then spans of two to five Han
    characters between the marks."""
    pos = text.find("、")
    while pos >= 0:
        run = []
        if pos in ends:
            first = max(ends[pos], key=attrgetter("priority"))
            run.append((first.start, first.end))
        elif toks is not None:
            k = _token_at(toks, pos, 2)  # no candidate before the first mark: the word there (中化、华润)
            if k is not None and 2 <= len(toks[k][0]) <= 5:
                run.append((toks[k][1], pos))
        p = pos
        while p >= 0 and p < len(text) and text[p] == "、":
            m = _LIST_ITEM.match(text, p + 1)
            if not m:
                break
            run.append(m.span())
            p = m.end()
        if run and p > pos:
            last = _LIST_LAST.match(text, p)  # …、Y和Z: the item after the conjunction ends the list
            if last:
                run.append(last.span(1))
        if len(run) >= 2:
            yield run
        nxt = text.find("、", p + 1 if p > pos else pos + 1)
        pos = nxt


def _unknown_name(w: str) -> bool:
    """A word the dictionary does not know as a common word: no verb, no function word, no generic noun."""
    if w in V.GENERIC_ZH or any(ch in _GRAMMAR_CHARS for ch in w):
        return False
    for suf in _STRIP_SUFFIXES:  # 依图科技: the brand before the industry word is what must be unknown, or rare
        if w.endswith(suf) and len(w) - len(suf) >= 2:
            head = w[: -len(suf)]
            return _unknown_name(head) or _seg.TAGS.get(head) in _RARE_WORD_TAGS and _seg.word_freq(head) < _RARE_NOUN_FREQ
    tag = _seg.TAGS.get(w)
    if tag is not None:
        return (tag in _NAME_TAGS and _seg.word_freq(w) < _NAME_WORD_MAX_FREQ) or (tag == "n" and _seg.word_freq(w) < _RARE_NOUN_FREQ)
    return not any(_seg.TAGS.get(w[k:k + 2]) in _COMMON_TAGS and _seg.word_freq(w[k:k + 2]) >= 1000 for k in range(len(w) - 1))


def _contains_taken(s: int, e: int, taken: list, occupied: bytearray, chosen: list) -> bool:
    """Whether [s, e) is blocked only by figure/date spans that lie wholly inside it."""
    inside = [(a, b) for a, b in taken if a < e and s < b]
    if not inside or any(a < s or b > e for a, b in inside):
        return False
    if any(c.start < e and s < c.end for c in chosen):
        return False
    return True


_CONGRESS = re.compile(r"(?:第[一二三四五六七八九十]{1,3}次全国代表大会|第?[一二三四五六七八九十]{1,3}届[一二三四五六七八九]中全会"
                       r"|(?<![一二三四五六七八九十])(?:十[一二三四五六七八九]?|二十[一二三四五六七八九]?)大(?![学小中型量多批家概约都致概厦楼道街桥]))")


_PARTY_END = set("党社会盟")  # 民主党, 九三学社, 民主促进会, 民主同盟


def _noun_at(toks: list, pos: int) -> bool:
    k = _token_at(toks, pos, 1)
    return k is not None and _seg.TAGS.get(toks[k][0]) in ("n", "vn", "nz", "an", "l")


def _congress_candidates(text: str, toks: list, cands: list) -> None:
    """Party congresses and plenums (党的十五大, 十一届三中全会) are organisations' meetings: org."""
    # every match holds 十 (十五大, 二十大) or the congress's or plenum's full name: most texts need no scan
    if "十" not in text and "全国代表大会" not in text and "中全会" not in text:
        return
    party_ends: dict[int, tuple[int, int]] | None = None
    for m in _CONGRESS.finditer(text):
        if m.group() == "十大" and _noun_at(toks, m.end()):
            continue  # 十大措施, 十大品牌: "the ten great", not the tenth congress (致公党十大提出…)
        start = m.start()
        if text[max(0, start - 2):start] == "中共":
            start -= 2
        else:
            if party_ends is None:  # the longest organisation found so far that ends where each congress starts
                party_ends = {}
                for c in cands:
                    if c.kind == "org" and c.priority >= P.SUFFIX and c.end - c.start > party_ends.get(c.end, (0, 0))[1] - party_ends.get(c.end, (0, 0))[0]:
                        party_ends[c.end] = (c.start, c.end)
            party = party_ends.get(start)
            if party and text[party[1] - 1] in _PARTY_END:
                start = party[0]  # 远山民主党第十一次全国代表大会: the party's congress is one name
        cands.append(Candidate(start, m.end(), "org", P.CONGRESS))


_MATCH = V.alternation(V.MATCH_WORDS)
_MATCH_BEFORE = re.compile(rf"(?:{_MATCH})\s*$")
_MATCH_AFTER = re.compile(rf"\s*(?:\d+\s*[比:：-]\s*\d+\s*)?(?:{_MATCH})")


def _sport_context(doc: Document, toks: list, cands: list) -> None:
    """A city's or a foreign name's candidate right next to a match word (罗马主场战胜米兰, 雷吉纳vs米兰) is a
    club: org. Elsewhere in a sports story a city stays a place (在巴黎举行的比赛)."""
    text = doc.text
    cache: dict[int, bool] = {}
    for c in cands:
        s, e = c.start, c.end
        if c.entry is not None or c.kind not in ("place", "person") or c.kind == "person" and c.priority >= P.WORD_CUE:
            continue
        surface = text[s:e]
        if surface in V.COUNTRIES or len(surface) < 2 or surface[-1] in "省市县区州镇乡村路街":
            continue
        if _MATCH_BEFORE.search(text, max(0, s - 6), s) or _MATCH_AFTER.match(text, e) or surface in V.CLUB_PLACES and _in_league_sentence(doc, s, cache):
            c.kind = "org"


_LEAGUE_RE = re.compile(V.alternation(V.LEAGUE_WORDS))


def _sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    """The clause-independent sentence around `pos` (between 。！？ or line ends), without a Document."""
    start = max(text.rfind(c, 0, pos) for c in "。！？\n") + 1
    ends = [x for x in (text.find(c, pos) for c in "。！？\n") if x >= 0]
    return start, min(ends) if ends else len(text)


def _in_league_sentence(doc: Document, offset: int, cache: dict[int, bool]) -> bool:
    sent = doc.sentence_at(offset)
    hit = cache.get(sent.start)
    if hit is None:
        hit = cache[sent.start] = _LEAGUE_RE.search(doc.text, sent.start, sent.end) is not None
    return hit


_ORG_PREDICATE = re.compile(V.alternation(V.ORG_PREDICATES))


def _org_predicates(text: str, cands: list) -> None:
    """A guessed person followed by a word only an organisation takes (易达港股上市, 远方旗下) is an org."""
    for c in cands:
        if c.kind == "person" and c.entry is None and c.priority < P.SUFFIX and _ORG_PREDICATE.match(text, c.end):
            c.kind = "org"


def _glossary_candidates(text: str, glossary: Glossary, cands: list) -> None:
    # a Latin name can match only where its lower case is in the lower-cased text (without the odd
    # characters of _CASE_ODD): a plain search skips the scan of the case-insensitive pattern
    low = None if _CASE_ODD.search(text) else text.lower()
    for pattern, entry, needle in glossary.patterns:
        if needle is not None and low is not None and needle not in low:
            continue
        for m in pattern.finditer(text):
            cands.append(Candidate(m.start(), m.end(), entry.type, P.GLOSSARY, entry))


# --- main -------------------------------------------------------------------------------------------

_ZERO_WIDTH = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")  # soft hyphen, zero-width spaces and joiners


def find_entities(doc: Document, glossary: Glossary, *, taken: list[tuple[int, int]]) -> list[Entity]:
    if _ZERO_WIDTH.search(doc.text):
        return _without_zero_width(doc, glossary, taken)
    _setup()
    text = doc.text
    cands: list = []
    _glossary_candidates(text, glossary, cands)
    _latin_candidates(text, cands)
    toks = doc.tokens
    _han_candidates(text, toks, cands)
    _translit_candidates(text, toks, cands)
    _model_candidates(text, cands)
    _translated_candidates(text, toks, cands)
    _congress_candidates(text, toks, cands)
    _agency_candidates(text, toks, cands)
    _list_candidates(text, toks, cands)
    _sport_context(doc, toks, cands)
    _org_predicates(text, cands)
    ignore = {_fold(s) for s in glossary.ignore}
    works = _work_titles(text)

    # resolve overlaps: priority, then length
    occupied = bytearray(len(text) + 1)
    for a, b in taken:
        for k in range(max(0, a), min(b, len(text))):
            occupied[k] = 1
    chosen: list[Candidate] = []
    for c in sorted(cands, key=lambda c: (-c.priority, -(c.end - c.start), c.start)):
        s, e = c.start, c.end
        if e <= s or any(occupied[s:e]):
            # a name may hold a number (十五大, 微软365) but may not cut one: allow spans that contain a taken span
            if e <= s or not (c.priority == P.CONGRESS or c.kind == "product" and c.priority >= P.MODEL) or not _contains_taken(s, e, taken, occupied, chosen):
                continue
        surface = text[s:e]
        if _fold(surface) in ignore or (c.entry is None and len(surface) > 1 and (surface in V.GENERIC_ZH or surface in V.GENERIC_LATIN)):
            continue
        if (s, e) in works and c.entry is None and c.kind != "product" and not surface.endswith(_MEDIA_ENDS):
            continue  # 《雁荡晨雾》: a work named after a place or a person is the work, not them
        for k in range(s, e):
            occupied[k] = 1
        chosen.append(c)
    chosen.sort(key=attrgetter("start"))  # no two overlap
    chosen = _whole_foreign_names(text, toks, chosen, occupied)
    return _group(text, chosen, toks, occupied, glossary, ignore)


_WORK_TITLE = re.compile(r"《([^《》\n]{1,40})》")
_MEDIA_ENDS = tuple(V.MEDIA_WORDS)  # 《远山日报》: a newspaper in book-title marks is still its publisher


def _work_titles(text: str) -> set[tuple[int, int]]:
    """The spans of what book-title marks enclose: the title of a book, film, painting or periodical."""
    if "《" not in text:
        return set()
    return {m.span(1) for m in _WORK_TITLE.finditer(text)}


def _whole_foreign_names(text: str, toks: list, chosen: list[Candidate], occupied: bytearray) -> list[Candidate]:
    """A guessed foreign name that the text goes on writing in transliteration characters (杰瑞布凯 of 杰瑞布凯默,
    利斯特 of 梅塔利斯特) is a cut piece: it takes the whole run when nothing else was found there, and is
    dropped when another name holds the rest (科斯 after 奥林匹亚). The run is made of whole words of
    the segmentation (许多毕加索: 多 belongs to 许多)."""
    out = []
    for c in chosen:
        s, e = c.start, c.end
        if c.kind != "person" or c.entry is not None or c.priority >= P.CUE or not all(ch in V.TRANSLIT for ch in text[s:e]):
            out.append(c)
            continue
        a, b = s, e
        while (k := _token_at(toks, a, 2)) is not None and all(ch in V.TRANSLIT for ch in toks[k][0]) \
                and e - toks[k][1] <= _FOREIGN_NAME_MAX:
            a = toks[k][1]
        while (k := _token_at(toks, b, 1)) is not None and all(ch in V.TRANSLIT for ch in toks[k][0]) \
                and toks[k][2] - a <= _FOREIGN_NAME_MAX:
            b = toks[k][2]
        if (a, b) == (s, e):
            out.append(c)
        elif not any(occupied[a:s]) and not any(occupied[e:b]):
            occupied[a:b] = b"\x01" * (b - a)
            out.append(Candidate(a, b, c.kind, c.priority))
        else:
            occupied[s:e] = bytes(e - s)  # dropped: its characters are free for the name's other mentions
    return out


_FOREIGN_NAME_MAX = 8  # transliteration characters in a row beyond this are more than one name


def _without_zero_width(doc: Document, glossary: Glossary, taken: list[tuple[int, int]]) -> list[Entity]:
    """Find the names in the text without its invisible characters (华\u200b为 is 华为), then give every
    mention its offsets in the original text (its text then holds the invisible character)."""
    text = doc.text
    keep = [i for i, ch in enumerate(text) if not _ZERO_WIDTH.match(ch)]
    clean = "".join(text[i] for i in keep)
    inside = [(bisect.bisect_left(keep, a), bisect.bisect_left(keep, b)) for a, b in taken]
    entities = find_entities(Document(clean), glossary, taken=inside)
    for entity in entities:
        spans = [(keep[m.start], keep[m.end - 1] + 1) for m in entity.mentions]
        entity.mentions = [Mention(text[a:b], a, b) for a, b in spans]
    return entities


@dataclass(slots=True)
class _Group:
    """Mentions taken as one entity: their spans, the highest priority each type had, its glossary entry."""
    mentions: list[tuple[int, int]] = field(default_factory=list)
    types: dict[EntityType, int] = field(default_factory=dict)
    entry: GlossaryEntry | None = None

    def top_type(self) -> EntityType:
        return max(self.types, key=self.types.__getitem__)

    def strength(self) -> int:
        return max(self.types.values())


# Groups are keyed "g:" + a glossary name, "k:" + a known name of the tables, or "s:" + a folded surface;
# `surface_key` maps each folded surface to its group's key, `owner` each mention's start to its key.
Groups = dict[str, _Group]


def _group(text: str, chosen: list[Candidate], toks: list, occupied: bytearray, glossary: Glossary,
           ignore: set[str]) -> list[Entity]:
    """The chosen candidates as entities, in passes that each join mentions of one entity by another kind of
    evidence, then find its names again where no candidate was."""
    groups, surface_key = _initial_groups(text, chosen, glossary)
    owner = {s: k for k, g in groups.items() for s, _ in g.mentions}
    _merge_translations(text, groups, owner, surface_key, occupied, ignore)
    _merge_defined_short_names(text, groups, owner, surface_key, occupied, ignore)
    _merge_short_org_names(text, groups, owner, surface_key)
    _merge_name_parts(text, groups, owner, surface_key)
    _other_mentions(text, toks, groups, surface_key, occupied)
    return _entities(text, groups)


def _initial_groups(text: str, chosen: list[Candidate], glossary: Glossary) -> tuple[Groups, dict[str, str]]:
    """One group per glossary entry, known name or surface: what the glossary and the tables already say is
    one entity (Google and 谷歌) needs no cue in the text."""
    groups: Groups = {}
    surface_key: dict[str, str] = {}
    for c in chosen:
        s, e = c.start, c.end
        surface = text[s:e]
        entry, kind = c.entry, c.kind
        if entry is None:
            entry = glossary.lookup(surface)
            if entry is not None:
                kind = entry.type
        key = _group_key(surface, entry, surface_key)
        g = groups.get(key)
        if g is None:
            g = groups[key] = _Group(entry=entry)
        g.mentions.append((s, e))
        g.types[kind] = max(g.types.get(kind, 0), c.priority)
        surface_key.setdefault(_fold(surface), key)
    return groups, surface_key


def _group_key(surface: str, entry: GlossaryEntry | None, surface_key: dict[str, str]) -> str:
    if entry is not None:
        return "g:" + entry.name
    f = _fold(surface)
    if f in surface_key:
        return surface_key[f]
    known = _ALIAS.get(f)
    if known:
        return "k:" + known[0]
    return "s:" + f


def _merge_translations(text: str, groups: Groups, owner: dict[int, str], surface_key: dict[str, str],
                        occupied: bytearray, ignore: set[str]) -> None:
    """NAME（TRANSLATION）: a name and its translation or original in brackets right after it are one entity;
    the bracketed words join it even when no candidate covered them."""
    starts = {s: (s, e) for g in groups.values() for s, e in g.mentions}
    for s, (s0, e0) in sorted(starts.items()):
        if e0 >= len(text) or text[e0] not in "(（":
            continue
        close = text.find(")" if text[e0] == "(" else "）", e0 + 1, e0 + 40)
        if close < 0:
            close = text.find("）" if text[e0] == "(" else ")", e0 + 1, e0 + 40)
        if close < 0:
            continue
        inner_s, inner_e = e0 + 1, close
        inner = text[inner_s:inner_e].strip()
        if not inner or len(inner) > 30 or _NOT_TRANSLATION.search(inner):
            continue
        outer_latin = bool(_HAS_LETTER.search(text[s0:e0]))
        inner_latin = bool(_HAS_LETTER.search(inner))
        if outer_latin == inner_latin and not (inner_latin and inner.isupper()):
            continue  # two Chinese names, or two Latin ones: a list or an aside, unless an acronym
        k_out = owner[s0]
        if inner_s in owner:
            k_in = owner[inner_s]
            if k_in != k_out:
                _merge(groups, owner, k_out, k_in, surface_key)
        elif not any(occupied[inner_s:inner_e]) and _fold(inner) not in ignore:
            groups[k_out].mentions.append((inner_s, inner_e))
            for k in range(inner_s, inner_e):
                occupied[k] = 1
            owner[inner_s] = k_out


_SHORT_NAME_DEFINED = re.compile(r"[（(](?:以下简称|下文简称|简称|以下称|下称)为?[：:]?\s*[“\"「『]([^”\"」』（）()，。]{1,20})[”\"」』][）)]")


def _merge_defined_short_names(text: str, groups: Groups, owner: dict[int, str], surface_key: dict[str, str],
                               occupied: bytearray, ignore: set[str]) -> None:
    """NAME（以下简称“SHORT”）: the document defines SHORT as its name for NAME from here on: one entity, and
    SHORT marked wherever it recurs."""
    if "称" not in text:
        return
    ends = {e: s for g in groups.values() for s, e in g.mentions}
    for e0, s0 in sorted(ends.items()):
        m = _SHORT_NAME_DEFINED.match(text, e0)
        if m is None:
            continue
        k_out = owner[s0]
        inner_s, inner_e = m.span(1)
        if inner_s in owner:
            _merge(groups, owner, k_out, owner[inner_s], surface_key)
        elif not any(occupied[inner_s:inner_e]) and _fold(m.group(1)) not in ignore:
            groups[k_out].mentions.append((inner_s, inner_e))
            occupied[inner_s:inner_e] = b"\x01" * (inner_e - inner_s)
            owner[inner_s] = k_out
            surface_key.setdefault(_fold(m.group(1)), k_out)


def _merge_name_parts(text: str, groups: Groups, owner: dict[int, str], surface_key: dict[str, str]) -> None:
    """A later short form names the same one: a product without its version (Office of Office 365), a person
    by the surname alone (Altman of Sam Altman, 菲尔普斯 of 迈克尔·菲尔普斯)."""
    for key, g in list(groups.items()):
        if key not in groups:
            continue
        t = g.top_type()
        if t == "product":
            for s, e in list(g.mentions):
                m = _PRODUCT_VERSION.fullmatch(text[s:e])
                if m:
                    other = surface_key.get(_fold(m.group(1)))
                    if other and other != key and other in groups and groups[other].top_type() == "product":
                        _merge(groups, owner, key, other, surface_key)
        elif t == "person":
            for s, e in list(g.mentions):
                parts = _NAME_PARTS.split(text[s:e])
                if len(parts) >= 2 and len(parts[-1]) >= 2:
                    last = _fold(_surname_of(parts))
                    other = surface_key.get(last)
                    if other and other != key and other in groups:
                        _merge(groups, owner, key, other, surface_key)
                        g.types["person"] = g.strength() + 1  # the surname's own guess (a place?) gives way
                    surface_key[last] = key


def _other_mentions(text: str, toks: list, groups: Groups, surface_key: dict[str, str], occupied: bytearray) -> None:
    """Every surface of an entity, wherever else it appears and no mark is yet: a name once found by a cue is
    a name wherever the article repeats it (a Han surface only as whole words of the segmentation)."""
    by_key: dict[str, set[str]] = {}
    for surface, k in surface_key.items():
        by_key.setdefault(k, set()).add(surface)
    latin_hits = _latin_hits(text, groups, surface_key)
    for key, g in groups.items():
        surfaces = {text[s:e] for s, e in g.mentions} | by_key.get(key, set())
        folded = set()
        for surface in sorted(surfaces, key=len, reverse=True):
            f = _fold(surface)
            if len(surface) < 2 or f in folded or not surface.strip():
                continue
            folded.add(f)
            latin = surface.isascii()
            hits = latin_hits.get(surface.lower(), ()) if latin else _find_all(text, surface)
            for pos, end in hits:
                if not any(occupied[pos:end]) and _whole_word(text, toks, pos, end, latin):
                    g.mentions.append((pos, end))
                    for k2 in range(pos, end):
                        occupied[k2] = 1


def _latin_hits(text: str, groups: Groups, surface_key: dict[str, str]) -> dict[str, list[tuple[int, int]]]:
    """Where each Latin surface of every entity occurs (case-insensitive), found in one pass over the text."""
    found = {text[s:e].lower() for g in groups.values() for s, e in g.mentions}
    found |= {x.lower() for x in surface_key}
    latin_all = sorted((x for x in found if x.isascii() and len(x) >= 2 and x.strip()), key=len, reverse=True)
    hits: dict[str, list[tuple[int, int]]] = {}
    if latin_all:
        if _CASE_ODD.search(text):
            pat = re.compile("|".join(map(re.escape, latin_all)), re.I)
            for m in pat.finditer(text):
                hits.setdefault(m.group().lower(), []).append(m.span())
        else:
            _latin_scan(text, latin_all, hits)
    return hits


def _whole_word(text: str, toks: list, pos: int, end: int, latin: bool) -> bool:
    """Whether text[pos:end] is not part of a longer word: no letter or digit around a Latin surface; a Han
    surface starts and ends where the segmentation's words do (or next to a non-Han character)."""
    if latin:
        return not (pos and text[pos - 1].isascii() and text[pos - 1].isalnum()) and \
            not (end < len(text) and text[end].isascii() and text[end].isalnum())
    return (_token_at(toks, pos, 1) is not None or not _seg._HAN.match(text, pos - 1 if pos else 0) or pos == 0) and \
        (_token_at(toks, end, 2) is not None or end >= len(text) or not _seg._HAN.match(text, end))


def _entities(text: str, groups: Groups) -> list[Entity]:
    """One Entity per group with mentions, in order of first mention, each with a unique id."""
    out: list[Entity] = []
    used_ids: set[str] = set()
    for key, g in groups.items():
        mentions = sorted(set(g.mentions))
        if not mentions:
            continue
        entry = g.entry
        kind = entry.type if entry else g.top_type()
        name, aliases = _name_and_aliases(text, mentions, entry)
        eid = _unique(_entity_id(key, name, aliases), used_ids)
        out.append(Entity(id=eid, name=name, type=kind, aliases=aliases,
                          note=entry.note if entry else None, link=entry.link if entry else None,
                          mentions=[Mention(text[s:e], s, e) for s, e in mentions],
                          confidence=_confidence(g.types.get(kind, 0), entry is not None, len(mentions))))
    out.sort(key=lambda en: en.mentions[0].start)
    return out


def _name_and_aliases(text: str, mentions: list[tuple[int, int]], entry: GlossaryEntry | None) -> tuple[str, list[str]]:
    """The entity's name and aliases: the glossary's, else its fullest surface (one that contains the
    others, else the first one)."""
    surfaces: list[str] = []
    for s, e in mentions:
        t = text[s:e]
        if t not in surfaces:
            surfaces.append(t)
    if entry:
        aliases = list(entry.aliases)
        aliases += [t for t in surfaces if t != entry.name and t not in aliases]
        return entry.name, aliases
    name = surfaces[0]
    for t in surfaces:
        if len(t) > len(name) and _fold(name) in _fold(t):
            name = t
    return name, [t for t in surfaces if t != name]


def _entity_id(key: str, name: str, aliases: list[str]) -> str:
    """A slug of the entity's Latin name (its own, or the tables' for a known name), else of its name."""
    ascii_names = [x for x in [name, *aliases] if x.isascii() and _HAS_LETTER.search(x)]
    if not ascii_names and key.startswith("k:"):
        ascii_names = [n for n in _known_names(key[2:]) if n.isascii()]
    return slug(ascii_names[0] if ascii_names else name)


def _unique(eid: str, used_ids: set[str]) -> str:
    base, n = eid, 2
    while eid in used_ids:
        eid = f"{base}-{n}"
        n += 1
    used_ids.add(eid)
    return eid


# How likely a mark is right, by the strongest evidence behind its type (the candidate's priority):
CONFIDENCE_GLOSSARY = 0.99  # the site's glossary names it
CONFIDENCE_DICTIONARY = 0.9  # a known name (company and product tables, place lists), or one plus a model number
CONFIDENCE_CUE = 0.8  # a title, a translation in brackets, a dotted foreign name, a party congress
CONFIDENCE_SUFFIX = 0.65  # a name-like word plus an organisation or place word
CONFIDENCE_GUESS = 0.5  # a dictionary tag, a surname plus characters
# jieba's body tag alone (nt) is often a kind of body or a department: on the public NER suites (MSRA,
# CLUENER, UNER) 33-51 % of its marks are right, against 55-75 % for a name plus an organisation word
CONFIDENCE_NT = 0.55
CONFIDENCE_REPEATED = 0.05  # added to a guess named three times or more in the article


def _confidence(priority: int, glossary: bool, mentions: int) -> float:
    if glossary:
        return CONFIDENCE_GLOSSARY
    if priority == P.NT:
        return CONFIDENCE_NT
    if priority >= P.KNOWN:
        base = CONFIDENCE_DICTIONARY
    elif priority >= P.CUE:
        base = CONFIDENCE_CUE
    elif priority >= P.SUFFIX:
        base = CONFIDENCE_SUFFIX
    else:
        base = CONFIDENCE_GUESS
    return round(min(CONFIDENCE_DICTIONARY, base + (CONFIDENCE_REPEATED if mentions >= 3 and base < CONFIDENCE_CUE else 0)), 2)


# Non-ASCII characters that a case-insensitive `re` pattern of ASCII characters matches (İ ı ſ K): found
# by matching every code point against each ASCII character with re.I. Without them in the text,
# finding the lower-cased surfaces in the lower-cased text finds the same (İ is also the only character
# whose lower case is longer, and K the only non-ASCII one whose lower case is ASCII).
_CASE_ODD = re.compile("[\u0130\u0131\u017f\u212a]")


def _latin_scan(text: str, surfaces: list[str], hits: dict[str, list[tuple[int, int]]]) -> None:
    """What `finditer` of the case-insensitive alternation of `surfaces` (lower-case ASCII, longest first)
    finds, without compiling it: every occurrence, then the leftmost ones that do not overlap, the
    longest first where several start at one place (two surfaces of one length cannot both match there)."""
    low = text.lower()
    occ = []
    for rank, x in enumerate(surfaces):
        find = low.find
        p = find(x)
        while p >= 0:
            occ.append((p, rank, len(x)))
            p = find(x, p + 1)
    occ.sort()
    end = 0
    for p, _, n in occ:
        if p >= end:
            end = p + n
            hits.setdefault(text[p:end].lower(), []).append((p, end))


def _find_all(text: str, needle: str):
    pos = text.find(needle)
    while pos >= 0:
        yield pos, pos + len(needle)
        pos = text.find(needle, pos + 1)


_KNOWN: dict[str, tuple] = {}
for _names in (*V.COMPANIES, *V.PRODUCTS):
    _KNOWN.setdefault(_names[0], _names)  # the first row naming a key wins, companies first


def _known_names(key: str) -> tuple:
    return _KNOWN.get(key, ())




def _surname_of(parts: list[str]) -> str:
    """A Western name ends with the surname; a romanised Chinese one starts with it (Xu Li → Xu)."""
    if len(parts) == 2 and parts[0] in V.PINYIN_SURNAMES and parts[1] not in V.FIRST_NAMES and parts[1][:1].isupper():
        return parts[0]
    return parts[-1]


_LATIN_ORG_FORM = re.compile(r"(?:\s*[&,]\s*Co\.?|\s*,?\s+(?:Inc|Corp|Co|Ltd|LLC|PLC|AG|SA|GmbH|Group|Holdings|Limited)\.?)$")


def _short_forms(surface: str) -> list[str]:
    """An organisation's name without its form or industry word (瑞银集团 → 瑞银, 路透社 → 路透) or without
    its country (中国证监会 → 证监会)."""
    out = []
    for suf in _STRIP_SUFFIXES:
        if surface.endswith(suf) and len(surface) - len(suf) >= 2:
            out.append(surface[: -len(suf)])
            break
    latin = _LATIN_ORG_FORM.sub("", surface)
    if latin != surface and len(latin) >= 2:
        out.append(latin)  # Baillie Gifford & Co / Baillie Gifford, Acme Inc. / Acme
    for country in (surface[:2], surface[:3]):
        if (country in V.COUNTRIES or country in V.JURISDICTIONS) and len(surface) - len(country) >= 2:
            out.append(surface[len(country):])  # 中国证监会 / 证监会, 国家发改委 / 发改委
    return out


# investing arms: a known company X and X资本 or X基金 are two bodies (X集团, X汽车 are X itself)
_FUND_WORDS = ("资本", "基金", "投资", "创投", "资管", "风投")
_FINANCE_ARMS = ("证券", "银行", "保险", "信托", "期货")  # licensed bodies of their own: 远山证券 is not 远山集团


def _listed(surface: str) -> bool:
    """A name the company and product tables or the word lists know as a whole."""
    return _seg.TAGS.get(surface) in ("ORG", "PROD") or _fold(surface) in _ALIAS


def _merge_short_org_names(text: str, groups: Groups, owner: dict[int, str], surface_key: dict[str, str]) -> None:
    """An organisation's full name and its short form are one org; where two full names share the short form
    (远山汽车 and 远山资本), it joins the one the article names more often, or neither if they tie."""
    claims: dict[str, set[str]] = {}
    for key, g in groups.items():
        if g.top_type() != "org":
            continue
        for s, e in g.mentions:
            surface = text[s:e]
            for short in _short_forms(surface):
                other = surface_key.get(_fold(short))
                if other and other in groups and surface.endswith(_FUND_WORDS) and surface.startswith(short) \
                        and groups[other].strength() >= P.KNOWN and not _listed(surface):
                    continue  # 百度资本 is Baidu's fund, not Baidu
                if other and other != key and other in groups and (
                        groups[other].top_type() == "org" or groups[other].strength() < P.KNOWN):
                    claims.setdefault(other, set()).add(key)  # 远山 (a guessed place) is 远山汽车's short form
    _abbreviation_claims(text, groups, claims)
    _merge_brand_forms(text, groups, owner, surface_key)
    for other, claimants in claims.items():
        keys = [k for k in claimants if k in groups]
        if other not in groups or not keys:
            continue
        counts = sorted((len(groups[k].mentions), k) for k in keys)
        if len(counts) == 1 or counts[-1][0] > counts[-2][0]:
            _merge(groups, owner, counts[-1][1], other, surface_key)  # the full name the article uses most
        elif groups[other].top_type() != "org" and groups[other].strength() < P.CUE:
            first = min(keys, key=lambda k: min(groups[k].mentions))
            _merge(groups, owner, first, other, surface_key)  # a guessed place or person that two bodies share: the first


def _merge_brand_forms(text: str, groups: Groups, owner: dict[int, str], surface_key: dict[str, str]) -> None:
    """One brand with two form or industry words (远山科技 and 远山集团) is one company; with an investing or
    finance word (远山资本, 远山证券) it is another body."""
    by_brand: dict[str, list[str]] = {}
    for key, g in groups.items():
        if g.top_type() != "org":
            continue
        for s, e in g.mentions:
            surface = text[s:e]
            suf = next((x for x in _STRIP_SUFFIXES if surface.endswith(x)), None)
            if suf and len(surface) - len(suf) >= 2 and not surface.endswith(_FUND_WORDS + _FINANCE_ARMS) and suf not in ("社", "网"):
                keys = by_brand.setdefault(surface[: -len(suf)], [])
                if key not in keys:
                    keys.append(key)
    for keys in by_brand.values():
        for other in keys[1:]:
            if keys[0] in groups and other in groups:
                _merge(groups, owner, keys[0], other, surface_key)


def _abbreviation_claims(text: str, groups: Groups, claims: dict[str, set[str]]) -> None:
    """A Chinese short name takes characters of the full name in order and keeps its last, the body word
    (港交所 of 香港交易所, 证监会 of 证券监督管理委员会): an org of two to four characters that does so with a
    longer org of the article is its short form."""
    orgs = [(k, {text[s:e] for s, e in g.mentions}) for k, g in groups.items() if g.top_type() == "org"]
    for k_short, shorts in orgs:
        for short in shorts:
            if not (2 <= len(short) <= 4 and _seg._HAN.fullmatch(short)):
                continue
            for k_long, longs in orgs:
                if k_long != k_short and any(len(x) > len(short) + 1 and _abbreviates(short, x) for x in longs):
                    claims.setdefault(k_short, set()).add(k_long)


def _abbreviates(short: str, full: str) -> bool:
    if short[-1] != full[-1] or short in full:
        return False  # a short form inside the name (远山 of 远山汽车) is _short_forms' business
    pos = 0
    for ch in short:
        pos = full.find(ch, pos) + 1
        if not pos:
            return False
    return True


def _merge(groups: Groups, owner: dict[int, str], into: str, other: str, surface_key: dict[str, str] | None = None) -> None:
    if into == other or other not in groups:
        return
    if surface_key is not None:
        for f, k in list(surface_key.items()):
            if k == other:
                surface_key[f] = into
    g, o = groups[into], groups.pop(other)
    g.mentions.extend(o.mentions)
    for t, p in o.types.items():
        g.types[t] = max(g.types.get(t, 0), p)
    if g.entry is None:
        g.entry = o.entry
    for s, k in list(owner.items()):
        if k == other:
            owner[s] = into


_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_SPACE = re.compile(r"\s")


@lru_cache(maxsize=65536)  # the same names come back article after article
def slug(name: str) -> str:
    ascii_part = _NOT_SLUG.sub("-", name.casefold().replace("#", "-sharp").replace("+", "-plus")).strip("-")
    if ascii_part and len(ascii_part) * 2 >= len(_SPACE.sub("", name)):
        return ascii_part
    return "e" + format(zlib.crc32(name.encode("utf-8")), "08x")
