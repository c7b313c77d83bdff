"""The silkwatch command line: each command parses its options, calls one library function and renders."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
import typer.core
from rich.console import Console

from .errors import FilterError, SilkwatchError, clip

__all__ = ["app", "main"]

INTERRUPTED = "interrupted: what was committed stays; run the same command again to finish"



# An error message names what it is about, but a 10,000-character input echoed back buries it.
MAX_MESSAGE = 400


def _say_error(e: Exception | str) -> None:
    err.print(f"error: {clip(e, MAX_MESSAGE)}", markup=False, highlight=False)


def _plain_flags(command, ctx) -> None:
    """Flags show no value placeholder in help (Typer shows every boolean option as taking a <bool>)."""
    for param in command.get_params(ctx):
        if getattr(param, "is_flag", False) and param.metavar is None:
            param.metavar = ""


class _Commands(typer.core.TyperGroup):
    """Turns a SilkwatchError from any command into one line on stderr and exit code 1 (2 for a bad filter)."""

    def get_command(self, ctx, name):
        command = super().get_command(ctx, name)
        if command is not None:
            _plain_flags(command, ctx)
        return command

    def format_help(self, ctx, formatter):
        _plain_flags(self, ctx)
        return super().format_help(ctx, formatter)

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except SilkwatchError as e:
            _say_error(e)
            raise typer.Exit(2 if isinstance(e, FilterError) else 1) from None
        except KeyboardInterrupt:  # Typer would exit 130 silently
            err.print(INTERRUPTED, markup=False, highlight=False)
            raise typer.Exit(130) from None


app = typer.Typer(
    name="silkwatch",
    cls=_Commands,
    help="A sourced record of what was said, promised and measured in the China–Central Asia mechanism, built from news.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
export_app = typer.Typer(cls=_Commands, help="Write the record out: claims, facts or stories as JSON Lines, CSV or Parquet.", no_args_is_help=True)
app.add_typer(export_app, name="export")
stories_app = typer.Typer(cls=_Commands, help="Stories: the reports of one news event, in any language, newest first; "
                          "`stories show ID` gives one story's reports, facts and events.")
app.add_typer(stories_app, name="stories")

out = Console(soft_wrap=True)  # one message, one line: never wrapped to the terminal width
err = Console(stderr=True, soft_wrap=True)


class Settings:
    """The global options, resolved once per invocation."""

    db: str | None = None
    profile: str | None = None


settings = Settings()

DB_HELP = "Database URL (SQLAlchemy form, e.g. sqlite:///silkwatch.db or postgresql://…). Default: $SILKWATCH_DB, else sqlite:///silkwatch.db in the working folder."
PROFILE_HELP = "Mechanism profile (TOML). Default: the China–Central Asia profile shipped with silkwatch."


@app.callback()
def _root(
    db: Annotated[Optional[str], typer.Option("--db", envvar="SILKWATCH_DB", help=DB_HELP, show_envvar=True)] = None,
    profile: Annotated[Optional[Path], typer.Option("--profile", help=PROFILE_HELP)] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log what happens, to stderr.")] = False,
) -> None:
    settings.db = db
    settings.profile = str(profile) if profile else None
    # -v tells what silkwatch does; the libraries under it (Alembic, SQLAlchemy) speak only of trouble.
    logging.basicConfig(level=logging.WARNING if verbose else logging.ERROR, format="%(levelname)s %(name)s: %(message)s")
    logging.getLogger("silkwatch").setLevel(logging.INFO if verbose else logging.ERROR)


def store():
    from .store import open_store

    return open_store(settings.db)


def profile():
    from .profile import load_profile

    return load_profile(settings.profile)


def fail(message: str, code: int = 1) -> None:
    _say_error(message)
    raise typer.Exit(code)


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders: seed-style or plain .txt, .html pages, .jsonl (id, url, outlet, published, title, text), .warc/.warc.gz archives.", show_default=False)],
    progress: Annotated[Optional[bool], typer.Option("--progress/--no-progress", help="Show a progress bar (default: when stderr is a terminal).")] = None,
    ray: Annotated[Optional[str], typer.Option("--ray", metavar="ADDRESS", help="Extract on Ray: 'local' starts a cluster on this machine, 'auto' joins the one started here with `ray start`, or ray://HOST:PORT. Needs the ray extra: pip install 'silkwatch\\[ray]'.", show_default=False)] = None,
    ray_workers: Annotated[Optional[int], typer.Option("--ray-workers", min=1, metavar="N", help="Ray actors that parse and extract (default: one per CPU of the cluster).", show_default=False)] = None,
) -> None:
    """Read articles, clean them, extract claims and store them. Re-ingesting the same input adds nothing."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from .pipeline import ingest as run_ingest
    from .runner import ray_runner

    show = err.is_terminal if progress is None else progress
    bar = Progress(TextColumn("ingesting"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), console=err, disable=not show, transient=True)
    with bar:
        task = bar.add_task("ingest", total=None)
        report = run_ingest(
            [str(p) for p in paths],
            store(),
            profile(),
            on_progress=lambda n: bar.advance(task, n),
            on_failure=lambda e: err.print(f"failed: {e}", markup=False, highlight=False),
            runner=ray_runner(ray, ray_workers) if ray else None,
        )
    out.print(report.summary(), markup=False, highlight=False)
    if report.failed:
        raise typer.Exit(1)


