"""Text normalisation for matching: NFKC, case-folding, width folding, with a map back to original offsets.

Evidence offsets always point into the original text; matching happens on the normalised form.
"""
from __future__ import annotations

import re
import unicodedata

_PUNCT = re.compile(r"[\s\-_.,・·()（）「」『』'\"/:：]+")


def key(text: str) -> str:
    """A matching key that ignores case, width, spaces and light punctuation ("Moore-Threads" = "moore threads")."""
    text = unicodedata.normalize("NFKC", str(text)).casefold()
    return _PUNCT.sub("", text)


def fold(text: str) -> tuple[str, list[int]]:
    """NFKC + casefold `text` character by character; returns (folded, offsets) where offsets[i] is the
    index in `text` of folded character i (plus a final entry for the end)."""
    out: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(text):
        f = unicodedata.normalize("NFKC", ch).casefold()
        if not f:
            continue
        for c in f:
            out.append(c)
            offsets.append(i)
    offsets.append(len(text))
    return "".join(out), offsets


def is_word_char(ch: str) -> bool:
    """Latin letters and digits need word boundaries; CJK characters do not."""
    return ch.isascii() and (ch.isalnum())
