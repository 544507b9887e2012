"""Which chips were announced in year Y, optionally of vendor V."""
from api.ask.forms import Context, N, P, list_reply, merge, question_form


@question_form("chips_announced_in", slots={"year": "year", "vendor": "chipvendor?"})
def chips_announced_in(ctx: Context):
    vendors = ctx.slots.get("vendor") or [None]
    year = str(ctx.constraint("year"))
    return merge([list_reply(ctx, "chips_announced_in.vendor" if v else "chips_announced_in", {"year": year, **({"vendor": N(v.iri)} if v else {})},
                             evidence=lambda r: [(r["x"], P("announcedIn"), r["value"])])
                  for v in vendors])
