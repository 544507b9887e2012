"""`aic_manufactured_on`: chip → the process node it is made on (only nodes tied to a foundry).

Each chip in the sentence takes the nearest process node (a list of chips shares one node: "H100 and
H200 are built on TSMC 4N"). When the sentence names a vendor's chips without a model ("NVIDIA's latest
AI chips use the 4nm process"), the vendor relies on the node instead (aic_relies_on does that).
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from ingest.components import mentions
from ingest.components.relations.common import (add, confidence, coordinated, cue_spans, guarded, in_org_aside, nearest,
                                                of_kind, relative_owner, same_clause)

NAME = "aic_manufactured_on"


def previous_chips(doc: Doc, named: list | None = None) -> list:
    """Chips of the previous sentence of the paragraph, for a sentence whose subject is left implicit
    ("BR100 は…披露された。TSMC の 7nm プロセスで製造され…")."""
    from ingest.components.relations.common import cue_spans
    from ingest.components.context import context_of
    ctx = context_of(doc)
    prev = ctx.previous
    # (a successor word written right before a chip the sentence names, "前世代「WSE-2」", describes that chip)
    if prev is None or any(not any(0 <= c.start - e <= 3 for c in named or ()) for _, e in cue_spans(doc, "_successor")):
        return []  # "the next-generation chip will use …" is about another chip
    if prev.paragraph != ctx.paragraph and not (prev.paragraph == ctx.paragraph - 1 and (
            names_the_chip(doc) or ctx.question == prev.paragraph)):  # (the answer to "「X」はどこで作っているんでしょう")
        prev = None
    if not (prev and prev.chips) and ctx.section is not None and ctx.section.paragraph < ctx.paragraph:
        prev = ctx.section  # "■ Cerebras（セレブラス）のWSE-3 … 製造はTSMCの5nmプロセス。": the chip its section heading names
    out = []
    for m in (prev.chips if prev else []):
        c = type(m)(0, 0, m.text, m.kind, m.ids, m.types, m.value, dict(m.extra))
        out.append(c)
    return out


def names_the_chip(doc: Doc) -> bool:
    """Whether the sentence points back with a noun ("The chip itself is …"), which, unlike a bare "it",
    may reach the chips of the paragraph before."""
    from ingest.components.relations.common import cue_spans
    return any(len(doc.text[s:e].split()) > 1 or doc.lang_ == "zh" and re.search(r"芯片|卡|GPU", doc.text[s:e])
               for s, e in cue_spans(doc, "_this_chip"))  # ("该芯片", "整颗芯片": a noun, not a bare 这款)


# "Its compute dies come off TSMC's N5 line": a possessive points back at the chip in view as much as at its maker
POSSESSIVE = re.compile(r"its|their", re.I)


def implicit_chips(doc: Doc, ms: list) -> list:
    """The previous sentence's chips for a sentence that names none, when it points back at them
    ("这款…", "同チップ…", "the chip …") or names no organisation other than foundries."""
    from ingest.components.relations.common import cue_spans
    if of_kind(ms, "chip"):
        return []
    # "同社は製造をラピダスに委託し…", "该公司…由台积电代工": the company the paragraph is about is no other organisation
    others = [m for m in of_kind(ms, "org") if "Foundry" not in m.types and not m.extra.get("unknown")
              and not (m.extra.get("coref") and (doc.lang_ in ("ja", "zh") or POSSESSIVE.fullmatch(m.text)
                                                 or doc.text[m.end:m.end + 2] in ("'s", "’s")))]  # "the company's"
    if others and not cue_spans(doc, "_this_chip"):
        return []
    return previous_chips(doc)


_OWN_CLAUSE = re.compile(r"\s*(?:,\s+(?:which|that|whose)\b|\()")


def compared(doc: Doc, c, ms: list) -> bool:
    """The chip is named only as what the sentence compares with, its owner's possessive allowed between ("Unlike
    Nvidia's H100, …", "Compared with AMD's MI300X, …"; lexicon `_compared_with`)."""
    from ingest.components.relations.common import compared_target
    if compared_target(doc, c):
        return True
    owner = [o for o in of_kind(ms, "org") if o.end <= c.start and re.fullmatch(r"['’]s?\s+", doc.text[o.end:c.start])]
    return bool(owner) and compared_target(doc, owner[-1])


