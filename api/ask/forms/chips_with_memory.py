"""Which chips use memory type M (HBM3e, GDDR6, LPDDR5…), optionally of vendor V."""
from api.ask.forms import Context, N, P, Reply, list_reply, question_form, run


@question_form("chips_with_memory", slots={"memory": "memory", "vendor": "org?"})
def chips_with_memory(ctx: Context):
    memory = ctx.constraint("memory")
    reply = list_reply(ctx, "chips_with_memory", {"memory": memory},
                       evidence=lambda r: [(r["x"], P("memoryType"), r["value"])])
    vendors = ctx.slots.get("vendor") or []
    if vendors:
        keep = set()
        for v in vendors:
            rows, _ = run(ctx, "chips_of_vendor", {"vendor": N(v.iri), "cls": N("https://w3id.org/aichip/ontology#Chip")})
            keep |= {r["x"].value for r in rows if r.get("x") is not None}
        reply = Reply(answers=[a for a in reply.answers if a in keep], sparql=reply.sparql,
                      triples=[t for t in reply.triples if t[0].value in keep])
    return reply
