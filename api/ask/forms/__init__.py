"""Question forms: one module per form, registered with `@question_form(name, slots=...)`.

A form declares the slots it needs (entity slots by class, constraint slots by name; a trailing "?" marks an
optional slot) and a function `run(ctx) -> Reply`. Its SPARQL lives in `api/ask/templates/<form>.rq` (or
`<form>.<variant>.rq`); values are bound with the store's `substitutions`, never pasted into the query text.
"""
from __future__ import annotations

import importlib
import pkgutil
import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable

import pyoxigraph as ox

from kg.store import term_value, to_term

AIC = "https://w3id.org/aichip/ontology#"
TEMPLATES = Path(__file__).resolve().parent.parent / "templates"

# entity slot kinds -> the classes that fill them (None: any entity)
SLOT_CLASSES: dict[str, tuple[str, ...] | None] = {
    "chip": ("Chip", "ComputingCluster"), "cluster": ("ComputingCluster",), "org": ("Organization",),
    "vendor": ("Organization",), "chipvendor": ("ChipVendor",), "investor": ("Organization",), "company": ("Organization",),
    "foundry": ("Foundry",), "process": ("ProcessNode",), "arch": ("Architecture",), "firm": ("ResearchFirm",),
    "entity": None,
}
CONSTRAINT_SLOTS = {"node", "year", "round", "purpose", "region", "forecast", "count", "superlative", "ask",
                    "currency", "micro", "newest", "month", "memory"}


@dataclass
class FormSpec:
    name: str
    slots: dict[str, str]  # slot -> kind ("chip", "org", ... or a constraint name); "?" suffix = optional
    needs_any: tuple[str, ...]
    run: Callable[["Context"], "Reply"]
    list_answer: bool = True
    gives: tuple[str, ...] = ()  # what the answer is when the question asks for it ("date": a year or a day)

    def required(self) -> list[str]:
        return [s for s, k in self.slots.items() if not k.endswith("?")]


@dataclass
class Reply:
    answers: list[str] = field(default_factory=list)  # IRIs
    value: Any = None
    sparql: str = ""
    triples: list[tuple] = field(default_factory=list)  # (s, p, o) ox terms or None, for evidence
    message: str | None = None
    understood: bool = True
    extra: dict = field(default_factory=dict)


@dataclass
class Context:
    store: Any
    understanding: Any
    index: Any
    slots: dict[str, list]  # entity slot -> [Entity]; constraint slot -> [value]
    lang: str

    def one(self, slot: str) -> Any:
        v = self.slots.get(slot) or []
        return v[0] if v else None

    def iri(self, slot: str) -> ox.NamedNode | None:
        e = self.one(slot)
        return ox.NamedNode(e.iri) if e is not None else None

    def constraint(self, name: str, default: Any = None) -> Any:
        return self.understanding.constraints.get(name, default)


REGISTRY: dict[str, FormSpec] = {}


def question_form(name: str, slots: dict[str, str] | None = None, needs_any: tuple[str, ...] = (),
                  list_answer: bool = True, gives: tuple[str, ...] = ()):
    """Register a form: `@question_form("designer", slots={"chip": "chip"})`. `gives` names what the form answers
    when a question asks for it (`("date",)`: "when", "which year"), so that a form without an `ask` slot that
    does not give it is never chosen for such a question."""
    def deco(fn: Callable[[Context], Reply]) -> Callable[[Context], Reply]:
        REGISTRY[name] = FormSpec(name, dict(slots or {}), tuple(needs_any), fn, list_answer, tuple(gives))
        return fn
    return deco


def load_forms() -> dict[str, FormSpec]:
    if not REGISTRY:
        for mod in pkgutil.iter_modules([str(Path(__file__).parent)]):
            importlib.import_module(f"{__name__}.{mod.name}")
    return REGISTRY


# ---------------------------------------------------------------------------------------------- SPARQL helpers

@lru_cache(maxsize=128)
def template(name: str) -> str:
    path = TEMPLATES / f"{name}.rq"
    prefixes = "".join(line + "\n" for line in (TEMPLATES / "_prefixes.rq").read_text(encoding="utf-8").splitlines()
                       if line.startswith("PREFIX"))
    return prefixes + path.read_text(encoding="utf-8")


def term(value: Any) -> Any:
    """User values are always literals (or terms the understander already resolved), never pasted IRIs."""
    return to_term(value, iri_strings=False)


def project(sparql: str, subs: dict[str, Any]) -> str:
    """Oxigraph substitutes only projected variables: add the bound ones to the SELECT clause."""
    if not subs:
        return sparql
    names = " ".join(f"?{k}" for k in subs)
    return re.sub(r"\bSELECT(\s+DISTINCT)?\s", lambda m: m.group(0) + names + " ", sparql, count=1)


def shown(sparql: str, subs: dict[str, Any]) -> str:
    """The query as run, its bound values written as an inline VALUES block (runnable as it stands; the engine
    itself received them as substitutions)."""
    if not subs:
        return sparql
    names = " ".join(f"?{k}" for k in subs)
    row = " ".join(str(term(v)) for v in subs.values())
    return re.sub(r"WHERE\s*\{", lambda m: m.group(0) + f"\n  VALUES ({names}) {{ ({row}) }}", sparql, count=1)


