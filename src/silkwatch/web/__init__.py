"""The web pages: server-rendered, no inline script, every piece of article text escaped."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlencode

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from ..api import MAX_OFFSET, reads
from ..filters import check_choice, check_date, check_lang, fact_filters, resolve_party
from ..ledger import STATUSES, compliance, find_commitments, ledger_filters, ledger_summary, read_ledger
from ..query import format_amount
from ..store.live import live_stats, source_states
from .bars import bar_chart, status_segments
from .chart import line_chart, period_label
from .marks import marked_segments

__all__ = ["mount", "render"]

HERE = Path(__file__).parent
templates = Jinja2Templates(directory=str(HERE / "templates"))  # autoescape on for .html


def render(request: Request, name: str, status_code: int = 200, **context) -> HTMLResponse:
    return templates.TemplateResponse(request, name, context, status_code=status_code)


def _query(request: Request, **change) -> str:
    params = {k: v for k, v in request.query_params.items() if k not in change and k != "offset"}
    params.update({k: v for k, v in change.items() if v not in (None, "")})
    return urlencode(params)


def mount(app: FastAPI, store, profile) -> None:
    """Add the pages and their static files to the application."""
    from swagger_ui_bundle import swagger_ui_path

    # Swagger UI from its installed package, so that the interactive docs need no network.
    app.mount("/static/swagger", StaticFiles(directory=str(swagger_ui_path)), name="swagger")
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    templates.env.globals["query"] = _query
    templates.env.filters["amount"] = format_amount
    templates.env.globals["segments"] = status_segments
    templates.env.filters["period"] = period_label

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def overview(request: Request):
        data = reads.overview(store, profile)
        return render(request, "overview.html", chart=line_chart(data["trade"]), group=profile.group_code, **data)

    @app.get("/facts/series", response_class=HTMLResponse, include_in_schema=False)
    def fact_series(request: Request, indicator: str = Query("trade_volume", max_length=64),
                    parties: str = Query("", max_length=200, description="Comma-separated states or groups (codes or names), e.g. C5,CN")):
        from ..query import series

        indicator = check_choice(indicator, [i.key for i in profile.indicators], "indicator")
        codes = [resolve_party(profile, c) for c in parties.split(",") if c.strip()] or [profile.group_code, "CN"]
        points = series(store, indicator, codes)
        rows: dict[str, dict] = {}
        for p in reversed(points):  # one row per fact, latest period first, with its value in every currency
            rows.setdefault(p["fact_id"], dict(p, values=[]))["values"].append(p)
        return render(request, "series.html", rows=list(rows.values()), chart=line_chart(points), indicator=indicator, parties=sorted(codes),
                      indicators=[i.key for i in profile.indicators])

    @app.get("/facts", response_class=HTMLResponse, include_in_schema=False)
    def facts(request: Request, kind: str | None = None, indicator: str | None = None, rank: str | None = None, party: str | None = None,
              outlet: str | None = None, period: str | None = None, made_at: str | None = Query(None, max_length=200),
              sort: str | None = Query(None, pattern="^(sources|period|value|label)$"), offset: int = Query(0, ge=0, le=MAX_OFFSET)):
        filters = fact_filters(profile, kind=kind, indicator=indicator, rank=rank, party=party, outlet=outlet, period=period, made_at=made_at)
        # Figures, events, pledges and quotes are read by when they were; the rest by how well supported.
        sort = sort or ("period" if filters.get("indicator") or filters.get("kind") in ("quantity", "event", "commitment", "quote") else "sources")
        page = reads.facts_page(store, **filters, sort=sort, limit=50, offset=offset, facets=True)
        return render(request, "facts.html", page=page, qs=_query(request), sort=sort,
                      active={k: v for k, v in dict(kind=kind, indicator=indicator, rank=rank, party=party, outlet=outlet, period=period,
                                                    made_at=made_at).items() if v})

    @app.get("/facts/{fact_id}", response_class=HTMLResponse, include_in_schema=False)
    def fact(request: Request, fact_id: str):
        f = reads.fact_detail(store, fact_id)
        if f is None:
            raise HTTPException(404, f"no fact {fact_id!r}")
        return render(request, "fact.html", fact=f)

    @app.get("/stories", response_class=HTMLResponse, include_in_schema=False)
    def stories(request: Request, lang: str | None = Query(None, max_length=16), since: str | None = Query(None, max_length=10),
                q: str | None = Query(None, max_length=200), offset: int = Query(0, ge=0, le=MAX_OFFSET)):
        page = reads.stories_page(store, lang=check_lang(lang), since=check_date(since, "since"), q=q, limit=50, offset=offset)
        return render(request, "stories.html", page=page, qs=_query(request),
                      active={"lang": lang or "", "since": since or "", "q": q or ""})

    @app.get("/stories/{story_id}", response_class=HTMLResponse, include_in_schema=False)
    def story(request: Request, story_id: str):
        s = reads.story_detail(store, story_id)
        if s is None:
            raise HTTPException(404, f"no story {story_id!r}")
        return render(request, "story.html", s=s)

    @app.get("/timeline", response_class=HTMLResponse, include_in_schema=False)
    def timeline(request: Request, party: str | None = None):
        from ..query import timeline as events

        return render(request, "timeline.html", events=events(store, resolve_party(profile, party), profile), party=party, states=profile.states)

    @app.get("/quotes", response_class=HTMLResponse, include_in_schema=False)
    def quotes(request: Request, speaker: str | None = None, q: str | None = None):
        from ..query import find_quotes

        return render(request, "quotes.html", quotes=find_quotes(store, speaker, q, profile), speaker=speaker or "", q=q or "")

    @app.get("/entities/{key}", response_class=HTMLResponse, include_in_schema=False)
    def entity(request: Request, key: str):
        e = reads.entity_detail(store, profile, key)
        if e is None:
            raise HTTPException(404, f"no state, group, person, project or body {key!r} in the profile")
        return render(request, "entity.html", e=e)

    @app.get("/documents/{doc_id}", response_class=HTMLResponse, include_in_schema=False)
    def document(request: Request, doc_id: str):
        d = reads.document_detail(store, doc_id)
        if d is None:
            raise HTTPException(404, f"no document {doc_id!r}")
        return render(request, "document.html", d=d, segments=marked_segments(d["text"], d["claims"]))

    @app.get("/commitments", response_class=HTMLResponse, include_in_schema=False)
    def commitments(request: Request, actor: str | None = None, status: str | None = None, made_at: str | None = None, area: str | None = None):
        entries = find_commitments(read_ledger(store, profile), **ledger_filters(profile, actor=actor, status=status, made_at=made_at, area=area))
        return render(request, "commitments.html", entries=entries, summary=ledger_summary(entries), chart=bar_chart(compliance(entries)["members"]),
                      statuses=STATUSES, areas=[a.key for a in profile.areas], active=dict(actor=actor or "", status=status or "", made_at=made_at or "", area=area or ""))

    @app.get("/commitments/{entry_id}", response_class=HTMLResponse, include_in_schema=False)
    def commitment(request: Request, entry_id: str):
        entry = next((e for e in read_ledger(store, profile) if e.entry_id == entry_id), None)
        if entry is None:
            raise HTTPException(404, "no such commitment")
        return render(request, "commitment.html", e=entry)

    @app.get("/sources", response_class=HTMLResponse, include_in_schema=False)
    def sources(request: Request):
        return render(request, "sources.html", sources=source_states(store), totals=live_stats(store))

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search(request: Request, q: str = Query("", max_length=200)):
        return render(request, "search.html", q=q, results=reads.search(store, q) if q.strip() else [])
