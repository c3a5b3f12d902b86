"""Which functions the language knows, and how many arguments each takes."""

# name -> (minimum, maximum) argument count; None means "any number".
SIGNATURES: dict[str, tuple[int, int | None]] = {
    "not": (1, 1),
    "true": (0, 0),
    "false": (0, 0),
    "if": (3, 3),
    "coalesce": (2, 2),
    "selected": (2, 2),
    "count-selected": (1, 1),
    "string-length": (1, 1),
    "concat": (1, None),
    "regex": (2, 2),
    "number": (1, 1),
    "int": (1, 1),
    "round": (1, 2),
    "today": (0, 0),
    "sum": (1, 1),
    "count": (1, 1),
    "position": (1, 1),
}

SUPPORTED_FUNCTIONS = frozenset(SIGNATURES)

# Functions that take a ${field} reference (a node-set in XPath) rather than a value.
NODESET_FUNCTIONS = frozenset({"sum", "count"})

# XPath 1.0 and ODK functions we knowingly leave out: an author who uses one is told it is
# unsupported (a real function, not here) rather than unknown (probably a typo).
UNSUPPORTED_FUNCTIONS = frozenset(
    """
    abs acos area asin atan atan2 base64-decode boolean boolean-from-string ceiling checklist
    contains cos count-non-empty current date date-time decimal-date decimal-date-time
    decimal-time digest distance encrypt-string ends-with exp exp10 floor format-date
    format-date-time geofence id indexed-repeat instance join lang last local-name log log10
    max min name namespace-uri normalize-space now once pi pow pulldata random randomize
    selected-at sin sqrt starts-with string substr substring substring-after substring-before
    tan translate uuid version weighted-checklist jr:choice-name jr:itext
    """.split()
)


def arity_message(name: str, given: int) -> str | None:
    """The error for calling `name` with `given` arguments, or None when the count is right."""
    low, high = SIGNATURES[name]
    if low <= given and (high is None or given <= high):
        return None
    if high is None:
        expected = f"at least {low} argument" + ("s" if low != 1 else "")
    elif high == 0:
        expected = "no arguments"
    elif low == high:
        expected = f"{low} argument" + ("s" if low != 1 else "")
    else:
        expected = f"{low} or {high} arguments"
    return f"{name}() takes {expected}, got {given}"
