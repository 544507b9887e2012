"""Answering a compositional question: parse (api/ask/compose.py), compile and run (api/ask/compile_query.py),
and say what the answer is: how many, in which currency, which constraint the graph could not check."""
from __future__ import annotations

from typing import Any

import pyoxigraph as ox

from api.ask.compile_query import Compiler
from api.ask.compose import QueryGraph, normalized
from api.ask.compose_lexicon import compose_lexicon
from api.ask.forms import py

AIC = "https://w3id.org/aichip/ontology#"


def message(lang: str, key: str, **args: Any) -> str:
    text = compose_lexicon(lang).messages.get(key) or compose_lexicon("en").messages.get(key, key)
    try:
        return text.format(**args)
    except (KeyError, IndexError):
        return text


def run(g: QueryGraph, u: Any, idx: Any, store: Any) -> dict:
    """The answer dict fields (answers IRIs, value, sparql, triples for evidence, notes) of a query graph."""
    c = Compiler(g, idx, normalized(u.question, u.language)).compile()
    rows = [dict(r) for r in store.query(c.sparql).solutions]
    notes: list[str] = []
    answers: list[str] = []
    value: Any = None
    details: dict = {"graph": g.describe()}
    if c.value_kind in ("sum", "max_amount", "min_amount"):
        notes += _window_notes(g, u, idx, store, c)
        per = [(py(r.get("currency")), py(r.get("value"))) for r in rows if r.get("value") is not None]
        per = [(cur, v) for cur, v in per if v is not None]
        if len(per) == 1:
            value = per[0][1]
            details["currency"] = per[0][0]
        elif per:
            parts = ", ".join(f"{v:,} {cur}" for cur, v in per)
            notes.append(message(u.language, "mixed_currency", cur=", ".join(str(c_) for c_, _ in per), parts=parts))
            details["by_currency"] = {str(cur): v for cur, v in per}
        return {"answers": [], "value": value, "sparql": c.sparql, "triples": [], "notes": notes,
                "details": details}
    unchecked: list[str] = []
    triples: list[tuple] = []
    for r in rows:
        x = r.get("x")
        if c.value_kind in ("amount", "exchange", "memory", "roundname", "currency"):
            v = r.get(c.value_kind)
            if v is not None and py(v) not in (value if isinstance(value, list) else []):
                value = (value or []) + [py(v)]
                if c.value_kind == "amount" and r.get("currency") is not None:
                    details.setdefault("currencies", []).append(py(r["currency"]))
            continue
        if not isinstance(x, ox.NamedNode):
            continue
        if c.region_var and r.get(c.region_var[1:]) is None:
            if x.value not in unchecked:
                unchecked.append(x.value)
            continue
        if x.value not in answers:
            answers.append(x.value)
        for s, p, o in c.triples[:12]:
            ts = [_term(t, r) for t in (s, o)]
            if all(isinstance(t, ox.NamedNode) or isinstance(t, ox.Literal) for t in ts):
                triples.append((ts[0], ox.NamedNode(AIC + p.split(":", 1)[1]), ts[1]))
    curs = list(dict.fromkeys(str(py(r["ocur"])) for r in rows if r.get("ocur") is not None))
    if len(curs) > 1:  # "the largest round" over rounds in several currencies: the largest of each, said so
        parts = ", ".join(dict.fromkeys(f"{py(r['order']):,} {py(r['ocur'])} ({idx.entities[r['x'].value].label(u.language) if r['x'].value in idx.entities else r['x'].value})"
                          for r in rows if r.get("ocur") is not None and isinstance(r.get("x"), ox.NamedNode)))
        notes.append(message(u.language, "mixed_currency", cur=", ".join(curs), parts=parts))
        details["by_currency"] = {c_: list(dict.fromkeys(r["x"].value for r in rows if str(py(r.get("ocur"))) == c_))
                                  for c_ in curs}
    unchecked = [i for i in unchecked if i not in answers]
    if unchecked:
        names = ", ".join(idx.entities[i].label(u.language) if i in idx.entities else i for i in unchecked)
        notes.append(message(u.language, "unchecked_country", names=names, region=c.region))
        details["country_unknown"] = unchecked
    if isinstance(value, list):
        value = value[0] if len(value) == 1 else ", ".join(map(str, value))
        if details.get("currencies"):
            details["currency"] = details["currencies"][0]
    if c.value_kind == "count":
        value = len(answers)
    if not answers and not unchecked and value in (None, 0) and \
            any(a.kind == "region" and not a.negated for n in g.nodes for a in n.atoms):
        # "日本に本社があるチップベンダーで…": no such thing of that country is known at all; the countries come from
        # the vocabulary, which places only some organisations, so "none" would be a guess: say so instead
        return {"answers": [], "value": None, "sparql": c.sparql, "triples": [], "notes": notes, "details": details,
                "decline": message(u.language, "no_region", region=c.region)}
    notes += _window_notes(g, u, idx, store, c)
    if c.currency:
        details.setdefault("currency", c.currency)
    return {"answers": answers, "value": value, "sparql": c.sparql, "triples": triples[:60], "notes": notes,
            "details": details}


def _term(t: str, row: dict) -> Any:
    if t.startswith("?"):
        return row.get(t[1:])
    if t.startswith("<"):
        return ox.NamedNode(t[1:-1])
    if t.startswith('"'):
        return ox.Literal(t[1:-1])
    return None


def _window_notes(g: QueryGraph, u: Any, idx: Any, store: Any, c: Any) -> list[str]:
    """What a year window reads or leaves out, said in the answer: a fiscal year read as the calendar year, and the
    funding rounds the window could not place because the graph gives them no date."""
    notes: list[str] = []
    fiscal = [str(v) for n in g.nodes for a in n.atoms if a.kind == "cmp" and isinstance(a.span.data, dict)
              and a.span.data.get("fiscal") for v in a.span.data["values"]]
    if fiscal:
        notes.append(message(u.language, "fiscal_year", years="/".join(dict.fromkeys(fiscal))))
    if not c.dated_rounds:
        return notes
    try:
        cu = Compiler(g, idx, normalized(u.question, u.language), undated=True).compile()
        rows = [dict(r) for r in store.query(cu.sparql).solutions] if cu.undated_var else []
    except Exception:  # the note is a courtesy: a query it cannot build leaves the answer as it is
        return notes
    var = cu.undated_var[1:] if cu.undated_var else ""
    left = list(dict.fromkeys(r[var].value for r in rows if isinstance(r.get(var), ox.NamedNode)))
    yearonly: list[str] = []
    if left and any(isinstance(a.span.data, dict) and a.span.data.get("month") for n in g.nodes for a in n.atoms):
        # a window with a month: a round dated by its year alone is said apart from one with no date
        values = " ".join(f"<{i}>" for i in left)
        dated = {r["r"].value for r in store.query(f"SELECT DISTINCT ?r WHERE {{ VALUES ?r {{ {values} }} "
                                                   f"?r <{AIC}date> ?d }}").solutions}
        yearonly, left = [i for i in left if i in dated], [i for i in left if i not in dated]
    if left or yearonly:
        from api.ask.round_labels import round_labels
        names = round_labels(store, left + yearonly, idx, u.language)
        name = lambda i: names.get(i) or (idx.entities[i].label(u.language) if i in idx.entities else i.rsplit("/", 1)[-1])
        if left:  # a chip with no year, a round with no date
            notes.append(message(u.language, "undated", names=", ".join(name(i) for i in left)))
        if yearonly:
            notes.append(message(u.language, "year_only", names=", ".join(name(i) for i in yearonly)))
    return notes
