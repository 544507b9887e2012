"""Compositional understanding: a question becomes a small typed query graph, compiled to one SPARQL query.

The question's spans are read with the per-language lexicon `ontology/lexicon/<lang>/compose.jsonl`: answer-type
words make *nodes* (chip, vendor, company, investor, foundry, process, round, amount, exchange); entity mentions,
memory types, regions, exchanges and comparisons are *atoms* attached to a node; relation words choose the
*edge* between two nodes or a node and an entity (`api/ask/templates/compose_edges.jsonl`); markers negate or
exclude an atom, or aggregate the answer (count, sum, max/min, the most). Every span that carries meaning must be
used, and nothing may be left over but filler words: otherwise the question is not understood and is declined.
"""
from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from api.ask.compose_lexicon import ComposeLexicon, compose_lexicon, parse_amount, parse_amount_range

EDGES = Path(__file__).resolve().parent / "templates" / "compose_edges.jsonl"
# an entity's class -> the node type it can stand for, most specific first
CLASS_TYPES = [("ComputingCluster", "cluster"), ("Chip", "chip"), ("ProcessNode", "process"), ("Architecture", "arch"),
               ("ChipVendor", "vendor"), ("Foundry", "foundry"), ("Investor", "investor"), ("Organization", "company")]
GENERAL = {"vendor": "company", "investor": "company", "foundry": "company", "org": "company"}
ORGS = {"company", "vendor", "investor", "foundry", "org"}
# a round, or an attribute of one asked for: its amount, exchange, name ("what kind of round"), currency
ROUNDY = {"round", "amount", "exchange", "roundname", "currency"}
NODE_CLASS = {"cluster": "ComputingCluster", "chip": "Chip", "vendor": "ChipVendor", "foundry": "Foundry", "process": "ProcessNode",
              "company": "Organization", "org": "Organization", "round": "FundingRound", "arch": "Architecture",
              "memory": "Chip", "roundname": "FundingRound", "currency": "FundingRound"}
# the class a type word adds when a node is said to be one too ("itself a foundry", "投资家でもある")
ALSO_CLASS = {"vendor": "ChipVendor", "foundry": "Foundry", "investor": "Investor", "chip": "Chip"}
COMPLEX_MARKS = {"negate", "except", "both", "sum", "min_nm", "max_nm", "max_year", "min_year", "max_amount", "max_count",
                 "min_count", "min_amount", "least_count"}


class NotUnderstood(Exception):
    """The question holds something the query would not use; `key`/`args` name the message to say."""

    def __init__(self, key: str, **args: Any):
        super().__init__(key)
        self.key, self.info = key, args


@dataclass
class Span:
    start: int
    end: int
    kind: str  # type, rel, mark, cmp, region, exchange, memory, entity
    row: dict
    text: str
    data: Any = None


@dataclass
class Atom:
    kind: str  # entity, memory, cmp, region, exchange
    span: Span
    negated: bool = False
    excluded: bool = False
    alt: "Atom | None" = None  # "Biren or Kunlunxin": this atom or `alt` (a union); both negated: neither
    group: list = field(default_factory=list)  # atoms that hold together with this one inside its alternative



@dataclass
class Node:
    var: str
    type: str
    start: int
    end: int
    cls: str | None = None
    atoms: list[Atom] = field(default_factory=list)
    implicit: bool = False
    answerable: bool = True
    ipo: bool = False  # "IPOs", "IPO调达额": only the listing rounds
    lead: bool = False  # "lead investors", "领投方", "リード投資家": investors that led a round, not any
    negated: bool = False  # "not made on TSMC's 6nm process", "never led a round": no such node linked
    asked: bool = False  # the reading marked this node as the one asked for ("…的芯片中，…是哪款")
    no_ipo: bool = False  # "IPO以外で調達した", "apart from its IPO": only the rounds that are not a listing
    also: list = field(default_factory=list)  # (class, negated): "backers that are foundries", "不是推理芯片"
    named: bool = False  # its entity atom is the thing itself, however far apart they are written (_distribute_both)
    same_class: bool = False  # "the same architecture as X" (no "micro"): X's architecture class (_same_architecture)


@dataclass
class QueryGraph:
    """What the question asks, before SPARQL: nodes (the first is the answer), edges between them, aggregate."""
    lang: str
    nodes: list[Node]
    answer: Node
    edges: list[tuple[Node, Node, str | None]]  # (a, b, relation word id)
    aggregate: str | None = None
    rels: list[Span] = field(default_factory=list)
    marks: list[Span] = field(default_factory=list)
    complex: bool = False
    currency: str | None = None
    reasons: set = field(default_factory=set)  # why no single-relation form can answer it
    text: str = ""  # the normalized question the spans index

    def describe(self) -> dict:
        def atom(a: Atom) -> dict:
            d = {"kind": a.kind, "text": a.span.text}
            if a.negated:
                d["negated"] = True
            if a.excluded:
                d["excluded"] = True
            if a.group:
                d["with"] = [b.span.text for b in a.group]
            return d
        return {"answer": self.answer.var, "aggregate": self.aggregate,
                "nodes": [{"var": n.var, "type": n.type, "class": n.cls, "atoms": [atom(a) for a in n.atoms],
                           **({"negated": True} if n.negated else {}), **({"also": n.also} if n.also else {}),
                           **({"no_ipo": True} if n.no_ipo else {})}
                          for n in self.nodes],
                "edges": [[a.var, b.var, r] for a, b, r in self.edges]}


@lru_cache(maxsize=1)
def edges_table() -> tuple[dict, ...]:
    rows = []
    for line in EDGES.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("//"):
            rows.append(json.loads(line))
    return tuple(rows)


def find_edge(a: str, b: str, rel: str | None) -> dict | None:
    """The edge pattern between node types a and b for relation word `rel` (None: the pair's first edge)."""
    for ta in dict.fromkeys((a, GENERAL.get(a, a))):
        for tb in dict.fromkeys((b, GENERAL.get(b, b))):
            rows = [r for r in edges_table() if r["a"] == ta and r["b"] == tb]
            if rows:  # the most specific pair that has edges decides
                return next((r for r in rows if rel is None or rel in r["rels"]), None)
    return None


def entity_type(idx: Any, iris: tuple[str, ...], want: str | None = None) -> str | None:
    types = []
    for iri in iris:
        e = idx.entities.get(iri)
        if e is None:
            continue
        for cls, t in CLASS_TYPES:
            if e.is_a(cls):
                types.append(t)
    if want is not None:
        for t in types:
            if t == want or GENERAL.get(t) == GENERAL.get(want, want):
                return t
    return types[0] if types else None


def normalized(question: str, lang: str) -> str:
    text = unicodedata.normalize("NFKC", question).strip()
    if lang == "en":  # a typographic apostrophe is the apostrophe ("aren’t", "NVIDIA’s"); one character for one
        text = text.replace("’", "'")
    if lang == "zh":
        from ontology.normalize import han_variants
        han = han_variants()
        text = "".join(han.get(c, c) for c in text)
    return text


# ---------------------------------------------------------------------------------------------- reading spans

def read_spans(text: str, lex: ComposeLexicon, mentions: list) -> list[Span]:
    """Every lexicon match, longest first, none overlapping another or an entity mention."""
    cands: list[tuple[int, int, int, Span, Any]] = []
    for order, e in enumerate(lex.entries):
        for m in e.rx.finditer(text):
            if m.end() <= m.start():
                continue
            data = None
            if e.kind == "cmp":
                data = _quantity(lex, e.q, m)
                if data is None:
                    continue
            elif e.kind == "memory":
                data = e.value.get("value") or m.group(1)  # "片上SRAM" -> the graph's "on-chip SRAM"
            elif e.kind == "mark" and e.value.get("least") is not None:  # "more than 2 chips": a count bound
                data = _count_bound(e.value, m)
                if data is None:
                    continue
            elif e.kind == "roundname":  # "Series A", "A轮", "シリーズA" -> the graph's aic:roundName
                g = next((x for x in m.groups() if x), "")
                data = e.value["value"].replace("{X}", g.upper())
            cands.append((-(m.end() - m.start()), order, m.start(), Span(m.start(), m.end(), e.kind, e.value,
                                                                          m.group(0), data), e))
    taken = [False] * (len(text) + 1)
    for mm in mentions:
        for i in range(mm.start, mm.end):
            taken[i] = True
    out = []
    for _, _, _, s, e in sorted(cands, key=lambda c: (c[0], c[1], c[2])):
        if any(taken[s.start:s.end]):
            # "12nmの両方": a longer match took the particle the mark may open with ("(?:の)?両方"); the rest is still
            # read when it matches the same pattern alone (a mark only: it carries no data)
            i = s.start
            while i < s.end and taken[i]:
                i += 1
            if e.kind != "mark" or i >= s.end or any(taken[i:s.end]) or \
                    e.value.get("least") is not None or not e.rx.fullmatch(text, i, s.end):
                continue
            s = Span(i, s.end, s.kind, s.row, text[i:s.end], s.data)
        for i in range(s.start, s.end):
            taken[i] = True
        out.append(s)
    return sorted(out, key=lambda s: s.start)


_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
                 "五": 5}


def _count_bound(row: dict, m: re.Match) -> int | None:
    """The least count a 'more than N' / 'N以上' mark asks for: N + row["least"] (1 for 'more than', 0 for 'at least')."""
    g = next((x for x in m.groups() if x), None) if m.groups() else None
    if g is None:
        return int(row["least"])
    n = int(g) if g.isdigit() else _NUMBER_WORDS.get(g.lower())
    return None if n is None else n + int(row["least"])


_FISCAL = re.compile(r"FY|fiscal|年度|財年|财年", re.I)
_MONTHS = {m: i + 1 for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov",
                                           "dec"))}


def _quantity(lex: ComposeLexicon, q: str, m: re.Match) -> dict | None:
    groups = [g for g in m.groups()]
    if q in ("Y", "YY"):
        ys = [int(g) for g in groups if g is not None and re.fullmatch(r"(?:19|20)\d\d", g)]
        fiscal = bool(_FISCAL.search(m.group(0)))
        # a month said with the year ("2025年12月", "December 2025"): only where the graph holds dates
        months = [int(g) if g.isdigit() else _MONTHS.get(g.lower()[:3]) for g in groups
                  if g is not None and (re.fullmatch(r"\d{1,2}", g) or g.lower()[:3] in _MONTHS)]
        month = {"month": months[0]} if months and months[0] and 1 <= months[0] <= 12 else {}
        return ({"q": "Y", "values": ys[:2], **({"fiscal": True} if fiscal else {}), **month}) if ys else None
    if q == "N":
        ns = [g for g in groups if g is not None]
        return {"q": "N", "values": [float(ns[0])]} if ns else None
    if q == "NN":  # "between 5 and 10nm": both ends of a node-size range (helper-84)
        ns = [float(g) for g in groups if g is not None]
        return {"q": "N", "values": sorted(ns[:2])} if len(ns) >= 2 else None
    if q == "AA":
        rng = parse_amount_range(lex, m, tuple(groups[:6]))
        return {"q": "A", "values": [rng[0], rng[1]], "currency": rng[2]} if rng else None
    if q == "A":
        value, cur = parse_amount(lex, m, tuple(groups[:3]))
        return {"q": "A", "values": [value], "currency": cur} if value is not None else None
    return None


# ---------------------------------------------------------------------------------------------- parsing

_WH_ZH = re.compile(r"(?:哪些|哪家|哪个|哪款|哪种|哪一|什么|多少|哪|几(?:款|家|个|种|轮|次)?)\s*$")
_WH_EN = re.compile(r"(?<![A-Za-z])(?:which|what|who|whom|how many|how much)(?![A-Za-z])", re.I)
_WH_EN_DET = re.compile(r"(?<![A-Za-z])(?:which|what)\s*$", re.I)


def _late_wh(text: str, nodes: list[Node]) -> Node | None:
    """"The companies Jeff Bezos backed - which foundries do they depend on?": a topic said first, then the question;
    with no question word before the first node, the node right after a later "which/what" is the one asked for."""
    if len(nodes) < 2 or _WH_EN.search(text[:nodes[0].start]) or text[nodes[0].start:nodes[0].end].lower() == "who":
        return None
    # ("For chips made by Samsung, who designed them?": a question opening after a comma asks who; helper-84)
    return next((n for n in nodes[1:] if _WH_EN_DET.search(text[:n.start])), None) or next(
        (n for n in nodes[1:] if text[n.start:n.end].lower() in ("who", "whom") and
         re.search(r"[,:;?.]\s*$", text[:n.start])), None)


_WH_JA = re.compile(r"(?:どの|どんな|何の|どこの)\s*$")


