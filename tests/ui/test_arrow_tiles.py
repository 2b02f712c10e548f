"""The arrow layer's tiles round a view (canvas/arrow_tiles.py; issue 9, point 4): a pan step within them
strokes no arrow, an arrow's change drops the tiles it meets, and what the screen shows stays what a
fresh repaint draws. Counted, not timed."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QImage, QPainter, QPen, QTransform, QWheelEvent
from PySide6.QtWidgets import QApplication

from canvas.arrow_tiles import MAX_TILES, TILE, ArrowTiles
from canvas.arrows import ArrowLayer
from canvas.view import BoardView
from canvas.zoom_preview import shown_picture
from tests.ui.large_boards import shown_board_view, synthetic_board


def _settle() -> None:
    QApplication.processEvents()
    QApplication.processEvents()


def _wheel(view: BoardView, dy: int, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    at = view.viewport().rect().center()
    event = QWheelEvent(QPointF(at), QPointF(view.viewport().mapToGlobal(at)), QPoint(0, 0), QPoint(0, dy),
                        Qt.MouseButton.NoButton, modifiers, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(view.viewport(), event)
    _settle()


def _still(qtbot, view: BoardView) -> None:  # type: ignore[no-untyped-def]
    """Wait until the view has indexed its arrows and drawn the tiles round it."""
    scene = view.scene()
    qtbot.waitUntil(lambda: scene.arrows.waiting == 0 and not view.tiles_due, timeout=10000)


def _still_at_100(qtbot) -> BoardView:  # type: ignore[no-untyped-def]
    """An 800-card local board shown at 100 % round its centre, its tiles drawn."""
    view = shown_board_view(qtbot, synthetic_board(800, links="local"))
    view.zoom_actual()
    view.centerOn(view.scene().sceneRect().center())
    _settle()
    _still(qtbot, view)
    return view


def _largest_difference(a: QImage, b: QImage) -> int:
    """The largest difference of one colour channel between two pictures of the same size."""
    a, b = a.convertToFormat(QImage.Format.Format_RGB32), b.convertToFormat(QImage.Format.Format_RGB32)
    assert a.size() == b.size()
    if a == b:
        return 0
    worst = 0
    for y in range(a.height()):
        for x in range(a.width()):
            p, q = a.pixel(x, y), b.pixel(x, y)
            if p != q:
                worst = max(worst, *(abs(((p >> s) & 255) - ((q >> s) & 255)) for s in (0, 8, 16)))
    return worst


def _direct_picture(view: BoardView) -> QImage:
    """The view repainted with the arrow layer drawn afresh, no tile kept."""
    arrows = view.scene().arrows
    arrows.tiles.clear()
    arrows.update()
    view.viewport().repaint()
    picture = shown_picture(view.viewport())
    assert picture is not None
    return picture


def _counting_draws(monkeypatch) -> list[QRectF]:  # type: ignore[no-untyped-def]
    drawn: list[QRectF] = []
    original = ArrowLayer.draw_area

    def counting(layer, painter, rect, projection, theme):  # type: ignore[no-untyped-def]
        drawn.append(QRectF(rect))
        return original(layer, painter, rect, projection, theme)

    monkeypatch.setattr(ArrowLayer, "draw_area", counting)
    return drawn


def test_a_pan_step_within_the_tiles_strokes_no_arrow_and_shows_a_fresh_repaint(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    view = _still_at_100(qtbot)
    scene = view.scene()
    tiles = scene.arrows.tiles
    assert 0 < len(tiles) <= MAX_TILES
    drawn = _counting_draws(monkeypatch)
    blits = tiles.blits
    for dy in (-120, 120, 120, -120):  # down, back, up, back: each strip lies in the ring
        top = view.verticalScrollBar().value()
        _wheel(view, dy)
        assert view.verticalScrollBar().value() != top  # it panned
    assert drawn == []  # no arrow stroked: each strip's arrows were blitted from the tiles
    assert tiles.blits >= blits + 4
    _settle()
    shown = shown_picture(view.viewport())
    assert shown is not None
    full = view.viewport().grab().toImage()
    assert shown.convertToFormat(QImage.Format.Format_RGB32) == full.convertToFormat(QImage.Format.Format_RGB32)
    # And the arrows drawn directly, without tiles, look the same (the stroker rounds an antialiased
    # pixel of a sloped line a few levels apart when clipped elsewhere; a missing or stale arrow is
    # a difference of most of a channel).
    assert _largest_difference(shown, _direct_picture(view)) <= 8
    assert drawn  # that picture was stroked


def test_a_strip_past_the_tiles_is_stroked_as_before(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    view = _still_at_100(qtbot)
    drawn = _counting_draws(monkeypatch)
    for _ in range(4):  # a long fast pan: past the ring before the view stands still
        _wheel(view, -120)
    assert drawn  # the strips beyond the tiles were stroked
    _settle()
    shown = shown_picture(view.viewport())
    assert _largest_difference(shown, _direct_picture(view)) <= 8


def test_an_arrow_that_changes_drops_the_tiles_it_meets(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = _still_at_100(qtbot)
    scene = view.scene()
    doc = scene.document
    tiles = scene.arrows.tiles
    kept = len(tiles)
    # A card in view with arrows moves to the next stage: its arrows are rerouted.
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    card = next(g for g in scene.layout.cards.values()
                if shown.contains(QRectF(g.x, g.y, g.w, g.h)) and doc.links_of(g.id))
    stages = [s.id for s in doc.stages]
    model_card = doc.card(card.id)
    here = stages.index(model_card.stage)
    doc.move_card(card.id, stages[here + 1] if here + 1 < len(stages) else stages[here - 1], model_card.lane, 0)
    _settle()
    assert 0 < len(tiles) < kept  # the tiles its old and new arrows met are gone, the others kept
    # Pan away and back: the strips come from the tiles kept and those drawn again.
    _still(qtbot, view)
    _wheel(view, -120)
    _wheel(view, 120)
    _settle()
    picture = shown_picture(view.viewport())
    assert _largest_difference(picture, _direct_picture(view)) <= 8  # no arrow left where it was


def test_tiles_forget_only_those_a_box_meets() -> None:
    drawn: list[QRectF] = []
    tiles = ArrowTiles(lambda painter, rect, projection, theme: drawn.append(QRectF(rect)))
    transform = QTransform(1, 0, 0, 1, 0, 0)  # 100%, the board's corner at the view's
    keys = tiles.wanted(transform, 3 * TILE, 2 * TILE, QRectF(0, 0, 10 * TILE, 10 * TILE))
    assert (0, 0) in keys and (3, 2) in keys and (4, 0) not in keys  # the view and a ring of one tile
    assert tiles.draw_some(keys, transform, False, "light", QPainter.RenderHint.Antialiasing, lambda: True, 1.0)
    assert len(tiles) == len(keys) == len(drawn)
    tiles.forget([(TILE + 10, TILE + 10, 20, 20)])  # inside tile (1, 1) alone
    assert len(tiles) == len(keys) - 1
    image = QImage(3 * TILE, 2 * TILE, QImage.Format.Format_ARGB32_Premultiplied)
    painter = QPainter(image)
    assert tiles.paint(painter, QRectF(0, 0, TILE, TILE), False, "light")  # tile (0, 0) is there
    assert not tiles.paint(painter, QRectF(TILE, TILE, 10, 10), False, "light")  # (1, 1) is not: drawn directly
    assert not tiles.paint(painter, QRectF(0, 0, TILE, TILE), False, "dark")  # nor in another theme
    painter.scale(1.25, 1.25)
    assert not tiles.paint(painter, QRectF(0, 0, 10, 10), False, "light")  # nor at another scale
    painter.end()


def test_tiles_are_not_drawn_zoomed_out_nor_while_a_second_view_is_open(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = shown_board_view(qtbot, synthetic_board(800, links="local"))
    scene = view.scene()
    view.zoom_fit()  # the overview draws the arrows: the layer rests
    _settle()
    qtbot.wait(200)
    assert scene.overview_active
    assert scene.arrows.tiles is None or len(scene.arrows.tiles) == 0
    scene.set_cached(False)  # as with the audience view open
    view.zoom_actual()
    _settle()
    qtbot.wait(200)
    assert len(scene.arrows.tiles) == 0


class _Wheels(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.seen = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.GraphicsSceneWheel:
            self.seen += 1
        return False


def test_a_wheel_pan_is_offered_to_no_item_and_ctrl_wheel_still_zooms(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = shown_board_view(qtbot, synthetic_board(200, links="local"))
    scene = view.scene()
    view.zoom_actual()
    _settle()
    wheels = _Wheels()
    scene.installEventFilter(wheels)
    top = view.verticalScrollBar().value()
    _wheel(view, -120)
    assert view.verticalScrollBar().value() > top
    assert wheels.seen == 0  # straight to the scroll bars: the items under the pointer were not asked
    _wheel(view, 120, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom > 1.0
    scene.removeEventFilter(wheels)


def test_at_twice_the_pixels_tiles_are_drawn_and_blitted_at_the_devices_resolution() -> None:
    """On a 2x screen a tile was drawn at 256 px and blown up to 512 device px: the arrows of a strip that came
    in by a pan were thicker and their dashes longer than the same arrows drawn afresh beside them."""

    def draw(painter: QPainter, rect: QRectF, projection: bool, theme: str) -> None:
        painter.setPen(QPen(Qt.GlobalColor.black, 0))  # a hairline: one device pixel, whatever the ratio
        painter.drawLine(QPointF(10.25, 0), QPointF(10.25, 3 * TILE))

    tiles = ArrowTiles(draw)
    transform = QTransform(1, 0, 0, 1, 0, 0)
    keys = tiles.wanted(transform, 2 * TILE, 2 * TILE, QRectF(0, 0, 2 * TILE, 2 * TILE))
    assert tiles.draw_some(keys, transform, False, "light", QPainter.RenderHint(0), lambda: True, 2.0)

    def picture(from_tiles: bool) -> QImage:
        image = QImage(4 * TILE, 4 * TILE, QImage.Format.Format_ARGB32_Premultiplied)
        image.setDevicePixelRatio(2.0)
        image.fill(Qt.GlobalColor.transparent)  # as the layer's cache is
        painter = QPainter(image)
        if from_tiles:
            assert tiles.paint(painter, QRectF(), False, "light")
        else:
            draw(painter, QRectF(0, 0, 2 * TILE, 2 * TILE), False, "light")
        painter.end()
        return image

    tiled, direct = picture(True), picture(False)
    small = QImage(8, 8, QImage.Format.Format_ARGB32)  # kept: a painter on a temporary image crashed
    painter = QPainter(small)
    assert not tiles.paint(painter, QRectF(), False, "light"), "a 1x device has tiles of its own"
    painter.end()
    inked = [x for x in range(40) if tiled.pixelColor(x, 300).alpha() > 128]
    assert inked == [x for x in range(40) if direct.pixelColor(x, 300).alpha() > 128] == [20]
