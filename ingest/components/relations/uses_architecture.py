"""`aic_uses_architecture`: chip → architecture class or microarchitecture named in the same sentence
("H100, based on Hopper", "基于达芬奇架构的昇腾910", "CDNA 3ベースのMI300X")."""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from ingest.components import mentions
from ingest.components.relations.common import (add, compared_target, confidence, cue_spans, distance, guarded, nearest,
                                                of_kind, relative_owner, same_clause)

NAME = "aic_uses_architecture"
# "It is a neural processing unit built around Da Vinci cores": "it" as the subject that opens the sentence (or a clause
# after a semicolon: "…; both are built around the company's X cores"; an interview's answer: "A: It is …")
_IT_OPENS = re.compile(r"^\W*(?:A\s?[.:]\s*)?(?:[Ii]t|[Ee]ach|[Bb]oth|[Tt]hey|[Aa]ll(?: (?:three|four|of them))?)\s+(?:is|was|are|were|uses|use|used|"
                       r"has|have|combines|combine|pairs|moves to|moved to)\b")


# between a chip and the class an appositive gives it ("Mirra, an ASIC for speech models")
_CLASS_APPOSITIVE = re.compile(r",\s+an?\s+(?:[\w-]+\s+){0,2}")
CALLED = re.compile(r"[」』\"”]?\s?と呼(?:ばれ|ん|ぶ)|[」』\"”]?\s?(?:と|被)?(?:称され|称为|叫做)")
CALLED_BEFORE = re.compile(r"\b(?:called|dubbed|known as|named)\s+(?:the\s+)?[\"“]?$")
# "マイクロアーキテクチャ名は「Cerulean」", "設計は「Hoshi」": the design named after its kind word (Japanese)
JA_DESIGN_NAMED = re.compile(r"(?:アーキテクチャ|設計)名?(?:は|が)\s?[「『]?$")


class UsesArchitecture:
    def __call__(self, doc: Doc) -> Doc:
        ms = mentions(doc)
        from ingest.components.relations.manufactured_on import spoken_chips
        chips, archs = spoken_chips(doc, ms), of_kind(ms, "arch")  # (not a chip named as what is compared with)
        if not chips and archs and doc.lang_ == "en":
            from ingest.components.relations.manufactured_on import implicit_chips, names_the_chip
            if names_the_chip(doc) or _IT_OPENS.match(doc.text):
                chips = implicit_chips(doc, ms)  # "The chip itself is a modest NPU.", "It is a neural processing unit"
        if not chips and archs and doc.lang_ in ("ja", "zh") and (cue_spans(doc, "_this_chip") or cue_spans(doc, "_these_chips")):
            from ingest.components.relations.manufactured_on import implicit_chips
            chips = implicit_chips(doc, ms)  # "いずれもASICに分類される", "该芯片基于…架构": the chips just named
            seen = doc._.context.paragraph_chips if doc._.context is not None else None
            if chips and cue_spans(doc, "_these_chips") and seen is not None and seen.paragraph == doc._.context.paragraph:
                # "両チップとも…を採用した": both chips the paragraph named, not the last sentence's only (as previous_chips,
                # copies at offset 0: their offsets belong to other sentences)
                chips = [type(m)(0, 0, m.text, m.kind, m.ids, m.types, m.value, dict(m.extra)) for m in seen.chips]
        if chips and archs and doc.lang_ == "en":
            from ingest.components.relations.manufactured_on import subject_chips
            chips = chips + subject_chips(doc, chips)  # "It keeps the CDNA 3 architecture of the MI300X"
        named_kind = False
        if not chips and archs and doc.lang_ == "ja":
            from ingest.components.relations.manufactured_on import implicit_chips
            # "・思元100（MLU100）：…チップ。MLUv01アーキテクチャを採用し、…": a sentence without a subject of its own
            # goes on about the chip just named; a design named with its kind word ("MLUv02アーキテクチャ、…") says it
            chips = implicit_chips(doc, ms)
            # (only a design the sentence says is used: not "GPUと比べて最大10倍")
            # ("ウェハースケールと呼ばれる設計で", "マイクロアーキテクチャ名は「Cerulean」": a design the sentence names as such)
            archs = [a for a in archs if re.match(r"[」』]?\s?(?:アーキテクチャ|マイクロアーキテクチャ|ベース|を採用|を用い|に基づ|と呼ばれ)",
                                                  doc.text[a.end:a.end + 14]) or JA_DESIGN_NAMED.search(doc.text, 0, a.start)]
            named_kind = any(re.match(r"[」』]?\s?(?:アーキテクチャ|マイクロアーキテクチャ|と呼ばれ)", doc.text[a.end:a.end + 12])
                             or JA_DESIGN_NAMED.search(doc.text, 0, a.start) for a in archs)
        archs = [a for a in archs if not compared_target(doc, a)]  # ("cheaper … than the GPU crowd": compared with)
        if doc.lang_ == "en" and any(_CLASS_APPOSITIVE.fullmatch(doc.text, c.end, a.start) for c in chips for a in archs):
            named_kind = True  # "Sohu, an ASIC that hard-wires …": the appositive says what the chip is
        if not chips or not archs or not (cue_spans(doc, "usesArchitecture") or named_kind):
            return doc
        conf = confidence(doc, "usesArchitecture")
        for c in chips:
            by_class: dict[str, object] = {}
            for cls in ("Microarchitecture", "Architecture"):
                # a named design no vocabulary knows ("tianlu" architecture) goes with the microarchitectures, so
                # a chip takes it and its class ("is a general-purpose GPU") both
                group = [a for a in archs if bool("Microarchitecture" in a.types or doc.lang_ in ("en", "zh", "ja") and not a.ids
                                                   and a.extra.get("quoted")) == (cls == "Microarchitecture")]
                called = [a for a in group if CALLED.match(doc.text, a.end) or CALLED_BEFORE.search(doc.text, 0, a.start)]
                if group:  # ("データフロー型で、社内ではRDUと呼ばれています": the name it is called by, not the class word)
                    by_class[cls] = nearest(doc, c, called or group, before_weight=1.0)
            for a in by_class.values():
                owner = relative_owner(doc, chips, a) if len(chips) > 1 else None
                if owner is not None and owner is not c:
                    continue  # "…曦云C500，后者属于通用GPU（GPGPU）架构": the latter's design only
                if len(chips) > 1 and (distance(c, a) > 60 or not same_clause(doc, c, a)) and \
                        any(same_clause(doc, o, a) for o in chips if o is not c):
                    continue  # "思元100采用MLUv01架构，思元290升级至MLUv02架构": each chip its own clause
                if guarded(doc, min(c.start, a.start), max(c.end, a.end)):
                    continue
                add(doc, c, "usesArchitecture", a, conf, NAME)
        return doc


@Language.factory(NAME, assigns=["doc._.facts"], requires=["doc._.mentions"])
def make(nlp: Language, name: str) -> UsesArchitecture:
    return UsesArchitecture()
