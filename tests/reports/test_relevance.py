"""A missing answer is "not applicable" only when its question (or a container) was hidden."""

import datetime as dt
from functools import cache

from app.questionnaires.answers.document import Frame
from app.questionnaires.xlsform import load_xlsform
from app.reports_web.relevance import Applicability, conditions
from app.sample import DEFAULT_QUESTIONNAIRE
from reports import NOT_APPLICABLE


@cache
def form():
    loaded = load_xlsform(DEFAULT_QUESTIONNAIRE.read_bytes(), filename="default.xlsx")
    assert loaded.ok
    return loaded.questionnaire


def test_conditions_include_those_of_the_containers():
    chain = [expr.source for expr in conditions(form())["aplikasi_integrasi_dengan"]]
    assert chain == ["${punya_aplikasi} = 'ya'", "${aplikasi_terintegrasi} = 'ya'"]
    assert conditions(form())["pj_nama"] == ()


def test_missing_answers_are_told_apart():
    app = Applicability(form(), dt.date(2019, 3, 1))
    root = {"teknis_nama": "", "punya_aplikasi": "ya",
            "aplikasi": [{"_id": "a", "aplikasi_terintegrasi": "tidak"},
                         {"_id": "b", "aplikasi_terintegrasi": "ya"}]}
    assert app.value("teknis_nip", root, root, ()) is NOT_APPLICABLE  # no technical contact
    assert app.value("pj_email", root, root, ()) is None  # shown, left empty
    rows = root["aplikasi"]
    first = (Frame("aplikasi", rows[0], 1),)
    second = (Frame("aplikasi", rows[1], 2),)
    assert app.value("aplikasi_integrasi_dengan", rows[0], root, first) is NOT_APPLICABLE
    assert app.value("aplikasi_integrasi_dengan", rows[1], root, second) is None
    rows[1]["aplikasi_integrasi_dengan"] = "SIMPEG"
    assert app.value("aplikasi_integrasi_dengan", rows[1], root, second) == "SIMPEG"
