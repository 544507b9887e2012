"""Supply-chain exposure: what depends on foundry (or process) F."""
from api.ask.forms import Context, N, P, Reply, merge, list_reply, question_form


@question_form("exposure", slots={"target": "entity"})
def exposure(ctx: Context):
    replies = []
    for t in ctx.slots["target"]:
        if not t.is_a("Foundry", "ProcessNode", "Organization", "Chip"):
            continue
        replies.append(list_reply(ctx, "exposure", {"target": N(t.iri)},
                                  evidence=lambda r, t=t: [(r["x"], P("reliesOn"), N(t.iri)),
                                                           (r["x"], P("fabricatedBy"), N(t.iri))]))
    return merge(replies) if replies else Reply()
