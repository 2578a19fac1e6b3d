"""One summary across articles: actors unified, repeated claims kept once, denials linked, a timeline.

Deterministic and model-free, so the same inputs always merge the same way, and every merged item
keeps its provenance (article id, item index and character span of each source). Each part is its own
module and reads the shared text layer, not another part's internals:

* ``merge_actors``: one actor per entity, from evidence in the names and the text;
* ``merge_claims``: one claim per statement across outlets;
* ``merge_denials``: each denial linked to the claims it answers;
* ``timeline``: one entry per event, conflicts shown.

Every comparison goes through an inverted index, so the work grows with the number of items, not
with its square (see ``benchmarks/merge_bench.py``).
"""

from __future__ import annotations

from typing import Iterable

from .acts import ActReader
from .anchoring import anchor_dates, anchor_windows, article_dates
from .merge_actors import merge_actors, person_core
from .merge_claims import merge_claims
from .merge_denials import merge_denials
from .models import ArticleResult
from .textlayer import first_mention
from .timeline import build_timeline

__all__ = ["merge", "first_mention", "person_core"]


def merge(results: Iterable[ArticleResult]):
    """Actors, claims, denials and timeline across the articles that succeeded."""
    ok = [r for r in results if r.ok]
    windows = anchor_windows(ok)
    written = article_dates(ok, windows)
    actors, index = merge_actors(ok)
    acts = ActReader(index.party_of, index.side_of)
    claims = merge_claims(ok, index.speaker_of, actors, acts, written)
    denials = merge_denials(ok, index.speaker_of, actors, claims, acts, index.party_of, written)
    timeline = build_timeline(ok, anchor_dates(ok, windows))
    return actors, claims, denials, timeline
