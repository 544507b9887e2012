"""Name-swapped evaluation: copies of a gold set in which every entity name except foundries, process
nodes and generic architectures (GPU, NPU) is replaced by an invented name of the same kind and script, scored like the originals.

Rules tuned on a development set learn its wording and its names; a set whose names are swapped keeps the
wording and measures how much of the score depends on names the vocabulary, the lexicons or the rules
already know. Gold names are projected onto the text with the training projection's matcher
(`ingest/train/project.py`), invented with the training generator (`ingest/train/names.py`), one invented
entity per gold entity and document, and the gold files (.tsv, .funding.tsv, .figures.tsv) are rewritten so
that each entity's spec lists every surface the swapped text gives it. Deterministic for a seed.
"""
from __future__ import annotations

import random
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from ontology.gazetteer import Gazetteer
from ontology.normalize import key
from ingest.train.names import Bundle, NameGenerator, is_latin
from ingest.train.project import label_of, vocab_gazetteer

_SEP = re.compile(r"[\s・·]+")


@dataclass
class Entity:
    """One entity of a document: its gold spellings (empty for a vocabulary name outside the gold), what
    kind of name it takes, and the invented surface each original surface becomes."""

    spellings: list[str]
    label: str
    role: str
    keep: bool  # a foundry (process nodes are written with it) or a generic architecture: its name stays
    bundles: list[Bundle] = field(default_factory=list)
    rendered: dict[str, str] = field(default_factory=dict)  # original surface -> invented surface


def _gold_rows(gold: Path) -> list[tuple[list[str], set[str]]]:
    out = []
    for line in gold.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if line.startswith("#") or len(cols) < 3 or cols[1] != "a" or cols[0].startswith("process:"):
            continue
        out.append(([s.strip() for s in cols[0].split("|") if s.strip()], set(cols[2].split("|"))))
    return out


def entities_in(text: str, gold: Path, body_start: int = 0) -> tuple[dict[str, Entity], list[tuple[int, int, str]]]:
    """The document's entities and their mentions (start, end, entity id) in its body: gold names first,
    vocabulary names of organisations, chips and clusters where no gold name lies (they are swapped too, or
    a known name would stay in view; a known architecture such as 'GPU' is a common word as often)."""
    ents: dict[str, Entity] = {}
    g = Gazetteer(min_len=1)
    for i, (names, classes) in enumerate(_gold_rows(gold)):
        lr = label_of(classes)
        if not lr:
            continue
        generic = lr[0] == "ARCH" and "Microarchitecture" not in classes  # GPU, NPU, ASIC: kinds, not names
        ents[f"g:{i}"] = Entity(names, lr[0], lr[1], "Foundry" in classes or generic)
        for n in names:
            g.add(n, f"g:{i}")
    hits = [(h.start, h.end, h.ids[0]) for h in g.finalize().find(text) if h.start >= body_start
            and not _inside_kana_word(text, h.start, h.end)]
    vg, vlabels = vocab_gazetteer()
    import ontology
    foundries = {"v:" + e.id for e in ontology.load_vocab() if "Foundry" in e.types}
    spelled = {key(n): i for i, ent in ents.items() for n in ent.spellings}
    # a vocabulary spelling the gold does not list ('Moore Threads Technology') is one more surface of
    # the gold entity that shares a name with it, not a second entity
    same = {"v:" + e.id: next(spelled[key(n)] for n in e.names if key(n) in spelled)
            for e in ontology.load_vocab() if any(key(n) in spelled for n in e.names)}
    for h in vg.find(text):
        ident = same.get(h.ids[0], h.ids[0])
        if h.start < body_start or vlabels[h.ids[0]][0] == "ARCH" or _inside_kana_word(text, h.start, h.end) or any(s < h.end and h.start < e for s, e, _ in hits):
            continue
        if ident not in ents:
            label, role = vlabels[ident]
            ents[ident] = Entity([], label, role, ident in foundries)
        hits.append((h.start, h.end, ident))
    return ents, sorted(hits)


