"""`open_ner` + `aic_ner`: the trained entity recogniser of a language (ingest/models/<lang>, `make train`).

A spaCy `ner` with its own small tok2vec, trained by `spacy train` (ingest/train/) on the project's
annotated documents with every known name swapped for invented ones, so it recognises organisations,
chips, clusters and architectures by their context and shape. It runs on a copy of the sentence made
from the same tokens it was trained on (`model_words`), so the base pipeline's own `doc.ents` (GiNZA's
NER) stay as they are. Names the vocabulary ruler (or the node/money recognisers) already found win on
overlap; the rest become mentions like those of `aic_unknown` (no vocabulary id, `extra["unknown"]`),
carrying the model's label in `extra["ner"]` so relation extractors can type them by context.
Two stages: `open_ner` runs the model batched beside the base pipeline, `aic_ner` turns its spans into
mentions sentence by sentence, after the vocabulary ruler.
"""
from __future__ import annotations

import logging
import re
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from ingest.components import mentions
from ingest.model import Mention

MODELS = Path(__file__).resolve().parents[1] / "models"
KIND_OF_LABEL = {"ORG": "org", "RESEARCH": "org", "CHIP": "chip", "CLUSTER": "cluster", "ARCH": "arch"}
TYPES_OF_LABEL = {"CHIP": ("Chip",), "CLUSTER": ("ComputingCluster",)}
BLOCKING_KINDS = ("org", "chip", "cluster", "arch", "node", "money", "year", "percent")
# Latin letters and digits (ASCII and full width) stay together; every other non-space character is a token
_CHAR_TOKEN = re.compile(r"[0-9A-Za-z\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]+|\S")
log = logging.getLogger(__name__)

if not Doc.has_extension("model_ents"):
    Doc.set_extension("model_ents", default=None)


def model_words(doc_or_text, mode: str) -> tuple[list[str], list[bool]]:
    """The tokens the recogniser reads: the base pipeline's ("base", given its Doc) or Latin runs and
    single characters ("cjk_char", for Chinese, where jieba glues unknown names to their neighbours).
    Training (ingest/train/corpus.py) and ingest both call this, so the two always tokenise alike."""
    if mode == "base":
        return [t.text for t in doc_or_text], [bool(t.whitespace_) for t in doc_or_text]
    text = doc_or_text if isinstance(doc_or_text, str) else doc_or_text.text
    words, spaces = [], []
    for m in _CHAR_TOKEN.finditer(text):
        words.append(m.group(0))
        spaces.append(False)
        if words and m.end() < len(text) and text[m.end()].isspace():
            spaces[-1] = True
    return words, spaces


@lru_cache(maxsize=3)
def load_model(path: str) -> Language | None:
    p = Path(path)
    if not (p / "config.cfg").exists():
        log.warning("aic_ner: no trained model at %s (run `make train`); the recogniser is off", p)
        return None
    return spacy.load(p)


class EntityModel:
    """`open_ner`: runs the model, batched with the base pipeline (its name has no `aic_` prefix, so
    ingest.extract runs it inside `nlp.pipe`), and leaves (start, end, label) spans in `doc._.model_ents`."""

    def __init__(self, model: str, tokens: str, batch_size: int = 64, second: str = ""):
        path = Path(model) if Path(model).is_absolute() else MODELS.parent / model
        self.nlp = load_model(str(path))
        self.tokens = tokens
        self.batch_size = batch_size
        # a second recogniser trained on other data: its spans that overlap none of the first one's are added
        # (the first one's spans win, the rules were written beside them)
        self.second = None
        if second:
            spath = Path(second) if Path(second).is_absolute() else MODELS.parent / second
            self.second = load_model(str(spath))

    def _copy(self, doc: Doc) -> Doc | None:
        words, spaces = model_words(doc if self.tokens == "base" else doc.text, self.tokens)
        return Doc(self.nlp.vocab, words=words, spaces=spaces) if words else None

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs, batch_size: int | None = None):
        if self.nlp is None:
            for doc in docs:
                doc._.model_ents = []
                yield doc
            return
        ner = self.nlp.get_pipe("ner")
        batch: list[Doc] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= (batch_size or self.batch_size):
                yield from self._run(ner, batch)
                batch = []
        if batch:
            yield from self._run(ner, batch)

    def _run(self, ner, batch: list[Doc]):
        copies = [self._copy(d) for d in batch]
        done = iter(ner.pipe([c for c in copies if c is not None], batch_size=len(batch)))
        extra = None
        if self.second is not None:
            more = [Doc(self.second.vocab, words=[t.text for t in c], spaces=[bool(t.whitespace_) for t in c])
                    for c in copies if c is not None]
            extra = iter(self.second.get_pipe("ner").pipe(more, batch_size=len(batch)))
        for doc, copy in zip(batch, copies):
            if copy is None:
                doc._.model_ents = []
            else:
                copy = next(done)
                doc._.model_ents = _spans(copy, doc.text)
                if extra is not None:
                    first = doc._.model_ents
                    doc._.model_ents = sorted(first + [x for x in _spans(next(extra), doc.text)
                                                       if not any(a < x[1] and x[0] < b for a, b, _ in first)])
            yield doc


