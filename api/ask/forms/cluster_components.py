"""What cluster K is built from."""
from api.ask.forms import Context, N, P, merge, list_reply, question_form


@question_form("cluster_components", slots={"cluster": "cluster"})
def cluster_components(ctx: Context):
    return merge([list_reply(ctx, "cluster_components", {"cluster": N(c.iri)},
                             evidence=lambda r, c=c: [(N(c.iri), P("builtFrom"), r["x"])])
                  for c in ctx.slots["cluster"]])
