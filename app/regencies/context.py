"""The regency a request or a job serves, passed to every output as context (never a global)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated

from fastapi import Depends, Request

if TYPE_CHECKING:
    from app.config import Settings
    from app.db import Database

SITE_KEY = "survei.site"


@dataclass(frozen=True)
class Regency:
    name: str
    timezone: str
    code: str = ""

    @classmethod
    def of(cls, settings: Settings) -> Regency:
        """The regency a (home or regency) Settings describes."""
        return cls(settings.regency_name, settings.timezone, settings.regency_code)


@dataclass
class Site:
    """One regency as the service serves it: its context, settings and database."""

    regency: Regency
    settings: Settings
    db: Database
    jobs: object | None = None  # the worker's JobRunner (one for every site) while it runs


def site_of(request: Request) -> Site:
    """The regency site the request's host names (set by the sites middleware; the home site
    for what runs outside it, e.g. an error page of the outer middleware)."""
    site = request.scope.get(SITE_KEY)
    return site if site is not None else request.app.state.sites.home


def regency_of(request: Request) -> Regency:
    """The regency of this request."""
    return site_of(request).regency


RegencyDep = Annotated[Regency, Depends(regency_of)]