def _spans(copy: Doc, text: str) -> list[tuple[int, int, str]]:
    """The model's entities as character offsets into the original sentence (the copy may space
    differently: "cjk_char" drops runs of blanks)."""
    if copy.text == text:
        return [(e.start_char, e.end_char, e.label_) for e in copy.ents]
    out, pos, offsets = [], 0, []
    for t in copy:
        i = text.find(t.text, pos)
        offsets.append(i)
        pos = i + len(t.text) if i >= 0 else pos
    for e in copy.ents:
        s, last = offsets[e.start], offsets[e.end - 1]
        if s >= 0 and last >= 0:
            out.append((s, last + len(copy[e.end - 1].text), e.label_))
    return out


@lru_cache(maxsize=4)
def not_names(lang: str) -> frozenset[str]:
    """Words that are never a name on their own (weekdays, months: ontology/lexicon/<lang>/not_names.jsonl),
    casefolded; empty where a language has no such list."""
    import ontology
    try:
        rows = ontology.load_lexicon(lang, "not_names")
    except ontology.VocabError:
        return frozenset()
    return frozenset(w.casefold() for row in rows for w in row.get("words", ()))


# what follows a transcript's speaker label: the colon, after an optional role ("Mara Quist, CEO: …")
_AFTER_LABEL = re.compile(r"(?:,[^:\n]{1,60})?\s?:\s")


@lru_cache(maxsize=1)
def _time_words() -> frozenset[str]:
    import ontology
    return frozenset(w.casefold() for row in ontology.load_lexicon("en", "not_names")
                     if row.get("kind") in ("weekday", "month", "time", "time_modifier") for w in row["words"])


def _time_phrase(name: str) -> bool:
    """A guess made only of time words (ontology/lexicon/en/not_names.jsonl kinds weekday, month, time,
    time_modifier): "Last Friday", "Early March"."""
    words = name.split()
    return len(words) >= 2 and all(w.casefold().strip(",.") in _time_words() for w in words)


@lru_cache(maxsize=1)
def _titles() -> str:
    """Job titles (ontology/lexicon/en/not_names.jsonl kind title) as one regex alternation, longest first."""
    import ontology
    words = sorted({w for row in ontology.load_lexicon("en", "not_names") if row.get("kind") == "title"
                    for w in row["words"]}, key=len, reverse=True)
    return "|".join(re.escape(w) for w in words)


@lru_cache(maxsize=1)
def _title_before() -> re.Pattern:
    return re.compile(r"(?<![\w-])(?:" + _titles() + r")\s+$", re.I)


def _after_title(text: str, s: int, name: str) -> bool:
    """A guess of two or three capitalised words written right after a job title (ontology/lexicon/en/not_names.jsonl
    kind title) names a person: "chief executive Noor Akande", "co-founder Ivo Lind". A name that ends in a company
    word stays a company ("its partner Tolland Robotics")."""
    from ingest.components.context import _name_words
    words = name.split()
    return 2 <= len(words) <= 3 and all(w[:1].isupper() for w in words) \
        and words[-1] not in _name_words().get("organization", frozenset()) \
        and not any(w in _name_words().get("investor", frozenset()) for w in words) \
        and bool(_title_before().search(text[max(0, s - 40):s]))


