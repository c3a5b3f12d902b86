"""The outline kept beside the default questionnaire is the workbook's outline: no drift."""

from pathlib import Path

from app.questionnaires.outline import outline
from app.questionnaires.xlsform import load_xlsform

SURVEYS = Path(__file__).resolve().parents[2] / "surveys"


def test_the_committed_outline_matches_the_workbook():
    loaded = load_xlsform((SURVEYS / "kebutuhan-smart-city.xlsx").read_bytes())
    assert loaded.ok, loaded.errors
    committed = (SURVEYS / "kebutuhan-smart-city.outline.txt").read_text(encoding="utf-8")
    assert outline(loaded.questionnaire) == committed, (
        "the outline is stale: run `survei form outline surveys/kebutuhan-smart-city.xlsx "
        "> surveys/kebutuhan-smart-city.outline.txt` and review the diff"
    )