def spoken_chips(doc: Doc, ms: list) -> list:
    """The chips a sentence's making, memory or design facts are about (English): the chips it names, less those it
    names only as what is compared with when another chip is there to take the facts — a chip named beside them, or
    the chip in view the sentence points back at ("Unlike Nvidia's H100, the chip is fabricated by Samsung …": the
    chip of the sentence before, not the H100)."""
    chips = of_kind(ms, "chip")
    if doc.lang_ != "en" or not chips:
        return chips
    # (a compared chip with a clause of its own keeps what that clause says: "cheaper than the H100, which TSMC makes …")
    kept = [c for c in chips if not compared(doc, c, ms) or _OWN_CLAUSE.match(doc.text, c.end)]
    if kept:
        return kept
    if not [(s, e) for s, e in cue_spans(doc, "_this_chip") if not any(c.start <= s < c.end for c in chips)]:
        return chips
    return implicit_chips(doc, [m for m in ms if m.kind != "chip"])


# "It keeps the CDNA 3 architecture of the MI300X and … uses …": "It" opening the sentence as the subject of what it keeps,
# shares or uses is the chip in view, though the sentence names another (English)
# ("like the MI300X it is a CDNA 3 GPU fabricated by TSMC": the chip compared with is named, "it" is the one in view)
_IT_KEEPS = re.compile(r"^\W*It\s+(?:also\s+|still\s+)?(?:keeps|retains|shares|inherits|reuses|uses|adopts)\b|"
                       r"^\W*(?:[Ll]ike|[Aa]s with|[Uu]nlike)\s+(?:the\s+|its\s+)?[\w .-]{1,30}?,?\s+it\s+(?:also\s+|still\s+)?"
                       r"(?:is|was|uses|used|keeps|relies|comes)\b")


def subject_chips(doc: Doc, chips: list) -> list:
    """The chips in view a sentence opening on "It keeps/uses …" is about, beside the ones it names."""
    if doc.lang_ != "en" or not chips or not _IT_KEEPS.match(doc.text):
        return []
    named = {c.key for c in chips}
    return [c for c in previous_chips(doc, chips) if c.key not in named]


def reported(doc: Doc, start: int, end: int) -> bool:
    """"…の次世代品を「18A」で生産するとの一部報道がある" (lexicon `_reported_making`): a making relation between two names
    written before a quotative report is hearsay; only the making is, not the names or who designs the chip."""
    return doc.lang_ == "ja" and any(s >= end and not re.search(r"[。；;]", doc.text[end:s])
                                     for s, _ in cue_spans(doc, "_reported_making"))


def usable_nodes(ms) -> list:
    return [n for n in of_kind(ms, "node") if n.extra.get("key") and not n.extra.get("foundry_from_name")]


class ManufacturedOn:
    def __call__(self, doc: Doc) -> Doc:
        ms = mentions(doc)
        chips = spoken_chips(doc, ms)
        nodes = usable_nodes(ms)
        if not chips and nodes:
            chips = implicit_chips(doc, ms)
        chips = chips + subject_chips(doc, chips)
        if not chips or not nodes:
            return doc
        conf = confidence(doc, "manufacturedOn")
        if len(chips) > 1 and doc.lang_ == "en":  # ("Groq, the start-up behind the LPU, will have its next chips …")
            chips = [c for c in chips if not in_org_aside(doc, c)] or chips
        alone = len(chips) == 1 and not cue_spans(doc, "_successor")
        for c in chips:
            n = nearest(doc, c, nodes)
            if doc.lang_ != "en" and len(chips) > 1 and c.start >= n.end and not same_clause(doc, c, n) and any(
                    same_clause(doc, o, n) and o.end <= n.start for o in chips if o is not c):
                continue  # "思元290采用台积电7nm工艺，思元370则是…": the node belongs to the other chip's clause
            owner = relative_owner(doc, chips, n)
            if owner is not None and owner is not c:
                continue  # "the T4 succeeds the T2, which … on TSMC's N6": T2's clause
            for m in (nodes if alone else coordinated(doc, nodes, n)):
                if guarded(doc, min(c.start, m.start), max(c.end, m.end)) or reported(doc, c.start, max(c.end, m.end)):
                    continue
                add(doc, c, "manufacturedOn", m, conf, NAME)
        if doc.lang_ == "ja":
            # "TSMCの5ナノで生産し、…TSMC7ナノで作った前世代「WSE-2」…": a node in a clause before any chip, that no chip
            # named later takes, is the node of the chip in view from the sentence before
            taken = {id(nearest(doc, c, nodes)) for c in chips}
            first = min(c.start for c in chips)
            early = [n for n in nodes if n.end <= first and id(n) not in taken
                     and re.search(r"[、，,；;]", doc.text[n.end:first]) and not guarded(doc, n.start, n.end)]
            for c in (previous_chips(doc, chips) if early else []):
                if c.key not in {x.key for x in chips}:
                    for n in early:
                        add(doc, c, "manufacturedOn", n, conf * 0.9, NAME)
        return doc


@Language.factory(NAME, assigns=["doc._.facts"], requires=["doc._.mentions"])
def make(nlp: Language, name: str) -> ManufacturedOn:
    return ManufacturedOn()