def parse(question: str, lang: str, mentions: list, idx: Any) -> QueryGraph:
    """The query graph of `question`; raises NotUnderstood naming what could not be used."""
    lex = compose_lexicon(lang)
    text = normalized(question, lang)
    spans = read_spans(text, lex, mentions)
    ents = _alias_dropped(text, [Span(m.start, m.end, "entity", {}, m.text, tuple(m.iris)) for m in mentions])
    outside = [s for s in spans if s.kind == "outside"]
    if outside:  # "employees", "CEO", "clock speed": an attribute the graph has no terms for
        # a row may name its own message: "deictic" ("domestic"), "modality" ("used to", "もはや": a fact's change in
        # time, which the graph does not record)
        own = {s.row.get("msg") or ("deictic" if s.row.get("deictic") else None) for s in outside}
        raise NotUnderstood("outside", words=("、" if lang != "en" else ", ").join(s.text for s in outside),
                            **({"msg": own.pop()} if len(own) == 1 and None not in own else {}))
    from api.ask.coverage import arch_suffix_spans
    gens = [Span(a, b, "meta", {}, text[a:b]) for a, b in arch_suffix_spans(text, lang, mentions, idx)]
    _check_coverage(text, lex, spans + ents + gens, lang)
    qualifiers = [s for s in spans if s.kind == "qualifier"]
    if qualifiers:  # "not a forecast" qualifies a market figure, which only the market form reads
        raise NotUnderstood("not_understood", words=qualifiers[0].text)
    bare = [s for s in spans if s.kind == "mark" and s.row["mark"] == "bare_cmp"]
    if bare:  # "before the Ascend 910B", "より前": a comparison with nothing the graph can compare it to
        raise NotUnderstood("not_understood", words=bare[0].text)
    spans = _raise_as_round(text, spans, ents)
    spans, no_ipo = _except_ipo_type(text, spans, lex.fill)
    types = [s for s in spans if s.kind == "type"]
    rels = [s for s in spans if s.kind == "rel"]
    marks = [s for s in spans if s.kind == "mark"]
    atoms = sorted([s for s in spans if s.kind in ("cmp", "region", "exchange", "memory", "currency", "purpose", "roundname")] + ents,
                   key=lambda s: s.start)
    atoms = _event_atoms(text, atoms, spans)
    atoms = sorted(atoms + _listed_atoms(spans), key=lambda s: s.start)
    nodes: list[Node] = []
    for i, t in enumerate(types):
        typ = t.row["type"]
        if nodes and nodes[-1].type == typ and not text[nodes[-1].end:t.start].strip(" の的"):
            nodes[-1].end = t.end  # "哪家公司": one node
            nodes[-1].cls = nodes[-1].cls or t.row.get("cls")  # "哪款训练芯片": the class word's class stays
            nodes[-1].ipo = nodes[-1].ipo or bool(t.row.get("ipo"))
            nodes[-1].lead = nodes[-1].lead or bool(t.row.get("lead"))
            continue
        nodes.append(Node(f"n{i}", typ, t.start, t.end, t.row.get("cls"), ipo=bool(t.row.get("ipo")),
                          lead=bool(t.row.get("lead"))))
    for n in nodes:  # "and also one that …": a second thing of the kind said before it
        if n.type == "same_kind":
            prev = [o for o in nodes if o.end <= n.start and o.type != "same_kind"]
            if not prev:
                raise NotUnderstood("not_understood", words=text[n.start:n.end])
            n.type, n.cls = prev[-1].type, prev[-1].cls
    nodes += _asked_amount(spans, nodes)
    nodes += _implied_round(spans, nodes)
    _ipo_word(rels, nodes)
    # a foundry named with a node size ("TSMC 7nm", "台积电7纳米") is one process: an implicit node
    used: set[int] = set()
    for i, a in enumerate(atoms):
        if a.kind != "entity" or entity_type(idx, a.data, "foundry") != "foundry" or i + 1 >= len(atoms):
            continue
        b = atoms[i + 1]
        if b.kind == "cmp" and b.data["q"] == "N" and b.row.get("op") == "=" and \
                not text[a.end:b.start].strip(" の的's"):
            follow = next((n for n in nodes if n.type == "process" and n.start >= b.end  # ("3nm级别的工艺": a class word)
                           and not _blank_atoms(text[b.end:n.start], b.end, [s for s in spans if s.kind == "meta"])
                           .strip(" の的")), None)
            if follow is not None:  # "TSMC's 5nm process": that process node is the one the pair describes
                follow.atoms = [Atom("entity", a), Atom("cmp", b)]
                follow.implicit = True
                follow.start = a.start
                used |= {i, i + 1}
                continue
            n = Node(f"p{i}", "process", a.start, b.end, implicit=True, answerable=False)
            n.atoms = [Atom("entity", a), Atom("cmp", b)]
            nodes.append(n)
            used |= {i, i + 1}
    for i, a in enumerate(atoms):  # "Google's Ironwood", "谷歌的TPU": the organisation only says whose chip
        if i in used or i + 1 >= len(atoms) or a.kind != "entity" or atoms[i + 1].kind != "entity":
            continue
        if entity_type(idx, a.data, "company") in ORGS and entity_type(idx, atoms[i + 1].data, "chip") == "chip" and \
                re.fullmatch(r"\s*(?:'s|’s|'|’|の|的)?\s*", text[a.end:atoms[i + 1].start]):
            used.add(i)
    nodes += _class_word_nodes(text, nodes, ents, idx)
    nodes.sort(key=lambda n: n.start)
    if lang != "en" and any(n.type != "org" for n in nodes):
        # "…的投资方是谁", "…投資家は誰": a closing wh-word is the node before it; "谁在用…" asks for an org
        # …unless a relation word stands between them: "設計会社に投資しているのは誰" asks who invests in it
        nodes = [n for i, n in enumerate(nodes) if n.type != "org" or i == 0 or
                 any(r.start >= nodes[i - 1].end and r.end <= n.start for r in rels)]
    nodes = _merge_money(_drop_chip_modifier(text, nodes, rels), rels, spans, text)
    nodes = _amount_of_round(nodes)
    if no_ipo:  # "Excluding IPOs, which company raised the largest round": the rounds that are not a listing
        money = [n for n in nodes if n.type in ("round", "amount", "currency")]
        if not money:
            raise NotUnderstood("not_understood", words=no_ipo)
        for n in money:
            n.ipo, n.no_ipo = False, True
    # "companies in the graph act as…": words about the graph itself are read and stand for nothing between nodes
    meta = "".join(" " if any(s.kind == "meta" and s.start <= i < s.end for s in spans) else c for i, c in enumerate(text))
    nodes, consumed = _copula_classes(meta, lang, nodes, ents)
    if lang == "ja":
        nodes, consumed = _ja_copula_clause(meta, nodes, consumed)
    loose = [s for s in spans if s.kind == "copula" and not any(a <= s.start and s.end <= b for a, b in consumed)]
    # "采用GPGPU架构、同时被标为推理芯片的有哪些": an affirmative copula right before a class word that is itself the node
    # (no node before it to add the class to) says what the node is, as "是" does
    loose = [s for s in loose if re.search(r"不|没|未|非|not|n't|never", text[max(0, s.start - 6):s.end], re.I) or not any(
        n.cls and n.start >= s.end and not (lex.fill.sub(" ", text[s.end:n.start]).strip() if lex.fill else
                                            text[s.end:n.start].strip()) and
        not any(o.end <= s.start and _kind(o) == _kind(n) for o in nodes) for n in nodes)]
    if loose:  # "act as", "classed as" with no class word after it to read: never link the nodes some other way
        raise NotUnderstood("not_understood", words=loose[0].text)
    marks = [m for m in marks if not any(a <= m.start and m.end <= b for a, b in consumed)]
    nodes = _merge_same(nodes, rels, text)
    mem = [n for n in nodes if n.type == "memory"]
    chips = [n for n in nodes if n.type == "chip"]
    if len(mem) == 1 and chips:  # "英伟达的芯片使用什么显存": the chips' memory is asked, one node
        chip = min(chips, key=lambda n: abs(n.start - mem[0].start))
        chip.type, chip.start, chip.end = "memory", min(chip.start, mem[0].start), max(chip.end, mem[0].end)
        nodes = [n for n in nodes if n is not mem[0]]
    if not nodes:
        raise NotUnderstood("no_answer_type")
    if lang == "zh":
        nodes = _zh_closing_classifier(text, nodes)
    among = re.search(r"(?<![A-Za-z])among(?![A-Za-z])", text, re.I) if lang == "en" else None
    if among is not None and any(n is not nodes[0] and n.start >= among.end() and _kind(n) == _kind(nodes[0])
                                 for n in nodes):
        # "Which chip … among Chinese vendors' chips?": the set is written after the question; not read yet
        raise NotUnderstood("not_understood", words=among.group(0))
    answer = _answer_node(text, lang, nodes, atoms)
    agent = _investor_share(text, lang, answer, nodes, rels, atoms, idx)
    if agent is not None:  # "How much did IDG Capital invest in Biren?": the graph has the round's amount, not its share
        raise NotUnderstood("investor_share", names=agent.text)
    for i, a in enumerate(atoms):
        if i in used:
            continue
        node = _verb_fit(text, nodes, a, idx, rels, _attach(text, lang, nodes, a, idx, marks))
        if lang == "en" and node.end <= a.start and any(r.start >= node.end and r.end <= a.start for r in rels):
            node = _pp_head(text, nodes, node, a.start, atoms) or node  # "chips from US vendors are made by TSMC"
        if lang == "en" and a.kind == "region" and node is not answer and answer.end <= a.start and \
                _FINAL_PREDICATE.search(text[:a.start]) and re.fullmatch(r"[\s?.!]*", text[a.end:]):
            # "Which investors in companies that list on the STAR Market are Chinese?": a copula closing the question
            # after a clause that has its own verb says what the asked thing is (not "… vendors that are Chinese")
            node = answer
        if lang == "ja" and _ja_clause_object(text, a, rels, answer, idx):
            node = answer  # "Xに出資したが、…投資家": the first clause's verb is the answer's own
        node.atoms.append(Atom(a.kind, a))
    _anaphora(text, lex, spans, ents, nodes, answer, idx)
    _other(text, lex, marks, ents, nodes, idx)
    _apply_markers(text, lang, nodes, marks, idx, answer, rels, lex.fill)
    _same_architecture(text, nodes, marks)
    _apply_or(text, lang, nodes, marks, rels, lex)
    _coordinated_pairs(text, nodes, idx)
    _coordinated_union(text, nodes, marks, idx, answer)
    edges = []
    chain = [n for n in nodes]
    pairs = list(zip(chain, chain[1:]))
    for a, b in pairs:
        between = [r for r in rels if r.start >= a.end and r.end <= b.start and not _compound_rel(text, r, atoms)]
        if lang != "en":  # verb-final: "…TSMCの7nmに依存しているのは"
            # a relation word standing between a later pair of nodes is theirs ("チップ、その設計会社に投資しているのは誰")
            own = [r for r in rels if not any(r.start >= c.end and r.end <= d.start for c, d in pairs if c is not a)]
            between += [r for r in own if 0 <= r.start - max(a.end, b.end) <= 6]
        fit = [r for r in between if _pair_reads(a, b, r.row["rel"])]
        fit = _verbs_of_pair(text, a, fit)
        if lang == "en" and b is answer and a is nodes[0] and answer is not nodes[0]:
            # "The companies Jeff Bezos backed - which foundries do they depend on?": the question's verb follows it
            fit = [r for r in rels if r.start >= b.end and _pair_reads(a, b, r.row["rel"])] + fit
        if lang == "zh" and not between:  # "领投了超过10亿元融资的投资方": the verb before its object's node
            fit = [r for r in rels if r.end <= a.start and _pair_reads(a, b, r.row["rel"]) and
                   not any(n.start >= r.end and n.end <= a.start for n in nodes) and
                   re.fullmatch(r"[\s的了]*", _blank_atoms(text[r.end:a.start], r.end, atoms))]
        # a listing word that an exchange right after it already reads ("companies listed on the STAR Market, which
        # one has a chip…") does not link the two nodes
        between = [r for r in between if fit or not (r.row["rel"] == "list" and any(
            x.kind in ("exchange", "event") and 0 <= x.start - r.end <= 5 for x in atoms))]
        rel = (fit or between or [None])[0]
        if lang == "en" and rel is not None:
            # "chips from Chinese vendors are made on …": a finite verb right after a prepositional phrase has the
            # head before the phrase as its subject (a relative pronoun, "vendors that are …", keeps the nearest)
            p = _pp_head(text, chain, a, rel.start, atoms)
            if p is not None and _pair_reads(p, b, rel.row["rel"]):
                a = p
        k = chain.index(a) if a in chain else 0
        if lang == "en" and a.type == "process" and b.type in ORGS and k > 0 and chain[k - 1].type == "chip" and (
                (rel is not None and rel.row["rel"] == "design") or (rel is None and re.fullmatch(
                    r"\s*(?:of\s+)?(?:from|by)\s+(?:the\s+)?", _blank_atoms(text[a.end:b.start], a.end, atoms), re.I))):
            # "chips with a node of 7nm or smaller from Chinese vendors", "chips on 12nm processes designed by …": who a
            # product is from is said of the chips, not of the process phrase between them (helper-84; was any vendor
            # using such a process)
            a = chain[k - 1]
            rel = rel or Span(b.start, b.start, "rel", {"kind": "rel", "rel": "design"}, "")
        rel = rel.row["rel"] if rel is not None else None
        head, sibling = _branch_head(spans, edges, a, b)
        if head is not a:  # the second branch reads as the first, unless its own word links the head to it
            a, rel = head, (rel if rel is not None and _pair_reads(head, b, rel) else sibling)
        if lang != "en" and not _links(a, b):
            # "GPGPU架构、又是台积电7nm造的芯片": two modifiers of one head written in a row; the first, which nothing links
            # to the second, modifies the head after them
            later = chain[chain.index(b) + 1:] if b in chain else []
            c = next((n for n in later if _links(a, n)), None)
            if c is not None:
                edges.append((a, c, rel if rel is not None and _pair_reads(a, c, rel) else None))
                continue
        edges.append((a, b, rel))
    if lang == "zh":
        edges = _zh_relative_clauses(text, edges, rels)
    nodes, edges = _distribute_both(nodes, edges, marks, answer, idx, text)
    nodes, edges = _both_sizes(nodes, edges, marks, answer, text)
    _linked_through_negation(text, nodes, edges, answer)
    # "Google announced several chips in 2023 - which of them …": a count word on the asked set itself describes it
    # (a count filter needs another node to count: "investors that backed several companies")
    marks = [m for m in marks if not (m.row["mark"] == "min_count" and m.end <= answer.start and
                                      not text[m.end:answer.start].strip() and
                                      not any(n is not answer and n.answerable for n in nodes))]
    agg = _aggregate(marks, answer, nodes)
    if agg is None and answer.type == "amount" and any(r.row["rel"] == "raise" for r in rels) and \
            any(t.row.get("total") and answer.start <= t.start < answer.end for t in types) and \
            not any(n is not answer and n.answerable for n in nodes) and \
            any(a.kind == "entity" and not (a.negated or a.excluded) and entity_type(idx, a.span.data, "company") in ORGS
                for a in answer.atoms):
        # "How much did Biren raise in yuan before 2021?": one named company's money over the rounds read, added up
        # (of a set of companies, "How much did companies listed on the STAR Market raise?", each one's stays apart)
        agg = "sum"
    each = [m for m in marks if m.row["mark"] == "each"]
    if each and (agg is not None or answer.type in ("amount", "currency")):
        # "英伟达和AMD分别有多少款芯片": one figure for each named thing, which a single count or total is not
        raise NotUnderstood("not_understood", words=each[0].text)
    g = QueryGraph(lang, nodes, answer, edges, agg, rels, marks, text=text)
    reasons = set()
    if strict_markers(spans) or any(a.kind == "region" for n in nodes for a in n.atoms) or \
            answer.type in ("exchange", "memory", "roundname", "currency") \
            or any(n.also or n.negated for n in nodes):
        reasons.add("constraint")
    if any(m.row["mark"] in COMPLEX_MARKS - STRICT_MARKS for m in marks) or \
            (agg in ("count", "sum") and answer.type in ("round", "amount")):
        reasons.add("aggregate")
    if len([n for n in nodes if n.answerable]) > 1:
        reasons.add("chain")
    if any(n.answerable and sum(1 for a in n.atoms if a.kind != "currency" and not _identity(text, idx, n, a)) > 1
           for n in nodes):
        reasons.add("conjunction")
    g.reasons = reasons
    g.complex = bool(reasons)
    return g


