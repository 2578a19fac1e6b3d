"""The package's import graph (issue #17): no module imports another's private names, and the
module-level imports have no cycle, so each stage can be read (and loaded) on its own."""

from __future__ import annotations

import ast
from pathlib import Path

PKG = Path(__file__).resolve().parent.parent / "summarizer"


def _imports(path: Path, top_level_only: bool):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    nodes = tree.body if top_level_only else list(ast.walk(tree))
    for node in nodes:
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            yield node.module, [a.name for a in node.names]


def _graph() -> dict[str, set[str]]:
    graph = {}
    for path in PKG.glob("*.py"):
        deps = set()
        for module, names in _imports(path, top_level_only=True):
            deps |= {module} if module else {n for n in names if (PKG / f"{n}.py").exists()}
        graph[path.stem] = deps - {path.stem}
    return graph


def test_no_module_imports_another_modules_private_names():
    private = [(path.name, module, n) for path in PKG.glob("*.py") for module, names in _imports(path, False)
               for n in names if n.startswith("_") and n != "__version__"]
    assert private == []


def test_module_level_imports_have_no_cycle():
    graph = _graph()
    assert {"merge_actors", "merge_claims", "merge_denials", "timeline"} <= graph["merge"]  # the graph is read
    seen, stack, cycles = set(), [], []

    def visit(node):
        if node in stack:
            cycles.append(stack[stack.index(node):] + [node])
            return
        if node in seen:
            return
        seen.add(node)
        stack.append(node)
        for dep in sorted(graph.get(node, ())):
            visit(dep)
        stack.pop()

    for node in sorted(graph):
        visit(node)
    assert cycles == []


def test_no_module_is_over_600_lines():
    """A module that long is several modules (issue #17): split it along its section banners."""
    long = {p.name: n for p in PKG.glob("*.py") if (n := len(p.read_text(encoding="utf-8").splitlines())) > 600}
    assert long == {}


def test_the_readme_layout_table_names_every_module():
    readme = (PKG.parent / "README.md").read_text(encoding="utf-8")
    start = readme.index("## Layout")
    table = readme[start : readme.index("\n## ", start + 5)]
    missing = [p.name for p in sorted(PKG.glob("*.py")) if p.name not in table]
    missing += [d for d in ("prompts/", "schemas/", "seeds/", "tests/", "benchmarks/", "recordings/") if d not in table]
    assert missing == []


#: The pipeline's stages, in the order data flows through them; a module imports only its own stage or
#: earlier ones. A new module must be placed here (the test says so).
STAGES = {
    "language and text": "lexicon aliases wordforms textlayer furniture speech_words phrases speakers speech_events signatures "
                         "attribution "
                         "reported date_phrases date_tense dates compare acts models",
    "ingest": "ingest pubdate",
    "extract": "registry prompts cache ratelimit speedups extract toolcall_repair partial_answer mode_probe rules extractors "
               "model_extractors",
    "verify": "quote_alignment speaker_check verify support inventory",
    "merge": "merge merge_actors merge_claims merge_denials timeline anchoring",
    "report": "formats report html_spans html_report csv_report",
    "run": "pipeline batch cli __init__",
}


def test_no_stage_imports_a_later_one():
    rank = {m: i for i, ms in enumerate(STAGES.values()) for m in ms.split()}
    assert sorted(p.stem for p in PKG.glob("*.py") if p.stem not in rank) == []
    graph = _graph()
    later = [(m, dep) for m, deps in graph.items() for dep in deps if dep in rank and rank[dep] > rank[m]]
    assert later == []
