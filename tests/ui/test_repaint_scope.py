"""After one card moves, only what changed is touched and repainted (issue 9, point 3).

Counted, not timed: the items that took new geometry are exactly the cards whose place or
look changed and the links whose drawing changed, and the viewport's repaint stays inside
the box round the old and new places of those items, not the whole view.
"""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QObject, QPoint, QRectF, QSize
from PySide6.QtGui import QImage, QRegion
from PySide6.QtWidgets import QApplication

from app.editor import Editor
from tests.ui.large_boards import nearest_card, shown_editor, synthetic_board


class PaintRegions(QObject):
    """Collects the regions of the paint events a widget gets."""

    def __init__(self) -> None:
        super().__init__()
        self.regions: list[QRegion] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.regions.append(QRegion(event.region()))  # type: ignore[attr-defined]
        return False


def _settle() -> None:
    QApplication.processEvents()
    QApplication.processEvents()


def test_moving_one_card_touches_and_repaints_only_what_changed(qtbot) -> None:  # type: ignore[no-untyped-def]
    editor = shown_editor(qtbot, synthetic_board(1000, links="local"), centred=True)
    scene, view, doc = editor.scene, editor.view, editor.document
    # The first update after the scene was built repaints the view once in full (Qt's own
    # start-up bookkeeping); the measured move comes after it.
    scene.arrows.update(QRectF(0, 0, 1, 1))
    _settle()
    centre = view.mapToScene(view.viewport().rect().center())
    card_id = nearest_card(scene.layout, centre)
    card = doc.card(card_id)
    assert doc.card_index(card_id) > 0
    cards_before = {k: (g.x, g.y, g.shape) for k, g in scene.layout.cards.items()}
    links_before = {k: g.primitives for k, g in scene.layout.links.items()}
    rects_before = {k: scene.card_item(k).sceneBoundingRect() for k in cards_before}
    link_rects_before = {k: QRectF(*g.bounds) for k, g in scene.layout.links.items()}
    regions = PaintRegions()
    view.viewport().installEventFilter(regions)

    # To the top of its cell: the cards above it there move down (the lane keeps its height,
    # so nothing below it moves).
    doc.move_card(card_id, card.stage, card.lane, 0)
    _settle()

    moved_cards = {k for k, g in scene.layout.cards.items() if (g.x, g.y, g.shape) != cards_before[k]}
    moved_links = {k for k, g in scene.layout.links.items() if g.primitives != links_before[k]}
    assert card_id in moved_cards and len(moved_cards) < 0.1 * len(cards_before)
    assert moved_links and len(moved_links) < 0.1 * len(links_before)
    assert scene.last_changed == (moved_cards, moved_links)
    # What may be repainted: the old and new places of the changed cards and arrows.
    dirty = QRegion()
    for k in moved_cards:
        for rect in (rects_before[k], scene.card_item(k).sceneBoundingRect()):
            dirty += view.mapFromScene(rect.adjusted(-3, -3, 3, 3)).boundingRect()
    for k in moved_links:
        for rect in (link_rects_before[k], QRectF(*scene.layout.links[k].bounds)):
            dirty += view.mapFromScene(rect.adjusted(-3, -3, 3, 3)).boundingRect()
    assert regions.regions, "the move was not painted"
    painted = QRegion()
    for region in regions.regions:
        painted += region
    # Qt unites one item's update rects into their bounding box (the arrow layer is one item).
    allowed = QRegion(dirty.boundingRect().adjusted(-2, -2, 2, 2))
    assert painted.subtracted(allowed).isEmpty(), (painted.boundingRect(), dirty.boundingRect())
    assert painted.boundingRect().width() < view.viewport().width() * 0.75


def _shown(view) -> np.ndarray:  # type: ignore[no-untyped-def]
    """What the window shows of the view: the backing store (grab() would paint the view afresh)."""
    viewport = view.viewport()
    top = viewport.mapTo(view.window(), QPoint(0, 0))
    window = view.window()
    pixmap = window.windowHandle().screen().grabWindow(window.winId(), top.x(), top.y(),
                                                        viewport.width(), viewport.height())
    image = pixmap.toImage().convertToFormat(QImage.Format.Format_RGB888)
    width, height = image.width(), image.height()
    data = np.frombuffer(image.constBits(), dtype=np.uint8, count=image.bytesPerLine() * height)
    return data.reshape(height, image.bytesPerLine())[:, :width * 3].reshape(height, width, 3).astype(np.int16)


