"""Which chips were announced in year Y, optionally of vendor V."""
from api.ask.forms import AIC, Context, N, P, list_reply, merge, question_form


@question_form("chips_announced_in", slots={"year": "year", "vendor": "chipvendor?"})
def chips_announced_in(ctx: Context):
    vendors = ctx.slots.get("vendor") or [None]
    year = str(ctx.constraint("year"))
    out = merge([list_reply(ctx, "chips_announced_in.vendor" if v else "chips_announced_in", {"year": year, **({"vendor": N(v.iri)} if v else {})},
                            evidence=lambda r: [(r["x"], P("announcedIn"), r["value"])])
                 for v in vendors])
    undated = _undated(ctx, [v for v in vendors if v is not None])
    if undated:  # "Which chips did Cambricon launch in 2023?": its chips with no year could be among them; say so
        from api.ask.composed import message
        out.message = message(ctx.lang, "undated", names=", ".join(
            ctx.index.entities[i].label(ctx.lang) if i in ctx.index.entities else i for i in undated))
    return out


def _undated(ctx: Context, vendors: list) -> list[str]:
    """The named vendors' chips the graph gives no year (a year window cannot place them)."""
    if not vendors:
        return []
    values = " ".join(f"<{v.iri}>" for v in vendors)
    q = (f"SELECT DISTINCT ?x WHERE {{ VALUES ?v {{ {values} }} ?x a <{AIC}Chip> ; <{AIC}designedBy> ?v . "
         f"FILTER NOT EXISTS {{ ?x <{AIC}announcedIn> ?y }} }}")
    try:
        return list(dict.fromkeys(r["x"].value for r in ctx.store.query(q).solutions))
    except Exception:  # the note is a courtesy: a store that cannot say leaves the answer as it is
        return []
