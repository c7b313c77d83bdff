"""Exports: claims as JSON Lines, CSV and Parquet, streamed from the store."""

from __future__ import annotations

import csv
import io
import json
from importlib import resources

import jsonschema
import pytest
from hypothesis import given, strategies as st

from silkwatch.errors import ConfigError
from silkwatch.export import CLAIM_COLUMNS, claim_rows, export_rows
from silkwatch.records import CLAIM_KINDS, KIND_FIELDS, Claim, Document

SCHEMA = json.loads((resources.files("silkwatch") / "schema" / "claim.schema.json").read_text(encoding="utf-8"))
codes = st.lists(st.sampled_from(["CN", "KZ", "KG", "TJ", "TM", "UZ", "C5"]), max_size=3, unique=True).map(lambda xs: tuple(sorted(xs)))
words = st.text(min_size=1, max_size=30)
maybe_date = st.none() | st.dates().map(lambda d: d.isoformat())

KIND_VALUES = {
    "quantity": dict(indicator=st.sampled_from(["trade_volume", "investment"]), subjects=codes, period=st.none() | st.sampled_from(["2023", "2024-Q1", "2023-01/2023-05"]),
                     value=st.floats(0, 1e13, allow_nan=False), unit=st.sampled_from(["USD", "percent", "count"]), approx=st.sampled_from(["exact", "about", "over", "under"]), target=st.booleans()),
    "event": dict(event_type=st.sampled_from(["summit", "talks", "forum"]), name=st.none() | words, location=st.none() | st.sampled_from(["Astana", "Xi'an"]), start=maybe_date, end=maybe_date, participants=st.lists(words, max_size=3).map(tuple)),
    "quote": dict(speaker=words, direct=st.booleans(), date=maybe_date, text=words),
    "role": dict(person=words, role=words, country=st.none() | st.sampled_from(["CN", "KZ"]), org=st.none() | words),
    "commitment": dict(actors=codes, beneficiaries=codes, area=st.sampled_from(["trade", "energy", "other"]), text=words, date=maybe_date, deadline=maybe_date),
}


@st.composite
def claims(draw):
    kind = draw(st.sampled_from(CLAIM_KINDS))
    start = draw(st.integers(0, 10_000))
    fields = {k: draw(v) for k, v in KIND_VALUES[kind].items()}
    return Claim(doc_id=draw(words), kind=kind, span=(start, start + draw(st.integers(0, 500))), evidence=draw(st.text(max_size=50)), **fields)


@given(claims())
def test_claim_round_trips_through_its_exchange_dict_and_fits_the_schema(c):
    d = c.as_dict()
    jsonschema.validate(d, SCHEMA)
    assert set(d) == {"doc_id", "kind", "span", "evidence", *KIND_FIELDS[c.kind]}
    assert Claim.from_dict(json.loads(json.dumps(d))) == c
    assert Claim.from_dict(d).id == c.id


def test_jsonl_and_csv_carry_every_claim(store):
    doc = Document(doc_id="x1", text="China and Kazakhstan agreed on a new road.", source="x1.txt")
    cs = [Claim("x1", "role", (0, 5), "China", person="Xi Jinping", role="president", country="CN"),
          Claim("x1", "commitment", (6, 20), "and Kazakhstan", actors=("CN", "KZ"), area="transport", text="a new road")]
    store.write_documents([(doc, cs)])
    buf = io.StringIO()
    assert export_rows(claim_rows(store), "jsonl", buf) == 2
    assert [Claim.from_dict(json.loads(l)) for l in buf.getvalue().splitlines()] == cs
    buf = io.StringIO()
    assert export_rows(claim_rows(store), "csv", buf, CLAIM_COLUMNS) == 2
    rows = list(csv.DictReader(io.StringIO(buf.getvalue())))
    assert rows[1]["actors"] == '["CN", "KZ"]' and rows[0]["person"] == "Xi Jinping"


def test_csv_of_an_empty_store_is_a_header(store):
    buf = io.StringIO()
    assert export_rows(claim_rows(store), "csv", buf, CLAIM_COLUMNS) == 0
    assert buf.getvalue().strip() == ",".join(CLAIM_COLUMNS)


def test_parquet_export(store, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    doc = Document(doc_id="p1", text="abcdef", source="p1.txt")
    store.write_documents([(doc, [Claim("p1", "quote", (0, 3), "abc", speaker="Lin Jian", direct=False, text="abc")])])
    f = tmp_path / "c.parquet"
    with f.open("wb") as out:
        assert export_rows(claim_rows(store), "parquet", out, CLAIM_COLUMNS) == 1
    t = pq.read_table(f)
    assert t.column("speaker").to_pylist() == ["Lin Jian"]


def test_unknown_format_is_a_config_error():
    with pytest.raises(ConfigError):
        export_rows([], "xml", io.StringIO())
