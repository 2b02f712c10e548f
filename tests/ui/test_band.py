"""The rubber band chooses from the layout and changes only what a move changes (issue 9, point 4).

Counted, not timed: a move of the band selects or deselects only the items whose choice
changed, tells the selection's listeners nothing until the release (then once), repaints
the strips it changed rather than the whole band, and leaves on screen exactly what a full
repaint draws. What it chooses is what Qt's own band chose: the cards and headers whose
shape it meets (asked of Qt's scene here as the reference), and the arrows it encloses.
"""

from __future__ import annotations

import cProfile
import pstats

import pytest
from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QImage, QPainterPath, QRegion
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from canvas.items import TEXT_LOD, CardItem, HeaderItem
from canvas.view import BoardView
from canvas.zoom_preview import shown_picture
from tests.ui.large_boards import shown_board_view, shown_editor, synthetic_board

NONE = Qt.KeyboardModifier.NoModifier
LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def view(qtbot):  # type: ignore[no-untyped-def]
    board = shown_board_view(qtbot, synthetic_board(400, links="local"))
    yield board
    board.scene().detach()


def _settle() -> None:
    QApplication.processEvents()
    QApplication.processEvents()


def _look_at(view: BoardView, zoom: float) -> None:
    view.set_zoom(zoom)
    view.centerOn(view.scene().sceneRect().center())
    _settle()


def _qt_choice(view: BoardView) -> set[object]:
    """What Qt's own band would choose for the band now drawn: cards and headers its shape meets."""
    path = QPainterPath()
    path.addPolygon(view.mapToScene(view.band_rect))
    path.closeSubpath()
    return {item for item in view.scene().items(path, Qt.ItemSelectionMode.IntersectsItemShape)
            if isinstance(item, CardItem | HeaderItem)}


def _chosen(view: BoardView) -> set[object]:
    return {item for item in view.scene().selectedItems() if isinstance(item, CardItem | HeaderItem)}


def test_the_band_chooses_what_qts_band_chose_and_tells_the_listeners_once(qtbot, view) -> None:  # type: ignore[no-untyped-def]
    _look_at(view, 0.6)
    scene, viewport = view.scene(), view.viewport()
    changes: list[int] = []
    scene.selectionChanged.connect(lambda: changes.append(1))
    start = QPoint(30, 30)
    QTest.mousePress(viewport, LEFT, NONE, start)
    for corner in (QPoint(400, 300), QPoint(700, 650), QPoint(500, 420), QPoint(900, 500)):
        QTest.mouseMove(viewport, corner)
        assert view.band_rect.contains(corner - QPoint(1, 1))
        assert _chosen(view) == _qt_choice(view)
        # The kept answer of selected_cards follows the band (the outlines of the overview use it).
        assert set(scene.selected_cards()) == {i.card_id for i in _chosen(view) if isinstance(i, CardItem)}
    assert changes == []  # nothing told while the band moves
    chosen = _chosen(view)
    assert len([i for i in chosen if isinstance(i, CardItem)]) > 20
    band = view.mapToScene(view.band_rect).boundingRect()
    QTest.mouseRelease(viewport, LEFT, NONE, QPoint(900, 500))
    assert changes == [1] and view.band_rect.isNull()
    assert _chosen(view) == chosen
    # Arrows: those it encloses whole.
    for link_id in scene.item_ids()[1]:
        curve = scene.link_item(link_id).curve.boundingRect()
        encloses = band.left() <= curve.left() and band.top() <= curve.top() and curve.right() <= band.right() \
            and curve.bottom() <= band.bottom()
        assert scene.link_item(link_id).isSelected() == encloses, link_id


def test_a_move_changes_only_the_items_whose_choice_changed(qtbot, view) -> None:  # type: ignore[no-untyped-def]
    _look_at(view, 0.6)
    viewport = view.viewport()
    QTest.mousePress(viewport, LEFT, NONE, QPoint(30, 30))
    QTest.mouseMove(viewport, QPoint(600, 500))
    before = set(view.scene().selectedItems())
    profile = cProfile.Profile()
    profile.enable()
    QTest.mouseMove(viewport, QPoint(760, 640))
    profile.disable()
    after = set(view.scene().selectedItems())
    calls = sum(row[0] for key, row in pstats.Stats(profile).stats.items()  # type: ignore[attr-defined]
                if "'setSelected'" in key[2])
    assert after != before and calls == len(after ^ before), (calls, len(after ^ before))
    QTest.mouseRelease(viewport, LEFT, NONE, QPoint(760, 640))


