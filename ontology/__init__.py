"""Ontology data, loaded by name: the OWL terms, SHACL shapes, the vocabulary and per-language lexicons.

No spaCy import here: ingest and api reach these through `load_vocab()` / `load_lexicon(lang, name)`,
cached and checked against a small schema, as spaCy's span ruler validates patterns.
"""
from __future__ import annotations

import csv
import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

HERE = Path(__file__).parent
ONTOLOGY_TTL = HERE / "aichip.ttl"
SHAPES_TTL = HERE / "shapes.ttl"
VOCAB_DIR = HERE / "vocab"
LEXICON_DIR = HERE / "lexicon"

VOCAB_FILES = {
    "organizations": ["id", "name_en", "name_ja", "name_zh", "aliases", "types", "country", "wikidata"],
    "chips": ["id", "name_en", "name_ja", "name_zh", "aliases", "types", "wikidata"],
    "process_nodes": ["id", "name_en", "name_ja", "name_zh", "aliases", "nanometers", "foundry", "wikidata"],
    "architectures": ["id", "name_en", "name_ja", "name_zh", "aliases", "types", "wikidata"],
}
CONTRACT_CLASSES = {"Organization", "ChipVendor", "Foundry", "Investor", "ResearchFirm", "Chip", "TrainingChip",
                    "InferenceChip", "ComputingCluster", "Architecture", "Microarchitecture", "ProcessNode"}


class VocabError(ValueError):
    """A vocabulary or lexicon row that does not fit its schema."""


@dataclass(frozen=True)
class Entry:
    """One known entity: scispacy's Entity(concept_id, canonical_name, aliases, types)."""

    id: str
    name_en: str
    name_ja: str = ""
    name_zh: str = ""
    aliases: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    country: str = ""
    wikidata: str = ""
    nanometers: float | None = None
    foundry: str = ""
    source: str = ""

    @property
    def names(self) -> list[str]:
        out = [n for n in (self.name_en, self.name_ja, self.name_zh, *self.aliases) if n]
        return list(dict.fromkeys(out))


@dataclass
class Vocab:
    entries: dict[str, Entry] = field(default_factory=dict)

    def __getitem__(self, key: str) -> Entry:
        return self.entries[key]

    def __contains__(self, key: str) -> bool:
        return key in self.entries

    def __iter__(self):
        return iter(self.entries.values())

    def __len__(self) -> int:
        return len(self.entries)


def _split(cell: str) -> tuple[str, ...]:
    return tuple(x.strip() for x in (cell or "").split("|") if x.strip())


def _read_vocab_file(path: Path, columns: list[str], kind: str) -> list[Entry]:
    out = []
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(reader, None)
        if header != columns:
            raise VocabError(f"{path.name}: header {header} should be {columns}")
        for n, row in enumerate(reader, start=2):
            if not row or not any(row):
                continue
            if len(row) != len(columns):
                raise VocabError(f"{path.name}:{n}: {len(row)} columns, expected {len(columns)}")
            d = dict(zip(columns, row))
            if not d["id"] or not d["name_en"]:
                raise VocabError(f"{path.name}:{n}: id and name_en are required")
            types = _split(d.get("types", "")) or (("ProcessNode",) if kind == "process_nodes" else ())
            bad = set(types) - CONTRACT_CLASSES
            if bad:
                raise VocabError(f"{path.name}:{n}: unknown types {sorted(bad)}")
            nm = d.get("nanometers")
            out.append(Entry(
                id=d["id"], name_en=d["name_en"], name_ja=d.get("name_ja", ""), name_zh=d.get("name_zh", ""),
                aliases=_split(d.get("aliases", "")), types=types, country=d.get("country", ""),
                wikidata=d.get("wikidata", ""), nanometers=float(nm) if nm else None,
                foundry=d.get("foundry", ""), source=kind))
    return out


@lru_cache(maxsize=4)
def load_vocab(directory: str | None = None) -> Vocab:
    """All vocabulary files of a directory (default ontology/vocab), ids unique across files."""
    base = Path(directory) if directory else VOCAB_DIR
    vocab = Vocab()
    for kind, columns in VOCAB_FILES.items():
        path = base / f"{kind}.tsv"
        if not path.exists():
            continue
        for e in _read_vocab_file(path, columns, kind):
            if e.id in vocab.entries:
                raise VocabError(f"{path.name}: duplicate id {e.id}")
            vocab.entries[e.id] = e
    return vocab


LEXICON_SCHEMAS = {
    "relations": {"relation", "patterns", "confidence"},
    "questions": {"form", "patterns"},
    "name_words": {"kind", "words"},
    "org_suffixes": {"words"},
    "segmenter_words": {"tag", "words"},
}
# optional keys of a lexicon row and the values they may take (a misspelt side fails at load)
LEXICON_OPTIONAL = {
    # agent: the side of the cue where the party that acts is written; window: how far (characters)
    "relations": {"agent": {"before", "after", "first", "adjacent_before", "object", "list"}, "window": None,
                  "note": None},
    "org_suffixes": {},
    "segmenter_words": {},
}


@lru_cache(maxsize=64)
def load_lexicon(lang: str, name: str) -> tuple[dict, ...]:
    """Rows of ontology/lexicon/<lang>/<name>.jsonl (or .tsv as dicts), checked against a schema."""
    base = LEXICON_DIR / lang
    jpath, tpath = base / f"{name}.jsonl", base / f"{name}.tsv"
    rows: list[dict] = []
    if jpath.exists():
        for n, line in enumerate(jpath.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip() or line.lstrip().startswith("//"):
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise VocabError(f"{jpath}:{n}: {exc}") from exc
            need = LEXICON_SCHEMAS.get(name, set())
            if need - set(row):
                raise VocabError(f"{jpath}:{n}: missing {sorted(need - set(row))}")
            optional = LEXICON_OPTIONAL.get(name)
            if optional is not None:
                extra = set(row) - need - set(optional)
                if extra:
                    raise VocabError(f"{jpath}:{n}: unknown keys {sorted(extra)}")
                if "window" in row and not (isinstance(row["window"], int) and row["window"] > 0):
                    raise VocabError(f"{jpath}:{n}: window must be a positive number of characters")
                for key, allowed in optional.items():
                    if allowed is not None and key in row and row[key] not in allowed:
                        raise VocabError(f"{jpath}:{n}: {key} must be one of {sorted(allowed)}")
            rows.append(row)
    elif tpath.exists():
        with tpath.open(encoding="utf-8", newline="") as fh:
            rows = [r for r in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)]
    else:
        raise VocabError(f"no lexicon {name!r} for language {lang!r} in {base}")
    return tuple(rows)
