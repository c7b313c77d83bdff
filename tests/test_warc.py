"""WARC archives as an input of `silkwatch ingest`: every HTML page with status 200 is an article."""

from __future__ import annotations

import gzip
import io
import json

from newsroom import ARTICLE
from typer.testing import CliRunner
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from silkwatch.cli import app
from silkwatch.errors import InputError
from silkwatch.sources import read_sources
from silkwatch.records import web_document_id

PAGE = ARTICLE.format(title="Gas talks", body="Turkmen President Serdar Berdimuhamedov said that Turkmenistan would raise gas supplies to China in the coming years.")


def _response(writer: WARCWriter, url: str, status: str, ctype: str, body: bytes) -> None:
    http = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http))


def write_warc(path, gz: bool = True) -> None:
    with open(path, "wb") as f:
        w = WARCWriter(f, gzip=gz)
        w.write_record(w.create_warc_record("", "warcinfo", payload=io.BytesIO(b"software: test\r\n")))
        _response(w, "https://www.news.example/gas.html", "200 OK", "text/html; charset=utf-8", PAGE.encode())
        _response(w, "https://www.news.example/missing.html", "404 Not Found", "text/html", b"<p>no</p>")
        _response(w, "https://www.news.example/logo.png", "200 OK", "image/png", b"\x89PNG....")


def test_html_responses_become_articles_with_their_url_and_outlet(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    write_warc(path)
    [article] = list(read_sources([path]))
    assert article.url == "https://www.news.example/gas.html" and article.outlet == "news.example"
    assert article.doc_id == web_document_id("https://www.news.example/gas.html") and article.format == "html"


def test_an_uncompressed_archive_reads_the_same(tmp_path):
    path = tmp_path / "crawl.warc"
    write_warc(path, gz=False)
    assert [a.url for a in read_sources([path])] == ["https://www.news.example/gas.html"]


def test_a_broken_archive_is_an_error_naming_the_file(tmp_path):
    path = tmp_path / "broken.warc.gz"
    path.write_bytes(b"no archive here\n")
    [error] = list(read_sources([path]))
    assert isinstance(error, InputError) and "broken.warc.gz" in str(error) and "not a readable WARC" in str(error)


def test_an_archive_without_pages_says_so(tmp_path):
    path = tmp_path / "empty.warc.gz"
    path.write_bytes(gzip.compress(b"this is not a WARC record at all\r\n\r\n"))
    [error] = list(read_sources([path]))
    assert isinstance(error, InputError) and "no HTML page with status 200" in str(error)


def test_ingesting_an_archive_twice_adds_nothing(tmp_path, nlp):
    path = tmp_path / "crawl.warc.gz"
    write_warc(path)
    db = f"sqlite:///{tmp_path / 'w.db'}"
    first = CliRunner().invoke(app, ["--db", db, "ingest", str(path)], catch_exceptions=False)
    assert first.exit_code == 0 and first.stdout.startswith("read 1, stored 1, already known 0, failed 0")
    second = CliRunner().invoke(app, ["--db", db, "ingest", str(path)], catch_exceptions=False)
    assert second.stdout.startswith("read 1, stored 0, already known 1, failed 0")
    claims = CliRunner().invoke(app, ["--db", db, "export", "claims"], catch_exceptions=False).stdout
    assert any(json.loads(line).get("speaker") == "Serdar Berdimuhamedov" for line in claims.splitlines())
