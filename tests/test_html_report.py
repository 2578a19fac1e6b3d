"""The HTML evidence report: self-contained, escaped, every span highlighted; and, in a real browser,
clicking a claim shows its words, the flagged-only filter works and hostile articles run nothing."""

from __future__ import annotations

import html
import json
import os
import re
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest

from summarizer import summarize
from summarizer.cache import CacheMode
from summarizer.extract import ModelConfig
from summarizer.html_report import render
from summarizer.ingest import make_article, read_articles
from summarizer.merge import merge
from summarizer.models import (
    Actor,
    ArticleExtraction,
    ArticleResult,
    Claim,
    DatedEvent,
    Denial,
    RunInfo,
    Status,
    Summary,
    Verification,
    VerifiedClaim,
)
from summarizer.pipeline import RunOptions
from summarizer.verify import verify_extraction
from tests.conftest import BEYOND_QUOTE, ROOT, SEEDS
from tests.record_seeds import ANSWERS

PLANTED = json.loads((ANSWERS / "PLANTED_MISTAKES.json").read_text(encoding="utf-8"))

# ---------------------------------------------------------------------------------------------
# Fixtures and helpers
# ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seeds(tmp_path_factory):
    opts = RunOptions(config=ModelConfig(), cache_dir=tmp_path_factory.mktemp("c"), cache_mode=CacheMode.replay,
                      recordings=[ROOT / "recordings"])
    summary = summarize([SEEDS], opts)
    articles = list(read_articles([SEEDS]))
    texts = {a.id: a.text for a in articles}
    bp = {a.id: [(s.start, s.end) for s in a.boilerplate] for a in articles}
    return summary, texts, bp, render(summary, texts, bp)


def build(articles_and_answers) -> tuple[Summary, list]:
    """A Summary made offline by the real verifier and merge from (Article, ArticleExtraction) pairs."""
    results = []
    for art, ext in articles_and_answers:
        claims, denials, events = verify_extraction(art, ext)
        results.append(ArticleResult(article_id=art.id, source=art.source, title=art.title, published=art.published,
                                     ok=True, actors=ext.actors, claims=claims, denials=denials, events=events))
    actors, claims, denials, timeline = merge(results)
    summary = Summary(run=RunInfo(extractor="test"), articles=results, actors=actors, claims=claims,
                      denials=denials, timeline=timeline)
    return summary, [a for a, _ in articles_and_answers]


XSS = "window.__xss=1"
HOSTILE_TEXT = (
    "Breaking <script>window.__xss=1</script> news\n\n"
    'Eve Evil said "<img src=x onerror=window.__xss=1> is how it starts" at the event on Monday.\n\n'
    "She added that </script><script>window.__xss=1</script><!-- and ]]> are harmless.\n\n"
    'Advertisement\n\n<a href="javascript:window.__xss=1">click</a> \u2028<svg onload=window.__xss=1>\n'
)


def hostile():
    art = make_article('x"><img src=x onerror=window.__xss=1>', "<b>src</b>", HOSTILE_TEXT,
                       title="<script>window.__xss=1</script>", published="2024-01-01")
    who = "Eve <img src=x onerror=window.__xss=1>"
    ext = ArticleExtraction(
        actors=[Actor(name=who, kind="person", aliases=["<svg onload=window.__xss=1>"], role="</script>")],
        claims=[
            Claim(speaker=who, statement="</script><script>window.__xss=1</script>",
                  quote="<img src=x onerror=window.__xss=1> is how it starts"),
            Claim(speaker=who, statement="Breaking news <b>bold</b>", quote="<script>window.__xss=1</script>"),
            Claim(speaker=who, statement="made up", quote="<iframe src=javascript:window.__xss=1> never said"),
        ],
        denials=[Denial(speaker=who, denied="<img src=x onerror=window.__xss=1>",
                        quote="</script><script>window.__xss=1</script><!-- and ]]> are harmless")],
        events=[DatedEvent(date_text="on Monday", date="2024-01-01", precision="day",
                           event="<script>window.__xss=1</script> happened")],
    )
    return build([(art, ext)])


