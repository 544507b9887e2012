"""Two questions typed in one input ("Who designed the MLU370? And who makes it?", "MLU370是谁设计的？谁制造的？").

A single-relation form reads one of them and its answer would pass for the answer to both, so such an input is
declined with a request to ask one question at a time. It stays answered when the later part only restates or
narrows the first without asking anything new ("Has Moore Threads built a cluster? Which one?", "有的话是哪几款"),
when the earlier part only names the topic ("What about Biren? Who invested in it?"), and when the compositional
reading read the parts as one question (a chain through the first part's answer: "…的芯片是谁家的？这家公司都依赖
哪些代工厂"), since that reading uses every word or declines. Sentence ends, coordinators and question cues are data
(`ontology/lexicon/<lang>/turns.jsonl`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

# a type word's kind, widened where two words ask for the same kind of thing ("who" / "which company")
_GENERAL = {"vendor": "org", "investor": "org", "foundry": "org", "company": "org", "org": "org"}
# span kinds that only frame the question, never ask anything of their own
_FRAME = {"fill", "meta", "yesno", "anaphor", "copula", "outside", "qualifier"}


@dataclass(frozen=True)
class Turns:
    end: re.Pattern | None
    join: re.Pattern | None
    ask: re.Pattern | None
    back: re.Pattern | None


@lru_cache(maxsize=4)
def turns(lang: str) -> Turns:
    from ontology import load_lexicon
    rows = load_lexicon(lang, "turns")

    def rx(kind: str) -> re.Pattern | None:
        pats = [p for r in rows if r.get("kind") == kind for p in r["patterns"]]
        return re.compile("|".join(f"(?:{p})" for p in pats), re.I) if pats else None
    return Turns(rx("end"), rx("join"), rx("ask"), rx("back"))


def question_parts(text: str, lang: str) -> list[tuple[int, int]]:
    """The (start, end) of each part of `text` that is a question of its own; parts that only state something ("I'm
    writing a report.") are left out."""
    t = turns(lang)
    if t.end is None or t.ask is None:
        return []
    cuts = [m.end() for m in t.end.finditer(text)]
    if t.join is not None:
        cuts += [m.start() for m in t.join.finditer(text)]
    bounds = sorted({0, len(text), *cuts})
    parts = []
    for a, b in zip(bounds, bounds[1:]):
        seg = text[a:b]
        if seg.strip() and t.ask.search(seg.strip()):
            parts.append((a, b))
    return parts


def _key(s: Any) -> tuple | None:
    """What a span asks or constrains, comparable across parts; None for framing words."""
    if s.kind in _FRAME:
        return None
    row = s.row or {}
    if s.kind == "entity":
        return ("entity", frozenset(s.data or ()))
    if s.kind == "type":
        return ("type", _GENERAL.get(row.get("type"), row.get("type")))
    if s.kind == "rel":
        return ("rel", row.get("rel"))
    if s.kind == "mark":
        return ("mark", row.get("mark"))
    if s.kind == "cmp":
        return ("cmp", repr(s.data))
    return (s.kind, repr(s.data if s.data is not None else s.text.casefold()))


def _content(spans: list, start: int, end: int) -> set:
    return {k for s in spans if start <= s.start and s.end <= end for k in [_key(s)] if k is not None}


def asks_two(question: str, lang: str, mentions: list) -> int | None:
    """Where the first question ends when `question` holds a later question that asks something the first does not,
    after a first question that asks something of its own (not only a topic); None otherwise."""
    from api.ask.compose import Span, normalized, read_spans
    from api.ask.compose_lexicon import compose_lexicon
    text = normalized(question, lang)
    parts = question_parts(text, lang)
    if len(parts) < 2:
        return None
    spans = read_spans(text, compose_lexicon(lang), mentions)
    spans += [Span(m.start, m.end, "entity", {}, m.text, tuple(m.iris)) for m in mentions]
    cut = parts[0][1]
    first = _content(spans, 0, cut)
    for a, b in parts[1:]:
        later = _content(spans, a, b)
        new = later - first
        own = {k for k in first - later if k[0] != "entity"}
        if new and own:
            return cut
    return None


def reads_later(graph: Any, cut: int, lang: str) -> bool:
    """Whether the compositional reading reads the part after `cut` as building on the first part's answer: that
    part refers back to it ("这家公司", "その会社", "those chips") and the reading answers there (a chain: "…是谁家的？
    这家公司都依赖哪些代工厂") or only narrows the first answer ("Which of them were announced in 2023?"). A reading that
    answers one part and takes the other's asked thing as a mere link ("Which company designed X, and which foundry
    makes it?") answers one question of two."""
    back = turns(lang).back
    refers = back is not None and back.search(graph.text[cut:]) is not None
    later_nodes = [n for n in graph.nodes if n.start >= cut and not n.implicit]
    if graph.answer.start >= cut:
        return refers
    if not later_nodes:
        return any(a.span.start >= cut for a in graph.answer.atoms)
    return refers and all(n.type == graph.answer.type for n in later_nodes)