@pytest.mark.parametrize("links", ["local", "spanning"])
def test_a_moves_partial_repaint_is_the_picture_a_full_repaint_gives(qtbot, monkeypatch, links: str) -> None:  # type: ignore[no-untyped-def]
    """The background draws only the bands and lines a repaint reaches; the arrow layer repaints
    only where a rerouted arrow's drawing differs (on the spanning board, routed arrows whose
    far end moved: the stretch of their gutter run that changed): the view after a move is
    what painting it afresh gives."""
    import canvas.items as items

    editor = shown_editor(qtbot, synthetic_board(1000, links=links), centred=True)
    scene, view, doc = editor.scene, editor.view, editor.document
    drawn: list[int] = []
    plain_draw_look = items.draw_look

    def counting_draw_look(painter, item, widget, primitives):  # type: ignore[no-untyped-def]
        if isinstance(item, items.BackgroundItem):
            drawn.append(len(primitives))
        plain_draw_look(painter, item, widget, primitives)

    monkeypatch.setattr(items, "draw_look", counting_draw_look)
    centre = view.mapToScene(view.viewport().rect().center())
    card_id = nearest_card(scene.layout, centre)
    card = doc.card(card_id)
    assert doc.card_index(card_id) > 0
    before = {k: g.primitives for k, g in scene.layout.links.items()}
    doc.move_card(card_id, card.stage, card.lane, 0)  # to the top of its cell: no lane grows
    _settle()
    after_move = _shown(view)
    rerouted = [k for k, g in scene.layout.links.items() if g.primitives != before[k]]
    assert rerouted and len(rerouted) < 0.1 * len(before)
    assert drawn and max(drawn) < len(scene.layout.background)  # the bands and lines out of reach were left out
    scene._background._extents = {}  # the reference: every band and line drawn, whatever the repaint reaches
    scene.arrows.update()  # the whole layer drawn afresh, and the whole view
    view.viewport().repaint()
    fresh = _shown(view)
    assert drawn[-1] == len(scene.layout.background)
    differing = np.abs(after_move - fresh).max(axis=2)
    # A stale stretch of an arrow or a missing faint line differs by 20-150 levels along its
    # length; where a repaint's edge cuts a line, Qt's clip ends it with a partial pixel (a
    # few pixels of up to ~25 levels, until that spot is painted again).
    assert differing.max() <= 32, differing.max()
    assert (differing > 8).sum() < 40, (differing > 8).sum()


@pytest.mark.parametrize("direction", ["shorter", "longer"])
def test_a_routed_arrow_whose_far_card_moves_repaints_only_the_stretch_that_changed(qtbot, direction: str) -> None:  # type: ignore[no-untyped-def]
    """An arrow routed through the channel from the first column to the fifth: a card above the
    target is deleted (or added), so the target moves up (down) and the arrow's run down the
    gutter to it gets shorter (longer). Only that stretch and the arrow's end are
    repainted, not the box round the whole arrow; the picture is a fresh repaint's."""
    from model import Card, Document, Lane, Link, Stage

    stages = [Stage(f"s{i}", f"Stage {i}") for i in range(6)]
    lanes = [Lane(f"l{i}", f"Lane {i}", "frontstage") for i in range(3)]
    tall = "a card above the target, with words enough to wrap onto five or six lines of its own " * 2
    cards = [Card("from", "l0", "s0", "from here")]
    cards += [Card(f"filler{i}", "l2", "s1", tall) for i in range(7)]  # the lane's tallest cell: it keeps its height
    cards += [Card(f"above{i}", "l2", "s4", tall) for i in range(3)]
    cards += [Card("to", "l2", "s4", "to there")]
    document = Document.build(title="Routed", description=None, stages=stages, lanes=lanes, cards=cards,
                              links=[Link("arrow", "from", "to")], personas=[], extra={})
    editor = Editor(document)
    qtbot.addWidget(editor)
    editor.resize(QSize(1700, 1000))
    editor.show()
    qtbot.waitExposed(editor)
    scene, view = editor.scene, editor.view
    view.zoom_actual()
    view.centerOn(scene.sceneRect().center())
    _settle()
    assert len(scene.layout.links["arrow"].curve) > 2  # routed through the channel
    asked: list[QRectF] = []
    plain_update = type(scene.arrows).update

    def recording_update(self, *box):  # type: ignore[no-untyped-def]
        asked.append(QRectF(*box))
        plain_update(self, *box)

    type(scene.arrows).update = recording_update  # type: ignore[method-assign]
    try:
        before, height = scene.layout.links["arrow"].bounds, scene.layout.height
        if direction == "shorter":
            document.remove_card("above0")
        else:
            document.add_card(Card("new", "l2", "s4", tall), 0)
        _settle()
    finally:
        type(scene.arrows).update = plain_update  # type: ignore[method-assign]
    after = scene.layout.links["arrow"].bounds
    assert after != before and scene.layout.height == height  # the board kept its size (the layer its cache)
    whole = QRectF(*before).united(QRectF(*after))
    assert len(asked) == 1 and asked[0].height() < 0.5 * whole.height()  # not the arrow's whole box
    after_move = _shown(view)
    scene.arrows.update()
    view.viewport().repaint()
    differing = np.abs(after_move - _shown(view)).max(axis=2)
    assert differing.max() <= 32 and (differing > 8).sum() < 40, (differing.max(), (differing > 8).sum())
