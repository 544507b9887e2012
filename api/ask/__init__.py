"""Questions in English, Japanese and Chinese answered from the graph, with the SPARQL run and the evidence.

`answer(question, store, lang=None) -> dict` is shared by `kg ask` and `/ask`; the dict is the answer object of
spec/interfaces.md (question, language, answers, value, sparql, evidence, understood, message) plus `form` and
`interpretation` for the curious.
"""
from __future__ import annotations

import re
import unicodedata
from typing import Any

from kg.errors import KGError
from api.ask.forms import CONSTRAINT_SLOTS, SLOT_CLASSES, Context, FormSpec, Reply, load_forms
from api.ask.understand import Understanding, detect_language, entity_index, lexicon, link_unknown, understand

MAX_QUESTION = 1000
MESSAGES = {
    "en": {
        "empty": "Please ask a question.",
        "too_long": "The question is too long (at most {n} characters).",
        "absent": "The graph holds nothing about {names}.",
        "unknown": "I could not find {names} in the graph.",
        "closest": " Closest known names: {names}.",
        "ambiguous": "{name!r} could mean several things: {names}. Please say which.",
        "no_form": "I did not understand what is asked; I can answer questions about AI chips, their designers, "
                   "processes and foundries, investors and funding rounds, and market sizes.",
        "no_form_entities": "I found {names} but did not understand what is asked about {them}.",
        "missing": "I understood the question as '{form}' but could not find the {slot} it is about.",
        "unused": "I understood the question as '{form}', but it names more than that question can use ({names}); "
                  "the graph may not connect them as the question assumes.",
        "unused_constraint": "I understood the question as '{form}', but it also asks for or limits something that "
                             "question cannot answer or check, so I will not guess an answer.",
    },
}
MESSAGES["en"]["store_error"] = "The graph could not be queried: {error}"


def _messages(lang: str) -> dict[str, str]:
    """The decline messages in the question's language (ontology/lexicon/<lang>/compose.jsonl), English where a
    language lacks one."""
    from api.ask.compose_lexicon import compose_lexicon
    out = dict(MESSAGES["en"])
    try:
        out.update(compose_lexicon(lang).messages)
    except Exception:  # a lexicon being edited must not break questions
        pass
    return out
SLOT_WORDS = {"chip": "chip", "cluster": "computing cluster", "org": "company", "foundry": "foundry",
              "process": "process", "arch": "architecture", "firm": "research firm", "entity": "entity",
              "node": "node size", "year": "year"}


def _declined(u_or_q: Any, lang: str, message: str, **extra: Any) -> dict:
    q = u_or_q.question if isinstance(u_or_q, Understanding) else u_or_q
    out = {"question": q, "language": lang, "answers": [], "value": None, "sparql": None, "evidence": [],
           "understood": False, "message": message}
    out.update(extra)
    return out


def _fill(spec: FormSpec, u: Understanding, idx: Any, store: Any = None,
          memo: dict | None = None) -> tuple[dict, int, list, list] | None:
    used: set[int] = set()
    slots: dict[str, list] = {}
    ambiguous: list = []
    missing: list[str] = []
    for slot, kind in spec.slots.items():
        optional = kind.endswith("?")
        kind = kind.rstrip("?")
        if kind in CONSTRAINT_SLOTS:
            if kind in u.constraints:
                slots[slot] = [u.constraints[kind]]
            elif not optional:
                missing.append(kind)
            continue
        classes = SLOT_CLASSES[kind]
        got = []
        for i, m in enumerate(u.mentions):
            if i in used:
                continue
            ents = [idx.entities[x] for x in m.iris if x in idx.entities]
            fit = [e for e in ents if classes is None or e.is_a(*classes)]
            if not fit:
                continue
            used.add(i)
            if len(fit) > 1:
                ambiguous.append((m, fit))
            got.append(fit[0])
        if got:
            slots[slot] = got
        elif not optional:
            missing.append(kind)
    if spec.needs_any and not any(s in slots for s in spec.needs_any):
        missing.append("/".join(spec.needs_any))
    # an organisation naming whose chip is meant ("Google's Ironwood", "谷歌的Ironwood") only qualifies the chip
    unused = [i for i in range(len(u.mentions)) if i not in used and not _qualifies_next(u, idx, i, used)
              and not _incidental(u, idx, i) and not _designer_of_slot(store, u.mentions[i], slots, memo if memo is not None else {})]
    if unused:  # a named thing the form cannot use: do not answer something else
        missing.append("unused")
    return slots, len(unused), ambiguous, missing