STRICT_MARKS = {"negate", "except", "both", "bare_cmp", "or", "each"}  # ("each": one figure per thing, no form's)
# a currency named as a constraint ("in yuan", "以人民币计", "人民元建て"): no form reads one, so a form's answer
# would mix currencies; "多少人民币" (asking in a currency) is not a constraint


def strict_markers(spans: list[Span]) -> list[Span]:
    """Words no single-relation form reads: negation, exception, conjunction, a listing exchange, a comparison
    other than equality. A question holding one is answered compositionally or declined."""
    return [s for s in spans if (s.kind == "mark" and s.row["mark"] in STRICT_MARKS) or s.kind == "exchange"
            or (s.kind == "cmp" and s.row.get("op") != "=") or (s.kind == "currency" and not s.row.get("asks"))]


def question_markers(question: str, lang: str, mentions: list) -> list[Span]:
    lex = compose_lexicon(lang)
    return strict_markers(read_spans(normalized(question, lang), lex, mentions))


def _harmless(rest: str, lang: str) -> str:
    """`rest` with the coverage lexicon's function words and framing sentences blanked (api/ask/coverage.py), so the
    reading and the decline mechanism agree on which words carry no meaning: a word only the coverage lexicon knew
    ("我想了解一下，…") sent the question to a form, which could answer another kind of thing than the one asked."""
    from api.ask.coverage import coverage_lexicon
    cov = coverage_lexicon(lang)
    for rx in cov.frame:
        rest = rx.sub(lambda m: " " * len(m.group(0)), rest)
    if cov.function is not None:
        rest = cov.function.sub(lambda m: " " * len(m.group(0)), rest)
    return rest


def _check_coverage(text: str, lex: ComposeLexicon, spans: list[Span], lang: str | None = None) -> None:
    chars = list(text)
    for s in spans:
        for i in range(s.start, s.end):
            chars[i] = " "
    if lang is not None:  # the asker's framing is read on the words as written ("For a profile I'm writing:")
        from api.ask.coverage import coverage_lexicon
        for rx in coverage_lexicon(lang).frame:
            for m in rx.finditer(text):
                chars[m.start():m.end()] = " " * (m.end() - m.start())
    rest = "".join(chars)
    rest = lex.fill.sub(" ", rest)
    if lang is not None:  # the decline mechanism's harmless words (politeness, hedges, framing) are harmless here too
        rest = _harmless(rest, lang)
    words = re.findall(r"[A-Za-z0-9][A-Za-z0-9'\-]*|[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]+", rest)
    if words:
        raise NotUnderstood("not_understood", words="、".join(words) if any(ord(c) > 0x2e80 for w in words for c in w)
                            else ", ".join(words))


def _identity(text: str, idx: Any, n: Node, a: Atom) -> bool:
    """An entity written right next to a word of its own class names the node itself ("the Hanguang 800 chip",
    "TPU芯片", "N3Eプロセス")."""
    if a.kind != "entity" or n.implicit:
        return False
    t = entity_type(idx, a.span.data, n.type)
    gap = text[a.span.end:n.start] if n.start >= a.span.end else text[n.end:a.span.start]
    return t == n.type and n.type not in ("company", "org") and len(gap.strip(" の的'’s")) == 0


# a preposition that hangs a node on the head before it ("chips from Chinese vendors"), and the auxiliary of a finite
# verb right after that node ("… are made on", "… were announced"): no relative pronoun between (\0 a blanked name)
_PP_GAP = re.compile(r"\s+(?:from|of|by)\s+(?:the\s+)?[\s\0]*", re.I)
# (or a finite verb itself: "chips from Chinese vendors use GDDR6"; a participle, "vendors using/backed by …", is a
# reduced relative of the nearest node)
_FINITE_GAP = re.compile(r"\s+(?:(?:are|is|were|was|have been|has been|had been)\s+(?:all\s+|also\s+|both\s+)?|"
                         r"(?:all\s+|also\s+|both\s+)?(?=(?:use|uses|rely|relies|depend|depends|feature|features|carry|"
                         r"carries|employ|employs|adopt|adopts|ship|ships|run|runs|come|comes)\b))", re.I)


# the main verb closing an English question ("… are Chinese?"): a copula not opened by a relative pronoun
_FINAL_PREDICATE = re.compile(r"(?<!\bthat)(?<!\bwhich)(?<!\bwho)\s+(?:are|is|were|was)(?:\s+(?:not|also|all|both))?\s+$",
                              re.I)


def _pp_head(text: str, nodes: list[Node], n: Node, upto: int, atoms: list[Span]) -> Node | None:
    """The head node that `n` hangs on by a preposition ("chips from Chinese vendors") when the words from `n` to
    `upto` open with a finite verb's auxiliary ("… are made on", "… were announced in"): that verb's subject."""
    if n not in nodes or nodes.index(n) == 0 or upto < n.end:
        return None
    p = nodes[nodes.index(n) - 1]
    if not _PP_GAP.fullmatch(_blank_atoms(text[p.end:n.start], p.end, atoms)):
        return None
    return p if _FINITE_GAP.match(_blank_atoms(text[n.end:upto], n.end, atoms)) else None


def _pair_reads(a: Node, b: Node, rel: str) -> bool:
    """Whether relation word `rel` links node types a and b in either direction ("融资…领投": lead, not raise)."""
    ta, tb = ("round" if a.type in ROUNDY else a.type, "round" if b.type in ROUNDY else b.type)
    if rel in ("invest", "lead") and ta in ORGS and tb in ORGS:
        return True
    return find_edge(ta, tb, rel) is not None or find_edge(tb, ta, rel) is not None


def _verbs_of_pair(text: str, a: Node, fit: list[Span]) -> list[Span]:
    """"Who invested in Biren without ever leading one of its rounds": of two verbs between a pair of nodes, one whose
    object is a name that qualifies the first node (invested in → Biren) is that name's verb; the other links the pair."""
    if len(fit) < 2:
        return fit
    own = [r for r in fit if any(x.kind == "entity" and 0 <= x.span.start - r.end <= 1 and
                                 not text[r.end:x.span.start].strip() for x in a.atoms)]
    return [r for r in fit if r not in own] or fit


def _links(a: Node, b: Node) -> bool:
    """Whether any edge links node types a and b, in either direction."""
    ta, tb = ("round" if a.type in ROUNDY else a.type, "round" if b.type in ROUNDY else b.type)
    ta, tb = ("company" if ta == "org" else ta, "company" if tb == "org" else tb)
    return find_edge(ta, tb, None) is not None or find_edge(tb, ta, None) is not None


def _zh_relative_clauses(text: str, edges: list, rels: list[Span]) -> list:
    """"投资了采用三星工艺的芯片厂商": the second verb and its object modify the node after 的, so the first verb links
    the node before to that head, and the head to the object: (investor, vendor, invest), (vendor, process, use)."""
    out = list(edges)
    for i in range(len(out) - 1):
        (a, x, _), (x2, y, _) = out[i], out[i + 1]
        if x2 is not x or not re.fullmatch(r"\s*的\s*(?:那些|这些)?\s*", text[x.end:y.start]):
            continue
        verbs = [r for r in rels if r.start >= a.end and r.end <= x.start]
        if len(verbs) < 2:
            continue
        out[i], out[i + 1] = (a, y, verbs[0].row["rel"]), (y, x, verbs[-1].row["rel"])
    return out


def _alias_dropped(text: str, ents: list[Span]) -> list[Span]:
    """A second name of the same entity in apposition ("HongShan（旧セコイア・チャイナ）", "Sequoia China (now
    HongShan)") is one mention: the alias keeps its characters covered but is not a second atom."""
    out: list[Span] = []
    for e in ents:
        prev = out[-1] if out else None
        if prev is not None and set(prev.data) & set(e.data) and \
                re.fullmatch(r"[\s(（\[【,、，]*(?:旧|元|原|前身|formerly|previously|now|現|现)?[\s:：]*", text[prev.end:e.start]):
            prev.end = max(prev.end, e.end)
            close = re.match(r"\s*[)）\]】]", text[prev.end:])
            if close:
                prev.end += close.end()
            prev.text = text[prev.start:prev.end]
            continue
        out.append(e)
    return out


def _class_word_nodes(text: str, nodes: list[Node], ents: list[Span], idx: Any) -> list[Node]:
    """A generic architecture class named where a type word would stand ("Which GPUs…", "哪些GPU", "NPUの…チップ"
    excepted) is itself the chip node when no other word names the chips; its architecture is one of its atoms."""
    out: list[Node] = []
    if any(n.type in ("chip", "memory") for n in nodes):
        return out  # "ASICを採用したチップ", "没有采用NPU架构的芯片": the class word only qualifies the chip node
    for i, a in enumerate(ents):
        es = [idx.entities[x] for x in a.data if x in idx.entities]
        if not es or not all(e.is_a("Architecture") and not e.is_a("Microarchitecture") for e in es):
            continue
        if any(n.type == "chip" and (0 <= n.start - a.end <= 3 or 0 <= a.start - n.end <= 3) for n in nodes):
            continue  # "GPU chips", "GPU芯片", "NPUアーキテクチャのチップ": the type word is the node
        out.append(Node(f"g{i}", "chip", a.start, a.end))
    return out


def _merge_same(nodes: list[Node], rels: list[Span], text: str = "") -> list[Node]:
    """Adjacent nodes of one kind with no relation word between them are one thing ("节点…的工艺", "芯片是哪款",
    "funding rounds … amount"); but an investor written apart from another organisation word is its investor
    ("会社の出資者", "厂商有哪些投资人"; "哪家投资机构" stays one)."""
    out: list[Node] = []
    for n in nodes:
        prev = out[-1] if out else None
        if prev is not None and "investor" in (prev.type, n.type) and \
                {prev.type, n.type} - {"investor"} <= {"company", "vendor", "foundry"} and prev.type != n.type and \
                text[prev.end:n.start].strip():
            out.append(n)
            continue
        if prev is not None and _kind(prev) == _kind(n) and n.answerable and prev.answerable and \
                not any(r.start >= prev.end and r.end <= n.start for r in rels) and \
                not (prev.cls and n.cls and prev.cls != n.cls) and \
                not ({prev.type, n.type} <= {"vendor", "foundry"} and prev.type != n.type) and \
                not re.search(r"(?<![A-Za-z])(?:do|does|did)(?![A-Za-z])", text[prev.end:n.start], re.I) and \
                not _ja_verb_argument(text, prev, n, rels):
            # ("哪些代工厂为中国厂商制造芯片": a foundry and a vendor are two parties, never one node; "Which foundries
            # do the companies Tencent invested in depend on?": the auxiliary opens a clause whose subject is another)
            par = _PARALLEL.fullmatch(text[prev.end:n.start])
            if par is not None:
                # "NVIDIA's chips and AMD's chips", 「エヌビディアのチップの数と、AMDのチップの数」, "英伟达的芯片和AMD的芯片":
                # the head said again after a second name is a second set (each counted or listed apart), not one
                # node the two names both qualify (chips of NVIDIA and of AMD at once: none)
                raise NotUnderstood("not_understood", words=par.group("cnt") or par.group("co").strip(" 、,"))
            if n.type in ("amount", "exchange", "memory", "roundname", "currency") or prev.type in ("org", "company"):
                prev.type = n.type  # the more specific word names the node ("哪家代工厂": a foundry)
            prev.cls = prev.cls or n.cls
            prev.ipo = prev.ipo or n.ipo
            prev.lead = prev.lead or n.lead
            prev.also += [c for c in n.also if c not in prev.also]
            prev.negated = prev.negated or n.negated
            prev.end = n.end
            continue
        out.append(n)
    return out


def _ja_verb_argument(text: str, prev: Node, n: Node, rels: list[Span]) -> bool:
    """"韓国の企業はどこに投資していますか": a topic (は/が) and then a word with a case particle (に/へ/から) right
    before a relation word are the verb's two parties (the investor and where it invests), never one node (helper-85;
    merged, the verb was left unread and the Korean companies themselves were listed)."""
    if text[prev.end:n.start].strip() not in ("は", "が"):
        return False
    m = re.match(r"\s*(?:に|へ|から)\s*", text[n.end:])
    return m is not None and any(r.start == n.end + m.end() for r in rels)


