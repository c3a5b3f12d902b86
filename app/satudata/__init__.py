"""Satu Data outputs of a round: the Daftar Data and the MS-Var metadata (pages, API)."""
