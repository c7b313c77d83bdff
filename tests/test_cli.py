"""The command line through its real entry point: ingest, export, stats, --db, --profile, bad input."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
from importlib import resources
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from silkwatch.cli import app
from silkwatch.records import Claim, Document
from silkwatch.store import open_store

FIXTURES = Path(__file__).parent / "fixtures"
INGEST = FIXTURES / "ingest"


@pytest.fixture(scope="module")
def claim_schema():
    schema = json.loads((resources.files("silkwatch") / "schema" / "claim.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.fixture
def run(nlp, tmp_path):
    """Invoke the CLI in-process against a fresh store in tmp_path."""
    url = f"sqlite:///{tmp_path / 'cli.db'}"

    def invoke(*args: str, env: dict | None = None, db: bool = True):
        return CliRunner().invoke(app, [*(["--db", url] if db else []), *map(str, args)], env=env, catch_exceptions=False)

    invoke.url = url
    return invoke


def summary(result) -> dict[str, int]:
    line = result.stdout.strip().splitlines()[-1]
    parts = dict(p.strip().rsplit(" ", 1) for p in line.split("(")[0].split(","))
    return {k: int(v) for k, v in parts.items()}


def test_ingest_every_format_prints_one_summary_line(run):
    r = run("ingest", INGEST)
    assert r.exit_code == 0, r.stderr
    assert summary(r) == {"read": 6, "stored": 6, "already known": 0, "failed": 0}
    assert r.stderr == ""
    s = open_store(run.url)
    assert s.get_document("seed_bishkek").published == "2024-03-14"
    assert "Read also" not in s.get_document("seed_bishkek").text
    html = s.get_document("page_forum")
    assert (html.title, html.published) == ("Forum on green energy opens in Dushanbe", "2024-09-02")
    flights = s.get_document("fx-flights")
    assert (flights.outlet, flights.published, flights.url) == ("other.example", "2024-01-20", "https://example.org/flights")
    assert "Telegram" not in s.get_document("fx-astana-visit").text


def test_ingest_twice_adds_nothing(run):
    run("ingest", INGEST)
    r = run("ingest", INGEST)
    assert r.exit_code == 0
    assert summary(r) == {"read": 6, "stored": 0, "already known": 6, "failed": 0}


def _hand_made_claims(doc_id: str) -> list[Claim]:
    return [
        Claim(doc_id, "quantity", (0, 10), "Trade grew", indicator="trade_volume", subjects=("CN", "UZ"), period="2023", value=4.1e10, unit="USD", approx="over", target=False),
        Claim(doc_id, "event", (11, 20), "They met", event_type="talks", location="Astana", start="2024-07-02", participants=("Xi Jinping",)),
        Claim(doc_id, "quote", (21, 30), "He said", speaker="Xi Jinping", direct=True, date="2024-07-02", text="we are ready"),
        Claim(doc_id, "role", (31, 40), "President", person="Xi Jinping", role="president", country="CN"),
        Claim(doc_id, "commitment", (41, 50), "will build", actors=("CN",), beneficiaries=("KZ",), area="transport", text="build a road", deadline="2027"),
    ]


def test_export_claims_jsonl_validates_against_the_schema(run, claim_schema):
    run("ingest", INGEST)
    s = open_store(run.url)
    doc = s.get_document("plain_trade")
    s.write_documents([(doc, _hand_made_claims(doc.doc_id))])
    r = run("export", "claims")
    assert r.exit_code == 0
    lines = r.stdout.splitlines()
    assert len(lines) >= 5
    for line in lines:
        claim_schema.validate(json.loads(line))
    kinds = {json.loads(line)["kind"] for line in lines if json.loads(line)["doc_id"] == "plain_trade"}
    assert kinds == {"quantity", "event", "quote", "role", "commitment"}


def test_export_claims_csv_to_a_file(run, tmp_path):
    s = open_store(run.url)
    doc = Document(doc_id="d1", text="x" * 60, source="d1.txt")
    s.write_documents([(doc, _hand_made_claims("d1"))])
    out = tmp_path / "claims.csv"
    r = run("export", "claims", "--format", "csv", "--out", out)
    assert r.exit_code == 0 and "wrote 5 rows" in r.stderr
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert [row["kind"] for row in rows] == ["quantity", "event", "quote", "role", "commitment"]
    assert json.loads(rows[0]["subjects"]) == ["CN", "UZ"] and float(rows[0]["value"]) == 4.1e10


def test_export_unknown_format_is_a_usage_error(run):
    r = run("export", "claims", "--format", "xml")
    assert r.exit_code == 2 and "unknown format" in r.stderr


def test_stats_json_and_table(run):
    run("ingest", INGEST)
    r = run("stats", "--json")
    s = json.loads(r.stdout)
    assert s["documents"] == 6
    assert set(s["claims"]) == {"quantity", "event", "quote", "role", "commitment"}
    assert (s["published_from"], s["published_to"]) == ("2023-11-05", "2024-09-02")
    assert {o["outlet"] for o in s["outlets"]} == {"example.org", "other.example"}
    table = run("stats")
    assert table.exit_code == 0 and "documents" in table.stdout and "6" in table.stdout


def test_db_from_environment_variable(nlp, tmp_path):
    url = f"sqlite:///{tmp_path / 'env.db'}"
    r = CliRunner().invoke(app, ["ingest", str(INGEST / "plain_trade.txt")], env={"SILKWATCH_DB": url})
    assert r.exit_code == 0
    assert open_store(url).get_document("plain_trade") is not None


def test_default_db_is_silkwatch_db_in_the_working_folder(nlp, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("SILKWATCH_DB", raising=False)
    r = CliRunner().invoke(app, ["ingest", str(INGEST / "plain_trade.txt")])
    assert r.exit_code == 0 and (tmp_path / "silkwatch.db").exists()


def test_profile_option_chooses_the_boilerplate(run, tmp_path):
    f = tmp_path / "promo.txt"
    f.write_text("China and Kazakhstan opened a new border crossing.\nSponsored content: buy a phone\n", encoding="utf-8")
    run("--profile", FIXTURES / "profile_small.toml", "ingest", f, db=True)
    assert "Sponsored" not in open_store(run.url).get_document("promo").text
    other = f"sqlite:///{tmp_path / 'default.db'}"
    CliRunner().invoke(app, ["--db", other, "ingest", str(f)])
    assert "Sponsored content" in open_store(other).get_document("promo").text


def test_missing_profile_is_one_error_line(run, tmp_path):
    r = run("--profile", tmp_path / "nope.toml", "ingest", INGEST / "plain_trade.txt")
    assert r.exit_code == 1
    assert r.stderr.count("\n") == 1 and "nope.toml" in r.stderr and "not found" in r.stderr


def _bad_inputs(d: Path) -> dict[str, str]:
    """Each bad input, written into d: its name and a word its error message must contain."""
    (d / "empty.txt").write_bytes(b"")
    (d / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (d / "latin1.txt").write_bytes("Ministers met in Almat\u0131 and Bi\u015fkek".encode("utf-8")[:-3] + "caf\u00e9".encode("latin-1"))
    (d / "lines.jsonl").write_text(
        '{"id": "good-line", "text": "Kazakhstan and China agreed to expand flights between their capitals."}\n'
        '{"id": "broken", "text": "unterminated\n'
        '{"id": "no-text", "title": "A title but no body"}\n',
        encoding="utf-8",
    )
    (d / "menu.html").write_text("<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav></body></html>", encoding="utf-8")
    with (d / "huge.txt").open("wb") as f:
        f.write(b"Central Asia trade figures. " * (50 * 1024 * 1024 // 28 + 1))
    (d / "sheet.xlsx").write_bytes(b"PK\x03\x04")
    return {
        "empty.txt": "empty", "binary.txt": "binary", "latin1.txt": "UTF-8", "lines.jsonl:2": "malformed JSON",
        "lines.jsonl:3": "no text", "menu.html": "no article", "huge.txt": "too large", "sheet.xlsx": "unknown file type",
        "does-not-exist.txt": "no such file",
    }


def test_every_bad_input_is_one_stderr_line_and_the_rest_is_stored(run, tmp_path):
    bad = tmp_path / "bad"
    bad.mkdir()
    expected = _bad_inputs(bad)
    r = run("ingest", bad, INGEST / "plain_trade.txt", tmp_path / "does-not-exist.txt")
    assert r.exit_code == 1
    lines = r.stderr.strip().splitlines()
    assert len(lines) == len(expected), r.stderr
    for where, reason in expected.items():
        [line] = [ln for ln in lines if re.search(rf"/{re.escape(where)}(:\d+)?: ", ln)]
        assert reason in line, line
    assert summary(r)["failed"] == len(expected)
    s = open_store(run.url)
    assert s.get_document("plain_trade") is not None and s.get_document("good-line") is not None
    assert s.stats()["documents"] == 2


def test_the_installed_command_runs(tmp_path):
    """The console script and `python -m silkwatch`, as a user runs them, in fresh processes."""
    url = f"sqlite:///{tmp_path / 'sub.db'}"
    script = Path(sys.executable).parent / "silkwatch"
    first = [str(script)] if script.exists() else [sys.executable, "-m", "silkwatch"]
    env = {**os.environ, "SILKWATCH_DB": url}
    r = subprocess.run([*first, "ingest", str(INGEST), str(tmp_path / "absent.txt")], capture_output=True, text=True, env=env, timeout=120)
    assert r.returncode == 1
    assert r.stdout.strip() == "read 6, stored 6, already known 0, failed 1" + r.stdout.strip().split("failed 1", 1)[1]
    assert r.stderr.strip().count("\n") == 0 and "absent.txt" in r.stderr
    r = subprocess.run([sys.executable, "-m", "silkwatch", "export", "claims"], capture_output=True, text=True, env=env, timeout=120)
    assert r.returncode == 0


def test_a_document_in_another_language_is_stored_counted_and_gives_no_claims(run, tmp_path):
    german = "Der Außenminister Kasachstans sagte am Montag, dass der Handel mit China im letzten Jahr deutlich gewachsen ist."
    src = tmp_path / "de.jsonl"
    src.write_text(json.dumps({"id": "de-1", "published": "2024-05-02", "text": german}, ensure_ascii=False) + "\n", encoding="utf-8")
    r = run("ingest", src)
    assert r.exit_code == 0 and "1 not in a language we extract" in r.stdout
    s = json.loads(run("stats", "--json").stdout)
    assert (s["languages"], s["not_extracted"], s["claims_total"]) == ({"de": 1}, 1, 0)
    assert "not in a language we extract" in run("stats").stdout


def test_export_claims_of_one_language(run):
    run("ingest", INGEST)
    everything = run("export", "claims").stdout.splitlines()
    assert everything and run("export", "claims", "--lang", "en").stdout.splitlines() == everything
    assert run("export", "claims", "--lang", "ru").stdout == ""


def test_exports_join_and_carry_structures_as_json_and_typed_parquet(run, tmp_path):
    """Facts' supporting ids are claim ids of the claims export; CSV cells are JSON, Parquet columns typed."""
    pq = pytest.importorskip("pyarrow.parquet")
    import pyarrow as pa

    run("ingest", INGEST)
    claims = [json.loads(line) for line in run("export", "claims").stdout.splitlines()]
    ids = {c["claim_id"] for c in claims}
    assert len(ids) == len(claims) >= 5
    facts_csv = list(csv.DictReader(io.StringIO(run("export", "facts", "--format", "csv").stdout)))
    assert facts_csv
    for row in facts_csv:
        for col in ("key", "value", "parties", "supporting", "conflicting"):
            json.loads(row[col])  # a Python repr ({'org': None}) would not parse
        assert set(json.loads(row["supporting"])) <= ids
    claims_csv = list(csv.DictReader(io.StringIO(run("export", "claims", "--format", "csv").stdout)))
    assert {r["claim_id"] for r in claims_csv} == ids
    assert all(r["target"] in ("", "true", "false") and r["direct"] in ("", "true", "false") for r in claims_csv)

    run("export", "claims", "--format", "parquet", "--out", tmp_path / "c.parquet")
    run("export", "facts", "--format", "parquet", "--out", tmp_path / "f.parquet")
    c, f = pq.read_schema(tmp_path / "c.parquet"), pq.read_schema(tmp_path / "f.parquet")
    assert c.field("value").type == pa.float64() and c.field("target").type == pa.bool_()
    assert c.field("span").type == pa.list_(pa.int64()) and c.field("subjects").type == pa.list_(pa.string())
    assert f.field("n_sources").type == pa.int64() and f.field("supporting").type == pa.list_(pa.string())
    table = pq.read_table(tmp_path / "f.parquet").to_pylist()
    assert {s for r in table for s in r["supporting"]} <= ids and isinstance(json.loads(table[0]["key"]), dict)


