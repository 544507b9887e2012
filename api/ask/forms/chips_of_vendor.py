"""What chips vendor V designs (training or inference chips, newest/oldest, counts)."""
from api.ask.forms import AIC, Context, N, P, Reply, merge, py, run, question_form

CLASSES = {"training": "TrainingChip", "inference": "InferenceChip"}


@question_form("chips_of_vendor", slots={"vendor": "chipvendor", "purpose": "purpose?", "newest": "newest?"})
def chips_of_vendor(ctx: Context):
    cls = N(AIC + CLASSES.get(ctx.constraint("purpose"), "Chip"))
    replies = []
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
            if dated:
                best = pick(years[a] for a in dated)
                answers = [a for a in dated if years[a] == best]
        replies.append(Reply(answers=answers, sparql=q,
                             triples=[(N(a), P("designedBy"), N(v.iri)) for a in answers]))
    return merge(replies)
