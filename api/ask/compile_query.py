"""A query graph (api/ask/compose.py) compiled to one SPARQL query, run, and read back as an answer.

Patterns come from `api/ask/templates/compose_edges.jsonl` (edges) and the atom patterns below (one per kind of
constraint and node type); user values are literals written by pyoxigraph, IRIs come only from the entity index.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import pyoxigraph as ox

from api.ask.compose import (ORGS, NODE_CLASS, Atom, Node, NotUnderstood, QueryGraph, entity_type, find_edge)
from api.ask.forms import py, template

ROUNDISH = {"round", "amount", "exchange", "roundname", "currency"}
# what may stand between coordinated subjects and their verb: other (blanked) names, "and", "both", particles
# (and the words that say they do it together: "一起领投", "jointly led", "一緒にリードした"; helper-84)
_COORD = (r"[\s\0,、，]|and|both|as well as|also|together|jointly|和|与|及|跟|都|也|均|共同|同时|一起|一同|联合|携手|と|も|"
          r"の両方|両方|一緒に|揃って|そろって|が|は|から|とも(?:に)?")
# what may stand between an entity and a type word for the entity to name the node itself ("the Hanguang 800 chip",
# "Intel's fabs", "TPU芯片"); a word between ("英特尔代工的芯片厂商": the vendors Intel makes chips for) does not
_ADJACENT = re.compile(r"[\s的の'’s\-]*")
_AS_JA = re.compile(r"\s*として")  # a name, then its role: "インテルがファウンドリとして"
_AS_GAP = re.compile(r"\s*,?\s*(?:as\s+(?:an?\s+|the\s+)?|作为\s*)", re.I)  # "Intel as a foundry", "英特尔作为代工厂"
_TRIPLE = re.compile(r"(\?\w+|<[^>]+>)\s+(aic:\w+)\s+(\?\w+|<[^>]+>|\"[^\"]*\")")


def _etype(n: Node) -> str:
    if n.type in ROUNDISH:
        return "round"
    if n.type == "memory":  # "what memory do …'s chips use": the chips, answered by their memory type
        return "chip"
    return "company" if n.type == "org" else n.type


def _lit(v: Any) -> str:
    if isinstance(v, str):
        return str(ox.Literal(v))
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    return str(v)


@dataclass
class Compiled:
    sparql: str
    answer_var: str
    value_kind: str | None = None  # None (entity list), "amount", "exchange", "count", "sum", "max_amount"
    order_var: str | None = None
    region_var: str | None = None
    triples: list[tuple[str, str, str]] = field(default_factory=list)
    currency: str | None = None
    region: str | None = None
    dated_rounds: bool = False  # a year window on funding rounds: those with no date cannot be placed
    undated_var: str | None = None  # in the query for the undated ones: the round variable


class Compiler:
    def __init__(self, g: QueryGraph, idx: Any, text: str, undated: bool = False):
        self.g, self.idx, self.text = g, idx, text
        # undated=True: the query for what a year window on funding rounds leaves out (rounds with no date), so
        # that the answer can say so instead of dropping them silently
        self.undated = undated
        self.dated_rounds = False  # a year window on funding rounds was compiled
        self.undated_var: str | None = None
        self.k = 0
        self.body: list[str] = []
        self.triples: list[tuple[str, str, str]] = []
        self.region_var: str | None = None
        self.region: str | None = None
        self.currency: str | None = None
        self.listing = any(r.row["rel"] == "list" for r in g.rels)

    def fresh(self, base: str = "v") -> str:
        self.k += 1
        return f"?{base}{self.k}"

    def add(self, pattern: str, negated: bool = False) -> None:
        self.triples += _TRIPLE.findall(pattern)
        self.body.append(f"FILTER NOT EXISTS {{ {pattern} }}" if negated else pattern)

    # -------------------------------------------------------------------------------------- pieces
    def node_var(self, n: Node) -> str:
        return "?" + n.var

    def edge(self, a: str, b: str, ta: str, tb: str, rel: str | None) -> str:
        row = find_edge(ta, tb, rel) or (find_edge(ta, tb, None) if rel in (None, "use", "make", "design") else None)
        if row is None:
            raise NotUnderstood("no_link", a=ta, b=tb)
        pat = row["sparql"]
        for ph in ("v1", "v2"):
            if "{" + ph + "}" in pat:
                pat = pat.replace("{" + ph + "}", self.fresh("c"))
        return pat.replace("{a}", a).replace("{b}", b)

    def node_edge(self, a: Node, b: Node, rel: str | None) -> None:
        va, vb = self.node_var(a), self.node_var(b)
        ta, tb = _etype(a), _etype(b)
        if (a.lead or b.lead) and rel in (None, "invest") and ta in ORGS | {"company", "round"} and \
                tb in ORGS | {"company", "round"}:
            rel = "lead"  # "它们的设计公司的领投方": the rounds of those companies they led; "lead investors in rounds of…"
        if rel in ("invest", "lead") and ta in ORGS | {"company"} and tb in ORGS | {"company"}:
            # Chinese is SVO like English: "谁投资了…厂商", "红杉投资的公司" (the verb between them: the first invests)
            svo = self.g.lang == "en" or (self.g.lang == "zh" and any(
                r.row["rel"] in ("invest", "lead") and r.start >= a.end and r.end <= b.start for r in self.g.rels)
                and not self.zh_recipient(a.start))  # "给…厂商投过钱的谁": the one before the verb receives
            # "韓国の企業はどこに投資していますか": the topic (は/が) invests in the word marked with に/へ (helper-85)
            svo = svo or (self.g.lang == "ja" and re.fullmatch(r"\s*(?:は|が)\s*", self.text[a.end:b.start]) is not None
                          and re.match(r"\s*(?:に|へ)\s*", self.text[b.end:]) is not None)
            subj, obj = (va, vb) if (a.type == "investor" or (b.type != "investor" and svo)) \
                else (vb, va)
            self.add(self.invest(subj, obj, rel))
            return
        try:
            self.add(self.edge(va, vb, ta, tb, rel))
        except NotUnderstood:
            self.add(self.edge(vb, va, tb, ta, rel))

    def alternatives(self, n: Node, a: Atom) -> None:
        """An atom and its alternatives ("Biren or Kunlunxin") as one UNION of their patterns."""
        chain, b = [], a
        while b is not None:
            chain.append(b)
            b = b.alt
        groups = []
        for b in reversed(chain):
            start = len(self.body)
            for c in [b] + b.group:  # with the atoms that hold together with it ("TenstorrentのシリーズD")
                (self.entity_atom if c.kind == "entity" else self.literal_atom)(n, c)
            groups.append(" ".join(self.body[start:]))
            del self.body[start:]
        self.body.append(" UNION ".join(f"{{ {grp} }}" for grp in groups))

    def investment_windows(self) -> dict[str, Atom]:
        """A year said of an investment ("who invested in Biren in 2020", "2020年に壁仞科技に出資した", "2020年投资了…的
        机构"): a year on an organisation whose nearest relation word is investing or leading dates the investment
        itself, the round the two share, not any round of either. Node variable -> the year atom."""
        self.window_ids: set[int] = set()
        self.windows_used: set[int] = set()
        if any(n.type in ROUNDISH for n in self.g.nodes):
            return {}
        out: dict[str, Atom] = {}
        for n in self.g.nodes:
            if _etype(n) not in ORGS | {"company"}:
                continue
            for a in n.atoms:
                if a.kind != "cmp" or not isinstance(a.span.data, dict) or a.span.data.get("q") != "Y" or a.alt:
                    continue
                near = min(self.g.rels, default=None,
                           key=lambda r: r.start - a.span.end if r.start >= a.span.end else a.span.start - r.end)
                if near is not None and near.row["rel"] in ("invest", "lead"):
                    out["?" + n.var] = a
                    self.window_ids.add(id(a))
        return out

    def invest(self, inv: str, co: str, rel: str | None = "invest") -> str:
        """`inv` invested in `co`: a stated investment or a funding round of `co` it took part in (or led)."""
        r = self.fresh("r")
        w = self.windows.get(inv) or self.windows.get(co) if getattr(self, "windows", None) else None
        if w is not None:  # a dated investment: only a round can carry the year (an investedIn link has none)
            self.windows_used.add(id(w))
            d = self.fresh("d")
            took = f"{r} aic:leadInvestor {inv} ." if rel == "lead" else \
                f"{{ {r} aic:investor {inv} }} UNION {{ {r} aic:leadInvestor {inv} }}"
            return f"{r} aic:fundedCompany {co} ; aic:date {d} . FILTER({_condition(f'year({d})', w)}) {took}"
        if rel == "lead":
            return f"{r} aic:fundedCompany {co} . {r} aic:leadInvestor {inv} ."
        return (f"{{ {inv} aic:investedIn {co} }} UNION {{ {r} aic:fundedCompany {co} . {r} aic:investor {inv} }} "
                f"UNION {{ {r} aic:fundedCompany {co} . {r} aic:leadInvestor {inv} }}")

    def entity_atom(self, n: Node, a: Atom) -> None:
        iris = a.span.data
        v = self.node_var(n)
        types = [t for t in _types(self.idx, iris)]
        iri = f"<{iris[0]}>"
        if a.excluded:
            self.body.append(f"FILTER({v} != {iri})")
            return
        nt = _etype(n)
        if n.type == "exchange" and any(t in ORGS for t in types):  # "沐曦和摩尔线程都在哪个交易所上市": each listed there
            # (not asked: "Cambricon's exchange", "カンブリコンと同じ取引所": the node's rounds list on that exchange)
            e = "?exchange" if n is self.g.answer else self.fresh("e")
            self.add(f"{self.fresh('r')} aic:fundedCompany {iri} ; aic:exchange {e} ." +
                     (f" {v} aic:exchange {e} ." if n is not self.g.answer else ""), a.negated)
            return
        gap = self.text[a.span.end:n.start] if n.start >= a.span.end else self.text[n.end:a.span.start]
        # a verb right before the name makes it that verb's object, not the answer itself ("既依赖台积电又依赖英特尔的厂商")
        governed = any(r.end <= a.span.start and not self.text[r.end:a.span.start].strip(" 了过") for r in self.g.rels)
        if nt in types and nt not in ("company", "round") and not (governed and n is self.g.answer) and (
                (len(gap) <= 3 and _ADJACENT.fullmatch(gap)) or n.implicit or n.named or self.in_role(a, n)):
            self.body.append(f"VALUES {v} {{ {iri} }}")  # "the Hanguang 800 chip", "Intel's fabs": the node itself
            return
        rel, subject = self.rel_near(a) if not a.span.row.get("anaphor") else (None, False)  # "its 7nm processes"
        # (a demonstrative with a round's classifier points back at the name: "燧原科技那(一)轮融资金额" is its own)
        if n.start >= a.span.end and re.fullmatch(r"\s*(?:的|の|'s|’s)?\s*(?:(?:那|这|该)一?(?:轮|次|笔)?\s*)?",
                                                 self.text[a.span.end:n.start]) and \
                not (governed and n is self.g.answer and rel is not None and nt in ORGS | {"company"}):
            rel, subject = None, False  # "三星的工艺", "Samsung processes": the entity qualifies its node
        elif rel is not None and n.end <= a.span.start and re.fullmatch(r"\s+of\s+(?:the\s+)?", self.text[n.end:a.span.start], re.I) \
                and find_edge(nt, (types or [None])[0], rel) is None and find_edge((types or [None])[0], nt, rel) is None:
            # "the designer of the Tiangai 100 go public": the node's own word links the name ("designer of"); the
            # verb, which cannot link these two, is the node's own (listed)
            rel, subject = None, False
        if (n.lead or (rel is None and self.led_after(n))) and rel in (None, "invest") and \
                any(t in ORGS for t in types):
            rel, subject = "lead", False  # "the lead investors of Biren": the rounds of Biren they led
        if rel in ("invest", "lead") and nt in ORGS | {"company"} and any(t in ORGS for t in types):
            inv, co = (iri, v) if subject and n.type != "investor" else (v, iri)
            self.add(self.invest(inv, co, rel), a.negated)
            return
        if nt == "chip" and types[:1] == ["arch"] and any(
                b is not a and b.kind == "entity" and "vendor" in (ts := _types(self.idx, b.span.data)) and
                "foundry" not in ts for b in n.atoms) and not a.negated and self.unstated_class(v, iris[0], a.negated):
            return  # a designer's GPUs: its products of that class, as the form reads them (a negated class is
            # read on what the graph states, as every negation is: "chips NOT based on GPGPU" keeps one whose class
            # the graph does not state)
        loose = rel in (None, "use", "make", "design", "rely")
        # the relation word read with each of the entity's kinds first (Intel "makes" as a foundry, not a designer)
        # before any generic reading ("company"): Samsung's "製" is its foundry's, whatever the word's own fit
        specific, generic = [t for t in types if t != "company"], [t for t in types if t == "company"]
        tries = [(t, r) for group in (specific, generic) for r in ([rel, None] if loose and rel else [rel])
                 for t in group]
        before = self.rel_before(a) if subject else None
        if before is not None and before != rel:
            # "the company behind the Tiangai 100 go public": a verb after the name whose subject is the node, not the
            # name, links nothing here; the word right before the name does
            tries += [(t, before) for group in (specific, generic) for t in group]
        for t, r in tries + [(None, None)]:
            if t is None:
                raise NotUnderstood("no_link", a=n.type, b=a.span.text)
            if t == nt and nt != "company":
                continue
            row = find_edge(nt, t, r)
            if row is not None:
                pat = row["sparql"]
                for ph in ("v1", "v2"):
                    if "{" + ph + "}" in pat:
                        pat = pat.replace("{" + ph + "}", self.fresh("c"))
                self.add(pat.replace("{a}", v).replace("{b}", iri), a.negated)
                return

    def in_role(self, a: Atom, n: Node) -> bool:
        """"インテルがファウンドリとして製造", "Intel, as a foundry,", "英特尔作为代工厂": the name is the node, in that role."""
        if n is self.g.answer or n.start < a.span.end:
            return False
        gap = self.text[a.span.end:n.start]
        return bool(re.fullmatch(r"\s*(?:が|は|も)?\s*", gap) and _AS_JA.match(self.text, n.end) or
                    _AS_GAP.fullmatch(gap))

    def unstated_class(self, v: str, arch: str, negated: bool) -> bool:
        """"摩尔线程的GPU": a designer's chip of an architecture class (GPGPU, NPU), or, when the graph states no class
        for it, one that shares a microarchitecture with chips that state only that class (an MTT S3000 on MUSA
        beside MUSA GPGPUs), as the chips_with_arch form reads it. False for a microarchitecture."""
        e = self.idx.entities.get(arch)
        if e is None or not e.is_a("Architecture") or e.is_a("Microarchitecture"):
            return False
        m, y, g, z, o = (self.fresh(x) for x in ("m", "y", "g", "z", "o"))
        iri = f"<{arch}>"
        cls = lambda x: f"{x} a aic:Architecture . FILTER NOT EXISTS {{ {x} a aic:Microarchitecture }}"
        self.add(f"{{ {v} aic:usesArchitecture {iri} }} UNION {{ {v} aic:usesArchitecture {m} . {m} a aic:Microarchitecture . "
                 f"{y} aic:usesArchitecture {m} , {iri} . FILTER NOT EXISTS {{ {v} aic:usesArchitecture {g} . {cls(g)} }} "
                 f"FILTER NOT EXISTS {{ {z} aic:usesArchitecture {m} , {o} . {cls(o)} FILTER({o} != {iri}) }} }}", negated)
        return True

    def same_class(self, n: Node) -> None:
        """The architecture a chip shares in "the same architecture as X": X's architecture class (an aic:Architecture
        that is no aic:Microarchitecture); X's microarchitecture only when the graph states no class for X."""
        cls = lambda x: f"{x} a aic:Architecture . FILTER NOT EXISTS {{ {x} a aic:Microarchitecture }}"
        for a in n.atoms:
            if a.kind == "entity" and not a.excluded and "chip" in _types(self.idx, a.span.data):
                c = self.fresh("c")
                self.body.append(f"FILTER(NOT EXISTS {{ ?{n.var} a aic:Microarchitecture }} || NOT EXISTS {{ "
                                 f"<{a.span.data[0]}> aic:usesArchitecture {c} . {cls(c)} }})")

    def blank_other_entities(self, a: Atom) -> str:
        """The question with every other entity mention blanked (NUL), so that a coordination of names
        ("美团和字节跳动都投资了") reads as one subject."""
        chars = list(self.text)
        for n in self.g.nodes:
            for b in n.atoms:
                if b.kind == "entity" and b is not a and b.span.end <= len(chars):
                    for i in range(b.span.start, b.span.end):
                        chars[i] = "\0"
        return "".join(chars)

    def rel_before(self, a: Atom) -> str | None:
        """The relation word right before an entity ("behind the Tiangai 100", "backed Biren"), if any."""
        text = self.blank_other_entities(a)
        for r in self.g.rels:
            if r.end <= a.span.start and len(re.sub(_COORD + r"|了|过|the|in|on|by|of", "", text[r.end:a.span.start])) <= 1:
                return r.row["rel"]
        return None

    def zh_recipient(self, start: int) -> bool:
        """Whether a Chinese phrase ending in a node or name that starts at `start` is opened by a recipient marker
        ("给壁仞科技投过钱", "向…的厂商投资", "对燧原科技投资的"): it receives the money, the verb's subject is another."""
        if self.g.lang != "zh":
            return False
        m = None
        for m in re.finditer(r"给|向|对", self.text[:start]):
            pass
        return m is not None and not any(r.row["rel"] in ("invest", "lead") and m.end() <= r.start < start
                                         for r in self.g.rels) and not re.search(r"[，,。？?]", self.text[m.end():start])

    def rel_near(self, a: Atom) -> tuple[str | None, bool]:
        """The relation word governing an entity: right after it (the entity is its subject: 'Samsung invested',
        '三星投资的', 'バイドゥが出資した') or right before it ('backed Biren', '投资了壁仞科技')."""
        best, subject = None, False
        text = self.blank_other_entities(a)
        for r in self.g.rels:
            gap_after = text[a.span.end:r.start] if r.start >= a.span.end else None
            gap_before = text[r.end:a.span.start] if r.end <= a.span.start else None
            if gap_after is not None and len(re.sub(r"\s|が|は|の|has|have|had|did|does", "", gap_after)) == 0:
                if r.row["rel"] in ("invest", "lead") and self.zh_recipient(a.span.start):
                    return r.row["rel"], False  # "谁给壁仞科技投过钱": 壁仞科技 received it
                return r.row["rel"], True
            if gap_after == "-" and re.match(r"[a-z]+(?:ed|made|built)\b", r.text, re.I):
                return r.row["rel"], True  # "Tencent-backed vendors", "TSMC-fabricated chips": the name is the agent
            # (an "and" with no other name in it joins a second predicate: "rely on TSMC and went public")
            if gap_after is not None and not gap_after.strip(" \0") == "" and \
                    ("\0" in gap_after or not re.search(r"and|和|与|及|跟|と|や", gap_after)) and \
                    len(re.sub(_COORD, "", gap_after)) == 0:  # "美团和字节跳动都投资了", "AとBの両方が出資した"
                return r.row["rel"], True
            if gap_before is not None and re.search(r"\bby$|^(?:got|gotten|received|receives?|receiving|obtained|took|"
                                                    r"taken|accepted|attracted)\b.*\bfrom$", r.text, re.I) and \
                    len(re.sub(_COORD + r"|the", "", gap_before)) == 0:  # "backed by (both) IDG Capital (and…)": agent
                # (and the one money is received from: "got funding from HongShan", helper-84)
                return r.row["rel"], True
            if gap_after is not None and len(gap_after.strip()) <= 3 and best is None:
                best, subject = r.row["rel"], False  # "エンフレームに出資した": object
            if gap_before is not None and len(re.sub(_COORD + r"|了|过|the|in|on|by|of", "", gap_before)) <= 1:
                best, subject = r.row["rel"], False
        return best, subject

    def literal_atom(self, n: Node, a: Atom) -> None:
        v, nt, d = self.node_var(n), _etype(n), a.span.data
        k = self.fresh("k")
        if a.kind == "roundname":
            self.round_atom(n, a)
            return
        if a.kind == "listed":  # "listed companies", "上場していない企業": an IPO or a listing exchange
            if nt not in ORGS | {"company"}:
                raise NotUnderstood("not_understood", words=a.span.text)
            r = self.fresh("r")
            self.add(f"{r} aic:fundedCompany {v} . {{ {r} aic:roundName \"IPO\" }} UNION {{ {r} aic:exchange {self.fresh('e')} }}",
                     a.negated)
            return
        if a.kind == "purpose":  # "for training", "面向推理", "推論用": the chip's marketed use
            cls = a.span.row["cls"]
            if nt == "chip":
                self.add(f"{v} a aic:{cls} .", a.negated)
            elif nt in ORGS | {"company"}:
                self.add(f"{self.fresh('c')} aic:designedBy {v} ; a aic:{cls} .", a.negated)
            else:
                raise NotUnderstood("not_understood", words=a.span.text)
            return
        if a.kind == "memory":
            # a family without a generation ("HBM", "GDDR") is any of its generations (HBM3e is HBM)
            test = f"lcase(str({k})) = {_lit(d.lower())}" if re.search(r"\d", d) else \
                f"strstarts(lcase(str({k})), {_lit(d.lower())})"
            pat = f"{v} aic:memoryType {k} . FILTER({test})"
            if nt != "chip":
                c = self.fresh("c")
                pat = f"{c} aic:designedBy {v} ; aic:memoryType {k} . FILTER({test})"
            self.add(pat, a.negated)
        elif a.kind == "exchange":
            val = _lit(a.span.row["value"])
            pat = f"{v} aic:exchange {val} ." if nt == "round" else \
                f"{self.fresh('r')} aic:fundedCompany {v} ; aic:exchange {val} ."
            self.add(pat, a.negated)
        elif a.kind == "region":
            self.region_atom(n, a)
        elif a.kind == "currency":
            if nt != "round":
                raise NotUnderstood("not_understood", words=a.span.text)
            self.currency = a.span.row["code"]
            self.add(f"{v} aic:currency {_lit(self.currency)} .")
        elif a.kind == "cmp":
            self.cmp_atom(n, a, k)
        elif a.kind == "event":
            self.event_atom(n, a)

    def _undated_instead(self, a: Atom, r: str, pattern: str = "", prop: str = "date") -> bool:
        """A year window over rounds (or chips, `prop` announcedIn): note that it is dated, and when the query is the
        one that lists the things the window leaves out for want of a date (`undated`), add that instead; True if it
        did. A window with a month also leaves out the rounds dated by their year alone."""
        if a.negated:
            return False
        self.dated_rounds = True
        if not self.undated:
            return False
        self.undated_var = r
        none = f"NOT EXISTS {{ {r} aic:{prop} {self.fresh('nd')} }}"
        d = a.span.data if isinstance(a.span.data, dict) else {}
        if d.get("month") and a.span.row.get("op") == "=" and prop == "date":  # "in June 2024": a round of "2024"
            yo = self.fresh("yo")
            none += (f" || EXISTS {{ {r} aic:date {yo} . FILTER(STRLEN(STR({yo})) = 4 && "
                     f"year({yo}) = {_lit(d['values'][0])}) }}")
        self.add(f"{pattern}FILTER({none})")
        return True

    def company_round(self, n: Node) -> str:
        """The one round a company's year and amount constraints are both said of ("2024年融资超过10亿元的公司": a
        round of 2024 over 1 billion, not one round of 2024 and another over 1 billion): shared when the node bears
        both a year and an amount, else a fresh round."""
        qs = [a.span.data.get("q") for a in n.atoms if a.kind == "cmp" and isinstance(a.span.data, dict)
              and not a.negated and a.alt is None]
        if not ("Y" in qs and "A" in qs):
            return self.fresh("r")
        if not hasattr(self, "_company_rounds"):
            self._company_rounds: dict[str, str] = {}
        return self._company_rounds.setdefault(n.var, self.fresh("r"))

    def cmp_atom(self, n: Node, a: Atom, k: str) -> None:
        v, nt, d, op = self.node_var(n), _etype(n), a.span.data, a.span.row["op"]
        vals = d["values"]
        if op == "all":  # "raised money in both 2020 and 2021": a round in each year, not a round in either
            if d["q"] != "Y" or nt not in ORGS | {"company"}:
                raise NotUnderstood("not_understood", words=a.span.text)
            for y in dict.fromkeys(vals):
                r, dv = self.fresh("r"), self.fresh("d")
                took = (f"{{ {r} aic:investor {v} }} UNION {{ {r} aic:leadInvestor {v} }}" if n.type == "investor"
                        else f"{r} aic:fundedCompany {v} .")
                self.add(f"{took} {r} aic:date {dv} . FILTER(year({dv}) = {_lit(y)})", a.negated)
            return
        if d["q"] == "Y":
            expr = f"year({k})"
            if nt == "chip":
                pat = f"{v} aic:announcedIn {k} ."
                if not d.get("month") and self._undated_instead(a, v, prop="announcedIn"):
                    return
            elif nt == "round":
                pat = f"{v} aic:date {k} ."
                if self._undated_instead(a, v):
                    return
            elif n.type == "investor":  # "investors that invested in 2021": the rounds they took part in
                r = self.fresh("r")
                pat = f"{{ {r} aic:investor {v} }} UNION {{ {r} aic:leadInvestor {v} }} {r} aic:date {k} ."
            elif nt in ORGS | {"company"}:
                r = self.company_round(n)
                ipo = f" ; aic:roundName \"IPO\"" if self.listing else ""
                pat = f"{r} aic:fundedCompany {v}{ipo} ; aic:date {k} ."
                if self._undated_instead(a, r, f"{r} aic:fundedCompany {v}{ipo} . "):
                    return
            else:
                raise NotUnderstood("not_understood", words=a.span.text)
            if d.get("month"):  # "2025年12月上市": the date's month too; a chip's year (announcedIn) has none
                if nt == "chip" or op != "=":
                    raise NotUnderstood("not_understood", words=a.span.text)
                pat += f" FILTER(month({k}) = {int(d['month'])})"
        elif d["q"] == "N":
            expr = k
            p = self.fresh("p")
            pat = {"process": f"{v} aic:nodeNanometers {k} .",
                   "chip": f"{v} aic:manufacturedOn {p} . {p} aic:nodeNanometers {k} .",
                   "foundry": f"{p} aic:offeredBy {v} ; aic:nodeNanometers {k} ."}.get(nt)
            if pat is None and nt in ORGS | {"company"}:
                c = self.fresh("c")
                pat = f"{c} aic:designedBy {v} ; aic:manufacturedOn {p} . {p} aic:nodeNanometers {k} ."
            if pat is None:
                raise NotUnderstood("not_understood", words=a.span.text)
        else:  # amount
            expr = k
            cur = d.get("currency") or self.question_currency()
            cv = self.fresh("cur")
            if nt == "round":
                pat = f"{v} aic:amount {k} ; aic:currency {cv} ."
            elif n.type == "investor":  # how much an investor put in: the graph holds round totals, not shares
                raise NotUnderstood("not_understood", words=a.span.text)
            elif nt in ORGS | {"company"}:
                pat = f"{self.company_round(n)} aic:fundedCompany {v} ; aic:amount {k} ; aic:currency {cv} ."
            else:
                raise NotUnderstood("not_understood", words=a.span.text)
            if cur:
                pat += f" FILTER({cv} = {_lit(cur)})"
                self.currency = cur
        self.add(f"{pat} FILTER({_condition(expr, a)})", a.negated)

    def event_atom(self, n: Node, a: Atom) -> None:
        """Rounds dated before (or after) the same company's IPO: dates compare as strings ("2020-06" < "2026-01-02");
        a round with no date cannot be placed and is left out."""
        v, nt, d = self.node_var(n), _etype(n), a.span.data
        if nt in ORGS | {"company"} and d["event"] == "ipo":
            # "investors that backed Cambricon before its IPO": the rounds of that company before its IPO they took
            # part in; "companies that raised before their IPO": a round of the company's own before it
            r, ev, dv, de = self.fresh("r"), self.fresh("ev"), self.fresh("d"), self.fresh("ed")
            if n.type == "investor":
                co = next((f"<{b.span.data[0]}>" for b in n.atoms if b.kind == "entity" and not b.excluded and
                           any(t in ORGS for t in _types(self.idx, b.span.data))), None) or self.fresh("co")
                took = f"{{ {r} aic:investor {v} }} UNION {{ {r} aic:leadInvestor {v} }}"
            else:
                co, took = v, ""
            ex = f" ; aic:exchange {_lit(d['exchange'])}" if d.get("exchange") else ""
            self.add(f"{r} aic:fundedCompany {co} ; aic:date {dv} . {took} {ev} aic:fundedCompany {co} ; aic:roundName "
                     f"\"IPO\"{ex} ; aic:date {de} . FILTER(str({dv}) {d['op']} str({de}) && {r} != {ev})", a.negated)
            return
        if nt != "round" or d["event"] != "ipo":
            raise NotUnderstood("not_understood", words=a.span.text)
        co, ev, dv, de = self.fresh("co"), self.fresh("ev"), self.fresh("d"), self.fresh("ed")
        ex = f" ; aic:exchange {_lit(d['exchange'])}" if d.get("exchange") else ""
        pat = (f"{v} aic:fundedCompany {co} ; aic:date {dv} . {ev} aic:fundedCompany {co} ; aic:roundName \"IPO\"{ex} ; "
               f"aic:date {de} . FILTER(str({dv}) {d['op']} str({de}) && {v} != {ev})")
        self.add(pat, a.negated)

    def round_atom(self, n: Node, a: Atom) -> None:
        """A named round ("took part in the Series A", "参与IPO", "シリーズAに参加"): an investor node took part in it
        (as investor or lead), a company node raised it. The round is the company's named on the same node, if any."""
        v, nt = self.node_var(n), _etype(n)
        r, name = self.fresh("r"), _lit(a.span.data)
        if nt == "round":
            self.add(f"{v} aic:roundName {name} .", a.negated)
            return
        if nt not in ORGS | {"company"}:
            raise NotUnderstood("not_understood", words=a.span.text)
        if n.type in ("investor", "org"):
            co = next((f"<{b.span.data[0]}>" for b in n.atoms if b.kind == "entity" and not b.excluded and
                       any(t in ORGS for t in _types(self.idx, b.span.data))), None) or self.fresh("co")
            took = f"{r} aic:leadInvestor {v} ." if any(x.row["rel"] == "lead" for x in self.g.rels) else \
                f"{{ {r} aic:investor {v} }} UNION {{ {r} aic:leadInvestor {v} }}"  # "led the Series A": lead only
            self.add(f"{r} aic:fundedCompany {co} ; aic:roundName {name} . {took}", a.negated)
        else:
            self.add(f"{r} aic:fundedCompany {v} ; aic:roundName {name} .", a.negated)

    def question_currency(self) -> str | None:
        for n in self.g.nodes:
            for a in n.atoms:
                if a.kind == "currency":
                    return a.span.row["code"]
        return None

    def region_atom(self, n: Node, a: Atom) -> None:
        v, nt = self.node_var(n), _etype(n)
        code = a.span.row["country"]
        self.region = code
        org = v
        pre = ""
        made = nt == "chip" and _MADE_IN.search(self.text[:a.span.start])
        if made:  # "chips fabricated outside China", "made in Taiwan": the country of a foundry that made it
            org = self.fresh("o")
            pre = f"{{ {v} aic:fabricatedBy {org} }} UNION {{ {v} aic:manufacturedOn/aic:offeredBy {org} }} "
        elif nt == "chip":
            org = self.fresh("o")
            pre = f"{v} aic:designedBy {org} . "
        elif nt not in ORGS | {"company"}:
            raise NotUnderstood("not_understood", words=a.span.text)
        cc = self.fresh("cc")
        # every organisation the vocabulary places (not only in this country): one placed elsewhere is known not to
        # be in it, and is not reported as unknown
        rows = " ".join(f"(<{iri}> {_lit(c)})" for iri, c in _vocab_countries() if iri in self.idx.entities)
        fallback = (f" UNION {{ VALUES ({org} {cc}) {{ {rows} }} FILTER NOT EXISTS {{ {org} aic:country ?any{cc[1:]} }} }}"
                    if rows else "")
        inner = f"{{ {org} aic:country {cc} }}{fallback}"
        if a.negated and made and "outside" in made.group(0).lower():
            # made outside it: by a foundry known to be elsewhere ("not made in" it stays closed-world, below)
            self.add(f"{pre}{inner} FILTER({cc} != {_lit(code)})")
        elif a.negated:
            self.add(f"{pre}{inner} FILTER({cc} = {_lit(code)})", True)
        elif n is self.g.answer and nt != "chip" and self.g.aggregate in (None, "count"):
            self.region_var = cc
            self.body.append(f"OPTIONAL {{ {inner} }} FILTER(!BOUND({cc}) || {cc} = {_lit(code)})")
        else:
            self.add(f"{pre}{inner} FILTER({cc} = {_lit(code)})")

    # -------------------------------------------------------------------------------------- whole query
    def compile(self) -> Compiled:
        g = self.g
        g.answer.var = "x"
        main = self.body
        groups = {id(n): [] for n in g.nodes if n.negated and n is not g.answer}
        for n in g.nodes:
            self.body = groups.get(id(n), main)
            cls = n.cls or NODE_CLASS.get(n.type)
            if cls and not n.implicit:
                self.add(f"?{n.var} a aic:{cls} .")
            elif n.implicit:
                self.add(f"?{n.var} a aic:ProcessNode .")
            for c_, neg in n.also:  # "backers that are foundries", "不是推理芯片"
                self.add(f"?{n.var} a aic:{c_} .", neg)
            if n.same_class:  # "the same architecture as the H100": its class (GPGPU), not its microarchitecture
                self.same_class(n)
            if n.ipo:  # an IPO: the round named so, or the one with a listing exchange
                self.body.append(f"{{ ?{n.var} aic:roundName \"IPO\" }} UNION {{ ?{n.var} aic:exchange ?ipo_{n.var} }}")
            if n.no_ipo:  # "apart from its IPO": neither
                self.body.append(f"FILTER NOT EXISTS {{ ?{n.var} aic:roundName \"IPO\" }} "
                                 f"FILTER NOT EXISTS {{ ?{n.var} aic:exchange ?ipo_{n.var} }}")
            self.body = main
        alts = {id(a.alt) for n in g.nodes for a in n.atoms if a.alt is not None}
        self.windows = self.investment_windows()
        for n in g.nodes:
            self.body = groups.get(id(n), main)
            for a in n.atoms:
                if id(a) in alts or id(a) in self.window_ids:
                    continue  # compiled with the atom that names it as its alternative, or with the investment
                if a.alt is not None:
                    self.alternatives(n, a)
                    continue
                if a.kind == "entity" and n.implicit and entity_type(self.idx, a.span.data, "foundry") == "foundry":
                    self.add(f"?{n.var} aic:offeredBy <{a.span.data[0]}> .")
                elif a.kind == "entity":
                    self.entity_atom(n, a)
                elif n.implicit and a.kind == "cmp":
                    self.add(f"?{n.var} aic:nodeNanometers {_lit(a.span.data['values'][0])} .")
                else:
                    self.literal_atom(n, a)
        for a, b, rel in g.edges:
            self.body = groups.get(id(a), groups.get(id(b), main))
            self.node_edge(a, b, rel)
        for n in g.nodes:  # a year no investment read stays the node's own ("companies that raised in 2021")
            self.body = groups.get(id(n), main)
            for a in n.atoms:
                if id(a) in self.window_ids and id(a) not in self.windows_used:
                    self.literal_atom(n, a)
        self.body = main
        for grp in groups.values():  # a negated node: none such linked ("not made on TSMC's 6nm process")
            if grp:
                self.body.append(f"FILTER NOT EXISTS {{ {' '.join(grp)} }}")
        if g.answer.type == "investor" and not any(re.search(r"\?x\b", p) for p in self.body
                                                   if not p.startswith(("FILTER", "OPTIONAL"))):
            # "investors that have not backed any…", "how many Chinese investors" (the country only OPTIONAL, binding no
            # class): an investor is one that invested in something (no class needed)
            self.body.insert(0, "{ ?x a aic:Investor } UNION { ?x aic:investedIn ?any_co } UNION "
                                "{ ?any_r aic:investor ?x } UNION { ?any_r aic:leadInvestor ?x }")
        x = "?x"
        kind = None
        if g.answer.type == "round" and g.aggregate in ("sum", "max_amount", "min_amount"):
            g.answer.type = "amount"
        if g.answer.type == "amount":
            self.add(f"?x aic:amount ?amount ; aic:currency ?currency .")
            kind = "amount"
        elif g.answer.type in ("roundname", "currency"):  # "what kind of round", "which currency": the rounds' own
            self.add(f"?x aic:{'roundName' if g.answer.type == 'roundname' else 'currency'} ?{g.answer.type} .")
            kind = g.answer.type
        elif g.answer.type == "memory":
            self.add("?x aic:memoryType ?memory .")
            kind = "memory"
        elif g.answer.type == "exchange":
            self.add(f"?x aic:exchange ?exchange .")
            kind = "exchange"
        body = "\n  ".join(self.body)
        if self.undated:  # which rounds the window left out: every row, whatever the aggregate
            return self.done(f"SELECT DISTINCT * WHERE {{\n  {body}\n}}", None)
        agg = g.aggregate
        order = None
        if agg in ("sum", "max_amount", "min_amount") and kind == "amount":
            fn = {"sum": "SUM", "max_amount": "MAX", "min_amount": "MIN"}[agg]
            q = (f"SELECT ?currency ({fn}(?amount) AS ?value) WHERE {{\n  SELECT DISTINCT ?x ?amount ?currency WHERE {{\n  "
                 f"{body}\n  }}\n}} GROUP BY ?currency")
            return self.done(q, agg)
        if agg in ("min_nm", "max_nm", "max_year", "min_year", "max_amount", "min_amount"):
            o = "?order"
            if agg in ("min_nm", "max_nm"):  # the most advanced (smallest) or oldest (largest) node size
                via = g.answer if g.answer.type in ("process", "chip") else \
                    next((n for n in g.nodes if n.type == "process"), None) or \
                    next(n for n in g.nodes if n.type == "chip")
                opat = f"?{via.var} aic:nodeNanometers ?order ." if via.type == "process" else \
                    f"?{via.var} aic:manufacturedOn ?po . ?po aic:nodeNanometers ?order ."
            elif agg in ("max_year", "min_year") and g.answer.type != "chip" and \
                    any(n.type == "round" for n in g.nodes):  # "had the earliest IPO": its round's date
                rv = next(n for n in g.nodes if n.type == 'round').var  # (dates of several datatypes: compared as strings)
                opat = f"?{rv} aic:date ?d_{rv} . BIND(STR(?d_{rv}) AS ?order)"
            elif agg in ("max_year", "min_year") and g.answer.type == "amount":
                # "Enflameの一番古いラウンドの金額", "Biren's latest round's amount": the round the amount is of, by its
                # date (helper-84)
                opat = "?x aic:date ?d_x . BIND(STR(?d_x) AS ?order)"
            elif agg in ("max_year", "min_year") and g.answer.type not in ("chip", "memory"):  # the year of the answer's chip
                # (a memory asked is the chips' own, ?x: "What memory does AMD's newest chip use?", helper-85)
                opat = f"?{next(n for n in g.nodes if n.type == 'chip').var} aic:announcedIn ?order ."
            elif agg in ("max_year", "min_year"):
                opat = "?x aic:announcedIn ?order ."
            else:
                rn = next((n for n in g.nodes if n.type in ("amount", "round")), None)
                if rn is None:
                    raise NotUnderstood("not_understood", words="max")
                opat = f"?{rn.var} aic:amount ?order ."
            fn = "MIN" if agg in ("min_nm", "min_year", "min_amount") else "MAX"  # max_nm: the largest node
            full = body + "\n  " + opat
            # the newest chip is the newest of all, not of those whose memory is known (a memory asked is its own)
            scope = full.replace("?x aic:memoryType ?memory .", "") if g.answer.type == "memory" and agg in (
                "max_year", "min_year") else full
            q = (f"SELECT DISTINCT * WHERE {{\n  {full}\n  {{ SELECT ({fn}({o}_) AS {o}) WHERE {{ {_rename(scope)} }} }}\n}}")
            if agg in ("max_amount", "min_amount") and not self.currency:
                q = self.max_per_currency(full, rn.var, fn)
            order = o
            return self.done(q, "amount" if agg in ("max_year", "min_year") and g.answer.type == "amount" else
                             "memory" if agg in ("max_year", "min_year") and g.answer.type == "memory" else None, order)
        if agg == "min_count":
            least = next((m.data for m in self.g.marks if m.row["mark"] == "min_count" and m.data), 2)
            return self.min_count(body, least)
        if agg in ("max_count", "least_count"):  # the most / the fewest ("Which vendor has the fewest chips?")
            fn = "MAX" if agg == "max_count" else "MIN"
            other = next((n for n in g.nodes if n is not g.answer), None)
            if other is None and kind in ("memory", "exchange", "roundname", "currency"):
                # "一番多くのチップに使われているメモリの種類": the value shared by the most of the answer's things
                inner = f"SELECT ?{kind} (COUNT(DISTINCT ?x) AS ?n) WHERE {{ {body} }} GROUP BY ?{kind}"
                q = (f"SELECT ?{kind} ?n WHERE {{\n  {{ {inner} }}\n  {{ SELECT ({fn}(?n_) AS ?n) WHERE {{ {{ {_rename(inner)} }} }} }}\n}}")
                return self.done(q, kind, "?n")
            if other is None:
                raise NotUnderstood("not_understood", words="most")
            c = f"?{other.var}"
            inner = f"SELECT ?x (COUNT(DISTINCT {c}) AS ?n) WHERE {{ {body} }} GROUP BY ?x"
            q = (f"SELECT ?x ?n WHERE {{\n  {{ {inner} }}\n  {{ SELECT ({fn}(?n_) AS ?n) WHERE {{ {{ {_rename(inner)} }} }} }}\n}}")
            return self.done(q, None, "?n")
        q = f"SELECT DISTINCT * WHERE {{\n  {body}\n}}"
        return self.done(q, kind if kind else ("count" if agg == "count" else None))

    def led_after(self, n: Node) -> bool:
        """"沐曦的投资方里当过领投的", "Enflameの投資家でリードしたのは": a leading verb after the investors, with no other
        node between, says they led the named company's rounds (helper-84; the company's investors of any kind were
        counted when no round of it had a lead)."""
        return n.type == "investor" and any(
            r.row["rel"] == "lead" and r.start >= n.end and not any(n.end <= m.start < r.start for m in self.g.nodes) and
            not any(m.row["mark"] in ("negate", "except") and n.end <= m.start < r.end for m in self.g.marks)
            for r in self.g.rels)

    def max_per_currency(self, full: str, var: str, fn: str = "MAX") -> str:
        """The largest amount when no currency is named: compared only within one currency (no exchange rate in the
        graph), so a question over rounds in several currencies gets the largest of each, said so by composed.run."""
        full += f" ?{var} aic:currency ?ocur ."
        return (f"SELECT DISTINCT * WHERE {{\n  {full}\n  {{ SELECT (?ocur_ AS ?ocur) ({fn}(?order_) AS ?order) WHERE {{ "
                f"{_rename(full)} }} GROUP BY ?ocur_ }}\n}}")

    def min_count(self, body: str, least: int = 2) -> Compiled:
        """'investors that backed more than one company': the answers linked to at least `least` distinct others."""
        other = next((n for n in self.g.nodes if n is not self.g.answer and n.answerable), None)
        if other is None:
            raise NotUnderstood("not_understood", words="more than one")
        c = f"?{other.var}"
        q = (f"SELECT ?x ?n WHERE {{\n  {{ SELECT ?x (COUNT(DISTINCT {c}) AS ?n) WHERE {{ {body} }} GROUP BY ?x }}\n"
             f"  FILTER(?n >= {least})\n}}")
        return self.done(q, None, "?n")

    def done(self, q: str, kind: str | None, order: str | None = None) -> Compiled:
        prefixes = "".join(line + "\n" for line in template("evidence").splitlines() if line.startswith("PREFIX"))
        if "PREFIX aic:" not in prefixes:
            prefixes = "PREFIX aic: <https://w3id.org/aichip/ontology#>\n" + prefixes
        return Compiled(prefixes + q, "x", kind, order, self.region_var, self.triples, self.currency, self.region,
                        self.dated_rounds, self.undated_var)


