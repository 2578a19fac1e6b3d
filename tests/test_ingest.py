import json

from summarizer.ingest import IngestError, find_published, read_articles, text_for_model
from tests.conftest import SEEDS


def by_id(items):
    return {a.id: a for a in items if not isinstance(a, IngestError)}


def test_seed_text_is_kept_byte_for_byte(seed_articles):
    for art in seed_articles:
        assert art.text == (SEEDS / f"{art.id}.txt").read_text(encoding="utf-8")


def test_publication_dates_in_the_three_seed_forms(seed_articles):
    got = {a.id[:3]: (a.published, a.published_text) for a in seed_articles}
    assert got["000"] == ("2023-01-29", "2023-01-29")
    assert got["002"] == ("2023-01-30", "30 Jan, 2023")  # its "Published" line, over the bare date above it
    assert got["004"][0] == "2024-06-19" and got["004"][1].startswith("Wednesday, 19 June 2024")
    # 001 cites "March 25, 2022" in its body and 003 states no date: neither is a publication date
    assert got["001"] == (None, None)
    assert got["003"] == (None, None)


def test_boilerplate_lines_are_marked_and_not_sent(seed_articles):
    arts = {a.id[:3]: a for a in seed_articles}
    marked = {k: [a.text[s.start:s.end] for s in a.boilerplate] for k, a in arts.items()}
    assert "Advertisement" in marked["003"]
    assert "To suggest a correction or clarification, write to us here" in marked["003"]
    assert "Support Us" in marked["004"] and "Support UP or become our patron!" in marked["004"]
    # the related-story block about the Kerek people is not part of the story
    assert any("Kerek people" in m for m in marked["003"])
    sent = text_for_model(arts["003"].text, arts["003"].boilerplate)
    assert "Kerek" not in sent and "Advertisement" not in sent
    assert "Pyongyang has repeatedly denied allegations" in sent  # story text right after the block stays


def test_find_published_ignores_body_dates():
    assert find_published("Officials met on March 3, 2021 to discuss the plan.\nMore text") == (None, None)
    assert find_published("Published: 5 May 2021\nBody")[0] == "2021-05-05"


def test_reads_md_html_jsonl_and_folders(tmp_path):
    (tmp_path / "a.md").write_text("# Title here\n\nJan 2, 2024\n\nBody text said X.", encoding="utf-8")
    (tmp_path / "b.html").write_text(
        "<html><head><title>T</title><style>p{}</style></head><body><script>alert(1)</script>"
        "<p>Hello &amp; welcome.</p></body></html>", encoding="utf-8")
    (tmp_path / "c.jsonl").write_text(
        json.dumps({"id": "x1", "text": "Some text.", "published": "2024-03-01", "url": "http://e/x"}) + "\n"
        + "not json\n" + json.dumps({"id": "x2"}) + "\n", encoding="utf-8")
    items = list(read_articles([tmp_path]))
    arts = by_id(items)
    errors = [i for i in items if isinstance(i, IngestError)]
    assert arts["a"].title == "Title here" and arts["a"].published == "2024-01-02"
    assert arts["b"].text == "Hello & welcome." and arts["b"].title == "T"
    assert arts["x1"].published == "2024-03-01" and arts["x1"].url == "http://e/x"
    assert [e.source for e in errors] == [f"{tmp_path / 'c.jsonl'}:2", f"{tmp_path / 'c.jsonl'}:3"]
    assert "line 2 is not valid JSON" in errors[0].error


def test_bad_inputs_are_reported_one_line_each(tmp_path):
    (tmp_path / "empty.txt").write_text("  \n\t\n", encoding="utf-8")
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 au lait".encode("latin-1"))
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02abc")
    (tmp_path / "empty_dir").mkdir()
    items = list(read_articles([tmp_path / "empty.txt", tmp_path / "latin1.txt", tmp_path / "bin.txt",
                                tmp_path / "missing.txt", tmp_path / "empty_dir"]))
    errs = {e.source.rsplit("/", 1)[-1]: e.error for e in items if isinstance(e, IngestError)}
    latin = next(a for a in items if not isinstance(a, IngestError))
    assert latin.text == "Café au lait" and "decoded as cp1252" in latin.warnings[0]  # too short to detect
    assert latin.warnings == ["not valid UTF-8 (first bad byte 0xe9 at offset 3): too short to detect its "
                              "encoding, decoded as cp1252; re-save it as UTF-8 to be sure"]
    assert errs["empty.txt"] == "empty article (no text)"
    assert "binary" in errs["bin.txt"]
    assert errs["missing.txt"] == "no such file or folder"
    assert errs["empty_dir"].startswith("folder has no articles")
    assert "latin1.txt" not in errs
    assert all("\n" not in e for e in errs.values())


def test_duplicate_ids_get_suffixes(tmp_path):
    (tmp_path / "a.jsonl").write_text('{"id": "same", "text": "one."}\n{"id": "same", "text": "two."}\n')
    ids = [a.id for a in read_articles([tmp_path / "a.jsonl"])]
    assert ids == ["same", "same-2"]


def test_a_latin1_page_keeps_its_accents_and_its_quote(tmp_path):
    (tmp_path / "a.txt").write_bytes("Café owner José Muñoz said: “We will reopen on Monday.” The council agreed.\n"
                                     .encode("cp1252"))
    (art,) = list(read_articles([tmp_path]))
    assert "José Muñoz" in art.text and "“We will reopen on Monday.”" in art.text
    assert "decoded as cp1252" in art.warnings[0]


def test_the_tools_own_reports_in_a_folder_are_skipped_with_a_note(tmp_path, caplog):
    from summarizer import RunOptions, summarize
    from summarizer.html_report import render as render_html
    from summarizer.report import render

    (tmp_path / "a.txt").write_text('Published: 5 May 2025\n\n"We will reopen," said Jo Ray, the owner.\n')
    summary = summarize([tmp_path], RunOptions(extractor="rules"))
    (tmp_path / "report.md").write_text(render(summary, "md"))
    (tmp_path / "report.html").write_text(render_html(summary, list(read_articles([tmp_path / "a.txt"]))))
    with caplog.at_level("WARNING"):
        again = list(read_articles([tmp_path]))
    assert [a.id for a in again] == ["a"]
    assert sum("a report summarizer wrote" in r.getMessage() for r in caplog.records) == 2