class Page(HTMLParser):
    """Every tag with its attributes, and the text of each <mark> (marks never nest)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.marks: list[tuple[dict, str]] = []
        self._mark: dict | None = None
        self._buf: list[str] = []
        self.scripts: list[tuple[dict, str]] = []
        self._script: dict | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append((tag, a))
        if tag == "mark":
            assert self._mark is None, "nested <mark>"
            self._mark, self._buf = a, []
        if tag == "script":
            self._script, self._buf = a, []

    def handle_endtag(self, tag):
        if tag == "mark":
            self.marks.append((self._mark, "".join(self._buf)))
            self._mark = None
        if tag == "script":
            self.scripts.append((self._script, "".join(self._buf)))
            self._script = None

    def handle_data(self, data):
        if self._mark is not None or self._script is not None:
            self._buf.append(data)


def parse(doc: str) -> Page:
    p = Page()
    p.feed(doc)
    p.close()
    return p


def report_data(doc: str) -> dict:
    p = parse(doc)
    block = next(body for attrs, body in p.scripts if attrs.get("type") == "application/json")
    return json.loads(block)


def span_texts(page: Page) -> dict[str, str]:
    """Span id -> the text of its marks, in order."""
    out: dict[str, list[str]] = {}
    for attrs, text in page.marks:
        for sid in attrs["data-spans"].split():
            out.setdefault(sid, []).append(text)
    return {k: "".join(v) for k, v in out.items()}


# ---------------------------------------------------------------------------------------------
# Pure tests
# ---------------------------------------------------------------------------------------------


def test_self_contained_no_external_resources(seeds):
    doc = seeds[3]
    page = parse(doc)
    names = {t for t, _ in page.tags}
    assert not names & {"link", "img", "iframe", "object", "embed", "base", "form", "video", "audio", "source"}
    for tag, attrs in page.tags:
        assert "src" not in attrs, (tag, attrs)
        if "href" in attrs:
            assert attrs["href"].startswith("#"), attrs["href"]
    assert not re.search(r"""(?:src|href|action|poster)\s*=\s*["']?\s*(?:https?:)?//""", doc, re.I)
    css = doc[doc.index("<style>"):doc.index("</style>")]
    assert "url(" not in css and "@import" not in css
    scripts = [a for t, a in page.tags if t == "script"]
    assert len(scripts) == 2 and scripts[0] == {"type": "application/json", "id": "report-data"} and scripts[1] == {}
    csp = next(a["content"] for t, a in page.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in csp and "script-src 'sha256-" in csp and "unsafe-inline" not in csp.split("script-src")[1]


def test_hostile_text_is_escaped():
    summary, arts = hostile()
    art = arts[0]
    doc = render(summary, arts)  # Article objects are accepted too, and bring their boilerplate
    page = parse(doc)
    # Nothing from the data became markup: no hostile tag, no event-handler attribute, no javascript: URL.
    assert {t for t, _ in page.tags}.isdisjoint({"img", "svg", "iframe"})
    assert sum(t == "script" for t, _ in page.tags) == 2
    for tag, attrs in page.tags:
        assert not any(k.startswith("on") for k in attrs), (tag, attrs)
        assert all("javascript:" not in (v or "") for k, v in attrs.items() if k in ("href", "src")), attrs
    assert "<script>window.__xss" not in doc and "<img src=x" not in doc and "<svg onload" not in doc
    assert "&lt;script&gt;window.__xss=1&lt;/script&gt;" in doc
    assert "&lt;img src=x onerror=window.__xss=1&gt;" in doc
    assert 'x&quot;&gt;&lt;img' in doc  # the article id, in attribute and text positions
    # The JSON block cannot end the script element, and still round-trips the hostile strings.
    block = doc[doc.index('id="report-data">'):]
    block = block[: block.index("</script>")]
    assert "<" not in block.split(">", 1)[1] and "\u2028" not in block
    data = report_data(doc)
    assert any(it["text"] == "</script><script>window.__xss=1</script>" for it in data["items"].values())
    # The highlighted spans hold the hostile words as text.
    texts = span_texts(page)
    for kind, items in (("c", summary.articles[0].claims), ("d", summary.articles[0].denials)):
        for j, c in enumerate(items):
            v = c.verification
            if v.start is not None:
                assert texts[f"a0{kind}{j}"] == art.text[v.start:v.end]
    assert any("<script>window.__xss=1</script>" == t for t in texts.values())
    # the unsupported quote is shown as what the model wrote
    assert "&lt;iframe src=javascript:window.__xss=1&gt; never said" in doc


def test_every_span_is_highlighted_with_its_attributes(seeds):
    summary, texts, _, doc = seeds
    page = parse(doc)
    by_span = span_texts(page)
    data = report_data(doc)
    tone = {"exact": "exact", "normalized": "normalized", "fuzzy": "fuzzy"}
    ids = {a.get("id") for _, a in page.tags}
    checked = 0
    for i, res in enumerate(summary.articles):
        for letter, items in (("c", res.claims), ("d", res.denials), ("e", res.events)):
            for j, x in enumerate(items):
                sid, v = f"a{i}{letter}{j}", x.verification
                want = "flagged" if v.flagged else tone.get(v.status.value, "flagged")
                assert data["spans"][sid]["tone"] == want
                if v.start is None:
                    assert sid not in by_span and f"miss-{sid}" in ids
                    continue
                assert by_span[sid] == texts[res.article_id][v.start:v.end], sid
                assert f"src-{sid}" in ids
                marks = [a for a, _ in page.marks if sid in a["data-spans"].split()]
                # each mark takes the most severe tone among the spans covering it
                assert all(m["data-status"] == want or len(m["data-spans"].split()) > 1 for m in marks), (sid, marks)
                assert all("hl" in m["class"].split() for m in marks)
                checked += 1
    assert checked >= 75  # 81 items in the seeds, 2 of them not found
    # every claim of the merged summary links to one of its article spans
    for k, c in enumerate(summary.claims):
        item = next(a for t, a in page.tags if a.get("id") == f"m-c{k}")
        assert item["data-flagged"] == str(int(c.flagged or any(r.flagged for r in c.sources)))
        assert data["items"][f"c{k}"]["id"] == c.id


def test_flagged_counts_match(seeds):
    summary, _, _, doc = seeds
    page = parse(doc)
    details = [a for t, a in page.tags if t == "details"]
    assert len(details) == 5
    planted = {p["article"] for p in PLANTED if p["expected_flag"]} | {a for a, _l, _i in BEYOND_QUOTE}
    total = 0
    for res, d in zip(summary.articles, details):
        items = res.claims + res.denials + res.events
        flagged = sum(x.verification.flagged for x in items)
        assert d["data-flagged-count"] == str(flagged)
        assert d["data-verified-count"] == str(len(items) - flagged)
        assert (flagged > 0) == (res.article_id in planted)
        total += flagged
    assert total == sum(p["expected_flag"] for p in PLANTED) + len(BEYOND_QUOTE) == 9
    button = next(a for t, a in page.tags if a.get("id") == "flagged-total")
    assert button["data-count"] == "9"
    assert f"{summary.flagged_count} flagged</span></h1>" in doc
    # each flagged article shows its counts at a glance, in its <summary>
    per_article = [sum(x.verification.flagged for x in r.claims + r.denials + r.events) for r in summary.articles]
    for n in set(per_article) - {0}:
        assert doc.count(f"⚠ {n} flagged</span>") == per_article.count(n)


def test_actor_mentions_link_to_the_text(seeds):
    summary, texts, _, doc = seeds
    located = {k for k, a in enumerate(summary.actors) for m in getattr(a, "mentions", []) if m.start is not None}
    if not located:
        pytest.skip("this summary records no actor mentions")
    by_span = span_texts(parse(doc))
    names = {sid: s for sid, s in report_data(doc)["spans"].items() if s["kind"] == "actor"}
    assert {int(s["item"][1:]) for s in names.values()} == located
    linked: dict[tuple[str, str], bool] = {}
    for sid, s in names.items():
        assert by_span[sid] == s["quote"]
        key = (s["item"], s["art"])  # an actor merged from several entries may have several first mentions
        linked[key] = linked.get(key, False) or f'href="#src-{sid}" data-goto="{sid}"' in doc
    assert all(linked.values())


def test_unsupported_claim_shows_what_the_model_wrote(seeds):
    summary, _, _, doc = seeds
    p = next(p for p in PLANTED if p["kind"] == "fabricated")
    i = next(i for i, a in enumerate(summary.articles) if a.article_id == p["article"])
    quote = getattr(summary.articles[i], p["list"])[p["index"]].quote
    sid = f"a{i}{p['list'][0]}{p['index']}"
    chunk = doc[doc.index(f'id="miss-{sid}"'):]
    chunk = chunk[: chunk.index("</li>")]
    assert html.escape(quote, quote=True) in chunk and "no span in this article matched" in chunk
    # ...and the merged claim's source line says so too, linking there
    assert f'href="#miss-{sid}" data-goto="{sid}"' in doc


def test_denials_sit_beside_the_claims_they_deny(seeds):
    summary, _, _, doc = seeds
    k = {c.id: n for n, c in enumerate(summary.claims)}
    d_index = {d.id: n for n, d in enumerate(summary.denials)}
    assert any(d.denies for d in summary.denials)
    for d in summary.denials:
        for cid in d.denies:
            start = doc.index(f'id="m-c{k[cid]}"')
            end = min(i for i in (doc.find('<li class="item', start), doc.find("</ol>", start)) if i > 0)
            item = doc[start:end]
            assert '<aside class="denied">' in item and f'data-item-link="d{d_index[d.id]}"' in item, (d.id, cid)


def test_timeline_shows_stretches_and_anchored_dates(seeds):
    """A reader must see that 001's Nov. 18 was dated through another article, and that 004's
    "Recently" is an upper bound, not a day."""
    summary, _, _, doc = seeds
    rail = next(k for k, t in enumerate(summary.timeline) if any(s.date_text == "Nov. 18" for s in t.sources))
    item = doc[doc.index(f'id="m-t{rail}"'):]
    item = item[: item.index("</li></ul>")]
    assert "2022-11-18" in item and '<span class="anchored">(anchored to 002_5efbca5847df2db2 event 4' in item
    recently = next(k for k, t in enumerate(summary.timeline) if any(s.date_text == "Recently" for s in t.sources))
    assert '<div class="tdate">by 2024-06-19' in doc[doc.index(f'id="m-t{recently}"'):]


def test_overlapping_and_nested_spans_become_segments():
    text = "0123456789 abcdefghij"
    def vc(start, end, status=Status.exact, flagged=False):
        return VerifiedClaim(speaker="S", statement=f"{start}-{end}", quote=text[start:end],
                             verification=Verification(status=status, score=1, start=start, end=end,
                                                       matched=text[start:end], flagged=flagged))
    res = ArticleResult(article_id="t", source="t", ok=True, claims=[
        vc(0, 8), vc(2, 5, Status.fuzzy), vc(4, 14, Status.altered, True), vc(2, 5), vc(16, 16), vc(18, 21)])
    summary = Summary(run=RunInfo(extractor="test"), articles=[res])
    doc = render(summary, {"t": text}, {"t": [(12, 19)]})
    page = parse(doc)
    texts = span_texts(page)
    for j, c in enumerate(res.claims):
        if c.verification.start != c.verification.end:
            assert texts[f"a0c{j}"] == text[c.verification.start:c.verification.end]
    segs = [(a["data-spans"], a["data-status"], t) for a, t in page.marks]
    assert segs == [
        ("a0c0", "exact", "01"),
        ("a0c0 a0c1 a0c3", "fuzzy", "23"),
        ("a0c0 a0c1 a0c2 a0c3", "flagged", "4"),
        ("a0c0 a0c2", "flagged", "567"),
        ("a0c2", "flagged", "89 a"),   # boilerplate starts at 12 inside this span
        ("a0c2", "flagged", "bc"),
        ("a0c5", "exact", "h"),
        ("a0c5", "exact", "ij"),
    ]
    # the text is complete, in order, and boilerplate is dimmed without breaking marks
    body = doc[doc.index('<div class="text">') + len('<div class="text">'):]
    body = body[: body.index("</div>")]
    assert html.unescape(re.sub(r"<[^>]+>", "", body)) == text
    assert '<span class="bp" title="page furniture: not sent to the model, cannot support a claim">' \
           '<mark class="hl t-flagged" data-spans="a0c2"' in doc
    assert 'id="src-a0c4"' in doc  # an empty span still has an anchor
    for sid in ("a0c1", "a0c3"):
        assert f'id="src-{sid}"' in doc  # two spans starting together both get anchors


def test_failed_inputs_and_an_empty_run():
    from summarizer.models import Failure

    bad = ArticleResult(article_id="bad", source="bad.txt", ok=False, error="boom <b>")
    doc = render(Summary(run=RunInfo(extractor="llm"), articles=[bad], failures=[Failure(source="bad.txt", error="boom <b>")]), {})
    assert "Failed inputs (1)" in doc and "This article failed: boom &lt;b&gt;" in doc and "<b>boom" not in doc
    empty = render(Summary(run=RunInfo(extractor="llm"), articles=[]), [])
    assert "No claims." in empty and 'data-count="0"' in empty


def synthetic(n_articles: int):
    """n articles, each with three quoted claims (one changed number), a denial and a date."""
    pairs = []
    for i in range(n_articles):
        who = f"Minister {chr(65 + i % 26)}{i}"
        text = (
            f"Report number {i}.\n\n{who} said on Tuesday that the plan for region {i} costs {i + 10} million.\n\n"
            f'"We will finish the bridge in {i % 7 + 2} years," {who} told reporters. '
            f"Critics said the schedule for region {i} was unrealistic and the budget was too small.\n\n"
            f"The Labour Party denied that it had blocked the plan for region {i}.\n\nAdvertisement\n"
        )
        art = make_article(f"art-{i:03d}", f"art-{i:03d}.txt", text, published="2024-03-07")
        ext = ArticleExtraction(
            actors=[Actor(name=who, kind="person"), Actor(name="Labour Party", kind="organisation")],
            claims=[
                Claim(speaker=who, statement=f"Region {i} plan costs {i + 10} million.",
                      quote=f"the plan for region {i} costs {i + 10} million"),
                Claim(speaker=who, statement=f"The bridge takes {i % 7 + 2} years.",
                      quote=f"We will finish the bridge in {i % 7 + 3} years"),  # changed number: flagged
                Claim(speaker=who, statement="The schedule is realistic.",
                      quote=f"the plan for region {i} costs {i + 10} million"),  # same words, nested in claim 0
            ],
            denials=[Denial(speaker="Labour Party", denied=f"Labour blocked the plan for region {i}.",
                            quote=f"The Labour Party denied that it had blocked the plan for region {i}")],
            events=[DatedEvent(date_text="on Tuesday", date="2024-03-05", precision="day", event=f"{who} spoke.")],
        )
        pairs.append((art, ext))
    return build(pairs)


def test_one_article_renders_open():
    summary, arts = synthetic(1)
    doc = render(summary, {a.id: a.text for a in arts})
    page = parse(doc)
    details = [a for t, a in page.tags if t == "details"]
    assert len(details) == 1 and "open" in details[0]
    assert details[0]["data-flagged-count"] == "1"
    assert "Evidence report" in doc and "1 article" in doc


def test_two_hundred_articles_are_one_collapsed_file():
    summary, arts = synthetic(200)
    t0 = time.perf_counter()
    doc = render(summary, arts)
    elapsed = time.perf_counter() - t0
    assert elapsed < 3, elapsed
    page = parse(doc)
    details = [a for t, a in page.tags if t == "details"]
    assert len(details) == 200 and not any("open" in d for d in details)
    assert sum(int(d["data-flagged-count"]) for d in details) == 200
    assert len(doc) < 4_000_000
    assert doc.startswith("<!doctype html>") and doc.count("<html") == 1


# ---------------------------------------------------------------------------------------------
# In a real browser
# ---------------------------------------------------------------------------------------------

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"]
SCREENSHOT = ROOT / "docs" / "report.png"
SOURCES_SCREENSHOT = SCREENSHOT.with_name("report-sources.png")


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.skip("browser tests need /usr/bin/chromium (apt-get install -y chromium)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="browser tests need the playwright package")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


def open_report(browser, path: Path, doc: str, **kw):
    path.write_text(doc, encoding="utf-8")
    page = browser.new_page(viewport={"width": 1280, "height": 1600}, **kw)
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url) if not r.url.startswith("file:") else None)
    page.goto(path.as_uri())
    return page, errors, requests


