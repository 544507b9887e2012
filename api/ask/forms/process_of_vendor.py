"""Which process vendor V relies on."""
from api.ask.forms import Context, N, P, merge, list_reply, most_specific_processes, question_form


def _ev(v):
    def ev(r):
        out = [(N(v.iri), P("reliesOn"), r["x"])]
        if r.get("chip") is not None:
            out += [(r["chip"], P("designedBy"), N(v.iri)), (r["chip"], P("manufacturedOn"), r["x"])]
        return out
    return ev


@question_form("process_of_vendor", slots={"vendor": "org"})
def process_of_vendor(ctx: Context):
    reply = merge([list_reply(ctx, "process_of_vendor", {"vendor": N(v.iri)}, evidence=_ev(v))
                   for v in ctx.slots["vendor"]])
    reply.answers = most_specific_processes(ctx, reply.answers)
    return reply
