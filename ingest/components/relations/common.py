"""What every relation extractor shares: trigger cues from the language's lexicon, the negation and
rumour guard, mention selection and fact creation."""
from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc

import ontology
from ingest.model import Fact, Mention
from ontology.normalize import fold

GUARD_WINDOW = 12


@lru_cache(maxsize=16)
def _compiled(lang: str) -> dict[str, tuple[list[re.Pattern], float]]:
    """Patterns per relation (rows of one relation pooled; the first row's confidence)."""
    out: dict[str, tuple[list[re.Pattern], float]] = {}
    for row in ontology.load_lexicon(lang, "relations"):
        pats, conf = out.get(row["relation"], ([], float(row.get("confidence", 0.8))))
        out[row["relation"]] = (pats + [re.compile(p) for p in row["patterns"]], conf)
    return out


@lru_cache(maxsize=16)
def _rows(lang: str) -> dict[str, list[tuple[re.Pattern, dict]]]:
    out: dict[str, list[tuple[re.Pattern, dict]]] = {}
    for row in ontology.load_lexicon(lang, "relations"):
        for p in row["patterns"]:
            out.setdefault(row["relation"], []).append((re.compile(p), row))
    return out


def cues(doc: Doc, relation: str) -> list[tuple[int, int, dict]]:
    """Like `cue_spans`, with the lexicon row of each match, whose keys say its role (`agent`: the side
    of the party that acts, for passive and active wordings)."""
    folded, offsets = _folded(doc)
    out = []
    for p, row in _rows(lang_of(doc)).get(relation, []):
        for m in p.finditer(folded):
            if m.end() > m.start():
                out.append((offsets[m.start()], offsets[m.end() - 1] + 1, row))
    out.sort(key=lambda c: (c[0], -c[1]))
    return out


def _folded(doc: Doc) -> tuple[str, list[int]]:
    cache = doc.user_data.get("_folded")
    if cache is None:
        cache = fold(doc.text)
        if doc.lang_ in ("ja", "zh") and len(_SPACED_CJK.findall(doc.text)) >= 3:
            cache = _unspaced(*cache)
        doc.user_data["_folded"] = cache
    return cache


# machine translation that spaces Chinese and Japanese words ("首轮 融资 于 2020年9月 完成，投资者 是 …"): cues are
# matched as if the blanks between CJK characters were not there
_SPACED_CJK = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff] [\u3040-\u30ff\u4e00-\u9fff]")
_CJK = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\"“”]")


def _unspaced(folded: str, offsets: list[int]) -> tuple[str, list[int]]:
    keep = [i for i, ch in enumerate(folded)
            if not (ch == " " and 0 < i < len(folded) - 1 and (_CJK.match(folded[i - 1]) or _CJK.match(folded[i + 1]))
                    and not (folded[i - 1].isascii() and folded[i - 1].isalnum() and folded[i + 1].isascii()
                             and folded[i + 1].isalnum()))]
    return "".join(folded[i] for i in keep), [offsets[i] for i in keep] + [offsets[-1]]


def lang_of(doc: Doc) -> str:
    return doc.lang_ if doc.lang_ in ("ja", "zh", "en") else "en"


def cue_spans(doc: Doc, relation: str) -> list[tuple[int, int]]:
    """Spans (in the original sentence) where the lexicon's patterns for `relation` match."""
    key = ("_cues", relation)
    if key in doc.user_data:
        return doc.user_data[key]
    folded, offsets = _folded(doc)
    pats, _ = _compiled(lang_of(doc)).get(relation, ([], 0.0))
    spans = []
    for p in pats:
        for m in p.finditer(folded):
            if m.end() > m.start():
                spans.append((offsets[m.start()], offsets[m.end() - 1] + 1))
    spans.sort()
    doc.user_data[key] = spans
    return spans


def confidence(doc: Doc, relation: str) -> float:
    return _compiled(lang_of(doc)).get(relation, ([], 0.8))[1]


def has_cue(doc: Doc, relation: str, start: int = 0, end: int | None = None) -> bool:
    end = len(doc.text) if end is None else end
    return any(s >= start and e <= end for s, e in cue_spans(doc, relation))