@app.command()
def reextract(
    doc_id: Annotated[Optional[list[str]], typer.Option("--doc-id", help="Only this document (repeat for more).", show_default=False)] = None,
    since: Annotated[Optional[str], typer.Option("--since", help="Only documents published on or after this date (YYYY[-MM[-DD]]).", show_default=False)] = None,
    outlet: Annotated[Optional[str], typer.Option("--outlet", help="Only documents of this outlet.", show_default=False)] = None,
    all_docs: Annotated[bool, typer.Option("--all", help="Every stored document.")] = False,
    progress: Annotated[Optional[bool], typer.Option("--progress/--no-progress", help="Show a progress bar (default: when stderr is a terminal).")] = None,
) -> None:
    """Extract stored documents again with this version's extractor, replace their claims, then update facts and stories."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from .pipeline import reextract as run_reextract

    if not (doc_id or since or outlet or all_docs):
        fail("say which documents: --doc-id ID, --since DATE, --outlet NAME, or --all", 2)
    show = err.is_terminal if progress is None else progress
    bar = Progress(TextColumn("re-extracting"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), console=err, disable=not show, transient=True)
    with bar:
        task = bar.add_task("reextract", total=None)
        report = run_reextract(store(), profile(), doc_ids=doc_id or None, since=since, outlet=outlet,
                               on_total=lambda n: bar.update(task, total=n), on_progress=lambda n: bar.advance(task, n))
    out.print(report.summary(), markup=False, highlight=False)
    if report.missing:
        raise typer.Exit(1)


@export_app.command("claims")
def export_claims(
    fmt: Annotated[str, typer.Option("--format", "-f", help="jsonl, csv or parquet.")] = "jsonl",
    out_file: Annotated[Optional[Path], typer.Option("--out", "-o", help="File to write (default: standard output; parquet needs --out).")] = None,
    lang: Annotated[Optional[str], typer.Option("--lang", help="Only claims of documents in this language (ISO 639-1, e.g. ru).")] = None,
) -> None:
    """Every stored claim in the shape of claim.schema.json."""
    from .export import CLAIM_COLUMNS, CLAIM_TYPES, claim_rows

    _export(claim_rows(store(), lang), fmt, out_file, CLAIM_COLUMNS, CLAIM_TYPES)


def _export(rows, fmt: str, out_file: Optional[Path], columns: list[str], types: dict[str, str] | None = None) -> None:
    from .export import FORMATS, export_rows

    if fmt not in FORMATS:
        fail(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}", 2)
    if fmt == "parquet" and out_file is None:
        fail("parquet is binary: give a file with --out", 2)
    if out_file is None:
        n = export_rows(rows, fmt, sys.stdout, columns, types)
    else:
        mode = "wb" if fmt == "parquet" else "w"
        try:
            f = open(out_file, mode, **({} if fmt == "parquet" else {"encoding": "utf-8", "newline": ""}))
        except OSError as e:
            fail(f"cannot write {clip(out_file, 200)}: {e.strerror}")
        with f:
            n = export_rows(rows, fmt, f, columns, types)
        err.print(f"wrote {n} rows to {out_file}", markup=False, highlight=False)


@export_app.command("facts")
def export_facts(
    fmt: Annotated[str, typer.Option("--format", "-f", help="jsonl, csv or parquet.")] = "jsonl",
    out_file: Annotated[Optional[Path], typer.Option("--out", "-o", help="File to write (default: standard output; parquet needs --out).")] = None,
) -> None:
    """Every fact: value, qualifiers, rank, number of independent sources, supporting and conflicting claims."""
    from .export import FACT_COLUMNS, FACT_TYPES
    from .query import fact_rows

    _export(fact_rows(store()), fmt, out_file, FACT_COLUMNS, FACT_TYPES)


@export_app.command("stories")
def export_stories(
    fmt: Annotated[str, typer.Option("--format", "-f", help="jsonl, csv or parquet.")] = "jsonl",
    out_file: Annotated[Optional[Path], typer.Option("--out", "-o", help="File to write (default: standard output; parquet needs --out).")] = None,
) -> None:
    """One line per document: its story (the news event it reports), its copy group (the report it copies; one source), language, outlet and date."""
    from .export import STORY_COLUMNS
    from .query import story_rows

    _export(story_rows(store()), fmt, out_file, STORY_COLUMNS)


@export_app.command("commitments")
def export_commitments(
    fmt: Annotated[str, typer.Option("--format", "-f", help="jsonl, csv or parquet.")] = "jsonl",
    out_file: Annotated[Optional[Path], typer.Option("--out", "-o", help="File to write (default: standard output; parquet needs --out).")] = None,
) -> None:
    """The commitments ledger: one line per promise with its status, reason, meeting, deadline, evidence and wordings."""
    from .export import COMMITMENT_COLUMNS, COMMITMENT_TYPES
    from .ledger import read_ledger

    _export([e.as_dict() for e in read_ledger(store(), profile())], fmt, out_file, COMMITMENT_COLUMNS, COMMITMENT_TYPES)
def _outlets_shown(sources: list[dict]) -> str:
    """The outlets of a fact's reports; reports from no named outlet (a bare file) are counted, not named by file."""
    named = sorted({s["outlet"] for s in sources if s.get("outlet")})
    unnamed = len({s["doc_id"] for s in sources if not s.get("outlet")})
    return ", ".join(named + ([f"{unnamed} without outlet"] if unnamed else []))


