"""Spotlight: one card or one lane lit, everything else dimmed, for talking about it.

On a blueprint a spotlit card keeps its impact path lit: what it affects and relies on,
with the arrows to the customer steps drawn heavy, as Show impact draws them (the same
scene.show_impact, so the two never disagree). On a journey map, or for a lane, it is a
plain spotlight. Any edit of the document ends it, as it ends the impact view.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from canvas.scene import BoardScene

BLUEPRINT_KINDS = frozenset({"frontstage", "backstage", "support"})


def is_blueprint(scene: BoardScene) -> bool:
    """Whether the board has the lanes of a service blueprint (so impact paths mean something)."""
    return any(lane.kind in BLUEPRINT_KINDS for lane in scene.document.lanes)


class Spotlight:
    """Dims all but one card or lane of a scene."""

    def __init__(self, scene: BoardScene) -> None:
        self.scene = scene
        self.target: tuple[str, str] | None = None  # ("card" | "lane", id)
        scene.document.changed.connect(self._on_changed)
        scene.impact_cleared.connect(self._on_impact_cleared)

    def detach(self) -> None:
        """Stop following the document (before the spotlight is dropped)."""
        self.clear()
        self.scene.document.changed.disconnect(self._on_changed)
        self.scene.impact_cleared.disconnect(self._on_impact_cleared)

    @property
    def active(self) -> bool:
        """Whether something is spotlit."""
        return self.target is not None

    def card(self, card_id: str) -> set[str]:
        """Spotlight a card (with its impact path on a blueprint); the ids of the lit cards."""
        self.clear()
        scene = self.scene
        if is_blueprint(scene):
            result = scene.show_impact(card_id)
            lit = {card_id} | result.affected | result.dependencies
        else:
            lit = {card_id}
            self._dim_all_but(lit)
        self.target = ("card", card_id)
        return lit

    def lane(self, lane_id: str) -> set[str]:
        """Spotlight a lane's cards; the ids of the lit cards."""
        self.clear()
        lit = set(self.scene.document.cards_in_lane(lane_id))
        self._dim_all_but(lit)
        self.target = ("lane", lane_id)
        return lit

    def clear(self) -> None:
        """Light everything again."""
        if self.target is None:
            return
        self.target = None
        scene = self.scene
        if scene.impact is not None:
            scene.clear_impact()
        else:
            self._dim_all_but(None)

    def is_dimmed(self, card_id: str) -> bool:
        """Whether a card is drawn dimmed now."""
        return self.scene.card_item(card_id).opacity() < 1.0

    def _dim_all_but(self, lit: set[str] | None) -> None:
        self.scene.dim_all_but(lit)

    def _on_changed(self, _event: object) -> None:
        if self.target is not None and self.scene.impact is None:
            self.target = None
            self._dim_all_but(None)

    def _on_impact_cleared(self) -> None:
        if self.target is not None and self.target[0] == "card":
            self.target = None
