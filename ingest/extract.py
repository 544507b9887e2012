"""One document → sentences → spaCy pipelines → mentions and facts with offsets into the original text.

The base models (GiNZA's parse, jieba's segmentation) run batched through `nlp.pipe`; our components then
run sentence by sentence in document order, because they carry context from one sentence to the next
(the paragraph's company for "同社", the round being described, the market a figure belongs to).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import ingest.components.context  # noqa: F401  (declares doc._.context)
from ingest.model import ENTITY_KINDS, DocContext, Fact, Mention
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
    topic: str | None = None  # key of the organisation the paragraph was about when this sentence began


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
    context = DocContext(year=doc_year(raw))
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
    for s, d in zip(sents, docs):
        nlp = build(s.lang)
        if s.paragraph != context.paragraph:
            context.last_round = None
            context.paragraph = s.paragraph
        d._.context = context
        topic = context.topic_here()
        for name, proc in nlp.pipeline:
            if name.startswith("aic_"):
                d = proc(d)
        result.tokens += len(d)
        result.results.append(SentenceResult(s, d._.mentions or [], d._.facts or [], topic))
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
            r.facts.append(Fact(m.key, "designedBy", r.topic, m.start, m.end, 0.6, "aic_designed_by_topic"))
            designed.add(m.key)


def title_topic(raw: RawDocument, context: DocContext) -> None:
    """A document about one company ("本公司…", "the Company…") names it in its title: start there."""
    from ingest.components.vocab_ruler import org_gazetteer
    import ontology
    title = raw.meta.get("title") or ""
    vocab = ontology.load_vocab()
    for hit in org_gazetteer().find(title):
        entry = vocab[hit.ids[0]]
        if entry.types[:1] == ("ChipVendor",):
            context.topic = "id:" + entry.id
            return


def entity_mentions(ex: Extraction) -> list[tuple[SentenceResult, Mention]]:
    out = []
    for r in ex.results:
        for m in r.mentions:
            if m.kind in ENTITY_KINDS:
                out.append((r, m))
    return out