# a class word that qualifies a type word after it ("NPU-based chips", "GPU chips", "ASIC芯片")
_QUALIFYING_CLASS = re.compile(r"(?:\s*-?\s*(?:based|class|type|style|型|系|ベース))?\s*(?:chips?|accelerators?|processors?|"
                               r"チップ|芯片|加速器)", re.I)
_POSSESSIVE = re.compile(r"\s*(?:'s|’s|s'|'|の|的)?\s*", re.I)
_PROCESS_WORD = re.compile(r"\s*(?:'s|’s|の|的)?\s*(?:\d+\s*nm\S*\s*)?(?:process|node|fab|technolog|プロセス|ノード|製造|工艺|工藝|制程|製程|节点|節點)",
                           re.I)


def _incidental(u: Understanding, idx: Any, i: int) -> bool:
    """A mention that only qualifies the question, so a form need not use it: a generic class word that
    happens to name an architecture ("which GPU is KUAE made of?"), or a foundry naming whose process is
    meant ("which TSMC process does the MI300X use?")."""
    m = u.mentions[i]
    ents = [idx.entities[x] for x in m.iris if x in idx.entities]
    if not ents:
        return False
    if m.text.casefold() in lexicon(u.language).class_words and all(e.is_a("Architecture") for e in ents):
        return True
    text = unicodedata.normalize("NFKC", u.question)
    return all(e.is_a("Foundry") for e in ents) and bool(_PROCESS_WORD.match(text[m.end:]))


def _designer_of_slot(store: Any, m: Any, slots: dict, memo: dict) -> bool:
    """An organisation the graph says designed the chip or cluster the form is about only qualifies it ("when did
    Intel launch Gaudi 3?", "the KUAE cluster from Moore Threads")."""
    things = [e.iri for vals in slots.values() for e in vals
              if hasattr(e, "is_a") and e.is_a("Chip", "ComputingCluster")]
    if store is None or not things or not m.iris:
        return False
    key = (tuple(things), tuple(m.iris))
    if key not in memo:
        values = " ".join(f"(<{t}> <{o}>)" for t in things for o in m.iris)
        try:
            memo[key] = bool(store.query("ASK { VALUES (?t ?o) { " + values + " } "
                                         "?t <https://w3id.org/aichip/ontology#designedBy> ?o }").boolean)
        except Exception:  # a store that cannot answer leaves the mention unused, as before
            memo[key] = False
    return memo[key]


def _qualifies_next(u: Understanding, idx: Any, i: int, used: set[int]) -> bool:
    if i + 1 >= len(u.mentions) or i + 1 not in used:
        return False
    m, nxt = u.mentions[i], u.mentions[i + 1]
    text = unicodedata.normalize("NFKC", u.question).strip()
    if not _POSSESSIVE.fullmatch(text[m.end:nxt.start]):
        return False
    org = any(idx.entities[x].is_a("Organization") for x in m.iris if x in idx.entities)
    chip = any(idx.entities[x].is_a("Chip", "ComputingCluster") for x in nxt.iris if x in idx.entities)
    return org and chip


# reasons of the query graph's reader that decline whatever a question form would answer
DECLINE_KEYS = {"investor_share"}
# forms listing funding rounds or the parties of rounds, which are dated: "first", "latest" choose among them
DATED_FORMS = {"investors_of", "round_details", "companies_of_investor"}

# constraints a form must read to answer: one it ignores would answer a wider question ("inference chips made by
# TSMC" is not "chips made by TSMC"; "vendors expected to rely on SMIC", "预计2025年发布的芯片" are not the stated ones)
STRONG_CONSTRAINTS = ("node", "round", "year", "purpose", "forecast")


def _form_ignores(best: dict, u: Understanding) -> bool:
    """Whether the question states a constraint (memory type, node size, round, year, purpose) the form has no
    slot for."""
    kinds = {k.rstrip("?") for k in best["spec"].slots.values()}
    return any(c in u.constraints and c not in kinds for c in STRONG_CONSTRAINTS + ("memory",))