_KANA_CHAR = re.compile(r"[\u30a1-\u30faー]")


def _inside_kana_word(text: str, s: int, e: int) -> bool:
    """A katakana name matched inside a longer katakana word ('デル' of 'モデル'): not the name."""
    return bool(_KANA_CHAR.match(text[s:s + 1]) and s and _KANA_CHAR.match(text[s - 1])
                or _KANA_CHAR.match(text[e - 1:e]) and _KANA_CHAR.match(text[e:e + 1]))


def _words(s: str) -> list[str]:
    return [w for w in _SEP.split(s) if w]


def _derive(surface: str, longer: str, name: str) -> str | None:
    """How a shorter surface of an entity relates to a longer one, applied to the longer one's invented
    name: a leading part ('Enflame' of 'Enflame Technology', '燧原' of '燧原科技'), an acronym ('CPE'),
    or a part inside it ('DTU 1.0' of 'Enflame DTU 1.0': the same invented name)."""
    ks, kl = key(surface), key(longer)
    if not ks or ks == kl:
        return name
    if is_latin(surface):
        sw, lw, nw = _words(surface.casefold()), _words(longer.casefold()), _words(name)
        if len(sw) < len(lw) and lw[:len(sw)] == sw:
            return " ".join(nw[:max(1, min(len(sw), len(nw) - 1))])
        if surface.isupper() and len(surface) <= 6 and len(lw) >= 2 and all(w[0].upper() == c for w, c in zip(lw, surface)):
            initials = "".join(w[0] for w in nw if w[0].isalpha()).upper()
            return initials if len(initials) >= 2 else nw[0].upper()
    elif kl.startswith(ks):
        parts = _words(name)
        if len(parts) > 1:
            return parts[0]
        cut = max(2, round(len(name) * len(ks) / len(kl)))
        return name[:cut] if cut < len(name) else name
    return name if ks in kl else None


def _plain(bundle: Bundle, surface: str) -> str:
    """The invented name in the surface's script (Latin letters or the document's own), in lower case
    where the original is."""
    name = bundle.latin if is_latin(surface) else bundle.native
    return name.lower() if surface.islower() else name


_KANA = re.compile(r"[\u3040-\u30ff]")


def render_entity(ent: Entity, surfaces: list[str], gen: NameGenerator, lang: str, taken: set[str]) -> None:
    """Fill `ent.rendered`: the longest surface of each script takes the entity's invented name, shorter
    ones a part of it; a same-script alias that is no part of a longer one takes a second invented name."""
    if ent.keep:
        ent.rendered = {s: s for s in surfaces}
        return

    def fresh(script_latin: bool) -> Bundle:
        g = gen
        if lang == "en" and not script_latin:  # a Chinese or Japanese name inside English text
            g = NameGenerator("ja" if any(_KANA.search(s) for s in surfaces) else "zh", gen.rng)
        for _ in range(20):
            b = g.make(ent.label, ent.role)
            if key(b.latin) not in taken and key(b.native) not in taken \
                    and (script_latin or not is_latin(b.native)):  # a name written in kana or han stays so
                break
        taken.update({key(b.latin), key(b.native)})
        ent.bundles.append(b)
        return b

    if ent.label in ("ARCH", "CLUSTER"):  # "MUSA" / "MUSAアーキテクチャ", "夸娥" / "夸娥智算中心": the name inside its kind word
        root = _shared_root(sorted(set(surfaces)), tuple(ent.spellings))
        if root:
            new = _plain(fresh(is_latin(root)), root)
            pattern = _root_pattern(root)
            ent.rendered.update({s: pattern.sub(lambda _m: new, s) for s in surfaces if pattern.search(s)})
            ent.rendered.setdefault(root, new)  # the gold lists the bare name too
    for script in (True, False):
        group = sorted({s for s in surfaces if is_latin(s) == script and s not in ent.rendered},
                       key=lambda s: (-len(key(s)), s))
        root = _shared_root(group, tuple(n for n in ent.spellings if is_latin(n) == script)) \
            if ent.label in ("ORG", "RESEARCH") else None
        if root:  # 株式会社ミソラ・ニューラル… / ミソラ, 上海宸极智能科技有限公司 / 宸极智能: only the root changes
            new = _new_root(root, gen, lang, taken)
            pattern = _root_pattern(root)
            for s in group:
                if pattern.search(s):
                    ent.rendered[s] = pattern.sub(lambda m: _cased(new, m.group(0)), s)
            group = [s for s in group if s not in ent.rendered]
            ent.rendered.setdefault(root, new)
        heads: list[tuple[str, str]] = []  # (original, invented) of the surfaces rendered so far
        for s in group:
            for longer, name in heads:
                derived = _derive(s, longer, name)
                if derived is not None:
                    break
            else:
                b = ent.bundles[len(heads)] if len(heads) < len(ent.bundles) and (lang != "en" or script) \
                    and (script or not is_latin(ent.bundles[len(heads)].native)) else fresh(script)
                derived = _plain(b, s)
                heads.append((s, derived))
            ent.rendered[s] = derived


