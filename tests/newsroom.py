"""A small news site on 127.0.0.1 for the live-source tests: a feed, a sitemap, articles and every way a fetch goes wrong."""

from __future__ import annotations

import contextlib
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ARTICLE = """<html><head><title>{title}</title><meta property="article:published_time" content="2025-03-04"></head>
<body><nav>Home | World | Business</nav><article><h1>{title}</h1>
<p>{body}</p>
<p>The officials met for two hours and agreed to meet again in the autumn, a statement from both foreign ministries said afterwards.</p>
</article><footer>Copyright the example newsroom</footer></body></html>"""

PAGES = {
    "/news/border.html": ("Border crossings", "Kazakh President Kassym-Jomart Tokayev said that Kazakhstan would open two new border crossings with China next year."),
    "/news/rail.html": ("Rail freight", "Chinese Foreign Minister Wang Yi held talks with Uzbek Foreign Minister Bakhtiyor Saidov in Tashkent on Tuesday about rail freight."),
    "/private/secret.html": ("Not for robots", "This page is disallowed for crawlers by the site's robots file and must never be fetched by the watcher."),
}


def rss(*paths: str) -> str:
    items = "".join(f"<item><title>Item {p}</title><link>{p}</link><pubDate>Tue, 04 Mar 2025 10:00:00 GMT</pubDate></item>" for p in paths)
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Example newsroom</title><link>/</link>{items}</channel></rss>'


def sitemap(*paths: str) -> str:
    urls = "".join(
        f"<url><loc>{p}</loc><news:news><news:publication_date>2025-03-05</news:publication_date><news:title>On {p}</news:title></news:news></url>"
        for p in paths
    )
    return ('<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            f'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">{urls}</urlset>')


class Newsroom:
    """What the site serves; tests change `routes` to change the site between polls."""

    def __init__(self, port: int = 0):
        self.port = port
        self.routes: dict[str, tuple] = {}
        self.hits: list[str] = []
        self.reset()

    def reset(self) -> None:
        self.hits.clear()
        self.routes = {
            "/robots.txt": (200, "text/plain", "User-agent: *\nDisallow: /private/\n"),
            "/feed.xml": (200, "application/rss+xml", rss("/news/border.html", "/moved", "/private/secret.html", "/gone")),
            "/sitemap.xml": (200, "application/xml", sitemap("/news/rail.html")),
            "/bad-feed.xml": (200, "application/rss+xml", "<rss><channel><item><title>broken"),
            "/moved": (301, "/news/rail.html"),
            "/gone": (410, "text/plain", "gone"),
            "/slow": ("slow", 3.0),
            "/huge": (200, "text/html", "<p>" + "word " * 400_000 + "</p>"),
            "/to-private": (302, "http://10.255.255.1/news/border.html"),
            "/to-localhost": (302, f"http://localhost:{self.port}/news/border.html"),
            **{p: (200, "text/html", ARTICLE.format(title=t, body=b)) for p, (t, b) in PAGES.items()},
        }


def _handler(room: Newsroom):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

        def do_GET(self) -> None:
            room.hits.append(self.path)
            route = room.routes.get(self.path)
            if route is None:
                self.send_response(404)
                self.end_headers()
                return
            if route[0] == "slow":
                time.sleep(route[1])
                route = (200, "text/html", "<p>late</p>")
            if route[0] in (301, 302):
                self.send_response(route[0])
                self.send_header("Location", route[1])
                self.end_headers()
                return
            status, ctype, body = route
            data = body.encode("utf-8")
            etag = f'"{hash(body) & 0xFFFFFFFF:x}"'
            if status == 200 and self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.send_header("ETag", etag)
                self.end_headers()
                return
            self.send_response(status)
            self.send_header("Content-Type", f"{ctype}; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.send_header("ETag", etag)
            self.end_headers()
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(data)

    return Handler


@contextlib.contextmanager
def serve_newsroom():
    """Run the newsroom on a free port of 127.0.0.1; yields (room, base URL)."""
    room = Newsroom()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(room))
    server.daemon_threads = True
    room.port = server.server_address[1]
    room.reset()
    base = f"http://127.0.0.1:{room.port}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield room, base
    finally:
        server.shutdown()
        server.server_close()
