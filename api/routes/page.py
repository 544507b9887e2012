"""The web page: `/` serves api/static/index.html, `/static` the page's files, and `/static/vendor/{pkg}/{path}`
files from web/node_modules (read-only, confined to that folder). `/docs` (Swagger UI) and `/redoc` (ReDoc) are
built here too, with their scripts served from web/node_modules, so they render with no internet."""
from __future__ import annotations

import mimetypes
from pathlib import Path

from fastapi import APIRouter, FastAPI
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html, get_swagger_ui_oauth2_redirect_html
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
        raise errors.NotFound(errors.message("page_not_found"))
    base = root.resolve()
    path = (base / rel).resolve()
    if base != path and base not in path.parents or not path.is_file():
        raise errors.NotFound(errors.message("page_not_found"))
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
        raise errors.NotFound(errors.message("no_web_packages"))
    file = safe_path(VENDOR_DIR, pkg, path)
    media = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
    if file.suffix in (".js", ".mjs"):
        media = "text/javascript; charset=utf-8"
    return FileResponse(file, media_type=media)


# The OpenAPI pages' assets, as `make install` puts them in web/node_modules (package: path inside it).
SWAGGER_JS = "/static/vendor/swagger-ui-dist/swagger-ui-bundle.js"
SWAGGER_CSS = "/static/vendor/swagger-ui-dist/swagger-ui.css"
SWAGGER_ICON = "/static/vendor/swagger-ui-dist/favicon-32x32.png"
REDOC_JS = "/static/vendor/redoc/bundles/redoc.standalone.js"
DOCS_MISSING = """<!doctype html><meta charset="utf-8"><title>aichip-kg API</title>
<h1>aichip-kg API</h1><p>The {what} files are not installed (run <code>make install</code>). The OpenAPI description
is at <a href="/openapi.json">/openapi.json</a>.</p>"""


# Both pages may load from this server only (ReDoc's sidebar asks cdn.redoc.ly for a logo, with no option to
# turn it off: the policy stops that request in the browser; the image hides itself when it fails).
DOCS_POLICY = ("default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
               "img-src 'self' data:; font-src 'self' data:; worker-src 'self' blob:; connect-src 'self'")


def _local_only(response: HTMLResponse) -> HTMLResponse:
    response.headers["Content-Security-Policy"] = DOCS_POLICY
    return response


def _installed(url: str) -> bool:
    return (VENDOR_DIR / url.removeprefix("/static/vendor/")).is_file()


def add_docs(app: FastAPI) -> None:
    """`/docs` and `/redoc` from local assets (create the app with docs_url=None, redoc_url=None).

    Swagger UI's validator badge (validator.swagger.io) and ReDoc's Google Fonts are off: nothing is fetched
    from anywhere but this server."""
    openapi_url = app.openapi_url or "/openapi.json"
    oauth2 = app.swagger_ui_oauth2_redirect_url or "/docs/oauth2-redirect"

    @app.get("/docs", include_in_schema=False)
    async def swagger_ui() -> HTMLResponse:
        if not _installed(SWAGGER_JS):
            return HTMLResponse(DOCS_MISSING.format(what="Swagger UI"))
        return _local_only(get_swagger_ui_html(
            openapi_url=openapi_url, title=app.title + " · API", swagger_js_url=SWAGGER_JS, swagger_css_url=SWAGGER_CSS,
            swagger_favicon_url=SWAGGER_ICON, oauth2_redirect_url=oauth2,
            swagger_ui_parameters={"validatorUrl": None, "deepLinking": True}))

    @app.get(oauth2, include_in_schema=False)
    async def swagger_ui_redirect() -> HTMLResponse:
        return get_swagger_ui_oauth2_redirect_html()

    @app.get("/redoc", include_in_schema=False)
    async def redoc() -> HTMLResponse:
        if not _installed(REDOC_JS):
            return HTMLResponse(DOCS_MISSING.format(what="ReDoc"))
        return _local_only(get_redoc_html(openapi_url=openapi_url, title=app.title + " · API reference",
                                          redoc_js_url=REDOC_JS, redoc_favicon_url=SWAGGER_ICON, with_google_fonts=False))


def mount_static(app: FastAPI) -> None:
    """Mount api/static at /static (after the vendor route, which takes precedence)."""
    app.mount("/static", StaticFiles(directory=str(STATIC_DIR), check_dir=False), name="static")