def _shared_root(group: list[str], spellings: tuple[str, ...] = ()) -> str | None:
    """The part an entity's surfaces share: the shortest surface or gold spelling inside another surface
    ('ミソラ' of '株式会社ミソラ・ニューラルテクノロジーズ', 'MUSA' of 'MUSAアーキテクチャ'), or a first Latin word two
    of them begin with."""
    for r in sorted(set(group) | set(spellings), key=lambda s: (len(s), s)):
        if len(key(r)) >= 2 and any(r != o and _root_pattern(r).search(o) for o in group):
            return r
    firsts = [_words(s)[0] for s in group if is_latin(s) and _words(s)]
    for w in firsts:
        if len(w) >= 3 and sum(f.casefold() == w.casefold() for f in firsts) >= 2:
            return w
    return None


_KATAKANA = re.compile(r"^[\u30a0-\u30ff・ー]+$")


def _root_pattern(root: str) -> re.Pattern:
    """Where a root occurs in a surface: case-insensitive, and as whole words in Latin letters ('Moore Thread'
    is no root of 'Moore Threads')."""
    edge = r"(?<![A-Za-z0-9])" if root[:1].isascii() and root[:1].isalnum() else ""
    tail = r"(?![A-Za-z0-9])" if root[-1:].isascii() and root[-1:].isalnum() else ""
    return re.compile(edge + re.escape(root) + tail, re.IGNORECASE)


def _cased(new: str, original: str) -> str:
    """The invented root in the case the original is written in ('moore thread' -> 'xaek thread')."""
    if original.islower():
        return new.lower()
    return new.upper() if original.isupper() and len(original) <= 5 and is_latin(original) else new


def _new_root(root: str, gen: NameGenerator, lang: str, taken: set[str]) -> str:
    """An invented root in the root's script: Latin letters, katakana, or kanji/hanzi."""
    for _ in range(20):
        if is_latin(root):
            new = gen.latin_root()
        elif _KATAKANA.match(root):
            new = gen.kana_root()
        elif lang == "ja":
            new = gen.pick(gen.p["ja"]["ja_kanji_roots"])
        else:
            new = gen.hanzi_root()
        if key(new) not in taken:
            break
    taken.add(key(new))
    return new


