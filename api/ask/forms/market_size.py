"""Market size for a market and year: value with unit; global vs China; by a named research firm; forecast or not.
Asked for the growth ("增长率", "成長率", "growth rate") it answers the figure's growth as a fraction; asked for the
source ("which firm", "哪家机构", "どこの調査会社") it names who estimated the figure."""
from api.ask.forms import Context, N, Reply, py, run, question_form


@question_form("market_size", slots={"year": "year?", "region": "region?", "firm": "firm?",
                                     "forecast": "forecast?", "superlative": "superlative?"}, list_answer=False,
               gives=("superlative_date",))
def market_size(ctx: Context):
    from api.ask.understand import lexicon
    year = ctx.constraint("year")
    rows, q = (run(ctx, "market_size.year", {"y": year}) if year is not None else run(ctx, "market_size", {}))
    regions = lexicon(ctx.lang).regions or lexicon("en").regions
    want_region = ctx.constraint("region") or "global"
    firms = {f.iri for f in ctx.slots.get("firm") or []}
    forecast = ctx.constraint("forecast")

    def region_of(market: str) -> str | None:
        m = (market or "").casefold()
        for name, markers in regions.items():
            if any(k.casefold() in m for k in markers):
                return name
        return None

    cands = []
    for r in rows:
        d = {"m": r["m"].value, "market": py(r.get("market")), "year": py(r.get("year")), "value": py(r["value"]),
             "unit": py(r.get("unit")), "forecast": py(r.get("forecast")),
             "firm": r["firm"].value if r.get("firm") is not None else None,
             "growth": py(r.get("growth")) if r.get("growth") is not None else None}
        if region_of(d["market"]) not in (want_region, None):
            continue
        cands.append(d)
    if firms:
        named = [d for d in cands if d["firm"] in firms]
        cands = named
    ask = ctx.constraint("ask")
    if ask == "growth":
        cands = [d for d in cands if d["growth"] is not None]
    elif ask == "source":
        cands = [d for d in cands if d["firm"]]
    if not cands:
        return Reply(sparql=q)

    def rank(d):
        fc = d["forecast"]
        return (region_of(d["market"]) == want_region,
                (fc is True) if forecast == "forecast" else (fc is not True),
                d["year"] or 0)
    cands.sort(key=rank, reverse=True)
    sup = ctx.constraint("superlative")
    if sup and ask == "date":
        # "市場が最も大きいのは何年", "in which year is the market largest": the year of the largest (smallest) figure
        # among the firm's and region's, compared only within one unit (no conversion)
        top = [d for d in cands if region_of(d["market"]) == want_region and d["year"] is not None]
        units = {d["unit"] for d in top}
        if not top or len(units) > 1:
            return Reply(sparql=q)
        pick = (max if sup == "max" else min)(top, key=lambda d: d["value"])
        return Reply(answers=[], value=pick["year"], sparql=q, triples=[(N(pick["m"]), None, None)],
                     extra={"unit": pick["unit"], "market": pick["market"], "year": pick["year"],
                            "forecast": pick["forecast"], "figure": pick["value"],
                            "estimatedBy": pick["firm"]})
    best = cands[0]
    answers = [best["firm"]] if best["firm"] else []
    extra = {"unit": best["unit"], "market": best["market"], "year": best["year"], "forecast": best["forecast"],
             "estimatedBy": answers[0] if answers else None}
    if ask == "growth":
        return Reply(value=best["growth"], sparql=q, triples=[(N(best["m"]), None, None)], extra=extra)
    if ask == "source":
        return Reply(answers=answers, sparql=q, triples=[(N(best["m"]), None, None)], extra=extra)
    return Reply(answers=[], value=best["value"], sparql=q, triples=[(N(best["m"]), None, None)],
                 extra={"unit": best["unit"], "market": best["market"], "year": best["year"],
                        "forecast": best["forecast"], "estimatedBy": answers[0] if answers else None})
