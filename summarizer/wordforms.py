"""Word forms that outlets change without changing what was said: spelling, hyphens, contractions.

The verifier compares a quote with its source word by word, and the merge compares one outlet's quote
with another's; both need "defence"/"defense", "co-operate"/"cooperate" and "he's"/"he is" to be the
same words, and "is"/"isn't" to stay different. The knowledge is data in ``lang/en``; this module only
applies it.
"""

from __future__ import annotations

from functools import lru_cache

from .lexicon import EN


@lru_cache(maxsize=65536)
def spelling_key(word: str) -> str:
    """One form per British/American pair and per hyphenation, so 'co-operate' and 'cooperate' compare equal."""
    w = word.lower().replace("’", "'").replace("‘", "'")
    if "-" in w:
        return "".join(spelling_key(part) for part in w.split("-") if part)
    return EN.spelling.get(w, w)


@lru_cache(maxsize=65536)
def expand(word: str) -> tuple[tuple[str, int, int], ...]:
    """The words a contracted form stands for, each with the slice of ``word`` it comes from.

    "don't" -> (("do", 0, 2), ("not", 2, 5)); a word that is not a contraction comes back whole.
    A possessive ("minister's") is not a contraction.
    """
    w = word.lower().replace("’", "'").replace("‘", "'")
    if "'" not in w:
        return ((w, 0, len(word)),)
    whole = EN.contractions.get(w)
    if whole:
        cut = w.index("'") - (1 if w.endswith("n't") else 0)
        return ((whole[0], 0, cut),) + tuple((x, cut, len(word)) for x in whole[1:])
    for ending, words, host_only in EN.contraction_endings:
        if w.endswith(ending) and len(w) > len(ending):
            base = w[: -len(ending)]
            if host_only and base not in EN.contraction_hosts:
                continue
            cut = len(base)
            return ((base, 0, cut),) + tuple((x, cut, len(word)) for x in words)
    return ((w, 0, len(word)),)
