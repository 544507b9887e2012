"""Which foundry vendor V relies on."""
from api.ask.forms import Context, N, P, merge, list_reply, question_form


def _ev(v):
    def ev(r):
        out = [(N(v.iri), P("reliesOn"), r["x"])]
        if r.get("chip") is not None:
            out += [(r["chip"], P("designedBy"), N(v.iri)), (r["chip"], P("fabricatedBy"), r["x"])]
        return out
    return ev


@question_form("foundry_of_vendor", slots={"vendor": "org"})
def foundry_of_vendor(ctx: Context):
    return merge([list_reply(ctx, "foundry_of_vendor", {"vendor": N(v.iri)}, evidence=_ev(v))
                  for v in ctx.slots["vendor"]])
