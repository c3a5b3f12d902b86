"""The national core questionnaire: the coordinator publishes it at home; a regency's edition
(the same form_id) keeps every core item as it is and adds local items named lokal_…; the
compatibility check refuses anything else with a message naming the item."""

import html

import pytest

from app.national.core import CoreError, current_core, publish_core
from app.questionnaires.compat import check_core
from app.questionnaires.xlsform import load_xlsform
from tests.rounds.world import build_world, signed_in
from tests.support.cli import run, use_database
from tests.support.forms import ID, SETTINGS, SURVEY, small_workbook

CORE_SETTINGS = [SETTINGS[0], ["inti", "Kuesioner Inti Nasional", "2026.1", ID]]
LOCAL_SETTINGS = [SETTINGS[0], ["inti", "Kuesioner Inti + Luwu Timur", "2026.1-7315", ID]]
LOCAL_ROW = ["text", "lokal_ojek", "Pangkalan ojek daring", "Online taxi bases", "", ""]


def form(survey=SURVEY, settings=LOCAL_SETTINGS):
    loaded = load_xlsform(small_workbook(settings=settings, survey=survey), filename="f.xlsx")
    assert loaded.ok, loaded.errors
    return loaded.questionnaire


def edited(row_name: str, column: int, value: str) -> list[list[str]]:
    return [row[:column] + [value] + row[column + 1:] if row[1] == row_name else row
            for row in SURVEY]


CORE = form(settings=CORE_SETTINGS)


def test_a_regency_edition_may_add_local_items_and_reword_labels():
    survey = [*edited("nama", 2, "Nama pejabat penanggung jawab")]
    survey.insert(4, LOCAL_ROW)
    assert check_core(CORE, form(survey)) == []


@pytest.mark.parametrize(("survey", "message"), [
    (edited("jumlah", 0, "decimal"), 'core item "jumlah": type changed'),
    (edited("jumlah", 5, ". >= 1"), 'core item "jumlah": constraint changed'),
    (edited("nama", 4, ""), 'core item "nama": required changed'),
    ([row for row in SURVEY if row[1] != "jumlah"], 'core item "jumlah" is missing'),
    ([*SURVEY[:4], ["text", "ojek", "Ojek", "Ojek", "", ""], *SURVEY[4:]],
     'item "ojek" is not in the national core: name local items lokal_'),
])
def test_changing_a_core_item_is_refused_naming_it(survey, message):
    problems = check_core(CORE, form(survey))
    assert any(message in problem for problem in problems), problems


def test_moving_a_core_item_into_a_repeat_is_refused():
    moved = [row for row in SURVEY if row[1] != "jumlah"]
    moved.insert(7, SURVEY[3])  # inside the kebutuhan repeat
    problems = check_core(CORE, form(moved))
    assert 'core item "jumlah": moved from outside any repeat to repeat kebutuhan' in \
        " ".join(problems)


def test_the_coordinator_publishes_the_core_and_regencies_are_held_to_it(
        other, monkeypatch, tmp_path, database_url, db):
    use_database(monkeypatch, tmp_path, database_url)
    core_file = tmp_path / "inti.xlsx"
    core_file.write_bytes(small_workbook(settings=CORE_SETTINGS))
    published = run("core", "publish", str(core_file))
    assert published.exit_code == 0, published.stderr
    assert "national core inti version 2026.1 published" in published.stdout
    with db.session() as session:
        assert current_core(session).version == "2026.1"
    bad = tmp_path / "lokal-salah.xlsx"
    bad.write_bytes(small_workbook(settings=LOCAL_SETTINGS, survey=edited("jumlah", 0,
                                                                          "decimal")))
    refused = run("--regency", "73.15", "form", "publish", str(bad))
    assert refused.exit_code == 1
    assert 'core item "jumlah": type changed from the national core' in refused.stderr
    good = tmp_path / "lokal.xlsx"
    good.write_bytes(small_workbook(settings=LOCAL_SETTINGS,
                                    survey=[*SURVEY[:4], LOCAL_ROW, *SURVEY[4:]]))
    accepted = run("--regency", "73.15", "form", "publish", str(good))
    assert accepted.exit_code == 0, accepted.stderr
    assert run("--regency", "73.15", "core", "publish", str(core_file)).exit_code == 1


def test_a_core_version_cannot_be_published_twice_nor_change_its_form_id(db):
    with db.write_session() as session:
        publish_core(session, filename="inti.xlsx",
                     data=small_workbook(settings=CORE_SETTINGS))
        with pytest.raises(CoreError, match="already published"):
            publish_core(session, filename="inti.xlsx",
                         data=small_workbook(settings=CORE_SETTINGS))
        other_form = [SETTINGS[0], ["lain", "Lain", "1", ID]]
        with pytest.raises(CoreError, match='the national core is form_id "inti"'):
            publish_core(session, filename="lain.xlsx", data=small_workbook(settings=other_form))


def test_a_regency_planner_uploading_a_changed_core_item_sees_the_item_named(
        other, app, client, db):
    with db.write_session() as session:
        publish_core(session, filename="inti.xlsx", data=small_workbook(settings=CORE_SETTINGS))
    world = build_world(other.db)
    planner = signed_in(app, other.db, other.settings, world.users["planner"],
                        base_url=f"http://{other.host}")
    bad = small_workbook(settings=LOCAL_SETTINGS, survey=edited("jumlah", 0, "decimal"))
    page = planner.post("/questionnaires", files={"file": ("lokal.xlsx", bad)})
    assert page.status_code == 422
    assert 'core item "jumlah": type changed from the national core' in html.unescape(page.text)
