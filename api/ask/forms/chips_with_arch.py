"""Which chips use architecture (or microarchitecture) A, optionally of vendor V."""
from api.ask.forms import Context, N, P, merge, list_reply, question_form


@question_form("chips_with_arch", slots={"arch": "arch", "vendor": "org?"})
def chips_with_arch(ctx: Context):
    archs = ctx.slots["arch"]
    specific = [a for a in archs if a.is_a("Microarchitecture")]
    if specific:  # "GPUs based on MUSA": the named generation decides, the class word is the head noun
        archs = specific
    vendors = ctx.slots.get("vendor") or [None]
    return merge([list_reply(ctx, "chips_with_arch.vendor" if v else "chips_with_arch",
                             {"arch": N(a.iri), **({"vendor": N(v.iri)} if v else {})},
                             evidence=lambda r, a=a: [(r["x"], P("usesArchitecture"), N(a.iri))])
                  for a in archs for v in vendors])
