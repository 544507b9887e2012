"""Which processes foundry F offers; its smallest (most advanced) or largest node."""
from api.ask.forms import Context, N, P, Reply, merge, most_specific_processes, py, run, question_form


@question_form("processes_of_foundry", slots={"foundry": "foundry", "superlative": "superlative?"})
def processes_of_foundry(ctx: Context):
    replies = []
    for f in ctx.slots["foundry"]:
        rows, q = run(ctx, "processes_of_foundry", {"foundry": N(f.iri)})
        nms = {r["x"].value: py(r.get("nm")) for r in rows}
        specific = set(most_specific_processes(ctx, list(nms), strict=True))
        nms = {k: v for k, v in nms.items() if k in specific}
        answers, value = list(nms), None
        sup = ctx.constraint("superlative")
        sized = {k: v for k, v in nms.items() if v is not None}
        if sup and sized:
            value = (min if sup == "min" else max)(sized.values())
            answers = [k for k, v in sized.items() if v == value]
        replies.append(Reply(answers=answers, value=value, sparql=q,
                             triples=[(N(a), P("offeredBy"), N(f.iri)) for a in answers]))
    return merge(replies)
