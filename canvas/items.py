"""Scene items. Each holds an id and drawing caches, never document state; it paints the
primitives the layout gave it and nothing else (architecture.md, Canvas)."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPainterPathStroker, QPen
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsRectItem,
    QGraphicsSceneHoverEvent,
    QGraphicsView,
    QStyleOptionGraphicsItem,
    QWidget,
)

from canvas import commands as cmd
from canvas.translate import QT_TRANSLATE_NOOP, tr
from exporters.qtpaint import draw_primitives, qpath
from model import style as st
from model.emotion_curve import MARKER_R
from model.layout import CardGeometry, HeaderGeometry
from model.links import LinkGeometry
from model.primitives import Box, Line, Primitive, Text
from model.projection import projected

if TYPE_CHECKING:
    from canvas.arrows import ArrowLayer
    from canvas.scene import BoardScene

SELECTION = QColor(st.SELECTION)
IMPACT = QColor(234, 88, 12, 150)  # the path from a failing card to the customer steps it breaks
DIMMED = 0.18
HALF_LIT = 0.5  # what a card shown by Show impact relies on: between lit (what it affects) and dimmed
HANDLE_R = 5.0
# How far a card item's box (its rect) reaches past its card: the selection outline and the handles.
CARD_REACH_X, CARD_REACH_TOP, CARD_REACH_BOTTOM = HANDLE_R + 2, 3, HANDLE_R + 3
MARKER_HIT = 15.0  # an emotion marker's grab and selection radius (its disc is 12)
# Below this scale text is unreadable anyway: cards become plain shapes (Qt's "chips" demo).
TEXT_LOD = 0.45
HEADER_TEXT_PX = TEXT_LOD * st.CHIP_SIZE  # ~5 px: below TEXT_LOD, a header's or the title's text shows while this large


def shown_area(view: QGraphicsView) -> QRectF:
    """The scene rect a view's viewport shows (a few pixels more: antialiasing at its edges)."""
    return view.mapToScene(view.viewport().rect()).boundingRect().adjusted(-4, -4, 4, 4)


def theme_of(item: QGraphicsItem) -> str:
    """The colour theme of the scene an item is in ("light" outside a board scene)."""
    scene = item.scene()
    return getattr(scene, "theme", "light") if scene is not None else "light"


def is_projection(widget: QWidget | None, item: QGraphicsItem | None = None) -> bool:
    """Whether the viewport being painted belongs to a view with ``projection_look`` set (the audience view).

    An item drawn into its cache pixmap is given no widget by Qt; the view painting it
    then is the scene's ``painting_view`` (BoardView.paintEvent), so pass the ``item``.
    (While the audience view is open the scene also drops its items' caches,
    BoardScene.set_cached: Qt forgets an invalidation in the second view's cache.)
    """
    if widget is not None:
        view = widget.parentWidget()
    else:
        scene = item.scene() if item is not None else None
        view = getattr(scene, "painting_view", None)
    return bool(getattr(view, "projection_look", False))


def painted_theme(item: QGraphicsItem, widget: QWidget | None) -> str:
    """The theme an item is painted in on ``widget``: the projection look is always light."""
    return "light" if is_projection(widget, item) else theme_of(item)


def draw_look(painter: QPainter, item: QGraphicsItem, widget: QWidget | None,
              primitives: tuple[Primitive, ...]) -> None:
    """Draw an item's primitives as the painting view wants them.

    ``widget`` is the viewport being painted; the audience view gets model.projection's
    high-contrast drawing, every other view the layout's own in the scene's colour theme,
    so the editor beside a projector keeps its look. The projection look is a light look
    made for a lit room (its colours are chosen against a white page), so it is painted
    light even when the editor is dark.
    """
    if is_projection(widget, item):
        draw_primitives(painter, projected(primitives))
    else:
        draw_primitives(painter, primitives, theme=theme_of(item))


def without_text(primitives: tuple[Primitive, ...]) -> tuple[Primitive, ...]:
    """The shapes of a drawing, for zoom levels where text would be specks."""
    return tuple(p for p in primitives if not isinstance(p, Text))


