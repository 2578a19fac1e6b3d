"""Publication dates as pages state them (issue #14), on headers and pages written for this test."""

from summarizer.pubdate import from_html, from_text


def test_the_header_forms_a_user_meets():
    body = "\n\nThe council met on Tuesday and agreed the plan, officials said, after a long debate in the hall."
    assert from_text("Published: Friday, 7 November 2025" + body)[0] == "2025-11-07"
    assert from_text("Published: Monday, 13 October 2025, 14:20 GMT" + body)[0] == "2025-10-13"
    assert from_text("By Ana Reyes\nFri 7 Nov 2025 16.05 GMT" + body)[0] == "2025-11-07"
    assert from_text("date: 2025-09-02T16:05:00Z\nurl: https://example.org/a" + body)[0] == "2025-09-02"
    assert from_text("By Jo Ray | June 3, 2025" + body)[0] == "2025-06-03"


def test_the_date_is_the_one_printed_in_the_pages_own_zone():
    assert from_text("Timestamp: 2025-12-31T23:30:00-05:00\n\nBody text here.")[0] == "2025-12-31"


def test_published_wins_over_updated_and_a_body_date_is_not_the_publication_date():
    assert from_text("Updated: 12 November 2025 / Published: 10 November 2025\n\nText.")[0] == "2025-11-10"
    assert from_text("Updated 09:14, 4 Nov 2025\nPublished 18:02, 3 Nov 2025\n\nText.")[0] == "2025-11-03"
    assert from_text("Bridge reopens\n\nThe bridge, closed since March 3, 2025, reopened to traffic on Monday "
                     "after repairs that took longer than the council had planned.") == (None, None)
    assert from_text("Posted 2 hours ago\n\nText.") == (None, None)


def test_a_numeric_date_is_read_only_when_its_order_is_certain():
    assert from_text("Posted: 04/09/2025 07:42 AM EDT\n\nText.")[0] == "2025-04-09"  # a US zone: month first
    assert from_text("Posted: 25/09/2025\n\nText.")[0] == "2025-09-25"  # no month 25
    assert from_text("Posted: 04/09/2025\n\nText.") == (None, None)  # April 9 or 4 September: not guessed
    assert from_text("City | 16.10.2025, 08:12\n\nText.")[0] == "2025-10-16"


def test_html_metadata_then_the_articles_own_time_never_a_related_storys():
    page = '<html><head><meta property="article:published_time" content="2025-03-01T00:20:00+09:00"></head><body></body></html>'
    assert from_html(page)[0] == "2025-03-01"
    ld = ('<html><head><script type="application/ld+json">{"@graph": [{"@type": "WebPage"}, {"@type": "NewsArticle", '
          '"datePublished": "2025-06-30T08:00:00Z", "dateModified": "2025-07-01T09:00:00Z"}]}</script></head><body></body></html>')
    assert from_html(ld)[0] == "2025-06-30"
    timed = '<html><body><article><p>By Jo Ray <time datetime="2025-07-04T10:00:00+00:00">4 July</time></p></article></body></html>'
    assert from_html(timed)[0] == "2025-07-04"
    related = ('<html><body><article><h1>Plant fight</h1><p>Residents met.</p></article><section class="related">'
               '<ul><li>Trees planted <time datetime="2025-09-30">30 September 2025</time></li></ul></section></body></html>')
    assert from_html(related) == (None, None)