def _value_shown(f: dict) -> str:
    from .query import format_amount

    v = f["value"]
    if f["kind"] == "quantity":
        values = v.get("values") or [{"value": v.get("value"), "unit": v.get("unit"), "approx": v.get("approx")}]
        shown = " = ".join(f"{'' if x.get('approx') in (None, 'exact') else x['approx'] + ' '}{format_amount(x['value'])} {x['unit']}" for x in values)
        return shown + (f" (cited: {', '.join(v['sources'])})" if v.get("sources") else "")
    if f["kind"] == "commitment":
        m = v.get("made_at")
        where = f"at {m['event_type'].replace('_', ' ')}{' in ' + m['location'] if m.get('location') else ''}: " if m else ""
        return where + (v.get("text") or "")
    if f["kind"] == "event":
        return " ".join(v.get("participants") or [])
    return v.get("text") or v.get("role") or ""


def _fact_table(rows: list[dict], title: str, as_json: bool) -> None:
    import json

    from rich.table import Table

    from .query import shorten

    if as_json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return
    dated = any(f["kind"] in ("commitment", "event", "quote") for f in rows)
    t = Table(title=f"{title} ({len(rows)})")
    for col in ("rank", "sources", *(("date",) if dated else ()), "fact", "value", "outlets"):
        t.add_column(col)
    for f in rows:
        date = [f["value"].get("date") or f["value"].get("start") or ""] if dated else []
        t.add_row(f["rank"], str(f["n_sources"]), *date, shorten(f["label"], 60), shorten(_value_shown(f), 90),
                  shorten(_outlets_shown(f["supporting"]), 48))
    out.print(t)


