"""The framework view of an export plan: its bound (or own) framework seen through the chosen
one. Used by the workbook's Matriks Dimensi, the report and the planner pages alike."""

from __future__ import annotations

from app.errors import BadRequest
from app.exports.masterplan import MasterplanSpec
from app.exports.plan import ExportPlan
from app.frameworks.binding import binding_of
from reports.frameworks import (
    FrameworkView,
    Registry,
    UnknownFramework,
    make_view,
    native_framework,
)


def framework_view(plan: ExportPlan, spec: MasterplanSpec, registry: Registry, *,
                   target: str | None, lang: str) -> FrameworkView:
    """The view under `target` (None: the framework the questionnaire is bound to)."""
    newest = plan.newest.form
    native = native_framework(newest.title, newest.version, spec.dimensions, spec.elements)
    try:
        return make_view(registry, binding_of(plan), native=native, target=target, lang=lang)
    except UnknownFramework as error:
        raise BadRequest("framework.unknown", code=error.code) from None


def view_choices(view: FrameworkView) -> list[tuple[str, str, str]]:
    """(code, name, status) of the frameworks a view can switch to: its own and the ones a
    crosswalk links it with."""
    codes = [view.source.code, *view.registry.linked(view.source.code)]
    found = []
    for code in codes:
        framework = view.source if code == view.source.code else view.registry.get(code)
        if framework is not None:
            found.append((framework.code, framework.name, framework.status))
    return found
