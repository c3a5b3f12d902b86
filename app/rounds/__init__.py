"""Rounds (Periode Pengisian): one questionnaire version, the OPDs asked, open and close dates."""