@lru_cache(maxsize=1)
def _title_then_name() -> re.Pattern:
    return re.compile(r"(?<![\w-])(?i:" + _titles() + r")\s+(?P<n>[A-Z][a-z'’-]+(?:\s[A-Z][a-z'’-]+){1,2})(?![\w-])")


def _remember_people(text: str, people: set) -> None:
    """People a sentence names after a job title ("chief executive Elise Marchand"), whole and by surname, so that
    "Marchand said …" later is no organisation (a name that ends in a company or investor word is no person)."""
    from ingest.components.context import _name_words
    words = _name_words()
    for m in _title_then_name().finditer(text):
        name = m.group("n").split()
        if name[-1] in words.get("organization", frozenset()) or any(w in words.get("investor", frozenset()) for w in name):
            continue
        people.update({" ".join(name), name[-1]})


def _speaker_label(text: str, s: int, e: int) -> bool:
    """A guess that opens its sentence and is followed by a colon (after an optional role) labels a speaker: a
    person's name, unless it ends in a company word ("Helix Compute: …" stays a company)."""
    from ingest.components.context import _name_words
    words = text[s:e].split()
    return not text[:s].strip(" \t—–-") and bool(_AFTER_LABEL.match(text, e)) and 2 <= len(words) <= 3 \
        and words[-1] not in _name_words().get("organization", frozenset())


# a company's legal form written on its own after the name and a comma ("…, Inc.", "…, L.P.")
LEGAL_FORM_ALONE = re.compile(r"(?:Inc|Corp|Ltd|LLC|LLP|L\.?P|Co|Corporation|Limited|PLC|GmbH|AG|SA|NV)\.?")


@lru_cache(maxsize=4)
def _describing(lang: str) -> re.Pattern:
    words = sorted(not_names(lang) | {"ai"}, key=len, reverse=True)
    return re.compile(r"(?:" + "|".join(re.escape(w) for w in words) + r"|[\s・の的])+")


def only_describes(text: str, lang: str) -> bool:
    """A Japanese or Chinese span made only of words that never name (places, "スタートアップ", "半导体", "AI"):
    "中国AI半導体の燧原科技" describes 燧原科技 before naming it."""
    return lang in ("ja", "zh") and bool(_describing(lang).fullmatch(text.casefold()))


def _ends_in_verb(doc: Doc, s: int, e: int) -> bool:
    """A Japanese guess whose last word is a verb or auxiliary by Sudachi's tags ("手がける", "採り入れ"):
    a predicate the model read as a name, never a company."""
    if doc.lang_ != "ja":
        return False
    last = [t for t in doc if s <= t.idx < e]
    return bool(last) and last[-1].tag_.startswith(("動詞", "助動詞"))


def _lower_word_inside(text: str, lang: str) -> bool:
    """An English guess with a capitalised word and, after its first word, a lower-case word that is no small
    connector of names ("Then came", "Dear partners", "Can you comment", but not "Bank of America"): a stretch of
    the sentence, not a name (guess_words.jsonl kind connector). Lower-cased text (machine translation) is left alone.
    (A kind word after the name, "Lanternfield cluster", is cut off first: `_kind_word_end`.)"""
    words = text.split()
    if lang != "en" or len(words) < 2 or not any(w[:1].isupper() for w in words):
        return False
    return any(w.isalpha() and w.islower() and w not in _lower_words("connector") for w in words[1:])


def _kind_word_end(text: str, s: int, e: int, lang: str) -> int:
    """Where an English guess ends that runs on into the lower-case word saying what the name is ("its Lanternfield
    cluster", "Emberline systems"; guess_words.jsonl kind kind_word): the name ends before it."""
    words = text[s:e].split()
    if lang != "en" or len(words) < 2 or not words[-1].isalpha() or not words[-1].islower():
        return e
    if words[-1] not in _lower_words("kind_word") or not any(w[:1].isupper() or w[:1].isdigit() for w in words[:-1]):
        return e
    return s + text[s:e].rstrip().rfind(" " + words[-1])


