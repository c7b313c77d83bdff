"""The HTTP application: the JSON API under /api/ and the web pages, over one store."""

from __future__ import annotations

import csv
import hmac
import io
import logging
import os
import tempfile
from http import HTTPStatus
from dataclasses import asdict
from pathlib import Path

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import FilterError, SilkwatchError, clip
from ..filters import check_choice, check_date, check_lang, fact_filters
from ..ledger import compliance, find_commitments, ledger_filters, read_ledger
from ..profile import load_profile
from ..records import CLAIM_KINDS
from ..store import open_store
from ..store.live import live_stats, source_states
from . import reads

__all__ = ["create_app", "error_response", "MAX_INGEST_BYTES", "CSP", "MAX_OFFSET"]

log = logging.getLogger(__name__)

MAX_INGEST_BYTES = 5 * 1024 * 1024
# No inline script anywhere, nothing from another origin: article text is untrusted.
CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
# Bounded so that no integer reaches the database that it cannot hold (SQLite's are 64-bit).
MAX_OFFSET = 1_000_000_000
LIMIT = Query(50, ge=1, le=500, description="Page size (1–500).")
OFFSET = Query(0, ge=0, le=MAX_OFFSET, description="How many items to skip.")
SINCE = Query(None, description="On or after this date: YYYY, YYYY-MM or YYYY-MM-DD.")
LANG = Query(None, description="ISO 639-1 code, e.g. ru")
MADE_AT = Query(None, max_length=200, description="Commitments made at a meeting whose type, place and date contain every word, e.g. Xi'an summit.")
# An error message echoes what it is about, but never a whole 10,000-character id.
MAX_MESSAGE = 400
SECURITY_HEADERS = {"Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff"}


def _wants_json(request: Request) -> bool:
    path = request.url.path
    return path.startswith("/api/") or path == "/api" or path.endswith(".json")


def error_response(request: Request, status: int, message: str) -> Response:
    """JSON {"error": ...} under /api/, an HTML page elsewhere; both with the security headers,
    which the middleware cannot add to a response made after an unhandled exception."""
    message = clip(message, MAX_MESSAGE)
    if _wants_json(request):
        return JSONResponse({"error": message}, status_code=status, headers=SECURITY_HEADERS)
    from ..web import render

    try:
        reason = HTTPStatus(status).phrase
    except ValueError:
        reason = "Error"
    page = render(request, "error.html", status_code=status, status=status, reason=reason, message=message,
                  path=request.url.path if status == 422 else None)  # the page itself exists: only its options were wrong
    page.headers.update(SECURITY_HEADERS)
    return page


def _add_error_handling(app: FastAPI) -> None:
    """Security headers on every response, and every error as one short message: JSON or a page."""

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        response.headers.update(SECURITY_HEADERS)
        return response

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        return error_response(request, exc.status_code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError):
        msgs = "; ".join(f"{'.'.join(str(p) for p in e['loc'] if p not in ('query', 'path', 'body'))}: {e['msg']}" for e in exc.errors())
        return error_response(request, 422, f"invalid request: {msgs}")

    @app.exception_handler(FilterError)
    async def bad_filter(request: Request, exc: FilterError):
        return error_response(request, 422, str(exc))

    @app.exception_handler(SilkwatchError)
    async def silkwatch_error(request: Request, exc: SilkwatchError):
        return error_response(request, 400, str(exc))

    @app.exception_handler(Exception)
    async def server_error(request: Request, exc: Exception):
        log.error("%s %s failed", request.method, request.url.path, exc_info=exc)
        return error_response(request, 500, "internal error: the server's log has the details")


