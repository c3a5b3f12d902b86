"""What the analyses of a round read besides the answers, and what they collect from them.

The SPBE self-assessment, application rationalisation and Satu Data outputs are pure builders
in reports/; this package feeds them the same way for the workbook, the report and the
planner pages, so the three show the same numbers.
"""
