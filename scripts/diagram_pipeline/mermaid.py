"""Render a validated Diagram as Mermaid text: deterministic, and safe for any label text.

Every label is written inside double quotes with each character outside a small safe set replaced by a Mermaid
entity code (#60; for "<"). Mermaid turns those back into text, never into markup, so a label such as
`<script>` or `a | b; c` shows as written and cannot break the diagram or inject into the page.
"""
from __future__ import annotations

import re

from .source import Diagram

# "_" is not safe: Mermaid reads _x_ in a label as emphasis and shows "x" (the property test in tests/test_diagrams_in_browser.py found it).
_SAFE = re.compile(r"[A-Za-z0-9 .,:()'/+?!-]")

# Node shapes by component kind: (opening, closing) around the quoted label.
SHAPES = {
    "service": ("(", ")"),  # rounded rectangle
    "store": ("[(", ")]"),  # cylinder
    "queue": ("[/", "/]"),  # parallelogram
    "model": ("{{", "}}"),  # hexagon
    "user": ("([", "])"),  # stadium
    "external": ("[[", "]]"),  # subroutine box
    "step": ("[", "]"),  # plain rectangle
}

# Translucent tints of each layer's color (#RRGGBBAA) with a solid border, and no text color: Material sets the label
# color per palette, and a tint reads as pale over the light background and as deep over the dark one.
LAYER_STYLES = {
    "data": "fill:#2563eb2e,stroke:#2563eb,stroke-width:1.5px",
    "features": "fill:#16a34a2e,stroke:#16a34a,stroke-width:1.5px",
    "training": "fill:#d977062e,stroke:#d97706,stroke-width:1.5px",
    "serving": "fill:#7c3aed2e,stroke:#7c3aed,stroke-width:1.5px",
    "monitoring": "fill:#dc26262e,stroke:#dc2626,stroke-width:1.5px",
    "product": "fill:#6b72802e,stroke:#6b7280,stroke-width:1.5px",
}

EDGE_ARROWS = {"request": "-->", "batch": "-.->", "stream": "==>", "feedback": "-.->", "relation": "---"}
FEEDBACK_STYLE = "stroke:#ea580c,stroke-width:2px"
MESSAGE_ARROWS = {"request": "->>", "response": "-->>", "async": "-)"}


def escape(text: str) -> str:
    """Label text as Mermaid shows it: safe characters as they are, everything else as an entity code."""
    text = " ".join(str(text).split())  # newlines and runs of spaces would end or distort a Mermaid statement
    return "".join(ch if _SAFE.fullmatch(ch) else f"#{ord(ch)};" for ch in text)


def plain_title(text: str) -> str:
    """accTitle takes raw text to the end of the line, so keep only characters that need no escaping."""
    return " ".join("".join(ch if _SAFE.fullmatch(ch) else " " for ch in text).split())


def node_ref(node_id: str) -> str:
    # A prefix keeps ids clear of Mermaid keywords such as "end", "graph" or "class".
    return f"n_{node_id}"


def render(diagram: Diagram) -> str:
    return _render_sequence(diagram) if diagram.type == "sequence" else _render_flowchart(diagram)


def _render_flowchart(diagram: Diagram) -> str:
    lines = [f"flowchart {diagram.direction}", f"  accTitle: {plain_title(diagram.title)}"]
    used_layers = {node.layer for node in diagram.nodes.values()}
    for layer, style in LAYER_STYLES.items():
        if layer in used_layers:
            lines.append(f"  classDef layer_{layer} {style}")

    grouped = {member for group in diagram.groups for member in group.members}
    groups = {group.id: group for group in diagram.groups}

    def emit_node(node_id: str, indent: str) -> None:
        node = diagram.nodes[node_id]
        opening, closing = SHAPES[node.kind]
        lines.append(f'{indent}{node_ref(node_id)}{opening}"{escape(node.label)}"{closing}:::layer_{node.layer}')

    def emit_group(group_id: str, indent: str) -> None:
        group = groups[group_id]
        lines.append(f'{indent}subgraph g_{group.id}["{escape(group.label)}"]')
        for member in group.members:
            if member in groups:
                emit_group(member, indent + "  ")
            else:
                emit_node(member, indent + "  ")
        lines.append(f"{indent}end")

    for node_id in diagram.nodes:
        if node_id not in grouped:
            emit_node(node_id, "  ")
    for group in diagram.groups:
        if group.id not in grouped:  # nested groups are emitted inside their parent
            emit_group(group.id, "  ")

    feedback_links = []
    for index, edge in enumerate(diagram.edges):
        arrow = EDGE_ARROWS[edge.kind]
        label = f'|"{escape(edge.label)}"|' if edge.label else ""
        lines.append(f"  {node_ref(edge.source)} {arrow}{label} {node_ref(edge.target)}")
        if edge.kind == "feedback":
            feedback_links.append(str(index))
    if feedback_links:
        lines.append(f"  linkStyle {','.join(feedback_links)} {FEEDBACK_STYLE}")
    return "\n".join(lines) + "\n"


def _render_sequence(diagram: Diagram) -> str:
    lines = ["sequenceDiagram", f"  accTitle: {plain_title(diagram.title)}"]
    for participant in diagram.participants:
        node = diagram.nodes[participant]
        keyword = "actor" if node.kind == "user" else "participant"
        lines.append(f"  {keyword} {node_ref(participant)} as {escape(node.label)}")
    for message in diagram.edges:
        arrow = MESSAGE_ARROWS[message.kind]
        lines.append(f"  {node_ref(message.source)}{arrow}{node_ref(message.target)}: {escape(message.label)}")
    return "\n".join(lines) + "\n"
