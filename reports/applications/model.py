"""What application rationalisation reads and returns (section C of every OPD)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

RECOMMENDATIONS = ("pertahankan", "integrasikan", "migrasi", "hentikan")
"""Keep · integrate · migrate to the national shared application · stop."""


@dataclass(frozen=True)
class AppRecord:
    """One application row of a submission."""

    opd_code: str
    opd_name: str
    submission_id: int
    row_id: str
    name: str
    function: str = ""
    kind: str = ""
    """umum or khusus, as the OPD answered."""
    status: str = ""
    """aktif, tidak_aktif or dalam_pengembangan."""
    status_label: str = ""
    hosting: str = ""
    hosting_label: str = ""
    integrated: bool | None = None
    integrated_with: str = ""
    developer_label: str = ""


@dataclass(frozen=True)
class NationalApp:
    """A national shared application (aplikasi umum) from the maintained list."""

    code: str
    name: str
    aliases: tuple[str, ...] = ()
    function: str = ""
    keywords: tuple[str, ...] = ()
    """Words of a function it serves (an OPD app doing this is a migration candidate)."""
    owner: str = ""
    spbe_indicator: str | None = None


@dataclass(frozen=True)
class Decision:
    """The planner's confirmed recommendation for one application."""

    submission_id: int
    row_id: str
    recommendation: str
    note: str = ""
    decided_by: str = ""
    decided_at: datetime | None = None


@dataclass(frozen=True)
class AppRow:
    """One application with its cluster, national match and recommendation."""

    app: AppRecord
    cluster: str
    """"K1", "K2", …: applications doing the same thing in several OPDs; "" when alone."""
    cluster_opds: int
    national: str
    """Name of the matching national application, "" when none."""
    match: str
    """`name` (it is that application), `function` (it does what that one does) or ""."""
    hosting_note: str
    """`move` when it runs on the OPD's own server or a vendor's (consolidate to the Pusat
    Data Daerah / PDN), "" otherwise."""
    draft: str
    reason: str
    """Why the draft says so: a code (national, inactive, same_function, duplicate, keep)."""
    decision: Decision | None

    @property
    def final(self) -> str:
        """The confirmed recommendation, else the draft."""
        return self.decision.recommendation if self.decision else self.draft


@dataclass(frozen=True)
class Cluster:
    code: str
    name: str
    names: list[str]
    opd_codes: list[str]
    apps: int


@dataclass(frozen=True)
class Rationalisation:
    """The application inventory with clusters, matches and recommendations."""

    rows: Sequence[AppRow]
    """Made when read (reports.columns.Mapped), in the order the applications came."""
    clusters: list[Cluster]
    national: list[NationalApp]
    threshold: int
    drafts: dict[str, int]
    finals: dict[str, int]
    confirmed: int
    hosting: dict[str, int]
    """Hosting label -> number of applications."""
    not_integrated: int
