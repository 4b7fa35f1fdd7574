"""The modules form layers: no import cycle, not even through imports inside functions."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import ROOT

SOURCES = {"antqa": ROOT / "src" / "antqa", "bots": ROOT / "bots"}


def _module_name(package: str, folder: Path, file: Path) -> str:
    parts = [package, *file.relative_to(folder).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_type_checking(node: ast.If) -> bool:
    return "TYPE_CHECKING" in ast.unparse(node.test)


def _imports(tree: ast.AST, modules: set[str]) -> set[str]:
    """Project modules imported anywhere in ``tree`` (functions too), except the imports
    under ``if TYPE_CHECKING:``, which never run."""
    found: set[str] = set()
    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, ast.If) and _is_type_checking(node):
            stack.extend(node.orelse)
            continue
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
        stack.extend(ast.iter_child_nodes(node))
    return {name for name in found if name in modules}


def _with_packages(importer: str, imported: set[str], modules: set[str]) -> set[str]:
    """``imported`` and the packages holding each: importing ``antqa.short_answers.forms``
    first runs ``antqa/short_answers/__init__.py``, whose own imports may lead back to the
    importer. Not the importer's own packages, which are already loading."""
    found = set(imported)
    for name in imported:
        parts = name.split(".")
        for end in range(1, len(parts)):
            package = ".".join(parts[:end])
            if package in modules and not importer.startswith(f"{package}."):
                found.add(package)
    return found


def import_graph() -> dict[str, set[str]]:
    files = {
        _module_name(package, folder, file): file
        for package, folder in SOURCES.items()
        for file in folder.rglob("*.py")
    }
    modules = set(files)
    return {
        name: _with_packages(
            name, _imports(ast.parse(file.read_text(encoding="utf-8")), modules), modules
        )
        - {name}
        for name, file in files.items()
    }


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle of ``graph`` (a package's ``__init__`` re-exporting its own
    modules is not one), or None."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for target in sorted(graph[node]):
            if node.startswith(f"{target}."):  # a module importing its own package
                continue
            if state.get(target) == 1:
                return [*path[path.index(target) :], target]
            if target not in state and (found := visit(target)):
                return found
        path.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return None


def test_the_project_has_no_import_cycle() -> None:
    graph = import_graph()
    assert "antqa.build" in graph and "antqa.embedding.export" in graph
    cycle = _cycle(graph)
    assert cycle is None, " -> ".join(cycle or [])


def test_the_cycle_check_finds_a_cycle_hidden_in_a_function() -> None:
    module = ast.parse("def f():\n    from antqa.index import load_index\n")
    graph = {"antqa.index": {"antqa.build"}, "antqa.build": _imports(module, {"antqa.index"})}
    assert _cycle(graph) == ["antqa.build", "antqa.index", "antqa.build"]


def test_the_cycle_check_finds_a_cycle_through_a_package_init() -> None:
    """Importing a package's module runs the package's ``__init__`` first: a module below
    the package that the ``__init__`` reaches is in a cycle with it."""
    modules = {"antqa.people", "antqa.short_answers", "antqa.short_answers.forms"}
    people = _imports(ast.parse("from antqa.short_answers.forms import TITLES\n"), modules)
    graph = {
        "antqa.people": _with_packages("antqa.people", people, modules),
        "antqa.short_answers": {"antqa.people"},
        "antqa.short_answers.forms": set(),
    }
    assert _cycle(graph) == ["antqa.people", "antqa.short_answers", "antqa.people"]


def test_the_index_format_does_not_know_how_an_index_is_built() -> None:
    graph = import_graph()
    assert not graph["antqa.index"] & {"antqa.build", "antqa.embedding.export", "antqa.chunking"}
    embedding = {name for name in graph if name.startswith("antqa.embedding")}
    for name in embedding:
        assert not graph[name] & {"antqa.index", "antqa.build", "antqa.service"}, name
