"""The checks a service team asks of a blueprint, as plain functions over the graph."""

from __future__ import annotations

from typing import TYPE_CHECKING

from model.analysis import Finding
from model.document import Document
from model.entities import BLUEPRINT_KINDS

if TYPE_CHECKING:
    import networkx as nx  # imported where the loops are looked for (a check the start does not need)

SERVICE_KINDS = BLUEPRINT_KINDS - {"customer"}  # the lanes that make a board a blueprint


def blueprint_findings(document: Document) -> list[Finding]:
    """Every check's findings, check by check, each in file order."""
    if document.card_count() == 0:
        return []  # "empty-board" says it all; seven checks repeating it would be noise
    kind = {card.id: document.lane(card.lane).kind for card in document.cards()}
    neighbours = _neighbours(document)
    findings: list[Finding] = []
    findings += _customer_without_frontstage(document, kind, neighbours)
    findings += _frontstage_unsupported(document, kind)
    findings += _isolated(document, kind)
    findings += _flow_cycles(document)
    findings += _backward_flows(document)
    findings += _fail_points_unmitigated(document, kind, neighbours)
    findings += _empty_stages(document, kind)
    findings += _unscored_feelings(document, kind)
    return findings


def _neighbours(document: Document) -> dict[str, set[str]]:
    result: dict[str, set[str]] = {card.id: set() for card in document.cards()}
    for link in document.links():
        if link.source != link.target:
            result[link.source].add(link.target)
            result[link.target].add(link.source)
    return result


def card_label(document: Document, card_id: str) -> str:
    text = document.card(card_id).text.replace("\n", " ").strip() or card_id
    return text if len(text) <= 48 else text[:47] + "…"


def _customer_without_frontstage(
    document: Document, kind: dict[str, str], neighbours: dict[str, set[str]]
) -> list[Finding]:
    findings = []
    for card in document.cards():
        if kind[card.id] != "customer":
            continue
        front = {c for lane in document.lanes if lane.kind == "frontstage"
                 for c in document.cell_cards(card.stage, lane.id)}
        if front and not neighbours[card.id] & front:
            name = card_label(document, card.id)
            findings.append(Finding(
                "info", "customer-without-frontstage",
                f'customer action "{name}" is linked to none of its stage\'s frontstage actions', (card.id,), (name,)))
    return findings


def _frontstage_unsupported(document: Document, kind: dict[str, str]) -> list[Finding]:
    if not any(lane.kind in ("backstage", "support") for lane in document.lanes):
        return []
    import networkx as nx  # imported when the checks run, not with the model (Document's docstring)

    # Paths behind the line of interaction only: through a customer step, a thank-you page linked
    # from "Taps a rating" counted as supported by whatever that step's neighbours had behind them.
    undirected = nx.Graph()
    undirected.add_nodes_from(card for card, card_kind in kind.items() if card_kind != "customer")
    undirected.add_edges_from((k.source, k.target) for k in document.links()
                              if kind[k.source] != "customer" and kind[k.target] != "customer")
    unsupported: set[str] = set()
    for component in nx.connected_components(undirected):
        if not any(kind[c] in ("backstage", "support") for c in component):
            unsupported.update(component)
    return [  # in file order: one pass over the cards, not one per component
        Finding("warning", "frontstage-unsupported",
                f'frontstage action "{card_label(document, card.id)}" has no path to any backstage or support card',
                (card.id,), (card_label(document, card.id),))
        for card in document.cards()
        if card.id in unsupported and kind[card.id] == "frontstage"
    ]


def _isolated(document: Document, kind: dict[str, str]) -> list[Finding]:
    # On a journey map (no lane behind the customer's) a customer step is rarely linked: saying so of
    # each one was a list of non-findings.
    if not any(lane.kind in SERVICE_KINDS for lane in document.lanes):
        return []
    return [
        Finding("info", "isolated-card", f'"{card_label(document, card.id)}" has no links', (card.id,),
                (card_label(document, card.id),))
        for card in document.cards()
        if kind[card.id] in BLUEPRINT_KINDS and not document.links_of(card.id)
    ]


