"""Which words of a question no part of its reading used: an answer may only be given when none carries meaning.

A question form (`api/ask/forms/`) answers from a phrase pattern on the masked question; alone, it would answer
"Which vendors rely on TSMC?" also for "Which vendors headquartered in Shenzhen rely on TSMC?". Every character a
reading used is marked (entity mentions, constraint matches, the form's own pattern matches mapped back from the
masked text, the compositional lexicon's words), and so is every function word, question word, politeness and
framing phrase of the language (data: `ontology/lexicon/<lang>/coverage.jsonl` plus the `fill` rows of
compose.jsonl). What is left, read as words, was not understood: the question is declined naming it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

# a word of the question: a Latin/digit token, or a run of kana/Han/Hangul characters
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’]*|[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af]+")
_HIRAGANA = re.compile(r"[\u3040-\u309f]+")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]")
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_KATAKANA = re.compile(r"[\u30a1-\u30fa]")


@dataclass(frozen=True)
class CoverageLexicon:
    function: re.Pattern | None  # grammatical words, question words, politeness, filler
    frame: tuple[re.Pattern, ...]  # the asker's own framing ("For a due-diligence memo:"), read as a whole
    fragment: int  # a leftover run of this many hiragana or fewer is inflection (ja), not a word
    apposition: re.Pattern | None  # descriptors and a class word right after a named thing ("… data-center GPU")
    boundary: str = ""  # particles that end a word: an unread word is named up to them ("智能手机领域", "ひそかに")
    suffix: re.Pattern | None = None  # noun-forming suffixes, read only right after a word the reading used (設計|者)
    arch_suffix: re.Pattern | None = None  # "-generation" after a microarchitecture's name: that architecture


@lru_cache(maxsize=8)
def coverage_lexicon(lang: str) -> CoverageLexicon:
    from ontology import load_lexicon
    words: list[str] = []
    frames: list[re.Pattern] = []
    fragment = 0
    classes: list[str] = []
    boundary = ""
    suffixes: list[str] = []
    arch: list[str] = []
    for row in load_lexicon(lang, "compose"):
        if row.get("kind") == "fill":
            words += row["patterns"]
    try:
        rows = load_lexicon(lang, "coverage")
    except Exception:  # a language without its coverage file reads with compose's filler words only
        rows = ()
    for row in rows:
        kind = row.get("kind")
        if kind == "function":
            words += row["patterns"]
        elif kind == "frame":
            frames += [re.compile(p, re.I) for p in row["patterns"]]
        elif kind == "fragment":
            fragment = int(row["max_hiragana"])
        elif kind == "boundary":
            boundary += row["chars"]
        elif kind == "class_noun":
            classes += row["patterns"]
        elif kind == "suffix":
            suffixes += row["patterns"]
        elif kind == "arch_suffix":
            arch += row["patterns"]
    words = sorted(set(words), key=len, reverse=True)
    body = "|".join(f"(?:{w})" for w in words)
    latin = lang == "en"
    rx = re.compile(rf"(?<![A-Za-z0-9])(?:{body})(?![A-Za-z0-9])" if latin else f"(?:{body})", re.I) if words else None
    cls = "|".join(sorted(classes, key=len, reverse=True))
    app = None
    if cls:
        app = re.compile(rf"\s*(?:[A-Za-z][\w\-]*\s+){{0,2}}?(?:{cls})(?![A-Za-z])" if latin else
                         rf"\s*[^\s、，。？?,]{{0,6}}?(?:{cls})", re.I)
    suf = re.compile("|".join(f"(?:{w})" for w in sorted(set(suffixes), key=len, reverse=True))) if suffixes else None
    arx = re.compile("|".join(f"(?:{w})" for w in sorted(set(arch), key=len, reverse=True)), re.I) if arch else None
    return CoverageLexicon(rx, tuple(frames), fragment, app, boundary, suf, arx)


def masked_origin(text: str, masked_marks: list[tuple[int, int, str]]) -> tuple[str, list[int]]:
    """The masked question `understand` builds (each mark replaced by ` {tag} `, blanks collapsed, case-folded) with,
    for each of its characters, the index in `text` it comes from (-1 for a tag or an inserted blank)."""
    chars: list[tuple[str, int]] = []
    pos = 0
    for s, e, tag in sorted(masked_marks):
        if s < pos:
            continue
        chars += [(text[i], i) for i in range(pos, s)]
        chars += [(c, -1) for c in f" {tag} "]
        pos = e
    chars += [(text[i], i) for i in range(pos, len(text))]
    out: list[tuple[str, int]] = []
    for c, i in chars:  # re.sub(r"\s+", " ", …): a run of blanks is one blank
        if c.isspace():
            if out and out[-1][0] == " ":
                continue
            c = " "
        for f in c.casefold():
            out.append((f, i))
    while out and out[0][0] == " ":
        out.pop(0)
    while out and out[-1][0] == " ":
        out.pop()
    return "".join(c for c, _ in out), [i for _, i in out]


def unread(text: str, lang: str, used: list[tuple[int, int]]) -> list[str]:
    """The words of `text` that no span in `used` covers and that are not function words of `lang`."""
    lex = coverage_lexicon(lang)
    mask = [False] * len(text)
    for s, e in used:
        for i in range(max(0, s), min(e, len(text))):
            mask[i] = True
    for rx in lex.frame:
        for m in rx.finditer(text):
            for i in range(m.start(), m.end()):
                mask[i] = True
    strong = list(mask)  # read words, not one-character particles: inflection may follow them
    if lex.suffix is not None:  # "者" of "設計者", "年" of "発表年": the noun a read word makes, read with it
        for m in lex.suffix.finditer(text):
            if m.start() > 0 and strong[m.start() - 1] and _HAN.fullmatch(text[m.start() - 1]):
                for i in range(m.start(), m.end()):
                    mask[i] = strong[i] = True
    if lex.function is not None:  # matched on the whole text: "(?<=開発)元" looks at a word that was read
        for m in lex.function.finditer(text):
            for i in range(m.start(), m.end()):
                mask[i] = True
                strong[i] = strong[i] or m.end() - m.start() > 1
    rest = "".join(" " if mask[i] else c for i, c in enumerate(text))
    out: list[str] = []
    for m in _WORD.finditer(rest):
        w = m.group(0)
        if w[0].isascii():
            # a Latin word partly matched by a pattern ("fab" of "fabbed") was read; each part of a hyphenated word
            # is a word of its own ("open" of "open-source")
            whole = re.match(r"[A-Za-z0-9'’]*", text[m.start():]).group(0)
            before = re.search(r"[A-Za-z0-9'’]*$", text[:m.start()]).group(0)
            if before or len(whole) > len(w):
                continue
            w = w.strip("'’-")
            if not w or w.lower() in ("s", "t"):
                continue
        else:
            j = m.start() - 1  # back over inflection already masked ("ら" of "位置づけられ"), not over a particle
            while j >= 0 and mask[j] and not strong[j] and _HIRAGANA.fullmatch(text[j]) and text[j] not in lex.boundary:
                j -= 1
            if _HIRAGANA.fullmatch(w) and len(w) <= lex.fragment and j >= 0 and strong[j]:
                continue  # "っ" of "請け負って": the inflection of a word that was read
            if set(w) <= {"ー"} and m.start() > 0 and strong[m.start() - 1] and _KATAKANA.fullmatch(text[m.start() - 1]):
                continue  # "ー" of "クラスター" read as "クラスタ": the long-vowel mark belongs to the katakana word read
            s0, e0 = m.start(), m.end()  # name the whole word: "ひそかに", "智能手机领域", not what particles left of it
            while s0 > 0 and _CJK.fullmatch(text[s0 - 1]) and not strong[s0 - 1] and text[s0 - 1] not in lex.boundary:
                s0 -= 1
            while e0 < len(text) and _CJK.fullmatch(text[e0]) and not strong[e0] and text[e0] not in lex.boundary:
                e0 += 1
            w = text[s0:e0] or w
        out.append(w)
    return list(dict.fromkeys(out))


def form_spans(u: Any, row: dict) -> list[tuple[int, int]]:
    """The characters of the question a form's phrase patterns matched on the masked text."""
    from api.ask.compose import normalized
    text = normalized(u.question, u.language)
    marks = getattr(u, "mask_marks", None)
    if not marks and not u.masked:
        return []
    masked, origin = masked_origin(text, marks)
    if masked != u.masked:  # the map is only good for the text understand masked
        return []
    out: list[tuple[int, int]] = []
    for rx in row["_re"]:
        grx = _gapped(rx.pattern, rx.flags)
        for m in (grx or rx).finditer(masked):
            gaps = [m.span(g) for g in (grx.groupindex.values() if grx else ()) if m.span(g) != (-1, -1)]
            for i in range(m.start(), m.end()):
                if origin[i] >= 0 and not any(s <= i < e for s, e in gaps):
                    out.append((origin[i], origin[i] + 1))
    return out


