"""The data export report on the `Info` sheet: what went into the export and what did not.

So a planner can cite the data in an official document (SurveyCTO prints one with every
export; KoboToolbox and ODK do not): per review status, how many OPDs' submissions the options
included and excluded (and why), how many submissions of each questionnaire version, and the
`Masalah` rows. The OPD states come from the database before writing; versions and problems are
counted while the submissions stream.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from .options import ExportOptions
from .records import SubmissionRecord

STATES = ("not_started", "draft", "submitted", "needs_revision", "approved")


@dataclass
class ExportTally:
    """Every OPD the round asks with its state; filled further by the writer."""

    states: list[tuple[str, str]]
    """(OPD code, submission status or "not_started") of every OPD the round asks."""
    versions: Counter = field(default_factory=Counter)
    """Version label -> submissions written to `Isian`."""
    problems: list[tuple[str, int, str]] = field(default_factory=list)
    """(OPD code, submission id, reason) of every `Masalah` row."""

    def add(self, record: SubmissionRecord) -> None:
        """Count one exported submission."""
        if record.problem is not None:
            self.problems.append((record.opd_code, record.id, record.problem))
        else:
            self.versions[record.version] += 1

    def breakdown(self, options: ExportOptions) -> list[tuple[str, int, int, int]]:
        """(state, included, excluded by the status option, excluded by the OPD option)."""
        wanted = set(options.opd_codes)
        rows = []
        for state in STATES:
            codes = [code for code, status in self.states if status == state]
            chosen = [code for code in codes if not wanted or code in wanted]
            in_scope = state in options.statuses
            rows.append((state, len(chosen) if in_scope else 0,
                         0 if in_scope else len(chosen), len(codes) - len(chosen)))
        return rows

    def rows(self, options: ExportOptions, t: Callable[..., str],
             version_ids: dict[str, int]) -> list[list]:
        """The report's rows (item, value) for the Info sheet."""
        out: list[list] = [[t("export.report.title"), None]]
        for state, included, by_status, by_opd in self.breakdown(options):
            if state == "not_started":  # no submission to include
                out.append([t("export.report.not_started"), by_status])
                continue
            label = t(f"export.status.{state}")
            out.append([t("export.report.included", status=label), included])
            if by_status:
                out.append([t("export.report.excluded_status", status=label), by_status])
            if by_opd:
                out.append([t("export.report.excluded_opd", status=label), by_opd])
        for version, count in sorted(self.versions.items()):
            out.append([t("export.report.version", version=version,
                          id=version_ids.get(version, "-")), count])
        out.append([t("export.report.problems"), len(self.problems)])
        for code, submission_id, reason in self.problems:
            out.append([t("export.report.problem", opd=code, id=submission_id), reason])
        return out
