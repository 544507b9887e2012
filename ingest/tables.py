"""Plain-text tables ("芯片名称 | 设计厂商 | 制程 | 代工厂" and rows below it): a row states the facts its
header names, with no verb to trigger the sentence rules. Column roles come from
`ontology/lexicon/common/table_columns.jsonl` (data); facts keep the row's offsets as evidence.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ingest.model import Fact, Mention

SEPARATOR = re.compile(r"[|｜\t]")
# a plain-text table aligned with spaces: two or more spaces (or an ideographic space) between cells
SPACED = re.compile(r"(?: {2,}|\u3000+)")
PROSE = re.compile(r"[。，；！？]|[,.;:!?](?=\s|$)")
RULE = "aic_table_row"


@lru_cache(maxsize=1)
def _roles() -> tuple[tuple[str, re.Pattern], ...]:
    from ontology import load_lexicon
    return tuple((row["role"], re.compile("|".join(row["patterns"]), re.I)) for row in load_lexicon("common", "table_columns"))


def cells(text: str) -> list[tuple[int, int]]:
    """Cell spans of a row written with | or tabs (at least three cells), else []; or of a row aligned with runs
    of spaces ("昭岩芯片      A轮       2.5亿元     岩松资本"), where no sentence punctuation says it is prose."""
    sep = SEPARATOR
    if len(SEPARATOR.findall(text)) < 2:
        body = text.strip()
        if len(SPACED.findall(body)) < 2 or PROSE.search(body):
            return []
        sep = SPACED
    out, start = [], 0
    for m in sep.finditer(text):
        if sep is SPACED and (m.start() == 0 or m.end() == len(text)):
            continue
        out.append((start, m.start()))
        start = m.end()
    out.append((start, len(text)))
    return out


def column_roles(text: str, spans: list[tuple[int, int]]) -> list[str | None]:
    roles: list[str | None] = []
    for s, e in spans:
        head = text[s:e].strip()
        short = _HEADER_UNIT.sub("", head).strip()  # ("Worldwide AI chip revenue (US$ billion)": the unit aside)
        roles.append(next((role for role, rx in _roles() if rx.search(head)), None) if len(short) <= 28 else None)
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
            if "id" in roles:
                for r in results[i + 1:j]:
                    _drop_in_column(r, roles.index("id"))
            if "chip" in roles and {"vendor", "process"} & set(roles):
                for r in results[i + 1:j]:
                    before = {m.key for m in r.mentions}
                    _row(r, roles)
                    _drop_orphans(r, before)
            elif "year" in roles and "size" in roles:
                _market_rows(results, i, j, roles)
            elif "vendor" in roles and "raised" in roles and "listed" in roles:
                _listing_rows(results, i, j, roles)
            elif "vendor" in roles and "round" in roles and {"lead", "investors", "amount", "raised"} & set(roles):
                _funding_rows(results, i, j, roles)
            elif not {"vendor", "process", "arch", "foundry", "year", "round", "holder"} & set(roles):
                _chip_columns(results, i, j)  # (a header of chips, not of roles)
        i = max(j, i + 1)
    _holder_rows(results)


# two cells aligned with spaces ("阿里创投              2.08%"): a holder table has a name and its stake
_TWO_CELLS = re.compile(r"^\s*(\S(?:.*?\S)?)(?: {2,}|\u3000+)(\S(?:.*?\S)?)\s*$")
HOLDER_RULE = "aic_table_holder"


def _holder_cells(text: str) -> list[tuple[int, int]]:
    spans = cells(text)
    if spans:
        return spans
    m = _TWO_CELLS.match(text)
    return [m.span(1), m.span(2)] if m and not PROSE.search(text.strip()) else []


def _holder_rows(results: list) -> None:
    """A table of shareholders ("股东名称      持股比例", "Shareholder | Stake") in a document about one company: each
    row's organisation holds that company (investedIn), the company the text was about when the table began. Two
    columns aligned with spaces count as a table here, when the header names a holder and a stake column."""
    i = 0
    while i < len(results):
        head = results[i].sentence.text
        spans = _holder_cells(head)
        roles = column_roles(head, spans) if spans else []
        held = results[i].topic_after
        if "holder" not in roles or len(spans) == 2 and "stake" not in roles or not held:
            i += 1
            continue
        k = roles.index("holder")
        j = i + 1
        while j < len(results) and len(_holder_cells(results[j].sentence.text)) == len(spans):
            r = results[j]
            col = _holder_cells(r.sentence.text)[k]
            found = [m for m in r.mentions if m.kind == "org" and _in(m, col) and not m.extra.get("coref")]
            org = max(found, key=lambda m: (bool(m.ids), m.end - m.start)) if found else _cell_name(r, col, "org")
            if org is not None and org.key != held and not any(
                    f.subject == org.key and f.predicate == "investedIn" and f.object == held for f in r.facts):
                r.facts.append(Fact(org.key, "investedIn", held, 0, len(r.sentence.text), 0.8, HOLDER_RULE))
                org.extra["used"] = True
            j += 1
        i = j


def _drop_in_column(r, k: int) -> None:
    """A booth or row number column ("| A-12 | …"): the codes in it name no chip; what the sentence rules made of them goes."""
    spans = cells(r.sentence.text)
    if k >= len(spans):
        return
    gone = {m.key for m in r.mentions if _in(m, spans[k]) and not m.ids and m.kind in ("chip", "org", "cluster", "arch")}
    r.mentions[:] = [m for m in r.mentions if m.key not in gone]
    r.facts[:] = [f for f in r.facts if f.subject not in gone and f.object not in gone]


def _drop_orphans(r, before: set) -> None:
    """Facts of a row about a guess its column gave way to (a model's "研究所" inside "ニシキギ計算機研究所")."""
    gone = before - {m.key for m in r.mentions}
    r.facts[:] = [f for f in r.facts if f.subject not in gone and not (isinstance(f.object, str) and f.object in gone)]


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
        if arch is None and not any(m.kind == "arch" and _in(m, col["arch"]) for m in r.mentions):
            arch = _cell_name(r, col["arch"], "arch")  # "| Trellis-2 |" under "Microarchitecture": a design's name
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


def _chip_columns(results: list, i: int, j: int) -> None:
    """A comparison table with a chip in each column of its header ("| | Kestrelle KX-40 | Ombra Labs OL-7 |") and a
    row label in its first column ("| Process | TSMC N5 | Samsung 5nm |", "| Microarchitecture | Zennor | … |"): each
    cell states its column's chip's process node (and the foundry named in it) or architecture."""
    head = results[i]
    hspans = cells(head.sentence.text)
    chips = {}
    for k, sp in enumerate(hspans[1:], 1):  # (the first column, or the two before a row's label, hold no chip)
        found = [m for m in head.mentions if m.kind == "chip" and _in(m, sp)]
        if found:
            chips[k] = max(found, key=lambda m: m.end - m.start)
    if len(chips) < 2:
        return
    for r in results[i + 1:j]:
        text = r.sentence.text
        spans = cells(text)
        lab = 1 if spans and not text[slice(*spans[0])].strip() and len(spans) > 1 else 0  # ("| Process | …": the | opens it)
        role = column_roles(text, spans[lab:lab + 1])[0] if spans else None
        if role not in ("process", "arch"):
            continue
        have = {(f.subject, f.predicate, f.object) for f in r.facts}
        for k, chip in chips.items():
            if k >= len(spans):
                continue
            objs = []
            if role == "process":
                node = next((m for m in r.mentions if m.kind == "node" and _in(m, spans[k]) and m.extra.get("key")
                             and not m.extra.get("foundry_from_name")), None)
                if node is not None:
                    objs.append(("manufacturedOn", node))
                    objs += [("fabricatedBy", m) for m in r.mentions
                             if m.kind == "org" and "Foundry" in m.types and _in(m, spans[k])][:1]
            else:
                arch = next((m for m in r.mentions if m.kind == "arch" and _in(m, spans[k])
                             and not (m.ids and m.ids[0].startswith("arch-"))), None)
                if arch is None and not any(m.kind == "arch" for m in r.mentions if _in(m, spans[k])) \
                        and re.search(r"[A-Z]", text[slice(*spans[k])]):  # (a name has a capital: "not public" is none)
                    arch = _cell_name(r, spans[k], "arch")  # "| Zennor |" under the row "Microarchitecture"
                if arch is not None:
                    objs.append(("usesArchitecture", arch))
            for pred, obj in objs:
                if (chip.key, pred, obj.key) not in have:
                    r.facts.append(Fact(chip.key, pred, obj.key, obj.start, obj.end, 0.8, RULE))
                    have.add((chip.key, pred, obj.key))


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
    if not re.search(r"[A-Za-z0-9\u3040-\u30ff\u4e00-\u9fff]", name) or re.fullmatch(
            r"[-–—\s]*|非公開|未公开|未披露|非公表|n/?a|none|tbd|unknown|undisclosed|not disclosed", name, re.I):
        return None
    start = s + raw.index(name[:1]) if name[:1] in raw else s
    start = s + raw.find(name) if name in raw else start
    alt = re.search(r"[（(]([^）)]{2,40})[）)]", raw)
    for m in [m for m in r.mentions if _in(m, span) and not m.ids and m.kind in ("org", "chip", "cluster", "arch")]:
        r.mentions.remove(m)
    m = Mention(start, start + len(name), name, kind, (), ("Chip",) if kind == "chip" else
                ("Microarchitecture",) if kind == "arch" else (),
                extra={"unknown": True, "cell": True})
    if alt and kind == "org":
        m.extra["alt"] = alt.group(1)
    r.mentions.append(m)
    return m


XSD = "http://www.w3.org/2001/XMLSchema#"
# the unit a column header gives its numbers: "市场规模（亿美元）", "Market size (USD billion)"
_HEADER_UNIT = re.compile(r"[（(]([^）)]{1,16})[）)]")
_FORECAST_CELL = re.compile(r"预测|預測|予測|予想|见通|見通|forecast|estimate|projected|\d{4}e\b", re.I)
_ACTUAL_CELL = re.compile(r"实际|實際|実績|实绩|actual", re.I)
_DATE_CELL = re.compile(r"((?:19|20)\d\d)(?:\s?[-/.年]\s?(\d{1,2}))?")


def _caption(results: list, i: int, rel: str) -> list:
    """Lexicon cues of `rel` in the two sentences before a table's header (its caption: "表1：全球AI芯片市场规模")."""
    from ontology import load_lexicon
    from ontology.normalize import fold
    out = []
    for r in results[max(0, i - 2):i]:
        folded = fold(r.sentence.text)[0]
        lang = r.sentence.lang if r.sentence.lang in ("ja", "zh", "en") else "en"
        for row in load_lexicon(lang, "relations"):
            if row["relation"] == rel and any(re.search(p, folded) for p in row["patterns"]):
                out.append(r)
                break
    return out


def _unit(header: str) -> tuple | None:
    """(multiplier, currency) from a header's bracketed unit: "亿美元" -> (1e8, USD)."""
    from ingest.components.money import _tables, currency_code
    m = _HEADER_UNIT.search(header)
    if not m:
        return None
    unit = m.group(1).strip().lower()
    mult, _ = _tables()
    factor, rest = 1, unit
    for p, v in mult:
        if unit.startswith(p.lower()):
            factor, rest = v, unit[len(p):].strip()
            break
    code = currency_code(rest)
    if not code:  # "US$ billion", "USD bn": the currency first, then the multiplier
        _, cur = _tables()
        for p, c in cur:
            tail = unit[len(p):].strip() if unit.startswith(p.lower()) else None
            hit = next((v for q, v in mult if tail == q.lower()), None) if tail else None
            if hit:
                return hit, c
    return (factor, code) if code else None


def _cue_in(text: str, lang: str, rel: str) -> bool:
    """A lexicon cue of `rel` (ontology/lexicon/<lang>/relations.jsonl) in a cell's text."""
    from ontology import load_lexicon
    from ontology.normalize import fold
    folded = fold(text)[0]
    lang = lang if lang in ("ja", "zh", "en") else "en"
    return any(row["relation"] == rel and any(re.search(p, folded) for p in row["patterns"])
               for row in load_lexicon(lang, "relations"))


def _market_rows(results: list, i: int, j: int, roles: list) -> None:
    """"年份 | 市场规模（亿美元） | 同比增速 | 说明" under a caption naming the AI chip market: one figure per row."""
    import hashlib
    from decimal import Decimal
    from ingest.components.relations.funding import plain_number
    captions = _caption(results, i, "_market")
    head = results[i].sentence.text
    spans = cells(head)
    col = {role: spans[k] for k, role in enumerate(roles) if role}
    unit = _unit(head[slice(*col["size"])])
    size_head = head[slice(*col["size"])]
    if not captions and _cue_in(size_head, results[i].sentence.lang, "_market"):
        captions = [results[i]]  # "| Year | Worldwide AI chip revenue (US$ billion) |": the header names the market
    if not captions:
        return
    caption = captions[-1]
    region = "China" if _caption(results, i, "_china") or caption is results[i] and _cue_in(
        size_head, results[i].sentence.lang, "_china") else "global"
    market_col = next((k for k, (a, b) in enumerate(spans) if k not in {idx for idx, r in enumerate(roles) if r}
                       and re.fullmatch(r"\s*(?:市场|市場|market|地域|区域|地区)\s*", head[a:b], re.I)), None)
    firm = next((m for m in caption.mentions if m.kind == "org" and "ResearchFirm" in m.types), None)
    idx = {role: k for k, role in enumerate(roles) if role}
    for r in results[i + 1:j]:
        text = r.sentence.text
        row_spans = cells(text)
        col = {role: row_spans[k] for role, k in idx.items()}  # each row has its own cell offsets
        y = re.search(r"(?:19|20)\d\d", text[slice(*col["year"])])
        v = re.search(r"\d[\d,]*(?:\.\d+)?", text[slice(*col["size"])])
        if not y or not v:
            continue
        row_unit = unit
        if row_unit is None:  # "规模" with no unit in the header: each cell says its own ("442亿美元", "1425亿元")
            money = next((m for m in r.mentions if m.kind == "money" and _in(m, col["size"])), None)
            if money is None:
                continue
            amount, cur = money.value
            row_unit = (1, cur)
        else:
            amount = Decimal(v.group(0).replace(",", "")) * unit[0]
        unit_code = row_unit[1]
        region_here = region
        if market_col is not None and market_col < len(row_spans):  # "全球AI芯片 | 2022 | …", "中国AI芯片 | 2024 | …"
            cell = text[slice(*row_spans[market_col])]
            region_here = "China" if _cue_in(cell, r.sentence.lang, "_china") else \
                "global" if _cue_in(cell, r.sentence.lang, "_global") else region
        status = text[slice(*col["status"])] if "status" in col else ""
        forecast = bool(_FORECAST_CELL.search(status)) and not _ACTUAL_CELL.search(status)
        label = f"{region_here} AI chip market"
        key = "est:" + hashlib.sha1(f"{label}|{y.group(0)}|{amount}|{unit_code}|{forecast}".encode()).hexdigest()[:12]
        s, e = col["size"]
        facts = [("market", label, None), ("year", y.group(0), XSD + "gYear"),
                 ("value", plain_number(amount), XSD + "decimal"), ("unit", unit_code, None),
                 ("isForecast", "true" if forecast else "false", XSD + "boolean")]
        if "growth" in col:
            g = re.search(r"(-?\d+(?:\.\d+)?)\s?[%％]", text[slice(*col["growth"])])
            if g:
                facts.append(("growthRate", str(Decimal(g.group(1)) / 100), XSD + "decimal"))
        for pred, obj, dt in facts:
            r.facts.append(Fact(key, pred, obj, s, e, 0.8, RULE, True, dt))
        if firm is not None:
            r.facts.append(Fact(key, "estimatedBy", firm.key, s, e, 0.8, RULE))


def _listing_rows(results: list, i: int, j: int, roles: list) -> None:
    """"公司 | 上市板块 | 上市日期 | 募资总额": each row is the company's IPO, its date and the amount raised."""
    head = results[i].sentence.text
    spans = cells(head)
    idx = {role: k for k, role in enumerate(roles) if role}
    for r in results[i + 1:j]:
        text = r.sentence.text
        row_spans = cells(text)
        col = {role: row_spans[k] for role, k in idx.items()}  # each row has its own cell offsets
        company = next((m for m in r.mentions if m.kind == "org" and _in(m, col["vendor"])), None)
        money = next((m for m in r.mentions if m.kind == "money" and _in(m, col["raised"])), None)
        date = _DATE_CELL.search(text[slice(*col["listed"])])
        if company is None or (money is None and date is None):
            continue
        key = f"round:{company.key}:IPO"
        r.facts.append(Fact(key, "fundedCompany", company.key, company.start, company.end, 0.8, RULE))
        r.facts.append(Fact(key, "roundName", "IPO", company.start, company.end, 0.8, RULE, True))
        if money is not None:
            from ingest.components.relations.funding import plain_number
            amount, cur = money.value
            r.facts.append(Fact(key, "amount", plain_number(amount), money.start, money.end, 0.8, RULE, True,
                                XSD + "decimal"))
            r.facts.append(Fact(key, "currency", cur, money.start, money.end, 0.8, RULE, True))
        if date is not None:
            when, dt = (f"{date.group(1)}-{int(date.group(2)):02d}", "gYearMonth") if date.group(2) else (date.group(1), "gYear")
            r.facts.append(Fact(key, "date", when, company.start, company.end, 0.8, RULE, True, XSD + dt))


_ITEM_SEP = re.compile(r"\s*(?:[、,，;；/]|\band\b|和|及)\s*")
FUNDING_RULE = "aic_table_funding"


def _funding_rows(results: list, i: int, j: int, roles: list) -> None:
    """A table of rounds ("公司 | 轮次 | 金额 | 领投方 | 其他投资方", "Company | Round | Amount | Lead | Investors"): each row
    is one round of the company in its first name column, its leads and other investors those of their columns.
    What the sentence rules read off a row (a company guessed from the wrong cell, no roles) gives way to it."""
    from ingest.components.relations.funding import plain_number
    for r in results[i + 1:j]:
        spans = cells(r.sentence.text)
        col = {}
        for k, role in enumerate(roles):
            if role and role not in col:
                col[role] = spans[k]
        company = next((m for m in r.mentions if m.kind == "org" and _in(m, col["vendor"]) and not m.extra.get("coref")),
                       None)
        whole = r.sentence.text[slice(*col["vendor"])].strip()
        if company is None or not company.ids and len(company.text) < len(whole) - 1:
            company = _cell_name(r, col["vendor"], "org") or company
        if company is None:
            continue
        rnd = next((m for m in r.mentions if m.kind == "round" and _in(m, col["round"])), None)
        money_col = col.get("amount") or col.get("raised")
        money = next((m for m in r.mentions if m.kind == "money" and money_col and m.start < money_col[1]
                      and money_col[0] < m.end and m.value and m.value[0]), None)  # (" 2.5亿元": its space before)
        parties = []
        for role in ("lead", "investors"):
            if role in col:
                parties += [(role, o) for o in _cell_items(r, col[role])]
        if rnd is None and money is None and not parties:
            continue
        r.facts[:] = [f for f in r.facts if not f.subject.startswith("round:") and f.predicate != "investedIn"]
        slug = rnd.value if rnd is not None and rnd.value else "round"
        key = f"round:{company.key}:{slug}"
        s, e = 0, len(r.sentence.text)
        out = [Fact(key, "fundedCompany", company.key, s, e, 0.8, FUNDING_RULE)]
        if rnd is not None and rnd.value:
            out.append(Fact(key, "roundName", rnd.value, s, e, 0.8, FUNDING_RULE, True))
        if money is not None:
            out.append(Fact(key, "amount", plain_number(money.value[0]), s, e, 0.8, FUNDING_RULE, True, XSD + "decimal"))
            out.append(Fact(key, "currency", money.value[1], s, e, 0.8, FUNDING_RULE, True))
        for role, o in parties:
            if o.key != company.key:
                out.append(Fact(key, "leadInvestor" if role == "lead" else "investor", o.key, s, e, 0.8, FUNDING_RULE))
                o.extra["used"] = True
        company.extra["used"] = True
        r.facts.extend(out)


def _cell_items(r, span: tuple[int, int]) -> list[Mention]:
    """The names of a list cell ("南岑投资、鹿溪资本"): the organisation found in each item, else the item as a name."""
    text = r.sentence.text
    s, e = span
    out = []
    pos = s
    for piece in _ITEM_SEP.split(text[s:e]) + [None]:
        if piece is None:
            break
        a = text.index(piece, pos) if piece else pos
        b = a + len(piece)
        pos = b
        if not piece.strip():
            continue
        found = [m for m in r.mentions if m.kind == "org" and _in(m, (a, b)) and not m.extra.get("coref")]
        if found:
            out.append(max(found, key=lambda m: m.end - m.start))
            continue
        m = _cell_name(r, (a, b), "org")
        if m is not None:
            out.append(m)
    return out