def _choose(u: Understanding, idx: Any, store: Any = None) -> tuple[dict | None, dict | None]:
    """The best form whose phrasing matches and whose slots are filled; and the best partial one."""
    registry = load_forms()
    best = partial = None
    memo: dict = {}  # designer checks, shared by the forms tried for this question
    for order, row in enumerate(lexicon(u.language).forms):
        spec = registry.get(row["form"])
        if spec is None or any(a.search(u.masked) for a in row["_avoid"]):
            continue
        score = 0
        for rx in row["_re"]:
            m = rx.search(u.masked)
            if m:
                score += max(2, len(m.group(0)))
        if not score:
            continue
        slots, unused, ambiguous, missing = _fill(spec, u, idx, store, memo)
        strong_unused = sum(1 for c in STRONG_CONSTRAINTS if c in u.constraints
                            and not any(k.rstrip("?") == c for k in spec.slots.values()))
        if u.constraints.get("ask") == "date" and "date" not in spec.gives and \
                not ("superlative_date" in spec.gives and u.constraints.get("superlative")) and \
                not any(k.rstrip("?") == "ask" for k in spec.slots.values()):
            strong_unused += 1  # "which year …" / "when …": a form that answers something else must not answer
            # (the other asks, "which company" as a source, "led", are words other forms answer by themselves)
        if u.constraints.get("newest") and spec.name in DATED_FORMS and \
                not any(k.rstrip("?") == "newest" for k in spec.slots.values()):
            strong_unused += 1  # "the first investors in X", "X's latest round": not every investor or round
        if strong_unused:
            missing.append("unused constraint")
        score += row.get("priority", 0) + 4 * len(slots) - 10 * unused
        cand = {"score": score, "order": order, "spec": spec, "slots": slots, "ambiguous": ambiguous,
                "missing": missing}
        if missing:
            if partial is None or score > partial["score"]:
                partial = cand
            continue
        if best is None or score > best["score"]:
            best = cand
    return best, partial


def _label(idx: Any, iri: str, lang: str) -> str:
    e = idx.entities.get(iri)
    return e.label(lang) if e else iri.rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def _answer(idx: Any, iri: str, lang: str) -> dict:
    """An answer entity: `label` is the canonical (English) name, the form every client and the evaluation
    match on; `label_local` is the name in the question's language when the graph has one."""
    out = {"iri": iri, "label": _label(idx, iri, "en")}
    local = _label(idx, iri, lang)
    if local != out["label"]:
        out["label_local"] = local
    return out


def _names(idx: Any, iris: list[str], lang: str) -> str:
    return ", ".join(_label(idx, i, lang) for i in iris)


def answer(question: str, store: Any, lang: str | None = None) -> dict:
    """Answer `question` from `store`; never raises for bad input, declines instead of guessing."""
    out = _respond(question, store, lang)
    if out.get("understood") and _two_questions(out, store, lang):
        # "Who designed the MLU370? And who makes it?": a form answered one of them
        u, _ = understand(out["question"], store, lang)
        return _declined(u, u.language, _messages(u.language)["one_question"],
                         interpretation=out.get("interpretation"))
    if out.get("understood") and out.get("answers") and out.get("value") is None:
        u, _ = understand(out["question"], store, lang)
        if "date" in u.asks:
            # "When did Biren's investors lead a round?", "沐曦的投资方是什么时候投资的": a time asked, things listed
            return _declined(u, u.language, _messages(u.language)["unused_constraint"].format(form=out.get("form")),
                             interpretation=out.get("interpretation"))
    return out


def _two_questions(out: dict, store: Any, lang: str | None) -> bool:
    """Whether an answered input holds two questions that ask different things (api/ask/two_questions.py)."""
    from api.ask.two_questions import asks_two, question_parts, reads_later
    from api.ask.compose import normalized
    q, language = out["question"], out["language"]
    if len(question_parts(normalized(q, language), language)) < 2:
        return False  # the common case: one question, no second reading of the words
    u, idx = understand(q, store, lang)
    try:
        cut = asks_two(q, u.language, u.mentions)
    except Exception:  # a lexicon being edited must not break questions
        return False
    if cut is None:
        return False
    if out.get("form") != "composed":
        return True  # a single-relation form reads one of the questions
    graph, _ = _compose(u, idx)
    return graph is None or not reads_later(graph, cut, u.language)