def _lower_words_start(text: str, s: int, e: int) -> int:
    """Where an English guess's name begins after lower-case words that open it ("values Etched", "former GitHub"),
    when a capitalised word follows them (not a connector: "the", "of")."""
    m = re.match(r"(?:([a-z]+)\s+)+(?=[A-Z])", text[s:e])
    if m is None or any(w in _lower_words("connector") for w in m.group(0).split()):
        return s
    return s + m.end()


def _venue(doc: Doc, s: int, e: int) -> bool:
    """The guess is wholly a listing venue the lexicon names (`_exchange`: "Nasdaq", "NYSE", "STAR Market")."""
    from ingest.components.relations.common import cue_spans
    return any(a <= s and e <= b for a, b in cue_spans(doc, "_exchange"))


@lru_cache(maxsize=4)
def _lower_words(kind: str) -> frozenset[str]:
    import ontology
    return frozenset(w for row in ontology.load_lexicon("en", "guess_words") if row.get("kind") == kind for w in row["words"])


# "第三" of 基于第三代MUSA架构, "first-generation" of "its first-generation 7nm-class DUV process": an ordinal
# (generation, phase) is a descriptor, never a name
_ORDINAL = re.compile(r"第\s?[0-9０-９一二三四五六七八九十百]+\s?(?:代|世代|世|期|款|届|弾)?|(?i:(?:first|second|third|fourth|fifth|sixth|next|new|latest|previous|prior|last|current|\d+(?:st|nd|rd|th))[-\s]gen(?:eration)?)")
_OPEN_QUOTE, _CLOSE_QUOTE = "「『“\"", "」』”\""
_QUOTE_SLACK = 2


def _to_quotes(text: str, s: int, e: int) -> tuple[int, int]:
    """A guess that stops a character or two short of the quotes around it ("「后摩智能」" read as "摩智能")
    is the whole quoted name: quotes bound a name better than a model trained on other names."""
    lo = max((text.rfind(q, max(0, s - _QUOTE_SLACK - 1), s) for q in _OPEN_QUOTE), default=-1)
    if lo < 0:
        return s, e
    hi = min((i for i in (text.find(q, e, e + _QUOTE_SLACK + 1) for q in _CLOSE_QUOTE) if i >= 0), default=-1)
    if hi < 0 or (s, e) == (lo + 1, hi) or not re.fullmatch(r"[^\s、，。,;；:：（）()]+", text[lo + 1:hi]):
        return s, e
    return lo + 1, hi


# 「星雲（セイウン）」, “天河（Tianhe）”: a quoted name followed, inside the quotes, by its reading or its name in
# another script
_QUOTED_READING = re.compile(r"[（(](?P<r>[^）)「」『』“”\"\n]{1,24})[）)][」』”\"]")


def _reading(text: str, s: int, e: int) -> tuple[int, str] | None:
    """Where a guess that runs into a bracketed reading inside quotes should end, and the reading: a model
    trained on names without such asides reads "星雲（セイウン" as one name."""
    if s == 0 or text[s - 1] not in _OPEN_QUOTE:
        return None
    cut = min((i for i in (text.find("（", s, e + 1), text.find("(", s, e + 1)) if i > s), default=-1)
    if cut < 0:
        cut = e  # the guess stopped at the bracket
    m = _QUOTED_READING.match(text, cut)
    if m is None or cut - s < 2:
        return None
    return cut, m.group("r").strip()


# "Lumeq（流明科技）", "tovrin tek （トヴリン テック）": a name and its other spelling in brackets, read as one guess
_PAIR = re.compile(r"(?P<a>[^（()）]*[^\s（()）])\s?[（(]\s?(?P<b>[^（()）]*[^\s（()）])\s?[）)]")


