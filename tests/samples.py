"""A small article and the valid extraction for it, for benchmarks that need many cheap articles."""

ANSWER = {
    "actors": [{"name": "Ann Lee", "kind": "person", "role": "mayor", "aliases": ["Lee"]}],
    "claims": [{"speaker": "Ann Lee", "statement": "The bridge will reopen.", "quote": "The bridge reopens on Monday"}],
    "denials": [],
    "events": [{"date_text": "on Monday", "date": None, "precision": None, "event": "The bridge reopens."}],
}
MARKER = "Article"  # every text below contains it: the local server answers them all with ANSWER


def article_text(i: int) -> str:
    return f"Article {i}. Mayor Ann Lee said: \"The bridge reopens on Monday.\""
