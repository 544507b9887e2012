"""Output formats as a registry, as rdflib's plugin.register: name, media type, extension, writer.

`kg query --format`, `kg export --format` and the `/sparql` content negotiation all read this registry;
a new format is one module plus one `register(...)` call.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from kg import errors
from kg.memo import short_text_cache


@dataclass(frozen=True)
class Format:
    name: str
    media_type: str
    extension: str
    kind: str  # "results" (SELECT/ASK) or "graph" (CONSTRUCT/DESCRIBE/export)
    write: Callable  # (Result or quads) -> bytes
    aliases: tuple[str, ...] = ()
    dataset: bool = False  # can carry named graphs


_REGISTRY: dict[str, Format] = {}


def register(fmt: Format) -> Format:
    for key in (fmt.name, fmt.media_type, fmt.extension, *fmt.aliases):
        _REGISTRY[key.lower()] = fmt
    return fmt


def get(name: str, kind: str | None = None) -> Format:
    fmt = _REGISTRY.get(name.lower().strip())
    if fmt is None or (kind and fmt.kind != kind):
        raise errors.BadInput(errors.message("unknown_format", fmt=name, known=", ".join(names(kind))))
    return fmt


def names(kind: str | None = None) -> list[str]:
    return sorted({f.name for f in _REGISTRY.values() if kind is None or f.kind == kind})


def all_formats(kind: str | None = None) -> list[Format]:
    seen: dict[str, Format] = {}
    for f in _REGISTRY.values():
        if kind is None or f.kind == kind:
            seen[f.name] = f
    return list(seen.values())


def accepted(accept: str) -> list[str]:
    """Media types of an HTTP Accept header, most preferred first (q-values honoured, q=0 dropped)."""
    return list(_accepted(accept))


@short_text_cache()
def _accepted(accept: str) -> tuple[str, ...]:
    choices = []
    for i, part in enumerate(accept.split(",")):
        bits = [b.strip() for b in part.split(";")]
        q = 1.0
        for b in bits[1:]:
            if b.startswith("q="):
                try:
                    q = float(b[2:])
                except ValueError:
                    q = 0.0
        if q > 0:
            choices.append((-q, i, bits[0].lower()))
    return tuple(media for _, _, media in sorted(choices))


def negotiate(accept: str | None, kind: str, default: str) -> Format:
    """Pick a format from an HTTP Accept header (q-values honoured); raise NotAcceptable."""
    if not accept or accept.strip() in ("*/*", ""):
        return get(default)
    for media in accepted(accept):
        if media in ("*/*", "application/*", "text/*"):
            return get(default)
        fmt = _REGISTRY.get(media)
        if fmt and fmt.kind == kind:
            return fmt
    raise errors.NotAcceptable(errors.message("not_acceptable", accept=accept))


def _load_builtin() -> None:
    from kg.formats import csv, json, jsonld, nquads, ntriples, rdfxml, table, trig, tsv, turtle, xml  # noqa: F401


_load_builtin()
