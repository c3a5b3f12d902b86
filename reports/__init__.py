"""Report builders and their templates: plain data in, a typed result out, one HTML file.

Pure: no database, no FastAPI, no settings. The app's adapter (app/reports_web/service.py)
fills a ReportInput from the export's flattening.
"""

from reports.builders import PriorityOptions, PriorityWeights, ReportOptions, build_report
from reports.inputs import (
                            NOT_APPLICABLE,
                            Application,
                            ChoiceOption,
                            Dimension,
                            Element,
                            Need,
                            OpdEntry,
                            QuestionSpec,
                            Readiness,
                            ReportInput,
                            RoundInfo,
)
from reports.render import render_html, report_json, write_html
from reports.results import Report

__all__ = [
    "NOT_APPLICABLE", "Application", "ChoiceOption", "Dimension", "Element", "Need", "OpdEntry",
    "PriorityOptions", "PriorityWeights", "QuestionSpec", "Readiness", "Report", "ReportInput",
    "ReportOptions", "RoundInfo", "build_report", "render_html", "report_json", "write_html",
]
