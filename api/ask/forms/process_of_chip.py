"""Which process chip X is made on."""
from api.ask.forms import Context, N, P, merge, list_reply, most_specific_processes, question_form


@question_form("process_of_chip", slots={"chip": "chip"})
def process_of_chip(ctx: Context):
    reply = merge([list_reply(ctx, "process_of_chip", {"chip": N(c.iri)},
                              evidence=lambda r, c=c: [(N(c.iri), P("manufacturedOn"), r["x"])])
                   for c in ctx.slots["chip"]])
    reply.answers = most_specific_processes(ctx, reply.answers)
    return reply
