"""How a deliverable names the framework it used (the Info sheet, the pages' headings)."""

from __future__ import annotations

from collections.abc import Callable

from reports.frameworks import FrameworkInfo


def framework_text(info: FrameworkInfo, t: Callable[..., str]) -> str:
    """E.g. "Rancangan … Kota Cerdas (RPM-KC-2026, Draf konsultasi publik …) — DRAF; dari
    GMSC-2021 melalui padanan (14 disimpulkan)"."""
    text = f"{info.name} ({info.code}" + (f", {info.version})" if info.version else ")")
    if info.status == "draft":
        text += " — " + t("analysis.framework.draft")
    if info.crosswalk:
        text += "; " + t("analysis.framework.via", source=info.source_code,
                         inferred=info.inferred_links)
    return text
