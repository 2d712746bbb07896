"""General vocabulary for entity and quote finding, read once from the word lists in annotator/data/.

Each list is a text file, one entry a line, with a `#` header naming what it holds and its source; no
list is about any one article. Tables of names (companies, products) hold one entity a line, its names
separated by " | ".
"""
from __future__ import annotations

from pathlib import Path

DATA = Path(__file__).with_name("data")


def entries(name: str) -> list[str]:
    """The entries of annotator/data/<name>.txt, in file order (comments and blank lines skipped)."""
    lines = (DATA / f"{name}.txt").read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def words(name: str) -> set[str]:
    return set(entries(name))


def table(name: str) -> list[tuple[str, ...]]:
    return [tuple(part.strip() for part in line.split("|")) for line in entries(name)]


TITLES = words("titles")
INDUSTRY_WORDS = words("industry_words")
ORG_SUFFIXES = words("org_suffixes") | INDUSTRY_WORDS
ORG_WEAK_SUFFIXES = words("org_weak_suffixes") | INDUSTRY_WORDS
PLACE_SUFFIXES = words("place_suffixes")
SPEECH_VERBS = words("speech_verbs")
DOC_NOUNS = words("doc_nouns")
REFERENCES = words("references")
ANON_HEADS = words("anon_heads")
GENERIC_LATIN = words("generic_latin")
GENERIC_ZH = words("generic_zh")
NOT_GIVEN = words("not_given")
SURNAMES = words("surnames")
COMPOUND_SURNAMES = words("compound_surnames")
TRANSLIT = words("translit")
TRANSLIT_DOTTED = TRANSLIT | words("translit_dotted")
COUNTRIES = words("countries")
COUNTRY_ABBR = words("country_abbr")
COMPANIES = table("companies")
PRODUCTS = table("products")
PRODUCT_CUES_BEFORE = words("product_cues_before")
PRODUCT_CUES_AFTER = words("product_cues_after")
FIRST_NAMES = words("first_names")
ORGS_ZH = words("orgs_zh")
GAMES = words("games")
MATCH_WORDS = words("match_words")
ORG_DESCRIPTORS = words("org_descriptors")
CITIES = words("cities")
FACILITY_SUFFIXES = words("facility_suffixes")
JURISDICTIONS = words("jurisdictions")
GOVERNMENT_BODIES = words("government_bodies")
CLUB_PLACES = words("club_places")
CLUB_WORDS = words("club_words")
LEAGUE_WORDS = words("league_words")
