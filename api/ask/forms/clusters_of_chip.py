"""Which computing clusters are built from chip C (the reverse of cluster_components)."""
from api.ask.forms import Context, N, P, merge, list_reply, question_form


@question_form("clusters_of_chip", slots={"chip": "chip"})
def clusters_of_chip(ctx: Context):
    return merge([list_reply(ctx, "clusters_of_chip", {"chip": N(c.iri)},
                             evidence=lambda r, c=c: [(r["x"], P("builtFrom"), N(c.iri))])
                  for c in ctx.slots["chip"]])