# between two heads of one kind: a coordinator, then a second name with its possessive ("の数と、AMDの", "和AMD的")
_PARALLEL = re.compile(r"\s*(?:の|的)?\s*(?P<cnt>数量?|件数|個数)?\s*(?P<co>と\s*、?|、|和|与|跟|及|,\s*and|and|,)\s*"
                       r"(?=\S)[^、,，。？?]{1,30}?\s*(?:の|的|'s|’s)\s*", re.I)


def _drop_chip_modifier(text: str, nodes: list[Node], rels: list[Span]) -> list[Node]:
    """A chip word written right before an organisation, round or amount word only says what kind of company it is
    ("AI chip companies", "AIチップ企業", "AI chip IPOs"): the organisation becomes a chip vendor, the chip node goes."""
    out: list[Node] = []
    for i, n in enumerate(nodes):
        nxt = nodes[i + 1] if i + 1 < len(nodes) else None
        if n.type == "chip" and not n.cls and nxt is not None and nxt.type in ORGS | {"round", "amount", "arch"} and \
                not text[n.end:nxt.start].strip(" の的" if nxt.type != "arch" else " ") and \
                not any(r.start >= n.end and r.end <= nxt.start for r in rels):
            if nxt.type in ("company", "org"):
                nxt.type = "vendor"
            nxt.start = n.start
            continue
        out.append(n)
    return out


def _amount_of_round(nodes: list[Node]) -> list[Node]:
    """"How much did companies listed on the STAR Market raise in their IPOs?": one amount asked and one round named
    apart from it are one thing, the round's amount (else the amount would be any round's)."""
    amounts = [n for n in nodes if n.type == "amount"]
    rounds = [n for n in nodes if n.type == "round"]
    if len(amounts) != 1 or len(rounds) != 1:
        return nodes
    a, r = amounts[0], rounds[0]
    a.ipo = a.ipo or r.ipo
    a.cls = a.cls or r.cls
    return [n for n in nodes if n is not r]


def _raise_as_round(text: str, spans: list[Span], ents: list[Span] = ()) -> list[Span]:
    """A raising word right after an amount comparison names the round, not the act ("领投了超过10亿元融资的投资方":
    a financing of over 1 billion yuan): it becomes a round type word."""
    out = []
    for i, s in enumerate(spans):
        j = i - 1  # a currency between them ("15億元を超える人民元建ての資金調達") qualifies the same round
        while j > 0 and spans[j].kind == "currency" and not spans[j].row.get("asks") and \
                re.fullmatch(r"\s*(?:的|の)?\s*", text[spans[j].end:spans[j + 1].start]):
            j -= 1
        prev = spans[j] if j >= 0 and i else None
        if s.kind == "rel" and s.row["rel"] == "raise" and prev is not None and prev.kind == "cmp" and \
                isinstance(prev.data, dict) and prev.data.get("q") == "A" and \
                re.fullmatch(r"\s*(?:的|の)?\s*", text[prev.end:spans[j + 1].start]) and \
                not any(t.kind == "type" and t.row.get("type") in ("round", "amount") and not (
                    t.row.get("type") == "amount" and t.end <= prev.start and
                    re.fullmatch(r"[\s的のはが]*", text[t.end:prev.start])) for t in spans):
            # (an amount word the comparison is said of, "金额超过5亿美元的融资", is the round's: helper-84)
            s = Span(s.start, s.end, "type", {"kind": "type", "type": "round"}, s.text)
        elif s.kind == "rel" and s.row["rel"] == "raise":
            took = next((m for e in ents if re.fullmatch(r"\s*(?:的)?\s*", text[e.end:s.start])
                         for m in [_PARTAKE_ZH.search(text[:e.start])] if m), None)
            if took is not None:
                # "参与燧原科技融资的投资方": took part in the company's financing, i.e. invested in it (its rounds, or
                # a stated investment; a year said with it dates the rounds): the word before the name is the relation
                s = Span(took.start(), took.end(), "rel", {"kind": "rel", "rel": "invest"}, took.group(0))
        out.append(s)
    return sorted(out, key=lambda x: x.start)


_PARTAKE_ZH = re.compile(r"(?:参与|参加|参投)(?:了|过)?\s*(?:(?:19|20)\d\d\s*年\s*(?:的)?)?\s*$")  # (a year said between)


def _merge_money(nodes: list[Node], rels: list[Span], spans: list[Span] = (), text: str = "") -> list[Node]:
    """An amount next to a round with only a raising or listing word between them is that round's amount ("the
    amount raised by the IPOs", "IPOで調達した額"). An amount word that a comparison constrains ("金额在10亿到20亿元
    之间的轮次", "rounds whose amount is over $1B") only says which rounds: the merged node is the round."""
    out: list[Node] = []
    for n in nodes:
        prev = out[-1] if out else None
        if prev is not None and {prev.type, n.type} == {"amount", "round"}:
            between = [r for r in rels if r.start >= prev.end and r.end <= n.start]
            if all(r.row["rel"] in ("raise", "list") for r in between):
                amount = prev if prev.type == "amount" else n
                typ = "round" if _amount_constrained(amount, spans, text) else "amount"
                prev.type, prev.cls, prev.ipo, prev.end = typ, None if typ == "amount" else (prev.cls or n.cls), \
                    prev.ipo or n.ipo, n.end
                continue
        out.append(n)
    return out


def _amount_constrained(n: Node, spans: list[Span], text: str) -> bool:
    """Whether an amount comparison follows the amount word ("金额在…之间", "amount of over $1B", "額が10億元以上")."""
    for s in spans:
        if s.kind == "cmp" and isinstance(s.data, dict) and s.data.get("q") == "A" and s.start >= n.end and \
                re.fullmatch(r"[\s的のはがをで]*(?:is|was|were|of|in|at)?\s*", text[n.end:s.start]):
            return True
    return False


def _kind(n: Node) -> str:
    if n.type == "memory":
        return "chip"
    return "round" if n.type in ROUNDY else GENERAL.get(n.type, n.type)


_IPO_WORD = re.compile(r"ipo|initial public offering|新規株式公開|首次公开募股|首发", re.I)


def _ipo_word(rels: list[Span], nodes: list[Node]) -> None:
    """The word "IPO" read as a listing verb still says which round the money was raised in ("募资额低于30亿元的IPO",
    "raised the most in its IPO"): the round, amount or currency asked about is the IPO's ("what currency was X's
    IPO in", "XのIPOは何の通貨建て": the IPO round's currency, not every round's)."""
    if any(r.row["rel"] == "list" and _IPO_WORD.search(r.text) for r in rels):
        for n in nodes:
            if n.type in ("round", "amount", "currency"):
                n.ipo = True


def _implied_round(spans: list[Span], nodes: list[Node]) -> list[Node]:
    """"Which company raised the most", "IPOで最も多く調達した企業": the largest amount is a round's, though no round
    word is written; a raising or listing word must say so."""
    if any(n.type in ("amount", "round") for n in nodes) or not any(
            s.kind == "rel" and s.row["rel"] in ("raise", "list") for s in spans):
        return []
    most = [s for s in spans if s.kind == "mark" and s.row["mark"] in ("max_amount", "max_count", "sum", "min_amount")
            or (s.kind == "mark" and s.row["mark"] == "min_nm" and not any(t.kind == "type" and t.row.get("type") in
                                                                            ("process", "chip") for t in spans))]
    if any(s.kind == "mark" and s.row["mark"] == "count" for s in spans):
        most = [s for s in most if s.row["mark"] != "sum"]  # "一共有几家": the total is the count, not money raised
    if not most:  # "IPOが一番早かったのはどこ", "had the earliest IPO": the first or last round by date
        dated = [s for s in spans if s.kind == "mark" and s.row["mark"] in ("min_year", "max_year")]
        if dated and not any(t.kind == "type" and t.row.get("type") in ("chip", "cluster", "process") for t in spans):
            return [Node("r_when", "round", dated[0].start, dated[0].end, answerable=False)]  # (orders, never asked)
    return [Node("r_most", "amount", most[0].start, most[0].end)] if most else []


def _asked_amount(spans: list[Span], nodes: list[Node]) -> list[Node]:
    """"融资了多少人民币", "何ドル調達した": a currency asked for with a wh-word is the amount the question wants."""
    if any(n.type in ("amount", "round") for n in nodes):
        return []
    return [Node(f"m{i}", "amount", s.start, s.end) for i, s in enumerate(spans)
            if s.kind == "currency" and s.row.get("asks")][:1]


def _listed_atoms(spans: list[Span]) -> list[Span]:
    """A listing word with no exchange, round or time event to carry it ("companies that are listed", "上場していない
    企業", "还没有上市的公司") says the company has listed: an atom of its own, which a negation can reach."""
    if any(s.kind in ("exchange", "event") or (s.kind == "type" and s.row.get("type") in ROUNDY)
           for s in spans):
        return []
    return [Span(s.start, s.end, "listed", s.row, s.text) for s in spans
            if s.kind == "rel" and s.row["rel"] == "list" and not _IPO_WORD.search(s.text)
            and s.text.strip().lower() != "list"][:1]  # "List the chips…" asks for a list


def _event_atoms(text: str, atoms: list[Span], spans: list[Span]) -> list[Span]:
    """"before its IPO", "香港でのIPOより前に", "上市之前": a time window relative to the company's listing. An exchange
    written right before the event ("香港での", "在港交所") names the listing, not the rounds asked about."""
    events = [s for s in spans if s.kind == "event"]
    if not events:
        return atoms
    out = [a for a in atoms]
    for ev in events:
        ev.data = {"event": ev.row["event"], "op": ev.row["op"], "exchange": None}
        ex = [a for a in out if a.kind == "exchange" and a.end <= ev.start and
              re.fullmatch(r"\s*(?:での|の|で|的|在)?\s*", text[a.end:ev.start])]
        if ex:
            ev.data["exchange"] = ex[-1].row["value"]
            out.remove(ex[-1])
        out.append(ev)
    return sorted(out, key=lambda s: s.start)


_AMONG_JA = re.compile(r"\s*(?:の)?(?:中で|中から|うち|で、|では、|で(?=\s*(?:最も|一番|いちばん)))")
_ASKED_SUBJECT_JA = re.compile(r"\s*(?:を|に|で|が)[^、。？?]*?のは\s*(?:どれ|どの|何|なに|どこ|誰|[？?]?\s*$)")
# "…プロセスのものはどれ", "…で製造されたものを挙げて": the closing もの ("the one") is an item of the set named before
_ASKED_THING_JA = re.compile(r"\s*(?:の|(?:を|に|で|が)[^、。？?]*?)もの\s*(?:は|を|が|[？?。]?\s*$)")


def _ja_among(text: str, nodes: list[Node], blank: str = "") -> Node | None:
    """"Xのチップの中で最も微細なプロセスを使っているのはどれ": the set named before の中で/のうち is what is asked
    for when a later node is the object of the closing clause (…を使っているのは); the later node only qualifies it."""
    for i, n in enumerate(nodes[:-1]):
        if _AMONG_JA.match(text, n.end) and (_ASKED_SUBJECT_JA.match(text, nodes[-1].end) or
                                             _ASKED_THING_JA.match(text, nodes[-1].end)):
            if nodes[-1].type == "investor" and n.type not in ("investor", "org") and \
                    re.match(r"\s*を\s*(?:務め|つとめ|担)", text[nodes[-1].end:]):
                # "GlobalFoundriesで作られたチップの設計会社で、リード投資家を務めたのは": the investor role is played in
                # that company's rounds, so the investor is asked, not one of the companies (helper-84)
                continue
            return n
        if i == len(nodes) - 2 and _AMONG_DE_JA.match(text, n.end) and _kind(n) != _kind(nodes[-1]) and \
                _OF_THING_JA.match(text, nodes[-1].end) and _NAMED_ONLY_JA.fullmatch(text, n.end + 1, nodes[-1].start):
            # "グーグルのチップでNPUアーキテクチャのものは": the chips of that architecture (only a name between, no
            # verb: "ファウンドリで作られるチップ…のもの" is where they are made)
            return n
        if i == len(nodes) - 2 and blank and n.type not in ROUNDY and _AMONG_DE_JA.match(text, n.end) and \
                _kind(n) != _kind(nodes[-1]) and _PLACE_OBJECT_JA.match(text, nodes[-1].end) and \
                _NAMED_ONLY_JA.fullmatch(blank.replace("の", " "), n.end + 1, nodes[-1].start):
            # "ファーウェイのチップで7nm以下のプロセスで作られているのは": the later node is the closing verb's place or
            # object (…で作られている), so what is asked is an item of the set before で (only named constraints between)
            return n
    return None


# "Xのチップで<attribute>のものは…": で without a comma opens the condition when the thing closing it is "Yのもの"
_AMONG_DE_JA = re.compile(r"\s*で(?![、,])")
_OF_THING_JA = re.compile(r"\s*のもの\s*(?:は|を|が|[？?。]?\s*$)")
_NAMED_ONLY_JA = re.compile(r"[^\u3040-\u309f、。，,]{0,24}")
# "…プロセスで作られているのは", "…HBM3を搭載しているのは": the node is the closing verb's place or object (not "…投資家に
# なったのは", "…を務めたのは", which say what the asked thing is)
_PLACE_OBJECT_JA = re.compile(r"\s*(?:で|を)(?!務め|担|つとめ)[^、。？?]*?のは\s*(?:どれ|どの|何|なに|[？?]?\s*$)")


# (the comma may be left out: "2022年发布的芯片中工艺最先进的是哪款" asked another chip on the same process; helper-84)
_ZH_SET = re.compile(r"\s*(?:当中|之中|里面|中(?![国芯])|里)\s*[，,、]?")
_ZH_CLOSING = re.compile(r"是?\s*哪(?:一)?(?:款|家|个|种)\s*[？?]?\s*$")


