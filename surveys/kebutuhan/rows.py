"""Small builders for XLSForm survey rows, so the sections read like the questionnaire itself."""

from typing import Any

Text = tuple[str, str]
"""A bilingual text: (Bahasa Indonesia, English)."""

Row = dict[str, str]

ID = "Bahasa Indonesia (id)"
EN = "English (en)"
# The field's master-plan role (surveys/README.md, "Master-plan roles").
MASTERPLAN = "instance::masterplan"

SURVEY_COLUMNS: tuple[str, ...] = (
    "type",
    "name",
    f"label::{ID}",
    f"label::{EN}",
    f"hint::{ID}",
    f"hint::{EN}",
    "required",
    f"required_message::{ID}",
    f"required_message::{EN}",
    "relevant",
    "constraint",
    f"constraint_message::{ID}",
    f"constraint_message::{EN}",
    "calculation",
    "default",
    "choice_filter",
    "repeat_count",
    "read_only",
    "appearance",
    f"header::{ID}",
    f"header::{EN}",
    MASTERPLAN,
)

_TRANSLATED = ("label", "hint", "required_message", "constraint_message")


def field(type_: str, name: str, label: Text | None = None, **options: Any) -> Row:
    """Return one survey row; bilingual options are (id, en) pairs, flags are booleans.

    `masterplan="biaya"` fills the instance::masterplan column with that role.
    """
    row: Row = {"type": type_, "name": name}
    if options.get("masterplan"):
        row[MASTERPLAN] = options.pop("masterplan")
    texts = {"label": label, **{key: options.pop(key, None) for key in _TRANSLATED[1:]}}
    for column, text in texts.items():
        if text is not None:
            row[f"{column}::{ID}"], row[f"{column}::{EN}"] = text
    for flag in ("required", "read_only"):
        if options.pop(flag, False):
            row[flag] = "yes"
    for column, value in options.items():
        if column not in SURVEY_COLUMNS:
            raise ValueError(f"unsupported column {column!r} on {name!r}")
        if value:
            row[column] = value
    return row


def text(name: str, label: Text, *, multiline: bool = False, **options: Any) -> Row:
    """Return a free-text question; multiline shows a text area."""
    appearance = "multiline" if multiline else ""
    return field("text", name, label, appearance=appearance, **options)


def integer(name: str, label: Text, **options: Any) -> Row:
    """Return a whole-number question."""
    return field("integer", name, label, **options)


def decimal(name: str, label: Text, **options: Any) -> Row:
    """Return a decimal-number question."""
    return field("decimal", name, label, **options)


def date(name: str, label: Text, **options: Any) -> Row:
    """Return a date question."""
    return field("date", name, label, **options)


def select_one(list_name: str, name: str, label: Text, **options: Any) -> Row:
    """Return a single-choice question over the given choice list."""
    return field(f"select_one {list_name}", name, label, **options)


def select_multiple(list_name: str, name: str, label: Text, **options: Any) -> Row:
    """Return a multiple-choice question over the given choice list."""
    return field(f"select_multiple {list_name}", name, label, **options)


def note(name: str, label: Text, **options: Any) -> Row:
    """Return a read-only note shown to the respondent."""
    return field("note", name, label, **options)


def calculate(name: str, calculation: str, label: Text | None = None) -> Row:
    """Return a calculated field; with a label the officer sees its value as they type."""
    if label is None:
        return field("calculate", name, calculation=calculation)
    return field("calculate", name, label, calculation=calculation)


def group(name: str, label: Text, rows: list[Row], **options: Any) -> list[Row]:
    """Wrap rows in begin_group/end_group; a top-level group is one step of the form."""
    return [field("begin_group", name, label, **options), *rows, {"type": "end_group"}]


def repeat(name: str, label: Text, rows: list[Row], **options: Any) -> list[Row]:
    """Wrap rows in begin_repeat/end_repeat: one table row per entry."""
    return [field("begin_repeat", name, label, **options), *rows, {"type": "end_repeat"}]


def sum_of_numbers(names: list[str]) -> str:
    """Return an expression adding the numeric values of the named fields."""
    return " + ".join(f"number(${{{name}}})" for name in names)


def average(names: list[str]) -> str:
    """Return an expression for the mean of the named fields, rounded to two decimals."""
    return f"round(({sum_of_numbers(names)}) div {len(names)}, 2)"


# Constraints shared by several questions.
NON_NEGATIVE: dict[str, Any] = {
    "constraint": ". >= 0",
    "constraint_message": ("Nilai tidak boleh negatif.", "The value cannot be negative."),
}
NIP: dict[str, Any] = {
    "constraint": "regex(., '^[0-9]{18}$')",
    "constraint_message": (
        "NIP harus terdiri atas 18 digit angka tanpa spasi.",
        "The NIP must be exactly 18 digits without spaces.",
    ),
    "hint": (
        "18 digit angka tanpa spasi, contoh: 198609262015051001.",
        "18 digits without spaces, e.g. 198609262015051001.",
    ),
}
# 0 or +62 followed by 9–13 digits: a national number of 10–14 digits, written either way.
TELEPON: dict[str, Any] = {
    "constraint": r"regex(., '^(0|\+62)[0-9]{9,13}$')",
    "constraint_message": (
        "Nomor diawali 0 atau +62, diikuti 9–13 digit angka tanpa spasi atau tanda hubung.",
        "The number starts with 0 or +62 followed by 9–13 digits, without spaces or dashes.",
    ),
    "hint": (
        "Contoh: 081234567890 atau +6281234567890.",
        "For example 081234567890 or +6281234567890.",
    ),
}
EMAIL: dict[str, Any] = {
    "constraint": r"regex(., '^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$')",
    "constraint_message": (
        "Format alamat surel tidak valid, contoh: nama@instansi.go.id.",
        "Invalid e-mail address, e.g. name@agency.go.id.",
    ),
}
