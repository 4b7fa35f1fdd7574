"""The browser page: plain HTML, CSS and JavaScript from ``antqa/static``, served at ``GET /``.

There is no build step and nothing is fetched from a CDN, so the page works on an offline
machine and ships inside the wheel. The page is open to everyone even when an API key is
configured: it holds no data, and it must load to ask for the key. It calls ``POST /ask``
like any other client and sends the key only after the server has asked for one (401).
A strict Content-Security-Policy allows scripts and styles from this server only, so
nothing the article or a user typed can ever run as code.
"""

from __future__ import annotations

import html
from functools import lru_cache
from pathlib import Path

from fastapi import APIRouter, HTTPException
from fastapi.responses import FileResponse, HTMLResponse

from antqa.api.deps import RuntimeDep
from antqa.chunking import paragraphs

STATIC_DIR = Path(__file__).parents[2] / "static"

#: The page's files besides index.html, with their media types; nothing else is served.
ASSETS = {
    "app.css": "text/css; charset=utf-8",
    "app.js": "text/javascript; charset=utf-8",
    "favicon.svg": "image/svg+xml",
}

#: Where index.html names the article (by its escaped title, when it has one).
ARTICLE_SLOT = "__ARTICLE__"
MAX_TITLE_CHARS = 200

#: Sent with every page file: always revalidated, so an upgrade never mixes old and new files.
ASSET_HEADERS = {
    "Cache-Control": "no-cache",
    "X-Content-Type-Options": "nosniff",
}

#: Sent with the HTML page: only this origin's scripts, styles and API; no framing.
PAGE_HEADERS = {
    **ASSET_HEADERS,
    "Content-Security-Policy": (
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
        "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    ),
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


def article_title(article: str) -> str | None:
    """The article's first paragraph when it is a one-line title, so the page can name it."""
    first = next(paragraphs(article), None)
    if first is None:
        return None
    title = article[first[0] : first[1]].strip()
    return title if title and "\n" not in title and len(title) <= MAX_TITLE_CHARS else None


@lru_cache(maxsize=4)
def render_page(title: str | None) -> str:
    """index.html naming the article; the title is escaped, so it can never become markup."""
    named = f'<p class="article-name">About <cite>{html.escape(title)}</cite></p>' if title else ""
    return (STATIC_DIR / "index.html").read_text(encoding="utf-8").replace(ARTICLE_SLOT, named)


router = APIRouter(include_in_schema=False)


@router.get("/")
async def index_page(runtime: RuntimeDep) -> HTMLResponse:
    """The page, naming the served article."""
    title = article_title(runtime.service.index.article)
    return HTMLResponse(render_page(title), headers=PAGE_HEADERS)


@router.get("/static/{name}")
async def asset(name: str) -> FileResponse:
    """One of the page's files (:data:`ASSETS`); nothing else under ``/static/``."""
    if name not in ASSETS:
        raise HTTPException(404, f"no page file named {name!r}")
    return FileResponse(STATIC_DIR / name, media_type=ASSETS[name], headers=ASSET_HEADERS)
