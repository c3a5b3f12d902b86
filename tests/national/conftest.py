from tests.regencies.conftest import other  # noqa: F401  (a second regency, 73.15)
