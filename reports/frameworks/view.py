"""Building a FrameworkView: the bound framework (or the questionnaire's own lists) and the
framework a deliverable is rendered under."""

from __future__ import annotations

from collections.abc import Iterable

from reports.frameworks.model import Binding, Framework, Node, NodeRef, Registry
from reports.frameworks.placement import FrameworkView

NATIVE = "KUESIONER"
"""Code of the questionnaire's own dimension and element lists, when they bind to nothing."""


class UnknownFramework(ValueError):
    """The chosen framework code is not in the registry."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


def native_framework(title: str, version: str, dimensions: Iterable[tuple[str, str]],
                     elements: Iterable[tuple[str, str, str | None]]) -> Framework:
    """The questionnaire's own lists as a framework: dimensions, then elements under them."""
    nodes = [Node(code, label, label, "dimension", order=i)
             for i, (code, label) in enumerate(dimensions)]
    nodes += [Node(code, label, label, "element", parent=parent, order=i)
              for i, (code, label, parent) in enumerate(elements)]
    return Framework(NATIVE, title, version, nodes=tuple(nodes))


def make_view(registry: Registry, binding: Binding, *, native: Framework,
              target: str | None = None, lang: str = "id") -> FrameworkView:
    """The view of the needs under `target` (default: the framework they are bound to).

    Raises UnknownFramework for a target code the registry does not hold.
    """
    source = registry.get(binding.framework)
    if source is None:  # unbound (or bound to a framework this registry lacks): own lists
        source = native
        binding = Binding({n.code: NodeRef(NATIVE, n.code) for n in native.roots()},
                          {n.code: NodeRef(NATIVE, n.code) for n in native.nodes if n.parent})
        registry = Registry((*registry.frameworks, native), registry.links)
    chosen = source if target in (None, "", source.code) else registry.get(target)
    if chosen is None:
        raise UnknownFramework(str(target))
    return FrameworkView(registry, binding, source, chosen, lang)
