"""The verifier against labelled cases, the peer's alignment cases, and the `verify` command."""

import json
from collections import Counter

import pytest
from click.testing import CliRunner

from summarizer.cli import main
from summarizer.quote_alignment import Source, normalize, normalize_with_map
from summarizer.verify import verify_quote
from tests.conftest import ROOT

DATA = ROOT / "tests" / "data"
PEER = ROOT.parent / "shared" / "peer" / "langextract_alignment.jsonl"


def load(name):
    cases = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        c = json.loads(line)
        c["_text"] = c["source_text"] if "source_text" in c else (ROOT / c["source"]).read_text(encoding="utf-8")
        cases.append(c)
    return cases


def flag_scores(cases):
    tp = fp = fn = 0
    statuses = Counter()
    for c in cases:
        v = verify_quote(c["_text"], c["quote"], c.get("speaker"))
        tp += v.flagged and c["expected_flag"]
        fp += v.flagged and not c["expected_flag"]
        fn += (not v.flagged) and c["expected_flag"]
        statuses[v.status.value == c["expected_status"]] += 1
    return tp / (tp + fp), tp / (tp + fn), statuses[True] / len(cases)


def test_labelled_set_meets_the_targets():
    precision, recall, status_agreement = flag_scores(load("verify_cases.jsonl"))
    assert precision >= 0.97 and recall >= 0.97
    assert status_agreement >= 0.97


def test_held_out_set_stays_at_its_first_measurement():
    """Never tuned on: 0.980 / 0.980 on its first run (README). When the speaker check moved onto the one
    attribution engine (the offline extractor's), it measured 0.960 / 0.980: one more honest quote flagged,
    while the real-news cases' misattributions caught rose from 0.57 to 0.92 (benchmarks/realnews.py). That
    second measurement is the floor now. Do not tune the verifier by reading this set's failures, or it stops
    measuring generalisation."""
    precision, recall, _ = flag_scores(load("verify_holdout2.jsonl"))
    assert precision >= 48 / 50 and recall >= 48 / 49  # printed as 0.960 and 0.980


def test_second_set_meets_the_targets():
    precision, recall, status_agreement = flag_scores(load("verify_holdout.jsonl"))
    assert precision >= 0.97 and recall >= 0.97 and status_agreement >= 0.97


def peer_cases():
    if not PEER.exists():
        return []
    rows = [json.loads(line) for line in PEER.read_text(encoding="utf-8").splitlines()]
    return [r for r in rows if r["standalone_agrees"] and r["expected_status"] in ("match_exact", None)]


@pytest.mark.skipif(not PEER.exists(), reason="../shared/peer not present")
@pytest.mark.parametrize("r", peer_cases(), ids=lambda r: r["id"])
def test_langextract_cases(r):
    v = verify_quote(r["source_text"], r["quote"])
    if r["expected_status"] == "match_exact":
        assert not v.flagged and v.start is not None
        if "start" in r["checks"]:
            assert v.start == r["expected_start"]
        if "end" in r["checks"]:
            assert v.end == r["expected_end"]
    elif "status" in r["checks"]:
        assert v.flagged


@pytest.mark.parametrize("quote, status, kind", [
    ("it can never be allowed", "exact", None),
    ("It can NEVER be   allowed.", "normalized", None),
    ("it can be allowed", "altered", "negation"),
    ("it can never be tolerated", "altered", "word"),
    ("Officials said defense programs were a provocation", "fuzzy", "spelling-or-article"),
])
def test_statuses_on_a_small_text(quote, status, kind):
    text = "Officials said the defence programmes were a provocation that can never be allowed, he said."
    text = "He warned: “it can never be allowed.” " + text
    v = verify_quote(text, quote)
    assert v.status.value == status, v
    if kind in ("negation", "word"):
        assert any(d.kind == kind and not d.benign for d in v.differences)
    if v.start is not None:
        assert text[v.start:v.end] == v.matched


def test_offsets_survive_entities_and_curly_quotes():
    text = "Intro.\n\nThe minister said it&#8217;s “not over” &amp; will continue."
    v = verify_quote(text, "it's \"not over\" & will continue")
    assert v.status.value == "normalized"
    assert text[v.start:v.end] == "it&#8217;s “not over” &amp; will continue"


def test_boilerplate_cannot_support_a_quote():
    text = "Advertisement\nThe mayor said the bridge reopens on Monday."
    assert verify_quote(text, "Advertisement").status.value == "unsupported"
    assert verify_quote(text, "the bridge reopens on Monday").status.value == "exact"


def test_normalize_fast_path_equals_mapped_version():
    for s in ["It’s “fine” – really…", "  A&amp;B\u00a0c  ", "ÉCOLE d’été"]:
        assert normalize(s) == normalize_with_map(s)[0]


