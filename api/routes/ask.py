"""/ask: a thin router over `api.ask.answer(question, store)` (the QA helper's package)."""
from __future__ import annotations

import json
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.concurrency import run_in_threadpool

from api.deps import get_store, require_read
from kg import errors

router = APIRouter(tags=["Questions"])


def _answer_fn():
    try:
        from api.ask import answer
    except ImportError:
        raise errors.StoreUnavailable(errors.message("qa_unavailable")) from None
    return answer


async def _run(request: Request, q: str | None) -> dict:
    require_read(request)
    if q is None or not q.strip():
        raise errors.BadInput(errors.message("missing_question"))
    answer = _answer_fn()
    from api.ask import MAX_QUESTION  # one limit, shared with `kg ask`
    if len(q) > MAX_QUESTION:
        raise errors.BadInput(errors.message("question_too_long", limit=MAX_QUESTION))
    return await run_in_threadpool(answer, q.strip(), get_store(request))


@router.get("/ask", summary="Answer a question (en/ja/zh)")
async def ask_get(request: Request, q: Annotated[str | None, Query(description="the question")] = None) -> dict:
    return await _run(request, q)


@router.post("/ask", summary="Answer a question (form field q or JSON {\"q\": ...})",
             openapi_extra={"requestBody": {"content": {
                 "application/json": {"schema": {"type": "object", "properties": {"q": {"type": "string"}}}},
                 "application/x-www-form-urlencoded": {"schema": {"type": "object", "properties": {"q": {"type": "string"}}}}}}})
async def ask_post(request: Request) -> dict:
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    raw = await request.body()
    q = request.query_params.get("q")
    if media == "application/json":
        try:
            body = json.loads(raw or b"{}")
        except ValueError:
            raise errors.BadInput(errors.message("bad_json_body")) from None
        if not isinstance(body, dict) or not isinstance(body.get("q", ""), str):
            raise errors.BadInput(errors.message("ask_json_shape"))
        q = body.get("q", q)
    elif media in ("application/x-www-form-urlencoded", "multipart/form-data"):
        form = await request.form()
        value = form.get("q", q)
        q = value if isinstance(value, str) else q
    elif raw:
        raise errors.UnsupportedMediaType(errors.message("ask_media"))
    return await _run(request, q)