def _zh_closing_classifier(text: str, nodes: list[Node]) -> list[Node]:
    """"中国厂商的芯片中，制程最先进的是哪款？": the closing 哪款 asks for one of the set named before 中, not a second
    node; the set's node is then the answer (marked by moving the classifier's span onto it)."""
    last = nodes[-1]
    if len(nodes) >= 2 and re.fullmatch(r"\s*[？?]?\s*", text[last.end:]) and \
            re.fullmatch(r"\s*是\s*", text[nodes[-2].end:last.start]) and _kind(nodes[-2]) == _kind(last) and \
            re.fullmatch(r"哪(?:一)?(?:款|家|个|种)", text[last.start:last.end]):
        # "投资了最多公司的机构是哪家": the closing 哪家 right after "<noun>是" asks which of that noun (helper-84)
        nodes[-2].asked = True
        return nodes[:-1]
    if len(nodes) >= 2 and last.type == "org" and re.fullmatch(r"\s*[？?]?\s*", text[last.end:]) and \
            re.search(r"的\s*(?:有|是)\s*$", text[:last.start]):
        # "摩尔线程的股东里做过领投方的有谁": the closing 谁 asks who of the set named before 里/中 (helper-84)
        for n in nodes[:-1]:
            if _kind(n) == "company" and re.match(r"\s*(?:当中|之中|里面|中|里)", text[n.end:]):
                n.asked = True
                return nodes[:-1]
    if len(nodes) < 2 or len(text[last.start:last.end]) > 1 or not _ZH_CLOSING.search(text[max(0, last.start - 3):]):
        return nodes
    for n in nodes[:-1]:
        if _kind(n) == _kind(last) and _ZH_SET.match(text, n.end):
            n.asked = True
            return nodes[:-1]
    return nodes


_SENTENCE_END = re.compile(r"[？?。]")


def _last_question(text: str, lang: str, real: list[Node], atoms: list[Span]) -> Node | None:
    """"用达芬奇架构的芯片是哪家公司的？这家公司依赖哪些代工厂": two questions in a row, the first a step towards the
    second; the node the last sentence asks for is the answer (read as a question of its own)."""
    ends = [m.end() for m in _SENTENCE_END.finditer(text.rstrip("？?。 "))]
    if not ends:
        return None
    later = [n for n in real if n.start >= ends[-1]]
    if not later or len(later) == len(real):
        return None
    tail = _answer_node(text[ends[-1]:], lang, [_shifted(n, -ends[-1]) for n in later],
                        [s for s in atoms if s.start >= ends[-1]] and
                        [Span(s.start - ends[-1], s.end - ends[-1], s.kind, s.row, s.text, s.data)
                         for s in atoms if s.start >= ends[-1]])
    return next((n for n in later if n.start - ends[-1] == tail.start and n.type == tail.type), None)


def _shifted(n: Node, by: int) -> Node:
    return Node(n.var, n.type, n.start + by, n.end + by, n.cls, answerable=n.answerable, asked=n.asked)


# what may stand between an investing party and its verb when it is that verb's agent: an auxiliary or possessive
# ("IDG Capital did invest", "Intel Capital's investment"), a topic/subject particle and the company it put money into
# ("IDGキャピタルは壁仞科技にいくら出資", "インテルキャピタルのハバナラボへの投資"), a preposition with that company
# ("IDG资本向壁仞科技投了", "腾讯在燧原科技上投资", "英特尔资本对Habana Labs的投资额"); \0 is a blanked name
_AGENT_GAP = {"en": re.compile(r"\s*(?:'s|’s)?\s*(?:did|does|do|has|have|had|will)?\s*", re.I),
              "ja": re.compile(r"\s*(?:は|が|も|の)?\s*(?:\0+\s*(?:に対して|に対する|に|へ)の?\s*)?(?:いくら|何円|どれだけ|どのくらい)?\s*(?:を)?\s*"),
              "zh": re.compile(r"\s*(?:(?:向|对|在|给|为)\s*\0+\s*(?:上|中|里)?\s*(?:的)?)?\s*")}
# a verb whose subject receives the money ("backed by", "出資を受けた", "获得了…投资"): its named party is no agent
_RECEIVED = re.compile(r"\bby$|受け|获得|拿到|得到", re.I)


def _investor_share(text: str, lang: str, answer: Node, nodes: list[Node], rels: list[Span], atoms: list[Span],
                    idx: Any) -> Span | None:
    """The named organisation whose own contribution an amount question asks ("How much did IDG Capital invest in
    Biren?", "サムスンはTenstorrentにいくら投資した？", "三星投资Tenstorrent的金额"): the graph records a round's
    amount and its parties, not what each party put in, so answering the round's amount would be a confident wrong
    answer. None when the amount is a company's raise or a round's ("How much did Biren raise in the round led by
    IDG?", "IDG资本领投的那一轮融资金额")."""
    gap_rx = _AGENT_GAP.get(lang)
    if gap_rx is None or answer.type != "amount" or any(n.type == "round" for n in nodes):
        return None
    if any(r.row.get("rel") in ("raise", "lead", "list") for r in rels):
        return None
    ents = [a for a in atoms if a.kind == "entity"]
    orgs = [a for a in ents if entity_type(idx, a.data, "company") in ORGS]
    if len({a.data for a in orgs}) >= 2 and not any(x.kind in ("roundname", "event", "listed") for x in atoms) and all(
            not _COORD_AND.fullmatch(text[x.end:y.start]) for x, y in zip(orgs, orgs[1:])):
        # two organisations on one amount with no raise, round or coordination ("What was Intel Capital's investment in
        # Habana Labs?", "Tenstorrentにサムスンが出した金額"): what one put into the other, named as the investor
        # the vocabulary knows or the one a subject particle or possessive marks
        return next((a for a in orgs if entity_type(idx, a.data, "investor") == "investor"), None) or next(
            (a for a in orgs if re.match(r"\s*(?:が|は|'s|’s|向|对|在)", text[a.end:])), orgs[0])
    for a in orgs:
        blanked = "".join("\0" if any(b is not a and b.start <= i < b.end for b in ents) else c
                          for i, c in enumerate(text))
        for r in rels:
            if r.row.get("rel") != "invest" or r.start < a.end or _RECEIVED.search(r.text):
                continue
            gap = blanked[a.end:r.start]
            if any(n.start >= a.end and n.end <= r.start and n is not answer for n in nodes):
                continue  # another thing asked between them is the verb's subject
            if gap_rx.fullmatch(gap):
                return a
    return None


def _answer_node(text: str, lang: str, nodes: list[Node], atoms: list[Span]) -> Node:
    real = [n for n in nodes if n.answerable] or nodes
    asked = [n for n in real if n.asked]
    if asked:
        return asked[0]
    if lang == "en":
        late = _late_wh(text, real)
        if late is not None:
            return late
        first = real[0]
        if len(real) > 1 and first.type in ORGS and real[1].type not in ORGS and \
                re.fullmatch(r"\s*(?:'s|')\s+", _blank_atoms(text[first.end:real[1].start], first.end, atoms)) and \
                not re.search(r"(?<![A-Za-z])(?:which|what|whose)\s*$", _blank_atoms(text[:first.start], 0, atoms), re.I):
            # "Chinese vendors' chips made by TSMC", "list US companies' chips with HBM3": the possessive names whose
            # chips; the thing possessed is asked (helper-84; was the vendors). "Which vendors' chips …" asks the vendors.
            return real[1]
        return first
    last = _last_question(text, lang, real, atoms)
    if last is not None:
        return last
    if real[0].type == "org":  # "谁设计了…", "誰が…": the asking word itself
        return real[0]
    chars = list(text)
    for a in atoms:
        for i in range(a.start, a.end):
            chars[i] = " "
    blank = "".join(chars)
    among = _ja_among(text, real, blank) if lang == "ja" else None
    if among is not None:
        return among
    wh = _WH_ZH if lang == "zh" else _WH_JA
    if lang == "zh":  # "AMD的芯片中，哪些不是…", "沐曦的芯片中哪一款…": the set named before 中 is asked for
        # (a count over the set too: "2024年发布的芯片中，有几款采用…" counts those chips, not the processes)
        w = re.search(r"哪些|哪一款|哪款|哪一家|哪家|哪个|哪几|(?<!哪)几(?:款|家|个|种)|多少(?:款|家|个|种)", blank)
        if w is not None:
            for n in real:
                # …and "推理芯片有哪些是采用7纳米工艺的": which of the chips are (not "公司有哪些投资者": its investors)
                gap = blank[n.end:w.start()]
                if n.end <= w.start() and (re.fullmatch(r"\s*(?:中|里|当中|之中|里面)\s*[，,、]?\s*(?:有)?\s*", gap) or
                                           (re.fullmatch(r"\s*有\s*", gap) and
                                            not any(m.start >= w.end() and not blank[w.end():m.start].strip()
                                                    for m in real))):
                    return n
    for n in real:
        before = blank[:n.start].rstrip()  # "どこの", "どの" end in の: read before stripping particles
        if wh.search(before) or wh.search(before.rstrip(" 的の")) or (lang == "zh" and text[n.start:n.end].startswith(("哪", "多少", "几"))) \
                or (lang == "zh" and re.search(r"哪|多少|几", blank[n.start:n.end])):  # "…公司里，哪一家": merged into one node
            return n
    if lang == "zh" and re.match(r"\s*(?:请问)?\s*(?:哪些|哪几(?:家|款|个)?|哪(?:一)?(?:家|款|个))(?!是)", blank):
        # "哪些依赖台积电的芯片厂商没有…": a leading wh-word asks for the head of the relative clause after it
        return real[0]
    return real[-1]


def _attach(text: str, lang: str, nodes: list[Node], a: Span, idx: Any, marks: list[Span]) -> Node:
    """The node an atom qualifies: English post-modifies (the nearest node before it) unless the atom directly
    precedes a type word ("Chinese companies", "Huawei's chips"); Japanese and Chinese pre-modify (the nearest
    node after it). An excluded entity ("apart from TSMC") qualifies the nearest node of its own type."""
    if a.kind in ("currency", "event") or (a.kind == "cmp" and a.data and a.data.get("q") in ("A", "Y") and
                                             (a.data.get("q") == "A" or any(n.type in ("round", "amount") for n in nodes))):
        # an amount, and a year where rounds are asked about ("rounds … raised in 2021"), are the rounds' own
        money = [n for n in nodes if n.type in ("round", "amount")]
        if money:
            return min(money, key=lambda n: abs(n.start - a.start))
    if lang == "zh" and a.kind == "entity" and text[:a.start].endswith("由"):
        topic = [n for n in nodes if n.end <= a.start and not text[n.end:a.start - 1].strip()]
        if topic:  # "芯片由格罗方德代工的公司": the foundry made the chips, it does not qualify the companies
            return topic[-1]
    fit_nodes = [n for n in nodes if _bears(n, a)]
    if fit_nodes and len(fit_nodes) < len(nodes):
        nodes = fit_nodes  # "chips made on TSMC's 5nm process launched in 2023": a process has no year
    excluded = any(m.row["mark"] == "except" and _near(text, m, a) for m in marks)
    if a.kind == "entity" and excluded:
        fit = [n for n in nodes if _fits(entity_type(idx, a.data, n.type), n.type)]
        if fit:
            return min(fit, key=lambda n: abs(n.start - a.start))
    after = [n for n in nodes if n.start >= a.end]
    before = [n for n in nodes if n.end <= a.start]
    inside = [n for n in nodes if n.start <= a.start and a.end <= n.end]
    if inside:
        return inside[0]
    if lang == "en":
        if after and re.fullmatch(r"\s*(?:'s|’s|')?\s*", text[a.end:after[0].start]):
            return after[0]
        if after and a.kind == "entity" and re.fullmatch(r"\s*,?\s*as\s+(?:an?\s+|the\s+)?", text[a.end:after[0].start], re.I):
            return after[0]  # "Intel, as a foundry, …": the name in that role
        if after and a.kind == "entity" and _COMPOUND.fullmatch(text[a.end:after[0].start]):
            return after[0]  # "Tencent-backed vendors", "TSMC-made chips": the compound qualifies the word after it
        return before[-1] if before else after[0]
    return after[0] if after else before[-1]


# a name, a hyphen and a participle before a type word ("Tencent-backed vendors", "TSMC-made chips"): the name is
# the participle's agent, and the participle relates it to that word's node only (never links two nodes)
_COMPOUND = re.compile(r"-(?:[a-z]+ed|made|built)\s+", re.I)


def _compound_rel(text: str, r: Span, atoms: list[Span]) -> bool:
    """Whether relation word `r` is the participle of a name-hyphen compound ("Tencent-backed")."""
    return r.start >= 1 and text[r.start - 1] == "-" and any(a.kind == "entity" and a.end == r.start - 1 for a in atoms)


_JA_CLAUSE_END = re.compile(r"\s*(?:した|している|していた|してきた|する|しており|していて|して)?\s*"
                            r"(?:が|けれど(?:も)?|ものの|ても|一方(?:で)?)?\s*[、,]")


def _linked_through_negation(text: str, nodes: list[Node], edges: list, answer: Node) -> None:
    """A node that reaches the answer only through a negated node ("Xに出資した投資家のうち、Xのラウンドをリードした
    ことがない投資家": the first investors hang off the rounds no one may have led) constrains nothing the query can
    say: the question is declined, naming it."""
    if not any(n.negated for n in nodes):
        return
    seen, todo = {id(answer)}, [answer]
    while todo:
        cur = todo.pop()
        for a, b, _ in edges:
            for x, y in ((a, b), (b, a)):
                if x is cur and id(y) not in seen:
                    seen.add(id(y))
                    if not y.negated:
                        todo.append(y)
    left = [n for n in nodes if id(n) not in seen and not n.negated and n.answerable]
    if left:
        raise NotUnderstood("not_understood", words=text[left[0].start:left[0].end])


