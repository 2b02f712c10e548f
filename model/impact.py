"""What a card's failure breaks: the "affects" graph of a blueprint.

Link kinds read as: ``flow`` a→b, b follows from a (a affects b); ``depends`` a→b, a relies
on b (b affects a); ``twoway`` both. A flow that goes down the blueprint, from a lane nearer
the customer to one farther behind (customer → frontstage → backstage → support), is a
request the step waits on: it also carries a failure back up (b affects a too). So drawn the
usual way, top to bottom, a failing payment gateway breaks the frontstage step that calls it
and the customer's "Pays" above that, not only the steps that follow. Impact of a card =
everything it affects, directly or not; its dependencies = everything that affects it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from model.document import Document

if TYPE_CHECKING:
    import networkx as nx


# How far behind the line of interaction a lane kind sits; kinds off the blueprint have no depth.
_DEPTH = {"customer": 0, "frontstage": 1, "backstage": 2, "support": 3}


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
    depth = {lane.id: _DEPTH.get(lane.kind) for lane in document.lanes}
    card = document.card
    for link in document.links():
        if link.source == link.target:
            continue
        if link.kind in ("flow", "twoway"):
            graph.add_edge(link.source, link.target)
        if link.kind in ("depends", "twoway") or (link.kind == "flow" and _goes_down(
                depth[card(link.source).lane], depth[card(link.target).lane])):
            graph.add_edge(link.target, link.source)
    return graph


def _goes_down(source_depth: int | None, target_depth: int | None) -> bool:
    """A flow from a lane nearer the customer to one farther behind: a request its source waits on."""
    return source_depth is not None and target_depth is not None and source_depth < target_depth


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
