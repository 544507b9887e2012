"""Text normalisation for matching: NFKC, case-folding, width folding, with a map back to original offsets.

Evidence offsets always point into the original text; matching happens on the normalised form.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

_PUNCT = re.compile(r"[\s\-_.,・·()（）「」『』'\"/:：]+")


def key(text: str) -> str:
    """A matching key that ignores case, width, spaces and light punctuation ("Moore-Threads" = "moore threads")."""
    text = unicodedata.normalize("NFKC", str(text)).casefold()
    han = han_variants()
    text = "".join(han.get(c, c) for c in text)
    return _PUNCT.sub("", text)


@lru_cache(maxsize=1)
def han_variants() -> dict[str, str]:
    """Traditional and Japanese shinjitai characters → simplified (華→华, 資→资, 広→广), one character to
    one, from OpenCC's dictionaries, so 華登国際 matches 华登国际 and offsets are kept."""
    try:
        import opencc
    except ImportError:  # matching still works, only without variant folding
        return {}
    base = Path(opencc.__file__).parent / "dictionary"
    t2s: dict[str, str] = {}
    for line in (base / "TSCharacters.txt").read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) >= 2 and len(parts[0]) == 1 and len(parts[1]) == 1:
            t2s[parts[0]] = parts[1]
    out = dict(t2s)
    jp = base / "JPVariants.txt"
    if jp.exists():
        for line in jp.read_text(encoding="utf-8").splitlines():
            parts = line.split()
            if len(parts) >= 2 and len(parts[0]) == 1:
                for v in parts[1:]:
                    if len(v) == 1 and v not in out:
                        out[v] = t2s.get(parts[0], parts[0])
    return out


def fold(text: str, variants: bool = False) -> tuple[str, list[int]]:
    """NFKC + casefold `text` character by character; returns (folded, offsets) where offsets[i] is the
    index in `text` of folded character i (plus a final entry for the end)."""
    out: list[str] = []
    offsets: list[int] = []
    han = han_variants() if variants else {}
    for i, ch in enumerate(text):
        f = unicodedata.normalize("NFKC", ch).casefold()
        if len(f) == 1 and f in han:
            f = han[f]
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
