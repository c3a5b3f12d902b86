"""Realistic sample data: plausible submissions of the default questionnaire and a demo round."""

from pathlib import Path

SURVEYS = Path(__file__).resolve().parents[2] / "surveys"
DEFAULT_QUESTIONNAIRE = SURVEYS / "kebutuhan-smart-city.xlsx"
