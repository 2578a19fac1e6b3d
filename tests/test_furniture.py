"""Page furniture (summarizer/furniture.py): what on a page is not the story is marked by offsets, never removed."""

from summarizer.furniture import find_boilerplate


def test_boilerplate_keeps_story_lines():
    text = "Advertisement\nThe minister said the talks failed.\nShare this article\nRead more:\n"
    spans = find_boilerplate(text)
    assert [text[s.start:s.end] for s in spans] == ["Advertisement", "Share this article", "Read more:"]


def test_a_related_story_link_inside_a_paragraph_is_furniture():
    text = ("The firm said the claims were false. (Also Read | 'Beyond belief': Belmark's 'attack' claim draws jibe)\n\n"
            "The board met on Monday (see the chart below). [Read more: Ferry fares rise again]")
    marked = [text[s.start:s.end] for s in find_boilerplate(text)]
    assert marked == ["(Also Read | 'Beyond belief': Belmark's 'attack' claim draws jibe)",
                      "[Read more: Ferry fares rise again]"]
