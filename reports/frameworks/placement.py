"""Where a need lands in a chosen framework: its own node, or a crosswalk link to another.

A need carries the codes of its questionnaire's dimension and element choices. The binding
says which framework node each choice is; `place_need` follows the crosswalk from those nodes
to the chosen framework and returns the top-level node (the dimension or aspect) and the
node under it (the element), or says why it found none. The rule, element first:

- The element's node decides when it maps (directly, or by a `same` / `part_of` link) and
  lies under the same top-level node as the dimension's (or the dimension does not map).
- Otherwise the dimension's node decides, and the element stays open ("other").
- Otherwise the need is unmapped; nodes linked only as `related` are named as suggestions.

Links are followed one step (source → target, or back along a `same` link); they are not
chained through a third framework.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reports.frameworks.model import PLACING, Binding, Framework, Link, Node, NodeRef, Registry


@dataclass(frozen=True)
class Placement:
    """A need's place in the chosen framework."""

    dimension: str | None = None
    """The top-level node (dimension, aspect or domain); None when unmapped."""
    element: str | None = None
    """The node under it, when the need reaches that deep."""
    relation: str | None = None
    """`native` (the need's own framework), `same` or `part_of`; None when unmapped."""
    via: NodeRef | None = None
    """The need's node the placement starts from."""
    related: tuple[str, ...] = ()
    """Top-level nodes linked only as `related` (suggestions for an unmapped need)."""

    @property
    def mapped(self) -> bool:
        return self.dimension is not None


@dataclass(frozen=True)
class _Reached:
    node: Node
    relation: str
    via: NodeRef


def _reach(registry: Registry, ref: NodeRef | None, target: Framework) -> _Reached | None:
    """The target node `ref` is, or is placed under, by one crosswalk step."""
    if ref is None:
        return None
    if ref.framework == target.code:
        node = target.node(ref.node)
        return _Reached(node, "native", ref) if node else None
    for link in registry.links_between(ref.framework, target.code):
        end = _placing_end(link, ref, target.code)
        node = target.node(end) if end else None
        if node is not None:
            return _Reached(node, link.relation, ref)
    return None


def _placing_end(link: Link, ref: NodeRef, target: str) -> str | None:
    if link.source == ref and link.target.framework == target and link.relation in PLACING:
        return link.target.node
    if link.target == ref and link.source.framework == target and link.relation == "same":
        return link.source.node
    return None


def _related(registry: Registry, refs: list[NodeRef], target: Framework) -> tuple[str, ...]:
    found: list[str] = []
    for ref in refs:
        for link in registry.links_between(ref.framework, target.code):
            end = (link.target if link.source == ref else
                   link.source if link.target == ref else None)
            node = target.node(end.node) if end and end.framework == target.code else None
            root = target.path(node.code)[0].code if node else None
            if root and root not in found:
                found.append(root)
    return tuple(found)


def _axis(target: Framework, node: Node) -> tuple[str, str | None]:
    path = target.path(node.code)
    return path[0].code, (path[1].code if len(path) > 1 else None)


def place_need(registry: Registry, binding: Binding, target: Framework, *,
               dimension: str | None, element: str | None) -> Placement:
    """Where a need with these dimension / element choice codes lands in `target`.

    The small, stable entry point other analyses (RPJMD alignment, costs per year ×
    dimension) use for their dimension axis.
    """
    dim_ref = binding.dimensions.get(dimension) if dimension else None
    el_ref = binding.elements.get(element) if element else None
    by_dim, by_el = _reach(registry, dim_ref, target), _reach(registry, el_ref, target)
    dim_root = _axis(target, by_dim.node)[0] if by_dim else None
    if by_el and (by_dim is None or _axis(target, by_el.node)[0] == dim_root):
        root, under = _axis(target, by_el.node)
        return Placement(root, under, by_el.relation, by_el.via)
    if by_dim:
        root, under = _axis(target, by_dim.node)
        return Placement(root, under, by_dim.relation, by_dim.via)
    refs = [ref for ref in (el_ref, dim_ref) if ref is not None]
    return Placement(related=_related(registry, refs, target))


@dataclass(frozen=True)
class Axis:
    """A top-level node of the chosen framework with the nodes under it, labelled."""

    code: str
    label: str
    elements: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class FrameworkInfo:
    """Which framework and version a deliverable used (every deliverable prints it)."""

    code: str
    name: str
    version: str
    status: str
    legal_basis: str = ""
    source_code: str = ""
    source_name: str = ""
    crosswalk: bool = False
    """True when needs were moved from their own framework through the crosswalk."""
    inferred_links: int = 0
    """Crosswalk links used that are not confirmed by a source."""


@dataclass
class FrameworkView:
    """The needs' framework seen through a chosen one: axes and a cached `place`."""

    registry: Registry
    binding: Binding
    source: Framework
    framework: Framework
    lang: str = "id"
    _cache: dict = field(default_factory=dict, repr=False)

    @property
    def axes(self) -> list[Axis]:
        f, lang = self.framework, self.lang
        return [Axis(root.code, root.label(lang),
                     tuple((n.code, n.label(lang)) for n in f.children(root.code)))
                for root in f.roots()]

    def label(self, code: str | None) -> str:
        node = self.framework.node(code)
        return node.label(self.lang) if node else ""

    def place(self, dimension: str | None, element: str | None) -> Placement:
        """Where a need with these choice codes lands (computed once per pair)."""
        key = (dimension, element)
        if key not in self._cache:
            self._cache[key] = place_need(self.registry, self.binding, self.framework,
                                          dimension=dimension, element=element)
        return self._cache[key]

    @property
    def info(self) -> FrameworkInfo:
        crosswalk = self.source.code != self.framework.code
        inferred = sum(1 for link in self.registry.links_between(self.source.code,
                                                                 self.framework.code)
                       if link.inferred) if crosswalk else 0
        f = self.framework
        return FrameworkInfo(f.code, f.name, f.version, f.status, f.legal_basis,
                             self.source.code, self.source.name, crosswalk, inferred)
