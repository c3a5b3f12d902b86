"""Whether a new questionnaire version may replace an old one without breaking stored answers.

Rules (as ODK Central's "same path, same type" and REDCap's critical-change review): a name
is a permanent key. Adding questions or choices, changing labels, hints and order, and
removing questions are allowed; changing what a name holds, moving it into or out of a
repeat, and removing a choice that stored answers use are refused.
"""

from __future__ import annotations

from .schema import Group, Located, Note, Question, Questionnaire, Repeat


def check_compatibility(
    old: Questionnaire, new: Questionnaire, *, used_choices: dict[str, set[str]] | None = None
) -> list[str]:
    """Return why `new` cannot follow `old` (empty when compatible)."""
    problems = []
    if old.form_id != new.form_id:
        problems.append(f'form_id changed from "{old.form_id}" to "{new.form_id}"; keep it')
    if old.version == new.version:
        problems.append(f'version "{new.version}" is already used; give the new version another')
    used = used_choices or {}
    for before in old.walk():
        after = new.locate(before.element.name)
        if after is not None and not isinstance(before.element, Note | Group):
            problems += _field_problems(before, after, new, used)
    return problems


def _holds(element: object) -> str | None:
    """What a name holds in the answers document: a question type, 'repeat', or nothing."""
    if isinstance(element, Question):
        return element.type
    if isinstance(element, Repeat):
        return "repeat"
    return None


def _field_problems(
    before: Located, after: Located, new: Questionnaire, used: dict
) -> list[str]:
    name = before.element.name
    was, now = _holds(before.element), _holds(after.element)
    if was is None:
        return []  # a section has no answers of its own
    if was != now:
        now_text = now or type(after.element).__name__.lower()
        return [f'field "{name}": changed from {was} to {now_text}; use a new name instead']
    if before.repeat_path != after.repeat_path:
        return [
            f'field "{name}": moved from {_place(before.repeat_path)} to '
            f"{_place(after.repeat_path)}; moving into or out of a repeat is not allowed"
        ]
    if isinstance(before.element, Question) and before.element.list_name:
        return _removed_choices(after.element, new, used.get(name, set()))
    return []


def _removed_choices(after: Question, new: Questionnaire, used: set[str]) -> list[str]:
    """Every code that stored answers use must still be in the new list."""
    new_codes = {choice.name for choice in new.choices(after.list_name)}
    return [
        f'field "{after.name}": choice "{code}" is used by stored answers '
        f"but is missing from list {after.list_name}"
        for code in sorted(used - new_codes)
    ]


def _place(repeat_path: tuple[str, ...]) -> str:
    return f"repeat {'/'.join(repeat_path)}" if repeat_path else "outside any repeat"


LOCAL_PREFIX = "lokal_"
# What a national core item is, beyond its name: a regency may reword labels and hints, never
# change what is asked, how it is checked or where it sits.
_LOCKED = ("type", "list_name", "required", "relevant", "constraint", "calculation",
           "choice_filter", "repeat_count")


def check_core(core: Questionnaire, new: Questionnaire) -> list[str]:
    """Why `new`, a regency's edition of the national core questionnaire, changes a core item
    or adds one outside the local namespace (empty when it keeps the core as it is)."""
    problems = []
    for before in core.walk():
        name = before.element.name
        after = new.locate(name)
        if after is None:
            problems.append(f'core item "{name}" is missing; the national core cannot change')
        elif type(after.element) is not type(before.element):
            problems.append(f'core item "{name}": a {_kind(before.element)} in the national '
                            f"core, a {_kind(after.element)} here; the core cannot change")
        elif after.repeat_path != before.repeat_path:
            problems.append(f'core item "{name}": moved from {_place(before.repeat_path)} to '
                            f"{_place(after.repeat_path)}; the core cannot change")
        else:
            problems += _locked_changes(name, before.element, after.element, core, new)
    core_names = {located.element.name for located in core.walk()}
    for located in new.walk():
        name = located.element.name
        if name not in core_names and not name.startswith(LOCAL_PREFIX):
            problems.append(f'item "{name}" is not in the national core: name local items '
                            f'{LOCAL_PREFIX}… (e.g. {LOCAL_PREFIX}{name})')
    return problems


def _locked_changes(name: str, before, after, core: Questionnaire,
                    new: Questionnaire) -> list[str]:
    changed = [attr for attr in _LOCKED
               if _comparable(getattr(before, attr, None)) != _comparable(getattr(after, attr,
                                                                                  None))]
    if getattr(before, "list_name", None) and "list_name" not in changed:
        old_codes = [choice.name for choice in core.choices(before.list_name)]
        if old_codes != [choice.name for choice in new.choices(after.list_name)]:
            changed.append("choices")
    return [f'core item "{name}": {", ".join(changed)} changed from the national core; '
            "the core cannot change"] if changed else []


def _comparable(value):
    """An expression compares by its source text; anything else as it is."""
    return getattr(value, "source", value)


def _kind(element: object) -> str:
    return type(element).__name__.lower()
