"""Claims and denials as CSV: one row per source, for a spreadsheet or a script.

Every row says which merged item it belongs to, who said it, what, the quote as the article has it,
how well the article supports it, and where (article and character offsets), so a row can be checked
against its source without the rest of the summary.
"""

from __future__ import annotations

import csv
import io

from .formats import register
from .models import Summary

COLUMNS = ("item", "kind", "speaker", "statement", "quote", "status", "state", "flagged", "reasons",
           "article", "start", "end")


@register("csv", "one row per source of each claim and denial")
def render(summary: Summary, _articles=None) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for kind, items in (("claim", summary.claims), ("denial", summary.denials)):
        for item in items:
            said = item.statement if kind == "claim" else item.denied
            for ref in item.sources:
                writer.writerow([item.id, kind, item.speaker, said, ref.quote, ref.status.value,
                                 ref.state.value if ref.state else "", "yes" if ref.flagged else "no",
                                 "; ".join(ref.reasons), ref.article_id,
                                 "" if ref.start is None else ref.start, "" if ref.end is None else ref.end])
    return out.getvalue()
