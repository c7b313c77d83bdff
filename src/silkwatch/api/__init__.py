"""The HTTP application: the JSON API under /api/ and the web pages, over one store."""

from __future__ import annotations

import csv
import io
import os
import tempfile
from pathlib import Path

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import SilkwatchError
from ..profile import load_profile
from ..store import open_store
from . import reads

__all__ = ["create_app", "MAX_INGEST_BYTES", "CSP"]

MAX_INGEST_BYTES = 5 * 1024 * 1024
# No inline script anywhere, nothing from another origin: article text is untrusted.
CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
LIMIT = Query(50, ge=1, le=500, description="Page size (1–500).")
OFFSET = Query(0, ge=0, description="How many items to skip.")


def create_app(db_url: str | None = None, profile_path: str | None = None) -> FastAPI:
    """The FastAPI application over the store at db_url (default ./silkwatch.db)."""
    store = open_store(db_url)
    profile = load_profile(profile_path)
    app = FastAPI(title="silkwatch", version="0.1.0", docs_url=None, redoc_url=None,
                  description="A sourced record of what was said, promised and measured in the China–Central Asia mechanism.")
    app.state.store, app.state.profile = store, profile

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        return response

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        return JSONResponse({"error": str(exc.detail)}, status_code=exc.status_code)

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError):
        msgs = "; ".join(f"{'.'.join(str(p) for p in e['loc'] if p not in ('query', 'path', 'body'))}: {e['msg']}" for e in exc.errors())
        return JSONResponse({"error": f"invalid request: {msgs}"}, status_code=422)

    @app.exception_handler(SilkwatchError)
    async def silkwatch_error(request: Request, exc: SilkwatchError):
        return JSONResponse({"error": str(exc)}, status_code=400)

    @app.get("/api/documents", tags=["documents"], summary="Documents, newest first")
    def api_documents(outlet: str | None = None, since: str | None = Query(None, description="YYYY-MM-DD"), limit: int = LIMIT, offset: int = OFFSET,
                      lang: str | None = Query(None, description="ISO 639-1 code, e.g. ru")):
        return reads.documents_page(store, outlet, since, limit, offset, lang)

    @app.get("/api/documents/{doc_id}", tags=["documents"], summary="One document: cleaned text, claims, other copies of its story")
    def api_document(doc_id: str):
        return _found(reads.document_detail(store, doc_id), f"no document {doc_id!r}")

    @app.get("/api/claims", tags=["claims"], summary="Claims, filtered")
    def api_claims(kind: str | None = None, indicator: str | None = None, doc_id: str | None = None, speaker: str | None = None,
                   person: str | None = None, limit: int = LIMIT, offset: int = OFFSET):
        return reads.claims_page(store, kind, indicator, doc_id, speaker, person, limit, offset)

    @app.get("/api/facts", tags=["facts"], summary="Facts, filtered by the facets, sorted, paginated")
    def api_facts(kind: str | None = None, indicator: str | None = None, rank: str | None = None, party: str | None = None,
                  outlet: str | None = None, period: str | None = None, sort: str = Query("sources", pattern="^(sources|period|value|label)$"),
                  limit: int = LIMIT, offset: int = OFFSET, facets: bool = False):
        return reads.facts_page(store, kind, indicator, rank, party, outlet, period, sort, limit, offset, facets)

    @app.get("/api/facts.csv", tags=["facts"], summary="The same query as CSV")
    def api_facts_csv(kind: str | None = None, indicator: str | None = None, rank: str | None = None, party: str | None = None,
                      outlet: str | None = None, period: str | None = None, sort: str = Query("sources", pattern="^(sources|period|value|label)$"),
                      limit: int = Query(500, ge=1, le=5000), offset: int = OFFSET):
        page = reads.facts_page(store, kind, indicator, rank, party, outlet, period, sort, limit, offset)
        buf = io.StringIO()
        w = csv.writer(buf)
        w.writerow(["fact_id", "kind", "label", "rank", "n_sources", "value", "unit", "period"])
        for f in page["items"]:
            w.writerow([f["fact_id"], f["kind"], f["label"], f["rank"], f["n_sources"], f["value"].get("value"), f["value"].get("unit"), f["key"].get("period")])
        return Response(buf.getvalue(), media_type="text/csv")

    @app.get("/api/facts/{fact_id}", tags=["facts"], summary="One fact with its sources and the text around each")
    def api_fact(fact_id: str):
        return _found(reads.fact_detail(store, fact_id), f"no fact {fact_id!r}")

    @app.get("/api/stories", tags=["stories"], summary="Stories: the documents that are copies of one report")
    def api_stories(limit: int = LIMIT, offset: int = OFFSET):
        return reads.stories_page(store, limit, offset)

    @app.get("/api/entities", tags=["entities"], summary="States, groups and people of the profile")
    def api_entities():
        return reads.entities(profile)

    @app.get("/api/entities/{key}", tags=["entities"], summary="A state (code or name), group or person with what concerns them")
    def api_entity(key: str):
        return _found(reads.entity_detail(store, profile, key), f"no state, group or person {key!r} in the profile")

    @app.get("/api/search", tags=["search"], summary="Documents containing every word of q")
    def api_search(q: str = Query(..., min_length=1, max_length=200), limit: int = LIMIT):
        return {"q": q, "items": reads.search(store, q, limit)}

    @app.post("/api/ingest", tags=["ingest"], summary="Ingest a JSON Lines body of articles (needs the bearer token)")
    async def api_ingest(request: Request):
        token = os.environ.get("SILKWATCH_TOKEN")
        if not token:
            raise HTTPException(403, "writing is disabled: start the server with SILKWATCH_TOKEN set")
        if request.headers.get("authorization") != f"Bearer {token}":
            raise HTTPException(401, "send 'Authorization: Bearer <SILKWATCH_TOKEN>'")
        if int(request.headers.get("content-length") or 0) > MAX_INGEST_BYTES:
            raise HTTPException(413, f"body larger than {MAX_INGEST_BYTES // 1024 // 1024} MB: split it into smaller requests")
        body = b""
        async for chunk in request.stream():
            body += chunk
            if len(body) > MAX_INGEST_BYTES:
                raise HTTPException(413, f"body larger than {MAX_INGEST_BYTES // 1024 // 1024} MB: split it into smaller requests")
        if not body.strip():
            raise HTTPException(400, "empty body: send one JSON object per line with at least 'id' and 'text'")
        from ..pipeline import ingest

        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "request.jsonl"
            path.write_bytes(body)
            report = ingest([str(path)], store, profile)
        failures = [{"line": e.line, "error": e.reason} for e in report.failures]
        return JSONResponse({"read": report.read, "stored": report.stored, "known": report.known, "failed": report.failed, "failures": failures},
                            status_code=200 if not report.failed or report.stored or report.known else 400)

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    def docs(request: Request):
        from ..web import render

        return render(request, "docs.html", spec=app.openapi())

    from ..web import mount

    mount(app, store, profile)
    return app


def _found(value, message: str):
    if value is None:
        raise HTTPException(404, message)
    return value