# a wildcard of a phrase pattern (".*", ".{0,12}", "[^？]+"): what it spans was not read by the pattern
_WILDCARD = re.compile(r"(?<!\\)(?:\.|\[\^[^\]]*\])(?:\*|\+|\{\d*,?\d*\})\??")


@lru_cache(maxsize=4096)
def _gapped(pattern: str, flags: int) -> re.Pattern | None:
    """`pattern` with each wildcard in a named group `_gN`, so a match tells the words it only skipped over."""
    k = iter(range(10_000))
    gapped = _WILDCARD.sub(lambda m: f"(?P<_g{next(k)}>{m.group(0)})", pattern)
    if gapped == pattern:
        return None
    try:
        return re.compile(gapped, flags)
    except re.error:
        return None


def apposition_spans(text: str, lang: str, u: Any, idx: Any) -> list[tuple[int, int]]:
    """A class word right after a named chip or cluster, with up to two descriptors between, names the thing itself
    ("Intel's Ponte Vecchio data-center GPU"): those words were read with the name."""
    app = coverage_lexicon(lang).apposition
    out: list[tuple[int, int]] = []
    if app is None or idx is None:
        return out
    for m in u.mentions:
        ents = [idx.entities[i] for i in m.iris if i in idx.entities]
        if ents and all(e.is_a("Chip", "ComputingCluster") for e in ents):
            hit = app.match(text, m.end)
            if hit:
                out.append((m.end, hit.end()))
    return out


