"""Per-row checks of the survey sheet: type, name, and which columns each type may use."""

from __future__ import annotations

from dataclasses import dataclass

from .columns import NAME_RE, SURVEY_COLUMNS, split_header
from .read import FormError, SheetRow

QUESTION_TYPES = ("text", "integer", "decimal", "date")
SELECTS = ("select_one", "select_multiple")
STRUCTURE = {
    "begin_group": ("begin", "group"), "begin group": ("begin", "group"),
    "end_group": ("end", "group"), "end group": ("end", "group"),
    "begin_repeat": ("begin", "repeat"), "begin repeat": ("begin", "repeat"),
    "end_repeat": ("end", "repeat"), "end repeat": ("end", "repeat"),
}
# Real XLSForm types outside our subset: "unsupported" rather than "unknown" (a typo).
UNSUPPORTED_TYPES = frozenset(
    {
        "time", "datetime", "geopoint", "geotrace", "geoshape", "image", "audio", "video",
        "file", "barcode", "range", "rank", "acknowledge", "hidden", "start", "end", "today",
        "deviceid", "username", "email", "phonenumber", "audit", "background-audio",
        "select_one_from_file", "select_multiple_from_file", "xml-external", "csv-external",
        "trigger", "begin_loop", "end_loop", "begin loop", "end loop", "simserial",
        "subscriberid", "start-geopoint", "start_geopoint", "entity",
    }
)
TYPE_HINTS = {
    "select all that apply": "select_multiple", "select one": "select_one",
    "select1": "select_one", "int": "integer", "string": "text", "number": "decimal",
}

_BASE = {"type", "name", "label", "hint", "relevant"}
_ANSWER = _BASE | {
    "required", "required_message", "constraint", "constraint_message", "default", "read_only",
    "header",
}
COLUMNS_BY_KIND = {
    "question": set(_ANSWER),
    "select": _ANSWER | {"choice_filter"},
    "calculate": {"type", "name", "label", "relevant", "calculation", "header"},
    "note": set(_BASE),
    "begin group": set(_BASE),
    "begin repeat": _BASE | {"repeat_count"},
    "end group": {"type", "name"},
    "end repeat": {"type", "name"},
}
TRUE_WORDS = ("yes", "true", "true()", "1")
FALSE_WORDS = ("no", "false", "false()", "0", "")
RESERVED_NAMES = ("_id", "meta", "instanceID")


@dataclass
class RowType:
    """The meaning of a survey row's type cell."""

    kind: str  # question | select | calculate | note | begin group | end repeat | ...
    type: str  # text, integer, …, select_one, calculate, note, group, repeat
    list_name: str | None = None


def parse_type(row: SheetRow) -> tuple[RowType | None, FormError | None]:
    """Read the type cell, or return an error naming the offending type."""
    raw = " ".join(row.get("type").split())
    tokens = raw.split(" ")
    head = tokens[0].lower()

    def error(message: str) -> tuple[None, FormError]:
        return None, FormError("survey", row.number, "type", message)

    if head in SELECTS:
        if len(tokens) == 1:
            return error(f'{head} needs a choice list name, e.g. "{head} dimensi"')
        if len(tokens) > 2:
            return error(f'unsupported type "{raw}" (only "{head} <list_name>")')
        return RowType("select", head, tokens[1]), None
    lowered = raw.lower()
    if lowered in QUESTION_TYPES:
        return RowType("question", lowered), None
    if lowered in ("calculate", "note"):
        return RowType(lowered, lowered), None
    if lowered in STRUCTURE:
        edge, what = STRUCTURE[lowered]
        return RowType(f"{edge} {what}", what), None
    if lowered in UNSUPPORTED_TYPES:
        return error(f'unsupported type "{raw}"')
    if lowered in TYPE_HINTS:
        return error(f'unknown type "{raw}" (write "{TYPE_HINTS[lowered]}")')
    return error(f'unknown type "{raw}"')


def check_row(row: SheetRow, kind: RowType) -> list[FormError]:
    """Check the columns a row uses against its type, and its name, appearance and read_only."""
    errors = []
    allowed = COLUMNS_BY_KIND[kind.kind]
    for header in row.cells:
        base, _ = split_header(header)
        # unknown columns are reported once, for the header; appearance is checked below
        if base not in allowed and base in SURVEY_COLUMNS and base != "appearance":
            message = f'column {base} does not apply to type "{row.get("type")}"'
            errors.append(FormError("survey", row.number, header, message))
    if not kind.kind.startswith("end"):
        errors += _check_name(row)
    if "appearance" in row.cells and row.get("appearance") != "multiline":
        message = f'unsupported appearance "{row.get("appearance")}" (only "multiline")'
        errors.append(FormError("survey", row.number, "appearance", message))
    elif "appearance" in row.cells and kind.type != "text":
        message = 'appearance "multiline" applies to text questions only'
        errors.append(FormError("survey", row.number, "appearance", message))
    if row.get("read_only").lower() not in TRUE_WORDS + FALSE_WORDS:
        errors.append(FormError("survey", row.number, "read_only", "read_only must be yes or no"))
    return errors


def _check_name(row: SheetRow) -> list[FormError]:
    name = row.get("name")
    if not name:
        return [FormError("survey", row.number, "name", "name is required")]
    if not NAME_RE.fullmatch(name):
        message = (
            f'invalid name "{name}": start with a letter or _, then letters, digits, _ . -'
        )
        return [FormError("survey", row.number, "name", message)]
    if name in RESERVED_NAMES or name.lower().startswith("xml") or name.startswith("_choice."):
        return [FormError("survey", row.number, "name", f'the name "{name}" is reserved')]
    return []


def is_true(text: str) -> bool:
    """Whether a yes/no cell says yes."""
    return text.strip().lower() in TRUE_WORDS


def is_bool_word(text: str) -> bool:
    """Whether a cell is a plain yes/no (rather than an expression)."""
    return text.strip().lower() in TRUE_WORDS + FALSE_WORDS
