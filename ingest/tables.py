"""Plain-text tables ("芯片名称 | 设计厂商 | 制程 | 代工厂" and rows below it): a row states the facts its
header names, with no verb to trigger the sentence rules. Column roles come from
`ontology/lexicon/common/table_columns.jsonl` (data); facts keep the row's offsets as evidence.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ingest.model import Fact, Mention

SEPARATOR = re.compile(r"[|｜\t]")
RULE = "aic_table_row"


@lru_cache(maxsize=1)
def _roles() -> tuple[tuple[str, re.Pattern], ...]:
    from ontology import load_lexicon
    return tuple((row["role"], re.compile("|".join(row["patterns"]), re.I)) for row in load_lexicon("common", "table_columns"))


def cells(text: str) -> list[tuple[int, int]]:
    """Cell spans of a row written with | or tabs (at least three cells), else []."""
    if len(SEPARATOR.findall(text)) < 2:
        return []
    out, start = [], 0
    for m in SEPARATOR.finditer(text):
        out.append((start, m.start()))
        start = m.end()
    out.append((start, len(text)))
    return out


def column_roles(text: str, spans: list[tuple[int, int]]) -> list[str | None]:
    roles: list[str | None] = []
    for s, e in spans:
        head = text[s:e].strip()
        roles.append(next((role for role, rx in _roles() if rx.search(head)), None) if len(head) <= 24 else None)
    return roles


def table_facts(results: list) -> None:
    """Add designedBy and manufacturedOn facts for rows of tables whose header names those columns."""
    i = 0
    while i < len(results):
        head = results[i].sentence.text
        spans = cells(head)
        j = i + 1
        while spans and j < len(results) and len(cells(results[j].sentence.text)) == len(spans):
            j += 1
        if spans and j - i >= 2:
            roles = column_roles(head, spans)
            if "chip" in roles and {"vendor", "process"} & set(roles):
                for r in results[i + 1:j]:
                    _row(r, roles)
        i = max(j, i + 1)


def _in(m: Mention, span: tuple[int, int]) -> bool:
    return span[0] <= m.start and m.end <= span[1]


def _row(r, roles: list[str | None]) -> None:
    spans = cells(r.sentence.text)
    col = {role: spans[k] for k, role in enumerate(roles) if role and role not in ()}
    chip = next((m for m in r.mentions if m.kind in ("chip", "cluster") and _in(m, col["chip"])), None) \
        or _cell_name(r, col["chip"], "chip")
    if chip is None:
        return
    have = {(f.subject, f.predicate, f.object) for f in r.facts}

    def add(pred: str, obj: Mention) -> None:
        if (chip.key, pred, obj.key) not in have and chip.key != obj.key:
            r.facts.append(Fact(chip.key, pred, obj.key, min(chip.start, obj.start), max(chip.end, obj.end), 0.8, RULE))
            have.add((chip.key, pred, obj.key))
    if "vendor" in col:
        vendor = next((m for m in r.mentions if m.kind == "org" and _in(m, col["vendor"]) and (m.ids or not any(
            x.ids for x in r.mentions if _in(x, col["vendor"])))), None)
        if vendor is None or not vendor.ids and len(vendor.text) < len(r.sentence.text[slice(*col["vendor"])].strip()) - 1:
            vendor = _cell_name(r, col["vendor"], "org") or vendor
        if vendor is not None:
            add("designedBy", vendor)
    if "arch" in col:
        arch = next((m for m in r.mentions if m.kind == "arch" and m.ids and _in(m, col["arch"])), None)
        if arch is not None:
            add("usesArchitecture", arch)
        # "NPU (Cindermark microarchitecture)": a named microarchitecture beside the class in the same cell
        for m in r.mentions:
            if m.kind == "arch" and "Microarchitecture" in m.types and m is not arch and _in(m, col["arch"]):
                add("usesArchitecture", m)
    if "process" in col:
        node = next((m for m in r.mentions if m.kind == "node" and _in(m, col["process"]) and m.extra.get("key")
                     and not m.extra.get("foundry_from_name")), None)
        if node is not None:
            add("manufacturedOn", node)


_CELL_NOISE = re.compile(r"[（(][^）)]*[）)]|\*\*")


def _cell_name(r, span: tuple[int, int], kind: str) -> Mention | None:
    """The column names what a cell holds: a cell of the chip or vendor column that no vocabulary knows is
    one name (model guesses inside it, such as 'Kestrel' + 'Dynamics', give way to it)."""
    text = r.sentence.text
    s, e = span
    raw = text[s:e]
    name = _CELL_NOISE.sub("", raw).strip()
    if len(name) < 2 or any(m.ids and _in(m, span) for m in r.mentions if m.kind in ("org", "chip", "cluster")):
        return None
    if not re.search(r"[A-Za-z0-9\u3040-\u30ff\u4e00-\u9fff]", name) or re.fullmatch(r"[-–—\s]*|非公開|未公开|n/?a", name, re.I):
        return None
    start = s + raw.index(name[:1]) if name[:1] in raw else s
    start = s + raw.find(name) if name in raw else start
    alt = re.search(r"[（(]([^）)]{2,40})[）)]", raw)
    for m in [m for m in r.mentions if _in(m, span) and not m.ids and m.kind in ("org", "chip", "cluster", "arch")]:
        r.mentions.remove(m)
    m = Mention(start, start + len(name), name, kind, (), ("Chip",) if kind == "chip" else (),
                extra={"unknown": True, "cell": True})
    if alt and kind == "org":
        m.extra["alt"] = alt.group(1)
    r.mentions.append(m)
    return m