def lod_primitives(
    painter: QPainter, option: QStyleOptionGraphicsItem, full: tuple[Primitive, ...], reduced: tuple[Primitive, ...],
    large_texts: tuple[Text, ...] = (),
) -> tuple[Primitive, ...]:
    """``full`` at readable sizes, ``reduced`` when zoomed out below TEXT_LOD, with those of ``large_texts``
    still as large on screen as the smallest text is at TEXT_LOD (HEADER_TEXT_PX).

    Fit board put a journey map at 0.436, just under TEXT_LOD: the title, the stage and the lane names
    went with the cards' text, and the board was boxes without a word. Its stage names are 6 px there,
    the cards' text 5.7: the headers and title stay (a few texts), the cards are boxes (thousands).
    """
    lod = option.levelOfDetailFromTransform(painter.worldTransform())
    if lod >= TEXT_LOD:
        return full
    shown = tuple(text for text in large_texts if text.size * lod >= HEADER_TEXT_PX)
    return reduced + shown if shown else reduced


def texts_of(primitives: tuple[Primitive, ...]) -> tuple[Text, ...]:
    """The Text primitives of a drawing (drawn over its shapes when zoomed out: lod_primitives)."""
    return tuple(p for p in primitives if isinstance(p, Text))


class BackgroundItem(QGraphicsItem):
    """Title, lane bands, grid and blueprint lines."""

    def __init__(self) -> None:
        super().__init__()
        self._primitives: tuple[Primitive, ...] = ()
        self._shapes_only: tuple[Primitive, ...] = ()
        self._texts: tuple[Text, ...] = ()
        # Each primitive's box on the board (None: drawn always), to leave out those a
        # repaint does not reach: a moved card repaints a strip, not ~40 bands and lines.
        self._extents: dict[int, tuple[float, float, float, float] | None] = {}
        self._rect = QRectF()
        self.setZValue(-10)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)  # for option.exposedRect
        # Not cached like the arrow layer: it draws a few bands and lines, and a cached big
        # item costs a viewport-sized pixmap copy on every scroll step (measured: pans 2-3x slower).

    def set_primitives(self, primitives: tuple[Primitive, ...], width: float, height: float) -> None:
        """Show new background drawing."""
        self.prepareGeometryChange()
        self._primitives = primitives
        self._shapes_only = without_text(primitives)
        self._texts = texts_of(primitives)
        self._extents = {id(p): _extent(p) for p in primitives}
        self._rect = QRectF(0, 0, width, height)
        self.update()

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        prims = lod_primitives(painter, option, self._primitives, self._shapes_only, self._texts)
        exposed = option.exposedRect
        if not exposed.isEmpty() and not exposed.contains(self._rect):
            # PySide6's stub types getCoords() as object; it is the rect's (left, top, right, bottom).
            left, top, right, bottom = cast("tuple[float, float, float, float]", exposed.getCoords())
            extents = self._extents
            prims = tuple(p for p in prims if (box := extents.get(id(p))) is None
                          or (box[0] <= right and box[2] >= left and box[1] <= bottom and box[3] >= top))
        draw_look(painter, self, widget, prims)


def _extent(primitive: Primitive) -> tuple[float, float, float, float] | None:
    """A band's or a line's box with room for its pen and antialiasing; None for other shapes."""
    margin = 4.0
    if isinstance(primitive, Box):
        pad = primitive.stroke_width + margin
        return primitive.x - pad, primitive.y - pad, primitive.x + primitive.w + pad, primitive.y + primitive.h + pad
    if isinstance(primitive, Line):
        pad = primitive.width + margin
        return (min(primitive.x1, primitive.x2) - pad, min(primitive.y1, primitive.y2) - pad,
                max(primitive.x1, primitive.x2) + pad, max(primitive.y1, primitive.y2) + pad)
    return None


