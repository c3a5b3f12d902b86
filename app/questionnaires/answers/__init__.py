"""The answers document and its checks: the document and the context expressions read it
through (document), coercion of typed values (coerce), the bounds at the boundary (bounds),
the first pass of shape and types (clean) and `validate_answers` (validate)."""
