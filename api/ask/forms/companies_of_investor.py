"""Which companies investor I backed."""
from api.ask.forms import Context, N, P, merge, list_reply, question_form


def _ev(i):
    def ev(r):
        out = [(N(i.iri), P("investedIn"), r["x"])]
        if r.get("r") is not None:
            out += [(r["r"], P("investor"), N(i.iri)), (r["r"], P("leadInvestor"), N(i.iri))]
        return out
    return ev


@question_form("companies_of_investor", slots={"investor": "org"})
def companies_of_investor(ctx: Context):
    return merge([list_reply(ctx, "companies_of_investor", {"investor": N(i.iri)}, evidence=_ev(i))
                  for i in ctx.slots["investor"]])
