"""`aic_vocab_ruler`: every name and alias of the vocabulary, any language, found in the sentence.

An entity ruler generated from ontology/vocab (case-, width- and spacing-insensitive, Latin word
boundaries), like spaCy's EntityRuler fed from a knowledge base; chips whose surface form starts with a
vendor name ("NVIDIA H100") also yield the vendor mention, since the text names both.
"""
from __future__ import annotations

from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

import ontology
from ingest.components import mentions
from ontology.gazetteer import Gazetteer
from ingest.model import Mention

KIND_BY_SOURCE = {"organizations": "org", "process_nodes": "node", "architectures": "arch"}


def kind_of(entry: ontology.Entry) -> str:
    if entry.source == "chips":
        return "cluster" if "ComputingCluster" in entry.types else "chip"
    return KIND_BY_SOURCE[entry.source]


@lru_cache(maxsize=4)
def vocab_gazetteer(directory: str = "") -> Gazetteer:
    vocab = ontology.load_vocab(directory or None)
    g = Gazetteer(min_len=2)
    for e in vocab:
        for name in e.names:
            g.add(name, e.id)
    return g.finalize()


@lru_cache(maxsize=4)
def org_gazetteer(directory: str = "") -> Gazetteer:
    vocab = ontology.load_vocab(directory or None)
    g = Gazetteer(min_len=2)
    for e in vocab:
        if e.source == "organizations":
            for name in e.names:
                g.add(name, e.id)
    return g.finalize()


class VocabRuler:
    def __init__(self, vocab_dir: str = ""):
        self.vocab_dir = vocab_dir
        self.vocab = ontology.load_vocab(vocab_dir or None)

    def __call__(self, doc: Doc) -> Doc:
        out = mentions(doc)
        for hit in vocab_gazetteer(self.vocab_dir).find(doc.text):
            if _short_cjk(hit.text) and doc.char_span(hit.start, hit.end) is None:
                continue  # "算能" inside "計算能力": short CJK names must be whole tokens
            entries = [self.vocab[i] for i in hit.ids]
            kinds = {kind_of(e) for e in entries}
            kind = sorted(kinds)[0] if len(kinds) == 1 else _prefer(kinds)
            entries = [e for e in entries if kind_of(e) == kind]
            m = Mention(hit.start, hit.end, hit.text, kind, tuple(e.id for e in entries),
                        tuple(dict.fromkeys(t for e in entries for t in e.types)))
            if kind == "node":
                m.value = entries[0].nanometers
                m.extra["foundry"] = entries[0].foundry if len({e.foundry for e in entries}) == 1 else ""
            if kind in ("chip", "cluster", "node"):
                for sub in org_gazetteer(self.vocab_dir).find(hit.text):
                    if sub.start == 0:
                        subs = [self.vocab[i] for i in sub.ids]
                        out.append(Mention(hit.start, hit.start + sub.end, sub.text, "org", sub.ids,
                                           tuple(t for e in subs for t in e.types),
                                           extra={"inside": kind != "node"}))
            out.append(m)
        out.sort(key=lambda m: (m.start, -m.end))
        _merge_parentheticals(doc.text, out)
        return doc


def _merge_parentheticals(text: str, ms: list) -> None:
    """"啓明創投（Qiming Venture Partners）" is one mention of one entity, written twice."""
    i = 0
    while i < len(ms) - 1:
        a, b = ms[i], ms[i + 1]
        gap = text[a.end:b.start]
        if a.key == b.key and a.kind == b.kind and gap.strip() in ("(", "（") and not a.extra.get("inside"):
            close = text[b.end:b.end + 2]
            end = b.end + (len(close) - len(close.lstrip(" ")) + 1 if close.strip()[:1] in (")", "）") else 0)
            a.extra.setdefault("alt", b.text)
            a.end = end
            del ms[i + 1]
            continue
        i += 1


def _short_cjk(text: str) -> bool:
    t = text.strip()
    return len(t) <= 2 and all("\u3040" <= c <= "\u9fff" for c in t)


def _prefer(kinds: set) -> str:
    for k in ("chip", "cluster", "org", "node", "arch"):
        if k in kinds:
            return k
    return sorted(kinds)[0]


@Language.factory("aic_vocab_ruler", assigns=["doc._.mentions"], default_config={"vocab_dir": ""})
def make_vocab_ruler(nlp: Language, name: str, vocab_dir: str) -> VocabRuler:
    return VocabRuler(vocab_dir)