def _respond(question: str, store: Any, lang: str | None = None) -> dict:
    q = unicodedata.normalize("NFC", str(question or "")).strip()
    lang0 = lang if lang in ("en", "ja", "zh") else detect_language(q)
    msgs = _messages(lang0)
    if not q:
        return _declined(q, lang0, msgs["empty"])
    if len(q) > MAX_QUESTION:
        return _declined(q, lang0, msgs["too_long"].format(n=MAX_QUESTION))
    u, idx = understand(q, store, lang)
    notes: list[str] = []
    if u.unknown:
        extra = link_unknown(u, idx, unicodedata.normalize("NFKC", q).strip())
        notes, suggestions, unknown = u.notes, u.suggestions, u.unknown
        if extra:
            u, idx = understand(q, store, lang, extra=extra)
            u.unknown = [w for w in u.unknown if w in unknown]
        u.suggestions, u.notes = suggestions, notes
    interp = {"entities": [{"text": m.text, "iris": list(m.iris)} for m in u.mentions],
              "constraints": u.constraints, "masked": u.masked, "notes": notes}
    msgs = _messages(u.language)
    if u.absent:
        return _declined(u, u.language, msgs["absent"].format(names=", ".join(repr(a) for a in u.absent)),
                         interpretation=interp)
    if u.unknown:
        msg = msgs["unknown"].format(names=", ".join(repr(w) for w in u.unknown))
        close = [n for w in u.unknown for n in u.suggestions.get(w, [])]
        if close:
            msg += msgs["closest"].format(names=", ".join(dict.fromkeys(close)))
        return _declined(u, u.language, msg, interpretation=interp, suggestions=u.suggestions)
    graph, not_understood = _compose(u, idx)
    if not_understood is not None and not_understood.key in DECLINE_KEYS:
        # what the graph cannot say however a form reads the words (an investor's own share of a round)
        return _declined(u, u.language, _compose_message(u.language, not_understood), interpretation=interp)
    best, partial = _choose(u, idx, store)
    if graph is not None and best is not None and (_form_gives_other(best, graph) or _form_counts_other(best, graph)):
        # "どの会社がHBM3を使っていますか", "哪些公司使用HBM3": the query graph asks for companies, the form lists chips
        out = _composed_answer(graph, u, idx, store, interp, msgs)
        if out["understood"]:
            return out
    if graph is not None and best is not None and _form_ignores(best, u):
        graph.complex = True  # the form would drop a constraint the query graph reads
        graph.reasons.add("constraint")
    if graph is not None and graph.complex and not _form_reads(best, graph, u.constraints) and \
            not (graph.reasons == {"conjunction"} and _form_uses_atoms(best, graph, idx)):
        out = _composed_answer(graph, u, idx, store, interp, msgs)
        if out["understood"] or best is None or _strict_markers(u) or not out.pop("_unlinked", False):
            return out
        # the compositional reading found no link but a form reads the question whole: the form answers
    if best is not None and not_understood is not None and _strict_markers(u):
        best = partial = None  # a negation, exception, "both", listing or range no form reads: never ignore it
    if best is not None and not_understood is not None and _form_ignores(best, u):
        # the query graph could not read the question and the form would drop one of its constraints ("TSMCの5nmで
        #製造され、かつHBM2eを搭載": chips on the node, HBM2e dropped): say what was not understood instead
        return _declined(u, u.language, _compose_message(u.language, not_understood), interpretation=interp)
    if best is not None and not_understood is not None and _other_answer_type(u, best):
        # "Which AI chip firms …": a form that lists chips answers another question
        return _declined(u, u.language, _compose_message(u.language, not_understood), interpretation=interp)
    if best is not None and not_understood is not None and _asks_round_attribute(u):
        # "以什么货币计价", "what kind of round": no form answers a round's currency or name
        return _declined(u, u.language, _compose_message(u.language, not_understood), interpretation=interp)
    if best is not None and not_understood is not None and not_understood.key == "not_understood":
        filled = {getattr(v, "iri", v) for vals in best["slots"].values() for v in vals}
        text = unicodedata.normalize("NFKC", u.question)
        if any(not (set(m.iris) & filled) and _incidental(u, idx, i) and _QUALIFYING_CLASS.match(text, m.end)
               for i, m in enumerate(u.mentions)):
            # "NPU-based chips made by TSMC": the form would drop the class word the query graph could not read
            return _declined(u, u.language, _compose_message(u.language, not_understood), interpretation=interp)
    if not_understood is not None and (not_understood.key == "outside" or _unread_mark(u, not_understood)) and \
            not _form_covers(best, u, not_understood):
        # an attribute the graph has no terms for ("employees", "clock speed", "CEO") that the matched form does
        # not itself read: answering the form would answer another question
        return _declined(u, u.language, _compose_message(u.language, not_understood), interpretation=interp)
    if not_understood is not None and not_understood.key == "outside" and best is not None and \
            best["spec"].name == "market_size" and _asks_companies(u):
        # "売上高が最も大きいチップベンダー": a company's revenue, which the graph lacks, is not the market's size
        return _declined(u, u.language, _compose_message(u.language, not_understood), interpretation=interp)
    if best is None and graph is not None:
        return _composed_answer(graph, u, idx, store, interp, msgs)
    if best is None and partial is None and not_understood is not None and \
            (not_understood.key != "no_answer_type" or u.mentions):
        return _declined(u, u.language, _compose_message(u.language, not_understood), interpretation=interp)
    if best is None:
        if partial is not None and u.mentions:
            slot = partial["missing"][0]
            msg = msgs["missing"].format(form=partial["spec"].name, slot=SLOT_WORDS.get(slot, slot))
            if slot == "unused constraint":
                msg = msgs["unused_constraint"].format(form=partial["spec"].name)
            if slot == "unused":
                msg = msgs["unused"].format(form=partial["spec"].name,
                                            names=", ".join(dict.fromkeys(m.text for m in u.mentions)))
        elif u.mentions:
            names = ", ".join(dict.fromkeys(m.text for m in u.mentions))
            msg = msgs["no_form_entities"].format(names=names, them="it" if len(u.mentions) == 1 else "them")
        elif not_understood is not None and not_understood.key != "no_answer_type":
            msg = _compose_message(u.language, not_understood)  # name the words not understood
        else:
            msg = msgs["no_form"]
        return _declined(u, u.language, msg, interpretation=interp)
    if best["ambiguous"]:
        m, fit = best["ambiguous"][0]
        return _declined(u, u.language, msgs["ambiguous"].format(name=m.text, names=_names(idx, [e.iri for e in fit],
                                                                                           u.language)),
                         candidates=[{"iri": e.iri, "label": e.label(u.language)} for e in fit],
                         interpretation=interp)
    left = _unread(u, idx, best, not_understood)
    if left:  # a word no reading used ("headquartered in Shenzhen"): the form would answer another question
        return _declined(u, u.language, _compose_message(u.language, _NotRead(left, u.language)), interpretation=interp,
                         unread=left)
    spec: FormSpec = best["spec"]
    ctx = Context(store=store, understanding=u, index=idx, slots=best["slots"], lang=u.language)
    try:
        reply: Reply = spec.run(ctx)
    except KGError as exc:  # a query the store refused (time limit, remote store down): say so, never a traceback
        return _declined(u, u.language, msgs["store_error"].format(error=_error_text(exc)), interpretation=interp)
    interp["form"] = spec.name
    interp["slots"] = {k: [getattr(v, "iri", v) for v in vals] for k, vals in best["slots"].items()}
    value = reply.value
    if u.constraints.get("count") and spec.list_answer:
        value = len(reply.answers)
    if graph is not None and not reply.answers and reply.value in (None, 0, []):
        # the form found nothing where the query graph reads the question whole: let the graph answer if it can
        alt = _composed_answer(graph, u, idx, store, interp, msgs)
        if alt.get("understood") and (alt.get("answers") or alt.get("value") not in (None, 0)):
            alt.pop("_unlinked", None)
            return alt
    from api.ask import evidence as ev
    out = {
        "question": u.question, "language": u.language,
        "answers": [_answer(idx, a, u.language) for a in reply.answers],
        "value": value, "sparql": reply.sparql,
        "evidence": ev.find(store, reply.triples),
        "understood": reply.understood, "form": spec.name, "interpretation": interp,
    }
    if reply.extra:
        out["details"] = reply.extra
    if reply.message:
        out["message"] = reply.message
    from api.ask.present import describe
    from api.ask.round_labels import relabel
    relabel(out["answers"], store, idx, u.language)
    describe(out, idx)
    return out


