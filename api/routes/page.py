"""The web page: `/` serves api/static/index.html, `/static` the page's files, and `/static/vendor/{pkg}/{path}`
files from web/node_modules (read-only, confined to that folder)."""
from __future__ import annotations

import mimetypes
from pathlib import Path

from fastapi import APIRouter, FastAPI
from fastapi.responses import FileResponse, HTMLResponse
from starlette.staticfiles import StaticFiles

from kg import errors

router = APIRouter(include_in_schema=False)

API_DIR = Path(__file__).resolve().parents[1]
STATIC_DIR = API_DIR / "static"
VENDOR_DIR = API_DIR.parent / "web" / "node_modules"

PLACEHOLDER = """<!doctype html><meta charset="utf-8"><title>aichip-kg</title>
<h1>aichip-kg</h1><p>The web page is not installed. The API is at <a href="/docs">/docs</a>;
SPARQL at <a href="/sparql">/sparql</a>.</p>"""


def safe_path(root: Path, *parts: str) -> Path:
    """`root/parts…` if it is a file inside root (no `..`, no symlink escape), else NotFound."""
    rel = Path(*parts)
    if rel.is_absolute() or ".." in rel.parts:
        raise errors.NotFound("no such file")
    base = root.resolve()
    path = (base / rel).resolve()
    if base != path and base not in path.parents or not path.is_file():
        raise errors.NotFound("no such file")
    return path


@router.get("/")
async def index():
    page = STATIC_DIR / "index.html"
    if page.is_file():
        return FileResponse(page, media_type="text/html; charset=utf-8")
    return HTMLResponse(PLACEHOLDER)


@router.get("/static/vendor/{pkg}/{path:path}")
async def vendor(pkg: str, path: str):
    if not VENDOR_DIR.is_dir():
        raise errors.NotFound("no vendored web packages installed")
    file = safe_path(VENDOR_DIR, pkg, path)
    media = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
    if file.suffix in (".js", ".mjs"):
        media = "text/javascript; charset=utf-8"
    return FileResponse(file, media_type=media)


def mount_static(app: FastAPI) -> None:
    """Mount api/static at /static (after the vendor route, which takes precedence)."""
    app.mount("/static", StaticFiles(directory=str(STATIC_DIR), check_dir=False), name="static")
