"""`build(lang)`: a spaCy pipeline assembled from ingest/configs/<lang>.cfg, loaded once per process."""
from __future__ import annotations

import configparser
import json
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language

CONFIG_DIR = Path(__file__).parent / "configs"
LANGS = ("ja", "zh", "en")


def read_config(lang: str) -> dict:
    cp = configparser.ConfigParser(inline_comment_prefixes=("#",))
    cp.read(CONFIG_DIR / f"{lang}.cfg", encoding="utf-8")
    sec = cp["nlp"]
    return {"lang": json.loads(sec["lang"]), "base": json.loads(sec["base"]),
            "pipeline": json.loads(sec["pipeline"]), "disable": json.loads(sec.get("disable", "[]")),
            "bare_disable": json.loads(sec.get("bare_disable", sec.get("disable", "[]"))),
            "ner_labels": json.loads(sec.get("ner_labels", "[]")),
            "components": {k.split(".", 1)[1]: dict(cp[k]) for k in cp.sections() if k.startswith("components.")}}


def base_model(spec: str, disable: list[str]) -> Language:
    if spec.startswith("blank:"):
        parts = spec.split(":")
        if parts[1] == "zh":
            seg = parts[2] if len(parts) > 2 else "char"
            if seg == "jieba":
                _teach_jieba()
            return spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": seg}}})
        return spacy.blank(parts[1])
    return spacy.load(spec, disable=disable)


def _teach_jieba() -> None:
    """Vocabulary names as jieba words, so segmentation keeps "台积电" and "寒武纪" whole."""
    import jieba

    import ontology
    jieba.setLogLevel(60)
    for e in ontology.load_vocab():
        for name in e.names:
            if any("\u4e00" <= c <= "\u9fff" for c in name) and " " not in name:
                jieba.add_word(name, freq=2000)
    for row in ontology.load_lexicon("zh", "segmenter_words"):  # words jieba's dictionary lacks ("对标|溯川微电子")
        for w in row["words"]:
            jieba.add_word(w, freq=2000, tag=row["tag"])


@lru_cache(maxsize=3)
def build(lang: str) -> Language:
    """The pipeline for one language: its base model, then our registered components in config order."""
    import ingest.components  # noqa: F401  (registers the factories)
    if lang not in LANGS:
        lang = "en"
    cfg = read_config(lang)
    nlp = base_model(cfg["base"], cfg["disable"])
    if cfg["ner_labels"] and "ner" in nlp.pipe_names:
        keep_ner_labels(nlp, set(cfg["ner_labels"]))
    for name in cfg["pipeline"]:
        nlp.add_pipe(name, config={k: json.loads(v) for k, v in cfg["components"].get(name, {}).items()})
    return nlp


def base_only(lang: str) -> Language:
    """The bare base model of a language as shipped (for benchmarks against our full pipeline)."""
    cfg = read_config(lang)
    return base_model(cfg["base"], cfg["bare_disable"])


def keep_ner_labels(nlp: Language, labels: set[str]) -> None:
    """Restrict the base model's `ner` to `labels` (with their B/I/L/U moves and O), keeping its weights.

    GiNZA's `ner` knows 189 entity types (758 moves) and its cost grows with the number of moves; only its
    organisation labels are read (aic_unknown), so it runs with those and the types it most often gives
    instead (ja.cfg), which keeps every other decision where it was (a type it can no longer choose would
    pass its tokens to the nearest remaining one, often an organisation label)."""
    import numpy
    from spacy.pipeline._parser_internals.ner import MOVE_NAMES, BiluoPushDown
    from spacy.pipeline.ner import EntityRecognizer
    ner = nlp.get_pipe("ner")
    names = [ner.moves.get_class_name(i) for i in range(ner.moves.n_moves)]
    code = {m: i for i, m in enumerate(MOVE_NAMES)}
    moves = BiluoPushDown(nlp.vocab.strings, {})
    for n in names:
        move, _, label = n.partition("-")
        if not label or label in labels:
            moves.add_action(code[move], label)
    kept = [moves.get_class_name(i) for i in range(moves.n_moves)]
    rows = [names.index(n) for n in kept]
    upper = next(m for m in ner.model.walk() if m.name == "linear" and m.has_dim("nO") and m.get_dim("nO") == len(names))
    W, b = upper.get_param("W"), upper.get_param("b")
    upper._dims["nO"] = len(kept)  # thinc refuses set_dim once the layer has weights
    upper.set_param("W", numpy.ascontiguousarray(W[rows]))
    upper.set_param("b", numpy.ascontiguousarray(b[rows]))
    nlp._components[nlp.component_names.index("ner")] = ("ner", EntityRecognizer(nlp.vocab, ner.model, "ner", moves=moves))
