"""Mention replacement: copies of a document's sentences with every known name swapped for an invented
name of the same kind, one invented name per entity and copy, written in the original's script."""
from __future__ import annotations

import random

from ingest.train.names import Bundle, NameGenerator, render
from ingest.train.project import Example, Span


def replace(examples: list[Example], lang_rng: random.Random, keep: float = 0.08) -> list[Example]:
    """One copy of a document (its examples in order) with names replaced; `keep` of the entities keep
    their real name so real names stay in view too."""
    gens: dict[str, NameGenerator] = {}
    bundles: dict[str, Bundle | None] = {}
    out = []
    for ex in examples:
        gen = gens.setdefault(ex.lang, NameGenerator(ex.lang, lang_rng))
        text, spans, pos, parts = ex.text, [], 0, []
        for sp in sorted(ex.spans, key=lambda s: s.start):
            if sp.start < pos:
                continue
            if sp.entity not in bundles:
                bundles[sp.entity] = None if lang_rng.random() < keep else gen.make(sp.label, sp.role)
            b = bundles[sp.entity]
            original = text[sp.start:sp.end]
            name = original if b is None else render(b, original, ex.lang, lang_rng)
            parts.append(text[pos:sp.start])
            start = sum(len(p) for p in parts)
            parts.append(name)
            spans.append(Span(start, start + len(name), sp.label, sp.entity, sp.role))
            pos = sp.end
        parts.append(text[pos:])
        out.append(Example("".join(parts), spans, ex.doc, ex.lang))
    return out
