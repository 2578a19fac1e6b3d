"""The merge against the hand-checked expectation for the seeds (tests/data/expected_merge.json).

The floors are what the merge measured when this test was written (benchmarks/merge_bench.py prints
the same figures): a change that lowers any of them fails here.
"""

import pytest

from summarizer.merge import merge, person_core, supply_pairs
from summarizer.models import Actor, ArticleResult
from tests.merge_eval import score, seed_results

FLOORS = {
    "actors": (1.0, 1.0),
    "claims": (0.90, 0.69),
    "denial links": (0.76, 0.56),
    "timeline dates": (1.0, 1.0),
    "same event": (1.0, 0.5),
}


@pytest.fixture(scope="module")
def merged():
    return merge(seed_results())


@pytest.mark.parametrize("part", list(FLOORS))
def test_clustering_stays_at_or_above_what_we_reached(merged, part):
    precision, recall = score(merged)[part]
    assert precision >= FLOORS[part][0] and recall >= FLOORS[part][1], (part, precision, recall)


def test_one_actor_per_entity_on_the_seeds(merged):
    actors = merged[0]
    names = [a.name for a in actors]
    for one in ("Jens Stoltenberg", "North Korea", "United States", "NATO", "Kwon Jong Gun"):
        assert names.count(one) == 1
    assert "Kim Jong Un" in names and "Kim Yo Jong" in names  # same family name, two people
    nk = next(a for a in actors if a.name == "North Korea")
    assert {"DPRK", "Pyongyang"} <= set(nk.aliases)
    stolt = next(a for a in actors if a.name == "Jens Stoltenberg")
    assert len(stolt.articles) == 5 and all(m.start is not None for m in stolt.mentions)


def test_reckless_missile_tests_once_with_three_sources(merged):
    claims = merged[1]
    reckless = [c for c in claims if any("reckless missile tests" in s.quote for s in c.sources)
                and c.speaker == "Jens Stoltenberg"]
    assert len(reckless) == 1
    assert {s.article_id[:3] for s in reckless[0].sources} == {"000", "001", "002"}
    assert reckless[0].sources[0].status.value == "exact"  # best-supported quote first
    assert not reckless[0].flagged and reckless[0].sources[-1].flagged  # the planted paraphrase stays visible


def test_kwon_denial_is_linked_to_what_it_denies(merged):
    claims, denials = merged[1], merged[2]
    kwon = [d for d in denials if d.speaker == "Kwon Jong Gun"]
    assert kwon and all(d.denies for d in kwon)
    denied_speakers = {c.speaker for c in claims if any(c.id in d.denies for d in kwon)}
    assert {"United States", "John Kirby"} <= denied_speakers


def test_timeline_runs_in_order_with_right_dates(merged):
    timeline = merged[3]
    dated = [t.date for t in timeline if t.date]
    assert dated == sorted(dated) and dated[0].startswith("2022")
    undated_sources = [s for t in timeline if not t.date for s in t.sources]
    assert undated_sources and {s.article_id[:3] for s in undated_sources} <= {"001", "002", "003", "004"}
    sunday = [t for t in timeline if any(s.article_id.startswith("002") and s.date_text == "on Sunday" for s in t.sources)]
    assert sunday and all(t.date == "2023-01-29" for t in sunday)  # the model's 2023-01-28 is not used


def test_unsupported_claim_stays_flagged(merged):
    fabricated = [c for c in merged[1] if any("stands ready to send forces" in s.quote for s in c.sources)]
    assert len(fabricated) == 1 and fabricated[0].flagged and fabricated[0].status.value == "unsupported"


def test_merge_is_deterministic():
    first = merge(seed_results())
    assert [c.model_dump() for c in merge(seed_results())[1]] == [c.model_dump() for c in first[1]]


def test_people_rules():
    assert person_core("NATO Secretary General Jens Stoltenberg") == "Jens Stoltenberg"
    assert person_core("Stoltenberg's") == "Stoltenberg"
    r = lambda aid, *actors: ArticleResult(article_id=aid, source=aid, ok=True, actors=list(actors))
    actors, _, _, _ = merge([
        r("a", Actor(name="Jens Stoltenberg", kind="person"), Actor(name="NATO", kind="organisation")),
        r("b", Actor(name="Stoltenberg", kind="person"), Actor(name="North Atlantic Treaty Organization", kind="organisation")),
        r("c", Actor(name="Kim", kind="person"), Actor(name="Kim Jong Un", kind="person"), Actor(name="Kim Yo Jong", kind="person")),
    ])
    names = sorted(a.name for a in actors)
    assert names == ["Jens Stoltenberg", "Kim", "Kim Jong Un", "Kim Yo Jong", "NATO"]  # "Kim" alone is ambiguous


def test_denial_direction():
    assert supply_pairs("North Korea provided arms to Russia.") == {("E:North Korea", "E:Russia")}
    assert supply_pairs("Wagner received weapons from Pyongyang") == {("E:North Korea", "E:Russia")}
    assert supply_pairs("support that Russia provides to North Korea") == {("E:Russia", "E:North Korea")}


def test_a_date_takes_the_tense_of_its_own_clause():
    from datetime import date

    from summarizer import dates

    text = "The minister said on Tuesday that the plan will cost more. She will travel to Rome on Friday."
    published = date(2024, 3, 7)  # a Thursday
    tuesday = text.index("on Tuesday")
    friday = text.index("on Friday")
    past = dates.looks_future(dates.clause_around(text, tuesday, tuesday + 10))
    ahead = dates.looks_future(dates.clause_around(text, friday, friday + 9))
    assert dates.resolve("on Tuesday", published, future=past).iso == "2024-03-05"  # not the next Tuesday
    assert dates.resolve("on Friday", published, future=ahead).iso == "2024-03-08"