def _split_pairs(text: str, ents: list) -> list:
    """A guess that is a name followed by its other spelling in brackets is two names, as the gold and the
    bracket-pair rules (aic_unknown) take them; otherwise the closing bracket is stripped and the guess lost."""
    out = []
    for s, e, label in ents:
        m = _PAIR.fullmatch(text, s, e)
        if m is None or (s and text[s - 1] in _OPEN_QUOTE):  # 「星雲（セイウン）」: a reading, see _reading
            out.append((s, e, label))
        else:
            out += [(*m.span("a"), label), (*m.span("b"), label)]
    return out


_READING_THEN_CLOSE = re.compile(r"[（(][^（）()」』]{1,30}[）)][」』”\"]")
# (a generation word names a product line's chip too: 第1世代「崑崙」, 第二代“思元”)
_QUOTED_AFTER_CHIP_WORD = re.compile(r"(?:チップ|芯片|プロセッサー?|アクセラレータ|加速卡|处理器|\bchip|世代|第[一二三四五六七八九十\d]{1,2}代|"
                                     r"(?<![A-Za-z])[A-Z]PU)"
                                     r"\s?[「『“\"]$")


def _label_by_name_word(text: str, label: str, lang: str) -> str:
    """A Japanese or Chinese guess labelled a chip, cluster or architecture whose last word says it is a company
    ("ミハシ総合研究所", "…资本": ontology/lexicon/<lang>/name_words.jsonl) is that company: the word outweighs the model."""
    if label in ("ORG", "RESEARCH") or lang not in ("ja", "zh"):
        return label
    from ingest.components.cjk_names import kind_of_name
    kind = kind_of_name(text, lang)
    if kind is None:
        return label
    return "RESEARCH" if kind[0] == "research" else "ORG"


# the last word of a product's name that no company name ends in: a model code ("T4", "X2", "910B", "H20")
_EN_CODE_WORD = re.compile(r"[A-Z]{0,3}-?\d{1,4}[A-Za-z]{0,2}")


def _coded_product(text: str, guess: str, e: int) -> bool:
    """An English guess labelled a company or an architecture that ends in a model code and is followed, within two lower-case or
    capitalised descriptors, by a word naming a chip ("its Tamarack T4 inference processor", "the Farrow X2 AI
    accelerator"; name_words.jsonl kind chip_word): a product, since company and architecture names the vocabulary lacks seldom end in one."""
    words = guess.split()
    if len(words) < 2 or not _EN_CODE_WORD.fullmatch(words[-1]):
        return False
    after = re.match(r"(?:\s+[A-Za-z-]+){1,3}", text[e:e + 60])
    from ingest.components.cjk_names import name_words
    return bool(after) and any(w in name_words("en").get("chip_word", ()) for w in after.group(0).split())


def _piece_of_bracketed_quote(text: str, s: int, e: int) -> bool:
    """The guess is part of a quoted name that holds another name in brackets and goes on after it
    (「邃思（DTU）1.0」): the quotes, not the model, bound that name."""
    lo = max((text.rfind(q, max(0, s - 24), s + 1) for q in _OPEN_QUOTE), default=-1)
    if lo < 0 or any(c in text[lo + 1:s] for c in _CLOSE_QUOTE if c != '"'):
        return False
    ends = [i for i in (text.find(q, e, e + 24) for q in _CLOSE_QUOTE) if i >= 0]
    if not ends:
        return False
    inner = text[lo + 1:min(ends)]
    return (lo + 1, min(ends)) != (s, e) and bool(re.search(r"[（(][^）)]+[）)]\S", inner))


# a katakana word and a number right after it ("フェルウィング3", "ハヤテ 2"): a product and its generation, no company
_KATAKANA_NUMBERED = re.compile(r"(?P<w>[\u30a1-\u30faー・]{3,})\s?[0-9０-９]{1,3}[A-Za-z]?")


def _numbered_katakana(text: str) -> bool:
    """A Japanese model guess labelled a company that is a katakana word and a number: the number says it is a
    product's generation (companies do not end in one), unless the word is one that never names ("シリーズ")."""
    m = _KATAKANA_NUMBERED.fullmatch(text)
    return bool(m) and m.group("w").strip("・").casefold() not in not_names("ja")


