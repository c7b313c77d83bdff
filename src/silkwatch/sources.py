"""Read articles from files and folders: seed text, plain text, HTML pages, JSON Lines and WARC archives."""

from __future__ import annotations

import errno
import json
import logging
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from .errors import InputError, clip
from .records import RawArticle
from .warc import is_warc, read_warc

__all__ = ["read_sources", "SUFFIXES", "MAX_FILE_BYTES", "MAX_LINE_BYTES"]

log = logging.getLogger(__name__)

SUFFIXES = {".txt": "txt", ".text": "txt", ".html": "html", ".htm": "html", ".jsonl": "jsonl", ".ndjson": "jsonl"}
# One article is a few kB; a text or HTML file above this is not an article (JSON Lines files
# are streamed, so only their single lines are limited).
MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_LINE_BYTES = 10 * 1024 * 1024

SEED_DATE = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\s*$")
ISO_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})")


def read_sources(paths: Iterable[str | os.PathLike]) -> Iterator[RawArticle | InputError]:
    """Yield every article under the paths, or an InputError for each file, line or link that failed."""
    for p in paths:
        path = Path(p)
        problem = _path_problem(path)
        if problem:
            yield InputError(str(path), problem)
        elif path.is_dir():
            found = 0
            for item in _walk(path, frozenset({path.resolve()})):
                if isinstance(item, InputError):
                    yield item
                else:
                    found += 1
                    yield from _read_file(item)
            log.info("%s: %d files", path, found)
            if not found:
                yield InputError(str(path), "nothing to ingest: the folder holds no files (hidden ones are skipped)")
        else:
            yield from _read_file(path)


def _path_problem(path: Path) -> str | None:
    """Why a path cannot be read at all (missing, a broken or looping link), or None."""
    try:
        os.stat(path)
    except OSError as e:
        if e.errno == errno.ELOOP:
            return "symbolic link loop: the link leads back to itself"
        if e.errno not in (errno.ENOENT, errno.ENOTDIR):
            return f"cannot read: {e.strerror}"
        if path.is_symlink():
            return f"broken symbolic link: its target {clip(os.readlink(path))!r} does not exist"
        return "no such file or folder"
    except ValueError as e:  # a NUL byte in the name
        return f"cannot read: {e}"
    return None


def _walk(folder: Path, above: frozenset[Path]) -> Iterator[Path | InputError]:
    """Files under a folder in name order, following links to folders but never round a loop; hidden names skipped."""
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as e:
        yield InputError(str(folder), f"cannot read folder: {e.strerror}")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        problem = _path_problem(path) if entry.is_symlink() else None
        if problem:
            yield InputError(str(path), problem)
        elif entry.is_dir():
            real = path.resolve()
            if real in above:
                yield InputError(str(path), "symbolic link loop: the link leads back to a folder it is in")
            else:
                yield from _walk(path, above | {real})
        elif entry.is_file():
            yield path
        else:
            yield InputError(str(path), "not a regular file or folder")


def _read_file(path: Path) -> Iterator[RawArticle | InputError]:
    if is_warc(path):
        yield from read_warc(path)
        return
    kind = SUFFIXES.get(path.suffix.lower())
    if kind is None:
        yield InputError(str(path), f"unknown file type {path.suffix or '(no extension)'!r}; expected one of {', '.join(sorted(SUFFIXES))}, .warc, .warc.gz")
        return
    try:
        size = path.stat().st_size
    except OSError as e:
        yield InputError(str(path), f"cannot read: {e.strerror}")
        return
    if size == 0:
        yield InputError(str(path), "empty file")
        return
    if kind == "jsonl":
        yield from _read_jsonl(path)
        return
    if size > MAX_FILE_BYTES:
        yield InputError(str(path), f"too large for one article ({size / 1e6:.1f} MB > {MAX_FILE_BYTES / 1e6:.0f} MB)")
        return
    try:
        data = path.read_bytes()
        text = _decode(data, str(path))
    except InputError as e:
        yield e
        return
    except OSError as e:
        yield InputError(str(path), f"cannot read: {e.strerror}")
        return
    if not text.strip():
        yield InputError(str(path), "no text (only white space)")
        return
    if kind == "html":
        yield RawArticle(doc_id=path.stem, source=str(path), line=None, text=text, format="html")
        return
    first, _, rest = text.partition("\n")
    m = SEED_DATE.match(first)
    if m:
        yield RawArticle(doc_id=path.stem, source=str(path), line=None, text=rest, format="seed", published=m.group(1))
    else:
        yield RawArticle(doc_id=path.stem, source=str(path), line=None, text=text, format="txt")


def _decode(data: bytes, where: str, line: int | None = None) -> str:
    if b"\x00" in data[:8192]:
        raise InputError(where, "binary file (NUL bytes), not text", line)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        at = data[: e.start].count(b"\n") + 1 if line is None else line
        raise InputError(where, f"not valid UTF-8 (byte 0x{data[e.start]:02x} at offset {e.start})", at) from None
    return text.removeprefix("\ufeff")


def _read_jsonl(path: Path) -> Iterator[RawArticle | InputError]:
    where = str(path)
    try:
        f = path.open("rb")
    except OSError as e:
        yield InputError(where, f"cannot read: {e.strerror}")
        return
    with f:
        for n, raw in enumerate(f, 1):
            if len(raw) > MAX_LINE_BYTES:
                yield InputError(where, f"line too large ({len(raw) / 1e6:.1f} MB > {MAX_LINE_BYTES / 1e6:.0f} MB)", n)
                continue
            if not raw.strip():
                continue
            try:
                obj = json.loads(_decode(raw, where, n))
            except InputError as e:
                yield e
                continue
            except json.JSONDecodeError as e:
                yield InputError(where, f"malformed JSON: {e.msg} at column {e.colno}", n)
                continue
            if not isinstance(obj, dict):
                yield InputError(where, f"expected a JSON object, got {type(obj).__name__}", n)
                continue
            text = obj.get("text")
            if not isinstance(text, str) or not text.strip():
                yield InputError(where, "no text (the 'text' field is missing or empty)", n)
                continue
            published = obj.get("published")
            if published is not None:
                m = ISO_DATE.match(str(published))
                published = m.group(1) if m else None
            yield RawArticle(
                doc_id=str(obj.get("id") or f"{path.stem}-{n}"),
                source=where,
                line=n,
                text=text,
                format="jsonl",
                url=_str(obj.get("url")),
                outlet=_str(obj.get("outlet")),
                published=published,
                title=_str(obj.get("title")),
                lang=_str(obj.get("lang")),
            )


def _str(v) -> str | None:
    return str(v) if v not in (None, "") else None