def _ja_clause_object(text: str, a: Span, rels: list[Span], answer: Node, idx: Any) -> bool:
    """"Biren Technologyに出資したが、そのラウンドを…ない投資家": a name, its verb, then a clause break before any node
    is the object of a verb whose subject is the node asked for (the investors invested in it)."""
    if a.kind != "entity" or answer.start < a.end:
        return False
    verb = next((r for r in rels if 0 <= r.start - a.end <= 2 and re.fullmatch(r"\s*(?:に|を|と|へ)?\s*", text[a.end:r.start])),
                None)
    t = entity_type(idx, a.data)
    return verb is not None and t is not None and bool(_JA_CLAUSE_END.match(text, verb.end)) and \
        _pair_reads(answer, Node("_", t, 0, 0), verb.row["rel"])


def _verb_fit(text: str, nodes: list[Node], a: Span, idx: Any, rels: list[Span], node: Node) -> Node:
    """"华为的芯片里哪些用了达芬奇架构，而且是台积电代工的": a name whose own verb stands right next to it ("台积电代工")
    qualifies a node that verb can link it to; when the node read by position cannot be, the nearest one that can."""
    if a.kind == "cmp" and isinstance(a.data, dict) and a.data.get("q") == "Y" and node.type != "chip":
        # "2021年に発表された、中国企業のチップ", "2021年发布的中国公司的芯片", "chips of Chinese companies announced in
        # 2021": a year said with a launch verb is when a chip came out, never a company's round
        said = next((r for r in rels if r.row.get("rel") == "design" and not re.fullmatch(r"from|behind", r.text, re.I)
                     and (0 <= r.start - a.end <= 1 or 0 <= a.start - r.end <= 1)), None)
        chips = [n for n in nodes if n.type == "chip"]
        if said is not None and chips:
            return min(chips, key=lambda n: abs(n.start - a.start))
    if a.kind != "entity":
        return node
    verb = next((r for r in rels if 0 <= r.start - a.end <= 1), None)  # the name is the verb's subject
    ts = [t for cls, t in CLASS_TYPES if any(idx.entities[i].is_a(cls) for i in a.data if i in idx.entities)]
    ts = [t for t in ts if t != "company"] or ts  # its most specific kinds
    if verb is None or not ts or (node.implicit and not any(t == "foundry" for t in ts)):
        return node  # (a foundry before an implicit process of its own may be another node's: "サムスンに依存している
        # けれど、Samsung 14nmは使っていない": the vendors rely on Samsung)
    def links(n: Node) -> bool:  # an edge row written for exactly these types (a foundry is not any company here)
        nt = "round" if n.type in ROUNDY else n.type
        kinds = (nt, GENERAL.get(nt, nt))  # the node's own type or its general one (a vendor is a company)
        return any((verb.row["rel"] in r["rels"] or verb.row.get("loose")) and ((r["a"], r["b"]) in {(x, t) for x in kinds} | {(t, x) for x in kinds})
                   for r in edges_table() for t in ts)
    if links(node):
        return node
    fit = [n for n in nodes if links(n) and not n.implicit]
    return min(fit, key=lambda n: abs(n.start - a.start)) if fit else node


# which node types a constraint can be checked on: a year (announced, dated rounds), a node size, a memory type
_BEARS = {"Y": {"cluster", "chip", "round", "amount", "company", "org", "vendor", "investor", "foundry", "memory"},
          "N": {"process", "chip", "foundry", "company", "org", "vendor", "memory"},
          "memory": {"chip", "company", "org", "vendor"},
          # a listing is a company's (its IPO round's), never a chip's: "在港交所上市、且有芯片采用…的公司"
          "exchange": {"company", "org", "vendor", "investor", "foundry", "round", "amount", "exchange", "roundname",
                       "currency"}}


def _bears(n: Node, a: Span) -> bool:
    key = a.data.get("q") if a.kind == "cmp" and isinstance(a.data, dict) else a.kind
    allowed = _BEARS.get(key)
    return allowed is None or n.type in allowed


def _fits(t: str | None, node_type: str) -> bool:
    if t is None:
        return False
    return t == node_type or (t in ORGS and node_type in ORGS)


def _near(text: str, m: Span, a: Span) -> bool:
    gap = text[m.end:a.start] if m.end <= a.start else text[a.end:m.start]
    return len(gap.strip(" ,、，の")) <= 2


_COPULA = {"en": r"\s*(?:(?:is|are|was|were)(?:\s+(?P<neg>not)|(?P<negc>n['’]t))?\s+(?:itself|themselves|also|both)?\s*(?:an?\s+)?"
                # "Of X's investors, which one is also a foundry?": the set, then which of it is also one
                r"|,?\s*(?:that|which|who)(?:\s+(?:one|ones|of them))?\s+(?:is|are)(?:\s+(?P<neg2>not)|(?P<neg2c>n['’]t))?\s+(?:also\s+)?(?:an?\s+)?"
                # "act (both) as a foundry and as an investor", "are not classed as training chips", "double as"
                r"|(?:(?:that|which|who)\s+)?(?:also\s+)?(?:(?:do|does)(?:\s+(?P<neg3>not)|(?P<neg3c>n['’]t))\s+)?"
                r"(?:acts?|serves?|functions?|doubles?|operates?|counts?)\s+(?:both\s+|also\s+)?as\s+(?:both\s+)?(?:an?\s+)?"
                r"|,?\s*(?:(?:that|which|who)(?:\s+(?:one|ones|of them))?\s+)?"
                r"(?:is|are)(?:\s+(?P<neg4>not)|(?P<neg4c>n['’]t))?\s+(?:also\s+)?(?:classed|classified|categori[sz]ed|labell?ed|marketed|sold|listed|"
                r"tagged|designated)"
                r"\s+as\s+(?:an?\s+)?)",
           "ja": r"\s*(?:で(?:ありながら|ありつつ|あり|もあり|あって)、?|かつ)\s*",
           "zh": r"\s*(?:(?:中|里|当中|之中)\s*[，,]?\s*(?:有)?(?:哪些|哪款|哪一款|哪几款|哪个|哪家)\s*)?"
                 r"(?:同时|也|又|并且|而且)?\s*(?:(?P<neg>不是|并非|非|不属于|(?:没有|未|不)(?:被)?(?:标|列|归|划|定位)(?:为|成))|又是|也是|"
                 r"同时(?:也)?是|而且是|并且是|属于|(?:被)?(?:标|列|归|划|定位)(?:为|成))\s*"
                 # "投资壁仞科技的公司中，哪些是芯片设计公司": which of the set is one (a bare 是 after the set's 中…哪些)
                 r"|\s*(?:中|里|当中|之中)\s*[，,]?\s*(?:有)?(?:哪些|哪几家|哪一家|哪家|哪个)\s*(?:就|都)?是\s*"}


_OF_NAME = re.compile(r"\s+(?:of|from|in|behind)\s+(?:the\s+)?(?=\s)", re.I)  # (the name blanked out)
_COPULA_AND = {"en": r"\s*,?\s*(?:and|but)\s+(?:also\s+)?(?:as\s+)?(?:an?\s+)?",
               "ja": r"\s*(?:と|、|かつ|でも|であり)\s*", "zh": r"\s*(?:和|与|、|以及)\s*"}


def _copula_classes(text: str, lang: str, nodes: list[Node], ents: list[Span] = ()) -> tuple[list[Node], list[tuple[int, int]]]:
    """A type word joined to the node before it by a copula says what that node also is ("backers that are
    foundries", "Tenstorrent's backers is itself a foundry", "チップベンダーでありながら投資家でもある企業", "既是芯片厂商
    又是投资方", "哪一款不是推理芯片"): its class is added to that node (or excluded, when negated), not a node."""
    out: list[Node] = []
    consumed: list[tuple[int, int]] = []
    rx = re.compile(_COPULA[lang], re.I)
    chained: set[int] = set()  # nodes a copula extended: "…as a foundry and (as) an investor" continues it
    for n in nodes:
        prev = out[-1] if out else None
        m = rx.fullmatch(text[prev.end:n.start]) if prev is not None and n.start >= prev.end else None
        if m is None and prev is not None and n.start >= prev.end and lang == "en":
            # "the companies that invested in Biren, which ones are also chip vendors": a relative clause, then the copula
            # (or a dash: "Google announced chips in 2023 - which of them are not listed as …")
            comma = max((text.rfind(c, prev.end, n.start), len(c)) for c in (",", " - ", " – ", "—", ";"))
            m = rx.fullmatch(text[sum(comma):n.start]) if comma[0] >= 0 else None
        if m is None and prev is not None and n.start >= prev.end and lang == "en" and ents:
            # "Which investors of Biren aren't chip vendors?": a name that post-modifies the node stands before the copula
            gap = _blank_atoms(text[prev.end:n.start], prev.end, list(ents))
            of = _OF_NAME.match(gap)
            m = rx.fullmatch(gap[of.end():]) if of else None
        if m is None and prev is not None and id(prev) in chained and n.start >= prev.end:
            m = _COPULA_AND.get(lang) and re.fullmatch(_COPULA_AND[lang], text[prev.end:n.start], re.I)
        cls = n.cls or ALSO_CLASS.get(n.type)
        if m is not None and cls and text[prev.end:n.start].strip() and not n.atoms and \
                (prev.type != n.type or n.cls) and \
                not (lang == "ja" and re.match(r"\s*(?:を|も|が|に|は)", text[n.end:])):
            # (「投資家でありながらチップも開発している企業」: a word the clause's verb governs is no class of it)
            neg = any(v for k, v in m.groupdict().items() if k.startswith("neg"))  # (n't: "aren't training chips")
            own = ALSO_CLASS.get(prev.type)
            if own and not (prev.cls or NODE_CLASS.get(prev.type)) and (own, False) not in prev.also:
                prev.also.append((own, False))  # "investors that are also vendors": investors by class too
            prev.also.append((cls, neg))
            consumed.append((prev.end, n.start))
            prev.end = n.end
            chained.add(id(prev))
            continue
        out.append(n)
    return out, consumed


_JA_COPULA_CLAUSE = re.compile(r"\s*で(?:ありながら|ありつつ|もあり|あり|あって)\s*、?")


def _ja_copula_clause(text: str, nodes: list[Node], consumed: list) -> tuple[list[Node], list]:
    """"ファウンドリでありながら自社でもAIチップを設計している会社": a class word, a copula, then a clause (not a second
    class word) closing on an organisation word: that organisation is of the class too (the foundries that design
    chips), the class word no node of its own (helper-85; read as a node, it linked to the chips as their maker: every
    designer of a chip some foundry makes)."""
    out = list(nodes)
    for p in nodes:
        m = _JA_COPULA_CLAUSE.match(text, p.end)
        cls = p.cls or ALSO_CLASS.get(p.type)
        if m is None or p not in out or p.atoms or not cls or p.type not in ORGS or \
                any(n.start <= p.start < n.end for n in out if n is not p):
            continue
        later = [n for n in out if n.start >= m.end()]
        if not later or later[-1].type not in ORGS or later[-1].atoms or not text[m.end():later[-1].start].strip() or \
                any(n.type in ORGS for n in later[:-1]):
            continue  # (a class word right after the copula is _copula_classes' own: "ベンダーでありながら投資家でもある")
        head = later[-1]
        if (cls, False) not in head.also:
            head.also.append((cls, False))
        consumed = consumed + [(p.end, m.end())]
        out.remove(p)
    return out, consumed


def _adjacent(nodes: list[Node]) -> list[tuple[Node, Node]]:
    return list(zip(nodes, nodes[1:]))


