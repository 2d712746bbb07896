"""The annotator's accuracy on the dev set: every gold article in ../shared/eval/gold, scored by the
team's scorer on `build.py annotate FILE --date D --no-glossary` and pooled over articles, as
scripts/dev_scores.py prints it. Skipped (marker `accuracy`) on a clone without ../shared.

The floor guards against regressions: the pooled scores as they are now; issue 10's targets, pooled
and for every single article, are tested beside it. When a change lifts a score, raise its floor.
"""
import dev_scores  # scripts/ is on the path (pytest.ini)
import pytest

pytestmark = pytest.mark.accuracy

# Pooled over the 7 dev articles at the merge of ann-entities2 (2026-12-05), rounded down; issue 10's target
# after each. Every dev article was looked at while tuning by then: held-out articles elsewhere tell more.
FLOOR = {
    "entities P": 0.97,  # target 0.92
    "entities F1": 0.91,  # target 0.88
    "quotes F1": 0.99,  # target 0.90
    "speakers": 0.98,  # target 0.90
    "figures F1": 0.99,  # target 0.95
    "figure values": 0.98,  # target 0.95
    "dates F1": 0.99,  # target 0.95
    "dates resolved": 0.97,  # target 0.95
}
TARGETS = {"entities P": 0.92, "entities F1": 0.88, "quotes F1": 0.90, "speakers": 0.90,
           "figures F1": 0.95, "figure values": 0.95, "dates F1": 0.95, "dates resolved": 0.95}
ARTICLE_TARGET = 0.80  # issue 10: every single article, in each measure of TARGETS


@pytest.fixture(scope="module")
def dev() -> list[dict]:
    gold = sorted((dev_scores.EVAL / "gold").glob("*.json"))
    articles = dev_scores.scores(gold)
    assert len(gold) >= 7 and len(articles) == len(gold)
    return articles


@pytest.fixture(scope="module")
def pooled(dev) -> dict[str, float]:
    return dev_scores.pooled(dev)


@pytest.mark.parametrize("measure", FLOOR)
def test_dev_set_stays_above_its_floor(pooled, measure):
    assert pooled[measure] >= FLOOR[measure], f"{measure} fell to {pooled[measure]:.3f}, floor {FLOOR[measure]}"


@pytest.mark.parametrize("measure", TARGETS)
def test_example_article_meets_the_targets(dev, measure):
    example = dev_scores.pooled([a for a in dev if a["article"] == "openai-losses"])
    assert example[measure] >= TARGETS[measure], f"{measure} = {example[measure]:.3f}"


@pytest.mark.parametrize("measure", TARGETS)
def test_dev_set_meets_issue_10_target(pooled, measure):
    assert pooled[measure] >= TARGETS[measure], f"{measure} = {pooled[measure]:.3f}, target {TARGETS[measure]}"


def test_every_dev_article_meets_issue_10_article_target(dev):
    below = [f"{a['article']}: {m} {v:.3f}" for a in dev for m, v in dev_scores.pooled([a]).items()
             if m in TARGETS and v < ARTICLE_TARGET]
    assert not below, f"below {ARTICLE_TARGET}: " + "; ".join(below)
