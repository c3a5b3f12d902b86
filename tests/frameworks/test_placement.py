"""Where a need lands in a chosen framework (pure): own nodes, crosswalk links, the element-
first rule, unmapped needs with suggestions, views and the questionnaire's own lists."""

import pytest

from reports.frameworks import (
    Binding,
    Framework,
    Link,
    Node,
    NodeRef,
    Registry,
    UnknownFramework,
    make_view,
    native_framework,
    place_need,
)

OLD = Framework("OLD", "Old framework", "1", nodes=(
    Node("gov", "Governance", level="dimension", order=0),
    Node("brand", "Branding", level="dimension", order=1),
    Node("living", "Living", level="dimension", order=2),
    Node("service", "Service", level="element", parent="gov", order=0),
    Node("tourism", "Tourism", level="element", parent="brand", order=1),
    Node("cityface", "City face", level="element", parent="brand", order=2),
    Node("transport", "Transport", level="element", parent="living", order=3),
    Node("health", "Health", level="element", parent="living", order=4),
))
NEW = Framework("NEW", "New framework", "draft", status="draft", nodes=(
    Node("bureaucracy", "Bureaucracy", level="aspect", order=0),
    Node("economy", "Economy", level="aspect", order=1),
    Node("urban", "Urban living", level="aspect", order=2),
    Node("mobility", "Mobility", level="aspect", order=3),
    Node("e-services", "E-services", level="element", parent="bureaucracy", order=4),
))


def link(source: str, target: str, relation: str) -> Link:
    return Link(NodeRef("OLD", source), NodeRef("NEW", target), relation, inferred=True)


REGISTRY = Registry((OLD, NEW), (
    link("gov", "bureaucracy", "same"), link("service", "e-services", "part_of"),
    link("tourism", "economy", "part_of"), link("brand", "economy", "related"),
    link("brand", "urban", "related"), link("living", "urban", "related"),
    link("transport", "mobility", "same"), link("health", "urban", "part_of"),
))
BINDING = Binding({code: NodeRef("OLD", code) for code in ("gov", "brand", "living")},
                  {code: NodeRef("OLD", code)
                   for code in ("service", "tourism", "cityface", "transport", "health")})


def place(dimension, element, target=NEW, registry=REGISTRY):
    return place_need(registry, BINDING, target, dimension=dimension, element=element)


def test_in_its_own_framework_a_need_sits_at_its_dimension_and_element():
    found = place("brand", "tourism", target=OLD)
    assert (found.dimension, found.element, found.relation) == ("brand", "tourism", "native")
    assert place(None, "health", target=OLD).dimension == "living"  # the element's parent


def test_the_element_decides_through_the_crosswalk():
    transport = place("living", "transport")
    assert (transport.dimension, transport.element, transport.relation) == ("mobility", None,
                                                                           "same")
    health = place("living", "health")
    assert (health.dimension, health.relation) == ("urban", "part_of")
    tourism = place("brand", "tourism")
    assert tourism.dimension == "economy" and tourism.via == NodeRef("OLD", "tourism")
    service = place("gov", "service")  # lands under an element of the chosen framework
    assert (service.dimension, service.element) == ("bureaucracy", "e-services")


def test_without_an_element_link_the_dimension_decides_else_the_need_is_unmapped():
    governance = place("gov", None)
    assert (governance.dimension, governance.element) == ("bureaucracy", None)
    city_face = place("brand", "cityface")  # no link of its own; Branding only "related"
    assert not city_face.mapped and city_face.dimension is None
    assert city_face.related == ("economy", "urban")  # suggestions, in link order
    assert not place(None, None).mapped and place(None, None).related == ()


def test_an_element_under_another_top_node_than_the_dimension_does_not_win():
    # the dimension maps to Bureaucracy, the element to Urban living: the dimension decides
    found = place("gov", "health")
    assert (found.dimension, found.element) == ("bureaucracy", None)


def test_a_same_link_is_followed_backwards_but_part_of_is_not():
    back = Binding({"bureaucracy": NodeRef("NEW", "bureaucracy"),
                    "economy": NodeRef("NEW", "economy")}, {})
    assert place_need(REGISTRY, back, OLD, dimension="bureaucracy", element=None).dimension \
        == "gov"
    assert not place_need(REGISTRY, back, OLD, dimension="economy", element=None).mapped


def test_a_view_lists_the_chosen_frameworks_axes_and_names_it():
    native = native_framework("Q", "1", [], [])
    view = make_view(REGISTRY, BINDING, native=native, target="NEW", lang="en")
    assert [a.code for a in view.axes] == ["bureaucracy", "economy", "urban", "mobility"]
    assert view.axes[0].elements == (("e-services", "E-services"),)
    info = view.info
    assert (info.code, info.status, info.source_code, info.crosswalk) == ("NEW", "draft", "OLD",
                                                                          True)
    assert info.inferred_links == 8
    assert view.place("living", "transport") is view.place("living", "transport")  # cached
    assert make_view(REGISTRY, BINDING, native=native).framework.code == "OLD"
    with pytest.raises(UnknownFramework):
        make_view(REGISTRY, BINDING, native=native, target="NOPE")


def test_an_unbound_questionnaire_is_its_own_framework():
    native = native_framework("Kuesioner", "2026.1", [("a", "Dimensi A"), ("b", "Dimensi B")],
                              [("a1", "Elemen A1", "a")])
    view = make_view(REGISTRY, Binding(), native=native)
    assert view.info.code == "KUESIONER" and not view.info.crosswalk
    assert [(a.code, a.elements) for a in view.axes] == [("a", (("a1", "Elemen A1"),)),
                                                         ("b", ())]
    assert (view.place("a", "a1").dimension, view.place("a", "a1").element) == ("a", "a1")
    assert not view.place("zz", None).mapped