def arch_suffix_spans(text: str, lang: str, mentions: list, idx: Any) -> list[tuple[int, int]]:
    """A generation word right after a microarchitecture's name ("Hopper-generation chips", "CDNA 3世代のチップ",
    "Blackwell架构一代"): chips of that microarchitecture, as the bare name reads; after any other name it is unread."""
    rx = coverage_lexicon(lang).arch_suffix
    out: list[tuple[int, int]] = []
    if rx is None or idx is None:
        return out
    for m in mentions:
        ents = [idx.entities[i] for i in m.iris if i in idx.entities]
        if ents and all(e.is_a("Microarchitecture") for e in ents):
            hit = rx.match(text, m.end)
            if hit:
                out.append((m.end, hit.end()))
    return out


def own_name_spans(text: str, u: Any, idx: Any) -> list[tuple[int, int]]:
    """Words written next to a mention that are words of that entity's own names ("MTT" before a typo-linked
    "S4OOO", whose name is "MTT S4000"): they were read with the name."""
    out: list[tuple[int, int]] = []
    if idx is None:
        return out
    for m in u.mentions:
        names = [n for i in m.iris if i in idx.entities for n in idx.entities[i].alt +
                 [x for vals in idx.entities[i].labels.values() for x in vals]]
        words = {w.casefold() for n in names for w in re.findall(r"[A-Za-z0-9]+", n)}
        for hit in re.finditer(r"[A-Za-z0-9]+", text[max(0, m.start - 24):m.start]):
            s0 = max(0, m.start - 24) + hit.start()
            if hit.group(0).casefold() in words and not re.search(r"[^\sA-Za-z0-9]", text[s0:m.start]):
                out.append((s0, s0 + len(hit.group(0))))
        for hit in re.finditer(r"[A-Za-z0-9]+", text[m.end:m.end + 24]):
            s0 = m.end + hit.start()
            if hit.group(0).casefold() in words and not re.search(r"[^\sA-Za-z0-9]", text[m.end:s0]):
                out.append((s0, s0 + len(hit.group(0))))
    return out


def unread_by_form(u: Any, best: dict, lex_rows: list[dict], idx: Any = None) -> list[str]:
    """The content words of the question that neither the understanding (mentions, constraints), the compositional
    lexicon nor the chosen form's pattern used."""
    from api.ask.compose import normalized, read_spans
    from api.ask.compose_lexicon import compose_lexicon
    text = normalized(u.question, u.language)
    used: list[tuple[int, int]] = [(m.start, m.end) for m in u.mentions]
    used += [(s, e) for s, e, _ in getattr(u, "spans", [])]
    try:
        spans = read_spans(text, compose_lexicon(u.language), u.mentions)
    except Exception:  # a lexicon being edited must not break questions
        spans = []
    used += [(s.start, s.end) for s in spans if s.kind not in ("outside", "qualifier")]
    used += apposition_spans(text, u.language, u, idx)
    used += own_name_spans(text, u, idx)
    used += arch_suffix_spans(text, u.language, u.mentions, idx)
    for row in lex_rows:  # every phrasing of the chosen form (one may give its name, another its relation)
        if row.get("form") == best["spec"].name:
            used += form_spans(u, row)
    return unread(text, u.language, used)