def test_flags_show_as_flags_in_help(run):
    for args in (["--help"], ["facts", "--help"], ["ingest", "--help"], ["export", "claims", "--help"], ["stats", "--help"]):
        r = run(*args, db=False)
        assert r.exit_code == 0
        flags = [ln for ln in r.stdout.splitlines() if re.search(r"--(json|help|verbose|progress)\b", ln)]
        assert flags and not any("<bool>" in ln for ln in flags), r.stdout


@pytest.mark.parametrize("args, words", [
    (["facts", "--kind", "bogus"], "invalid kind 'bogus'"), (["facts", "--since", "notadate"], "invalid since 'notadate'"),
    (["facts", "--since", "2024-13-45"], "invalid since"), (["facts", "--party", "Narnia"], "unknown party 'Narnia'"),
    (["facts", "--party", "%"], "unknown party '%'"), (["facts", "--rank", "best"], "invalid rank"),
    (["facts", "--indicator", "gdp_of_mars"], "invalid indicator"), (["timeline", "--party", "Narnia"], "unknown party"),
])
def test_an_invalid_filter_is_one_error_line_not_an_empty_answer(run, args, words):
    r = run(*args)
    assert r.exit_code == 2 and r.stdout == ""
    assert r.stderr.count("\n") == 1 and r.stderr.startswith("error: ") and words in r.stderr


