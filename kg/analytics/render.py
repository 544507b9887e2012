"""Readable text for analytics results (the CLI's default output); `--json` prints the dicts instead."""
from __future__ import annotations

from typing import Any

SHOW = 30  # rows per section in text output


def path_text(hops: list[dict]) -> str:
    """`H100 -manufacturedOn-> TSMC 4N -offeredBy-> TSMC`; inverse hops read `A <-rel- B`."""
    parts: list[str] = []
    prev = None
    for h in hops:
        arrow = f" <-{h['relation']}- " if h.get("direction") == "inverse" else f" -{h['relation']}-> "
        if prev != h["from"]:
            if parts:
                parts.append("; ")
            parts.append(h["from_label"])
        parts.append(arrow + h["to_label"])
        prev = h["to"]
    return "".join(parts)


def _section(lines: list[str], title: str, rows: list[dict], detail) -> None:
    if not rows:
        return
    lines.append(f"{title} ({len(rows)}):")
    for r in rows[:SHOW]:
        lines.extend("  " + x for x in detail(r))
    if len(rows) > SHOW:
        lines.append(f"  … {len(rows) - SHOW} more (use --json for all)")


def _status_lines(r: dict) -> list[str]:
    extra = f" [{r['country']}]" if r.get("country") else ""
    out = [f"- {r['label']}{extra}"]
    out += [f"    cut:         {path_text(p)}" for p in r.get("paths", [])]
    out += [f"    alternative: {path_text(p)}" for p in r.get("alternatives", [])[:2]]
    out += [f"    unknown:     {path_text(p)}" for p in r.get("unknown", [])[:2]]
    return out


def exposure(res: dict) -> str:
    t = res["target"]
    lines = [f"Exposure of {t['label']} <{t['iri']}>" + (f", nodes ≤ {res['max_nm']:g} nm" if res.get("max_nm") else "")]
    if res.get("also_matched"):
        lines.append("  (the name also matches: " + ", ".join(x["label"] + " <" + x["iri"] + ">" for x in res["also_matched"]) + ")")
    if "cut" in res:
        cut = res["cut"]
        cut_names = [x["label"] for x in cut["foundries"]] + [x["label"] for x in cut["processes"]]
        lines.append("cut off: " + (", ".join(cut_names) or "nothing known at that size"))
        s = res["summary"]
        lines.append(f"chips: {s['chips_exposed']} lose their only supply path, {s['chips_with_alternative']} "
                     f"keep an alternative; vendors: {s['vendors_exposed']} exposed, {s['vendors_partial']} "
                     f"partially exposed; clusters exposed: {s['clusters_exposed']}")
        for group, title in (("exposed", "Vendors exposed (all known supply cut)"),
                             ("partial", "Vendors partially exposed (an alternative remains)"),
                             ("uncertain", "Vendors possibly exposed (node size unknown)")):
            _section(lines, title, res["vendors"][group], _status_lines)
        for group, title in (("exposed", "Chips losing their only supply path"),
                             ("alternative", "Chips with an alternative"),
                             ("uncertain", "Chips possibly affected (node size unknown)")):
            _section(lines, title, res["chips"][group], _status_lines)
        for group, title in (("exposed", "Clusters exposed"), ("partial", "Clusters partially exposed"),
                             ("uncertain", "Clusters possibly affected")):
            _section(lines, title, res["clusters"][group], _status_lines)
    if "profile" in res:
        p = res["profile"]
        lines.append(f"Upstream of {p['entity']['label']}:")
        _section(lines, " chips", p["upstream"].get("chips", []),
                 lambda r: [f"- {r['label']}: " + ", ".join(r["processes"] or r["foundries"] or ["supply unknown"])])
        for kind in ("processes", "foundries"):
            _section(lines, f" {kind}", p["upstream"][kind],
                     lambda r: [f"- {r['label']}" + (f" ({r['nm']:g} nm)" if r.get("nm") else "")
                                + (f": {path_text(r['paths'][0])}" if r.get("paths") else "")])
        lines.append(f"Downstream of {p['entity']['label']}:")
        _section(lines, " chips", p["downstream"]["chips"],
                 lambda r: [f"- {r['label']}: " + ", ".join(r["processes"] or r["foundries"] or ["supply unknown"])])
        _section(lines, " clusters", p["downstream"]["clusters"], lambda r: [f"- {r['label']}: {path_text(r['path'])}"])
    return "\n".join(lines)


def chokepoints(res: dict) -> str:
    lines = [f"Chokepoints{' for vendors in ' + res['region'] if res.get('region') else ''}: "
             f"{res['vendors_in_scope']} vendors, {res['chips_in_scope']} chips with known supply; "
             f"betweenness {res['betweenness']}"]
    head = f"  {'#':>3} {'name':<28} {'sole vendors':>12} {'vendors':>7} {'sole chips':>10} {'chips':>5} {'betweenness':>11}"
    for kind in ("foundries", "processes", "vendors"):
        rows = res[kind]
        if not rows:
            continue
        lines.append(f"{kind.capitalize()}:")
        lines.append(head)
        for r in rows:
            lines.append(f"  {r['rank']:>3} {r['label'][:28]:<28} {r['sole_vendors']:>12} {r['vendors']:>7} "
                         f"{r['sole_chips']:>10} {r['chips']:>5} {r['betweenness']:>11.4f}")
    return "\n".join(lines)


def path(res: dict) -> str:
    head = f"{res['source']['label']} → {res['target']['label']}"
    if res["length"] is None:
        return f"{head}: not connected"
    if res["length"] == 0:
        return f"{head}: the same entity"
    lines = [f"{head}: {len(res['paths'])} shortest path(s) of length {res['length']}"]
    lines += [f"  {path_text(p)}" for p in res["paths"]]
    return "\n".join(lines)


def coinvest(res: dict) -> str:
    lines = [f"Co-investment: {res['investors_total']} investors, {res['links_total']} links"]
    _section(lines, "Strongest links (shared portfolio companies)", res["edges"],
             lambda e: [f"- {e['a']['label']} + {e['b']['label']}: {e['weight']} "
                        f"({', '.join(c['label'] for c in e['companies'])})"])
    _section(lines, "Most connected investors", res["investors"],
             lambda r: [f"- {r['label']}: {r['co_investors']} co-investors, {r['shared']} shared, portfolio {r['portfolio']}"])
    fe = res.get("foundry_exposure")
    if fe:
        _section(lines, f"Investors exposed to {fe['foundry']['label']}", fe["investors"],
                 lambda r: [f"- {r['label']}: {r['exposed']} exposed, {r['partial']} partially exposed of {r['portfolio']}"]
                 + [f"    {c['label']} ({c['status']}): {path_text(c['path'])}" for c in r["companies"][:5]])
    return "\n".join(lines)


def render(kind: str, result: dict[str, Any]) -> str:
    return {"exposure": exposure, "chokepoints": chokepoints, "path": path, "coinvest": coinvest}[kind](result)
