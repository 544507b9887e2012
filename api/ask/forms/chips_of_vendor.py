"""What chips vendor V designs (training or inference chips, newest/oldest, counts)."""
from api.ask.forms import AIC, Context, N, P, Reply, merge, py, run, question_form

CLASSES = {"training": "TrainingChip", "inference": "InferenceChip"}


@question_form("chips_of_vendor", slots={"vendor": "chipvendor", "purpose": "purpose?", "newest": "newest?"})
def chips_of_vendor(ctx: Context):
    cls = N(AIC + CLASSES.get(ctx.constraint("purpose"), "Chip"))
    from api.ask.composed import message
    replies, notes = [], []
    for v in ctx.slots["vendor"]:
        rows, q = run(ctx, "chips_of_vendor", {"vendor": N(v.iri), "cls": cls})
        years = {}
        for r in rows:
            y = py(r.get("year"))
            years[r["x"].value] = max(years.get(r["x"].value, 0), y or 0)
        answers = list(years)
        newest = ctx.constraint("newest")
        if newest and answers:
            dated = [a for a in answers if years[a]]
            pick = max if newest == "max" else min
            undated = [a for a in answers if not years[a]]
            best = pick((years[a] for a in dated), default=None)
            answers = [a for a in dated if years[a] == best]  # (none dated: no chip can be called the newest)
            if undated:  # "Cambricon's newest chip": a chip with no year in the graph could be newer; say so
                notes.append(message(ctx.lang, "no_year", names=", ".join(
                    ctx.index.entities[a].label(ctx.lang) if a in ctx.index.entities else a for a in undated)))
        replies.append(Reply(answers=answers, sparql=q,
                             triples=[(N(a), P("designedBy"), N(v.iri)) for a in answers]))
    out = merge(replies)
    if notes:
        out.message = " ".join(notes)
    return out