def test_ctrl_band_adds_and_a_shrinking_band_gives_back_only_what_it_took(qtbot, view) -> None:  # type: ignore[no-untyped-def]
    _look_at(view, 0.6)
    scene, viewport = view.scene(), view.viewport()
    far = scene.card_item(max(scene.layout.cards, key=lambda c: scene.layout.cards[c].y + scene.layout.cards[c].x))
    far.setSelected(True)  # chosen before, outside the band
    QTest.mousePress(viewport, LEFT, Qt.KeyboardModifier.ControlModifier, QPoint(30, 30))
    QTest.mouseMove(viewport, QPoint(700, 600))
    wide = _chosen(view)
    QTest.mouseMove(viewport, QPoint(300, 250))
    narrow = _chosen(view)
    assert far in wide and far in narrow and narrow < wide
    assert narrow == _qt_choice(view) | {far}
    QTest.mouseRelease(viewport, LEFT, Qt.KeyboardModifier.ControlModifier, QPoint(300, 250))
    assert far.isSelected()
    # Without Ctrl an empty press starts afresh.
    QTest.mousePress(viewport, LEFT, NONE, QPoint(30, 30))
    QTest.mouseMove(viewport, QPoint(200, 150))
    QTest.mouseRelease(viewport, LEFT, NONE, QPoint(200, 150))
    assert not far.isSelected()


