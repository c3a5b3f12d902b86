"""Find the Policy each route declares (app.auth.policy), for the route-policy tests."""

from fastapi import FastAPI
from fastapi.routing import iter_route_contexts

from app.auth.policy import Policy
from app.main import PUBLIC_NON_ENDPOINTS


def _policies(dependant) -> list[Policy]:
    """Every Policy among a route's dependencies (router-level ones included), however nested."""
    found, stack = [], list(dependant.dependencies)
    while stack:
        node = stack.pop()
        if isinstance(node.call, Policy):
            found.append(node.call)
        stack.extend(node.dependencies)
    return found


def _endpoints(app: FastAPI):
    """(method, path, policies or None for non-endpoint routes) for every route of the app."""
    for context in iter_route_contexts(app.routes):
        dependant = getattr(context, "dependant", None)
        if dependant is None:
            yield None, context.path, None
            continue
        for method in sorted(context.methods or ()):
            yield method, context.path, _policies(dependant)


def routes_without_policy(app: FastAPI) -> list[str]:
    """`METHOD path` of every route that declares no policy."""
    missing = []
    for method, path, policies in _endpoints(app):
        if policies is None:
            if path not in PUBLIC_NON_ENDPOINTS:
                missing.append(f"* {path}")
        elif not policies:
            missing.append(f"{method} {path}")
    return missing


def route_table(app: FastAPI) -> dict[tuple[str, str], str]:
    """(method, path) -> the name of the route's policy."""
    return {
        (method, path): "+".join(sorted({p.name for p in policies}))
        for method, path, policies in _endpoints(app)
        if policies is not None
    }
