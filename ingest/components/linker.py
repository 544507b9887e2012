"""`aic_linker`: one canonical entity per mention.

Ambiguous names are resolved by context (a foundry cue prefers the Foundry reading) or left with a lower
confidence; "the company" / 同社 / 该公司 link to the organisation the paragraph is about; a process size
is tied to the foundry named beside it ("TSMC 4nm", "台积电的4纳米", "4nm … only TSMC can make") and to
that foundry's process in the vocabulary when the text identifies one, else to a new foundry-specific
process node.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

import ontology
from ingest.components import mentions
from ingest.components.relations.common import cue_spans, guarded
from ingest.components.context import context_of
from ingest.model import DocContext, Mention
from ontology.normalize import key as norm_key


FIRST_PERSON = re.compile(r"\b(?:[Ww]e|us)\b")
FIRST_PERSON_COMPANY = re.compile(r"\b(?:[Ww]e|[Oo]ur|us)\b")
FIRST_PERSON_ZH = re.compile(r"我们|我司")
# 它 opening a sentence or an answer, before what it is or where it is made ("它是在台积电N4P上做的")
ZH_CHIP_PRONOUN = re.compile(r"^\s*(?:答\s?[：:]\s?)?(它)(?=是|采用|用|基于|在|由|的)")
def _quoted(text: str, at: int) -> bool:
    """Whether the character at `at` stands inside a quotation of its sentence (an odd count of marks before it)."""
    before = text[:at]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


# an organisation named as a foundry ("Velmora Foundry", "Kestrel Fab"): a Foundry though no vocabulary knows it
FOUNDRY_NAME = re.compile(r"(?<=\S)\s(?:Foundry|Foundries|Fab|Fabs|Fabrication)$")


def _foundry_id(f: Mention) -> str:
    """The foundry a node is tied to: its vocabulary id, or the key of a foundry only this text names."""
    return f.ids[0] if f.ids else f.key


class Linker:
    def __init__(self, vocab_dir: str = ""):
        self.vocab = ontology.load_vocab(vocab_dir or None)
        self.nodes_by_foundry: dict[tuple[str, float], list] = {}
        for e in self.vocab:
            if e.source == "process_nodes" and e.foundry and e.nanometers is not None:
                self.nodes_by_foundry.setdefault((e.foundry, float(e.nanometers)), []).append(e)
        self.next_of = _next_generations(self.vocab)

    def __call__(self, doc: Doc) -> Doc:
        ms = mentions(doc)
        ctx = context_of(doc)
        for m in ms:
            if len(m.ids) > 1:
                self._disambiguate(m)
        self._coref(doc, ms, ctx)
        self._first_person(doc, ms, ctx)
        self._chip_pronoun(doc, ms, ctx)
        others = cue_spans(doc, "_successor")
        for m in ms:  # "its next-generation LPU inference chips": the planned chip the vocabulary knows, if it knows one
            nxt = self.next_of.get(m.ids[0]) if m.kind == "chip" and len(m.ids) == 1 else None
            if nxt and (any(0 <= m.start - e <= 3 and "," not in doc.text[e:m.start] for _, e in others)
                        or NEXT_BEFORE.search(doc.text, max(0, m.start - 8), m.start)):  # ("… for next LPU": a headline)
                m.ids, m.types = (nxt.id,), nxt.types
                m.extra["next_generation"] = True
        kept = [m for m in ms if m.extra.get("next_generation") or not (m.kind == "chip" and not any(c.isdigit() for c in m.text)
                                      and any(0 <= m.start - e <= 3 and "," not in doc.text[e:m.start] for _, e in others)
                                      and not (m.start > 0 and doc.text[m.start - 1] in "「『“\""))]  # 前世代の「AK-Kiri」
        # ("Its successor, Blackhole, …": a name in apposition to the successor word is that successor's)
        # "Inferentia 系", "昇腾系列", "the Gaudi family": a product line, not one chip
        kept = [m for m in kept if not (m.kind == "chip" and not any(c.isdigit() for c in m.text) and
                                        re.match(r"^\s?(?:系列|系|シリーズ|(?:family|series|line(?:-up)?)\b)",
                                                 doc.text[m.end:m.end + 10], re.I))]
        if len(kept) < len(ms):
            doc._.successor_chip = True  # "a next-generation LPU is slated for …"
        # "Iron Pine Angel Fund", "ヒノデ・エンジェル・ファンド": a round word inside a fund's name names no round
        orgs = [m for m in kept if m.kind == "org" and not m.extra.get("coref")]
        kept = [m for m in kept if not (m.kind == "round" and any(
            o.start <= m.start and m.end <= o.end and o.end - o.start > m.end - m.start for o in orgs))]
        ms[:] = kept
        for m in ms:  # "磐石PS-90基于…": a model code does not end with the first half of the next word
            if m.kind == "chip" and not m.ids and re.search(r"[A-Za-z0-9][\u4e00-\u9fff]$", m.text) \
                    and _zh_word(doc.text[m.end - 1:m.end + 1]):
                m.end -= 1
                m.text = m.text[:-1]
        for m in ms:  # "Velmora Foundry": a name no vocabulary knows, that says what it is
            if m.kind == "org" and not m.ids and not m.extra.get("coref") and FOUNDRY_NAME.search(m.text):
                m.types = ("Foundry",)
        self._nodes(doc, ms, ctx)
        self._merge_node_pairs(doc, ms)
        return doc

    def _merge_node_pairs(self, doc: Doc, ms: list) -> None:
        """"7nm N+2" or "5nm (N5)": one process written twice; keep the more specific name."""
        nodes = [m for m in ms if m.kind == "node"]
        for a, b in zip(nodes, nodes[1:]):
            gap = doc.text[a.end:b.start]
            gap = re.sub(r"^\s*(?:工艺|工藝|制程|製程|process|node|プロセス)?", "", gap)
            gap = re.sub(r"(?:第[一二三四五]代|[a-z]+-generation|第[1-5]世代)\s*$", "", gap)
            if len(gap) > 3 or gap.strip(" (（") or a.extra.get("dropped") or not a.extra.get("key") \
                    or not b.extra.get("key"):
                continue
            if a.value is not None and b.value is not None and float(a.value) != float(b.value):
                continue
            keep, drop = (b, a) if (b.ids and not a.ids) or (a.extra["key"].startswith("node:") and
                                                            b.extra["key"].startswith("id:")) else (a, b)
            drop.extra["dropped"] = True
            keep.extra.setdefault("alt", drop.text)
        ms[:] = [m for m in ms if not m.extra.get("dropped")]

    def _disambiguate(self, m: Mention) -> None:
        k = norm_key(m.text)
        exact = [i for i in m.ids if norm_key(self.vocab[i].name_en) == k]
        if len(exact) == 1:
            m.ids = (exact[0],)
        else:
            m.extra["ambiguous"] = True

    def _coref(self, doc: Doc, ms: list, ctx: DocContext) -> None:
        prev = ctx.defined or ctx.topic  # (a filing's "公司" is the company its definition names)
        orgs = [m for m in ms if m.kind == "org"]
        for s, e in cue_spans(doc, "_coref_org"):
            named = [m for m in ms if m.start == s and m.end == e and m.kind == "org" and m.extra.get("unknown")]
            if named and doc.lang_ == "ja":  # the defined reference word, found as a name in view
                ms.remove(named[0])
            if any(m.start <= s < m.end for m in ms):
                continue
            # "寒武紀科技（…、以下「同社」）": a reference word the document defined stands for its company throughout
            alias = ctx.names.get(norm_key(doc.text[s:e])) if doc.lang_ == "ja" else None
            if alias is not None and alias.kind == "org" and alias.key:
                ms.append(Mention(s, e, doc.text[s:e], "org", (alias.key[3:],) if alias.key.startswith("id:") else (),
                                  extra={"coref": True, "key": alias.key, "alias": True}))
                continue
            if ctx.issuer and doc.lang_ == "ja" and doc.text[s:e] == "当社":  # a disclosure's (a headline's) 当社 is its issuer
                ms.append(Mention(s, e, "当社", "org", (ctx.issuer[3:],) if ctx.issuer.startswith("id:") else (),
                                  extra={"coref": True, "key": ctx.issuer}))
                continue
            if not prev:
                continue
            if any(o.start < s and not _MATTER.match(doc.text, o.end) for o in orgs) \
                    and not any(0 <= s - b <= 1 for _, b in cue_spans(doc, "_hold")):
                continue  # an organisation named earlier in the sentence is the likelier antecedent
                # (but not of the company it holds: "阿里巴巴通过旗下创投平台持有公司2.08%股份")
            if doc.lang_ == "en" and doc.text[s:e].lower() == "its" and any(
                    m.kind == "chip" and m.end <= s and not re.sub(r"[\W_]", "", doc.text[:m.start]) for m in ms):
                continue  # "Gaudi 3 was the cheapest …, but its compiler …": the chip the sentence opens on
            if doc.lang_ == "zh" and any((o.start == e or o.start == e + 1 and doc.text[e] in "（(")
                                         and not o.extra.get("coref") for o in orgs):
                continue  # "边缘AI芯片公司芯湃微", "我们公司（澄湃智算）": the word describes the name right after it
            if prev.startswith("new:") and ctx.topic_paragraph != ctx.paragraph and doc.text[s:e].lower() == "its":
                continue  # a guessed topic from an earlier paragraph is too weak an antecedent for a bare "its"
            ms.append(Mention(s, e, doc.text[s:e], "org", (prev[3:],) if prev.startswith("id:") else (),
                              extra={"coref": True, "key": prev}))
        ms.sort(key=lambda m: (m.start, -m.end))

    @staticmethod
    def _chip_pronoun(doc: Doc, ms: list, ctx: DocContext) -> None:
        """"LC-M3刚刚量产。它是在台积电N4P上做的，我们第一代LC-M2用的是…": a Chinese sentence (or answer) that opens on
        它 goes on about the one chip of the sentence before in the paragraph, whatever other chip it names later."""
        m = ZH_CHIP_PRONOUN.match(doc.text) if doc.lang_ == "zh" else None
        prev = ctx.previous
        if m is None or prev is None or prev.paragraph != ctx.paragraph or len({c.key for c in prev.chips}) != 1:
            return
        s, e = m.span(1)
        if any(x.start < e and s < x.end for x in ms):
            return
        c = prev.chips[0]
        ms.append(Mention(s, e, doc.text[s:e], "chip", c.ids, c.types, c.value, {"coref": True, "key": c.key,
                                                                              "unknown": c.extra.get("unknown", False)}))
        ms.sort(key=lambda x: (x.start, -x.end))

    @staticmethod
    def _first_person(doc: Doc, ms: list, ctx: DocContext) -> None:
        """"We led the Series A of …" in a letter a fund writes (`DocContext.author_investor`): in a sentence about a
        round, "we"/"us" is that fund (marked `first_person`: a party to the deal, never the company funded)."""
        if doc.lang_ in ("en", "zh") and ctx.author_company and (ctx.voice is None or ctx.paragraph in ctx.voice):
            key, ids = ctx.author_company  # "When we unveiled the SN40L": the company whose team posts (or whose head answers)
            for m in (FIRST_PERSON_COMPANY if doc.lang_ == "en" else FIRST_PERSON_ZH).finditer(doc.text):
                if not ctx.voice_quoted and _quoted(doc.text, m.start()):
                    continue
                if not any(x.start < m.end() and m.start() < x.end for x in ms):
                    ms.append(Mention(m.start(), m.end(), m.group(0), "org", ids, (), extra={"coref": True, "key": key}))
            ms.sort(key=lambda m: (m.start, -m.end))
            return
        if doc.lang_ != "en" or not ctx.author_investor or not (
                cue_spans(doc, "funding") or cue_spans(doc, "_lead") or cue_spans(doc, "_participate")):
            return
        for m in FIRST_PERSON.finditer(doc.text):
            if not any(x.start < m.end() and m.start() < x.end for x in ms):
                ms.append(Mention(m.start(), m.end(), m.group(0), "org", (), (),
                                  extra={"coref": True, "key": ctx.author_investor, "first_person": True}))
        ms.sort(key=lambda m: (m.start, -m.end))

    def _nodes(self, doc: Doc, ms: list, ctx: DocContext) -> None:
        foundries = [m for m in ms if m.kind == "org" and ("Foundry" in m.types)]
        doc_foundries = ctx.foundries | {m.ids[0] for m in foundries if m.ids}
        for m in ms:
            if m.kind != "node":
                continue
            foundry = m.extra.get("foundry") or ""
            near = self._nearest_foundry(m, [f for f in foundries
                                             if not guarded(doc, min(f.start, m.start), max(f.end, m.end))
                                             or written_with(doc, f, m)])
            if near is not None:
                if not foundry or foundry == _foundry_id(near):
                    foundry = _foundry_id(near)
                    m.extra["foundry_mention"] = near
            if not foundry and not foundries:
                foundry = _maker_of_chips(doc, ms, ctx)  # "TSMC manufactures them; the MI300X mixes 5nm … dies"
                if foundry:
                    m.extra["maker"] = ctx.maker[3]  # (the foundry's key, for offeredBy)
            if foundry and not m.extra.get("foundry_mention") and foundry not in doc_foundries:
                # a foundry-specific name whose foundry the document never names: keep it unresolved
                m.extra["foundry_from_name"] = True
            m.extra["foundry"] = foundry
            if not foundry:
                m.extra["key"] = ""
                continue
            if m.ids and self.vocab[m.ids[0]].foundry == foundry:
                m.extra["key"] = "id:" + m.ids[0]
                continue
            if foundry not in self.vocab.entries:  # a foundry only this text names: a node of its own
                m.extra["key"] = f"node:{foundry}:{_fmt(float(m.value) if m.value is not None else None)}"
                continue
            nm = float(m.value) if m.value is not None else None
            cands = self.nodes_by_foundry.get((foundry, nm), []) if nm is not None else []
            k = norm_key(m.text)
            named = [c for c in cands if any(norm_key(n).endswith(k) for n in c.names)] if k else []
            generic = [c for c in cands if any(norm_key(n) == norm_key(f"{self.vocab[foundry].name_en} {_fmt(nm)}nm")
                                               for n in c.names)]
            if len(named) == 1 and not k.endswith("nm"):
                m.extra["key"] = "id:" + named[0].id
            elif generic:
                m.extra["key"] = "id:" + generic[0].id
            elif len(cands) == 1:
                m.extra["key"] = "id:" + cands[0].id
            else:
                m.extra["key"] = f"node:{foundry}:{_fmt(nm)}"

    @staticmethod
    def _nearest_foundry(node: Mention, foundries: list) -> Mention | None:
        best, dist = None, 10 ** 9
        for f in foundries:
            if node.start <= f.start and f.end <= node.end:
                return f  # "台积电7纳米": the foundry is written inside the node's name
            d = node.start - f.end if f.end <= node.start else (f.start - node.end) * 1.5
            if 0 <= d < dist:
                best, dist = f, d
        return best


# "子会社の昆侖芯（クンルンシン）について、同社は…": a company named as the matter discussed is no antecedent of 同社
_MATTER = re.compile(r"[）)]?\s?(?:[（(][^（）()]{1,30}[）)])?\s?(?:について|に関して|に関し|をめぐ|关于)")


NEXT_BEFORE = re.compile(r"\b[Nn]ext\s+$")
# the words that name a planned successor in the vocabulary ("Groq next-generation LPU", "Maia (next generation)")
_NEXT_MARK = re.compile(r"\s*[（(]\s*(?:next generation|次世代|下一代)\s*[）)]|\bnext[- ]generation\s+|次世代|下一代")


def _next_generations(vocab) -> dict:
    """Chip id -> the vocabulary entry of its planned next generation: an entry named as another chip's name with a
    next-generation mark ("Groq next-generation LPU" of "Groq LPU")."""
    by_name: dict[str, list] = {}
    for e in vocab:
        if e.source == "chips" or "Chip" in e.types:
            for n in e.names:
                by_name.setdefault(norm_key(n), []).append(e)
    out = {}
    for e in vocab:
        if not ("Chip" in e.types):
            continue
        for n in e.names:
            if not _NEXT_MARK.search(n):
                continue
            base = norm_key(_NEXT_MARK.sub(" ", n).strip())
            prev = [p for p in by_name.get(base, []) if p.id != e.id]
            if len(prev) == 1:
                out.setdefault(prev[0].id, e)
    return out


def _maker_of_chips(doc: Doc, ms: list, ctx: DocContext) -> str:
    """English: the foundry an earlier sentence of the paragraph said makes the chips this sentence names (all of
    them among those), when this sentence names no foundry and no other company (DocContext.maker); else ""."""
    if doc.lang_ != "en" or ctx.maker is None or ctx.maker[0] != ctx.paragraph:
        return ""
    chips = {m.key for m in ms if m.kind == "chip"}
    others = [m for m in ms if m.kind == "org" and not m.extra.get("coref")]
    if not chips or not chips <= ctx.maker[2] or others or guarded(doc, 0, len(doc.text)):
        return ""
    return ctx.maker[1]


def written_with(doc: Doc, f: Mention, node: Mention) -> bool:
    """The foundry written right before its node ("ラピダスの2ナノ品", "三星4纳米"): the node is that foundry's,
    whatever the sentence says of it (only considered, only rumoured)."""
    gap = doc.text[f.end:node.start].strip()  # (and in English "Intel's 18A", "TSMC's N3")
    return f.end <= node.start and (doc.lang_ in ("ja", "zh") and gap in ("", "の", "的")
                                    or doc.lang_ == "en" and gap in ("'s", "’s"))


def _zh_word(two: str) -> bool:
    from ingest.components.unknown import _zh_tags
    return len(two) == 2 and bool(_zh_tags().get(two))


def _fmt(nm: float | None) -> str:
    if nm is None:
        return "?"
    return str(int(nm)) if nm == int(nm) else str(nm)


@Language.factory("aic_linker", assigns=["doc._.mentions"], requires=["doc._.mentions"],
                  default_config={"vocab_dir": ""})
def make_linker(nlp: Language, name: str, vocab_dir: str) -> Linker:
    return Linker(vocab_dir)