def test_prepared_source_gives_the_same_answer():
    text = (ROOT / "seeds" / "001_ca8c0077a0ec5559.txt").read_text(encoding="utf-8")
    q = "We are, of course, concerned about the reckless missile tests and nuclear programmes of North Korea"
    assert verify_quote(Source.prepare(text), q) == verify_quote(text, q)


def test_verify_command_with_good_and_malformed_lines(tmp_path):
    cases = tmp_path / "cases.jsonl"
    src = tmp_path / "article.txt"
    src.write_text("Kirby said the deliveries had not changed the battlefield.", encoding="utf-8")
    cases.write_text("\n".join([
        json.dumps({"id": 1, "source": "article.txt", "quote": "the deliveries had not changed the battlefield", "speaker": "Kirby"}),
        "{not json",
        json.dumps({"id": 3, "source_text": "We will not go back.", "quote": "We will go back"}),
        json.dumps({"id": 4, "quote": "no source"}),
        json.dumps({"id": 5, "source": "article.txt", "quote": "the deliveries had not changed the battlefield", "speaker": "Blinken"}),
    ]) + "\n", encoding="utf-8")
    res = CliRunner().invoke(main, ["verify", str(cases)])
    assert res.exit_code == 1  # malformed lines, the rest still verified
    out = [json.loads(line) for line in res.stdout.splitlines()]
    assert [o["id"] for o in out] == [1, 3, 5]
    assert out[0]["status"] == "exact" and out[0]["speaker_found"] is True and (out[0]["start"], out[0]["end"]) == (11, 57)
    assert out[1]["status"] == "altered" and out[1]["differences"][0]["kind"] == "negation"
    assert out[2]["speaker_found"] is False and out[2]["credited_to"] == "Kirby" and out[2]["flagged"]
    assert f"{cases}:2: not valid JSON" in res.stderr and f"{cases}:4:" in res.stderr

    good = tmp_path / "good.jsonl"
    good.write_text("\n".join(cases.read_text().splitlines()[i] for i in (0, 2)) + "\n")
    assert CliRunner().invoke(main, ["verify", str(good)]).exit_code == 0
    assert CliRunner().invoke(main, ["verify", str(good), "--fail-on", "altered,unsupported"]).exit_code == 3
    assert CliRunner().invoke(main, ["verify", str(good), "--fail-on", "bogus"]).exit_code == 2


@pytest.mark.parametrize("text, quote, speaker", [
    # the subject of the sentence's speech verb, not the name nearest the quote
    ("Belmark's prime minister, Ilse Varga, said after talks with Dravenia's president, Emil Moravec, that the "
     "hotline was “a first step, not a solution”. Moravec told reporters Dravenia was “not harbouring anyone” and "
     "dismissed Belmark's claims as “politics dressed up as security”.", "a first step, not a solution", "Ilse Varga"),
    ("Moravec told reporters Dravenia was “not harbouring anyone” and dismissed Belmark's claims as “politics "
     "dressed up as security”.", "politics dressed up as security", "Emil Moravec"),
    # a day is not a speaker
    ("Interior Minister Tomas Reinholt, who first accused Korsk of arming the group, said Wednesday's decision was "
     "“overdue.”", "who first accused Korsk of arming the group", "Tomas Reinholt"),
    # the speaker named inside a reported-speech span, between commas
    ("On Tuesday its chief executive, Milan Dobrev, said the company had suspended all exports.",
     "its chief executive, Milan Dobrev, said the company had suspended all exports", "Milan Dobrev"),
    # attribution after the words, with an appositive
    ("The mission will return to the Orva crossing in June, its head, Saskia Brandt, said.",
     "The mission will return to the Orva crossing in June", "Saskia Brandt"),
])
def test_speaker_check_credits_the_sentence_speaker(text, quote, speaker):
    v = verify_quote(text, quote, [speaker, speaker.split()[-1]])
    assert not v.flagged, v.reasons


def test_speaker_check_still_catches_the_wrong_speaker():
    text = ("Belmark's prime minister, Ilse Varga, said after talks with Dravenia's president, Emil Moravec, that the "
            "hotline was “a first step, not a solution”.")
    v = verify_quote(text, "a first step, not a solution", ["Emil Moravec", "Moravec"])
    assert v.flagged and "Varga" in " ".join(v.reasons)


# Benign edits outlets make when they copy a quote: each keeps the words' meaning, so none is a flag.
BENIGN_SOURCE = (
    'The mayor said on Monday: "We won\'t co-operate with them until the defence programme is '
    'fixed. It\'s not over, and the harbour authority knows it."'
)