def _apply_markers(text: str, lang: str, nodes: list[Node], marks: list[Span], idx: Any, answer: Node | None = None,
                   rels: list[Span] = (), fill: re.Pattern | None = None) -> None:
    """Negation scopes the nearest atom in reading direction (English and Chinese: after it; Japanese: before it);
    an exception excludes its entity from the answers of its node. A negated atom that names a whole node other
    than the answer ("not made on TSMC's 6nm process", "Hopperアーキテクチャを使っていない") negates that node: no
    such thing is linked. A negation with no atom after it but a relation and a node ("never led a funding round")
    negates that node."""
    atoms = [(n, a) for n in nodes for a in n.atoms]
    for m in marks:
        kind = m.row["mark"]
        if kind not in ("negate", "except"):
            continue
        if kind == "except" and _except_ipo(text, m, nodes, rels, fill):
            continue
        if kind == "except":  # the excepted name follows the word ("apart from X", "除了X"), precedes it in Japanese
            after_first = not m.row.get("before", lang == "ja")
            cands = sorted([(n, a) for n, a in atoms if _near(text, m, a.span)],
                           key=lambda na: ((na[1].span.start >= m.end) != after_first,
                                           min(abs(na[1].span.start - m.end), abs(m.start - na[1].span.end))))
        elif lang == "ja":
            # (an atom a pronoun gave a node stands where that node is written: "…が、そのラウンドを…ない")
            at = lambda na: na[0].end if na[1].span.row.get("anaphor") else na[1].span.end
            cands = sorted([(n, a) for n, a in atoms if at((n, a)) <= m.start], key=at)
            cands = cands[-1:]
        else:
            cands = [(n, a) for n, a in atoms if a.span.start >= m.end][:1]
            subj = [(n, a) for n, a in atoms if a.span.end <= m.start and not text[a.span.end:m.start].strip() and
                    re.search(r"(?:that|which)\s+$", text[:a.span.start], re.I)][-1:] \
                if lang == "en" and kind == "negate" else []
            if subj and subj[0][0] is answer:
                # "chips … that TSMC did not fabricate": a name between a relative pronoun and the negated verb is the
                # negated clause's subject, on the asked node (helper-85; was declined, or the negation read on a
                # later name: "chips that Samsung did not fabricate use HBM3")
                cands = subj
            elif subj:
                raise NotUnderstood("not_understood", words=m.text)  # ("vendors that SMIC did not manufacture")
        if kind == "negate" and lang != "ja" and answer is not None:
            nxt = next((n for n in nodes if n.start >= m.end), None)
            # …also when the atom it reaches is that node's own ("not on any of its 7nm processes", "use none of its
            # 7nm-class processes": no such process), unless the node names a value of that kind before the negation
            # ("7纳米以下（不含7纳米）的制程": the negation only takes one value out)
            if nxt is not None and nxt is not answer and (not cands or cands[0][1].span.start > nxt.end or
                                                          any(cands[0][1] is b for b in nxt.atoms)) and \
                    (any(r.start >= m.end and r.end <= nxt.start for r in rels) or
                     (fill is not None and not fill.sub(" ", _blank_atoms(text[m.end:nxt.start], m.end, [
                         b.span for b in nxt.atoms if not any(o.kind == b.kind and o.span.end <= m.start
                                                              for o in nxt.atoms)])).strip() and
                      any(e[0] is answer and e[1] is nxt or e[1] is answer and e[0] is nxt for e in _adjacent(nodes)))):
                nxt.negated = True  # "never led a funding round": no round it led; "没有标明制造工艺": no process
                continue
        cls_node = next((n for n in nodes if n.cls and n is answer and n.start >= m.end and
                         not (fill.sub(" ", text[m.end:n.start]) if fill is not None else text[m.end:n.start]).strip()),
                        None) if kind == "negate" and lang == "zh" and re.fullmatch(r"不是|并非|非", m.text) else None
        if cls_node is not None:
            # "不是推理芯片的英伟达芯片": the negated copula denies the class word after it, not the name further on
            cls_node.also.append((cls_node.cls, True))
            cls_node.cls = None
            continue
        if not cands and kind == "negate" and lang == "zh" and answer is not None:
            # "哪些芯片厂商一轮融资都没有": a closing 没有 after a node (都/也 between) says none such is linked
            prev = next((x for x in reversed(nodes) if x.end <= m.start), None)
            tail = fill.sub(" ", text[m.end:]) if fill is not None else text[m.end:]
            if prev is not None and prev is not answer and re.fullmatch(r"\s*(?:都|也)?\s*", text[prev.end:m.start]) and \
                    not tail.strip(" ？?。!！") and not prev.atoms:
                prev.negated = True
                continue
        if not cands:
            raise NotUnderstood("not_understood", words=m.text)
        n, a = cands[0]
        if kind == "negate" and answer is not None and n is not answer and (n.implicit or _identity(text, idx, n, a)):
            n.negated = True
            continue
        if kind == "negate" and lang == "ja" and answer is not None and n is not answer and a.kind == "entity" and \
                n.type in ("round", "chip") and n.end <= m.start and (
                    any(r.start >= n.end and r.end <= m.start for r in rels) or
                    any(o is not n and n.end <= o.start < m.start for o in nodes)):
            # "Xのラウンドをリードしたことがない", "NVIDIAのチップを使っていない": the verb after the node is what is denied
            # (no such round led, no such chip used), not the name that says whose the round or chip is
            n.negated = True
            continue
        if kind == "except" and n.implicit and n is not answer and m.row.get("before", lang == "ja"):
            n.negated = True  # "TSMCの7nm以外のプロセスで作られている": not made on that process (the pair as a whole)
            continue
        if kind == "except":
            for n, a in [(n, a)] + _coordinated_with(text, idx, atoms, a):
                if a.kind == "entity" and _fits(entity_type(idx, a.span.data, n.type), n.type):
                    a.excluded = True
                else:
                    a.negated = True
        else:
            a.negated = True


def _same_architecture(text: str, nodes: list[Node], marks: list[Span]) -> None:
    """"the same architecture as the H100", 「H100と同じアーキテクチャ」, "和H100相同架构": the ontology tells an architecture
    (a class: GPGPU, NPU, ASIC) from a microarchitecture (a named design generation: Hopper), so a comparison that says
    "architecture" without "micro" shares X's class; the node is marked, and compile_query reads X's
    microarchitecture only where the graph states no class for X."""
    for m in marks:
        if m.row["mark"] != "same":
            continue
        for n in nodes:
            a, b = (m.end, n.start) if n.start >= m.end else (n.end, m.start)
            gap = _blank_atoms(text[a:b], a, [x.span for x in n.atoms if x.kind == "entity"])  # "share the H100's architecture"
            if n.type == "arch" and n.cls is None and re.fullmatch(r"[\s的のなと]*|\s*(?:the\s+)?\s*(?:'s|’s)\s*", gap):
                n.same_class = True


def _except_ipo_type(text: str, spans: list[Span], fill: re.Pattern | None) -> tuple[list[Span], str]:
    """"Excluding IPOs, …", "IPOを除いて": an exception whose object is the IPO round word itself selects the rounds
    that are not listings; both spans go, and the words are returned (empty when there is no such pair)."""
    for i, m in enumerate(spans):
        if m.kind != "mark" or m.row.get("mark") != "except":
            continue
        before = m.row.get("before", False)
        t = spans[i - 1] if before and i > 0 else spans[i + 1] if not before and i + 1 < len(spans) else None
        if t is None or t.kind != "type" or not t.row.get("ipo") or t.row.get("type") not in ("round", "amount"):
            continue
        gap = text[t.end:m.start] if before else text[m.end:t.start]
        if fill is not None:
            gap = fill.sub(" ", gap)
        if gap.strip(" ,、，の的"):
            continue
        return [s for s in spans if s is not m and s is not t], text[min(m.start, t.start):max(m.end, t.end)]
    return spans, ""


def _except_ipo(text: str, m: Span, nodes: list[Node], rels: list[Span], fill: re.Pattern | None) -> bool:
    """"カンブリコンがIPO以外で調達した", "apart from its IPO", "除了IPO以外": the rounds or amounts asked about are the
    ones that are not a listing (never the IPO itself, which the IPO word would otherwise select)."""
    money = [n for n in nodes if n.type in ("round", "amount", "currency")]
    for r in rels:
        if r.row["rel"] != "list" or not _IPO_WORD.search(r.text) or not money:
            continue
        gap = text[m.end:r.start] if m.end <= r.start else text[r.end:m.start]
        if fill is not None:
            gap = fill.sub(" ", gap)
        if len(gap.strip(" ,、，の的")) == 0:
            for n in money:
                n.ipo, n.no_ipo = False, True
            return True
    return False


# a coordinator inside a list of names; not a clause comma ("除了阿里巴巴，寒武纪还有哪些投资方")
_EXCEPT_COORD = re.compile(r"\s*(?:、|,?\s*and|&|和|与|及|跟|と|や|以及)\s*", re.I)


def _coordinated_with(text: str, idx: Any, atoms: list[tuple[Node, Atom]], a: Atom) -> list[tuple[Node, Atom]]:
    """The entities joined to an excepted one by "and"/"と"/"和" ("apart from Alibaba and Lenovo", "アリババとレノボを
    除く", "除了阿里和联想"): the exception is theirs too, not only the one next to the word."""
    ents = sorted([(n, b) for n, b in atoms if b.kind == "entity"], key=lambda nb: nb[1].span.start)
    i = next((k for k, (_, b) in enumerate(ents) if b is a), None)
    if i is None or entity_type(idx, a.span.data) is None:
        return []
    kind = GENERAL.get(entity_type(idx, a.span.data), entity_type(idx, a.span.data))
    out: list[tuple[Node, Atom]] = []
    for step in (-1, 1):
        j, cur = i + step, a
        while 0 <= j < len(ents):
            n, b = ents[j]
            gap = text[b.span.end:cur.span.start] if step < 0 else text[cur.span.end:b.span.start]
            t = entity_type(idx, b.span.data)
            if not _EXCEPT_COORD.fullmatch(gap) or GENERAL.get(t, t) != kind:
                break
            out.append((n, b))
            cur, j = b, j + step
    return out


def _distribute_both(nodes: list[Node], edges: list, marks: list[Span], answer: Node, idx: Any,
                     text: str = "") -> tuple[list, list]:
    """"foundries that make chips for both NVIDIA and AMD", "investors in rounds of both Biren and Enflame": a chip
    has one designer and a round one funded company, so "both" asks for one such thing per name, each linked the
    same way: the node is copied for every name after the first. Foundries too on chips said in the plural
    ("designers that get their chips made at both TSMC and Samsung": some chips at each); "a chip made by both" is one."""
    if not any(m.row["mark"] == "both" for m in marks):
        return nodes, edges
    out_nodes, out_edges = list(nodes), list(edges)
    for n in nodes:
        if n is answer or n.implicit:
            continue
        if n.type in ("chip", "round"):
            want = ("vendor",) if n.type == "chip" else ORGS
            names = [a for a in n.atoms if a.kind == "entity" and not (a.negated or a.excluded or a.alt) and
                     entity_type(idx, a.span.data, "vendor" if n.type == "chip" else "company") in want and
                     not (n.type == "chip" and "foundry" == entity_type(idx, a.span.data))]
            if n.type == "chip" and _PLURAL_CHIPS.fullmatch(text[n.start:n.end]):
                made = [a for a in n.atoms if a.kind == "entity" and not (a.negated or a.excluded or a.alt) and
                        any(idx.entities[i].is_a("Foundry") for i in a.span.data if i in idx.entities)]
                names = names if len(names) > 1 or len(made) < 2 else made
        elif n.type in ("foundry", "investor", "vendor", "process", "arch"):
            # "TSMCとインテルの両方のファウンドリに依存": a foundry is one of them, so one foundry node per name
            cls = {**NODE_CLASS, **ALSO_CLASS}[n.type]
            names = [a for a in n.atoms if a.kind == "entity" and not (a.negated or a.excluded or a.alt) and
                     any(idx.entities[i].is_a(cls) for i in a.span.data if i in idx.entities)]
            if len(names) > 1:
                n.named = True  # each copy is the named thing itself (compile_query.entity_atom: VALUES)
        else:
            continue
        if len(names) < 2:
            continue
        for i, a in enumerate(names[1:]):
            c = Node(f"{n.var}_{i}", n.type, n.start, n.end, n.cls, answerable=n.answerable, ipo=n.ipo,
                     named=n.named)
            c.atoms = [b for b in n.atoms if b not in names] + [a]
            c.also = list(n.also)
            n.atoms.remove(a)
            out_nodes.append(c)
            out_edges += [(c if x is n else x, c if y is n else y, r) for x, y, r in edges if n in (x, y)]
    return out_nodes, out_edges


_SIZE_COORD = re.compile(r"\s*(?:,|、|，|and|&|和|与|及|跟|と)\s*", re.I)


def _both_sizes(nodes: list[Node], edges: list, marks: list[Span], answer: Node, text: str) -> tuple[list, list]:
    """"vendors using both TSMC 5nm and 7nm", "TSMCの7nmと12nmの両方", "同时使用台积电的5nm和7nm": a process has one
    size, so with "both" each size coordinated after a process's own is another process, of the same foundry and
    linked as the first is (was: one process of both sizes, none; or the later size read on the vendor, any foundry)."""
    if not any(m.row["mark"] == "both" for m in marks):
        return nodes, edges
    out_nodes, out_edges = list(nodes), list(edges)
    for p in nodes:
        if p.type != "process" or p.negated or p not in out_nodes:
            continue
        own = [a for a in p.atoms if a.kind == "cmp" and a.span.data.get("q") == "N" and not (a.negated or a.excluded)]
        if not own or any(a.alt is not None for a in p.atoms):
            continue
        end, extra = own[0].span.end, []
        sizes = sorted(((a, n) for n in out_nodes for a in n.atoms if a.kind == "cmp" and a.span.start >= end and
                        a.span.data.get("q") == "N" and not (a.negated or a.excluded or a.alt)),
                       key=lambda x: x[0].span.start)
        for a, n in sizes:
            gap = text[end:a.span.start]
            if not _SIZE_COORD.fullmatch(gap) or a.span.data.get("op", a.span.row.get("op")) != "=" or \
                    (n is not p and n is not answer and (n.type != "process" or
                                                         any(b.kind != "cmp" for b in n.atoms))):
                break
            extra.append((a, n))
            end = a.span.end
        for i, (a, n) in enumerate(extra):
            n.atoms.remove(a)
            if n is not p and n is not answer and not n.atoms:  # "台积电的5nm和7nm工艺": its own node, now the copy
                out_nodes.remove(n)
                out_edges = [e for e in out_edges if n not in e[:2]]
            c = Node(f"{p.var}_s{i}", p.type, p.start, p.end, p.cls, answerable=False, ipo=p.ipo, named=p.named)
            c.implicit = p.implicit
            c.atoms = [b for b in p.atoms if b.kind != "cmp"] + [a]
            c.also = list(p.also)
            out_nodes.append(c)
            out_edges += [(c if x is p else x, c if y is p else y, r) for x, y, r in out_edges if p in (x, y)]
    return out_nodes, out_edges


_PLURAL_CHIPS = re.compile(r"(?:ai )?(?:chips|accelerators|processors|products)", re.I)


def _branch_head(spans: list[Span], edges: list, a: Node, b: Node) -> tuple[Node, str | None]:
    """"vendors that have chips on TSMC 7nm and also chips on TSMC 5nm": a node written after a coordinator ("and
    also", "かつ", "并且") that is of the kind of an earlier node hanging from a head is a second branch of that head,
    not a link from the node just before it: (that head, the relation of its first branch), else (`a`, None)."""
    if not any((s.kind == "coord" or (s.kind == "mark" and s.row["mark"] == "both") or
                (s.kind == "mark" and s.row["mark"] == "except" and a.implicit and a.type == b.type)) and
               s.start >= a.end and s.end <= b.start for s in spans):  # ("TSMCの7nm以外のプロセス": another process)
        return a, None
    # (a node of another type right after it is no sibling: "…的芯片是谁家的？这家公司都依赖哪些代工厂" links the
    # company to its foundries)
    return next(((x, r) for x, y, r in reversed(edges) if _kind(y) == _kind(b) and y.start < b.start and
                 (y is not a or y.type == b.type)), (a, None))


