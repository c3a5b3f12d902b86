"""Questionnaire engine: XLSForm import, typed schema, expressions and answer validation."""
