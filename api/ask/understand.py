"""Understanding a question: its language, the entities it names, its constraints and its form.

Entities are found by the same `ontology.gazetteer.Gazetteer` the ingest pipeline uses, filled from the labels and
altLabels *in the store* (so an answer can only name what the graph holds) plus the vocabulary's aliases of those
entities. Vocabulary names that the store does not hold are kept apart, so that a question about them is declined
honestly instead of answered about something else. Relations, answer types and constraints come from the
per-language phrase lexicons `ontology/lexicon/<lang>/questions.jsonl` (data, not code).

The question is "masked": each entity span becomes a tag such as `{chip}` or `{org}`, each constraint a tag such
as `{nm}` or `{year}`, and the form patterns are matched against that masked, case-folded text.
"""
from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ontology.gazetteer import Gazetteer
from ontology.normalize import key

AIC = "https://w3id.org/aichip/ontology#"
_SCHEMA_NS = (AIC, "http://www.w3.org/2002/07/owl#", "http://www.w3.org/2000/01/rdf-schema#",
              "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "http://www.w3.org/2004/02/skos/core#",
              "http://www.w3.org/ns/prov#", "http://purl.org/dc/terms/", "http://www.w3.org/2001/XMLSchema#")
LANGS = ("en", "ja", "zh")

_KANA = re.compile(r"[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f]")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_NM_LABEL = re.compile(r"\d\s*(?:nm|纳米|納米|ナノ|奈米)", re.I)
_CJK_ONLY = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]+")
_HYPHEN_SUFFIX = re.compile(r"-(?:based|class|grade|powered|made|designed|built|era|type|style|compatible|like|generation|"
                            r"series|family|chips?|gpus?|accelerators?|cards?|equipped|enabled|"
                            # "Tencent-backed vendors", "Samsung-fabbed chips": the name is the relation's agent
                            r"backed|funded|financed|led|owned|fabbed|fabricated|manufactured|produced|developed)", re.I)
_TOKEN = re.compile(r"[A-Za-z][A-Za-z0-9+\-.]*[A-Za-z0-9+]|[A-Za-z]|\d+[A-Za-z][A-Za-z0-9+\-]*")

# coarse tag of an entity in the masked question, by its most specific class
TAG_ORDER = [("ComputingCluster", "cluster"), ("Chip", "chip"), ("ProcessNode", "process"),
             ("Architecture", "arch"), ("Organization", "org"), ("MarketEstimate", "market"),
             ("FundingRound", "round")]


def detect_language(text: str) -> str:
    """By script: any kana → ja; Han characters without kana → zh; otherwise en."""
    if _KANA.search(text):
        return "ja"
    if _HAN.search(text):
        return "zh"
    return "en"


# ---------------------------------------------------------------------------------------------- entity index

@dataclass
class Entity:
    iri: str
    labels: dict[str, list[str]] = field(default_factory=dict)  # lang -> rdfs:label values (first = preferred)
    alt: list[str] = field(default_factory=list)
    types: frozenset[str] = frozenset()  # local names of aic classes, closed under subClassOf

    @property
    def tag(self) -> str:
        for cls, tag in TAG_ORDER:
            if cls in self.types:
                return tag
        return "thing"

    def label(self, lang: str) -> str:
        for want in (lang, "en"):
            for tag, vals in self.labels.items():
                if vals and (tag == want or tag.startswith(want + "-")):
                    return _preferred(vals)
        for vals in self.labels.values():
            if vals:
                return _preferred(vals)
        return self.alt[0] if self.alt else self.iri.rsplit("/", 1)[-1]

    def is_a(self, *classes: str) -> bool:
        return any(c in self.types for c in classes)


def _preferred(vals: list[str]) -> str:
    """Several documents may label one entity differently ("7nm", "TSMC 7nm"): the label most documents use,
    then the more descriptive (longer) one."""
    counts: dict[str, int] = {}
    for v in vals:
        counts[v] = counts.get(v, 0) + 1
    return max(counts, key=lambda v: (counts[v], len(v), v))


