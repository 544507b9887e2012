"""Who invested in company C (in one round; who led)."""
from api.ask.forms import Context, N, P, Reply, merge, list_reply, round_key, run, question_form


def _ev(c):
    def ev(r):
        out = [(r["x"], P("investedIn"), N(c.iri))]
        if r.get("r") is not None:
            out += [(r["r"], P("investor"), r["x"]), (r["r"], P("leadInvestor"), r["x"])]
        return out
    return ev


@question_form("investors_of", slots={"company": "org", "round": "round?", "ask": "ask?"})
def investors_of(ctx: Context):
    rnd, replies = ctx.constraint("round"), []
    for c in ctx.slots["company"]:
        if ctx.constraint("ask") == "lead":
            rows, q = run(ctx, "investors_of.lead", {"company": N(c.iri)})
            rows = [r for r in rows if not rnd or (r.get("name") and round_key(r["name"].value) == round_key(rnd))]
            answers = list(dict.fromkeys(r["x"].value for r in rows))
            replies.append(Reply(answers=answers, sparql=q,
                                 triples=[(r["r"], P("leadInvestor"), r["x"]) for r in rows]))
        elif rnd:
            replies.append(list_reply(ctx, "investors_of.round", {"company": N(c.iri), "round": rnd},
                                      evidence=_ev(c)))
        else:
            replies.append(list_reply(ctx, "investors_of", {"company": N(c.iri)}, evidence=_ev(c)))
    return merge(replies)
