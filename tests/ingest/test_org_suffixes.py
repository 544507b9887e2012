"""The organisation-name shapes of `aic_unknown` take their last words from ontology/lexicon/<lang>/org_suffixes.jsonl."""
from __future__ import annotations

import pytest

import ontology
from ingest.components import unknown


def _words(lang: str) -> list[str]:
    return [w for row in ontology.load_lexicon(lang, "org_suffixes") for w in row["words"]]


@pytest.mark.parametrize("lang,pattern,stem", [("en", unknown.EN_ORG, "Quorvane Ridge "),
                                               ("zh", unknown.ZH_ORG, "澜曜"), ("ja", unknown.JA_ORG, "ミズハラ")])
def test_every_data_word_ends_a_name(lang: str, pattern, stem: str) -> None:
    words = _words(lang)
    assert len(words) >= 9
    for w in words:
        m = pattern.search(f"{stem}{w}")
        # a final full stop stays outside the name ("Inc." ends the sentence as often as the name)
        assert m and m.group(1) == f"{stem}{w}".rstrip("."), w


def test_a_word_not_in_the_data_ends_no_name() -> None:
    assert not unknown.EN_ORG.search("Quorvane Ridge Widgets")
    assert unknown.EN_ORG.search("Quorvane Ridge Labs announced").group(1) == "Quorvane Ridge Labs"
    # the longer suffix wins over the shorter one it begins with
    assert unknown.EN_ORG.search("Tessmark Venture Partners led").group(1) == "Tessmark Venture Partners"


def test_an_unknown_key_in_the_data_fails_at_load(tmp_path, monkeypatch) -> None:
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "org_suffixes.jsonl").write_text('{"words": ["Labs"], "weight": 2}\n', encoding="utf-8")
    monkeypatch.setattr(ontology, "LEXICON_DIR", tmp_path)
    ontology.load_lexicon.cache_clear()
    try:
        with pytest.raises(ontology.VocabError, match="unknown keys"):
            ontology.load_lexicon("en", "org_suffixes")
    finally:
        monkeypatch.undo()
        ontology.load_lexicon.cache_clear()