def swap_text(text: str, gold: Path, lang: str, rng: random.Random) -> tuple[str, dict[str, Entity]]:
    """The text with every non-foundry entity name replaced, and the entities with their renderings."""
    import ontology
    from ingest.readers import read_header
    ents, hits = entities_in(text, gold, read_header(text)[1])
    taken = {key(n) for e in ontology.load_vocab() for n in e.names}
    gen = NameGenerator(lang, rng)
    for ident, ent in ents.items():
        render_entity(ent, [text[s:e] for s, e, i in hits if i == ident], gen, lang, taken)
    # another entity's name written inside a surface kept around a replaced root ('AMD CDNA 4' -> 'AMD Rhea 4'):
    # swapped too, so no known name stays in view
    pairs = sorted(((o, r) for ent in ents.values() if not ent.keep for o, r in ent.rendered.items() if o != r),
                   key=lambda p: -len(p[0]))
    for ent in ents.values():
        for surface, new in list(ent.rendered.items()):
            for o, r in pairs:
                if o in new and o not in r and re.search(rf"(?<![A-Za-z0-9]){re.escape(o)}(?![A-Za-z0-9])", new):
                    new = re.sub(rf"(?<![A-Za-z0-9]){re.escape(o)}(?![A-Za-z0-9])", lambda _m: r, new)
            ent.rendered[surface] = new
    parts, pos = [], 0
    for s, e, ident in hits:
        parts += [text[pos:s], ents[ident].rendered[text[s:e]]]
        pos = e
    parts.append(text[pos:])
    return "".join(parts), ents


def _spec_map(ents: dict[str, Entity]) -> dict[str, str]:
    """Normalised gold spelling -> the rewritten spec (the entity's invented surfaces, first the one its
    first spelling became)."""
    out = {}
    for ent in ents.values():
        if not ent.spellings or ent.keep or not ent.rendered:
            continue
        first = [v for k, v in ent.rendered.items() if key(k) == key(ent.spellings[0])]
        names = list(dict.fromkeys(first + sorted(ent.rendered.values(), key=lambda v: (-len(v), v))))
        for s in ent.spellings:
            out[key(s)] = "|".join(names)
    return out


def rewrite_gold(path: Path, spec: dict[str, str]) -> str:
    """A gold file with each name cell (names `|`, parties `;`) mapped to its swapped spec."""
    def cell(c: str) -> str:
        if c.startswith("process:") or not c:
            return c
        return ";".join(next((spec[key(n)] for n in p.split("|") if key(n) in spec), p) for p in c.split(";"))

    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if line.startswith("#") or len(cols) < 2:
            lines.append(line)
            continue
        facts = path.name.count(".") == 1  # <stem>.tsv: NAME a CLASSES / SUBJECT relation OBJECT
        lines.append("\t".join(c if facts and (i == 1 or (i == 2 and cols[1] == "a")) else cell(c)
                                for i, c in enumerate(cols)))
    return "\n".join(lines) + "\n"


def swap_document(doc: Path, gold: Path, seed: int, out: Path) -> tuple[Path, Path]:
    """Write the swapped copy of one document and its gold files into `out` (flat layout)."""
    lang = gold.name.split("_", 1)[0]
    rng = random.Random(f"{seed}:{gold.name}")
    text, ents = swap_text(doc.read_text(encoding="utf-8"), gold, lang, rng)
    new_doc = out / doc.name
    new_doc.write_text(text, encoding="utf-8")
    spec = _spec_map(ents)
    stem = gold.name[:-4]
    for suffix in (".tsv", ".funding.tsv", ".figures.tsv"):
        src = gold.with_name(stem + suffix)
        if src.exists():
            (out / src.name).write_text(rewrite_gold(src, spec), encoding="utf-8")
    return new_doc, out / gold.name


def swap_set(corpus: Path, seed: int, out: Path | None = None) -> Path:
    """Swapped copies of every gold document of a set; returns the folder (a new temp dir by default)."""
    from ingest.evaluate import gold_documents
    out = out or Path(tempfile.mkdtemp(prefix=f"swap{seed}-"))
    out.mkdir(parents=True, exist_ok=True)
    for doc, gold in gold_documents(corpus):
        swap_document(doc, gold, seed, out)
    return out


def score_swapped(corpus: Path, seed: int, verbose: bool = False, keep: bool = False) -> dict:
    """Score the swapped copies exactly as `ingest.evaluate` scores a set."""
    from ingest.evaluate import score_corpus
    out = swap_set(corpus, seed)
    try:
        res = score_corpus(out, verbose=verbose)
    finally:
        if keep:
            print("swapped copies in", out)
        else:
            shutil.rmtree(out, ignore_errors=True)
    return res
