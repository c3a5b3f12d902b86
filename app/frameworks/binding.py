"""The questionnaire's framework binding: which node each dimension, element and SPBE
indicator choice is (choices column `kerangka`), and the check made when publishing."""

from __future__ import annotations

from collections.abc import Iterable

from app.exports.plan import ExportPlan
from app.questionnaires.schema import Choice, Questionnaire
from reports.frameworks import Binding, NodeRef, Registry

# Fields whose choices name SPBE indicators: a service's and a need's (the default
# questionnaire's names; other questionnaires simply have none).
SPBE_FIELDS = ("layanan_indikator_spbe", "kebutuhan_indikator_spbe")


def choice_nodes(choices: Iterable[Choice]) -> dict[str, NodeRef]:
    """Choice code -> the node it is bound to (unbound choices are left out)."""
    found = {}
    for choice in choices:
        ref = NodeRef.parse(choice.node) if choice.node else None
        if ref is not None:
            found[choice.name] = ref
    return found


def binding_of(plan: ExportPlan) -> Binding:
    """The dimension and element binding of the plan's master-plan roles (newest wins)."""
    roles = plan.roles()
    dims, els = roles.get("dimensi"), roles.get("elemen")
    return Binding(choice_nodes(dims.choices) if dims else {},
                   choice_nodes(els.choices) if els else {})


def spbe_nodes(plan: ExportPlan) -> dict[str, dict[str, NodeRef]]:
    """Field name -> choice code -> SPBE indicator node, for the SPBE fields the plan has."""
    return {name: choice_nodes(plan.fields[name].choices)
            for name in SPBE_FIELDS if name in plan.fields}


def binding_problems(form: Questionnaire, registry: Registry) -> list[str]:
    """Bound choices naming a framework or node the registry lacks, or lists bound to several
    frameworks (publishing refuses them)."""
    problems: list[str] = []
    for list_name, choices in form.choice_lists.items():
        frameworks = set()
        for choice in choices:
            ref = NodeRef.parse(choice.node) if choice.node else None
            if ref is None:
                continue
            frameworks.add(ref.framework)
            framework = registry.get(ref.framework)
            if framework is None:
                problems.append(f'choices list {list_name}, choice {choice.name}: framework '
                                f'"{ref.framework}" is not in the registry (see /frameworks)')
            elif framework.node(ref.node) is None:
                problems.append(f'choices list {list_name}, choice {choice.name}: framework '
                                f'{ref.framework} has no node "{ref.node}"')
        if len(frameworks) > 1:
            problems.append(f"choices list {list_name} is bound to several frameworks "
                            f"({', '.join(sorted(frameworks))}); bind each list to one")
    return problems
