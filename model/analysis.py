"""Structural findings about a document's graph: plain functions, no Qt.

Only facts that follow from the structure alone are reported here; judgements about a
journey's quality (steps without frontstage support, hand-offs across the line of
visibility) belong to later, separate checks.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from model.document import Document

SEVERITIES: tuple[str, ...] = ("error", "warning", "info")


@dataclass(frozen=True, slots=True)
class Finding:
    """One observation about a document: how serious, a stable code, a sentence and the cards concerned."""

    severity: str  # "error", "warning" or "info"
    code: str
    message: str
    cards: tuple[str, ...] = field(default_factory=tuple)
    # What the message is made of, for an interface that says it in its own language (app/checks_panel.py).
    args: tuple[str, ...] = field(default_factory=tuple)
    # The stage a finding without cards is about ("empty-stage"): its name in the message may be another's too.
    stage: str | None = None

    def to_json(self) -> dict[str, object]:
        """The finding as ``validate --json`` prints it."""
        return {"severity": self.severity, "code": self.code, "message": self.message, "cards": list(self.cards)}


def structural_findings(document: Document) -> list[Finding]:
    """Every structural finding, in a stable order (board first, then links in file order)."""
    findings: list[Finding] = []
    if document.card_count() == 0:
        findings.append(Finding("info", "empty-board", "the board has no cards yet"))
    seen: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    for link in document.links():
        if link.source == link.target:
            findings.append(Finding(
                "warning", "link-self", f'link "{link.id}" goes from card "{link.source}" to itself', (link.source,),
                (link.id, link.source)))
        seen[(link.source, link.target, link.kind)].append(link.id)
    for (source, target, kind), ids in seen.items():
        if len(ids) > 1:
            names = ", ".join(f'"{i}"' for i in ids)
            findings.append(Finding(
                "warning", "link-duplicate",
                f'links {names} all join card "{source}" to card "{target}" as {kind}',
                (source,) if source == target else (source, target), (names, source, target, kind)))
    return findings


def has_errors(findings: list[Finding]) -> bool:
    """Whether any finding has severity ``error``."""
    return any(f.severity == "error" for f in findings)