def _flow_cycles(document: Document) -> list[Finding]:
    import networkx as nx

    flow = nx.DiGraph()
    flow.add_edges_from((k.source, k.target) for k in document.links() if k.kind == "flow")
    order = {card.id: i for i, card in enumerate(document.cards())}
    findings = []
    for component in nx.strongly_connected_components(flow):
        if len(component) < 2:
            continue
        if any(after not in component for card in component for after in flow.successors(card)):
            continue  # a loop with a way out, as a retry: no trap ("backward-flow" still notes its step back)
        if _call_and_answer(document, flow, component):
            continue
        cards = tuple(sorted(component, key=order.__getitem__))
        names = " → ".join(f'"{card_label(document, c)}"' for c in cards[:4]) + (" → …" if len(cards) > 4 else "")
        findings.append(Finding("warning", "flow-cycle",
                                f"a loop of flow links the customer cannot leave: {names}", cards, (names,)))
    return sorted(findings, key=lambda f: order[f.cards[0]])


def _call_and_answer(document: Document, flow: nx.DiGraph, component: set[str]) -> bool:
    """Whether a flow loop is one step's calls down the blueprint and their answers back up: all its cards in
    one stage, each in a lane of its own, and every flow among them answered by one back ("Pays" → "Takes
    payment" → "Pays"). The customer is not held in it; at the journey's end such a pair was warned of as a
    loop they "cannot leave". A loop within one lane ("Enters code" → "Code refused" → "Enters code") still is
    one, and so is a one-way ring through the lanes. (A refusal drawn in the frontstage lane and answered back
    looks like a call and its answer: the links alone cannot tell them apart.)"""
    cards = [document.card(card_id) for card_id in component]
    if len({card.stage for card in cards}) != 1 or len({card.lane for card in cards}) != len(cards):
        return False
    return all(flow.has_edge(b, a) for a, b in flow.subgraph(component).edges)


def _backward_flows(document: Document) -> list[Finding]:
    index = {stage.id: i for i, stage in enumerate(document.stages)}
    findings = []
    for link in document.links():
        if link.kind != "flow":
            continue
        a, b = document.card(link.source), document.card(link.target)
        if index[b.stage] < index[a.stage]:
            # The target named too: two flows back from one card read as the same finding twice.
            source, target, stage = card_label(document, a.id), card_label(document, b.id), \
                document.stage(b.stage).name
            findings.append(Finding(
                "info", "backward-flow",
                f'flow from "{source}" goes back to "{target}" in an earlier stage ("{stage}")', (a.id, b.id),
                (source, target, stage)))
    return findings


def _fail_points_unmitigated(
    document: Document, kind: dict[str, str], neighbours: dict[str, set[str]]
) -> list[Finding]:
    return [
        Finding("info", "fail-point-unmitigated",
                f'fail point "{card_label(document, card.id)}" is linked to no opportunity or support card', (card.id,),
                (card_label(document, card.id),))
        for card in document.cards()
        if card.fail and not any(kind[n] in ("opportunity", "support") for n in neighbours[card.id])
    ]


def _unscored_feelings(document: Document, kind: dict[str, str]) -> list[Finding]:
    # Drawn on the neutral line like a deliberate 0, an emotion card nobody scored read as "neutral".
    return [
        Finding("info", "emotion-unscored", f'"{card_label(document, card.id)}" has no score: its point sits on '
                "the neutral line", (card.id,), (card_label(document, card.id),))
        for card in document.cards()
        if kind[card.id] == "emotion" and card.score is None
    ]


def _empty_stages(document: Document, kind: dict[str, str]) -> list[Finding]:
    if not any(lane.kind == "customer" for lane in document.lanes):
        return []
    findings = []
    for stage in document.stages:
        has_customer = any(document.cell_cards(stage.id, lane.id) for lane in document.lanes if lane.kind == "customer")
        if not has_customer:
            findings.append(Finding("info", "empty-stage", f'stage "{stage.name}" has no customer action', (),
                                    (stage.name,), stage=stage.id))
    return findings