def create_app(db_url: str | None = None, profile_path: str | None = None) -> FastAPI:
    """The FastAPI application over the store at db_url (default ./silkwatch.db)."""
    store = open_store(db_url)
    profile = load_profile(profile_path)
    app = FastAPI(title="silkwatch", version="0.1.0", docs_url=None, redoc_url=None, dependencies=[Depends(_known_parameters)],
                  description="A sourced record of what was said, promised and measured in the China–Central Asia mechanism.")
    app.state.store, app.state.profile = store, profile

    _add_error_handling(app)

    @app.get("/api/documents", tags=["documents"], summary="Documents, newest first")
    def api_documents(outlet: str | None = None, since: str | None = SINCE, limit: int = LIMIT, offset: int = OFFSET,
                      lang: str | None = LANG):
        return reads.documents_page(store, outlet, check_date(since, "since"), limit, offset, lang)

    @app.get("/api/documents/{doc_id}", tags=["documents"], summary="One document: cleaned text, claims, other copies of its story")
    def api_document(doc_id: str):
        return _found(reads.document_detail(store, doc_id), f"no document {clip(doc_id)!r}")

    @app.get("/api/claims", tags=["claims"], summary="Claims, filtered")
    def api_claims(kind: str | None = None, indicator: str | None = None, doc_id: str | None = None, speaker: str | None = None,
                   person: str | None = None, limit: int = LIMIT, offset: int = OFFSET):
        kind, indicator = check_choice(kind, CLAIM_KINDS, "kind"), check_choice(indicator, [i.key for i in profile.indicators], "indicator")
        return reads.claims_page(store, kind, indicator, doc_id, speaker, person, limit, offset)

    @app.get("/api/facts", tags=["facts"], summary="Facts, filtered by the facets, sorted, paginated")
    def api_facts(kind: str | None = None, indicator: str | None = None, rank: str | None = None, party: str | None = None,
                  outlet: str | None = None, period: str | None = None, since: str | None = SINCE, made_at: str | None = MADE_AT,
                  sort: str = Query("sources", pattern="^(sources|period|value|label)$"), limit: int = LIMIT, offset: int = OFFSET, facets: bool = False):
        filters = fact_filters(profile, kind=kind, indicator=indicator, rank=rank, party=party, outlet=outlet, period=period, since=since,
                               made_at=made_at)
        return reads.facts_page(store, **filters, sort=sort, limit=limit, offset=offset, facets=facets)

    @app.get("/api/facts.csv", tags=["facts"], summary="The same query as CSV")
    def api_facts_csv(kind: str | None = None, indicator: str | None = None, rank: str | None = None, party: str | None = None,
                      outlet: str | None = None, period: str | None = None, since: str | None = SINCE, made_at: str | None = MADE_AT,
                      sort: str = Query("sources", pattern="^(sources|period|value|label)$"), limit: int = Query(500, ge=1, le=5000), offset: int = OFFSET):
        filters = fact_filters(profile, kind=kind, indicator=indicator, rank=rank, party=party, outlet=outlet, period=period, since=since,
                               made_at=made_at)
        page = reads.facts_page(store, **filters, sort=sort, limit=limit, offset=offset)
        buf = io.StringIO()
        w = csv.writer(buf)
        w.writerow(["fact_id", "kind", "label", "rank", "n_sources", "value", "unit", "period"])
        for f in page["items"]:
            w.writerow([f["fact_id"], f["kind"], f["label"], f["rank"], f["n_sources"], f["value"].get("value"), f["value"].get("unit"), f["key"].get("period")])
        return Response(buf.getvalue(), media_type="text/csv")

    @app.get("/api/facts/{fact_id}", tags=["facts"], summary="One fact with its sources and the text around each")
    def api_fact(fact_id: str):
        return _found(reads.fact_detail(store, fact_id), f"no fact {clip(fact_id)!r}")

    @app.get("/api/stories", tags=["stories"], summary="Stories (the reports of one news event, in any language), newest first")
    def api_stories(lang: str | None = LANG, since: str | None = SINCE, q: str | None = Query(None, max_length=200, description="Words in a report's title."),
                    limit: int = LIMIT, offset: int = OFFSET):
        return reads.stories_page(store, lang=check_lang(lang), since=check_date(since, "since"), q=q, limit=limit, offset=offset)

    @app.get("/api/stories/{story_id}", tags=["stories"], summary="One story: its reports in time order with their copy groups, its facts, its events")
    def api_story(story_id: str):
        return _found(reads.story_detail(store, story_id), f"no story {clip(story_id)!r}")

    @app.get("/api/entities", tags=["entities"], summary="States, groups and people of the profile")
    def api_entities():
        return reads.entities(profile)

    @app.get("/api/entities/{key}", tags=["entities"], summary="A state (code or name), group, person, project or body with what concerns them")
    def api_entity(key: str):
        return _found(reads.entity_detail(store, profile, key), f"no state, group, person, project or body {clip(key)!r} in the profile")

    @app.get("/api/commitments", tags=["commitments"], summary="The commitments ledger: promises, evidence, status, compliance")
    def api_commitments(actor: str | None = None, status: str | None = None, made_at: str | None = None, area: str | None = None):
        entries = find_commitments(read_ledger(store, profile), **ledger_filters(profile, actor=actor, status=status, made_at=made_at, area=area))
        return {"items": [e.as_dict() for e in entries], "compliance": compliance(entries)}

    @app.get("/api/commitments/{entry_id}", tags=["commitments"], summary="One promise: every wording with its source, the evidence since")
    def api_commitment(entry_id: str):
        entry = next((e for e in read_ledger(store, profile) if e.entry_id == entry_id), None)
        return _found(entry.as_dict() if entry else None, f"no commitment {clip(entry_id)!r}")

    @app.get("/api/sources", tags=["sources"], summary="Live sources: each one's last and next poll, articles stored, errors")
    def api_sources():
        return {"sources": [asdict(state) for state in source_states(store)], "totals": live_stats(store)}

    @app.get("/api/search", tags=["search"], summary="Documents containing every word of q")
    def api_search(q: str = Query(..., min_length=1, max_length=200), limit: int = LIMIT):
        return {"q": q, "items": reads.search(store, q, limit)}

    @app.post("/api/ingest", tags=["ingest"], summary="Ingest a JSON Lines body of articles (needs the bearer token)")
    async def api_ingest(request: Request):
        token = os.environ.get("SILKWATCH_TOKEN")
        if not token:
            raise HTTPException(403, "writing is disabled: start the server with SILKWATCH_TOKEN set")
        # Compared in constant time, so response timing does not reveal how much of a guess was right.
        if not hmac.compare_digest(request.headers.get("authorization", "").encode(), f"Bearer {token}".encode()):
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
            # In a worker thread: waiting for the store's writer lock or the model must not stall the pages.
            report = await run_in_threadpool(ingest, [str(path)], store, profile)
        failures = [{"line": e.line, "error": e.reason} for e in report.failures]
        return JSONResponse({"read": report.read, "stored": report.stored, "known": report.known, "failed": report.failed,
                             "extractor_errors": report.extractor_errors, "failures": failures},
                            status_code=200 if not report.failed or report.stored or report.known else 400)

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    def docs(request: Request):
        from ..web import render

        return render(request, "docs.html", spec=app.openapi())

    from ..web import mount

    mount(app, store, profile)
    return app


def _known_parameters(request: Request) -> None:
    """An API query parameter the endpoint does not take is an error, not a filter silently ignored."""
    route = request.scope.get("route")
    if route is None or not _wants_json(request) or not hasattr(route, "dependant"):
        return
    known = {p.alias for p in route.dependant.query_params}
    unknown = [k for k in request.query_params if k not in known]
    if unknown:
        takes = f"it takes {', '.join(sorted(known))}" if known else "it takes none"
        raise FilterError(f"unknown parameter {clip(unknown[0])!r} for {clip(request.url.path)}: {takes}")


def _found(value, message: str):
    if value is None:
        raise HTTPException(404, message)
    return value
