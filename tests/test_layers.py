"""The package's shape: imports point one way (data -> layout -> text -> readers, extractors -> pipeline ->
exporters -> service -> cli) and no module imports itself back through others.

Every `congvan.*` import counts, at the top of a module or inside a function (lazy imports of a lower layer
are fine; they still must not point up or close a cycle).
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Mapping
from pathlib import Path

from tests.conftest import ROOT

PACKAGE = ROOT / "congvan"

# Each layer and the layers below it that it may import (its own modules always).
ALLOWED: dict[str, set[str]] = {
    "root": set(),  # congvan/__init__.py: the version constants
    "data": {"root"},
    "layout": {"root", "data"},
    "text": {"root", "data", "layout"},
    "readers": {"root", "data", "layout", "text"},
    "extractors": {"root", "data", "layout", "text"},
    "schemas": {"root", "data"},
    "pipeline": {"root", "data", "layout", "text", "readers", "extractors", "schemas"},
    "exporters": {"root", "data", "layout", "text", "readers", "extractors", "schemas", "pipeline"},
    "service": {"root", "data", "layout", "text", "readers", "extractors", "schemas", "pipeline", "exporters"},
    "cli": {"root", "data", "layout", "text", "readers", "extractors", "schemas", "pipeline", "exporters",
            "service"},
}


def layer(module: str) -> str:
    """The layer of a module: 'congvan.text.zones' -> 'text', 'congvan' -> 'root'."""
    parts = module.split(".")
    if len(parts) == 1:
        return "root"
    if parts[1] not in ALLOWED:
        raise ValueError(f"{module}: no layer for 'congvan.{parts[1]}' (add it to ALLOWED in tests/test_layers.py)")
    return parts[1]


def module_names(package: Path = PACKAGE) -> dict[str, Path]:
    """Dotted module name -> file, for every module of the package."""
    names: dict[str, Path] = {}
    for path in sorted(package.rglob("*.py")):
        parts = list(path.relative_to(package.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        names[".".join(parts)] = path
    return names


def imports_of(module: str, path: Path, known: Iterable[str]) -> set[str]:
    """The congvan modules one module imports (anywhere in it); 'from pkg import sub' counts as pkg.sub."""
    known = set(known)
    is_package = path.name == "__init__.py"
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.split(".")[0] == "congvan")
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: resolve against this module's package
                anchor = module.split(".")
                anchor = anchor[: len(anchor) - node.level + (1 if is_package else 0)]
                base = ".".join(anchor + ([base] if base else []))
            if base.split(".")[0] != "congvan":
                continue
            for alias in node.names:
                sub = f"{base}.{alias.name}"
                found.add(sub if sub in known else base)
    found.discard(module)
    return found


def import_graph(package: Path = PACKAGE) -> dict[str, set[str]]:
    """Module -> the congvan modules it imports."""
    names = module_names(package)
    return {module: imports_of(module, path, names) for module, path in names.items()}


def upward_imports(graph: Mapping[str, Iterable[str]]) -> list[str]:
    """One line per import from a layer to one it may not use."""
    problems = []
    for module, targets in sorted(graph.items()):
        for target in sorted(targets):
            source_layer, target_layer = layer(module), layer(target)
            if source_layer != target_layer and target_layer not in ALLOWED[source_layer]:
                below = ", ".join(sorted(ALLOWED[source_layer])) or "nothing"
                problems.append(f"{module} ({source_layer}) imports {target} ({target_layer}): "
                                f"{source_layer} may import only {below}")
    return problems


def cycles(graph: Mapping[str, Iterable[str]]) -> list[str]:
    """One line per import cycle ('a -> b -> a'), found as the strongly connected components (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[str] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1 or node in graph.get(node, ()):
                found.append(_cycle_path(set(component), graph))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def _cycle_path(component: set[str], graph: Mapping[str, Iterable[str]]) -> str:
    """The shortest cycle through the first module of a strongly connected component: 'a -> b -> c -> a'."""
    start = min(component)
    parents: dict[str, str] = {}
    frontier = [start]
    while frontier:
        node = frontier.pop(0)
        for target in sorted(graph.get(node, ())):
            if target == start:
                path = [node]
                while path[-1] != start:
                    path.append(parents[path[-1]])
                return " -> ".join([*reversed(path), start])
            if target in component and target not in parents:
                parents[target] = node
                frontier.append(target)
    return start


def test_no_import_points_up() -> None:
    problems = upward_imports(import_graph())
    assert not problems, "imports against the layering (see README, Architecture):\n  " + "\n  ".join(problems)


def test_no_import_cycles() -> None:
    problems = cycles(import_graph())
    assert not problems, "import cycles:\n  " + "\n  ".join(problems)


def test_every_module_has_a_layer() -> None:
    for module in module_names():
        layer(module)


def test_the_graph_sees_function_local_imports() -> None:
    graph = import_graph()
    assert "congvan.pipeline.run" in graph["congvan.cli"]  # imported inside the extract command only
    assert "congvan.pipeline.convert" in graph["congvan.pipeline.sandbox"]


def test_the_checks_fail_on_bad_edges() -> None:
    bad = {
        "congvan.text.zones": {"congvan.pipeline.run"},  # up
        "congvan.pipeline.run": {"congvan.extractors.tasks"},
        "congvan.extractors.tasks": {"congvan.readers.pdf", "congvan.extractors.meeting"},  # sideways
        "congvan.extractors.meeting": {"congvan.extractors.tasks"},  # back
        "congvan.readers.pdf": set(),
    }
    assert upward_imports(bad) == [
        "congvan.extractors.tasks (extractors) imports congvan.readers.pdf (readers): extractors may import only "
        "data, layout, root, text",
        "congvan.text.zones (text) imports congvan.pipeline.run (pipeline): text may import only data, layout, root",
    ]
    assert cycles(bad) == ["congvan.extractors.meeting -> congvan.extractors.tasks -> congvan.extractors.meeting"]
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a -> b -> c -> a"]
    assert cycles({"a": {"a"}}) == ["a -> a"]
