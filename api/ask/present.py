"""Answers that say what they are: how many answers a list holds, a number with its unit or currency, the year,
forecast or actual and who estimated it, as fields (`count`, `unit`, `summary`) and one sentence in the question's
language that `kg ask` and the page print."""
from __future__ import annotations

from typing import Any

from api.ask.composed import message


def _number(v: Any) -> str:
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return f"{v:,.0f}" if float(v).is_integer() else f"{v:,}"
    return str(v)


def describe(out: dict, idx: Any, graph: Any = None) -> None:
    """Add `count`, `unit` and `summary` to an understood answer (in place)."""
    lang = out.get("language", "en")
    answers = out.get("answers") or []
    details = out.get("details") or {}
    value = out.get("value")
    if value is None or answers:
        out["count"] = len(answers)
    unit = details.get("unit") or details.get("currency")
    if unit and value is not None and not isinstance(value, str):
        out["unit"] = unit
    parts: list[str] = []
    if value is not None:
        # a year is a name for a time, not a quantity: "2022", never "2,022"
        text = str(value) if details.get("kind") == "year" else _number(value) + (f" {unit}" if out.get("unit") else "")
        extra = []
        if details.get("year") is not None:
            extra.append(message(lang, "in_year", year=details["year"]))
        if details.get("forecast") is not None:
            extra.append(message(lang, "forecast" if details["forecast"] is True else "actual"))
        if details.get("estimatedBy"):
            firm = details["estimatedBy"]
            e = idx.entities.get(firm) if isinstance(firm, str) else None
            extra.append(message(lang, "by", firm=e.label(lang) if e else firm))
        if details.get("note"):
            extra.append(str(details["note"]))
        parts.append(text + (f" ({', '.join(extra)})" if extra else ""))
    if answers and not (value is not None and out.get("count") is None):
        names = ", ".join(a.get("label_local") or a.get("label") for a in answers[:20])
        if len(answers) > 20:
            names += ", …"
        parts.append(message(lang, "list_summary", n=len(answers), names=names))
    if not parts:
        parts.append(message(lang, "none_summary"))
    if out.get("message"):
        parts.append(out["message"])
    out["summary"] = " ".join(parts)