JSON_HELP = "Print JSON instead of a table."


@app.command("facts")
def facts_cmd(
    kind: Annotated[Optional[str], typer.Option("--kind", help="quantity, event, quote, role or commitment.")] = None,
    indicator: Annotated[Optional[str], typer.Option("--indicator", help="An indicator of the profile, e.g. trade_volume.")] = None,
    party: Annotated[Optional[str], typer.Option("--party", help="A state or group the fact concerns: code or name, e.g. KZ, Kazakhstan or C5.")] = None,
    since: Annotated[Optional[str], typer.Option("--since", help="Only facts whose period or date is on or after this (YYYY[-MM[-DD]]); a commitment's date is that of the meeting it was made at, else of its report.")] = None,
    rank: Annotated[Optional[str], typer.Option("--rank", help="corroborated, single-source or contested.")] = None,
    made_at: Annotated[Optional[str], typer.Option("--made-at", help="Commitments made at a meeting matching every word, e.g. \"Xi'an summit\".")] = None,
    as_json: Annotated[bool, typer.Option("--json", help=JSON_HELP)] = False,
) -> None:
    """Facts of the record with how many independent sources support each; figures latest period first, events and pledges latest date first."""
    from .filters import fact_filters
    from .query import find_facts

    filters = fact_filters(profile(), kind=kind, indicator=indicator, party=party, since=since, rank=rank)
    _fact_table(find_facts(store(), **filters, made_at=made_at), "facts", as_json)


@app.command()
def conflicts(as_json: Annotated[bool, typer.Option("--json", help=JSON_HELP)] = False) -> None:
    """Contested facts, with the sources on each side."""
    import json

    from .query import conflicts as contested
    from .query import format_amount, shorten

    rows = contested(store())
    if as_json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return
    for f in rows:
        out.print(f"[bold]{f['label']}[/bold]")
        for side, sources in (("says", f["supporting"]), ("but", f["conflicting"])):
            for s in sources:
                c = s["claim"]
                if f["kind"] == "quantity":
                    said = " = ".join(f"{format_amount(x.get('value'))} {x.get('unit')} ({x.get('approx')})" for x in (c, *s.get("also", [])))
                else:
                    said = shorten(c.get("text") or c.get("start") or c.get("country") or "", 90)
                who = s["outlet"] or f"document {s['doc_id']}"
                out.print(f"  {side:>4} {said} — {who}, {s['published'] or 'undated'}", highlight=False)