@pytest.mark.parametrize("quote, kind", [
    ("We will not cooperate with them until the defense program is fixed", "spelling, hyphen, contraction"),
    ("We won't co-operate with [the three ministers] until the defence programme is fixed", "bracket with a number"),
    ("We won't co-operate with [Jane Roe] until the defence programme is fixed", "bracket with a name"),
    ("It is not over, and the harbor authority knows it", "contraction expanded, American spelling"),
])
def test_benign_edits_are_not_flagged(quote, kind):
    result = verify_quote(BENIGN_SOURCE, quote)
    assert result.status.value in ("exact", "normalized", "fuzzy"), (kind, result.status, result.differences)


@pytest.mark.parametrize("quote", [
    "We will cooperate with them until the defense program is fixed",  # negation dropped in the expansion
    "It's over, and the harbour authority knows it",  # "It's not over" lost its "not"
    "We won't co-operate with [the three ministers] until the defence programme is broken",
])
def test_edits_that_change_meaning_are_still_flagged(quote):
    assert verify_quote(BENIGN_SOURCE, quote).status.value in ("altered", "unsupported")


def test_a_possessive_is_not_a_contraction():
    text = 'The minister\'s aide said: "The minister is tired."'
    assert verify_quote(text, "The minister's tired").status.value in ("altered", "unsupported")


def test_quoted_parts_joined_across_their_attribution_are_the_speakers_words():
    """Outlets and models quote "“A,” she told the Post. “B.”" as "A. B.": fuzzy, not altered; anything else
    left out between the parts, or the parts out of order, is still a change."""
    text = "“It is a false story,” Roe told the Harbour Post on Sunday. “There is no truth to it. Not a shred.” She left."
    v = verify_quote(text, "It is a false story. There is no truth to it.", "Roe")
    assert v.status.value == "fuzzy" and not v.flagged and text[v.start:v.end].startswith("It is a false story")
    assert verify_quote(text, "There is no truth to it. It is a false story.", "Roe").flagged
    assert verify_quote(text, "It is a false story. She left.", "Roe").flagged
    plain = "It is a false story, Roe said on Sunday, and there is no truth to it."
    assert verify_quote(plain, "It is a false story. There is no truth to it.", "Roe").flagged


def test_a_quote_of_one_or_two_words_is_too_short_to_check_unless_the_article_quotes_them():
    """"It is" or "a plan" is found in almost any article: not verified, not flagged, counted as too short.
    Words the article itself puts in quotation marks ("“Reckless,” ...") are a quote and are checked."""
    from summarizer.models import ItemState

    text = "Ana Roe said it is a plan for the harbour. “Reckless,” Ana Roe said of the bridge on Monday."
    for quote in ("It is", "a plan"):
        v = verify_quote(text, quote, "Ana Roe")
        assert v.state is ItemState.too_short and not v.flagged, quote
    v = verify_quote(text, "Reckless", "Ana Roe")
    assert v.state is ItemState.verified
    assert verify_quote(text, "it is a plan for the harbour", "Ana Roe").state is ItemState.verified


def test_a_quote_that_is_only_its_attribution_carries_no_claim():
    """A model that quotes "Jo Dale, a spokeswoman for the port, said." has quoted who spoke, not what: too
    short to check, neither verified nor flagged."""
    from summarizer.models import ItemState

    text = "The ferry was cancelled. “It was a mistake,” Jo Dale, a spokeswoman for the Vell Port Authority, said."
    v = verify_quote(text, "Jo Dale, a spokeswoman for the Vell Port Authority, said.", "Jo Dale")
    assert v.state is ItemState.too_short and not v.flagged
    assert verify_quote(text, "It was a mistake", "Jo Dale").state is ItemState.verified


def test_an_edge_word_of_a_quote_pairs_with_the_same_word_beside_the_rest():
    """A word alignment may pair a quote's opening "The" with an earlier "The" of the sentence ("The
    firm said the Vell Group ...") and call the words between an insertion; the same word stands right
    before the rest, so it is paired there and the words between fall outside the quote."""
    from summarizer.quote_alignment import _Op, _tighten

    the, firm, said, vell, group = 1, 2, 3, 4, 5
    window = [the, firm, said, the, vell, group]
    quote = [the, vell, group]
    ops = [_Op("equal", 0, 1, 0, 1), _Op("insert", 1, 1, 1, 4), _Op("equal", 1, 3, 4, 6)]
    tight = _tighten(ops, quote, window)
    assert [(op.tag, op.dest_start, op.dest_end) for op in tight] == [("insert", 0, 3), ("equal", 3, 4), ("equal", 4, 6)]
    # at the other edge too: "... the pier" paired with the "pier" next to the rest
    window = [vell, group, said, group]
    quote = [vell, group]
    ops = [_Op("equal", 0, 1, 0, 1), _Op("insert", 1, 1, 1, 3), _Op("equal", 1, 2, 3, 4)]
    assert [(op.tag, op.dest_start, op.dest_end) for op in _tighten(ops, quote, window)][:2] == [("equal", 0, 1), ("equal", 1, 2)]
