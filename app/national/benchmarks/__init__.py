"""The national benchmarks: reading every regency and the snapshot (service), the background
job (job), the national workbook (workbook) and the coordinator's page and downloads (pages);
the pure computation and the report are in reports/national."""
