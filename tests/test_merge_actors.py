"""The merge of a user's own multi-outlet story (issue #13): actors from evidence in the text, claims
across outlets, denials linked by what they deny. Every sentence here is invented for the test."""

from __future__ import annotations

from summarizer.merge import merge
from summarizer.models import Actor, ArticleResult, Verification, VerifiedClaim, VerifiedDenial
from summarizer.textlayer import first_mention, ground_actor

V = Verification(status="exact", score=1.0, start=0, end=1, flagged=False)


def article(aid: str, text: str, actors: list[Actor], claims=(), denials=(), published="2025-03-04") -> ArticleResult:
    """One article as the pipeline hands it to the merge: actors grounded in its text."""
    return ArticleResult(
        article_id=aid, source=aid, ok=True, published=published, actors=actors,
        actor_spans=[first_mention(text, [a.name, *a.aliases]) for a in actors],
        actor_grounding=[ground_actor(text, a.name, a.aliases) for a in actors],
        claims=[VerifiedClaim(speaker=s, statement=q, quote=q, verification=V) for s, q in claims],
        denials=[VerifiedDenial(speaker=s, denied=d, quote=q, verification=V) for s, d, q in denials],
    )


def org(name, *aliases, role=None):
    return Actor(name=name, kind="organisation", aliases=list(aliases), role=role)


def person(name, *aliases, role=None):
    return Actor(name=name, kind="person", aliases=list(aliases), role=role)


def actor_of(actors, article_id, name):
    return next(a for a in actors if any(m.article_id == article_id and m.name == name for m in a.mentions))


def test_a_description_joins_the_actor_the_texts_describe_that_way():
    one = article("one", "Acme Research, the Leeds-based firm, published its findings on Monday. Zenith Group "
                         "called them false.", [org("Acme Research"), org("Zenith Group")])
    two = article("two", "Zenith Group and Acme Research traded blows. The firm said Zenith Group hid its debts.",
                  [org("Zenith Group"), org("Acme Research"), org("firm")],
                  claims=[("firm", "Zenith Group hid its debts")])
    three = article("three", "Zenith Group shares fell. The firm said Zenith Group hid its debts.",
                    [org("Zenith Group"), org("firm")], claims=[("firm", "Zenith Group hid its debts")])
    actors, claims, _, _ = merge([one, two, three])
    acme = actor_of(actors, "one", "Acme Research")
    assert actor_of(actors, "two", "firm") is acme  # not Zenith Group, which the firm's own words are about
    assert acme.resolved == ["firm"]
    # where the only company named is the one the firm's words are about, nobody is guessed
    assert actor_of(actors, "three", "firm") is not actor_of(actors, "three", "Zenith Group")


def test_a_description_with_nothing_to_go_on_stays_apart():
    one = article("one", "The foreign ministry said the talks would resume. Zenith Group welcomed it.",
                  [Actor(name="foreign ministry", kind="organisation"), org("Zenith Group")])
    actors, _, _, _ = merge([one])
    assert actor_of(actors, "one", "foreign ministry") is not actor_of(actors, "one", "Zenith Group")


def test_titles_and_portfolios_are_not_names():
    one = article("one", "Health Minister Jane Roe said the plan was ready.", [person("Health Minister Jane Roe")])
    two = article("two", "Jane Roe, the health minister, spoke on Tuesday.", [person("Jane Roe", role="health minister")])
    three = article("three", "Group Chief Financial Officer Jo Ray declined to comment.",
                    [person("Group Chief Financial Officer Jo Ray")])
    actors, _, _, _ = merge([one, two, three])
    assert actor_of(actors, "one", "Health Minister Jane Roe") is actor_of(actors, "two", "Jane Roe")
    assert actor_of(actors, "two", "Jane Roe").name == "Jane Roe"
    assert actor_of(actors, "three", "Group Chief Financial Officer Jo Ray").name == "Jo Ray"


def test_another_actor_listed_as_an_alias_joins_nothing_and_the_json_says_so():
    one = article("one", "Belmark and Canada met in Ottawa. Jo Ray, Belmark's envoy, spoke.",
                  [Actor(name="Canada", kind="state", aliases=["Ottawa", "Belmark", "Jo Ray"]),
                   Actor(name="Belmark", kind="state"), person("Jo Ray")])
    actors, _, _, _ = merge([one])
    canada = actor_of(actors, "one", "Canada")
    assert canada is not actor_of(actors, "one", "Belmark") and canada is not actor_of(actors, "one", "Jo Ray")
    dropped = {d.alias: d.reason for d in canada.dropped_aliases}
    assert set(dropped) == {"Belmark", "Jo Ray"} and all("another actor" in r for r in dropped.values())
    assert "Ottawa" in canada.aliases


def test_an_alias_the_article_never_uses_joins_nothing():
    one = article("one", "Zenith Group said profits rose.", [org("Zenith Group", "Zenith Ports")])
    two = article("two", "Zenith Ports, a unit of the group, was sold.", [org("Zenith Ports")])
    actors, _, _, _ = merge([one, two])
    assert actor_of(actors, "one", "Zenith Group") is not actor_of(actors, "two", "Zenith Ports")
    assert [d.reason for d in actor_of(actors, "one", "Zenith Group").dropped_aliases] == ["not in the article text"]


