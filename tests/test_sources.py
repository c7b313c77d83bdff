"""Reading articles from files: every format, and one scoped InputError per bad file or line."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from silkwatch.errors import InputError
from silkwatch.sources import MAX_FILE_BYTES, read_sources

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"


def read(*paths):
    return list(read_sources([str(p) for p in paths]))


def test_seed_file_takes_its_date_from_the_first_line():
    [a] = read(FIXTURES / "seed_bishkek.txt")
    assert (a.doc_id, a.format, a.published) == ("seed_bishkek", "seed", "2024-03-14")
    assert a.text.lstrip().startswith("BISHKEK")


def test_plain_text_file_has_no_date_and_the_stem_as_id():
    [a] = read(FIXTURES / "plain_trade.txt")
    assert (a.doc_id, a.format, a.published) == ("plain_trade", "txt", None)


def test_jsonl_fields_and_line_numbers():
    arts = read(FIXTURES / "articles.jsonl")
    assert [a.doc_id for a in arts] == ["fx-astana-visit", "fx-flights", "fx-gas"]
    assert [a.line for a in arts] == [1, 2, 3]
    assert arts[1].published == "2024-01-20"  # a timestamp is cut to its date
    assert arts[1].outlet == "other.example" and arts[2].url is None


def test_folder_is_read_recursively_skipping_hidden_files(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("One short article about trade.")
    (tmp_path / ".hidden.txt").write_text("Not to be read.")
    assert [a.doc_id for a in read(tmp_path)] == ["a"]


def errors_of(items):
    return [i for i in items if isinstance(i, InputError)]


def test_each_bad_input_is_one_error_naming_the_file(tmp_path):
    bad = {
        "empty.txt": b"",
        "binary.txt": b"\x00\x01\x02PK\x03\x04" * 10,
        "latin1.txt": "Caf\u00e9 in Tashkent".encode("latin-1"),
        "blank.txt": b"   \n\n  ",
        "notes.docx": b"whatever",
    }
    for name, data in bad.items():
        (tmp_path / name).write_bytes(data)
    errs = {Path(e.source).name: e.reason for e in errors_of(read(*(tmp_path / n for n in bad), tmp_path / "missing.txt"))}
    assert set(errs) == set(bad) | {"missing.txt"}
    assert "empty" in errs["empty.txt"]
    assert "binary" in errs["binary.txt"]
    assert "UTF-8" in errs["latin1.txt"]
    assert "unknown file type" in errs["notes.docx"]
    assert "no such file" in errs["missing.txt"]


def test_huge_text_file_is_refused_without_reading_it(tmp_path):
    big = tmp_path / "huge.txt"
    with big.open("wb") as f:
        f.write(b"trade grew again. " * (50 * 1024 * 1024 // 18 + 1))
    assert big.stat().st_size > MAX_FILE_BYTES
    [e] = read(big)
    assert isinstance(e, InputError) and "too large" in e.reason


def test_bad_jsonl_lines_are_scoped_to_their_line(tmp_path):
    f = tmp_path / "mixed.jsonl"
    f.write_bytes(
        b'{"id": "ok1", "text": "First good article."}\n'
        b'{"id": "broken", "text": \n'
        b'{"id": "notext", "title": "No body"}\n'
        b'{"id": "blank", "text": "   "}\n'
        b'["a", "list"]\n'
        b'{"id": "latin", "text": "caf\xe9"}\n'
        b'\n'
        b'{"id": "ok2", "text": "Second good article."}\n'
    )
    items = read(f)
    assert [a.doc_id for a in items if not isinstance(a, InputError)] == ["ok1", "ok2"]
    assert [(e.line, e.source) for e in errors_of(items)] == [(n, str(f)) for n in (2, 3, 4, 5, 6)]
    assert "malformed JSON" in errors_of(items)[0].reason
    assert "no text" in errors_of(items)[1].reason


def test_jsonl_line_without_id_is_named_after_file_and_line(tmp_path):
    f = tmp_path / "feed.jsonl"
    f.write_text('{"text": "An article with no id."}\n', encoding="utf-8")
    assert [a.doc_id for a in read(f)] == ["feed-1"]


line_text = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=200).filter(lambda s: s.strip())
records = st.lists(
    st.fixed_dictionaries(
        {"id": st.text("abcdefghij0123456789-", min_size=1, max_size=12), "text": line_text},
        optional={"title": line_text, "outlet": line_text, "url": line_text},
    ),
    min_size=1,
    max_size=8,
    unique_by=lambda r: r["id"],
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(records)
def test_jsonl_reading_round_trips(tmp_path, recs):
    f = tmp_path / "gen.jsonl"
    f.write_text("".join(json.dumps(r, ensure_ascii=bool(len(r["id"]) % 2)) + "\n" for r in recs), encoding="utf-8")
    got = read(f)
    assert [(a.doc_id, a.text, a.title, a.outlet, a.url) for a in got] == [
        (r["id"], r["text"], r.get("title"), r.get("outlet"), r.get("url")) for r in recs
    ]