def _unread(u: Understanding, idx: Any, best: dict, not_understood: Any) -> list[str]:
    """The words of a question the query graph could not read that the chosen form's reading does not use either
    (api/ask/coverage.py); empty when the query graph read every word."""
    if not_understood is None or not_understood.key not in ("not_understood", "outside"):
        return []
    from api.ask.coverage import unread_by_form
    try:
        return unread_by_form(u, best, lexicon(u.language).forms, idx)
    except Exception:  # a lexicon being edited must not break questions: the compositional reader's words stand
        return [w for w in re.split(r"[,、\s]+", str(not_understood.info.get("words", ""))) if w]


class _NotRead:
    """The decline of words no reading used, in the shape `_compose_message` says."""

    def __init__(self, words: list[str], lang: str):
        self.key, self.info = "not_understood", {"words": (", " if lang == "en" else "、").join(words)}


def _error_text(exc: Exception) -> str:
    msg = getattr(exc, "message", None)
    if callable(msg):
        msg = msg()
    return str(msg or exc)


def _compose(u: Understanding, idx: Any) -> tuple[Any, Any]:
    """The question's query graph, or (None, why it was not understood)."""
    from api.ask.compose import NotUnderstood, parse
    try:
        return parse(u.question, u.language, u.mentions, idx), None
    except NotUnderstood as exc:
        return None, exc


def _compose_message(lang: str, exc: Any) -> str:
    from api.ask.composed import message
    return message(lang, exc.info.get("msg") or exc.key, **exc.info)  # "msg": a more specific wording of the key


_AGG_SLOTS = {"min_nm": "superlative", "max_amount": "superlative", "max_year": "newest", "min_year": "newest",
              "sum": "total", "count": "count"}


