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


@lru_cache(maxsize=3)
def build(lang: str) -> Language:
    """The pipeline for one language: its base model, then our registered components in config order."""
    import ingest.components  # noqa: F401  (registers the factories)
    if lang not in LANGS:
        lang = "en"
    cfg = read_config(lang)
    nlp = base_model(cfg["base"], cfg["disable"])
    for name in cfg["pipeline"]:
        nlp.add_pipe(name, config={k: json.loads(v) for k, v in cfg["components"].get(name, {}).items()})
    return nlp


def base_only(lang: str) -> Language:
    """The bare base model of a language (for benchmarks against our full pipeline)."""
    cfg = read_config(lang)
    return base_model(cfg["base"], cfg["disable"])
