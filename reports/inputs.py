"""What the report builders read: plain data, no database and no web objects.

The app's adapter fills a `ReportInput` from the same flattening the workbook export uses, so
the report's totals and the workbook's can never disagree. Labels arrive already in the
report's language.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from reports.analyses import AnalysisInput
    from reports.frameworks import FrameworkView


class _NotApplicable:
    """An answer left out because its question was not relevant (skip logic)."""

    _instance = None

    def __new__(cls):
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "NOT_APPLICABLE"


NOT_APPLICABLE = _NotApplicable()
TIMEFRAMES = ("pendek", "menengah", "panjang")
OpdState = Literal["not_started", "draft", "submitted", "needs_revision", "approved"]


@dataclass(frozen=True)
class RoundInfo:
    """The round the report is about, and the filters it was built with."""

    id: int
    name: str
    questionnaire_title: str
    versions: tuple[str, ...]
    generated_at: datetime
    opens_at: datetime | None = None
    closes_at: datetime | None = None
    filters: tuple[tuple[str, str], ...] = ()
    """(label, value) pairs shown in the report's header, e.g. ("Status", "Dikirim, Disetujui")."""
    generated_by: str = ""


@dataclass(frozen=True, slots=True)
class OpdEntry:
    """An OPD asked in the round, with where its submission stands."""

    code: str
    name: str
    kind: str = ""
    state: OpdState = "not_started"
    deadline: datetime | None = None
    started_at: datetime | None = None
    submitted_at: datetime | None = None
    approved_at: datetime | None = None
    included: bool = False
    """True when its submission passes the status filter and feeds the analysis."""


@dataclass(frozen=True)
class Element:
    """One of the 18 elements (sub-dimensi)."""

    code: str
    label: str


@dataclass(frozen=True)
class Dimension:
    """One of the six dimensions with its three elements, in the questionnaire's order."""

    code: str
    label: str
    elements: tuple[Element, ...]


@dataclass(frozen=True, slots=True)
class Need:
    """One row of the needs repeat group (a Program Masterplan row)."""

    opd_code: str
    title: str
    dimension: str | None = None
    element: str | None = None
    problem: str = ""
    output: str = ""
    timeframe: str | None = None
    """pendek, menengah or panjang (None when not given)."""
    cost: float | None = None
    priority: int | None = None
    """The OPD's own rank: 1 is its most important need."""
    beneficiaries: int | None = None
    quick_win: bool = False
    """The OPD proposes it as a quick win."""
    national_app: bool = False
    """The OPD says a national shared application (aplikasi umum) already exists for it."""
    funding: str = ""
    related_opds: str = ""
    row_id: str = ""


@dataclass(frozen=True, slots=True)
class Readiness:
    """An OPD's self-assessed readiness scores (1–5), from the questionnaire's calculates."""

    opd_code: str
    struktur: float | None = None
    infrastruktur: float | None = None
    suprastruktur: float | None = None


@dataclass(frozen=True, slots=True)
class Application:
    """An application an OPD already runs."""

    opd_code: str
    name: str
    kind: str | None = None
    """umum (shared with other agencies) or khusus (this OPD only)."""
    kind_label: str = ""
    function: str = ""
    platforms: tuple[str, ...] = ()


@dataclass(frozen=True)
class ChoiceOption:
    code: str
    label: str


@dataclass(frozen=True)
class QuestionSpec:
    """A question of the per-question section; `table` names the unit its answers come in."""

    name: str
    label: str
    section: str
    type: str
    """text, integer, decimal, date, select_one, select_multiple or calculate."""
    table: str = "main"
    """"main" (one answer per respondent) or the name of a repeat group (one per row)."""
    choices: tuple[ChoiceOption, ...] = ()


AnswerRow = tuple[str, Mapping[str, object]]
"""(table, {question name: value}); None or absent = not answered, NOT_APPLICABLE = skipped."""


@dataclass
class ReportInput:
    """Everything the builders read.

    `answers` may be a one-shot iterator (streamed rows); build_report reads it before any
    other field, so a streaming adapter may fill the lists while it yields the rows.
    """

    round: RoundInfo
    opds: list[OpdEntry]
    dimensions: list[Dimension]
    needs: Sequence[Need] = field(default_factory=list)
    """Any sequence: the app's adapter passes compact `reports.columns.Rows`."""
    readiness: list[Readiness] = field(default_factory=list)
    applications: Sequence[Application] = field(default_factory=list)
    questions: list[QuestionSpec] = field(default_factory=list)
    answers: Iterable[AnswerRow] = ()
    timeframe_labels: Mapping[str, str] = field(default_factory=dict)
    lang: str = "id"
    left_out: list[str] = field(default_factory=list)
    """OPD codes of submissions that could not be read (the workbook's `Masalah` sheet lists
    them); a streaming adapter fills it while `answers` is read."""
    view: FrameworkView | None = None
    """The framework the needs are shown under (reports.frameworks); None: `dimensions`."""
    analyses: AnalysisInput | None = None
    """The SPBE, application and Satu Data inputs (reports.analyses); None: left out."""
