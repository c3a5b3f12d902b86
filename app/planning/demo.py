"""The demo round's plan: a plausible RPJMD 2025–2029 for a regency like Luwu Utara, marked as
example data (not the regency's official RPJMD), the APBD per year, and a first pass of the
planner's work (suggested mappings accepted, funding sources, start years, one programme
shared by several OPDs) so a newcomer sees every table filled. Idempotent."""

from __future__ import annotations

from sqlmodel import Session, select

from app.accounts.models import User
from app.planning import service
from app.planning.alignment import suggestions
from app.planning.importer import ParsedPlan
from app.planning.models import RpjmdNode
from app.planning.plan import Alignment, Node, ProgrammeInput, build_plan
from app.planning.source import round_planning
from app.rounds.models import Round

YEARS = (2025, 2026, 2027, 2028, 2029)
APBD = {2025: 1_480_000_000_000, 2026: 1_520_000_000_000, 2027: 1_560_000_000_000,
        2028: 1_610_000_000_000, 2029: 1_650_000_000_000}
"""Rupiah; near the regency's APBD of about Rp 1,47 triliun (TA 2023)."""


def _iku(code: str, parent: str, text: str, unit: str, first: float, last: float) -> Node:
    step = (last - first) / (len(YEARS) - 1)
    return Node("iku", code, text, parent, unit,
                {y: round(first + step * i, 2) for i, y in enumerate(YEARS)})


RPJMD = [
    Node("misi", "M1", "Mewujudkan tata kelola pemerintahan yang bersih, melayani dan "
                       "berbasis digital"),
    Node("tujuan", "T1.1", "Meningkatkan kualitas tata kelola dan pelayanan publik", "M1"),
    Node("sasaran", "S1.1.1", "Meningkatnya kualitas pelayanan publik, layanan administrasi "
                              "dan aplikasi pemerintahan digital", "T1.1"),
    _iku("IKU-1.1", "S1.1.1", "Indeks SPBE", "indeks", 2.9, 3.13),
    _iku("IKU-1.2", "S1.1.1", "Indeks Kepuasan Masyarakat", "indeks", 82.0, 86.0),
    Node("sasaran", "S1.1.2", "Meningkatnya integrasi data, jaringan dan sistem informasi "
                              "perangkat daerah (Satu Data)", "T1.1"),
    _iku("IKU-1.3", "S1.1.2", "Perangkat daerah yang menerbitkan data di portal Satu Data",
         "%", 40.0, 100.0),
    Node("misi", "M2", "Meningkatkan kualitas sumber daya manusia yang sehat, cerdas dan "
                       "berdaya saing"),
    Node("tujuan", "T2.1", "Meningkatkan derajat kesehatan dan mutu pendidikan", "M2"),
    Node("sasaran", "S2.1.1", "Meningkatnya akses dan mutu layanan kesehatan, rujukan pasien "
                              "dan pencegahan stunting", "T2.1"),
    _iku("IKU-2.1", "S2.1.1", "Prevalensi stunting", "%", 24.0, 14.0),
    Node("sasaran", "S2.1.2", "Meningkatnya mutu dan akses pendidikan, literasi dan "
                              "perpustakaan", "T2.1"),
    _iku("IKU-2.2", "S2.1.2", "Rata-rata lama sekolah", "tahun", 8.1, 8.6),
    Node("misi", "M3", "Mengembangkan ekonomi kerakyatan berbasis pertanian, UMKM, "
                       "perdagangan dan pariwisata"),
    Node("tujuan", "T3.1", "Meningkatkan pertumbuhan ekonomi yang inklusif", "M3"),
    Node("sasaran", "S3.1.1", "Meningkatnya daya saing UMKM, pasar, produk unggulan, "
                              "investasi dan pariwisata daerah", "T3.1"),
    _iku("IKU-3.1", "S3.1.1", "Pertumbuhan ekonomi", "%", 5.0, 5.8),
    Node("misi", "M4", "Mewujudkan lingkungan hidup yang lestari dan masyarakat tangguh "
                       "bencana"),
    Node("tujuan", "T4.1", "Meningkatkan kualitas lingkungan hidup dan ketangguhan bencana",
         "M4"),
    Node("sasaran", "S4.1.1", "Meningkatnya pengelolaan sampah, lingkungan hidup, ruang "
                              "terbuka hijau dan mitigasi bencana", "T4.1"),
    _iku("IKU-4.1", "S4.1.1", "Indeks Kualitas Lingkungan Hidup", "indeks", 72.0, 75.0),
    Node("misi", "M5", "Mewujudkan masyarakat yang rukun, aman, partisipatif dan berbudaya"),
    Node("tujuan", "T5.1", "Meningkatkan ketertiban, partisipasi dan kehidupan sosial", "M5"),
    Node("sasaran", "S5.1.1", "Meningkatnya partisipasi masyarakat, keamanan, ketertiban dan "
                              "perlindungan sosial", "T5.1"),
]
FUNDING_BY_DIMENSION = {"governance": "apbd", "branding": "csr", "economy": "dak",
                        "living": "dak", "society": "apbd", "environment": "kpbu"}
