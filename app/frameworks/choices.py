"""Which frameworks a round's deliverables can be rendered under (for the choice lists)."""

from __future__ import annotations

from sqlmodel import Session

from app.analyses.context import round_setting
from app.exports.masterplan import masterplan_spec
from app.exports.plan import build_plan
from app.exports.source import load_versions
from app.frameworks.registry import load_registry
from app.frameworks.views import framework_view, view_choices
from app.rounds.models import Round


def framework_choices(session: Session, *, round_id: int) -> list[tuple[str, str, str, bool]]:
    """(code, name, status, is the round's choice) of the frameworks the round's needs can be
    shown under: the one they are bound to and the ones a crosswalk links it with."""
    round_ = session.get(Round, round_id)
    versions, _ = load_versions(session, round_) if round_ else ([], {})
    if not versions:
        return []
    plan = build_plan(versions)
    spec = masterplan_spec(plan)
    if spec is None:
        return []
    view = framework_view(plan, spec, load_registry(session), target=None, lang="id")
    setting = round_setting(session, round_id)
    chosen = (setting.framework_code if setting else None) or view.source.code
    return [(code, name, status, code == chosen) for code, name, status in view_choices(view)]