def guarded(doc: Doc, start: int, end: int) -> bool:
    """True when a negation or rumour cue lies in the clause around [start, end)."""
    from ingest.tables import cells
    row = cells(doc.text) if "|" in doc.text or "\t" in doc.text else []
    if row:  # a table row: "| 墨鲸半导体 | MJ-V20 | … | 台积电6纳米 | 未披露 |" hedges only the cell it is written in
        lo = next((a for a, b in row if a <= start <= b), 0)
        hi = next((b for a, b in row if a <= end <= b), len(doc.text))
        return any(lo <= s and e <= hi for rel in ("_hedge", "_negation", "_rumour") for s, e in cue_spans(doc, rel))
    for s, e in cue_spans(doc, "_hedge"):
        # "…, but neither has been confirmed": a hedge covers its whole sentence part (up to ；/;)
        lo, hi = _part_bounds(doc.text, min(s, start), max(e, end))
        if lo <= start and end <= hi and lo <= s and e <= hi:
            return True
    if doc.lang_ in ("ja", "zh") and any(OPENING_HEARSAY.match(doc.text, e) and e <= start
                                         for s, e in cue_spans(doc, "_rumour")):
        return True  # "据传，…", "此前有市场消息称，…": hearsay before a comma covers what follows it
    if any(start <= s and e <= end for s, e in cue_spans(doc, "_comparison")):
        return True
    if any(end <= s for s, _ in cue_spans(doc, "_denial")):
        return True  # "有自媒体说X入股了Y，结果X当天就发声明辟谣": what a sentence reports before its denial is denied  # "由384颗昇腾910C…组成，对标英伟达的GB200 NVL72": compared, not related
    a, b = clause_bounds(doc, start, end)
    alternative = set(cue_spans(doc, "_alternative"))  # "… ship with GDDR6 rather than HBM": denies only what follows
    asides = _asides(doc, start, end)
    for rel in ("_negation", "_rumour"):
        for s, e in cue_spans(doc, rel):
            if a <= s and e <= b and not ((s, e) in alternative and s >= end) \
                    and not any(x <= s and e <= y for x, y in asides):
                return True
    return False


def compared_target(doc: Doc, m: Mention) -> bool:
    """The mention is what the sentence compares with ("cheaper per token than the GPU crowd", "alternatives to the
    GPU", "unlike the H100"; lexicon `_compared_with`, matched on the words right before it): no design, maker or
    process of the thing the sentence is about."""
    before = fold(doc.text[max(0, m.start - 40):m.start])[0]
    return any(p.search(before) for p, _ in _rows(lang_of(doc)).get("_compared_with", []))


OPENING_HEARSAY = re.compile(r"\s?[，,、]")
# an English relative clause set off by commas ("In its 2020 round, which did not disclose an amount, A and B joined")
_EN_ASIDE = re.compile(r",\s+(?:which|who|whom|whose)\b[^,;.]*,")


