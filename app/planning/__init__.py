"""The planning workspace of a round: the RPJMD a plan is aligned to, programmes mapped to its
misi and sasaran, the roadmap and the indicative costs (RAB), and the quick-win checks.

Pure: rules (the vocabularies and checks), plan (the programmes of a plan from the needs and the
planner's inputs), alignment (coverage, suggestions), roadmap (Gantt, predecessor check), costs
(RAB summaries), quickwins (the reviewer's checks), gantt_svg, workbook (the Masterplan
workbook), importer (its input sheets read back). Database: source (what a round's plan reads),
service (the planner's edits, audited). Web: pages, api.
"""
