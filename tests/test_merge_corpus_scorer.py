"""The real-corpus merge scorer (benchmarks/merge_corpus.py) on a tiny gold written for this test."""

from benchmarks.merge_corpus import pairwise, score_claims


def test_pairwise_counts_joins_and_misses_alike():
    gold = {"a": 1, "b": 1, "c": 2, "d": 2}
    pred = {"a": "X", "b": "Y", "c": "Y", "d": "Y", "e": "Y"}  # "e" is unknown to the gold: not scored
    both, predicted, expected = pairwise(gold, pred)
    assert (both, predicted, expected) == (1, 3, 2)  # c-d right; b-c, b-d wrong; a-b missed


def test_claim_mentions_are_matched_by_overlap_in_their_own_article():
    from types import SimpleNamespace as NS

    texts = {"one.txt": 'Jo Ray said "we will reopen the depot on Monday" and "nothing else".',
             "two.txt": 'Ray told us: "We will reopen the depot on Monday."'}
    gold = {"claim_clusters": [
        {"mentions": [{"article": "one.txt", "quote": "we will reopen the depot on Monday"},
                      {"article": "two.txt", "quote": "We will reopen the depot on Monday."}]},
        {"mentions": [{"article": "one.txt", "quote": "nothing else"}]}]}

    def src(art, quote):
        start = texts[art].find(quote)
        return NS(article_id=art[:-4], start=start, end=start + len(quote))

    joined = NS(claims=[NS(id="C1", sources=[src("one.txt", "we will reopen the depot"),
                                             src("two.txt", "We will reopen the depot on Monday.")]),
                        NS(id="C2", sources=[src("one.txt", "nothing else")])], denials=[])
    fm = {"one": "one.txt", "two": "two.txt"}
    s = score_claims(gold, texts, joined, fm)
    assert s["pairs"] == (1, 1, 1) and s["covered"] == 3
    apart = NS(claims=[NS(id="C1", sources=[src("one.txt", "we will reopen the depot")]),
                       NS(id="C2", sources=[src("two.txt", "We will reopen the depot on Monday.")])], denials=[])
    assert score_claims(gold, texts, apart, fm)["pairs"] == (0, 0, 1)
