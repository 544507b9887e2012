"""What memory chip X uses."""
from api.ask.forms import Context, N, P, Reply, py, run, question_form


@question_form("memory_type", slots={"chip": "chip"}, list_answer=False)
def memory_type(ctx: Context):
    c = ctx.one("chip")
    rows, q = run(ctx, "memory_type", {"chip": N(c.iri)})
    vals = [py(r["value"]) for r in rows]
    return Reply(value=", ".join(sorted(vals)) if vals else None, sparql=q,
                 triples=[(N(c.iri), P("memoryType"), r["value"]) for r in rows])
