"""A small plan with hand-checked figures: four needs of three OPDs over 2025–2029.

    DINKES/k1  Sistem informasi rujukan pasien   living      pendek    Rp 100.000.000
    DINKES/k2  Dashboard kesehatan ibu dan anak  living      menengah  Rp 250.000.000
    DUKCAPIL/k1 Integrasi data kependudukan      governance  menengah  Rp 300.000.000
    KOMINFO/k1 Integrasi data antar OPD (Satu Data) governance pendek  Rp  90.000.000

Group SATU-DATA = DUKCAPIL/k1 + KOMINFO/k1 (owner KOMINFO, start 2025, 2 years, DAK).
DINKES/k2: explicit costs 2026: 50 M, 2027: 200 M (APBD), predecessor SATU-DATA.
"""

from app.planning.plan import Alignment, Node, PlanInput, ProgrammeInput
from reports.inputs import Need

YEARS = (2025, 2026, 2027, 2028, 2029)
M = 1_000_000

NEEDS = [
    Need("DINKES", "Sistem informasi rujukan pasien", "living", problem="Rujukan manual",
         timeframe="pendek", cost=100 * M, row_id="k1"),
    Need("DINKES", "Dashboard kesehatan ibu dan anak", "living", timeframe="menengah",
         cost=250 * M, row_id="k2"),
    Need("DUKCAPIL", "Integrasi data kependudukan", "governance", timeframe="menengah",
         cost=300 * M, row_id="k1"),
    Need("KOMINFO", "Integrasi data antar OPD (Satu Data)", "governance", timeframe="pendek",
         cost=90 * M, row_id="k1"),
]

NODES = [
    Node("misi", "M1", "Mewujudkan tata kelola pemerintahan yang bersih dan digital"),
    Node("tujuan", "M1.T1", "Meningkatkan kualitas tata kelola", "M1"),
    Node("sasaran", "M1.T1.S1", "Meningkatnya integrasi data dan layanan pemerintahan digital",
         "M1.T1"),
    Node("iku", "IKU-1", "Indeks SPBE", "M1.T1.S1", unit="indeks",
         targets={2025: 2.6, 2029: 3.13}),
    Node("misi", "M2", "Meningkatkan derajat kesehatan masyarakat"),
    Node("tujuan", "M2.T1", "Meningkatkan layanan kesehatan", "M2"),
    Node("sasaran", "M2.T1.S1", "Meningkatnya layanan rujukan pasien dan kesehatan ibu anak",
         "M2.T1"),
    Node("misi", "M3", "Mengembangkan ekonomi kerakyatan dan pariwisata"),
]

PROGRAMMES = [
    ProgrammeInput("SATU-DATA", "Platform Satu Data Luwu Utara",
                   members=("DUKCAPIL/k1", "KOMINFO/k1"), owner_opd="KOMINFO",
                   start_year=2025, duration=2, funding="dak", stage="fondasi"),
    ProgrammeInput("DINKES/k2", start_year=2026, duration=2, funding="apbd",
                   predecessors=("SATU-DATA",), costs={2026: 50 * M, 2027: 200 * M}),
]

ALIGNMENTS = [
    Alignment("SATU-DATA", "M1.T1.S1", "langsung"),
    Alignment("DINKES/k2", "M2.T1.S1", "langsung"),
    Alignment("DINKES/k2", "M1", "pendukung"),
]


def plan_input(**changes) -> PlanInput:
    values = dict(years=YEARS, needs=list(NEEDS), nodes=list(NODES),
                  programmes=list(PROGRAMMES), alignments=list(ALIGNMENTS),
                  apbd={2025: 1_000_000 * M, 2026: 1_100_000 * M},
                  quick_wins=frozenset({"DINKES/k1", "KOMINFO/k1"}))
    values.update(changes)
    return PlanInput(**values)
