"""What a card's failure breaks: the "affects" graph of a blueprint.

Link kinds read as: ``flow`` a→b, b follows from a (a affects b); ``depends`` a→b, a relies
on b (b affects a); ``twoway`` both. Impact of a card = everything it affects, directly
or not; its dependencies = everything that affects it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from model.document import Document

if TYPE_CHECKING:
    import networkx as nx


@dataclass(frozen=True, slots=True)
class Impact:
    """A card's impact set, its dependencies, and the paths to the customer steps it reaches."""

    card: str
    affected: frozenset[str]
    dependencies: frozenset[str]
    customer_paths: dict[str, tuple[str, ...]]  # affected customer card -> path from ``card``


def affects_graph(document: Document) -> nx.DiGraph:
    """A directed graph with an edge a→b whenever a failing a would break or stop b."""
    import networkx as nx  # imported when an analysis runs, not with the model (Document's docstring)

    graph = nx.DiGraph()
    graph.add_nodes_from(card.id for card in document.cards())
    for link in document.links():
        if link.source == link.target:
            continue
        if link.kind in ("flow", "twoway"):
            graph.add_edge(link.source, link.target)
        if link.kind in ("depends", "twoway"):
            graph.add_edge(link.target, link.source)
    return graph


def impact(document: Document, card_id: str, graph: nx.DiGraph | None = None) -> Impact:
    """Everything ``card_id`` affects and depends on, with a shortest path to each affected customer step."""
    import networkx as nx

    graph = affects_graph(document) if graph is None else graph
    affected = nx.descendants(graph, card_id)
    dependencies = nx.ancestors(graph, card_id)
    paths = nx.single_source_shortest_path(graph, card_id)
    customer = {
        target: tuple(paths[target])
        for target in sorted(affected)
        if document.lane(document.card(target).lane).kind == "customer"
    }
    return Impact(card_id, frozenset(affected), frozenset(dependencies), customer)