# a country said of where a chip is made ("fabricated outside China", "made in Taiwan"): its foundry's, not its designer's
_MADE_IN = re.compile(r"(?:made|manufactured|fabricated|fabbed|produced|built)\s+(?:in|outside(?:\s+of)?|within)\s+"
                      r"(?:the\s+)?$", re.I)


def _condition(expr: str, a: Atom) -> str:
    """The FILTER condition of comparison atom `a` on `expr`."""
    op, vals = a.span.row["op"], a.span.data["values"]
    if op == "between":
        lo, hi = (vals + vals)[:2]
        return f"{expr} >= {_lit(lo)} && {expr} <= {_lit(hi)}"
    if op == "in":  # "2022 or 2023", "2022年か2023年": either year
        return " || ".join(f"{expr} = {_lit(v)}" for v in dict.fromkeys(vals))
    return f"{expr} {op} {_lit(vals[0])}"


def _rename(body: str) -> str:
    return re.sub(r"\?(\w+)", r"?\1_", body)


def _types(idx: Any, iris: tuple[str, ...]) -> list[str]:
    from api.ask.compose import CLASS_TYPES
    out = []
    for iri in iris[:1]:
        e = idx.entities.get(iri)
        if e is None:
            continue
        for cls, t in CLASS_TYPES:
            if e.is_a(cls) and t not in out:
                out.append(t)
    return out


def vocab_countries(code: str) -> list[tuple[str, str]]:
    return [(iri, c) for iri, c in _vocab_countries() if c == code]


_VC: list[tuple[str, str]] = []


def _vocab_countries() -> list[tuple[str, str]]:
    """(IRI, ISO code) of the vocabulary's organisations: the fallback when the graph states no country."""
    if not _VC:
        from kg.namespace import AID_IRI
        from ontology import load_vocab
        try:
            _VC.extend((AID_IRI + e.id, e.country) for e in load_vocab() if getattr(e, "country", None))
        except Exception:  # a vocabulary being edited must not break questions
            pass
    return _VC
