"""Exports: the consolidated workbook (XLSX), CSV and JSON of a round.

The pipeline, formpack-style (each step a module):

    source.py      database -> SubmissionRecord / StatusRecord (batches, yield_per)
    plan.py        questionnaire versions -> ExportPlan (union of tables, fields, choices)
    flatten.py     answers -> typed cell values of the main table and each repeat (pure)
    masterplan.py  roles -> ProgramItem and DimensionMatrix (pure; the HTML report uses it)
    layout.py      plan + options -> the sheets, their columns and each row's values (pure)
    writer.py      drives a sink through statuses, submissions and the summary sheets
    sinks/         xlsx (xlsxwriter constant-memory), xlsx_openpyxl, csvzip, jsonfile
    hygiene.py     formula injection, sheet names, cell/row/column limits (pure)
    service.py     export_round(db, …): the use case, with its audit event
"""
