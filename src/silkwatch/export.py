"""Export the record: claims, facts and stories as JSON Lines, CSV or typed Parquet."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from itertools import chain
from typing import IO, Any

from .errors import ConfigError
from .records import KIND_FIELDS
from .store import Store

__all__ = ["export_rows", "claim_rows", "FORMATS", "CLAIM_COLUMNS", "FACT_COLUMNS", "STORY_COLUMNS", "CLAIM_TYPES", "FACT_TYPES", "COMMITMENT_COLUMNS", "COMMITMENT_TYPES"]

FORMATS = ("jsonl", "csv", "parquet")

CLAIM_COLUMNS = ["claim_id", "doc_id", "kind", "span", "evidence"] + list(dict.fromkeys(f for fs in KIND_FIELDS.values() for f in fs))
FACT_COLUMNS = ["fact_id", "kind", "rank", "n_sources", "label", "parties", "key", "value", "supporting", "conflicting"]
STORY_COLUMNS = ["doc_id", "story", "copy_group", "lang", "outlet", "published"]
COMMITMENT_COLUMNS = ["entry_id", "status", "reason", "as_of", "promise", "actors", "beneficiaries", "area", "made_on", "made_at",
                      "deadline", "concerns", "scores", "evidence", "wordings"]
COMMITMENT_TYPES: dict[str, str] = {"actors": "list<str>", "beneficiaries": "list<str>", "concerns": "list<str>", "made_at": "json",
                                    "scores": "json", "evidence": "json", "wordings": "json"}

# The Parquet type of each known column, fixed so that every export of every store has the same
# schema. Dates stay ISO text: the record holds partial ones ("2024-07", "2027") that a date type
# cannot. Objects whose fields differ by kind (a fact's key and value) are JSON text.
CLAIM_TYPES: dict[str, str] = {
    "span": "list<int>", "value": "float", "target": "bool", "direct": "bool",
    "subjects": "list<str>", "participants": "list<str>", "actors": "list<str>", "beneficiaries": "list<str>",
}
FACT_TYPES: dict[str, str] = {"n_sources": "int", "parties": "list<str>", "key": "json", "value": "json",
                              "supporting": "list<str>", "conflicting": "list<str>"}


def claim_rows(store: Store, lang: str | None = None) -> Iterator[dict[str, Any]]:
    """Every stored claim (of documents in one language, if given) as an exchange-format dict (claim.schema.json),
    with its claim_id first."""
    for c in store.iter_claims(lang=lang):
        yield {"claim_id": c.id, **c.as_dict()}


def _csv_cell(v: Any) -> Any:
    """A value as CSV text: structures and booleans as JSON, never Python's repr."""
    if isinstance(v, (list, tuple, dict, bool)):
        return json.dumps(list(v) if isinstance(v, tuple) else v, ensure_ascii=False)
    return v


def export_rows(rows: Iterable[dict[str, Any]], fmt: str, out: IO, columns: list[str] | None = None,
                types: dict[str, str] | None = None) -> int:
    """Write rows to an open file in one format; returns how many. Parquet needs a binary file and
    types its columns by `types` (bool, int, float, str, json, list<str>, list<int>), else by their first value."""
    if fmt not in FORMATS:
        raise ConfigError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    rows = iter(rows)
    first = next(rows, None)
    cols = columns or (list(first) if first else [])
    rows = chain([first], rows) if first is not None else iter(())
    if fmt == "jsonl":
        n = 0
        for r in rows:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
            n += 1
        return n
    if fmt == "csv":
        w = csv.DictWriter(out, fieldnames=cols, extrasaction="ignore")
        w.writeheader()
        n = 0
        for r in rows:
            w.writerow({k: _csv_cell(r.get(k)) for k in cols})
            n += 1
        return n
    return _write_parquet(rows, out, cols or ["doc_id"], types or {})


def _arrow_type(declared: str | None, sample: Any):
    import pyarrow as pa

    if declared is None:  # a column this module does not know: typed by its first value
        declared = ("bool" if isinstance(sample, bool) else "int" if isinstance(sample, int) else "float" if isinstance(sample, float)
                    else "list<str>" if isinstance(sample, (list, tuple)) else "json" if isinstance(sample, dict) else "str")
    return {"bool": pa.bool_(), "int": pa.int64(), "float": pa.float64(), "list<int>": pa.list_(pa.int64()),
            "list<str>": pa.list_(pa.string()), "json": pa.string(), "str": pa.string()}[declared]


def _parquet_cell(v: Any, t) -> Any:
    import pyarrow as pa

    if v is None:
        return None
    if pa.types.is_string(t):
        return v if isinstance(v, str) else json.dumps(v, ensure_ascii=False)
    if pa.types.is_list(t):
        return [x if pa.types.is_integer(t.value_type) else str(x) for x in v]
    if pa.types.is_floating(t):
        return float(v)
    return v


def _write_parquet(rows: Iterator[dict[str, Any]], out: IO, cols: list[str], types: dict[str, str], batch_size: int = 5000) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    writer, schema, batch, n = None, None, [], 0
    for r in chain(rows, [None]):
        if r is not None:
            batch.append(r)
            n += 1
        if len(batch) < batch_size and r is not None:
            continue
        if schema is None:
            samples = {c: next((x.get(c) for x in batch if x.get(c) is not None), None) for c in cols}
            schema = pa.schema([(c, _arrow_type(types.get(c), samples[c])) for c in cols])
            writer = pq.ParquetWriter(out, schema)
        table = pa.table({f.name: pa.array([_parquet_cell(x.get(f.name), f.type) for x in batch], type=f.type) for f in schema}, schema=schema)
        writer.write_table(table)
        batch = []
    writer.close()
    return n