def _form_reads(best: dict | None, graph: Any, constraints: dict | None = None) -> bool:
    """A one-anchor question whose only extra is an aggregate that the matched form itself declares (a foundry's
    most advanced node, a vendor's newest chip) stays with that form."""
    if best is None or graph.reasons != {"aggregate"}:
        return False
    kinds = {k.rstrip("?") for k in best["spec"].slots.values()}
    if any(a.kind in ("currency", "region", "exchange", "memory") and _ATOM_SLOTS.get(a.kind, a.kind) not in kinds
           for n in graph.nodes for a in n.atoms):
        return False  # "人民元建てラウンドで最大": a currency the form would not read
    slot = _AGG_SLOTS.get(graph.aggregate or "")
    # the form must also have read the word ("most recently" may be understood by the query graph only)
    return slot in kinds and (constraints is None or slot in constraints)


_ATOM_SLOTS = {"memory": "memory", "Y": "year", "N": "node", "region": "region", "roundname": "round"}


def _form_uses_atoms(best: dict | None, graph: Any, idx: Any = None) -> bool:
    """A form may answer a conjunction only if it declares a slot for every constraint the question states (its
    entity slots are checked by `_fill`): 'chips with HBM3e made by TSMC' is not 'chips made by TSMC'."""
    if best is None:
        return False
    kinds = {k.rstrip("?") for k in best["spec"].slots.values()}
    filled = {getattr(v, "iri", v) for vals in best["slots"].values() for v in vals}
    for vals in best["slots"].values():  # two names in one slot: a form reads them as either, the question may not
        iris = {getattr(v, "iri", v) for v in vals}
        named = [a for n in graph.nodes for a in n.atoms if a.kind == "entity" and set(a.span.data) & iris]
        for x, y in zip(named, named[1:]):
            if not re.fullmatch(r"\s*(?:,|、|，|and|or|和|与|及|或|と|や|か)?\s*", graph.text[x.span.end:y.span.start], re.I):
                return False  # "Enflame's backers … put money into Kunlunxin": both, not either
    for n in graph.nodes:
        for a in n.atoms:
            if a.kind == "entity":
                if not filled & set(a.span.data):
                    return False  # "哪些GPU采用了HBM2e": a class word the form took for incidental
                if _made_by(graph, a, idx) and not kinds & {"foundry", "process", "node"}:
                    return False  # "TSMCで製造されている": the maker, not the designer an org slot reads
                if _designer(graph, a) and not any(
                        best["spec"].slots.get(name, "").rstrip("?") in ("org", "vendor", "chipvendor", "company")
                        for name, vals in best["slots"].items() if {getattr(v, "iri", v) for v in vals} & set(a.span.data)):
                    return False  # "インテルが設計した": the designer, not a foundry slot (Intel is both)
                if _investor_agent(graph, a) and not any(
                        name == "investor" for name, vals in best["slots"].items()
                        if {getattr(v, "iri", v) for v in vals} & set(a.span.data)):
                    return False  # "led by IDG Capital": the investor, not the company a round form reads
                continue
            key = a.span.data.get("q") if a.kind == "cmp" else a.kind
            if _ATOM_SLOTS.get(key) not in kinds:
                return False
            if a.kind == "memory" and str(a.span.data or a.span.text).lower() not in {
                    str(v).lower() for name, vals in best["slots"].items()
                    if best["spec"].slots.get(name, "").rstrip("?") == "memory" for v in vals}:
                return False  # "chips that use HBM3 and HBM3e": the form read one memory, the question says two
    return True


# what a form answers, to check against the kind of thing an English question asks for first ("Which firms …")
_FORM_GIVES = {"chips_of_vendor": "chip", "chips_on_node": "chip", "chips_with_arch": "chip", "chips_with_memory": "chip",
               "chips_announced_in": "chip", "investors_of": "org", "companies_of_investor": "org", "designer": "org",
               "foundry_of_chip": "org", "foundry_of_vendor": "org", "foundry_of_process": "org",
               "vendors_relying_on": "org", "process_of_chip": "process", "process_of_vendor": "process",
               "processes_of_foundry": "process", "architecture_of_chip": "arch", "architectures": "arch"}
_TYPE_GROUP = {"vendor": "org", "investor": "org", "foundry": "org", "company": "org", "org": "org", "chip": "chip",
               "process": "process", "arch": "arch"}


def _form_counts_other(best: dict, graph: Any) -> bool:
    """Whether the query graph counts one kind of thing and the form lists another ("TSMCの5nmを使っているチップの数":
    the chips are counted, a vendor form would count vendors)."""
    gives = _FORM_GIVES.get(best["spec"].name)
    asked = _TYPE_GROUP.get(graph.answer.type)
    return graph.aggregate == "count" and gives is not None and asked is not None and gives != asked