# jieba's word classes a Chinese name does not end inside: verbs, prepositions, adverbs, conjunctions, particles,
# pronouns, locations ("启萍5代|基于", "瀚铖5代|搭载"); and the one-character function words a guess may swallow ("被")
_ZH_NEXT_WORD = ("v", "p", "d", "c", "u", "r", "f")
_ZH_FUNCTION_CHAR = ("p", "c", "u")
# a product's generation or model number ends a Chinese guess labelled a company ("启萍5代"): a chip, not a company
_ZH_GENERATION_END = re.compile(r".*[\u4e00-\u9fff].*\d\s?(?:代|号|號|型)")


def _zh_word_end(doc: Doc, s: int, e: int) -> int:
    """Where a Chinese guess ends once the next word is given back: a dictionary verb or function word that begins
    inside the guess and goes on past it ("启萍5代基|于完全自研" read as "启萍5代基"), or a one-character
    preposition, conjunction or particle the guess ends on ("启萍5代被|称为"); at least two characters stay."""
    from ingest.components.unknown import _zh_tags
    tags = _zh_tags()
    for t in doc:
        a, b = t.idx, t.idx + len(t.text)
        if a - s < 2 or a >= e:
            continue
        tag = tags.get(t.text, "")
        if b > e and tag.startswith(_ZH_NEXT_WORD) or b == e and len(t.text) == 1 and tag.startswith(_ZH_FUNCTION_CHAR):
            return a
    return e


# a Chinese chip guess of one character and a model code ("岳H5" of "峤岳H5"): brands have two or more characters
_ZH_ONE_HAN_CODE = re.compile(r"[\u4e00-\u9fff]\s?[A-Za-z0-9]")
# word classes of a character that stands before a brand without being part of it: function words, numerals and
# measure words ("2048颗"), verbs ("用"), adjectives ("新"), pronouns, locations, times, prefixes and suffixes
_ZH_NOT_BRAND_CHAR = ("p", "c", "u", "r", "d", "m", "q", "f", "t", "v", "a", "k", "h", "x", "e", "o", "y")


def _zh_brand_start(doc: Doc, s: int, e: int) -> int:
    """Where a Chinese chip guess that opens on one character before its code ("岳H5") begins: a character the
    recogniser never saw in a name ("峤" of 训练芯片峤岳H5) is left out, though a brand has two or more. The
    character before is taken when jieba reads it as a word of its own that is no function word, numeral,
    verb or adjective, or glues it to the word before as a piece its dictionary lacks ("颗峤|岳")."""
    text = doc.text
    if s == 0 or not _ZH_ONE_HAN_CODE.match(text, s) or not "\u4e00" <= text[s - 1] <= "\u9fff":
        return s
    from ingest.components.unknown import _jieba_word, _zh_tags
    tok = next((t for t in doc if t.idx <= s - 1 < t.idx + len(t.text)), None)
    if tok is None or tok.idx + len(tok.text) != s or len(tok.text) > 1 and _jieba_word(tok.text):
        return s  # ("芯片|岳H5": the character ends a word of its own)
    if _zh_tags().get(text[s - 1], "").startswith(_ZH_NOT_BRAND_CHAR):
        return s
    return s - 1


# word classes that say nothing of who: times, function words, pronouns, numerals, measure words, locations
_ZH_NO_WHO = ("t", "d", "p", "c", "u", "r", "m", "q", "f")


def _zh_clause(doc: Doc, s: int, e: int) -> bool:
    """A Chinese guess that is a piece of a clause, not a name: it ends on a dictionary verb and what comes before
    the verb is a place or description ("深圳举行" of 在深圳举行发布会) or only times and function words ("上周有")."""
    from ingest.components.unknown import _jieba_word, _zh_tags
    tags = _zh_tags()
    toks = [t for t in doc if s <= t.idx and t.idx + len(t.text) <= e]
    if len(toks) < 2 or toks[0].idx != s or toks[-1].idx + len(toks[-1].text) != e:
        return False
    last = toks[-1].text
    if tags.get(last, "") != "v" or not _jieba_word(last):
        return False
    head = doc.text[s:toks[-1].idx]
    return only_describes(head, "zh") or all(tags.get(t.text, "x").startswith(_ZH_NO_WHO) for t in toks[:-1])