def test_a_subsidiary_stays_apart_and_a_bare_word_that_could_be_either_joins_neither():
    one = article("one", "Zenith Group owns Zenith Ports. Zenith said nothing.",
                  [org("Zenith Group"), org("Zenith Ports"), org("Zenith")])
    two = article("two", "Acme Research replied. Acme said it stood by the report.", [org("Acme Research"), org("Acme")])
    actors, _, _, _ = merge([one, two])
    group, ports, bare = (actor_of(actors, "one", n) for n in ("Zenith Group", "Zenith Ports", "Zenith"))
    assert len({group.id, ports.id, bare.id}) == 3
    assert actor_of(actors, "two", "Acme") is actor_of(actors, "two", "Acme Research")  # only one Acme body


def test_a_document_speaks_for_its_author():
    one = article("one", "The Acme Study found that profits were inflated.", [org("Acme Study")])
    two = article("two", "Acme Research published its study.", [org("Acme Research")])
    actors, _, _, _ = merge([one, two])
    assert actor_of(actors, "one", "Acme Study") is actor_of(actors, "two", "Acme Research")


def test_a_spokesperson_speaks_for_the_body_and_their_words_are_one_claim():
    words = "The figures are wrong and we will see them in court"
    one = article("one", f'"{words}," Zenith Group spokeswoman Jo Ray said.',
                  [person("Jo Ray", role="Zenith Group spokeswoman"), org("Zenith Group")], claims=[("Jo Ray", words)])
    two = article("two", f'Zenith Group said: "{words}."', [org("Zenith Group")], claims=[("Zenith Group", words)])
    actors, claims, _, _ = merge([one, two])
    ray = actor_of(actors, "one", "Jo Ray")
    assert ray.speaks_for == actor_of(actors, "two", "Zenith Group").id
    assert len(claims) == 1 and len(claims[0].sources) == 2
    assert claims[0].also_credited_to  # the outlets credit the words to two speakers, and the claim says so


def test_two_named_people_with_the_same_words_stay_two_claims():
    words = "We will not accept any deal that leaves our workers behind"
    one = article("one", "x", [person("Jo Ray")], claims=[("Jo Ray", words)])
    two = article("two", "x", [person("Ann Vale")], claims=[("Ann Vale", words)])
    _, claims, _, _ = merge([one, two])
    assert len(claims) == 2


def test_a_fragment_joins_the_longer_quote_and_other_statements_stay_apart():
    one = article("one", "x", [org("Zenith Group")], claims=[
        ("Zenith Group", "This is a calculated attack on our investors and on the market itself"),
        ("Zenith Group", "We will publish a full answer within a week")])
    two = article("two", "x", [org("Zenith Group")], claims=[("Zenith Group", "calculated attack on our investors")])
    _, claims, _, _ = merge([one, two])
    assert sorted(len(c.sources) for c in claims) == [1, 2]
    joined = next(c for c in claims if len(c.sources) == 2)
    assert {s.article_id for s in joined.sources} == {"one", "two"}


def test_a_denial_answers_the_claims_of_the_party_it_names_as_accuser():
    one = article("one", "x", [org("Acme Research"), org("Zenith Group")], claims=[
        ("Acme Research", "Zenith Group engaged in accounting fraud for a decade"),
        ("Acme Research", "We are proud of our small team")])
    two = article("two", "x", [org("Zenith Group"), org("Acme Research")], denials=[
        ("Zenith Group", "Acme Research's report alleging fraud", "baseless and malicious")])
    _, claims, denials, _ = merge([one, two])
    linked = {c.statement for c in claims if c.id in denials[0].denies}
    assert linked == {"Zenith Group engaged in accounting fraud for a decade"}


def test_the_minister_is_the_named_minister_of_the_article():
    one = article("one", "Interior Minister Jo Ray met Ann Vale. The minister said the border would stay open.",
                  [person("Jo Ray", role="Interior Minister"), person("Ann Vale", role="trade envoy"),
                   person("the minister")])
    actors, _, _, _ = merge([one])
    assert actor_of(actors, "one", "the minister") is actor_of(actors, "one", "Jo Ray")
    assert actor_of(actors, "one", "Ann Vale") is not actor_of(actors, "one", "Jo Ray")


def test_a_body_listing_a_state_as_its_alias_does_not_stop_the_merge():
    """A model may list a country among a body's aliases ("Harbour Alliance, also: Canada"). The merge
    must not fail on it; where the country is an actor of the run, the alias is that actor's and is
    dropped with its reason."""
    one = article("one", "The Harbour Alliance met in Canada on Monday.", [org("Harbour Alliance", "Canada")])
    two = article("two", "Canada said the Harbour Alliance was welcome.",
                  [Actor(name="Canada", kind="state"), org("Harbour Alliance")])
    actors, _, _, _ = merge([one, two])
    alliance = actor_of(actors, "one", "Harbour Alliance")
    assert alliance is not actor_of(actors, "two", "Canada")
    assert [d.alias for d in alliance.dropped_aliases] == ["Canada"]
    actors, _, _, _ = merge([one])  # alone: no crash, and a body is not renamed after a state
    assert [(a.name, [d.alias for d in a.dropped_aliases]) for a in actors] == [("Harbour Alliance", ["Canada"])]