START_BY_TERM = {"pendek": (2026, 2027), "menengah": (2026, 2027), "panjang": (2025, 2026)}
DEMO_ACCEPT_SCORE = 55
SASARAN_BY_DIMENSION = {"governance": "S1.1.1", "branding": "S3.1.1", "economy": "S3.1.1",
                        "living": "S2.1.1", "society": "S5.1.1", "environment": "S4.1.1"}
LEFT_OPEN = 7
"""Every seventh programme stays unmapped, so the page shows the flag."""


def load_demo_plan(session: Session, *, round_id: int, actor: User, timezone: str) -> bool:
    """Fill the round's plan once; False when it already has an RPJMD."""
    round_ = session.get(Round, round_id)
    if round_ is None or session.exec(select(RpjmdNode).where(
            RpjmdNode.round_id == round_id)).first():
        return False
    base = ParsedPlan(years=YEARS, apbd=dict(APBD), nodes=list(RPJMD))
    service.import_plan(session, round_=round_, parsed=base, actor=actor, example=True)
    data = round_planning(session, round_=round_, lang="id", timezone=timezone).data
    plan = build_plan(data)
    base.programmes = _programmes(plan)
    base.alignments = _alignments(build_plan(data))
    service.import_plan(session, round_=round_, parsed=base, actor=actor, example=True)
    return True


def _alignments(plan) -> list[Alignment]:
    """A close text suggestion as a direct link; else the dimension's sasaran, supporting."""
    close = {s.programme_code: s.node_code for s in suggestions(plan, per_programme=1)
             if s.score >= DEMO_ACCEPT_SCORE}
    found = []
    for i, p in enumerate(plan.programmes):
        if p.code in close:
            found.append(Alignment(p.code, close[p.code], "langsung"))
        elif i % LEFT_OPEN and p.dimension in SASARAN_BY_DIMENSION:
            found.append(Alignment(p.code, SASARAN_BY_DIMENSION[p.dimension], "pendukung"))
    return found


def _programmes(plan) -> list[ProgrammeInput]:
    """Funding by dimension, start years by time frame, the quick wins as programs cepat
    berdampak, and the data-integration needs of several OPDs as one shared programme."""
    shared = [p for p in plan.programmes if "integrasi" in p.name.lower()
              or "satu data" in p.name.lower()]
    owners = {p.opds[0] for p in shared}
    out = []
    if len(owners) > 1:
        out.append(ProgrammeInput(
            "PLATFORM-DATA", "Platform integrasi data bersama (Satu Data Luwu Utara)",
            members=tuple(n for p in shared for n in p.needs), owner_opd="DISKOMINFOSP",
            start_year=2026, duration=3, stage="fondasi", funding="apbd",
            budget_status="masuk_rkpd", prioritas=True))
    grouped = {p.code for p in shared} if len(owners) > 1 else set()
    for i, p in enumerate(plan.programmes):
        if p.code in grouped:
            continue
        starts = START_BY_TERM.get(p.term or "", (2026, 2027))
        out.append(ProgrammeInput(
            p.code, start_year=starts[i % 2], funding=FUNDING_BY_DIMENSION.get(p.dimension, ""),
            budget_status="usulan", cepat_berdampak=p.quick_win and i % 2 == 0,
            stage="pengembangan" if p.term == "menengah" else ""))
    return out
