"""Read articles out of WARC archives (a CC-NEWS dump, a crawl of one's own): every HTML response is one page."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

from .errors import InputError
from .records import RawArticle, web_document_id

__all__ = ["read_warc", "is_warc"]

log = logging.getLogger(__name__)

# A record above this is not one article page (the whole archive is streamed, record by record).
MAX_RECORD_BYTES = 10 * 1024 * 1024


def is_warc(path: Path) -> bool:
    name = path.name.lower()
    return name.endswith(".warc") or name.endswith(".warc.gz")


def read_warc(path: Path) -> Iterator[RawArticle | InputError]:
    """One RawArticle per HTML response with status 200 (other records are skipped); an InputError for a broken archive or record."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    where = str(path)
    try:
        f = path.open("rb")
    except OSError as e:
        yield InputError(where, f"cannot read: {e.strerror}")
        return
    with f:
        n = pages = 0
        try:
            for record in ArchiveIterator(f):
                if record.rec_type != "response":
                    continue
                n += 1
                article = _article(record, where, n)
                if article is not None:
                    pages += 1
                    yield article
        except (ArchiveLoadFailed, OSError, EOFError, ValueError) as e:
            yield InputError(where, f"not a readable WARC archive after {n} responses: {e}")
            return
        if not pages:
            yield InputError(where, f"no HTML page with status 200 among its {n} responses")


def _article(record, where: str, n: int) -> RawArticle | InputError | None:
    """The page of one response record; None for what is not an article page (redirects, errors, images)."""
    url = record.rec_headers.get_header("WARC-Target-URI") or ""
    http = record.http_headers
    status = http.get_statuscode() if http else None
    ctype = (http.get_header("Content-Type") or "") if http else ""
    if status != "200" or "html" not in ctype.lower():
        log.debug("%s: response %d (%s) skipped: status %s, %s", where, n, url, status, ctype or "no content type")
        return None
    body = record.content_stream().read(MAX_RECORD_BYTES + 1)
    if len(body) > MAX_RECORD_BYTES:
        return InputError(where, f"response {n} ({url}) is larger than {MAX_RECORD_BYTES // 1024 // 1024} MB")
    charset = ctype.lower().partition("charset=")[2].split(";")[0].strip() or "utf-8"
    try:
        text = body.decode(charset, "replace")
    except LookupError:
        text = body.decode("utf-8", "replace")
    host = (urlsplit(url).hostname or "").removeprefix("www.") or None
    return RawArticle(doc_id=web_document_id(url) if url else f"{Path(where).name}-{n}", source=where, line=n, text=text,
                      format="html", url=url or None, outlet=host)
