"""Frameworks as data: a versioned tree of nodes, and crosswalk links between frameworks.

A framework (Kominfo 2021, the 2026 RPM draft, SPBE 59/2020, …) has a code that names its
version (`GMSC-2021`), a status (draft or in force), validity dates, a legal basis and a tree of
nodes (dimension / aspect / element / domain / indicator) with labels in Bahasa Indonesia and
English, an optional weight and an order. A crosswalk link says how a node of one framework
relates to a node of another: `same` (same as), `part_of` (the source is part of the target)
or `related`. Pure: built by the app from the database, by tests by hand.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

STATUSES = ("draft", "in_force")
LEVELS = ("dimension", "aspect", "element", "domain", "indicator")
RELATIONS = ("same", "part_of", "related")
PLACING = ("same", "part_of")
"""Relations that place a need under the target node; `related` only points at it."""
_REF = re.compile(r"^(?P<framework>[A-Za-z0-9_.-]{1,32}):(?P<node>[A-Za-z0-9_.-]{1,64})$")


@dataclass(frozen=True)
class NodeRef:
    """A node of a framework, written `FRAMEWORK:NODE` (e.g. `GMSC-2021:governance`)."""

    framework: str
    node: str

    def __str__(self) -> str:
        return f"{self.framework}:{self.node}"

    @classmethod
    def parse(cls, text: str) -> NodeRef | None:
        """The reference in `text`, or None when it is not `FRAMEWORK:NODE`."""
        match = _REF.match(text.strip()) if isinstance(text, str) else None
        return cls(match["framework"], match["node"]) if match else None


@dataclass(frozen=True)
class Node:
    """One node of a framework's tree."""

    code: str
    label_id: str
    label_en: str = ""
    level: str = "dimension"
    parent: str | None = None
    weight: float | None = None
    """Percent of the framework's total (SPBE indicators: 1,3 … 3,0); None when unweighted."""
    order: int = 0
    inferred: bool = False
    """Not confirmed by a public source (the shipped data says why)."""

    def label(self, lang: str) -> str:
        """The label in `lang` (English falls back to Bahasa Indonesia)."""
        return self.label_en if lang == "en" and self.label_en else self.label_id


@dataclass(frozen=True)
class Framework:
    """A framework version and its nodes (parents before children, in display order)."""

    code: str
    name: str
    version: str = ""
    legal_basis: str = ""
    status: str = "in_force"
    valid_from: date | None = None
    valid_to: date | None = None
    nodes: tuple[Node, ...] = ()
    note: str = ""

    @property
    def is_draft(self) -> bool:
        return self.status == "draft"

    @cached_property
    def _by_code(self) -> dict[str, Node]:
        return {node.code: node for node in self.nodes}

    @cached_property
    def _children(self) -> dict[str | None, list[Node]]:
        children: dict[str | None, list[Node]] = {}
        for node in sorted(self.nodes, key=lambda n: n.order):
            children.setdefault(node.parent, []).append(node)
        return children

    def node(self, code: str | None) -> Node | None:
        """The node with this code, or None."""
        return self._by_code.get(code) if code else None

    def roots(self) -> list[Node]:
        """The top level (dimensions, aspects or domains), in order."""
        return list(self._children.get(None, []))

    def children(self, code: str) -> list[Node]:
        """The nodes directly under `code`, in order."""
        return list(self._children.get(code, []))

    def path(self, code: str) -> list[Node]:
        """The nodes from the root down to `code` (empty when unknown)."""
        path: list[Node] = []
        node = self.node(code)
        while node is not None and node not in path:
            path.insert(0, node)
            node = self.node(node.parent)
        return path

    def leaves(self, level: str) -> list[Node]:
        """Every node of one level, in tree order."""
        found: list[Node] = []

        def walk(parent: str | None) -> None:
            for node in self._children.get(parent, []):
                if node.level == level:
                    found.append(node)
                walk(node.code)

        walk(None)
        return found


@dataclass(frozen=True)
class Link:
    """A crosswalk link from a node of one framework to a node of another."""

    source: NodeRef
    target: NodeRef
    relation: str
    note: str = ""
    inferred: bool = False
    id: int | None = None


@dataclass(frozen=True)
class Registry:
    """Every framework and every crosswalk link the regency uses."""

    frameworks: tuple[Framework, ...] = ()
    links: tuple[Link, ...] = ()

    @cached_property
    def _by_code(self) -> dict[str, Framework]:
        return {framework.code: framework for framework in self.frameworks}

    def get(self, code: str | None) -> Framework | None:
        """The framework with this code, or None."""
        return self._by_code.get(code) if code else None

    def links_between(self, one: str, other: str) -> list[Link]:
        """The links from `one` to `other` and back, in stored order."""
        pair = {one, other}
        return [link for link in self.links
                if {link.source.framework, link.target.framework} == pair]

    def linked(self, code: str) -> list[str]:
        """Codes of the frameworks a crosswalk connects `code` with, in registry order."""
        ends = {end for link in self.links
                for end in (link.source.framework, link.target.framework)
                if code in (link.source.framework, link.target.framework)} - {code}
        return [f.code for f in self.frameworks if f.code in ends]


@dataclass(frozen=True)
class Binding:
    """Which framework node each choice of the questionnaire's dimension and element lists is.

    Declared in the XLSForm (choices column `kerangka`, surveys/README.md). An empty binding
    means the questionnaire's own lists are its framework.
    """

    dimensions: dict[str, NodeRef] = field(default_factory=dict)
    elements: dict[str, NodeRef] = field(default_factory=dict)

    @property
    def framework(self) -> str | None:
        """The framework the choices are bound to (the first one named)."""
        for ref in (*self.dimensions.values(), *self.elements.values()):
            return ref.framework
        return None
