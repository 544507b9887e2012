"""Which foundry makes chip X."""
from api.ask.forms import Context, N, P, merge, list_reply, question_form


def _ev(chip, r):
    out = [(N(chip.iri), P("fabricatedBy"), r["x"])]
    if r.get("p") is not None:
        out += [(N(chip.iri), P("manufacturedOn"), r["p"]), (r["p"], P("offeredBy"), r["x"])]
    return out


@question_form("foundry_of_chip", slots={"chip": "chip"})
def foundry_of_chip(ctx: Context):
    return merge([list_reply(ctx, "foundry_of_chip", {"chip": N(c.iri)}, evidence=lambda r, c=c: _ev(c, r))
                  for c in ctx.slots["chip"]])
