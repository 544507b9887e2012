"""Which process vendor V relies on (each chip's process at its most specific level)."""
from api.ask.forms import Context, N, P, Reply, merge, most_specific_per_chip, question_form, run


@question_form("process_of_vendor", slots={"vendor": "org"})
def process_of_vendor(ctx: Context):
    replies = []
    for v in ctx.slots["vendor"]:
        got, q = run(ctx, "process_of_vendor", {"vendor": N(v.iri)})
        rows = [(r["x"].value, r["chip"].value if r.get("chip") is not None else None)
                for r in got if r.get("x") is not None]
        answers = most_specific_per_chip(ctx, rows)
        triples = []
        for r in got:
            if r.get("x") is None or r["x"].value not in answers:
                continue
            triples.append((N(v.iri), P("reliesOn"), r["x"]))
            if r.get("chip") is not None:
                triples += [(r["chip"], P("designedBy"), N(v.iri)), (r["chip"], P("manufacturedOn"), r["x"])]
        replies.append(Reply(answers=answers, sparql=q, triples=triples))
    return merge(replies)