def _other(text: str, lex: ComposeLexicon, marks: list[Span], ents: list[Span], nodes: list[Node], idx: Any) -> None:
    """"领投过燧原科技的机构还投资了哪些别的公司", "which other companies", "他の企業": the node after "other" excludes every
    entity of its kind the question names. With no such node, or no such entity, "other" is not understood."""
    for m in marks:
        if m.row["mark"] != "other":
            continue
        node = next((n for n in nodes if n.start >= m.end), None)
        if node is not None and lex.fill.sub(" ", text[m.end:node.start]).strip():
            node = None
        named = [e for e in ents if node is not None and _fits(entity_type(idx, e.data, node.type), node.type)
                 and not any(a.span.start == e.start for a in node.atoms)]
        if not named:
            raise NotUnderstood("not_understood", words=m.text)
        for e in named:
            node.atoms.append(Atom("entity", Span(e.start, e.end, "entity", {"other": True}, e.text, e.data),
                                   excluded=True))


def _anaphora(text: str, lex: ComposeLexicon, spans: list[Span], ents: list[Span], nodes: list[Node], answer: Node,
              idx: Any) -> None:
    """A pronoun before a node ("TSMC … its 7nm processes", "台积电…它的7纳米工艺") names the entity said before it: that
    node gets the entity as an atom. With no named entity before it that can qualify the node, or on the answer
    itself, the pronoun refers to what is asked ("vendors … their chips") and adds nothing."""
    for s in spans:
        if s.kind != "anaphor":
            continue
        if s.row.get("after"):  # "a 5nm process of it": the pronoun after its node
            node = next((n for n in reversed(nodes) if n.end <= s.start), None)
            gap = text[node.end:s.start] if node is not None else ""
        else:
            node = next((n for n in nodes if n.start >= s.end), None)
            gap = _blank_atoms(text[s.end:node.start], s.end, [a.span for a in node.atoms]) if node is not None else ""
        if node is None or node is answer or any(a.kind == "entity" for a in node.atoms):
            continue
        if lex.fill.sub(" ", gap).strip():
            continue
        for e in reversed([e for e in ents if e.end <= min(s.start, node.start)]):
            t = entity_type(idx, e.data)
            if t is not None and t != node.type and (find_edge(node.type, t, None) or find_edge(t, node.type, None)):
                node.atoms.append(Atom("entity", Span(e.start, e.end, "entity", {"anaphor": True}, e.text, e.data)))
                break


def _apply_or(text: str, lang: str, nodes: list[Node], marks: list[Span], rels: list[Span] = (),
              lex: ComposeLexicon | None = None) -> None:
    """"Biren or Kunlunxin", "AMDまたはNVIDIA", "壁仞科技或昆仑芯": two atoms of one node either side of the word are
    alternatives (a union); a negation on the first reaches the second ("not made by TSMC or Samsung": neither).
    A relation word repeated after the word ("rely on SMIC or on Intel") or filler may stand between. Two names
    written before one type word ("GlobalFoundries or Samsung processes") both qualify it. An "or" between
    anything else is not understood (a "soft" row, such as the Japanese "か", then says nothing)."""
    def empty(start: int, end: int) -> bool:
        chars = list(text[start:end])
        for r in rels:
            for i in range(max(r.start, start), min(r.end, end)):
                chars[i - start] = " "
        rest = "".join(chars)
        if lex is not None and lex.fill is not None:
            rest = lex.fill.sub(" ", rest)
        return not rest.strip(" ,、，")
    for m in marks:
        if m.row["mark"] != "or":
            continue
        pair = None
        for n in nodes:
            before = [a for a in n.atoms if a.span.end <= m.start and empty(a.span.end, m.start)]
            after = [a for a in n.atoms if a.span.start >= m.end and empty(m.end, a.span.start)]
            if before and after and before[-1].kind == after[0].kind:
                pair = (before[-1], after[0])
        if pair is None:  # "GlobalFoundries or Samsung processes": the first name moves to the second's node
            for n in nodes:
                after = [a for a in n.atoms if a.span.start >= m.end and empty(m.end, a.span.start) and
                         a.span.end <= n.start and not text[a.span.end:n.start].strip(" 的の")]
                for o in nodes:
                    before = [a for a in o.atoms if a.span.end <= m.start and empty(a.span.end, m.start)]
                    if o is not n and after and before and before[-1].kind == after[0].kind == "entity" and \
                            not o.implicit:
                        o.atoms.remove(before[-1])
                        n.atoms.append(before[-1])
                        pair = (before[-1], after[0])
                        break
                if pair:
                    break
        if pair is None:
            if m.row.get("soft"):
                continue
            raise NotUnderstood("not_understood", words=m.text)
        first, second = pair
        second.alt = first
        if first.negated or first.excluded:
            second.negated, second.excluded, second.alt = first.negated, first.excluded, None
    # "サムスンもTSMCも使っていない": a negation after names joined by も reaches each of them
    if lang == "ja":
        for n in nodes:
            for a, b in zip(n.atoms, n.atoms[1:]):
                if b.negated and not a.negated and re.fullmatch(r"\s*も\s*", text[a.span.end:b.span.start]) and \
                        text[b.span.end:].lstrip().startswith("も"):
                    a.negated = True
                # "サムスンとTSMCのどちらにも依存していない": neither
                if b.negated and not a.negated and re.fullmatch(r"\s*(?:と|や|、)\s*", text[a.span.end:b.span.start]) and \
                        re.match(r"\s*の?(?:どちら|いずれ|両方)にも", text[b.span.end:]):
                    a.negated = True


def _blank_atoms(part: str, offset: int, atoms: list[Span]) -> str:
    """`part` (the text from `offset`) with the atoms in it removed."""
    chars = list(part)
    for a in atoms:
        for i in range(max(a.start, offset), min(a.end, offset + len(part))):
            chars[i - offset] = ""
    return "".join(chars)


_COORD_AND = re.compile(r"\s*(?:,|、|，|and|和|与|及|跟|と|や|以及)\s*", re.I)


def _coordinated_union(text: str, nodes: list[Node], marks: list[Span], idx: Any, answer: Node | None = None) -> None:
    """Two organisations joined by "and" on a round, an amount or a chip ("the amount raised by Enflame and Biren",
    "chips from AMD and Intel"): a round has one funded company and a chip (nearly always) one designer, so they are
    either one, a union; "both" keeps the intersection. So are two organisations whose parties a count totals ("摩尔线程和
    沐曦一共有多少个投资方", "how many investors do X and Y have in total": the investors of either, counted once)."""
    if any(m.row["mark"] == "both" for m in marks):
        return
    total = any(m.row["mark"] == "sum" for m in marks) and any(m.row["mark"] == "count" for m in marks)
    for n in nodes:
        if n.type not in ("round", "amount", "chip") and not (total and n is answer and n.type in ORGS):
            continue
        ents = [a for a in n.atoms if a.kind == "entity" and not (a.negated or a.excluded)]
        for x, y in zip(ents, ents[1:]):
            if x.alt is not None or y.alt is not None or not _COORD_AND.fullmatch(text[x.span.end:y.span.start]):
                continue
            if entity_type(idx, x.span.data, "company") in ORGS and entity_type(idx, y.span.data, "company") in ORGS:
                y.alt = x


_PAIR_COORD = re.compile(r"\s*(?:,|、|，|and|plus|和|与|及|跟|加上|と)\s*", re.I)


def _coordinated_pairs(text: str, nodes: list[Node], idx: Any) -> None:
    """"TenstorrentのシリーズDとHabana LabsのシリーズB、合わせて", "Biren's Series B and Enflame's Series C": two
    coordinated descriptions of one round, each a company with its own round name or year, are either one round (a
    union of the two conjunctions), not one round that is both."""
    for n in nodes:
        if n.type not in ("round", "amount"):
            continue
        ats = sorted([a for a in n.atoms if not (a.negated or a.excluded or a.alt) and a.kind != "currency"],
                     key=lambda a: a.span.start)
        for k in range(1, len(ats) - 1):
            left, right = ats[:k], ats[k:]
            if len(left) != len(right) or not _PAIR_COORD.fullmatch(text[left[-1].span.end:right[0].span.start]):
                continue
            kinds = lambda g: sorted(a.kind for a in g)
            if kinds(left) != kinds(right) or kinds(left).count("entity") != 1 or len(left) < 2 or \
                    any(a.kind not in ("entity", "roundname", "cmp") for a in left):
                continue
            if not all(entity_type(idx, a.span.data, "company") in ORGS for a in left + right if a.kind == "entity"):
                continue
            head_l, head_r = left[0], right[0]
            head_l.group, head_r.group = left[1:], right[1:]
            head_r.alt = head_l
            for a in left[1:] + right[1:]:
                a.alt = None
                a.excluded = False
            n.atoms = [a for a in n.atoms if a not in left[1:] + right[1:]]
            break


def _rel_between(rels: list[Span], start: int, end: int) -> str | None:
    for r in rels:
        if r.start >= start and r.end <= end:
            return r.row["rel"]
    return None


def _aggregate(marks: list[Span], answer: Node, nodes: list[Node]) -> str | None:
    found = [m.row["mark"] for m in marks if m.row["mark"] in
             ("count", "sum", "min_nm", "max_nm", "max_year", "min_year", "max_amount", "max_count", "min_count",
              "min_amount", "least_count")]
    if not found:
        return None
    if answer.type == "process" and not any(n.type in ("round", "amount") for n in nodes):
        # "the oldest process", "いちばん古い（ナノメートルが最も大きい）もの": a process has no year, an old one is a
        # large node; a size word said with it ("最も大きい") restates the same superlative
        old = "min_year" in found or "max_nm" in found
        found = ["max_nm" if f == "min_year" or (old and f == "max_amount") else f for f in found]
        found = list(dict.fromkeys(found))
    elif any(m.row["mark"] in ("min_year", "max_year") and any(
            n.type == "process" and n is not answer and 0 <= n.start - m.end <= 2 for n in nodes) for m in marks):
        # "the chip on the oldest process", "いちばん古いプロセスのもの": the age word said of a process is its size
        found = ["max_nm" if f == "min_year" else "min_nm" if f == "max_year" else f for f in found]
        found = list(dict.fromkeys(found))
    if any(n.type in ("round", "amount") for n in nodes) and "min_nm" in found and \
            not any(n.type in ("process", "chip") for n in nodes):
        found = ["min_amount" if f == "min_nm" else f for f in found]  # "the smallest round", "最小一轮融资"
    if "min_amount" in found:
        if not any(n.type in ("round", "amount") for n in nodes) and answer.type in ORGS and \
                set(found) <= {"min_amount", "count"} and \
                any(n is not answer and n.answerable and n.type in {"chip", "process"} | ORGS for n in nodes):
            return "least_count"  # "チップ数が最も少ないベンダー", "芯片最少的厂商": the fewest things (helper-84)
        if not any(n.type in ("round", "amount") for n in nodes):
            raise NotUnderstood("not_understood", words=next(m.text for m in marks if m.row["mark"] in ("min_amount", "min_nm")))
        return "min_amount"
    if "count" in found and set(found) & {"max_amount", "max_count"} and answer.type in ORGS and \
            not any(n.type in ("round", "amount") for n in nodes) and \
            any(n is not answer and n.answerable and n.type in {"chip", "process"} | ORGS for n in nodes):
        return "max_count"  # "チップ数が最も多いベンダー": the count word names what the superlative counts (helper-84)
    agg = "max_count" if "max_count" in found and answer.type != "amount" else found[0]
    if "count" in found and answer.type != "amount":
        agg = "count" if agg == "sum" else agg  # "一共设计了几款", "一共进行过几轮融资": a count, not a sum
    if "min_count" in found:  # "investors that backed more than one company": a filter on a count
        if len(found) > 1 or not any(n is not answer and n.answerable for n in nodes):
            raise NotUnderstood("not_understood", words=next(m.text for m in marks if m.row["mark"] == "min_count"))
        return "min_count"
    if agg == "max_count" and any(n.type == "amount" for n in nodes):
        agg = "max_amount"  # "IPO募资最多": the largest amount, not the most rounds
    if agg == "least_count" and any(n.type in ("amount", "round") for n in nodes):
        return "min_amount"  # "募资最少的一轮": the smallest amount, not the fewest rounds (helper-84)
    if agg == "least_count" and (len(found) > 1 or not any(n is not answer and n.answerable for n in nodes)):
        raise NotUnderstood("not_understood", words=next(m.text for m in marks if m.row["mark"] == "least_count"))
    if agg == "max_amount" and answer.type not in ("amount", "round") and not any(
            n.type in ("amount", "round") for n in nodes):
        if any(n.type == "chip" for n in nodes if n is not answer):
            return "max_count"  # "the company with the largest number of chips"
        raise NotUnderstood("not_understood", words=next(m.text for m in marks if m.row["mark"] == agg))
    if agg in ("min_nm", "max_nm") and not (answer.type in ("process", "chip")) and \
            not any(n.type in ("process", "chip") for n in nodes if n is not answer):
        raise NotUnderstood("not_understood", words=next(m.text for m in marks if m.row["mark"] == agg))
    if agg in ("max_year", "min_year") and answer.type not in ("chip", "round", "amount", "memory") and \
            not (answer.type in ORGS and any(n.type in ("round", "chip") for n in nodes)):
        # (an org's first/last round by date; "the vendor that announced the earliest training chip": by its chip's
        # year; "カンブリコンの一番古いラウンド", "Enflame's earliest round": the round itself, by its date)
        raise NotUnderstood("not_understood", words=next(m.text for m in marks if m.row["mark"] == agg))
    return agg