def _asides(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """Relative clauses between commas that lie wholly between the two ends of a fact (English): what they deny
    or hedge is said of the thing before them, not of the fact around them."""
    if lang_of(doc) != "en":
        return []
    return [m.span() for m in _EN_ASIDE.finditer(doc.text) if start < m.start() and m.end() < end]


def _part_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    lo = max((m.end() for m in re.finditer(r"[；;]", text[:start])), default=0)
    m = re.search(r"[；;]", text[end:])
    return lo, (end + m.start() if m else len(text))


_CLAUSE = re.compile(r"[;；。:：，]|,(?!\d)|が、|けれど|但是|然而|(?<=[,，、])\s*(?:but|while|whereas|however|但|而|しかし|一方)|(?:but|however|whereas)\b")


def clause_bounds(doc: Doc, start: int, end: int) -> tuple[int, int]:
    text = doc.text
    a = 0
    for m in _CLAUSE.finditer(text, 0, start):
        a = m.end()
    m = _CLAUSE.search(text, end)
    b = m.start() if m else len(text)
    return max(0, a - GUARD_WINDOW // 2), min(len(text), b)


def of_kind(ms: list[Mention], *kinds: str) -> list[Mention]:
    return [m for m in ms if m.kind in kinds]


def can_be(m: Mention, cls: str) -> bool:
    """Could this organisation mention play `cls` (from the vocabulary's types; unknown names can)?"""
    if not m.types:
        return True
    return cls in m.types or (cls == "Organization")


def distance(a: Mention, b: Mention) -> int:
    if a.end <= b.start:
        return b.start - a.end
    if b.end <= a.start:
        return a.start - b.end
    return 0


def between(doc: Doc, a: Mention, b: Mention) -> str:
    lo, hi = (a, b) if a.start <= b.start else (b, a)
    return doc.text[lo.end: hi.start]


def add(doc: Doc, subj: Mention | str, pred: str, obj, conf: float, extractor: str,
        spans: list[Mention] | None = None, literal: bool = False, datatype: str | None = None) -> Fact | None:
    from ingest.components import facts
    s_key = subj if isinstance(subj, str) else subj.key
    o_key = obj if (literal or isinstance(obj, str)) else obj.key
    if not s_key or (not literal and not o_key) or s_key == o_key:
        return None
    parts = [m for m in (spans or []) if isinstance(m, Mention)]
    for m in (subj, obj):
        if isinstance(m, Mention):
            parts.append(m)
    start = min((m.start for m in parts), default=0)
    end = max((m.end for m in parts), default=len(doc.text))
    f = Fact(s_key, pred, o_key, start, end, round(conf, 3), extractor, literal, datatype)
    for old in facts(doc):
        if (old.subject, old.predicate, old.object) == (f.subject, f.predicate, f.object):
            return old
    facts(doc).append(f)
    for m in (subj, obj):
        if isinstance(m, Mention):
            m.extra["used"] = True
    return f


_PAIR_CLAUSE = re.compile(r"[;；。，]|,\s")


def same_clause(doc: Doc, a: Mention, b: Mention) -> bool:
    """No clause separator (，/, /；) between two mentions."""
    lo, hi = (a, b) if a.start <= b.start else (b, a)
    return not _PAIR_CLAUSE.search(doc.text, lo.end, max(lo.end, hi.start))


def nearest(doc: Doc, anchor: Mention, cands: list, after_weight: float = 1.0, before_weight: float = 1.3):
    """The candidate closest to `anchor`, preferring those in the same clause."""
    def cost(c):
        d = distance(anchor, c) * (after_weight if c.start >= anchor.end else before_weight)
        return (0 if same_clause(doc, anchor, c) else 1, d)
    return min(cands, key=cost) if cands else None


# ", which Fenwright launched in 2025 on TSMC's 6nm N6 process": a relative clause about the chip before it
# (", the last of which TSMC makes on N5", ", the latter of which …": the clause picks the last item of a list)
# a bracket right after a chip's name, and a participle clause after it and its maker ("the QP-12 from Quillon
# Semiconductor, fabricated by Samsung …"): what they say is about that chip (relative_owner)
_BRACKET_AFTER = re.compile(r"\s*\(")
_PARTICIPLE_OPEN = re.compile(r"(?:\s+(?:from|by)\s+[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,3})?,\s+(?:(?:both|each|all|also)\s+)?"
                              r"(?:made|built|fabricated|manufactured|produced|fabbed|taped out)\b")
_RELATIVE_OPEN = re.compile(r",\s+(?:which|that|whose|the\s+(?:last|latter)(?:\s+one)?\s+of\s+which)\b")


# nothing but a determiner before a name that opens an English sentence (its subject)
_OPENS_SUBJECT = re.compile(r"\W*(?:(?:The|the|Its|its|Their|their|This|this)\s+)?")
_LATTER = re.compile(r"后者|後者|前者|\b(?:the latter|the former)\b", re.I)


def relative_owner(doc: Doc, chips: list, target):
    """The chip whose relative clause (", which …" right after it, to the next clause break) holds `target`, or
    None (English): such a clause states facts about that chip only. "…曦思N100，…曦云C500，后者属于GPGPU架构", "the
    latter uses …": a word that points at the last (or first) chip named before it, in any language."""
    text = doc.text
    for w in _LATTER.finditer(text, 0, target.start):
        named = sorted((c for c in chips if c.end <= w.start()), key=lambda c: c.start)
        if len(named) >= 2 and not re.search(r"[。；;]|\.\s", text[w.end():target.start]):
            return named[0] if w.group(0).lower() in ("前者", "the former") else named[-1]
    if doc.lang_ != "en":
        return None
    for c in chips:
        b = _BRACKET_AFTER.match(text, c.end)  # "the HD-3 (built on TSMC's 6nm process) trailed the V9": the bracket's chip
        close = text.find(")", b.end()) if b else -1
        if b and b.end() <= target.start and (close < 0 or target.end <= close):
            return c
        p = _PARTICIPLE_OPEN.match(text, c.end)  # "the QP-12 from Quillon, fabricated by Samsung on 8nm, against the BR-2"
        stop = re.search(r"[,;()]|\.\s", text[p.end():]) if p else None
        if p and p.end() <= target.start and (stop is None or target.end <= p.end() + stop.start()):
            return c
        m = _RELATIVE_OPEN.match(text, c.end)
        if m is None or target.start < m.end():
            continue
        stop = re.search(r"[;.]\s|,\s+(?:and|but)\s+(?!which)|\s+and\s+(?:is|was|has|will)\b", text[m.end():])
        if _OPENS_SUBJECT.fullmatch(text, 0, c.start):  # "The WSE-3, which TSMC builds on 5nm, succeeded the WSE-2, a
            close = re.search(r",\s", text[m.end():])  # 7nm part": a subject's clause closes at the comma before its verb
            stop = close if close and (stop is None or close.start() < stop.start()) else stop
        end = m.end() + stop.start() if stop else len(text)
        if target.end <= end:
            return c
    return None


_JOINER = re.compile(r"^\s*(?:,|，|、|and|or|和|与|及|や|と|/)\s*$")


def coordinated(doc: Doc, cands: list, first) -> list:
    """The mention and those listed with it: "5nm and 6nm", "N5、N6", "AMD和英特尔"."""
    out = [first]
    for group in (sorted(cands, key=lambda n: n.start), sorted(cands, key=lambda n: -n.start)):
        cur = first
        for n in group:
            if n is cur or n in out:
                continue
            lo, hi = (cur, n) if cur.end <= n.start else (n, cur)
            if _JOINER.match(doc.text[lo.end:hi.start]):
                out.append(n)
                cur = n
    return out


# ---------------------------------------------------------------- sentence structure
_COORD_CASE = {"と", "や", "及", "和", "与"}
# an appositive between a subject and its verb: "Zorblax Semiconductor, a start-up based in Austin, announced"
_APPOSITIVE = re.compile(r"^\s*,\s*(?:an?|the|which|who|one of|founded|based|headquartered|backed)\b[^,;]{0,100},\s*",
                         re.I)


_ASIDE = re.compile(r"^\.?\s*[（(][^（）()]{1,80}[）)]\s*")


def in_org_aside(doc: Doc, m: Mention) -> bool:
    """English: the mention lies inside an appositive that describes a company ("Groq, the start-up behind the
    Language Processing Unit, will have its next chips built by …"): a description, not what the clause is about."""
    if lang_of(doc) != "en":
        return False
    from ingest.components import mentions
    for o in mentions(doc):
        if o.kind == "org" and o.end <= m.start:
            app = _APPOSITIVE.match(doc.text[o.end:])
            if app and o.end + app.end() >= m.end:
                return True
    return False
_RELATIVE_SUBJECT = re.compile(r"\s*,\s*(?:which|who|that)\s+(?:is\s+|are\s+|has\s+|have\s+|had\s+|was\s+)?(?:been\s+|now\s+|also\s+)?")
# the subject reporting its own act: "X said on Wednesday that it has …" (English)
_SAID_THAT = re.compile(r"\.?\s+(?:said|says|announced|confirmed|disclosed)(?:\s+(?:on|in|this|last)\s+\w+)?,?\s+"
                        r"(?:that\s+)?(?:it|they)\s+(?:has\s+|had\s+|have\s+|will\s+|would\s+)?(?:now\s+|also\s+)?", re.I)


_LEGAL_END = re.compile(r"\b(?:Inc|Corp|Ltd|Co|Bhd|Pte|L\.P|S\.A|N\.V)$")
# "Pellucid Devices, Inc. introduced …": a legal form after a comma that the name's mention stops before
LEGAL_AFTER_COMMA = re.compile(r"^\s*,\s*(?:Co\.,?\s+Ltd|Pte\.?\s+Ltd|Inc|Corp|Ltd|LLC|Co|Limited|PLC|plc|GmbH|AG|S\.A|N\.V)\.?(?=[\s,(]|$)")
_CONTROL_HEAD = re.compile(r"\s+(?:(?:has|have|had|will|would|now|also|then|again)\s+){0,2}$", re.I)
_CONTROL_TAIL = re.compile(r"[^,;:.()\"“”]{0,90}?\bto\s+$", re.I)


def _controls(doc: Doc, m: Mention, start: int, cue: int) -> bool:
    """English: the mention is the subject of a verb whose purpose or complement infinitive is the cue ('X used
    the show in May to announce', 'X plans to launch'): a control verb (lexicon `_control_verb`) right after it,
    'to' right before the cue, one clause between (no punctuation) and no other organisation in it, which
    would be the one who acts ('X paid Y to design')."""
    if lang_of(doc) != "en" or cue - start > 110:
        return False
    from ingest.components import mentions
    for s, e in cue_spans(doc, "_control_verb"):
        if start <= s < cue and _CONTROL_HEAD.fullmatch(doc.text[start:s]) and _CONTROL_TAIL.fullmatch(doc.text[e:cue]):
            return not any(o.kind == "org" and o is not m and start <= o.start < cue for o in mentions(doc))
    return False


_PASSIVE_AGENT = re.compile(r"(?:\s+[\w-]+){0,2}\s+by\s+(?:the\s+)?", re.I)


def span_root(doc: Doc, m: Mention):
    """The token of a mention that heads it in the dependency parse (None without a parse)."""
    if not doc.has_annotation("DEP"):
        return None
    toks = [t for t in doc if m.start <= t.idx < m.end]
    for t in toks:
        if not (m.start <= t.head.idx < m.end) or t.head is t:
            return t
    return toks[-1] if toks else None


def governing_verb(doc: Doc, m: Mention):
    """(verb token, the mention's relation to it) from the parse: "Xが参加", "YとXが参加" (through
    coordination), "Xは…発表した"; None without a parse."""
    t = span_root(doc, m)
    if t is None:
        return None
    for _ in range(4):
        coord = t.dep_ in ("conj",) or (t.dep_ == "nmod" and any(c.dep_ == "case" and c.text in _COORD_CASE
                                                                 for c in t.children))
        if not coord or t.head is t:
            break
        t = t.head
    return t.head, t.dep_


@lru_cache(maxsize=1)
def _title_and_person() -> re.Pattern:
    """A job title (ontology/lexicon/en/not_names.jsonl kind title) and a person's two or three capitalised words right
    after a company's name: "Halvard Systems chief executive Noor Akande unveiled …"."""
    words = sorted({w for row in ontology.load_lexicon("en", "not_names") if row.get("kind") == "title"
                    for w in row["words"]}, key=len, reverse=True)
    return re.compile(r"^(?:['’]s?)?\s+(?i:" + "|".join(re.escape(w) for w in words)
                      + r")(?:,)?\s+(?:[A-Z][\w'’-]+\s+){1,2}[A-Z][\w'’-]+(?:,)?")


def acts_in(doc: Doc, m: Mention, relation: str, window: int = 15) -> bool:
    """The mention is the subject (or agent) of a cue of `relation`: by the dependency parse where the
    language has one, else because the cue follows it closely once an appositive is skipped."""
    cues = cue_spans(doc, relation)
    if not cues:
        return False
    gov = governing_verb(doc, m)
    if gov is not None:
        verb, dep = gov
        # GiNZA labels a bunsetu head "obl_bunsetu" ("ツバクロ・デバイセズ（…）は10日、…発表した"): the same relation
        if dep.startswith("nsubj") or dep.removesuffix("_bunsetu") in ("obl", "iobj"):
            # up the head chain within the clause (a misattached "火曜日" sits between subject and verb)
            for _ in range(4):
                if any(s <= verb.idx < e or verb.idx <= s < verb.idx + len(verb) for s, e in cues):
                    return True
                if verb.head is verb or verb.dep_ in ("acl", "advcl", "ccomp", "csubj", "conj", "parataxis"):
                    break
                verb = verb.head
    for s, e in cues:
        if e <= m.start and _PASSIVE_AGENT.fullmatch(doc.text[e:m.start]):
            return True  # "designed in-house by Corvane": the agent of a passive cue
        if s < m.end:
            continue
        gap = doc.text[m.end:s]
        legal = LEGAL_AFTER_COMMA.match(gap)
        if legal:
            gap = gap[legal.end():]  # "Pellucid Devices, Inc. introduced": the name's own legal form
        if gap.startswith(".") and _LEGAL_END.search(m.text):
            gap = gap[1:]  # "Corrowind Semiconductor Inc., a developer of …, today announced": the legal form's period
        aside = _ASIDE.match(gap)  # "X co., ltd. (hereinafter \"X\") released": a bracketed aside after the name
        if aside:
            gap = gap[aside.end():]
        app = _APPOSITIVE.match(gap)
        if app:
            gap = gap[app.end():]
        title = _title_and_person().match(gap) if lang_of(doc) == "en" else None
        if title:  # "Halvard Systems chief executive Noor Akande unveiled …": the company acts through its head
            gap = gap[title.end():]
        if _SAID_THAT.fullmatch(gap):
            return True  # "Harrowgate AI Inc. said on Wednesday that it has raised": its own act, reported
        if _RELATIVE_SUBJECT.fullmatch(gap):
            return True  # "Ottery Labs, which is designing a … chip": the subject of the relative clause after it
        if _controls(doc, m, s - len(gap), s):
            return True  # "Tizel used the SC23 show to announce …", "Vexor plans to launch …": its own purpose
        if len(gap) <= window and not _PAIR_CLAUSE.search(gap):
            return True
    return False
