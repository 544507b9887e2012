"""A plain-text table of SELECT results for terminals (rich)."""
from __future__ import annotations

import io

from rich.console import Console
from rich.table import Table

from kg.formats import Format, register


def write(result) -> bytes:
    if result.kind == "ask":
        return (("true" if result.boolean else "false") + "\n").encode()
    table = Table(*result.variables, show_lines=False)
    for row in result.rows():
        table.add_row(*["" if v is None else str(v) for v in row])
    buf = io.StringIO()
    Console(file=buf, width=200, force_terminal=False).print(table)
    return buf.getvalue().encode()


register(Format("table", "text/plain", "txt", "results", write, aliases=("text",)))
