"""Frameworks as data (model), where a need lands in a chosen one (placement), and views."""

from reports.frameworks.model import (
    LEVELS,
    RELATIONS,
    STATUSES,
    Binding,
    Framework,
    Link,
    Node,
    NodeRef,
    Registry,
)
from reports.frameworks.placement import (
    Axis,
    FrameworkInfo,
    FrameworkView,
    Placement,
    place_need,
)
from reports.frameworks.view import NATIVE, UnknownFramework, make_view, native_framework

__all__ = [
    "LEVELS", "NATIVE", "RELATIONS", "STATUSES", "Axis", "Binding", "Framework",
    "FrameworkInfo", "FrameworkView", "Link", "Node", "NodeRef", "Placement", "Registry",
    "UnknownFramework", "make_view", "native_framework", "place_need",
]