def in_viewport(page, selector: str) -> bool:
    return page.evaluate(
        """sel => { const el = document.querySelector(sel); if (!el) return false;
           const r = el.getBoundingClientRect();
           return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight; }""",
        selector,
    )


def test_browser_click_filter_and_screenshot(seeds, browser, tmp_path):  # seeds first: it runs asyncio
    summary, _, _, doc = seeds
    page, errors, requests = open_report(browser, tmp_path / "report.html", doc)
    try:
        data = report_data(doc)
        # The top of the page is what the screenshot shows.
        shot = SCREENSHOT if os.environ.get("UPDATE_REPORT_SCREENSHOT") else tmp_path / "report.png"
        shot.parent.mkdir(exist_ok=True)
        page.screenshot(path=str(shot))
        assert shot.stat().st_size > 50_000

        # Click a flagged claim: its article opens, its words are marked and scrolled into view.
        k = next(k for k, c in enumerate(summary.claims) if c.flagged and c.sources[0].start is not None)
        page.click(f"#m-c{k} a.stmt")
        sid = page.get_attribute(f"#m-c{k} a.stmt", "data-goto")
        assert data["spans"][sid]["item"] == f"c{k}"
        sel = f'mark[data-spans~="{sid}"]'
        assert page.evaluate(f"""() => [...document.querySelectorAll('{sel}')].every(m => m.classList.contains('active'))""")
        assert page.evaluate(f"""() => document.querySelector('{sel}').closest('details').open""")
        assert in_viewport(page, sel)
        assert page.is_visible("#focus") and summary.claims[k].id in page.inner_text("#focus .ftext")
        # ...which is what the second screenshot shows: the source with its highlighted spans.
        shot2 = SOURCES_SCREENSHOT if os.environ.get("UPDATE_REPORT_SCREENSHOT") else tmp_path / "report-sources.png"
        page.screenshot(path=str(shot2))
        assert shot2.stat().st_size > 50_000

        # Click a source quote of another claim (second article of C2): that span is marked instead.
        k2 = next(k for k, c in enumerate(summary.claims) if len(c.sources) > 1 and all(r.start is not None for r in c.sources))
        quote = page.locator(f"#m-c{k2} a.quote").nth(1)
        sid2 = quote.get_attribute("data-goto")
        quote.click()
        sel2 = f'mark[data-spans~="{sid2}"]'
        assert in_viewport(page, sel2)
        assert page.evaluate(f"""() => document.querySelector('{sel2}').classList.contains('active')
                                 && !document.querySelector('{sel}').classList.contains('active')""")
        # ...and clicking the highlighted words goes back to the claim.
        page.click(sel2)
        assert in_viewport(page, f"#m-c{k2}")
        assert page.evaluate(f"() => document.getElementById('m-c{k2}').classList.contains('active')")

        # An actor's article number scrolls to its first mention there (when the summary records mentions).
        mention = page.locator(".ain a").first
        if mention.count():
            msid = mention.get_attribute("data-goto")
            mention.click()
            assert in_viewport(page, f'mark[data-spans~="{msid}"]')

        # An unsupported source scrolls to the article's "not found" note.
        miss = page.locator('a.quote.missing').first
        miss_sid = miss.get_attribute("data-goto")
        miss.click()
        assert in_viewport(page, f"#miss-{miss_sid}")

        # The flagged-only filter hides verified items and keeps flagged ones.
        verified = next(k for k, c in enumerate(summary.claims) if not c.flagged and not any(r.flagged for r in c.sources))
        assert page.is_visible(f"#m-c{verified}") and page.is_visible(f"#m-c{k}")
        page.check("#only-flagged")
        assert not page.is_visible(f"#m-c{verified}") and page.is_visible(f"#m-c{k}")
        t_ok = next(n for n, t in enumerate(summary.timeline) if not t.flagged and not t.conflict)
        assert not page.is_visible(f"#m-t{t_ok}")
        assert all(page.is_visible(f"#m-t{n}") for n, t in enumerate(summary.timeline) if t.flagged)
        page.uncheck("#only-flagged")
        assert page.is_visible(f"#m-c{verified}")
        page.click("#flagged-total")  # the flagged count is a shortcut to the same filter
        assert page.is_checked("#only-flagged") and not page.is_visible(f"#m-c{verified}")

        assert errors == [] and requests == []
    finally:
        page.close()