def _asks_companies(u: Understanding) -> bool:
    """Whether the question names chip companies, foundries or investors with a type word (not only a market)."""
    from api.ask.compose import normalized, read_spans
    from api.ask.compose_lexicon import compose_lexicon
    try:
        spans = read_spans(normalized(u.question, u.language), compose_lexicon(u.language), u.mentions)
    except Exception:  # a lexicon being edited must not break questions
        return False
    return any(s.kind == "type" and s.row.get("type") in ("vendor", "foundry", "investor") for s in spans)


def _form_gives_other(best: dict, graph: Any) -> bool:
    """Whether the form lists another kind of thing than the query graph asks for with a type word and no name on
    it (companies asked, chips or a company's funding rounds listed: "Which vendors rely on TSMC and went public?"
    answered TSMC's rounds), in any language."""
    gives = _FORM_GIVES.get(best["spec"].name) or {"round_details": "round"}.get(best["spec"].name)
    asked = _TYPE_GROUP.get(graph.answer.type)
    if graph.answer.type == "cluster" and gives is not None:
        return True  # "Has Moore Threads built any computing cluster?": no listing form answers clusters
    if {asked, gives} == {"process", "chip"}:
        return True  # "台积电3nm级别的工艺有哪几个": processes asked, a form lists the chips made on them (or the reverse)
    if gives in ("chip", "round") and asked == "org" and graph.answer.type != "org" and \
            not any(a.kind == "entity" for a in graph.answer.atoms):
        return True
    # investors asked with a type word, another kind listed by the form ("有哪些机构领投或参投了壁仞科技" answered
    # with Biren's chips): the query graph answers
    if graph.answer.type == "investor" and gives is not None and gives != "org":
        return True
    # funding rounds listed ("燧原科技有哪些融资", "どの資金調達ラウンドを実施しましたか"): a chip list or one round
    # figure (round_details' total) answers another question
    return graph.answer.type == "round" and graph.aggregate is None and gives is not None


def _other_answer_type(u: Understanding, best: dict) -> bool:
    """Whether an English question asks first for a kind of thing the form does not answer."""
    gives = _FORM_GIVES.get(best["spec"].name)
    if u.language != "en" or gives is None:
        return False
    from api.ask.compose import normalized, read_spans
    from api.ask.compose_lexicon import compose_lexicon
    try:
        spans = read_spans(normalized(u.question, u.language), compose_lexicon(u.language), u.mentions)
    except Exception:  # a lexicon being edited must not break questions
        return False
    text = normalized(u.question, u.language)
    types = [s for s in spans if s.kind == "type"]
    first = types[0] if types else None
    if first is None or first.start > 24:
        return False
    if first.row.get("type") == "chip":  # "chip firms", "chip startups": the chip word only says what kind
        rest = text[first.end:]
        nxt = types[1] if len(types) > 1 else None
        if nxt is not None and not text[first.end:nxt.start].strip():
            first = nxt
        elif re.match(r"\s+[a-z]", rest) and not any(s.start == first.end + 1 for s in spans):
            return False
    asked = _TYPE_GROUP.get(first.row.get("type"))
    return asked is not None and asked != gives


def _asks_round_attribute(u: Understanding) -> bool:
    from api.ask.compose import normalized, read_spans
    from api.ask.compose_lexicon import compose_lexicon
    try:
        spans = read_spans(normalized(u.question, u.language), compose_lexicon(u.language), u.mentions)
    except Exception:  # a lexicon being edited must not break questions
        return False
    return any(s.kind == "type" and s.row.get("type") in ("currency", "roundname") for s in spans)


def _unread_mark(u: Understanding, exc: Any) -> bool:
    """Whether a word the query graph could not use is one of its own markers (a superlative, a count, a
    negation, a comparison): it carries meaning, so a form that does not read it must not answer ("the largest
    shareholder" is not every shareholder)."""
    from api.ask.compose import normalized, read_spans
    from api.ask.compose_lexicon import compose_lexicon
    words = {w.casefold() for w in re.split(r"[,、\s]+", str(exc.info.get("words", ""))) if w}
    if exc.key != "not_understood" or not words:
        return False
    try:
        spans = read_spans(normalized(u.question, u.language), compose_lexicon(u.language), u.mentions)
    except Exception:  # a lexicon being edited must not break questions
        return False
    return any(s.kind in ("mark", "cmp") and s.text.casefold().strip() in words for s in spans)


def _designer(graph: Any, a: Any) -> bool:
    """Whether a design word stands right next to the entity ("designed by Intel", "インテルが設計した", "英特尔设计的")."""
    return any(r.row.get("rel") == "design" and (0 <= r.start - a.span.end <= 3 or 0 <= a.span.start - r.end <= 4)
               for r in graph.rels)


