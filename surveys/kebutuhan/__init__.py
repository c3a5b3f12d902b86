"""The default questionnaire "Kuesioner Identifikasi Kebutuhan Smart City Perangkat Daerah".

Sections are plain Python data (bagian/), choice lists live in choices.py and rujukan.py;
workbook.py turns them into the XLSForm workbook.
"""

from .workbook import sheet_tables, survey_rows, write_workbook

__all__ = ["sheet_tables", "survey_rows", "write_workbook"]