class HeaderItem(QGraphicsItem):
    """A stage or lane header; selectable, renamed by double-click, reordered by dragging."""

    def __init__(self, kind: str, geometry: HeaderGeometry) -> None:
        super().__init__()
        self.kind = kind  # "stage" or "lane"
        self.item_id = geometry.id
        self._geometry = geometry
        self._rect = QRectF()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setZValue(-5)
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        self._press: QPointF | None = None
        self.set_geometry(geometry)

    @property
    def header_rect(self) -> QRectF:
        """The header's box on the board."""
        return self._rect

    def set_geometry(self, geometry: HeaderGeometry) -> None:
        """Take new geometry from the layout."""
        self.prepareGeometryChange()
        self._geometry = geometry
        self._texts = texts_of(geometry.primitives[1:])  # drawn zoomed out while large enough (lod_primitives)
        r = geometry.rect
        self._rect = QRectF(r.x, r.y, r.w, r.h)
        self.setPos(0, 0)
        self.update()

    def boundingRect(self) -> QRectF:
        return self._rect.adjusted(-3, -3, 3, 3)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        prims = self._geometry.primitives
        draw_look(painter, self, widget, lod_primitives(painter, option, prims, prims[:1], self._texts))
        if self.isSelected():
            painter.setPen(QPen(SELECTION, 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(self._rect.adjusted(1, 1, -1, -1), 8, 8)

    def mousePressEvent(self, event) -> None:
        self._press = event.scenePos()
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:
        if self._press is None:
            return
        delta = event.scenePos() - self._press
        # Follow the pointer along the header's own axis only.
        self.setPos(delta.x(), 0) if self.kind == "stage" else self.setPos(0, delta.y())
        self.setZValue(5)
        self.setCursor(Qt.CursorShape.ClosedHandCursor)

    def mouseReleaseEvent(self, event) -> None:
        moved = self.pos() != QPointF(0, 0)
        self.setPos(0, 0)
        self.setZValue(-5)
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        self._press = None
        if moved:
            scene: BoardScene = self.scene()  # type: ignore[assignment]
            scene.drop_header(self, event.scenePos())
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event) -> None:
        scene: BoardScene = self.scene()  # type: ignore[assignment]
        scene.rename_header(self)


class CardItem(QGraphicsRectItem):
    """A card: paints its layout primitives, with plain shapes when zoomed far out.

    A rect item only for its bounding rect, answered by Qt itself (the item's rect, no pen):
    Qt asks every item a repaint or a move meets for it, and a Python boundingRect() was one
    call into Python each time (PySide looks an override up and converts the rect).
    """

    def __init__(self, geometry: CardGeometry) -> None:
        super().__init__()
        self.setPen(Qt.PenStyle.NoPen)
        self.card_id = geometry.id
        self._geometry = geometry
        self._rect = QRectF()
        self._shape: tuple[object, QPainterPath] | None = None
        self._hover = False
        self._on_marker = False  # the pointer is on its emotion point (hoverMoveEvent)
        self.setFlags(
            QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
            | QGraphicsItem.GraphicsItemFlag.ItemIsMovable
            | QGraphicsItem.GraphicsItemFlag.ItemIsFocusable
        )
        self.setAcceptHoverEvents(True)
        self.setZValue(1)
        # Its drawing (rounded boxes with a shadow, wrapped text) is kept as a pixmap at the
        # view's scale: a repaint, a scroll or a move blits it instead of stroking and
        # shaping it again (~0.3 ms a card, 130 cards on a 1080p screen at 100%). The
        # pixmap is drawn again when the item is updated (its look, selection, hover
        # changed), when the zoom changes, and per view (the audience view has its look).
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.set_geometry(geometry)

    @property
    def geometry(self) -> CardGeometry:
        """The layout's geometry for this card."""
        return self._geometry

    def set_geometry(self, geometry: CardGeometry) -> bool:
        """Take new geometry from the layout (position and look); whether the card's place or look changed."""
        if geometry.shape is self._geometry.shape and not self._rect.isNull() \
                and geometry.x == self._geometry.x and geometry.y == self._geometry.y:
            self._geometry = geometry
            if self.pos() != QPointF(geometry.x, geometry.y):
                self.setPos(geometry.x, geometry.y)  # back from a drag that was not dropped anywhere
                return True
            return False
        if geometry.shape is not self._geometry.shape or self._rect.isNull():
            self._rect = QRectF(0, 0, geometry.w, geometry.h)
            self.setRect(self._rect.adjusted(-CARD_REACH_X, -CARD_REACH_TOP, CARD_REACH_X, CARD_REACH_BOTTOM))
            self.update()
        self._geometry = geometry
        self.setPos(geometry.x, geometry.y)
        return True

    # No itemChange override: PySide calls a Python override for every change of every card
    # (selected, flags, z, ...), ~12 us each, and a rubber band choosing hundreds of cards
    # made thousands of them (issue 9, point 4). What it did is done where the change is made.
    def set_opacity(self, opacity: float) -> None:
        """Dim the card (impact view, spotlight) or light it again.

        Dimmed, each shape is blended on its own as before; a cached pixmap would blend the
        card as one picture and look different.
        """
        if opacity == self.opacity():
            return
        self.setOpacity(opacity)
        cached = opacity >= 1 and getattr(self.scene(), "cached", True)  # see BoardScene.set_cached
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache if cached else QGraphicsItem.CacheMode.NoCache)

    def mouseMoveEvent(self, event) -> None:
        super().mouseMoveEvent(event)  # Qt moves every selected card with the pointer
        # An emotion point held by the pointer snaps to its scale's steps as it is dragged.
        marker = self._geometry.shape.marker
        scene = self.scene()
        if marker is not None and scene is not None and scene.mouseGrabberItem() is self:
            snapped = scene.layout.snap_marker_y(self.card_id, self.pos().y() + marker[1])  # type: ignore[attr-defined]
            if snapped is not None and snapped - marker[1] != self.pos().y():
                self.setPos(self.pos().x(), snapped - marker[1])

    def shape(self) -> QPainterPath:
        # Kept per look: a rubber band over 1,000 cards asks each for it on every move.
        if self._shape is None or self._shape[0] is not self._geometry.shape:
            path = QPainterPath()
            path.addRoundedRect(self._body(), st.CARD_RADIUS, st.CARD_RADIUS)
            marker = self._geometry.shape.marker
            if marker is not None:  # an emotion card: its label and its marker, not the space between
                path.addEllipse(QPointF(*marker), MARKER_HIT, MARKER_HIT)
            self._shape = (self._geometry.shape, path)
        return self._shape[1]

    def _body(self) -> QRectF:
        """The card's box; for an emotion card, its label's box."""
        body = self._geometry.shape.body
        return QRectF(*body) if body is not None else self._rect

    def handles(self) -> list[QPointF]:
        """Connection handles (item coordinates): the middle of the right and bottom edges.

        An emotion point's marker is dragged to change its score, so no handle sits on it.
        """
        box = self._body()
        found = [QPointF(box.right(), box.center().y()), QPointF(box.center().x(), box.bottom())]
        marker = self._geometry.shape.marker
        if marker is None:
            return found
        reach = st.CARD_RADIUS + HANDLE_R * 3
        return [h for h in found if abs(h.x() - marker[0]) + abs(h.y() - marker[1]) > reach]

    def handle_at(self, pos: QPointF) -> bool:
        """Whether an item-coordinate point is on a connection handle."""
        return any((pos - h).manhattanLength() <= HANDLE_R * 2 for h in self.handles())

    def hoverEnterEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self._hover = True
        self.update()

    def hoverMoveEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        on_handle = self.handle_at(event.pos())
        marker = self._geometry.shape.marker
        on_marker = not on_handle and marker is not None and \
            (event.pos() - QPointF(*marker)).manhattanLength() <= 1.5 * MARKER_R
        # An emotion point gave no sign it could be dragged: an up-down pointer, and once a word how.
        self.setCursor(Qt.CursorShape.CrossCursor if on_handle else
                       Qt.CursorShape.SizeVerCursor if on_marker else Qt.CursorShape.ArrowCursor)
        if on_marker and not self._on_marker:
            nav = getattr(self.scene(), "nav", None)
            if nav is not None:
                nav.tell(tr("Drag the point up or down to change the score (or Alt+Up, Alt+Down)"))
        self._on_marker = on_marker

    def hoverLeaveEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self._hover = False
        self._on_marker = False
        self.update()

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        if lod < TEXT_LOD:
            # The card's own fill and border only: the two boxes of its primitives.
            draw_look(painter, self, widget, self._geometry.primitives[1:2])
        else:
            draw_look(painter, self, widget, self._geometry.primitives)
        if self.isSelected():
            painter.setPen(QPen(SELECTION, 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(self._body().adjusted(-1.5, -1.5, 1.5, 1.5), st.CARD_RADIUS + 1, st.CARD_RADIUS + 1)
            marker = self._geometry.shape.marker
            if marker is not None:
                painter.drawEllipse(QPointF(*marker), MARKER_HIT, MARKER_HIT)
        # Not on the projector: the room sees the board, not the editor's handles (a card chosen there to vote,
        # spotlight or move showed them), and a click on a card there spotlights it rather than connects.
        if (self._hover or self.isSelected()) and lod >= TEXT_LOD and not is_projection(widget, self):
            painter.setPen(QPen(QColor("#FFFFFF"), 1.5))
            painter.setBrush(SELECTION)
            for handle in self.handles():
                painter.drawEllipse(handle, HANDLE_R, HANDLE_R)

    def on_vote_badge(self, pos: QPointF) -> bool:
        """Whether an item-coordinate point is on the card's vote badge."""
        badge = self._geometry.shape.vote_badge
        return badge is not None and QRectF(*badge).adjusted(-2, -2, 2, 2).contains(pos)

    def mousePressEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.on_vote_badge(event.pos()):
            # A click on the dots adds a vote, Shift+click takes one away (dot voting).
            scene: BoardScene = self.scene()  # type: ignore[assignment]
            delta = -1 if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else 1
            command = cmd.change_votes(scene.document, [self.card_id], delta)
            if command is not None:
                scene.push(command)
            event.accept()
            return
        if event.button() == Qt.MouseButton.LeftButton and self.handle_at(event.pos()):
            scene = self.scene()  # type: ignore[assignment]  # annotated BoardScene in the branch above
            scene.start_connect(self.card_id, event.scenePos())
            event.accept()
            return
        if event.button() == Qt.MouseButton.LeftButton and event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            # Shift-click adds to the selection (Qt only knows Ctrl-click, which toggles).
            self.setSelected(True)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            event.accept()  # Qt's own release would narrow the selection to this card
            return
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event) -> None:
        scene: BoardScene = self.scene()  # type: ignore[assignment]
        scene.edit_card(self.card_id, event.scenePos())


class LinkItem(QGraphicsRectItem):
    """An arrow between two cards; selectable along a widened stroke of its curve.

    While plain (not selected, not on an impact path) it paints nothing: the scene's arrow
    layer (canvas/arrows.py) draws it with the others. ``layer`` is that layer, or None
    when the item draws itself always.
    """

    def __init__(self, geometry: LinkGeometry, layer: ArrowLayer | None = None) -> None:
        super().__init__()
        self.setPen(Qt.PenStyle.NoPen)  # a rect item for its bounding rect alone (see CardItem)
        self.link_id = geometry.id
        self._geometry = geometry
        self._shape: QPainterPath | None = None
        self._curve: QPainterPath | None = None
        self._box: tuple[float, float, float, float] | None = None  # the bounding rect's left, top, right, bottom
        self.layer = layer
        self.overview = False  # the scene's zoomed-out drawing is on: nothing paints itself
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setZValue(0)
        self._emphasis = False
        # Made when first asked for: only labelled links show one (at 5,000 cards, ~6,000
        # items nobody saw cost ~70 ms and ~5 MiB of opening).
        self._label: LinkLabelItem | None = None
        self.label_shown = False  # whether the scene holds label_item (only labelled links')
        self.set_geometry(geometry)
        self._restyle()

    @property
    def label_item(self) -> LinkLabelItem:
        """The item drawing the arrow's label, above the cards (made when first asked for)."""
        if self._label is None:
            label = self._label = LinkLabelItem(self._geometry)
            label.setOpacity(self.opacity())
            label.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents, self.overview)
        return self._label

    @property
    def plain(self) -> bool:
        """Whether the arrow layer draws this arrow (it is neither selected nor on an impact path)."""
        return self.layer is not None and not self._emphasis and not self.isSelected()

    def _restyle(self) -> None:
        """Hand the drawing to the layer or take it back, after the selection or emphasis changed."""
        plain = self.plain
        if self.layer is not None:
            self.layer.set_own(self.link_id, not plain)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents, plain or self.overview)

    def set_overview(self, active: bool) -> None:
        """The scene's zoomed-out drawing is on (or off)."""
        self.overview = active
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents, self.plain or active)
        if self._label is not None:
            self._label.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents, active)

    def set_geometry(self, geometry: LinkGeometry) -> bool:
        """Take a new route from the layout; whether the drawing changed (nothing happens if not)."""
        if geometry.primitives == self._geometry.primitives and self._box is not None \
                and geometry.label == self._geometry.label:
            self._geometry = geometry
            return False
        box = _index_box(self._box, geometry.bounds)
        if box is not self._box:
            self._box = box
            left, top, right, bottom = box
            self.setRect(left, top, right - left, bottom - top)
        self._geometry = geometry
        if self._label is not None:  # made only for labelled links (see label_item)
            self._label.set_geometry(geometry)
        if self.layer is not None:
            self.layer.set_arrow(self.link_id, geometry)
        # The curve and its hit area are built when first asked for (painting, a click):
        # most arrows of a large board are never on screen, and building them cost a third
        # of opening it.
        self._curve = None
        self._shape = None
        if not self.plain:  # a plain arrow's item draws nothing: the layer repaints it
            self.update()
        return True

    def set_emphasis(self, emphasis: bool) -> None:
        """Draw the arrow as part of an impact path (or not)."""
        if emphasis != self._emphasis:
            self._emphasis = emphasis
            self.setZValue(2 if emphasis or self.isSelected() else 0)
            self._restyle()
            self.update()

    @property
    def geometry(self) -> LinkGeometry:
        """The layout's geometry for this arrow."""
        return self._geometry

    @property
    def curve(self) -> QPainterPath:
        """The arrow's centre line."""
        if self._curve is None:
            self._curve = qpath(self._geometry.curve)
        return self._curve

    def shape(self) -> QPainterPath:
        if self._shape is None:
            stroker = QPainterPathStroker()
            stroker.setWidth(10)
            self._shape = stroker.createStroke(self.curve)
        return self._shape

    def mousePressEvent(self, event) -> None:
        # Qt offers a press to the top item whose shape meets the pixel's square (2x2 board
        # units at 50 %): where arrows crowd, one merely grazing the square lay above the one
        # under the pointer. Such a press is handed on (Qt offers it to the next item down)
        # when an arrow's stroke holds the very point.
        if not self.shape().contains(event.pos()) and self._another_arrow_holds(event.scenePos()):
            event.ignore()
            return
        super().mousePressEvent(event)

    def _another_arrow_holds(self, point: QPointF) -> bool:
        scene = self.scene()
        return scene is not None and any(isinstance(item, LinkItem) and item is not self for item in scene.items(point))

    # No itemChange override (as CardItem): each change of each arrow went through Python with
    # its nested changes (z, flags), ~40 us an arrow chosen by a rubber band. The scene
    # restyles the arrows whose selection changed (BoardScene.restyle_links).
    def restyle_selection(self) -> None:
        """Draw the arrow as selected or not, after its selection changed."""
        # A selected arrow comes above the cards, so a short one between stacked cards shows.
        self.setZValue(2 if self.isSelected() or self._emphasis else 0)
        self._restyle()

    def set_opacity(self, opacity: float) -> None:
        """Dim the arrow (impact view, spotlight) or light it again; the arrow layer draws it so too."""
        if opacity == self.opacity():
            return
        self.setOpacity(opacity)
        if self.layer is not None:
            self.layer.set_opacity_of(self.link_id, opacity)
        if self._label is not None:  # made only for labelled links (see label_item)
            self._label.setOpacity(opacity)  # a label fades with its arrow

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        if self.plain:
            return  # the arrow layer draws it (QGraphicsScene.render() paints items without contents too)
        if self._emphasis:
            painter.setPen(QPen(IMPACT, 4, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(self.curve)
        if self.isSelected():
            painter.setPen(QPen(QColor(37, 99, 235, 90), 6, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(self.curve)
        draw_look(painter, self, widget, self._geometry.primitives)


REACH = 160.0  # how far (scene px) an arrow's item's box may reach past its bounds on any side


def _index_box(held: tuple[float, float, float, float] | None,
               bounds: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
    """The box (left, top, right, bottom) an arrow's item reports for new ``bounds``: ``held``
    itself while it holds them and reaches at most REACH past them; else the bounds, with the
    old box when that holds too.

    Changing an item's box takes it out of the scene's index and puts it back (prepareGeometryChange):
    ~30 us for an arrow spanning a 5,000-card board, ~90 such arrows rerouted by one move. A
    rerouted arrow mostly stays round where it was (its card moved by about a card's height), so a
    box round both its places spares the next moves that cost (a card moved and moved back changes
    no box). Hits are decided by the arrow's shape() and its drawing by the layout's bounds (the
    arrow layer), not by this box.
    """
    x, y, w, h = bounds
    right, bottom = x + w, y + h
    if held is not None:
        left, top, far, low = held
        if left <= x and top <= y and right <= far and bottom <= low:
            if x - left <= REACH and y - top <= REACH and far - right <= REACH and low - bottom <= REACH:
                return held
        else:
            left, top, far, low = min(left, x), min(top, y), max(far, right), max(low, bottom)
            if x - left <= REACH and y - top <= REACH and far - right <= REACH and low - bottom <= REACH:
                return left, top, far, low
    return x, y, right, bottom


class LinkLabelItem(QGraphicsItem):
    """A link's label, stacked above the cards so a short link's label stays readable."""

    def __init__(self, geometry: LinkGeometry) -> None:
        super().__init__()
        # A label kept inside the board may sit off its arrow's stroke: a double-click on it finds the
        # link by this (BoardScene.mouseDoubleClickEvent), not by the arrow under it.
        self.link_id = geometry.id
        self._primitives: tuple[Primitive, ...] = ()
        self._rect = QRectF()
        self.setZValue(3)
        self.set_geometry(geometry)

    def set_geometry(self, geometry: LinkGeometry) -> None:
        """Take the label's new place from the layout."""
        self.prepareGeometryChange()
        self._primitives = geometry.label
        self._rect = QRectF()
        for prim in geometry.label:
            if isinstance(prim, Box):
                self._rect = self._rect.united(QRectF(prim.x, prim.y, prim.w, prim.h))
        self.update()

    def boundingRect(self) -> QRectF:
        return self._rect.adjusted(-1, -1, 1, 1)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        draw_look(painter, self, widget, lod_primitives(painter, option, self._primitives, ()))


class CellOverlay(QGraphicsItem):
    """Something drawn over one cell, hidden until it is given a rect (canvas only)."""

    def __init__(self, z: float) -> None:
        super().__init__()
        self._rect = QRectF()
        self.setZValue(z)
        self.hide()

    def set_rect(self, rect: QRectF | None) -> None:
        """Show the overlay over ``rect``, or hide it."""
        if rect is None:
            self.hide()
            return
        self.prepareGeometryChange()
        self._rect = rect
        self.show()
        self.update()

    def boundingRect(self) -> QRectF:
        return self._rect.adjusted(-2, -2, 2, 2)


class CellHighlightItem(CellOverlay):
    """The selected empty cell, where Enter adds a card."""

    def __init__(self) -> None:
        super().__init__(-4)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setPen(QPen(SELECTION, 1.5, Qt.PenStyle.DashLine))
        painter.setBrush(QColor(37, 99, 235, 18))
        painter.drawRoundedRect(self._rect.adjusted(3, 3, -3, -3), 8, 8)


class EmptyBoardHint(CellOverlay):
    """A quiet how-to in the first cell of a board with no cards (never exported)."""

    TEXT = QT_TRANSLATE_NOOP("", "Click a cell and type to add a card, or double-click it")  # typing is quickest

    def __init__(self) -> None:
        super().__init__(-3)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        from exporters.qtpaint import qfont

        painter.setFont(qfont(st.CHIP_SIZE + 1))
        # In the board's theme, as the layout's own text is: the light MUTED on the dark canvas was 2.7:1.
        painter.setPen(QColor(st.themed(st.MUTED, painted_theme(self, widget))))
        painter.drawText(self._rect.adjusted(16, 12, -16, -12),
                         int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop) | int(Qt.TextFlag.TextWordWrap),
                         tr(self.TEXT))