def test_a_name_or_demonym_where_a_code_is_expected(run):
    run("ingest", INGEST)
    by_code = json.loads(run("facts", "--party", "KZ", "--json").stdout)
    assert by_code
    for name in ("Kazakhstan", "Kazakh", "kz"):
        assert json.loads(run("facts", "--party", name, "--json").stdout) == by_code
    assert json.loads(run("timeline", "--party", "Kazakhstan", "--json").stdout) == json.loads(run("timeline", "--party", "KZ", "--json").stdout)


def test_an_error_echoes_a_huge_input_cut_short(run):
    r = run("facts", "--party", "K" * 10_000)
    assert r.exit_code == 2 and len(r.stderr) < 300 and "KKK…'" in r.stderr


def _silkwatch(*args: str, env: dict | None = None, timeout: int = 60) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "silkwatch", *args], capture_output=True, text=True, timeout=timeout, env={**os.environ, **(env or {})})


def test_verbose_does_not_start_with_the_libraries_chatter(tmp_path):
    r = _silkwatch("--db", f"sqlite:///{tmp_path / 'v.db'}", "-v", "stats", "--json")
    assert r.returncode == 0 and json.loads(r.stdout)["documents"] == 0
    assert "alembic" not in r.stderr.lower() and "sqlalchemy" not in r.stderr.lower(), r.stderr