# a performance figure and its unit ("512 TOPS", "2 PFLOPS", "150W"), which a recogniser may read as a chip's name
_MEASURE = re.compile(r"(?:\d[\d.,]*\s?)?(?:INT8\s?|FP\d{1,2}\s?)?(?:[TPEG]?FLOPS|TOPS|[kKM]?W|GB|TB|GHz|MHz)(?:/W)?")
# a Chinese chip guess that runs from a model code into the next word ("LT-T2算" of "LT-T2算力")
_CODE_THEN_HANZI = re.compile(r"((?:[\u4e00-\u9fff]{0,4})[A-Za-z][A-Za-z0-9+ -]*\d[A-Za-z0-9+]*)[\u4e00-\u9fff]{1,2}")


class ModelMentions:
    """`aic_ner`: the model's spans (doc._.model_ents) as mentions, where no other mention lies."""

    def __init__(self, min_len: int = 2):
        self.min_len = min_len

    def __call__(self, doc: Doc) -> Doc:
        out = mentions(doc)
        taken = [(m.start, m.end) for m in out if m.kind in BLOCKING_KINDS]
        text = doc.text
        added = False
        if doc.lang_ == "en" and doc._.context is not None:
            _remember_people(text, doc._.context.people)
        for s, e, label in _split_pairs(text, doc._.model_ents or []):
            surface = text[s:e]
            stripped = surface.strip(" \u3000,.;:、，。「」『』“”\"'()（）—–×")  # (×: "TY-700×64基")
            s += surface.find(stripped)
            e = s + len(stripped)
            s, e = _to_quotes(text, s, e)
            reading = _reading(text, s, e)
            if reading is not None:
                e = reading[0]
            stripped = text[s:e]
            label = _label_by_name_word(stripped, label, doc.lang_)
            glued = _CODE_THEN_HANZI.fullmatch(stripped) if label == "CHIP" and doc.lang_ == "zh" else None
            if glued:  # "LT-T2算力不差": a model code ends at its last letter or digit, not in the word after it
                e = s + glued.end(1)
                stripped = text[s:e]
            if doc.lang_ == "zh" and e != _zh_word_end(doc, s, e):
                e = _zh_word_end(doc, s, e)  # "启萍5代被称为…": the name ends before the word that begins in it
                stripped = text[s:e]
            if doc.lang_ == "zh" and label == "CHIP" and s != _zh_brand_start(doc, s, e):
                s = _zh_brand_start(doc, s, e)  # "训练芯片峤|岳H5": a brand's first character the model never saw
                stripped = text[s:e]
            if doc.lang_ == "zh" and label == "ORG" and _ZH_GENERATION_END.fullmatch(stripped):
                label = "CHIP"  # "启萍5代基于…": a generation number ends a product's name, never a company's
            if label == "ORG" and _QUOTED_AFTER_CHIP_WORD.search(text[max(0, s - 12):s]) and (
                    text[e:e + 1] in _CLOSE_QUOTE or _READING_THEN_CLOSE.match(text, e)):  # 「崑崙（Kunlun）」
                label = "CHIP"  # ミサゴの新チップ「ハヤテ」: a name quoted after a chip word is the chip
            if label in ("ORG", "ARCH") and doc.lang_ == "en" and _coded_product(text, stripped, e):
                label = "CHIP"  # "its Tamarack T4 inference processor": a model code and the chip word after it
            if label == "ORG" and doc.lang_ == "ja" and _numbered_katakana(stripped):
                label = "CHIP"  # "フェルウィング3", "ノクターン2": a katakana word and a generation number name a product
            kind = KIND_OF_LABEL.get(label)
            if stripped.count("（") + stripped.count("(") != stripped.count("）") + stripped.count(")") \
                    or (reading is None and _piece_of_bracketed_quote(text, s, e)):
                continue  # "DTU）1.0" or "邃思" out of 「邃思（DTU）1.0」: a piece of a name, left to the quoted-name rules
            if doc.lang_ == "en" and s != _lower_words_start(text, s, e):
                s = _lower_words_start(text, s, e)  # "The round values Etched at …": the name is "Etched"
                stripped = text[s:e]
            if doc.lang_ == "en" and label == "ORG" and " " in stripped \
                    and stripped.split()[0].casefold() in not_names("en") and stripped.split()[1][:1].isupper():
                s = s + len(stripped.split()[0]) + 1  # "Meanwhile Sorane attracted …": the name after the linking word
                s = s + len(text[s:e]) - len(text[s:e].lstrip())
                stripped = text[s:e]
            if doc.lang_ == "en" and e != _kind_word_end(text, s, e, doc.lang_):
                e = _kind_word_end(text, s, e, doc.lang_)  # "its Lanternfield cluster": the name before its kind word
                stripped = text[s:e]
            if doc.lang_ == "en" and _venue(doc, s, e):
                continue  # "an initial public offering on the Nasdaq": the listing venue, never a chip or a company
            if doc.lang_ == "en" and _time_phrase(stripped):
                continue  # "Last Friday we taped out …": a time, not a company
            if doc.lang_ == "en" and label == "ORG" and _after_title(text, s, stripped):
                if doc._.context is not None:  # (remembered: "Akande said …" later is the same person)
                    doc._.context.people.update({stripped, stripped.split()[-1]})
                continue  # "Halvard Systems chief executive Noor Akande unveiled …": a person
            if doc.lang_ == "en" and label == "ORG" and doc._.context is not None and stripped in doc._.context.people:
                continue
            if doc.lang_ == "en" and label == "ORG" and _speaker_label(text, s, e):
                continue  # "Ivo Lind: We make …", "Mara Quist, CEO: …": a transcript's speaker, a person
            if _MEASURE.fullmatch(stripped):
                continue  # "512 TOPS", "75W": a figure and its unit, never a product
            if LEGAL_FORM_ALONE.fullmatch(stripped):
                continue  # "Marlow Partners, L.P.": the legal form after a comma names nobody
            if stripped.casefold() in not_names(doc.lang_) or only_describes(stripped, doc.lang_) \
                    or _ends_in_verb(doc, s, e) or _ORDINAL.fullmatch(stripped) or _lower_word_inside(stripped, doc.lang_):
                continue  # "…, on Monday unveiled": the place of a subject, not a name
            if doc.lang_ == "zh" and _zh_clause(doc, s, e):
                continue  # "在深圳举行发布会", "上周有自媒体说": a place or a time and the verb after it, not a name
            if kind is None or len(stripped) < self.min_len or any(a < e and s < b for a, b in taken):
                continue
            taken.append((s, e))
            out.append(Mention(s, e, stripped, kind, (), TYPES_OF_LABEL.get(label, ()),
                               extra={"unknown": True, "ner": label}))
            if reading is not None:  # a quoted name is a name the document introduces: later bare mentions are it
                out[-1].extra.update(quoted=True, alt=reading[1])
                inner = text.find(reading[1], reading[0])  # (the reading is no name of its own: 「崑崙（Kunlun）」)
                if inner >= 0:
                    taken.append((inner, inner + len(reading[1])))
            elif doc.lang_ in ("ja", "zh") and 0 < s and e < len(text) and text[s - 1] in _OPEN_QUOTE \
                    and text[e] in _CLOSE_QUOTE:  # 「」 and “” mark names in Japanese and Chinese news
                out[-1].extra["quoted"] = True
            added = True
        if added:
            out.sort(key=lambda m: (m.start, -m.end))
        return doc


@Language.factory("open_ner", assigns=["doc._.model_ents"],
                  default_config={"model": "", "tokens": "base", "batch_size": 64, "second": ""})
def make_open_ner(nlp: Language, name: str, model: str, tokens: str, batch_size: int, second: str) -> EntityModel:
    return EntityModel(model or f"models/{nlp.lang}", tokens, batch_size, second)


@Language.factory("aic_ner", assigns=["doc._.mentions"], requires=["doc._.mentions", "doc._.model_ents"],
                  default_config={"min_len": 2})
def make_ner(nlp: Language, name: str, min_len: int) -> ModelMentions:
    return ModelMentions(min_len)
