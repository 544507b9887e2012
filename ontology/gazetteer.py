"""Longest-match dictionary lookup of names in text, case- and width-insensitive, any language.

Names are matched on the folded text with boundaries for Latin letters and digits (so "AMD" does not
match inside "DIAMOND") and spaces/hyphens made optional ("MTT S4000" = "mtt-s4000" = "MTTS4000").
The entity ruler (ingest) and the question understander (api/ask) share it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from ontology.normalize import fold, is_word_char


_MARKS = re.compile(r"\((?:r|tm|c)\)|[®™©]")  # "Intel(R) Gaudi(R) 3" is "Intel Gaudi 3"


@dataclass(frozen=True)
class Hit:
    start: int  # offsets into the original text
    end: int
    text: str
    ids: tuple[str, ...]  # candidate entity ids (several when ambiguous)
    name: str  # the dictionary name that matched


def _pattern_key(name: str) -> str:
    folded, _ = fold(name, variants=True)
    return re.sub(r"[\s\-_・·]+", "", folded)


class Gazetteer:
    """Surface forms → ids; `find(text)` returns non-overlapping longest hits."""

    def __init__(self, min_len: int = 2):
        self.min_len = min_len
        self.names: dict[str, set[str]] = {}
        self.display: dict[str, str] = {}
        self._index: dict[str, list[str]] = {}

    def add(self, name: str, ident: str) -> None:
        k = _pattern_key(name)
        if len(k) < self.min_len:
            return
        self.names.setdefault(k, set()).add(ident)
        self.display.setdefault(k, name)
        self._index.setdefault(k[0], [])
        if k not in self._index[k[0]]:
            self._index[k[0]].append(k)

    def extend(self, pairs: Iterable[tuple[str, str]]) -> "Gazetteer":
        for name, ident in pairs:
            self.add(name, ident)
        return self

    def finalize(self) -> "Gazetteer":
        for first in self._index:
            self._index[first].sort(key=len, reverse=True)
        return self

    def find(self, text: str) -> list[Hit]:
        folded, offsets = fold(text, variants=True)
        # squeeze out separators, remembering where each kept char came from
        kept: list[str] = []
        pos: list[int] = []
        marks = {i for m in _MARKS.finditer(folded) for i in range(*m.span())}
        for i, ch in enumerate(folded):
            if ch in " \t\n\r-_・·\u3000" or i in marks:
                continue
            kept.append(ch)
            pos.append(i)
        squeezed = "".join(kept)
        hits: list[Hit] = []
        i = 0
        n = len(squeezed)
        while i < n:
            cands = self._index.get(squeezed[i])
            matched = None
            if cands:
                for k in cands:
                    if squeezed.startswith(k, i) and self._boundary_ok(folded, pos, i, i + len(k)):
                        matched = k
                        break
            if matched:
                fs, fe = pos[i], pos[i + len(matched) - 1] + 1
                start, end = offsets[fs], offsets[fe] if fe < len(offsets) else len(text)
                hits.append(Hit(start, end, text[start:end], tuple(sorted(self.names[matched])),
                                self.display[matched]))
                i += len(matched)
            else:
                i += 1
        return hits

    @staticmethod
    def _boundary_ok(folded: str, pos: list[int], i: int, j: int) -> bool:
        """A match starting/ending with a Latin letter or digit must not continue a Latin word."""
        first, last = folded[pos[i]], folded[pos[j - 1]]
        before = folded[pos[i] - 1] if pos[i] > 0 else " "
        after = folded[pos[j - 1] + 1] if pos[j - 1] + 1 < len(folded) else " "
        if is_word_char(first) and is_word_char(before):
            return False
        if is_word_char(last) and is_word_char(after):
            return False
        # the squeezed match must not have swallowed a separator between two Latin words of the text
        # unless the name itself spans them (handled by construction), so nothing more to check
        return True
