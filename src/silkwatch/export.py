"""Export the record: claims (and later facts and stories) as JSON Lines, CSV or Parquet."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from typing import IO, Any

from .errors import ConfigError
from .records import KIND_FIELDS
from .store import Store

__all__ = ["export_rows", "claim_rows", "FORMATS", "CLAIM_COLUMNS"]

FORMATS = ("jsonl", "csv", "parquet")

CLAIM_COLUMNS = ["doc_id", "kind", "span", "evidence"] + list(dict.fromkeys(f for fs in KIND_FIELDS.values() for f in fs))


def claim_rows(store: Store, lang: str | None = None) -> Iterator[dict[str, Any]]:
    """Every stored claim (of documents in one language, if given) as an exchange-format dict (claim.schema.json)."""
    for c in store.iter_claims(lang=lang):
        yield c.as_dict()


def _flat(v: Any) -> Any:
    if isinstance(v, (list, tuple)):
        return json.dumps(list(v), ensure_ascii=False)
    return v


def export_rows(rows: Iterable[dict[str, Any]], fmt: str, out: IO, columns: list[str] | None = None) -> int:
    """Write rows to an open file in one format; returns how many. Parquet needs a binary file."""
    n = 0
    if fmt == "jsonl":
        for r in rows:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
            n += 1
    elif fmt == "csv":
        rows = iter(rows)
        first = next(rows, None)
        cols = columns or (list(first) if first else [])
        w = csv.DictWriter(out, fieldnames=cols, extrasaction="ignore")
        w.writeheader()
        if first is not None:
            for r in _chain(first, rows):
                w.writerow({k: _flat(r.get(k)) for k in cols})
                n += 1
    elif fmt == "parquet":
        batch, writer, schema = [], None, None
        for r in rows:
            batch.append({k: _flat(v) for k, v in r.items()})
            n += 1
            if len(batch) >= 5000:
                writer, schema = _write_parquet(batch, out, writer, schema, columns)
                batch = []
        if batch or writer is None:
            writer, schema = _write_parquet(batch, out, writer, schema, columns)
        writer.close()
    else:
        raise ConfigError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    return n


def _chain(first, rest):
    yield first
    yield from rest


def _write_parquet(batch, out, writer, schema, columns):
    import pyarrow as pa
    import pyarrow.parquet as pq

    cols = columns or (list(batch[0]) if batch else ["doc_id"])
    if schema is None:
        schema = pa.schema([(c, pa.string()) for c in cols])
    table = pa.table({c: [None if r.get(c) is None else str(r.get(c)) for r in batch] for c in schema.names}, schema=schema)
    if writer is None:
        writer = pq.ParquetWriter(out, schema)
    writer.write_table(table)
    return writer, schema