def _investor_agent(graph: Any, a: Any) -> bool:
    """Whether the entity is who invests ("led by IDG", "IDG Capital invested", "IDGが出資した", "红杉领投的"), not
    the company invested in ("invested in Biren", "Birenに出資した", "投资了壁仞")."""
    text = graph.text
    for r in graph.rels:
        if r.row.get("rel") not in ("invest", "lead"):
            continue
        if r.end <= a.span.start and (r.text.lower().rstrip().endswith(" by") and a.span.start - r.end <= 3 or
                                      re.fullmatch(r"\s*by\s*(?:the\s*)?", text[r.end:a.span.start], re.I)):
            return True
        if r.start >= a.span.end:
            gap = text[a.span.end:r.start].strip()
            if gap == "" or (graph.lang == "ja" and gap in ("が", "は")) or \
                    (graph.lang == "en" and gap.lower() in ("has", "have", "had")):
                return True
    return False


def _made_by(graph: Any, a: Any, idx: Any) -> bool:
    """Whether the entity is a foundry with a manufacturing or reliance word right next to it ("made by TSMC",
    "TSMCで製造"; not "which chips does Acme make")."""
    ents = [idx.entities[x] for x in a.span.data if idx is not None and x in idx.entities]
    if not ents or not all(e.is_a("Foundry") for e in ents):
        return False
    return any(r.row.get("rel") in ("make", "rely") and (0 <= r.start - a.span.end <= 3 or 0 <= a.span.start - r.end <= 4)
               for r in graph.rels)


def _strict_markers(u: Understanding) -> list:
    from api.ask.compose import question_markers
    try:
        return question_markers(u.question, u.language, u.mentions)
    except Exception:  # a lexicon being edited must not break questions
        return []


def _form_covers(best: dict | None, u: Understanding, exc: Any) -> bool:
    """A form may answer a question the compositional reader could not read only if every word that reader left
    over is part of the form's own phrasing (its patterns matched on the question)."""
    if best is None:
        return False
    if exc.key not in ("not_understood", "outside"):
        return True
    row_res = [row for row in lexicon(u.language).forms if row.get("form") == best["spec"].name]
    matched = " ".join(m.group(0) for row in row_res for rx in row["_re"] for m in rx.finditer(u.masked))
    words = [w.casefold() for w in re.split(r"[,、\s]+", str(exc.info.get("words", ""))) if w]
    if exc.key == "outside":  # the form's own phrasing reads the attribute ("売上" of a market, "revenue")
        phrases = [m.group(0).casefold().strip() for row in row_res for rx in row["_re"] for m in rx.finditer(u.masked)]
        return all(any(p and w in p for p in phrases) for w in words)
    return all(w in matched for w in words)


def _composed_answer(graph: Any, u: Understanding, idx: Any, store: Any, interp: dict, msgs: dict) -> dict:
    from api.ask import composed
    from api.ask import evidence as ev
    from api.ask.compose import NotUnderstood
    from api.ask.present import describe
    if u.constraints.get("forecast") == "forecast":
        # "Which chips will NVIDIA announce in 2026?", "预计将依赖中芯国际的厂商": only a market figure is a forecast in
        # the graph; a query graph over chips, companies and rounds would answer what is stated as the expected
        return _declined(u, u.language, _compose_message(u.language, NotUnderstood("forecast_only_market")),
                         interpretation=interp)
    try:
        got = composed.run(graph, u, idx, store)
    except NotUnderstood as exc:
        return _declined(u, u.language, _compose_message(u.language, exc), interpretation=interp, _unlinked=True)
    except KGError as exc:
        return _declined(u, u.language, msgs["store_error"].format(error=_error_text(exc)), interpretation=interp)
    interp["form"] = "composed"
    interp["graph"] = got["details"].pop("graph", None)
    if got.get("decline"):  # an empty answer the graph cannot stand behind (a country no organisation is known in)
        return _declined(u, u.language, got["decline"], interpretation=interp)
    out = {"question": u.question, "language": u.language,
           "answers": [_answer(idx, a, u.language) for a in got["answers"]],
           "value": got["value"], "sparql": got["sparql"], "evidence": ev.find(store, got["triples"]),
           "understood": True, "form": "composed", "interpretation": interp}
    if got["details"]:
        out["details"] = got["details"]
    if got["notes"]:
        out["message"] = " ".join(got["notes"])
    from api.ask.round_labels import relabel
    relabel(out["answers"], store, idx, u.language)
    describe(out, idx, graph)
    return out


__all__ = ["answer", "detect_language", "entity_index"]
