"""Which chip architectures (or microarchitectures) the graph knows."""
from api.ask.forms import Context, list_reply, question_form


@question_form("architectures", slots={"micro": "micro?"})
def architectures(ctx: Context):
    return list_reply(ctx, "architectures.micro" if ctx.constraint("micro") else "architectures", {})