def run(ctx: Context, name: str, subs: dict[str, Any]) -> tuple[list[dict], str]:
    """Run template `name` with `subs` bound; returns (solutions as dicts of ox terms, the query shown)."""
    clean = {k: term(v) for k, v in subs.items() if v is not None}
    res = ctx.store.query(project(template(name), clean), substitutions=clean)
    return [dict(s) if isinstance(s, dict) else s for s in res.solutions], shown(template(name), clean)


def py(t: Any) -> Any:
    """A JSON-friendly Python value of an ox term (kg.store.term_value, with decimals as int or float)."""
    v = term_value(t)
    if isinstance(v, Decimal):
        return int(v) if v == v.to_integral_value() else float(v)
    return v


def list_reply(ctx: Context, name: str, subs: dict[str, Any], var: str = "x",
               evidence: Callable[[dict], list[tuple]] | None = None, sparqls: list[str] | None = None) -> Reply:
    rows, q = run(ctx, name, subs)
    answers, triples = [], []
    for r in rows:
        x = r.get(var)
        if isinstance(x, ox.NamedNode):
            if x.value not in answers:
                answers.append(x.value)
            if evidence:
                triples.extend(evidence(r))
    return Reply(answers=answers, sparql=q, triples=triples)


def merge(replies: list[Reply]) -> Reply:
    """One reply from several runs (a slot holding several entities)."""
    if len(replies) == 1:
        return replies[0]
    out = Reply(sparql="\n\n".join(r.sparql for r in replies))
    for r in replies:
        out.answers += [a for a in r.answers if a not in out.answers]
        out.triples += r.triples
        if out.value is None:
            out.value = r.value
    return out


_GENERIC_PROCESS = re.compile(r"^(?:\S+\s*)?\d+(?:\.\d+)?\s*(?:nm|纳米|納米|ナノ)$", re.I)


def _size_named(ctx: "Context", iri: str, strict: bool) -> bool:
    """A process known by a bare node size: every label ("SMIC 7nm", a node the documents only sized) or, not
    strict, any label ("TSMC 4nm" is also what TSMC N4 is called when a text gives only the size). Strict counts
    aliases too: a "Samsung 4nm" also called "SF4" has a name of its own."""
    e = ctx.index.entities.get(iri)
    names = [n.strip() for vals in e.labels.values() for n in vals] if e else []
    if e and strict:
        names += [n.strip() for n in e.alt]
    test = all if strict else any
    return bool(names) and test(_GENERIC_PROCESS.match(n) for n in names)


def _process_info(ctx: "Context", iris: list[str]) -> dict[str, set]:
    info = {}
    for iri in iris:
        rows, _ = run(ctx, "process_info", {"p": N(iri)})
        info[iri] = {(py(r.get("nm")), r["f"].value if r.get("f") is not None else None) for r in rows}
    return info


def most_specific_processes(ctx: "Context", iris: list[str], strict: bool = False) -> list[str]:
    """Answer processes at the most specific level the graph knows: a process named by its size ("TSMC 4nm") is
    dropped when a process of the same foundry and node size with a name of its own ("TSMC 4N") is also among
    the answers. `strict`: only processes known by nothing but a size are dropped (for a foundry's catalogue,
    where TSMC N7 and N7+ are both offerings)."""
    if len(iris) < 2:
        return iris
    info = _process_info(ctx, iris)
    keep = []
    for iri in iris:
        if _size_named(ctx, iri, strict) and any(
                o != iri and not _size_named(ctx, o, False) and info[iri] & info[o] for o in iris):
            continue
        keep.append(iri)
    return keep


def most_specific_per_chip(ctx: "Context", rows: list[tuple[str, str | None]]) -> list[str]:
    """Processes from (process, chip) support rows, each chip's processes at their most specific level; a process
    supported only by rows without a chip (a stated or inferred reliesOn) is kept unless one of the chips' own
    processes accounts for it or a more specific sibling is among the answers."""
    by_chip: dict[str, list[str]] = {}
    for p, c in rows:
        if c is not None and p not in by_chip.setdefault(c, []):
            by_chip[c].append(p)
    keep: list[str] = []
    for procs in by_chip.values():
        keep += [p for p in most_specific_processes(ctx, procs) if p not in keep]
    via_chips = {p for procs in by_chip.values() for p in procs}
    direct = [p for p, c in rows if c is None and p not in via_chips and p not in keep]
    if direct:
        allp = list(dict.fromkeys(keep + direct))
        best = most_specific_processes(ctx, allp)
        keep += [p for p in dict.fromkeys(direct) if p in best]
    order = list(dict.fromkeys(p for p, _ in rows))
    return [p for p in order if p in keep]


def round_key(name: Any) -> str:
    """A round name compared loosely: "Pre-Series A" = "Pre-A", "Series B+" = "series b+"."""
    return re.sub(r"series|[^a-z0-9+]", "", str(name or "").lower())


def P(local: str) -> ox.NamedNode:
    return ox.NamedNode(AIC + local)


def N(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)
