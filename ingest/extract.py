"""One document → sentences → spaCy pipelines → mentions and facts with offsets into the original text.

The base models (GiNZA's parse, jieba's segmentation) run batched through `nlp.pipe`; our components then
run sentence by sentence in document order, because they carry context from one sentence to the next
(the paragraph's company for "同社", the round being described, the market a figure belongs to).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest.model import ENTITY_KINDS, Fact, Mention
from ingest.pipeline import build
from ingest.readers import RawDocument
from ingest.segment import Sentence, sentences
from ingest.tables import table_facts

DATE = re.compile(r"((?:19|20)\d\d)[-/.年]\s?(\d{1,2})[-/.月]\s?(\d{1,2})")


@dataclass
class SentenceResult:
    sentence: Sentence
    mentions: list[Mention]
    facts: list[Fact]
    topic: str | None = None  # the organisation the paragraph was about when this sentence began


@dataclass
class Extraction:
    raw: RawDocument
    lang: str
    results: list[SentenceResult] = field(default_factory=list)
    tokens: int = 0


def doc_year(raw: RawDocument) -> int | None:
    m = DATE.search(raw.meta.get("date", "")) or DATE.search(raw.text[:600])
    return int(m.group(1)) if m else None


def main_lang(sents: list[Sentence]) -> str:
    counts: dict[str, int] = {}
    for s in sents:
        counts[s.lang] = counts.get(s.lang, 0) + len(s.text)
    return max(counts, key=counts.get) if counts else "en"


def extract(raw: RawDocument, lang: str | None = None) -> Extraction:
    sents = sentences(raw.text, raw.body_start, lang)
    result = Extraction(raw, main_lang(sents))
    year = doc_year(raw)
    context: dict = {}
    title_topic(raw, context)
    by_lang: dict[str, list[int]] = {}
    for i, s in enumerate(sents):
        by_lang.setdefault(s.lang, []).append(i)
    docs: list = [None] * len(sents)
    for lg, idxs in by_lang.items():
        nlp = build(lg)
        ours = [n for n in nlp.pipe_names if n.startswith("aic_")]
        with nlp.select_pipes(disable=ours):
            for i, d in zip(idxs, nlp.pipe([sents[i].text for i in idxs], batch_size=64)):
                docs[i] = d
    prev_para = None
    for s, d in zip(sents, docs):
        nlp = build(s.lang)
        if s.paragraph != prev_para:
            context.pop("last_round", None)
            prev_para = s.paragraph
        d.user_data["context"] = context
        d.user_data["paragraph"] = s.paragraph
        topic = context.get("topic_org") if context.get("topic_para") == s.paragraph else None
        d.user_data["doc_year"] = year
        for name, proc in nlp.pipeline:
            if name.startswith("aic_"):
                d = proc(d)
        ms = d._.mentions or []
        fs = d._.facts or []
        if _update_topic(context, ms, fs):
            context["topic_para"] = s.paragraph
        chips = [m for m in ms if m.kind == "chip"]
        prev = context.get("prev_sentence") or {}
        if not chips and prev.get("paragraph") == s.paragraph and not prev.get("carried") \
                and not any(m.kind == "org" and "Foundry" not in m.types for m in ms):
            # "B200を発表した。2つのダイを…備える。製造はTSMCが担い…": a sentence naming no chip and no other
            # company keeps the paragraph's chips in view for one more sentence
            context["prev_sentence"] = dict(prev, carried=True)
        else:
            context["prev_sentence"] = {"paragraph": s.paragraph, "chips": chips}
        result.tokens += len(d)
        result.results.append(SentenceResult(s, ms, fs, topic))
    table_facts(result.results)
    _designers_from_topic(result)
    return result


def _designers_from_topic(result: Extraction) -> None:
    """A chip the document never ties to a designer, named in a paragraph about one vendor ("Meta … The
    second-generation MTIA v2 moved to TSMC 5nm"), is that vendor's, with a lower confidence."""
    designed = {f.subject for r in result.results for f in r.facts if f.predicate == "designedBy"}
    for r in result.results:
        if not r.topic:
            continue
        for m in r.mentions:
            if m.kind != "chip" or m.key in designed or m.extra.get("unknown"):
                continue
            if any(o.kind == "org" and not o.extra.get("inside") and "Foundry" not in o.types for o in r.mentions):
                continue  # another organisation in the sentence: leave it to the sentence's own rules
            obj = "id:" + r.topic if not r.topic.startswith("new:") else r.topic
            r.facts.append(Fact(m.key, "designedBy", obj, m.start, m.end, 0.6, "aic_designed_by_topic"))
            designed.add(m.key)


def title_topic(raw: RawDocument, context: dict) -> None:
    """A document about one company ("本公司…", "the Company…") names it in its title: start there."""
    from ingest.components.vocab_ruler import org_gazetteer
    import ontology
    title = raw.meta.get("title") or ""
    vocab = ontology.load_vocab()
    for hit in org_gazetteer().find(title):
        entry = vocab[hit.ids[0]]
        if entry.types[:1] == ("ChipVendor",):
            context["topic_org"] = entry.id
            return


def _update_topic(context: dict, ms: list[Mention], fs: list[Fact]) -> bool:
    """The organisation a paragraph is about: the vendor a sentence designs with, else its first vendor."""
    investors = {f.object for f in fs if f.predicate in ("investor", "leadInvestor")} | \
        {f.subject for f in fs if f.predicate == "investedIn"}
    designers = [f.object for f in fs if f.predicate in ("designedBy", "fundedCompany", "investedIn")]
    if designers:
        k = designers[0]
        context["topic_org"] = k[3:] if k.startswith("id:") else k
        return True
    for m in ms:
        if m.kind == "org" and not m.extra.get("inside") and not m.extra.get("coref") and m.ids \
                and m.types[:1] == ("ChipVendor",) and m.key not in investors:
            context["topic_org"] = m.ids[0]
            return True
    # "本公司主要从事GPU芯片的研发": a paragraph referring back to the topic company is about it too
    return any(m.kind == "org" and m.extra.get("coref") and m.key == "id:" + str(context.get("topic_org"))
               for m in ms)


def entity_mentions(ex: Extraction) -> list[tuple[SentenceResult, Mention]]:
    out = []
    for r in ex.results:
        for m in r.mentions:
            if m.kind in ENTITY_KINDS:
                out.append((r, m))
    return out
