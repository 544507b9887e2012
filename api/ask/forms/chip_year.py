"""When chip X was announced (a year)."""
from api.ask.forms import Context, N, P, Reply, py, run, question_form


@question_form("chip_year", slots={"chip": "chip"}, list_answer=False, gives=("date",))
def chip_year(ctx: Context):
    c = ctx.one("chip")
    rows, q = run(ctx, "chip_year", {"chip": N(c.iri)})
    years = sorted({py(r["value"]) for r in rows if r.get("value") is not None}, key=str)
    value = years[0] if years else None
    if isinstance(value, str) and value[:4].isdigit():
        value = int(value[:4])
    return Reply(value=value, sparql=q, extra={"kind": "year"}, triples=[(N(c.iri), P("announcedIn"), rows[0]["value"])] if rows else [])
