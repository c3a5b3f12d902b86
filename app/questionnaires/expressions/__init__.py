"""The XLSForm expression language: parse once to a JSON AST, evaluate here or in the browser.

Grammar and semantics: surveys/EXPRESSIONS.md. The browser twin: app/static/js/expressions.js.
"""

from .catalog import SUPPORTED_FUNCTIONS
from .errors import ExpressionError
from .evaluate import DictContext, EvalContext, evaluate, evaluate_boolean, evaluate_text
from .nodes import functions, references, to_json, uses_current
from .parser import parse

__all__ = [
    "SUPPORTED_FUNCTIONS",
    "DictContext",
    "EvalContext",
    "ExpressionError",
    "evaluate",
    "evaluate_boolean",
    "evaluate_text",
    "functions",
    "parse",
    "references",
    "to_json",
    "uses_current",
]
