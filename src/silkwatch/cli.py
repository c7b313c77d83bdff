"""The silkwatch command line: each command parses its options, calls one library function and renders."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
import typer.core
from rich.console import Console

from .errors import SilkwatchError

__all__ = ["app", "main"]

INTERRUPTED = "interrupted: what was committed stays; run the same command again to finish"



class _Commands(typer.core.TyperGroup):
    """Turns a SilkwatchError from any command into one line on stderr and exit code 1."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except SilkwatchError as e:
            err.print(f"error: {e}", markup=False, highlight=False)
            raise typer.Exit(1) from None
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
export_app = typer.Typer(help="Write the record out: claims, facts or stories as JSON Lines, CSV or Parquet.", no_args_is_help=True)
app.add_typer(export_app, name="export")

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
    logging.basicConfig(level=logging.INFO if verbose else logging.ERROR, format="%(levelname)s %(name)s: %(message)s")


def store():
    from .store import open_store

    return open_store(settings.db)


def profile():
    from .profile import load_profile

    return load_profile(settings.profile)


def fail(message: str, code: int = 1) -> None:
    err.print(f"error: {message}", markup=False, highlight=False)
    raise typer.Exit(code)


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders: seed-style or plain .txt, .html pages, .jsonl (id, url, outlet, published, title, text).", show_default=False)],
    progress: Annotated[Optional[bool], typer.Option("--progress/--no-progress", help="Show a progress bar (default: when stderr is a terminal).")] = None,
) -> None:
    """Read articles, clean them, extract claims and store them. Re-ingesting the same input adds nothing."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from .pipeline import ingest as run_ingest

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
        )
    out.print(report.summary(), markup=False, highlight=False)
    if report.failed:
        raise typer.Exit(1)


@export_app.command("claims")
def export_claims(
    fmt: Annotated[str, typer.Option("--format", "-f", help="jsonl, csv or parquet.")] = "jsonl",
    out_file: Annotated[Optional[Path], typer.Option("--out", "-o", help="File to write (default: standard output; parquet needs --out).")] = None,
    lang: Annotated[Optional[str], typer.Option("--lang", help="Only claims of documents in this language (ISO 639-1, e.g. ru).")] = None,
) -> None:
    """Every stored claim in the shape of claim.schema.json."""
    from .export import CLAIM_COLUMNS, claim_rows

    _export(claim_rows(store(), lang), fmt, out_file, CLAIM_COLUMNS)


def _export(rows, fmt: str, out_file: Optional[Path], columns: list[str] | None = None) -> None:
    from .export import FORMATS, export_rows

    if fmt not in FORMATS:
        fail(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}", 2)
    if fmt == "parquet" and out_file is None:
        fail("parquet is binary: give a file with --out", 2)
    if out_file is None:
        n = export_rows(rows, fmt, sys.stdout, columns)
    else:
        mode = "wb" if fmt == "parquet" else "w"
        with open(out_file, mode, **({} if fmt == "parquet" else {"encoding": "utf-8", "newline": ""})) as f:
            n = export_rows(rows, fmt, f, columns)
        err.print(f"wrote {n} rows to {out_file}", markup=False, highlight=False)


@export_app.command("facts")
def export_facts(
    fmt: Annotated[str, typer.Option("--format", "-f", help="jsonl, csv or parquet.")] = "jsonl",
    out_file: Annotated[Optional[Path], typer.Option("--out", "-o", help="File to write (default: standard output; parquet needs --out).")] = None,
) -> None:
    """Every fact: value, qualifiers, rank, number of independent sources, supporting and conflicting claims."""
    from .query import fact_rows

    _export(fact_rows(store()), fmt, out_file, ["fact_id", "kind", "rank", "n_sources", "label", "parties", "key", "value", "supporting", "conflicting"])


@export_app.command("stories")
def export_stories(
    fmt: Annotated[str, typer.Option("--format", "-f", help="jsonl, csv or parquet.")] = "jsonl",
    out_file: Annotated[Optional[Path], typer.Option("--out", "-o", help="File to write (default: standard output; parquet needs --out).")] = None,
) -> None:
    """One line per document: {"doc_id": ..., "story": ...}; copies of one report share a story."""
    from .query import story_rows

    _export(story_rows(store()), fmt, out_file, ["doc_id", "story"])


def _fact_table(rows: list[dict], title: str, as_json: bool) -> None:
    import json

    from rich.table import Table

    from .query import format_amount

    if as_json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return
    t = Table(title=f"{title} ({len(rows)})")
    for col in ("rank", "sources", "fact", "value", "outlets"):
        t.add_column(col)
    for f in rows:
        v = f["value"]
        shown = f"{format_amount(v.get('value'))} {v.get('unit')} ({v.get('approx')})" if f["kind"] == "quantity" else (v.get("text") or v.get("role") or v.get("start") or "")[:70]
        outlets = sorted({s["outlet"] or s["doc_id"] for s in f["supporting"]})
        t.add_row(f["rank"], str(f["n_sources"]), f["label"], shown, ", ".join(outlets)[:60])
    out.print(t)


JSON_HELP = "Print JSON instead of a table."


@app.command("facts")
def facts_cmd(
    kind: Annotated[Optional[str], typer.Option("--kind", help="quantity, event, quote, role or commitment.")] = None,
    indicator: Annotated[Optional[str], typer.Option("--indicator", help="An indicator of the profile, e.g. trade_volume.")] = None,
    party: Annotated[Optional[str], typer.Option("--party", help="A state or group code the fact concerns, e.g. KZ or C5.")] = None,
    since: Annotated[Optional[str], typer.Option("--since", help="Only facts whose period or date is on or after this (YYYY[-MM[-DD]]).")] = None,
    rank: Annotated[Optional[str], typer.Option("--rank", help="corroborated, single-source or contested.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help=JSON_HELP)] = False,
) -> None:
    """Facts of the record, with how many independent sources support each."""
    from .query import find_facts

    _fact_table(find_facts(store(), kind, indicator, party, since, rank), "facts", as_json)


@app.command()
def conflicts(as_json: Annotated[bool, typer.Option("--json", help=JSON_HELP)] = False) -> None:
    """Contested facts, with the sources on each side."""
    import json

    from .query import conflicts as contested
    from .query import format_amount

    rows = contested(store())
    if as_json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return
    for f in rows:
        out.print(f"[bold]{f['label']}[/bold]")
        for side, sources in (("says", f["supporting"]), ("but", f["conflicting"])):
            for s in sources:
                c = s["claim"]
                out.print(f"  {side:>4} {format_amount(c.get('value'))} {c.get('unit')} ({c.get('approx')}) — {s['outlet'] or s['doc_id']}, {s['published'] or 'undated'}", highlight=False)


@app.command()
def timeline(
    party: Annotated[Optional[str], typer.Option("--party", help="Only events this state or group took part in.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help=JSON_HELP)] = False,
) -> None:
    """Events of the mechanism by date, with place and participants."""
    import json

    from rich.table import Table

    from .query import timeline as events

    rows = events(store(), party)
    if as_json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return
    t = Table(title=f"timeline ({len(rows)})")
    for col in ("start", "end", "type", "place", "participants", "sources"):
        t.add_column(col)
    for f in rows:
        v = f["value"]
        t.add_row(v.get("start") or "?", v.get("end") or "", v.get("event_type") or "", v.get("location") or "", " ".join(v.get("participants") or []), str(f["n_sources"]))
    out.print(t)


@app.command()
def quotes(
    speaker: Annotated[Optional[str], typer.Option("--speaker", help="Part of the speaker's name, e.g. Xi.")] = None,
    text: Annotated[Optional[str], typer.Option("--text", help="Words the quote must contain.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help=JSON_HELP)] = False,
) -> None:
    """What was said, by whom; translations and copies of one quote together."""
    import json

    from .query import find_quotes

    rows = find_quotes(store(), speaker, text)
    if as_json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return
    for f in rows:
        v = f["value"]
        out.print(f"[bold]{v.get('speaker')}[/bold] ({f['n_sources']} source{'s' if f['n_sources'] != 1 else ''}): {v.get('text')}", highlight=False)


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
    t.add_row("stories", str(s["stories"]))
    t.add_row("facts", ", ".join(f"{k} {v}" for k, v in sorted(s["facts"].items())) or "0")
    out.print(t)


@app.command()
def serve(
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 8000,
) -> None:
    """Serve the web pages and the REST API (/api/, docs at /docs) over the store."""
    import uvicorn

    from .api import create_app

    application = create_app(settings.db, settings.profile)
    err.print(f"serving silkwatch at http://{host}:{port}/ (API docs at /docs); Ctrl-C stops", markup=False, highlight=False)
    uvicorn.run(application, host=host, port=port, log_level="warning")


def main() -> None:
    """Entry point: run the app; a SilkwatchError becomes one line on stderr and exit code 1."""
    try:
        app()
    except SilkwatchError as e:
        err.print(f"error: {e}", markup=False, highlight=False)
        sys.exit(1)
    except Exception as e:  # a bug: one line for the user, the traceback in the log with -v
        logging.getLogger("silkwatch").info("unexpected error", exc_info=True)
        err.print(f"error: unexpected {type(e).__name__}: {e} (run with -v for details)", markup=False, highlight=False)
        sys.exit(1)
    except KeyboardInterrupt:
        err.print(INTERRUPTED, markup=False, highlight=False)
        sys.exit(130)
