"""What the graph knows about X: its statements, both ways."""
from api.ask.forms import Context, N, Reply, py, run, question_form


@question_form("summary", slots={"entity": "entity"}, list_answer=False)
def summary(ctx: Context):
    e = ctx.one("entity")
    rows, q = run(ctx, "summary", {"entity": N(e.iri)})
    facts, seen = [], set()
    for r in rows:
        p = r["p"].value.rsplit("#", 1)[-1].rsplit("/", 1)[-1]
        o = r["o"]
        if hasattr(o, "value") and o.value in ctx.index.entities:
            shown = ctx.index.entities[o.value].label(ctx.lang)
        else:
            shown = py(r.get("olabel")) or py(o)
        item = (r["dir"].value, p, str(shown))
        if item not in seen:
            seen.add(item)
            facts.append({"direction": item[0], "property": p, "value": item[2]})
    return Reply(answers=[e.iri], sparql=q, triples=[(N(e.iri), None, None)], extra={"facts": facts})
