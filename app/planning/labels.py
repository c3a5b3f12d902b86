"""The catalogue keys the planning templates build from a code (`"planning.kind." ~ kind`),
listed for the catalogue test."""

from app.planning import rules

NOTICES = ("years", "node", "node_deleted", "programme", "programme_deleted", "alignment",
           "imported")
DYNAMIC = {
    "planning.notice.": list(NOTICES),
    "planning.kind.": list(rules.NODE_KINDS),
    "planning.stage.": list(rules.STAGES),
    "planning.funding.": list(rules.FUNDING_SOURCES),
    "planning.budget.": list(rules.BUDGET_STATUSES),
    "planning.strength.": list(rules.STRENGTHS),
    "planning.state.": ["accepted", "rejected", "removed"],
}
