"""The MS-Var rows of a questionnaire: each variable of each table, described the way
Peraturan BPS 5/2020's variable metadata form asks (name, alias, concept, definition, question,
data type, classification, validation rule, reference period, public access)."""

from __future__ import annotations

from collections.abc import Callable

from app.analyses import fields as f
from app.exports.plan import MAIN, ExportPlan, PlannedField
from app.questionnaires.schema import text_in
from reports.satudata import Variable

MAIN_DATASET = "Isian"  # the workbook's sheet name of the main table


def ms_var_variables(plan: ExportPlan, t: Callable[..., str], lang: str, *,
                     period: str) -> list[Variable]:
    """One Variable per field of every table of the plan, in questionnaire order."""
    default = plan.newest.form.default_language
    found = []
    for table in plan.tables:
        dataset = MAIN_DATASET if table.key == MAIN else (
            text_in(table.label, "id", default) or table.key)
        for planned in table.fields:
            found.append(_variable(planned, dataset, t, lang, default, period))
    return found


def _variable(planned: PlannedField, dataset: str, t: Callable[..., str], lang: str,
              default: str, period: str) -> Variable:
    q = planned.question
    selects = q.type in ("select_one", "select_multiple")
    classes = "; ".join(f"{c.name} = {text_in(c.label, lang, default)}" for c in planned.choices)
    other = "en" if lang != "en" else "id"
    return Variable(
        dataset=dataset, name=q.name, alias=text_in(q.label, other, default) or "",
        concept=text_in(planned.section_label, lang, default) or "",
        definition=text_in(q.hint, lang, default) or "",
        question=text_in(q.label, lang, default) or ("" if q.type != "calculate" else None),
        data_type=t(f"analysis.msvar.type.{q.type}"),
        classification=classes if selects else None,
        validation=_validation(planned, t, lang, default), reference_period=period,
        public_access=t("analysis.msvar.closed" if _personal(q.name) else "analysis.msvar.open"))


def _validation(planned: PlannedField, t: Callable[..., str], lang: str, default: str) -> str:
    q = planned.question
    parts = []
    if q.required is True:
        parts.append(t("analysis.msvar.required"))
    elif q.required:
        parts.append(t("analysis.msvar.required_when", expr=q.required.source))
    if q.constraint is not None:
        message = text_in(q.constraint_message, lang, default)
        parts.append(f"{q.constraint.source}" + (f" ({message})" if message else ""))
    if q.calculation is not None:
        parts.append(t("analysis.msvar.calculated", expr=q.calculation.source))
    return "; ".join(parts)


def _personal(name: str) -> bool:
    return name.startswith(f.PERSONAL_PREFIXES)
