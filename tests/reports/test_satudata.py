"""Daftar Data and MS-Var completeness (pure), worked out by hand."""

import pytest

from reports.satudata import DatasetRecord, Variable, build_satu_data


def test_daftar_data_producer_walidata_and_completeness_over_the_fields_that_apply():
    datasets = [
        DatasetRecord("DINKES", "Dinas Kesehatan", "Data Fasilitas Kesehatan", "produsen",
                      "Produsen", format_label="Basis data", frequency_label="Bulanan",
                      metadata=True, published=False),
        DatasetRecord("DINKES", "Dinas Kesehatan", "Data Penduduk", "pengguna", "Pengguna",
                      source="", format_label="Lembar kerja", metadata=False),
        DatasetRecord("DLH", "Dinas Lingkungan Hidup", "Data Timbulan Sampah", "produsen",
                      "Produsen", frequency_label="Tahunan", metadata=True, published=True),
    ]
    sd = build_satu_data(datasets, [], walidata="Dinas Kominfo")
    rows = sd.datasets
    assert [r.producer for r in rows] == ["Dinas Kesehatan", "", "Dinas Lingkungan Hidup"]
    assert {r.walidata for r in rows} == {"Dinas Kominfo"}
    # 6/6 (False is an answer); a user: 5 fields, no producer, no frequency -> 3/5; 5/6
    assert [r.completeness for r in rows] == pytest.approx([1.0, 0.6, 5 / 6])
    assert sd.completeness == pytest.approx((1 + 0.6 + 5 / 6) / 3)
    assert (sd.produced, sd.used, sd.with_metadata, sd.published) == (2, 1, 2, 1)


def test_ms_var_completeness_per_variable_and_per_dataset_skips_what_does_not_apply():
    full = Variable("Isian", "pj_nama", "Name of the officer", "Identitas", "Nama lengkap",
                    "Nama pejabat", "Karakter", None, "Wajib diisi", "Periode 2026", "Tertutup")
    bare = Variable("Isian", "catatan", "", "Identitas", "", "Catatan", "Karakter", None, "",
                    "Periode 2026", "Terbuka")
    chosen = Variable("Layanan", "jenis", "Kind", "Layanan", "", "Jenis layanan",
                      "Kategorik", "publik = Publik", "Wajib diisi", "Periode 2026", "Terbuka")
    sd = build_satu_data([], [full, bare, chosen], walidata="")
    # 9 fields apply to the two text variables (no classification), 10 to the select
    assert [r.completeness for r in sd.variables] == pytest.approx([1.0, 6 / 9, 9 / 10])
    assert [(d.dataset, d.variables) for d in sd.by_dataset] == [("Isian", 2), ("Layanan", 1)]
    assert [d.completeness for d in sd.by_dataset] == pytest.approx([(1 + 6 / 9) / 2, 0.9])
    assert sd.completeness == 0.0  # no dataset rows
