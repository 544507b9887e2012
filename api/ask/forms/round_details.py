"""Details of company C's funding rounds: amount (value), date, lead investors; the largest or smallest round."""
from api.ask.forms import Context, N, Reply, py, run, question_form


@question_form("round_details", slots={"company": "org", "round": "round?", "superlative": "superlative?",
                                       "ask": "ask?"}, list_answer=False)
def round_details(ctx: Context):
    c = ctx.one("company")
    rows, q = run(ctx, "round_details", {"company": N(c.iri)})
    rounds: dict[str, dict] = {}
    for r in rows:
        d = rounds.setdefault(r["r"].value, {"round": r["r"].value, "name": py(r.get("name")),
                                             "amount": py(r.get("amount")), "currency": py(r.get("currency")),
                                             "date": py(r.get("date")), "lead": []})
        if r.get("lead") is not None and r["lead"].value not in d["lead"]:
            d["lead"].append(r["lead"].value)
    chosen = list(rounds.values())
    rnd = ctx.constraint("round")
    if rnd:
        chosen = [d for d in chosen if (d["name"] or "").lower() == rnd.lower()]
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
