"""Read the component catalog and the diagram files, and validate them into a model the renderer can trust.

Every problem is collected with its file and line; nothing is rendered unless the whole set is valid.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from . import yaml_lines
from .errors import Problem
from .yaml_lines import LineDict, LineList

KINDS = ("service", "store", "queue", "model", "user", "external", "step")
LAYERS = ("data", "features", "training", "serving", "monitoring", "product")
EDGE_KINDS = ("request", "batch", "stream", "feedback", "relation")
MESSAGE_KINDS = ("request", "response", "async")
DIRECTIONS = ("LR", "RL", "TB", "BT")
DIAGRAM_TYPES = ("flowchart", "sequence")
ID_PATTERN = re.compile(r"^[a-z][a-z0-9_]*$")

CATALOG_FILE = "catalog.yml"


@dataclass(frozen=True)
class Component:
    id: str
    label: str
    kind: str
    layer: str
    concept: str | None = None
    from_catalog: bool = True
    concept_line: int = 1  # where the concept is named, for "concept page missing" messages


@dataclass
class Edge:
    source: str
    target: str
    label: str
    kind: str


@dataclass
class Group:
    id: str
    label: str
    members: list[str]


@dataclass
class Diagram:
    id: str  # path under diagrams/ without .yml, e.g. "framework/overview"
    path: str
    title: str
    type: str
    direction: str = "LR"
    nodes: dict[str, Component] = field(default_factory=dict)  # every node the diagram shows, in order
    edges: list[Edge] = field(default_factory=list)
    groups: list[Group] = field(default_factory=list)
    participants: list[str] = field(default_factory=list)


class _Collector:
    """Gathers problems for one file."""

    def __init__(self, path: str):
        self.path = path
        self.problems: list[Problem] = []

    def add(self, line: int, message: str) -> None:
        self.problems.append(Problem(self.path, line, message))


def _text(where: LineDict, key: str, report: _Collector, required: bool = True) -> str | None:
    if key not in where:
        if required:
            report.add(where.line, f"missing '{key}'")
        return None
    text = where[key]
    if not isinstance(text, (str, int, float)) or isinstance(text, bool) or str(text).strip() == "":
        report.add(where.line_of(key), f"'{key}' must be non-empty text")
        return None
    return str(text)


def _choice(where: LineDict, key: str, allowed: tuple[str, ...], report: _Collector, default: str | None = None):
    if key not in where:
        if default is None:
            report.add(where.line, f"missing '{key}' (one of: {', '.join(allowed)})")
        return default
    value = where[key]
    if value not in allowed:
        report.add(where.line_of(key), f"unknown {key} {value!r} (one of: {', '.join(allowed)})")
        return None
    return value


def _unknown_keys(where: LineDict, allowed: set[str], report: _Collector, what: str) -> None:
    for key in where:
        if key not in allowed:
            report.add(where.line_of(key), f"unknown key '{key}' in {what} (allowed: {', '.join(sorted(allowed))})")


def _component(cid, spec, line: int, report: _Collector, from_catalog: bool) -> Component | None:
    if not isinstance(cid, str) or not ID_PATTERN.match(cid):
        report.add(line, f"invalid id {cid!r} (lowercase letters, digits and underscores, starting with a letter)")
        return None
    if not isinstance(spec, LineDict):
        report.add(line, f"'{cid}' must be a mapping with label, kind and layer")
        return None
    allowed = {"label", "kind", "layer", "concept"} if from_catalog else {"label", "kind", "layer"}
    _unknown_keys(spec, allowed, report, f"'{cid}'")
    label = _text(spec, "label", report)
    kind = _choice(spec, "kind", KINDS, report)
    layer = _choice(spec, "layer", LAYERS, report)
    concept = _text(spec, "concept", report, required=False)
    if None in (label, kind, layer):
        return None
    return Component(cid, label, kind, layer, concept, from_catalog, spec.line_of("concept"))


def load_catalog(diagrams_dir: Path, root: Path) -> tuple[dict[str, Component], list[Problem]]:
    path = diagrams_dir / CATALOG_FILE
    shown = path.relative_to(root).as_posix()
    report = _Collector(shown)
    if not path.exists():
        return {}, [Problem(shown, 1, "the component catalog is missing")]
    try:
        data = yaml_lines.load(path.read_text(encoding="utf-8"), shown)
    except yaml_lines.SyntaxProblem as error:
        return {}, [error.problem]
    if not isinstance(data, LineDict) or not isinstance(data.get("components"), LineDict):
        return {}, [Problem(shown, 1, "expected a top-level 'components:' mapping")]
    catalog = {}
    components = data["components"]
    for cid, spec in components.items():
        component = _component(cid, spec, components.line_of(cid), report, from_catalog=True)
        if component:
            catalog[cid] = component
    return catalog, report.problems


def load_diagram(path: Path, root: Path, diagrams_dir: Path, catalog: dict[str, Component]):
    """Return (Diagram or None, problems) for one diagram file."""
    shown = path.relative_to(root).as_posix()
    report = _Collector(shown)
    diagram_id = path.relative_to(diagrams_dir).with_suffix("").as_posix()
    try:
        data = yaml_lines.load(path.read_text(encoding="utf-8"), shown)
    except yaml_lines.SyntaxProblem as error:
        return None, [error.problem]
    if not isinstance(data, LineDict):
        return None, [Problem(shown, 1, "expected a mapping with title, type and edges or messages")]

    kind = _choice(data, "type", DIAGRAM_TYPES, report, default="flowchart")
    common = {"title", "type", "nodes"}
    specific = {"direction", "groups", "edges"} if kind == "flowchart" else {"participants", "messages"}
    _unknown_keys(data, common | specific, report, "a diagram")
    title = _text(data, "title", report)
    diagram = Diagram(diagram_id, shown, title or "", kind or "flowchart")

    local: dict[str, Component] = {}
    nodes = data.get("nodes", LineDict())
    if not isinstance(nodes, LineDict):
        report.add(data.line_of("nodes"), "'nodes' must be a mapping of id to {label, kind, layer}")
        nodes = LineDict()
    for nid, spec in nodes.items():
        line = nodes.line_of(nid)
        if nid in catalog:
            report.add(line, f"duplicate id '{nid}': it is already a catalog component (use it, or rename this node)")
            continue
        component = _component(nid, spec, line, report, from_catalog=False)
        if component:
            local[nid] = component

    def resolve(ref, line: int) -> str | None:
        if ref in local or ref in catalog:
            diagram.nodes.setdefault(ref, local.get(ref) or catalog[ref])
            return ref
        report.add(line, f"unknown node or component {ref!r} (declare it under 'nodes:' or add it to diagrams/catalog.yml)")
        return None

    for nid in local:  # local nodes are always shown, in the order declared
        diagram.nodes[nid] = local[nid]

    if kind == "flowchart":
        diagram.direction = _choice(data, "direction", DIRECTIONS, report, default="LR") or "LR"
        _load_edges(data, diagram, resolve, report)
        _load_groups(data, diagram, resolve, report)
    elif kind == "sequence":
        _load_sequence(data, diagram, resolve, report)
    if not diagram.nodes and not report.problems:
        report.add(1, "the diagram has no nodes")
    return (None if report.problems else diagram), report.problems


def _load_edges(data: LineDict, diagram: Diagram, resolve, report: _Collector) -> None:
    edges = data.get("edges")
    if not isinstance(edges, LineList) or not edges:
        report.add(data.line_of("edges"), "a flowchart needs a non-empty 'edges:' list")
        return
    for index, edge in enumerate(edges):
        line = edges.line_of(index)
        if not isinstance(edge, LineDict):
            report.add(line, "an edge must be a mapping: {from: a, to: b, label: ..., kind: request}")
            continue
        _unknown_keys(edge, {"from", "to", "label", "kind"}, report, "an edge")
        source = resolve(edge["from"], line) if "from" in edge else report.add(line, "edge without 'from'")
        target = resolve(edge["to"], line) if "to" in edge else report.add(line, "edge without 'to'")
        label = _text(edge, "label", report, required=False) or ""
        kind = _choice(edge, "kind", EDGE_KINDS, report, default="request")
        if source and target and kind:
            diagram.edges.append(Edge(source, target, label, kind))


def _load_groups(data: LineDict, diagram: Diagram, resolve, report: _Collector) -> None:
    groups = data.get("groups", LineDict())
    if not isinstance(groups, LineDict):
        report.add(data.line_of("groups"), "'groups' must be a mapping of id to {label, members}")
        return
    owner: dict[str, str] = {}
    for gid, spec in groups.items():
        line = groups.line_of(gid)
        if not isinstance(gid, str) or not ID_PATTERN.match(gid):
            report.add(line, f"invalid group id {gid!r}")
            continue
        if gid in diagram.nodes:
            report.add(line, f"duplicate id '{gid}': a group cannot share an id with a node")
            continue
        if not isinstance(spec, LineDict):
            report.add(line, f"group '{gid}' must be a mapping with label and members")
            continue
        _unknown_keys(spec, {"label", "members"}, report, f"group '{gid}'")
        label = _text(spec, "label", report) or gid
        members = spec.get("members")
        if not isinstance(members, LineList) or not members:
            report.add(spec.line_of("members"), f"group '{gid}' needs a non-empty 'members:' list")
            continue
        resolved = []
        for index, member in enumerate(members):
            member_line = members.line_of(index)
            if member == gid:
                report.add(member_line, f"group '{gid}' contains itself")
                continue
            if member in groups:
                resolved.append(member)
            elif resolve(member, member_line):
                resolved.append(member)
            else:
                continue
            if member in owner:
                report.add(member_line, f"'{member}' is in two groups ('{owner[member]}' and '{gid}')")
            owner[member] = gid
        diagram.groups.append(Group(gid, label, resolved))
    # A group nested, directly or not, inside itself would make Mermaid loop or drop it.
    parent = {child: gid for gid, child_list in ((g.id, g.members) for g in diagram.groups) for child in child_list}
    for group in diagram.groups:
        seen, current = {group.id}, parent.get(group.id)
        while current is not None:
            if current in seen:
                report.add(groups.line_of(group.id), f"group '{group.id}' is nested inside itself")
                break
            seen.add(current)
            current = parent.get(current)


def _load_sequence(data: LineDict, diagram: Diagram, resolve, report: _Collector) -> None:
    participants = data.get("participants")
    if not isinstance(participants, LineList) or not participants:
        report.add(data.line_of("participants"), "a sequence diagram needs a non-empty 'participants:' list")
        return
    for index, participant in enumerate(participants):
        if participant in diagram.participants:
            report.add(participants.line_of(index), f"duplicate participant '{participant}'")
        elif resolve(participant, participants.line_of(index)):
            diagram.participants.append(participant)
    messages = data.get("messages")
    if not isinstance(messages, LineList) or not messages:
        report.add(data.line_of("messages"), "a sequence diagram needs a non-empty 'messages:' list")
        return
    for index, message in enumerate(messages):
        line = messages.line_of(index)
        if not isinstance(message, LineDict):
            report.add(line, "a message must be a mapping: {from: a, to: b, label: ..., kind: request}")
            continue
        _unknown_keys(message, {"from", "to", "label", "kind"}, report, "a message")
        ends = []
        for key in ("from", "to"):
            ref = message.get(key)
            if ref is None:
                report.add(line, f"message without '{key}'")
            elif ref not in diagram.participants:
                report.add(line, f"message {key} {ref!r}, which is not in 'participants:'")
            else:
                ends.append(ref)
        label = _text(message, "label", report) or ""
        kind = _choice(message, "kind", MESSAGE_KINDS, report, default="request")
        if len(ends) == 2 and kind:
            diagram.edges.append(Edge(ends[0], ends[1], label, kind))


def load_all(diagrams_dir: Path, root: Path):
    """Return (catalog, {diagram id: Diagram}, problems) for every source under diagrams_dir."""
    catalog, problems = load_catalog(diagrams_dir, root)
    diagrams: dict[str, Diagram] = {}
    for path in sorted(diagrams_dir.rglob("*.yml")):
        if path.name == CATALOG_FILE and path.parent == diagrams_dir:
            continue
        diagram, found = load_diagram(path, root, diagrams_dir, catalog)
        problems.extend(found)
        if diagram:
            diagrams[diagram.id] = diagram
    for path in sorted(diagrams_dir.rglob("*.yaml")):
        problems.append(Problem(path.relative_to(root).as_posix(), 1, "diagram sources end in .yml, not .yaml"))
    return catalog, diagrams, problems
