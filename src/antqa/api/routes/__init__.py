"""The HTTP routes, one router per concern; :data:`ROUTERS` is what the app includes."""

from fastapi import APIRouter

from antqa.api.routes import ask, ops, page

ROUTERS: tuple[APIRouter, ...] = (ask.router, ops.router, page.router)

__all__ = ["ROUTERS"]
