"""Shared helpers of the English own-text tests: the facts and the organisation names one text gives."""
from __future__ import annotations

from ingest.extract import extract
from ingest.readers import RawDocument


def facts(text: str) -> set:
    """(subject, predicate, object) keys of every fact the pipeline extracts from the text."""
    ex = extract(RawDocument("<t>", text))
    return {(f.subject, f.predicate, f.object) for r in ex.results for f in r.facts}


def orgs(text: str) -> set:
    """The organisation names the text writes (no references back such as "the company")."""
    ex = extract(RawDocument("<t>", text))
    return {m.text for r in ex.results for m in r.mentions if m.kind == "org" and not m.extra.get("coref")}