@app.command()
def timeline(
    party: Annotated[Optional[str], typer.Option("--party", help="Only events this state or group took part in: code or name, e.g. KZ or Kazakhstan.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help=JSON_HELP)] = False,
) -> None:
    """Events of the mechanism by date: name, place, the people who took part, sources; a visit with its talks, signings and ceremonies."""
    import json

    from rich.table import Table

    from .filters import resolve_party
    from .query import shorten
    from .query import timeline as events

    rows = events(store(), resolve_party(profile(), party), profile())
    if as_json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return
    t = Table(title=f"timeline ({len(rows)})")
    for col in ("date", "event", "place", "people", "sources"):
        t.add_column(col)

    def row(f: dict, indent: str = "") -> None:
        v = f["value"]
        when = (v.get("start") or "undated") + (f"…{v['end']}" if v.get("end") and v.get("end") != v.get("start") else "")
        t.add_row(when, indent + f["name"], v.get("location") or "", shorten(", ".join(p["name"] for p in f["people"]), 50),
                  shorten(f"{f['n_sources']}: {_outlets_shown(f['supporting'])}", 40))

    for f in rows:
        row(f)
        for part in f["includes"]:
            row(part, "└ ")
    out.print(t)


@app.command()
def quotes(
    speaker: Annotated[Optional[str], typer.Option("--speaker", help="The speaker's name or whole words of it, e.g. Xi (not Xinhua).")] = None,
    text: Annotated[Optional[str], typer.Option("--text", help="Words the quote must contain.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help=JSON_HELP)] = False,
) -> None:
    """What was said, by whom, when and where reported, latest first; translations and copies of one quote together."""
    import json

    from .query import find_quotes, shorten

    rows = find_quotes(store(), speaker, text, profile())
    if as_json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return
    for f in rows:
        v = f["value"]
        where = shorten(_outlets_shown(f["supporting"]), 60)
        out.print(f"{f['date'] or 'undated'} · [bold]{v.get('speaker')}[/bold] ({f['n_sources']} source{'s' if f['n_sources'] != 1 else ''}: {where}): "
                  f"{v.get('text')}", highlight=False)


@app.command()
def commitments(
    actor: Annotated[Optional[str], typer.Option("--actor", help="A party that promised: code, name or demonym (KZ, Kazakhstan, Kazakh).")] = None,
    status: Annotated[Optional[str], typer.Option("--status", help="announced, in_progress, delivered, overdue or cancelled.")] = None,
    made_at: Annotated[Optional[str], typer.Option("--made-at", help="Words of the meeting the promise was made at, e.g. 'summit Xi'an'.")] = None,
    area: Annotated[Optional[str], typer.Option("--area", help="A cooperation area of the profile (trade, energy, transport, ...).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help=JSON_HELP)] = False,
) -> None:
    """The commitments ledger: each promise once, where and when it was made, the evidence since, and its status."""
    import json

    from rich.table import Table

    from .ledger import compliance, find_commitments, ledger_filters, read_ledger

    prof = profile()
    entries = read_ledger(store(), prof)
    rows = find_commitments(entries, **ledger_filters(prof, actor=actor, status=status, made_at=made_at, area=area))
    if as_json:
        print(json.dumps({"commitments": [e.as_dict() for e in rows], "compliance": compliance(rows)}, ensure_ascii=False, indent=1))
        return
    t = Table(title=f"commitments ({len(rows)}, as of {rows[0].as_of if rows else '–'})")
    for col in ("status", "made", "actors", "area", "promise", "evidence"):
        t.add_column(col)
    for e in rows:
        made = " · ".join(x for x in (e.made_on, e.made_at["label"] if e.made_at else None) if x)
        t.add_row(e.status, made or "–", ",".join(e.actors), e.area or "–", _shorten(e.promise, 90), str(len(e.evidence)))
    out.print(t)


@stories_app.callback(invoke_without_command=True)
def stories_cmd(
    ctx: typer.Context,
    lang: Annotated[Optional[str], typer.Option("--lang", help="Only stories with a report in this language (ISO 639-1, e.g. ru).")] = None,
    since: Annotated[Optional[str], typer.Option("--since", help="Only stories reported on or after this date (YYYY[-MM[-DD]]).")] = None,
    title: Annotated[Optional[str], typer.Option("--title", help="Only stories with a report whose title has every one of these words.")] = None,
    limit: Annotated[int, typer.Option("--limit", min=1, max=10000, help="At most this many stories.")] = 50,
    as_json: Annotated[bool, typer.Option("--json", help=JSON_HELP)] = False,
) -> None:
    """Stories newest first: title, dates, reports, copy groups (one source each), languages and outlets."""
    if ctx.invoked_subcommand is not None:
        return
    import json

    from rich.table import Table

    from .filters import check_date, check_lang
    from .query import find_stories, shorten

    page = find_stories(store(), lang=check_lang(lang), since=check_date(since, "since"), q=title, limit=limit)
    if as_json:
        print(json.dumps(page, ensure_ascii=False, indent=1))
        return
    t = Table(title=f"stories ({len(page['items'])} of {page['total']})")
    t.add_column("story", no_wrap=True)  # the id `stories show` takes, whole
    for col in ("reported", "reports", "copy groups", "lang", "outlets", "title"):
        t.add_column(col)
    for st in page["items"]:
        when = (st["first"] or "undated") + (f"…{st['last']}" if st["last"] and st["last"] != st["first"] else "")
        t.add_row(st["story"], when, str(st["n_documents"]), str(st["n_copy_groups"]), ",".join(st["languages"]),
                  shorten(", ".join(st["outlets"]), 40), shorten(st["title"], 70))
    out.print(t)


@stories_app.command("show")
def story_show(
    story_id: Annotated[str, typer.Argument(help="The story's id, as `silkwatch stories` lists it.", show_default=False)],
    as_json: Annotated[bool, typer.Option("--json", help=JSON_HELP)] = False,
) -> None:
    """One story: its reports in time order with outlet, language and copy group, the facts they are sources of, and its events."""
    import json

    from rich.table import Table

    from .query import shorten, story_record

    st = story_record(store(), story_id)
    if st is None:
        fail(f"no story {clip(story_id)!r}; `silkwatch stories` lists them")
    if as_json:
        print(json.dumps(st, ensure_ascii=False, indent=1))
        return
    out.print(f"[bold]{st['title']}[/bold]", highlight=False)
    out.print(f"{st['n_documents']} reports in {st['n_copy_groups']} copy groups · {', '.join(st['languages']) or '–'} · "
              f"{st['first'] or 'undated'}…{st['last'] or 'undated'}", markup=False, highlight=False)
    t = Table(title="reports")
    for col in ("date", "copy", "lang", "outlet", "document", "title"):
        t.add_column(col)
    for d in st["documents"]:
        t.add_row(d["published"] or "undated", str(d["copy_n"]), d["lang"] or "–", d["outlet"] or "–", d["doc_id"], shorten(d["title"], 60))
    out.print(t)
    for f in st["facts"]:
        n = f["n_sources"]
        out.print(f"fact · {f['kind']} · {f['rank']} · {n} source{'s' if n != 1 else ''} · {shorten(f['label'], 90)}", markup=False, highlight=False)
    for e in st["events"]:
        n = len(e["documents"])
        out.print(f"event · {(e['event_type'] or 'event').replace('_', ' ')} · {e['start'] or 'date unknown'} · {e['location'] or 'place unknown'} "
                  f"({n} report{'s' if n != 1 else ''})", markup=False, highlight=False)


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


@app.command()
def stats(as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False) -> None:
    """What the store holds: documents, languages, claims per kind, outlets, date range, stories and facts."""
    import json

    from rich.table import Table

    s = store().stats()
    if as_json:
        print(json.dumps(s, indent=2))
        return
    t = Table(title="silkwatch store", show_header=False)
    t.add_row("documents", str(s["documents"]))
    t.add_row("published", f"{s['published_from'] or '–'} … {s['published_to'] or '–'} ({s['undated']} undated)")
    t.add_row("claims", str(s["claims_total"]))
    for k, v in s["claims"].items():
        t.add_row(f"  {k}", str(v))
    t.add_row("languages", ", ".join(f"{k} {v}" for k, v in s["languages"].items()) or "–")
    t.add_row("  not in a language we extract", str(s["not_extracted"]))
    t.add_row("outlets", str(len(s["outlets"])))
    for o in s["outlets"][:10]:
        t.add_row(f"  {o['outlet']}", str(o["documents"]))
    t.add_row("stories", f"{s['stories']} ({s['copy_groups']} copy groups)")
    t.add_row("facts", ", ".join(f"{k} {v}" for k, v in sorted(s["facts"].items())) or "0")
    live = s["live_sources"]
    if live["sources"]:
        t.add_row("live sources", f"{live['sources']} ({live['articles']} articles stored, {live['errors']} errors)")
    out.print(t)


@app.command()
def serve(
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.", min=1, max=65535)] = 8000,
) -> None:
    """Serve the web pages and the REST API (/api/, docs at /docs) over the store."""
    import uvicorn

    from .api import create_app

    application = create_app(settings.db, settings.profile)
    sock = _listen(host, port)  # before saying "serving": a busy port is an error, not a promise broken a moment later
    err.print(f"serving silkwatch at http://{host}:{port}/ (API docs at /docs); Ctrl-C stops", markup=False, highlight=False)
    uvicorn.Server(uvicorn.Config(application, log_level="warning")).run(sockets=[sock])


def _listen(host: str, port: int):
    """A socket bound to host:port, or one error line and exit code 1."""
    import socket

    try:
        family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][0]
        sock = socket.socket(family, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
    except socket.gaierror as e:
        fail(f"cannot listen on {host}:{port}: unknown host ({e.strerror})")
    except OSError as e:
        fail(f"cannot listen on {host}:{port}: {(e.strerror or str(e)).lower()}; choose another --port or stop what uses it")
    return sock


@app.command()
def watch(
    sources_file: Annotated[Path, typer.Argument(help="Sources file (TOML): a \\[\\[source]] table per source with name, url, kind (feed, sitemap or urls), every (30m, 2h, 1d), outlet.", show_default=False)],
    once: Annotated[bool, typer.Option("--once", help="Poll every due source once, then stop (for cron).")] = False,
    allow_host: Annotated[Optional[list[str]], typer.Option("--allow-host", metavar="HOST", help="A host that may resolve to a private or loopback address (refused otherwise); repeatable.")] = None,
    min_interval: Annotated[float, typer.Option("--min-interval", metavar="SECONDS", help="Seconds between two requests to one host.")] = 2.0,
) -> None:
    """Follow live sources: poll feeds, sitemaps and URL lists on their schedules and ingest new and changed articles.

    Each fetch is checked against private and local addresses (redirects too), honours robots.txt, is conditional (ETag / Last-Modified) and capped in size. Ctrl-C stops; what was stored stays.
    """
    from .fetch import Fetcher, FetchPolicy
    from .watch import load_sources, watch as run_watch

    sources = load_sources(sources_file)
    policy = FetchPolicy(min_interval=min_interval, allow_hosts=frozenset(h.lower() for h in allow_host or ()))
    failed = 0

    def polled(report) -> None:
        nonlocal failed
        failed += report.failed
        for e in report.errors:
            err.print(f"failed: {e}", markup=False, highlight=False)
        out.print(report.summary(), markup=False, highlight=False)

    with Fetcher(policy) as fetcher:
        if not once:
            err.print(f"watching {len(sources)} sources; Ctrl-C stops", markup=False, highlight=False)
        run_watch(sources, store(), profile(), fetcher, rounds=1 if once else None, on_poll=polled)
    if once and failed:
        raise typer.Exit(1)


def main() -> None:
    """Entry point: run the app; a SilkwatchError becomes one line on stderr and exit code 1."""
    try:
        app()
    except SilkwatchError as e:
        _say_error(e)
        sys.exit(1)
    except Exception as e:  # a bug: one line for the user, the traceback in the log with -v
        logging.getLogger("silkwatch").info("unexpected error", exc_info=True)
        _say_error(f"unexpected {type(e).__name__}: {e} (run with -v for details)")
        sys.exit(1)
    except KeyboardInterrupt:
        err.print(INTERRUPTED, markup=False, highlight=False)
        sys.exit(130)
