"""The concept map: one diagram per lifecycle stage, generated from the concepts' front matter.

The source here is structured data too (each concept's stage and related ids), so the map goes through the same
renderer as every other diagram and is checked the same way.
"""
from __future__ import annotations

from content_model.concepts import STAGE_TITLES, STAGES, Concept

from .source import Component, Diagram, Edge

MAP_PREFIX = "concepts/map-"
# Concept stages drawn with the color of the closest architecture layer.
STAGE_LAYERS = {
    "framing": "product", "data": "data", "features": "features", "modeling": "training",
    "evaluation": "monitoring", "serving": "serving", "monitoring": "monitoring",
}


def _node_id(concept_id: str) -> str:
    return concept_id.replace("-", "_")


def stage_map(stage: str, concepts: dict[str, Concept]) -> Diagram:
    """The concepts of one stage and the relations among them.

    Relations that cross stages are left out: drawn together they make an unreadable web, and every concept page
    already lists all its related concepts.
    """
    members = sorted((c for c in concepts.values() if c.stage == stage), key=lambda c: c.title.lower())
    member_ids = {c.id for c in members}
    diagram = Diagram(id=f"{MAP_PREFIX}{stage}", path="docs/concepts (front matter)",
                      title=f"Concept map: {STAGE_TITLES[stage]}", type="flowchart", direction="LR")
    for concept in members:
        node = _node_id(concept.id)
        diagram.nodes[node] = Component(node, concept.title, "step", STAGE_LAYERS[stage], concept.id, False)
    pairs = set()
    for concept in members:
        for related in concept.related:
            pair = tuple(sorted((concept.id, related)))
            if related in member_ids and pair not in pairs:
                pairs.add(pair)
                diagram.edges.append(Edge(_node_id(pair[0]), _node_id(pair[1]), "", "relation"))
    return diagram


def concept_maps(concepts: dict[str, Concept]) -> dict[str, Diagram]:
    return {f"{MAP_PREFIX}{stage}": stage_map(stage, concepts) for stage in STAGES
            if any(c.stage == stage for c in concepts.values())}