def test_serve_on_a_busy_port_is_one_error_line_and_never_says_serving(tmp_path):
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        r = _silkwatch("--db", f"sqlite:///{tmp_path / 's.db'}", "serve", "--port", str(port))
    assert r.returncode == 1 and "serving" not in r.stdout + r.stderr
    assert r.stderr.count("\n") == 1 and f"127.0.0.1:{port}" in r.stderr and "in use" in r.stderr


def test_empty_folders_broken_links_and_link_loops_are_each_one_line(run, tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    r = run("ingest", empty)
    assert r.exit_code == 1 and r.stderr.count("\n") == 1 and str(empty) in r.stderr and "nothing to ingest" in r.stderr

    news = tmp_path / "news"
    (news / "sub").mkdir(parents=True)
    (news / "trade.txt").write_text("China and Kazakhstan agreed to open a new border crossing.\n", encoding="utf-8")
    (news / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    (news / "sub" / "up").symlink_to(news)  # a folder that contains itself
    (tmp_path / "loop-a").symlink_to(tmp_path / "loop-b")
    (tmp_path / "loop-b").symlink_to(tmp_path / "loop-a")
    r = run("ingest", news, tmp_path / "loop-a")
    assert r.exit_code == 1 and summary(r)["stored"] == 1
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 3, r.stderr
    for path, words in ((news / "dangling.txt", "broken symbolic link"), (news / "sub" / "up", "loop"), (tmp_path / "loop-a", "loop")):
        assert any(f"{path}: " in ln and words in ln for ln in lines), (path, r.stderr)


def test_export_to_a_folder_that_does_not_exist_is_one_error_line(run, tmp_path):
    r = run("export", "claims", "--format", "csv", "--out", tmp_path / "no" / "such" / "claims.csv")
    assert r.exit_code == 1 and r.stderr.count("\n") == 1 and "cannot write" in r.stderr and "claims.csv" in r.stderr
