"""The regency a plan belongs to, passed to every planning output as context (never a global),
so a national edition can serve several regencies."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request


@dataclass(frozen=True)
class Regency:
    name: str
    timezone: str


def regency_of(request: Request) -> Regency:
    """The regency of this service (from Settings)."""
    settings = request.app.state.settings
    return Regency(settings.regency_name, settings.timezone)


RegencyDep = Annotated[Regency, Depends(regency_of)]
