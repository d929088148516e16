"""The import graph flows one way: no module imports a later stage, and none imports another's private names.

Layers, lowest first. A module may import from its own layer (finders and base helpers only) or a
lower one; each stage is a layer of its own, in pipeline order.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "vbpl_extract"

LAYERS: list[set[str]] = [
    {"", "errors", "models", "textutil", "data", "diagnostics", "encodings", "ids"},  # base
    {"doctypes", "markers", "tables"},  # grammar of numbers, unit markers, tables
    {"agencies", "deadlines", "references", "nlp"},  # finders (run by the annotate stage)
    {"readers"},  # stages, in pipeline order
    {"clean"},
    {"header"},
    {"structure"},
    {"annotate"},
    {"tasks"},
    {"learn"},  # the learned decision after the rules
    {"graph", "ocr_review"},  # the last stage; the OCR review of the header and text
    {"pipeline"},
    {"exporters", "evaluate", "schema", "batch", "training"},  # users of the pipeline
    {"server"},  # faces
    {"cli"},
]
STAGES = {"readers", "clean", "header", "structure", "annotate", "tasks", "learn", "graph", "pipeline", "cli", "server"}


def _top(module: str) -> str:
    """``vbpl_extract.readers.pdf_reader`` -> ``readers``; the package itself -> ``""``."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def _layer(top: str) -> int:
    for i, layer in enumerate(LAYERS):
        if top in layer:
            return i
    raise AssertionError(f"module {top!r} is in no layer of tests/test_layers.py: place it")


def _imports(path: Path) -> list[tuple[str, list[str], int]]:
    """(absolute module, imported names, line) of every package-internal import in ``path``."""
    rel = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    package = parts if path.name == "__init__.py" else parts[:-1]
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                module = ".".join([*base, *(node.module.split(".") if node.module else [])])
            else:
                module = node.module or ""
            if module.split(".")[0] == "vbpl_extract":
                out.append((module, [a.name for a in node.names], node.lineno))
        elif isinstance(node, ast.Import):
            out += [(a.name, [], node.lineno) for a in node.names if a.name.split(".")[0] == "vbpl_extract"]
    return out


def _sources() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py"))


def _module_of(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def test_every_module_has_a_layer() -> None:
    for path in _sources():
        _layer(_top(_module_of(path)))


def test_no_back_edges() -> None:
    bad = []
    for path in _sources():
        me = _top(_module_of(path))
        for module, names, line in _imports(path):
            targets = [module] if names == [] or module.count(".") >= 1 else []
            # "from . import pipeline" imports a module by name
            targets += [f"{module}.{n}" for n in names if module == "vbpl_extract" and n != "__version__"]
            for target in targets or [module]:
                top = _top(target)
                if top == me:
                    continue
                mine, theirs = _layer(me), _layer(top)
                if theirs > mine or (theirs == mine and me in STAGES):
                    bad.append(f"{path.relative_to(PACKAGE)}:{line} imports {target} (layer {theirs} > {mine})")
    assert bad == []


def test_no_private_names_across_modules() -> None:
    bad = []
    for path in _sources():
        mine = _module_of(path)
        package = mine if path.name == "__init__.py" else mine.rsplit(".", 1)[0]
        for module, names, line in _imports(path):
            same_package = package != "vbpl_extract" and module.startswith(package + ".")
            if same_package:
                continue  # inside one package (readers/_common.py, tables/flat.py) private helpers are shared
            private = [n for n in names if n.startswith("_") and n != "__version__"]
            private += [m for m in module.split(".") if m.startswith("_") and not same_package]
            if private:
                bad.append(f"{path.relative_to(PACKAGE)}:{line} imports {module}: {', '.join(private)}")
    assert bad == []


def test_no_import_guards_for_own_modules() -> None:
    bad = []
    for path in _sources():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Try):
                continue
            guards_import = any(
                isinstance(h.type, ast.Name) and h.type.id in ("ImportError", "ModuleNotFoundError") for h in node.handlers
            )
            own = [s for s in node.body if isinstance(s, ast.ImportFrom) and (s.level or (s.module or "").startswith("vbpl_extract"))]
            if guards_import and own:
                bad.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    assert bad == []