@lru_cache(maxsize=1)
def _contract_subclasses() -> tuple[tuple[str, str], ...]:
    """(sub, super) pairs among aic classes, from ontology/aichip.ttl (parsed once)."""
    import pyoxigraph as ox

    from ontology import ONTOLOGY_TTL
    pairs = []
    sub = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#subClassOf")
    try:
        for t in ox.parse(path=str(ONTOLOGY_TTL), format=ox.RdfFormat.TURTLE):
            if t.predicate == sub and isinstance(t.object, ox.NamedNode) and isinstance(t.subject, ox.NamedNode):
                pairs.append((t.subject.value, t.object.value))
    except (OSError, SyntaxError, ValueError):
        pass
    return tuple(pairs)


_ACRONYM = re.compile(r"[A-Z]{2,6}")


class EntityIndex:
    """All labelled entities of a store with a gazetteer over their names; built once per store state."""

    def __init__(self, store: Any):
        self.entities: dict[str, Entity] = {}
        self.gazetteer = Gazetteer(min_len=2)
        self.absent = Gazetteer(min_len=2)  # vocabulary names with no entity in the store
        self.absent_names: dict[str, str] = {}
        self.name_keys: dict[str, set[str]] = {}  # key(name) -> iris, for typo tolerance
        self._build(store)

    def _build(self, store: Any) -> None:
        rows = store.query(
            "SELECT ?s ?p ?l WHERE { VALUES ?p { <http://www.w3.org/2000/01/rdf-schema#label> "
            "<http://www.w3.org/2004/02/skos/core#altLabel> } ?s ?p ?l . FILTER(isIRI(?s)) }").solutions
        for r in rows:
            iri, lit = r["s"].value, r["l"]
            if iri.startswith(_SCHEMA_NS):  # the ontology's own classes and properties are not things asked about
                continue
            e = self.entities.setdefault(iri, Entity(iri))
            if r["p"].value.endswith("#label"):
                e.labels.setdefault(lit.language or "", []).append(lit.value)
            else:
                e.alt.append(lit.value)
        supers: dict[str, set[str]] = {}
        for a, b in _contract_subclasses():
            supers.setdefault(a, set()).add(b)
        for r in store.query("SELECT ?a ?b WHERE { ?a <http://www.w3.org/2000/01/rdf-schema#subClassOf> ?b }"
                             ).solutions:
            supers.setdefault(r["a"].value, set()).add(r["b"].value)

        def close(c: str) -> set[str]:
            out, todo = set(), [c]
            while todo:
                x = todo.pop()
                if x not in out:
                    out.add(x)
                    todo.extend(supers.get(x, ()))
            return out

        types: dict[str, set[str]] = {}
        for r in store.query("SELECT ?s ?t WHERE { ?s a ?t . ?s <http://www.w3.org/2000/01/rdf-schema#label> ?l }"
                             ).solutions:
            if r["s"].value in self.entities:
                types.setdefault(r["s"].value, set()).update(close(r["t"].value))
        for iri, ts in types.items():
            self.entities[iri].types = frozenset(t[len(AIC):] for t in ts if t.startswith(AIC))
        # names: store labels, then the vocabulary's aliases of entities sharing a name
        for e in self.entities.values():
            for name in self._names(e):
                if e.is_a("ProcessNode") and _NM_LABEL.search(name):
                    continue  # "TSMC 4nm" is a foundry plus a node size, not one process
                self.gazetteer.add(name, e.iri)
                self.name_keys.setdefault(key(name), set()).add(e.iri)
                if e.is_a("Architecture") and _ACRONYM.fullmatch(name):
                    self.gazetteer.add(name + "s", e.iri)  # "Which chips are GPUs?", "ASICs", "NPUs"
        self._add_vocab()
        self.gazetteer.finalize()
        self.absent.finalize()

    @staticmethod
    def _names(e: Entity) -> list[str]:
        return [n for vals in e.labels.values() for n in vals] + e.alt

    def _add_vocab(self) -> None:
        try:
            from ontology import load_vocab
            vocab = load_vocab()
        except Exception:  # a vocabulary being edited must not break questions
            return
        for entry in vocab:
            names = entry.names
            iris = set().union(*(self.name_keys.get(key(n), set()) for n in names)) if names else set()
            if len(iris) == 1:
                iri = next(iter(iris))
                own = [key(x) for x in self._names(self.entities[iri])]
                for n in names:
                    kn = key(n)
                    # "腾讯投资" = a name plus a word ("invest"): it would swallow the question's verb
                    if any(kn != o and kn.startswith(o) and _CJK_ONLY.fullmatch(kn[len(o):]) for o in own):
                        continue
                    if not (self.entities[iri].is_a("ProcessNode") and _NM_LABEL.search(n)):
                        self.gazetteer.add(n, iri)
                        self.name_keys.setdefault(key(n), set()).add(iri)
            elif not iris:
                for n in names:
                    self.absent.add(n, entry.id)
                    self.absent_names.setdefault(entry.id, entry.name_en)

    def closest(self, text: str, n: int = 3, cutoff: float = 0.6) -> list[tuple[float, str]]:
        """(ratio, iri) of the names closest to `text` on their matching keys."""
        k = key(text)
        if len(k) < 2:
            return []
        best: dict[str, float] = {}
        kc = _confusable(k)
        for nk, iris in self.name_keys.items():
            if abs(len(nk) - len(k)) > max(2, len(k) // 3):
                continue
            r = difflib.SequenceMatcher(None, k, nk).ratio()
            if r < cutoff and any(c.isdigit() for c in k + nk):
                r = max(r, difflib.SequenceMatcher(None, kc, _confusable(nk)).ratio() - 0.01)
            if r >= cutoff:
                for iri in iris:
                    best[iri] = max(best.get(iri, 0.0), r)
        return sorted(((r, i) for i, r in best.items()), reverse=True)[:n]


def _confusable(k: str) -> str:
    """Letters typed for look-alike digits in model names ("S4OOO" for "S4000")."""
    return k.translate(str.maketrans({"o": "0", "l": "1", "i": "1", "z": "2", "s": "5"}))


_INDEX: dict[int, tuple[tuple, EntityIndex]] = {}


def _store_state(store: Any) -> tuple:
    try:
        graphs = tuple(sorted(store.graphs()))
    except Exception:
        graphs = ()
    try:  # the names the index is built from, counted in ~2 ms (len(store) scans every quad: ~0.7 s on the corpus)
        size = tuple(str(r["n"].value) for q in _STATE_QUERIES for r in store.query(q).solutions)
    except Exception:
        size = ()
    return graphs, size


_STATE_QUERIES = tuple("SELECT (COUNT(*) AS ?n) WHERE { ?s <%s> ?l }" % p for p in (
    "http://www.w3.org/2000/01/rdf-schema#label", "http://www.w3.org/2004/02/skos/core#altLabel")) + (
    # a re-ingested document changes its content hash even when its names keep their count
    "SELECT (MD5(GROUP_CONCAT(STR(?h))) AS ?n) WHERE { ?d <https://w3id.org/aichip/ontology#contentHash> ?h }",)


def entity_index(store: Any) -> EntityIndex:
    """The store's entity index, cached until its graph list or size changes."""
    state = _store_state(store)
    hit = _INDEX.get(id(store))
    if hit and hit[0] == state:
        return hit[1]
    idx = EntityIndex(store)
    _INDEX[id(store)] = (state, idx)
    return idx


# ---------------------------------------------------------------------------------------------- lexicon

@dataclass
class Lexicon:
    forms: list[dict]
    constraints: list[dict]
    words: set[str]
    regions: dict[str, list[str]] = field(default_factory=dict)
    class_words: list[str] = field(default_factory=list)  # generic class nouns ("cluster", "芯片"), longest first


@lru_cache(maxsize=8)
def lexicon(lang: str) -> Lexicon:
    from ontology import load_lexicon
    forms, constraints, words, regions, class_words = [], [], set(), {}, []
    for row in load_lexicon(lang, "questions"):
        kind = row.get("kind", "form")
        if kind == "regions":
            regions.update(row.get("regions", {}))
            continue
        if kind == "class_words":
            class_words.extend(w.casefold() for w in row["patterns"])
            continue
        if kind == "words":
            words.update(w.casefold() for w in row["patterns"])
            continue
        for p in row["patterns"]:  # the lexicon's own words are never unknown names
            words.update(w.casefold() for w in re.findall(r"[A-Za-z]{3,}", p))
        compiled = [re.compile(p, re.I) for p in row["patterns"]]
        avoid = [re.compile(p, re.I) for p in row.get("avoid", [])]
        item = dict(row, _re=compiled, _avoid=avoid)
        (constraints if kind == "constraint" else forms).append(item)
    return Lexicon(forms, constraints, words, regions, sorted(set(class_words), key=len, reverse=True))


# ---------------------------------------------------------------------------------------------- understanding

@dataclass
class Mention:
    start: int
    end: int
    text: str
    iris: tuple[str, ...]
    fuzzy: bool = False


@dataclass
class Understanding:
    question: str
    language: str
    mentions: list[Mention] = field(default_factory=list)
    constraints: dict[str, Any] = field(default_factory=dict)
    masked: str = ""
    absent: list[str] = field(default_factory=list)  # names the vocabulary knows but the graph lacks
    unknown: list[str] = field(default_factory=list)  # name-like words that link to nothing
    suggestions: dict[str, list[str]] = field(default_factory=dict)  # unknown word -> closest known names
    notes: list[str] = field(default_factory=list)
    spans: list[tuple[int, int, str]] = field(default_factory=list)  # constraint matches (start, end, slot) in text
    asks: set = field(default_factory=set)  # every "ask" value matched ("date", "lead"), though the slot keeps the first
    mask_marks: list[tuple[int, int, str]] = field(default_factory=list)  # what `masked` replaced by tags


def _norm(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def _constraint_value(row: dict, m: re.Match) -> Any:
    val = row.get("value", "{0}")
    if isinstance(val, str):
        groups = [g for g in m.groups() if g is not None] or [m.group(0)]
        val = val.replace("{0}", groups[0]).replace("{U0}", groups[0].upper())
    typ = row.get("type")
    if typ == "number":
        num = float(val)
        return int(num) if num.is_integer() else num
    return val


def understand(question: str, store: Any, lang: str | None = None,
               extra: list[Mention] | None = None) -> tuple[Understanding, EntityIndex]:
    text = _norm(question).strip()
    idx = entity_index(store)
    hits = idx.gazetteer.find(text)
    if lang not in LANGS:  # by the question's own words: "Who designed the 思元590?" is English
        words = list(text)
        for h in hits:
            words[h.start:h.end] = " " * (h.end - h.start)
        rest = "".join(words)
        lang = detect_language(rest if re.search(r"\w", rest) else text)
    if lang == "zh":  # traditional characters to simplified, one to one, so the zh lexicon reads 採用什麼製程
        from ontology.normalize import han_variants
        han = han_variants()
        text = "".join(han.get(c, c) for c in text)
    u = Understanding(question=question, language=lang)
    lex = lexicon(lang)
    u.mentions = _drop_trailing_class_words(
        text, lex, [_keep_class_word(idx, lex, Mention(h.start, h.end, h.text, h.ids)) for h in hits], idx)
    for x in extra or []:
        u.mentions = [m for m in u.mentions if not (m.start < x.end and x.start < m.end)] + [x]
    u.mentions.sort(key=lambda m: m.start)
    hits = u.mentions
    # constraints, on the text with entity spans blanked
    chars = list(text)
    for m in u.mentions:
        for i in range(m.start, m.end):
            chars[i] = "\0"
    blanked = "".join(chars)
    spans: list[tuple[int, int, str]] = []
    for row in lex.constraints:
        slot = row["slot"]
        for rx in row["_re"]:
            for m in rx.finditer(blanked):
                if any(s < m.end() and m.start() < e for s, e, _ in spans) and not row.get("overlap"):
                    continue
                if slot not in u.constraints:
                    u.constraints[slot] = _constraint_value(row, m)
                if slot == "ask":
                    u.asks.add(_constraint_value(row, m))
                if m.end() > m.start():  # the words a constraint read: api/ask/coverage.py counts them as used
                    u.spans.append((m.start(), m.end(), slot))
                if row.get("tag", True) is not False and m.end() > m.start():
                    spans.append((m.start(), m.end(), slot))
    taken = [(h.start, h.end) for h in hits] + [(s, e) for s, e, _ in spans]
    for h in idx.absent.find(text):
        if not any(s < h.end and h.start < e for s, e in taken) and not _NM_LABEL.search(h.text):
            u.absent.append(h.text)
    # masked text: entity tags and constraint tags
    marks = [(m.start, m.end, "{" + _tag(idx, m) + "}") for m in u.mentions]
    marks += [(s, e, "{" + slot + "}") for s, e, slot in spans if not row_untagged(lex, slot)]
    u.mask_marks = marks
    out, pos = [], 0
    for s, e, tag in sorted(marks):
        if s < pos:
            continue
        out.append(text[pos:s])
        out.append(f" {tag} ")
        pos = e
    out.append(text[pos:])
    u.masked = re.sub(r"\s+", " ", "".join(out)).casefold().strip()
    # residual name-like words: capitalised or alphanumeric Latin words nobody explained
    covered = [(m.start, m.end) for m in u.mentions] + [(s, e) for s, e, _ in spans]
    for m in _TOKEN.finditer(text):
        if any(s <= m.start() and m.end() <= e for s, e in covered):
            continue
        head = next((e for s, e in covered if s <= m.start() < e < m.end()), None)
        if head is not None and _HYPHEN_SUFFIX.fullmatch(text[head:m.end()]):
            continue  # "ASIC-based", "3nm-class": a known name with a descriptive suffix
        w = m.group(0).strip("'.-")
        w = re.sub(r"'s$", "", w)
        known = lex.words | lexicon("en").words
        if not w or w.casefold() in known or w.casefold().rstrip("s") in known or \
                re.sub(r"(?:ed|ing|es|s)$", "", w.casefold()) in known:
            continue
        if "-" in w and w.split("-", 1)[0].casefold() in known and _HYPHEN_SUFFIX.fullmatch(w[w.index("-"):]):
            continue  # "US-based", "Korea-based": a known word with a descriptive suffix
        if any(c.isupper() for c in w[1:]) or (w[0].isupper() and (m.start() > 0 or lang != "en")) \
                or (re.search(r"\d", w) and re.search(r"[A-Za-z]", w)):
            u.unknown.append(w)
    return u, idx


def _keep_class_word(idx: EntityIndex, lex: Lexicon, m: Mention) -> Mention:
    """"KUAE cluster" is an alias of KUAE, but in "what is the KUAE cluster built from?" the word "cluster" is
    the question's: when a matched name ends in a generic class word and the rest is itself a name of the same
    entity, the mention keeps only the rest, so the class word stays in the text the forms read."""
    low = m.text.casefold()
    for w in lex.class_words:
        if not low.endswith(w) or len(low) <= len(w):
            continue
        head = m.text[:len(m.text) - len(w)].rstrip(" -・·")
        if len(key(head)) < 2 or (w[0].isascii() and w[0].isalpha() and head == m.text[:len(m.text) - len(w)]):
            continue  # a Latin class word must follow a separator ("KUAE cluster", not "Hopper")
        if set(m.iris) & idx.name_keys.get(key(head), set()):
            return Mention(m.start, m.start + len(head), head, m.iris, m.fuzzy)
    return m


def _drop_trailing_class_words(text: str, lex: Lexicon, mentions: list[Mention], idx: Any = None) -> list[Mention]:
    """In "the Tiangai 100 GPU" the word "GPU" (also a name of the GPGPU architecture) only says what the named
    thing is: a class word right after another mention is left as a word, not taken for a second entity. After an
    organisation ("NVIDIA GPUs") it names that organisation's things of the class, so it stays."""
    out: list[Mention] = []
    for m in sorted(mentions, key=lambda m: m.start):
        prev = out[-1] if out else None
        org = idx is not None and prev is not None and bool(prev.iris) and all(
            idx.entities[i].is_a("Organization") for i in prev.iris if i in idx.entities) and \
            any(i in idx.entities for i in prev.iris)
        if prev is not None and m.text.casefold() in lex.class_words and not text[prev.end:m.start].strip() and not org:
            continue
        out.append(m)
    return out


def row_untagged(lex: Lexicon, slot: str) -> bool:
    return any(r["slot"] == slot and r.get("tag") is False for r in lex.constraints)


def _tag(idx: EntityIndex, m: Mention) -> str:
    tags = {idx.entities[i].tag for i in m.iris if i in idx.entities}
    if len(tags) == 1:
        return tags.pop()
    for _, t in TAG_ORDER:
        if t in tags:
            return t
    return "thing"


@lru_cache(maxsize=1)
def _short_form_suffixes() -> tuple[str, ...]:
    from ontology import load_lexicon
    out: list[str] = []
    for lang in ("en", "ja", "zh"):
        try:
            out += [key(w) for row in load_lexicon(lang, "short_form_suffixes") for w in row["words"]]
        except Exception:  # a language without the file: its endings are not tried
            pass
    return tuple(dict.fromkeys(out))


def _short_form(idx: EntityIndex, word: str) -> str | None:
    """The one organisation whose name is `word` plus an ending such as "Capital" or "资本" ("IDG" -> IDG Capital);
    None when none or several are so named (a short form that could be two organisations is not guessed)."""
    k = key(word)
    if len(k) < 2:
        return None
    iris = {i for sfx in _short_form_suffixes() for i in idx.name_keys.get(k + sfx, ())
            if i in idx.entities and idx.entities[i].is_a("Organization")}
    return next(iter(iris)) if len(iris) == 1 else None


def link_unknown(u: Understanding, idx: EntityIndex, text: str) -> list[Mention]:
    """Typo tolerance: link each unknown word (with its neighbours) to one close store name, else suggest."""
    words = [m for m in _TOKEN.finditer(text)]
    linked: list[Mention] = []
    for w in list(u.unknown):
        short = _short_form(idx, w)
        at = text.find(w)
        if short is not None and at >= 0:  # "IDG" for "IDG Capital": the one organisation so named
            linked.append(Mention(at, at + len(w), w, (short,), fuzzy=True))
            u.unknown.remove(w)
            u.notes.append(f"read {w!r} as {idx.entities[short].label('en')!r}")
            continue
        pos = next((i for i, m in enumerate(words) if m.group(0).strip("'.-").startswith(w)), None)
        cands: list[tuple[float, str, int, int]] = []
        if pos is not None:
            for a in range(max(0, pos - 2), pos + 1):
                for b in range(pos + 1, min(len(words), pos + 3) + 1):
                    s, e = words[a].start(), words[b - 1].end()
                    for r, iri in idx.closest(text[s:e], n=3, cutoff=0.8):
                        cands.append((r, iri, s, e))
        if not cands:
            cands = [(r, i, -1, -1) for r, i in idx.closest(w, n=3, cutoff=0.6)]
        cands.sort(reverse=True)
        if cands and cands[0][0] >= 0.84 and cands[0][2] >= 0 and \
                (len({c[1] for c in cands if c[0] >= cands[0][0] - 0.02}) == 1):
            r, iri, s, e = cands[0]
            linked.append(Mention(s, e, text[s:e], (iri,), fuzzy=True))
            u.unknown.remove(w)
            u.notes.append(f"read {text[s:e]!r} as {idx.entities[iri].label('en')!r}")
        else:
            names = []
            for c in cands:
                lab = idx.entities[c[1]].label(u.language)
                if lab not in names:
                    names.append(lab)
            u.suggestions[w] = names[:3]
    return linked