@pytest.mark.parametrize("zoom", [0.6, TEXT_LOD * 0.6])
def test_a_small_move_repaints_strips_and_the_screen_ends_as_a_full_repaint(qtbot, view, zoom) -> None:  # type: ignore[no-untyped-def]
    _look_at(view, zoom)
    assert view.scene().overview_active == (zoom < TEXT_LOD)
    viewport = view.viewport()
    painted: list[QRegion] = []

    class Paints(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                painted.append(QRegion(event.region()))  # type: ignore[attr-defined]
            return False

    paints = Paints()
    viewport.installEventFilter(paints)
    QTest.mousePress(viewport, LEFT, NONE, QPoint(30, 30))
    QTest.mouseMove(viewport, QPoint(800, 600))
    _settle()
    painted.clear()
    QTest.mouseMove(viewport, QPoint(806, 604))
    _settle()
    area = sum(r.width() * r.height() for region in painted for r in region)
    band = view.band_rect
    assert 0 < area < 0.2 * band.width() * band.height(), (area, band)
    for corner in (QPoint(500, 700), QPoint(1000, 300), QPoint(640, 480)):
        QTest.mouseMove(viewport, corner)
        _settle()
        shown = shown_picture(viewport).convertToFormat(QImage.Format.Format_RGB32)
        full = viewport.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
        assert shown == full, corner
    QTest.mouseRelease(viewport, LEFT, NONE, QPoint(640, 480))
    _settle()
    full = viewport.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    assert shown_picture(viewport).convertToFormat(QImage.Format.Format_RGB32) == full  # the band is gone
    viewport.removeEventFilter(paints)


def test_only_the_left_button_draws_a_band(qtbot, view) -> None:  # type: ignore[no-untyped-def]
    _look_at(view, 0.6)
    viewport = view.viewport()
    QTest.mousePress(viewport, Qt.MouseButton.RightButton, NONE, QPoint(30, 30))
    QTest.mouseMove(viewport, QPoint(600, 500))
    assert view.band_rect.isNull() and view.rubberBandRect().isNull() and not view.scene().selectedItems()
    QTest.mouseRelease(viewport, Qt.MouseButton.RightButton, NONE, QPoint(600, 500))


def test_the_band_keeps_its_press_and_release_from_the_window_round_the_view(qtbot, view) -> None:  # type: ignore[no-untyped-def]
    # Left unaccepted, Qt hands a press and release on to the view's parent widgets (and
    # QTest warns "not accepted"): the band's are the view's own.
    _look_at(view, 0.6)
    viewport = view.viewport()
    handed_on: list[QEvent.Type] = []

    class Parent(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease):
                handed_on.append(event.type())
            return False

    watcher = Parent()
    view.installEventFilter(watcher)
    QTest.mousePress(viewport, LEFT, NONE, QPoint(30, 30))
    QTest.mouseMove(viewport, QPoint(600, 500))
    assert not view.band_rect.isNull()
    QTest.mouseRelease(viewport, LEFT, NONE, QPoint(600, 500))
    assert view.band_rect.isNull() and view.scene().selectedItems()
    assert handed_on == []


def _enclosed_links(view: BoardView) -> set[str]:
    """The arrows whose whole curve the band now drawn holds, between two cards it chose.

    (An arrow of no length between two stacked cards can lie inside a band that meets one of them only.)
    """
    scene = view.scene()
    band = view.mapToScene(view.band_rect).boundingRect()
    cards = {item.card_id for item in _chosen(view) if isinstance(item, CardItem)}
    found = set()
    for link_id in scene.item_ids()[1]:
        curve = scene.link_item(link_id).curve.boundingRect()
        link = scene.document.link(link_id)
        if band.left() <= curve.left() and band.top() <= curve.top() and curve.right() <= band.right() \
                and curve.bottom() <= band.bottom() and link.source in cards and link.target in cards:
            found.add(link_id)
    return found


def _selected_links(view: BoardView) -> set[str]:
    return {item.link_id for item in view.scene().selectedItems() if hasattr(item, "link_id")}


def test_zoomed_out_a_band_chooses_its_arrows_once_on_release(qtbot, view) -> None:  # type: ignore[no-untyped-def]
    # Zoomed out the overview draws every arrow plain: choosing ~500 arrows a move drew nothing.
    _look_at(view, TEXT_LOD * 0.6)
    scene, viewport = view.scene(), view.viewport()
    assert scene.overview_active
    QTest.mousePress(viewport, LEFT, NONE, QPoint(30, 30))
    for corner in (QPoint(500, 400), QPoint(900, 650), QPoint(700, 500)):
        QTest.mouseMove(viewport, corner)
        _settle()
        assert _chosen(view) == _qt_choice(view)
        assert not _selected_links(view)  # none chosen while the band moves
        # What the overview outlines: the kept set follows the band.
        assert scene.selected_card_set() == {i.card_id for i in _chosen(view) if isinstance(i, CardItem)}
    enclosed = _enclosed_links(view)
    assert len(enclosed) > 10
    chosen = _chosen(view)
    QTest.mouseRelease(viewport, LEFT, NONE, QPoint(700, 500))
    assert _selected_links(view) == enclosed and _chosen(view) == chosen
    assert set(scene.selected_links()) == enclosed


def test_zooming_in_during_a_band_chooses_its_arrows_at_the_next_move(qtbot, view) -> None:  # type: ignore[no-untyped-def]
    _look_at(view, TEXT_LOD * 0.6)
    scene, viewport = view.scene(), view.viewport()
    QTest.mousePress(viewport, LEFT, NONE, QPoint(30, 30))
    QTest.mouseMove(viewport, QPoint(900, 650))
    _settle()
    assert not _selected_links(view)
    view.set_zoom(0.6)  # Ctrl+= while the band is held
    _settle()
    assert not scene.overview_active
    QTest.mouseMove(viewport, QPoint(800, 600))
    enclosed = _enclosed_links(view)
    assert enclosed and _selected_links(view) == enclosed
    assert _chosen(view) == _qt_choice(view)
    QTest.mouseRelease(viewport, LEFT, NONE, QPoint(800, 600))
    assert _selected_links(view) == enclosed


def test_zoomed_out_a_band_selection_is_told_once_dragged_undone_and_select_all_and_esc_still_work(qtbot) -> None:  # type: ignore[no-untyped-def]
    editor = shown_editor(qtbot, synthetic_board(600, links="local"))
    scene, view, doc = editor.scene, editor.view, editor.document
    view.set_zoom(TEXT_LOD * 0.7)
    view.horizontalScrollBar().setValue(view.horizontalScrollBar().minimum())
    view.verticalScrollBar().setValue(view.verticalScrollBar().minimum())
    _settle()
    assert scene.overview_active
    told: list[int] = []
    scene.selectionChanged.connect(lambda: told.append(len(editor.selected_cards())))
    viewport = view.viewport()
    cell = scene.layout.cell_rect(doc.stages[0].id, doc.lanes[0].id)
    corner = view.mapFromScene(cell.x + 2, cell.y + 2)  # the cell's empty padding: a band starts there
    end = QPoint(viewport.width() * 2 // 3, viewport.height() * 2 // 3)
    QTest.mousePress(viewport, LEFT, NONE, corner)
    for step in range(1, 6):
        QTest.mouseMove(viewport, corner + (end - corner) * step / 5)
    chosen = {item.card_id for item in _chosen(view) if isinstance(item, CardItem)}
    assert chosen == {item.card_id for item in _qt_choice(view) if isinstance(item, CardItem)}
    enclosed = _enclosed_links(view)
    QTest.mouseRelease(viewport, LEFT, NONE, end)
    assert len(chosen) > 20 and told == [len(chosen)]  # the panels and status hear the count once
    assert set(editor.selected_cards()) == chosen and set(editor.selected_links()) == enclosed
    # The chosen cards dragged one stage to the right, zoomed out, and the move undone.
    before = {c: (doc.card(c).stage, doc.card(c).lane) for c in chosen}
    grab = next(g for g in scene.layout.cards.values() if g.id in chosen and g.shape.marker is None)
    body = grab.primitives[1]
    press = view.mapFromScene(grab.x + body.x + body.w / 2, grab.y + body.y + body.h / 2)
    stage_w = scene.layout.stage_headers[doc.stages[1].id].rect.x - scene.layout.stage_headers[doc.stages[0].id].rect.x
    drop = press + QPoint(round(stage_w * view.zoom), 0)
    QTest.mousePress(viewport, LEFT, NONE, press)
    QTest.mouseMove(viewport, press + QPoint(10, 0))
    QTest.mouseMove(viewport, drop)
    QTest.mouseRelease(viewport, LEFT, NONE, drop)
    moved = {c for c in chosen if doc.card(c).stage != before[c][0]}
    assert len(moved) > len(chosen) // 2
    editor.undo_stack.undo()
    assert {c: (doc.card(c).stage, doc.card(c).lane) for c in chosen} == before
    # Esc drops the selection; Select All takes every card; each told once.
    told.clear()
    QTest.keyClick(viewport, Qt.Key.Key_Escape)
    assert not editor.selected_cards() and told == [0]
    editor.select_all()
    assert len(editor.selected_cards()) == doc.card_count() and told == [0, doc.card_count()]
