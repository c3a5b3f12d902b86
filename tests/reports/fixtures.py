"""A small ReportInput with numbers chosen so every expected figure can be worked out by hand."""

from datetime import UTC, datetime

from reports import (
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

HOSTILE = '<script>alert(1)</script>"><img src=x onerror=alert(1)>'
NOW = datetime(2026, 3, 10, 4, 0, tzinfo=UTC)
DEADLINE = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)
_DIMS = {
    "governance": ("Smart Governance", [("layanan_publik", "Layanan Publik"),
                                        ("birokrasi", "Birokrasi"),
                                        ("kebijakan", "Kebijakan Publik")]),
    "branding": ("Smart Branding", [("pariwisata", "Branding Pariwisata"),
                                    ("bisnis", "Branding Bisnis"),
                                    ("wajah_kota", "Branding Wajah Kota")]),
    "economy": ("Smart Economy", [("industri", "Ekosistem Industri"),
                                  ("kesejahteraan", "Kesejahteraan Masyarakat"),
                                  ("transaksi_keuangan", "Ekosistem Transaksi Keuangan")]),
    "living": ("Smart Living", [("tata_ruang", "Harmonisasi Tata Ruang Wilayah"),
                                ("kesehatan", "Kesehatan"), ("transportasi", "Transportasi")]),
    "society": ("Smart Society", [("komunitas", "Komunitas Masyarakat"),
                                  ("ekosistem_belajar", "Ekosistem Belajar"),
                                  ("sistem_keamanan", "Sistem Keamanan")]),
    "environment": ("Smart Environment", [("proteksi_lingkungan", "Proteksi Lingkungan"),
                                          ("sampah_limbah", "Tata Kelola Sampah dan Limbah"),
                                          ("energi", "Tata Kelola Energi")]),
}
DIMENSIONS = [Dimension(code, label, tuple(Element(c, lab) for c, lab in elements))
              for code, (label, elements) in _DIMS.items()]
TIMEFRAMES = {"pendek": "Jangka pendek", "menengah": "Jangka menengah", "panjang": "Jangka panjang"}


def opds() -> list[OpdEntry]:
    return [
        OpdEntry("DINKES", "Dinas Kesehatan", "dinas", "approved", DEADLINE,
                 submitted_at=datetime(2026, 2, 20, tzinfo=UTC),
                 approved_at=datetime(2026, 2, 25, tzinfo=UTC), included=True),
        OpdEntry("DISKOMINFO", "Dinas Kominfo-SP", "dinas", "submitted", DEADLINE,
                 submitted_at=datetime(2026, 3, 5, tzinfo=UTC), included=True),
        OpdEntry("BAPPEDA", HOSTILE, "badan", "draft", DEADLINE),
        OpdEntry("DLH", "Dinas Lingkungan Hidup", "dinas", "not_started",
                 datetime(2026, 3, 20, tzinfo=UTC)),
        OpdEntry("DISDIK", "Dinas Pendidikan", "dinas", "not_started", DEADLINE),
    ]


def needs() -> list[Need]:
    return [
        Need("DINKES", "Aplikasi rekam medis elektronik", "living", "kesehatan",
             problem="Rekam medis masih di kertas", timeframe="pendek", cost=500_000_000,
             priority=1, beneficiaries=100_000, quick_win=True),
        Need("DINKES", "Pelatihan SDM TIK puskesmas", "society", "ekosistem_belajar",
             timeframe="menengah", cost=100_000_000, priority=2, beneficiaries=200),
        Need("DINKES", "Aplikasi perizinan online", "governance", "layanan_publik",
             problem="Izin praktik lambat", timeframe="pendek", cost=None, priority=3,
             national_app=True),
        Need("DISKOMINFO", "Aplikasi Perizinan Online!", "governance", "layanan_publik",
             problem="Perizinan lambat", timeframe="menengah", cost=1_500_000_000, priority=1,
             beneficiaries=10_000),
        Need("DISKOMINFO", HOSTILE, "governance", "birokrasi", timeframe="panjang",
             cost=2_000_000_000, priority=2),
    ]


def readiness() -> list[Readiness]:
    return [Readiness("DINKES", 3.0, 4.0, 2.5), Readiness("DISKOMINFO", 4.0, 5.0, None)]


def applications() -> list[Application]:
    return [
        Application("DINKES", "SIMPEG", "khusus", "Aplikasi khusus", "kepegawaian", ("web",)),
        Application("DISKOMINFO", "Simpeg", "umum", "Aplikasi umum", "kepegawaian"),
        Application("DISKOMINFO", "Portal Satu Data", "khusus", "Aplikasi khusus", "data"),
    ]


QUESTIONS = [
    QuestionSpec("urusan", "Urusan yang diampu", "A. Identitas", "select_multiple",
                 choices=(ChoiceOption("kesehatan", "Kesehatan"),
                          ChoiceOption("kominfo", "Komunikasi dan informatika"),
                          ChoiceOption("statistik", HOSTILE))),
    QuestionSpec("jaringan", "Terhubung ke jaringan intra?", "E. Infrastruktur", "select_one",
                 choices=(ChoiceOption("ya", "Ya"), ChoiceOption("tidak", "Tidak"))),
    QuestionSpec("server", "Ruang server sendiri?", "E. Infrastruktur", "select_one",
                 choices=(ChoiceOption("ya", "Ya"), ChoiceOption("tidak", "Tidak"))),
    QuestionSpec("bandwidth", "Kapasitas internet (Mbps)", "E. Infrastruktur", "decimal"),
    QuestionSpec("penyedia", "Penyedia internet", "E. Infrastruktur", "text"),
    QuestionSpec("biaya", "Perkiraan biaya", "J. Kebutuhan", "decimal", table="kebutuhan"),
]
ANSWERS = [
    ("main", {"urusan": ["kesehatan", "statistik"], "jaringan": "ya", "server": "tidak",
              "bandwidth": 20.0, "penyedia": HOSTILE}),
    ("main", {"urusan": ["kominfo", "statistik", "lama"], "jaringan": "ya", "server": "ya",
              "bandwidth": 0, "penyedia": NOT_APPLICABLE}),
    ("main", {"urusan": [], "jaringan": "tidak", "bandwidth": float("nan")}),
    ("kebutuhan", {"biaya": 500_000_000}), ("kebutuhan", {"biaya": 100_000_000}),
    ("kebutuhan", {}), ("kebutuhan", {"biaya": 1_500_000_000}),
    ("kebutuhan", {"biaya": 2_000_000_000}),
]


def report_input(lang: str = "id") -> ReportInput:
    return ReportInput(
        round=RoundInfo(id=1, name=f"Periode 2026 {HOSTILE}", questionnaire_title="Kuesioner",
                        versions=("2026.1",), generated_at=NOW, closes_at=DEADLINE,
                        filters=(("Status", "Dikirim, Disetujui"),)),
        opds=opds(), dimensions=DIMENSIONS, needs=needs(), readiness=readiness(),
        applications=applications(), questions=QUESTIONS, answers=list(ANSWERS),
        timeframe_labels=TIMEFRAMES, lang=lang)