@pytest.mark.parametrize("bypass_csp", [False, True], ids=["with-csp", "escaping-alone"])
def test_browser_hostile_article_runs_nothing(browser, tmp_path, bypass_csp):
    summary, arts = hostile()
    page, errors, requests = open_report(browser, tmp_path / "hostile.html", render(summary, arts), bypass_csp=bypass_csp)
    try:
        page.wait_for_load_state("load")
        page.click("text=Expand all")
        for link in page.locator("a[data-goto]").all():
            link.click()
        for mark in page.locator("mark.hl").all():
            mark.hover()
            mark.click()
        page.wait_for_timeout(200)
        assert page.evaluate("() => window.__xss") is None
        assert "<script>window.__xss=1</script>" in page.inner_text("#art-a0 .text")
        assert page.evaluate("() => document.querySelectorAll('img, svg, iframe').length") == 0
        assert errors == [] and requests == []
    finally:
        page.close()


def test_browser_two_hundred_articles_open_fast(browser, tmp_path):
    summary, arts = synthetic(200)
    doc = render(summary, arts)
    t0 = time.perf_counter()
    page, errors, _ = open_report(browser, tmp_path / "big.html", doc)
    try:
        page.wait_for_load_state("load")
        assert time.perf_counter() - t0 < 10
        last = len(summary.claims) - 1
        page.click(f"#m-c{last} a.stmt")
        sid = page.get_attribute(f"#m-c{last} a.stmt", "data-goto")
        assert in_viewport(page, f'mark[data-spans~="{sid}"]')
        assert page.evaluate("() => document.querySelectorAll('details[open]').length") == 1
        assert errors == []
    finally:
        page.close()
