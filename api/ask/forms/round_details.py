"""Details of company C's funding rounds: amount (value), date, lead investors; the largest or smallest round."""
from api.ask.forms import Context, N, Reply, py, round_key, run, question_form


@question_form("round_details", slots={"company": "org", "round": "round?", "superlative": "superlative?",
                                       "ask": "ask?", "year": "year?", "month": "month?"}, list_answer=False)
def round_details(ctx: Context):
    c = ctx.one("company")
    rows, q = run(ctx, "round_details", {"company": N(c.iri)})
    support: dict[tuple, int] = {}
    for r in run(ctx, "round_support", {"company": N(c.iri)})[0]:
        support[(r["r"].value, r["p"].value.rsplit("#", 1)[-1], py(r["o"]))] = py(r["n"]) or 0
    rounds: dict[str, dict] = {}
    for r in rows:
        d = rounds.setdefault(r["r"].value, {"round": r["r"].value, "name": py(r.get("name")), "amounts": [],
                                             "currencies": [], "date": py(r.get("date")), "lead": []})
        for key, var in (("amounts", "amount"), ("currencies", "currency")):
            v = py(r.get(var))
            if v is not None and v not in d[key]:
                d[key].append(v)
        if r.get("lead") is not None and r["lead"].value not in d["lead"]:
            d["lead"].append(r["lead"].value)
    for d in rounds.values():  # sources may disagree: the value most statements support, the others kept
        for key, prop, one in (("amounts", "amount", "amount"), ("currencies", "currency", "currency")):
            vals = sorted(d[key], key=lambda v: -support.get((d["round"], prop, v), 0))
            d[one] = vals[0] if vals else None
            if len(vals) > 1:
                d["other_" + key] = vals[1:]
            del d[key]
    chosen = list(rounds.values())
    rnd = ctx.constraint("round")
    if rnd:
        chosen = [d for d in chosen if round_key(d["name"]) == round_key(rnd)]
    year = ctx.constraint("year")
    if year is not None:  # "raised in 2021": the rounds dated in that year
        month = ctx.constraint("month")
        prefix = f"{year}-{int(month):02d}" if month else str(year)
        chosen = [d for d in chosen if str(d["date"] or "").startswith(prefix)]
    sup = ctx.constraint("superlative")
    if sup and len(chosen) > 1:
        sized = [d for d in chosen if d["amount"] is not None]
        if sized:
            pick = (max if sup == "max" else min)(sized, key=lambda d: d["amount"])
            chosen = [pick]
    out = Reply(sparql=q, extra={"rounds": chosen})
    out.triples = [(N(d["round"]), None, None) for d in chosen]
    ask = ctx.constraint("ask")
    if not chosen:
        return out
    if ask == "lead":
        out.answers = list(dict.fromkeys(x for d in chosen for x in d["lead"]))
    elif ask == "date":
        dates = [d["date"] for d in chosen if d["date"] is not None]
        out.value = str(dates[0]) if len(dates) == 1 else None
    else:
        amounts = [d for d in chosen if d["amount"] is not None]
        if len(amounts) == 1:
            out.value, out.extra["unit"] = amounts[0]["amount"], amounts[0]["currency"]
        elif amounts and len({d["currency"] for d in amounts}) == 1 and (ctx.constraint("total") or not rnd):
            out.value, out.extra["unit"] = sum(d["amount"] for d in amounts), amounts[0]["currency"]
            out.extra["note"] = f"total of {len(amounts)} rounds"
    return out
