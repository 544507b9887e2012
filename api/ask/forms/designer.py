"""Who designs chip X."""
from api.ask.forms import Context, N, P, merge, list_reply, question_form


@question_form("designer", slots={"chip": "chip"})
def designer(ctx: Context):
    return merge([list_reply(ctx, "designer", {"chip": N(c.iri)},
                             evidence=lambda r, c=c: [(N(c.iri), P("designedBy"), r["x"])])
                  for c in ctx.slots["chip"]])
