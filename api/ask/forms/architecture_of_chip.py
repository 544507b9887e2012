"""Which architecture (or microarchitecture) chip X uses."""
from api.ask.forms import Context, N, P, merge, list_reply, question_form


@question_form("architecture_of_chip", slots={"chip": "chip"})
def architecture_of_chip(ctx: Context):
    return merge([list_reply(ctx, "architecture_of_chip", {"chip": N(c.iri)},
                             evidence=lambda r, c=c: [(N(c.iri), P("usesArchitecture"), r["x"])])
                  for c in ctx.slots["chip"]])
