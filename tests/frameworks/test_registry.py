"""The shipped registry in the database, and the XLSForm binding of choices to its nodes:
declared in the choices column `kerangka`, checked when loading and when publishing."""

import pytest

from app.frameworks.registry import load_registry
from app.questionnaires.service import publish
from app.questionnaires.xlsform import load_xlsform
from tests.exports.forms import CHOICES, HEAD, ID, SURVEY
from tests.questionnaires.workbooks import build_workbook

SETTINGS = [["form_id", "form_title", "version", "default_language"],
            ["uji_kerangka", "Formulir Uji Kerangka", "1", ID]]


def bound(nodes: dict[str, str]) -> bytes:
    """The export test form with its dimension/element choices bound as given."""
    header = [*CHOICES[0], "kerangka"]
    rows = [[*row, nodes.get(row[1], "")] for row in CHOICES[1:]]
    return build_workbook([HEAD, *SURVEY], [header, *rows], SETTINGS)


def test_the_shipped_frameworks_and_their_crosswalk(db):
    with db.session() as session:
        registry = load_registry(session)
    assert [f.code for f in registry.frameworks] == ["GMSC-2021", "RPM-KC-2026", "SPBE-59-2020"]
    gmsc, rpm, spbe = registry.frameworks
    assert len(gmsc.roots()) == 6 and len(gmsc.leaves("element")) == 18
    assert [n.label_id for n in rpm.roots()] == ["Tata Kelola Birokrasi", "Ekonomi",
                                                 "Kehidupan Berkota", "Masyarakat",
                                                 "Lingkungan", "Mobilitas"]
    assert rpm.is_draft and not gmsc.is_draft and rpm.valid_from is None
    assert (len(spbe.roots()), len(spbe.leaves("aspect")), len(spbe.leaves("indicator"))) == (
        4, 8, 47)
    assert sum(n.weight for n in spbe.leaves("indicator")) == pytest.approx(100)
    assert [n.weight for n in spbe.roots()] == [13, 25, 16.5, 45.5]
    assert spbe.node("42").parent == "A8" and spbe.node("42").inferred
    links = registry.links_between("GMSC-2021", "RPM-KC-2026")
    assert len(links) == 14 and all(link.inferred for link in links)
    assert registry.linked("GMSC-2021") == ["RPM-KC-2026"]


def test_a_choice_names_its_node_as_framework_colon_node():
    loaded = load_xlsform(bound({"governance": "GMSC-2021:governance",
                                 "kesehatan": "GMSC-2021:kesehatan"}))
    assert loaded.ok, loaded.errors
    choices = {c.name: c for c in loaded.questionnaire.choices("dimensi")
               + loaded.questionnaire.choices("elemen")}
    assert choices["governance"].node == "GMSC-2021:governance"
    assert choices["living"].node is None
    assert "kerangka" not in choices["kesehatan"].filters  # not a choice_filter column


def test_a_malformed_node_reference_is_refused_with_its_row_and_column():
    loaded = load_xlsform(bound({"governance": "GMSC-2021 governance"}))
    assert not loaded.ok
    assert [str(e) for e in loaded.errors] == [
        'choices row 7, column kerangka: "GMSC-2021 governance" is not a framework node: '
        "write FRAMEWORK:NODE, e.g. GMSC-2021:governance"]


def test_publishing_refuses_a_node_the_registry_lacks(db):
    with db.write_session() as session:
        outcome = publish(session, filename="uji.xlsx", data=bound({
            "governance": "GMSC-2021:governance", "living": "GMSC-2021:hidup",
            "kesehatan": "RPM-KC-2026:kehidupan_berkota", "birokrasi": "NOPE:x"}))
    assert not outcome.ok
    assert outcome.problems == [
        "choices list dimensi, choice living: framework GMSC-2021 has no node \"hidup\"",
        'choices list elemen, choice birokrasi: framework "NOPE" is not in the registry '
        "(see /frameworks)",
        "choices list elemen is bound to several frameworks (NOPE, RPM-KC-2026); bind each "
        "list to one"]


def test_publishing_accepts_a_binding_to_shipped_nodes(db):
    with db.write_session() as session:
        outcome = publish(session, filename="uji.xlsx", data=bound({
            "governance": "GMSC-2021:governance", "living": "GMSC-2021:living",
            "layanan_publik": "GMSC-2021:layanan_publik", "birokrasi": "GMSC-2021:birokrasi",
            "kesehatan": "GMSC-2021:kesehatan"}))
    assert outcome.ok, outcome.problems
