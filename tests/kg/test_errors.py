"""kg/errors.py keeps every user-facing message: each key formats, each call site fills it, none is inline."""
from __future__ import annotations

import ast
import string
from pathlib import Path

import pytest

from kg import errors

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("aichip_kg", "api", "kg", "ingest", "ontology")
# modules whose messages all live in MESSAGES; a message written inline there again fails the test below
MOVED = sorted({ROOT / p for p in (
    "aichip_kg/cli.py", "api/deps.py", "api/entities.py", "api/graphstore.py", "api/protocol.py",
    "api/routes/ask.py", "api/routes/entities.py", "api/routes/page.py", "api/middleware.py", "api/routes/sparql.py", "api/routes/store.py",
    "ingest/cluster.py", "ingest/run.py", "ingest/readers/__init__.py", "ingest/readers/pdf.py", "kg/executor.py",
    "kg/formats/__init__.py", "kg/store.py")}
    | set((ROOT / "kg/backends").glob("*.py")) | set((ROOT / "kg/analytics").glob("*.py")))
ERROR_CLASSES = {name for name, obj in vars(errors).items()
                 if isinstance(obj, type) and issubclass(obj, errors.KGError)}


def placeholders(template: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(template) if field is not None}


@pytest.mark.parametrize("key", sorted(errors.MESSAGES))
def test_message_formats_with_its_placeholders(key: str) -> None:
    fields = placeholders(errors.MESSAGES[key])
    assert all(f.isidentifier() for f in fields), f"{key}: placeholders must be names, got {fields}"
    text = errors.message(key, **{f: 1234 for f in fields})  # an int suits !r, :, and :g alike
    assert "{" not in text and "}" not in text
    assert text.strip() == text and text
    for missing in fields:
        with pytest.raises(KeyError):
            errors.message(key, **{f: 1 for f in fields - {missing}})


def _modules(paths=None):
    for path in paths or (p for pkg in PACKAGES for p in sorted((ROOT / pkg).rglob("*.py"))):
        yield path, ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def _is_errors_attr(node: ast.AST, names: set[str] | None = None) -> bool:
    return (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "errors"
            and (names is None or node.attr in names))


def test_every_message_call_names_a_key_and_fills_exactly_its_placeholders() -> None:
    calls = 0
    for path, tree in _modules():
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and _is_errors_attr(node.func, {"message"})):
                continue
            calls += 1
            where = f"{path.relative_to(ROOT)}:{node.lineno}"
            key = node.args[0]
            assert isinstance(key, ast.Constant) and key.value in errors.MESSAGES, f"{where}: unknown key"
            if any(kw.arg is None for kw in node.keywords):  # **kwargs: cannot check statically
                continue
            given = {kw.arg for kw in node.keywords}
            assert given == placeholders(errors.MESSAGES[key.value]), f"{where}: {key.value} given {given}"
    assert calls >= len(errors.MESSAGES)


def _inline_strings(node: ast.AST) -> list[str]:
    """String literals in an error's message argument outside errors.message(...) (whose values may join names)."""
    if isinstance(node, ast.Call) and _is_errors_attr(node.func, {"message"}):
        return []
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.JoinedStr):
        return ["f-string"]
    return [s for child in ast.iter_child_nodes(node) for s in _inline_strings(child)]


def test_moved_modules_raise_no_inline_message() -> None:
    assert len(MOVED) > 15 and all(p.exists() for p in MOVED)
    inline = []
    for path, tree in _modules(MOVED):
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and _is_errors_attr(node.func, ERROR_CLASSES) and node.args:
                if _inline_strings(node.args[0]):
                    inline.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert not inline, f"messages written inline (move them to kg/errors.py MESSAGES): {inline}"


def test_inline_check_catches_a_literal() -> None:
    bad = ast.parse('raise errors.BadInput(f"{p}: empty")\nraise errors.NotFound("no " + x)').body
    good = ast.parse('raise errors.BadInput(errors.message("empty_file", path=p))').body
    assert all(_inline_strings(stmt.exc.args[0]) for stmt in bad)
    assert not _inline_strings(good[0].exc.args[0])
