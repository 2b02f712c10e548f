"""Present mode: the board full screen for a room, walked through stage by stage.

The audience view is a second view on the editor's own scene, so whatever is captured,
voted or spotlit while presenting is the document itself, with one undo stack. It draws
the projection look (model.projection), has no chrome, and frames one stage at a time:
Right/Left or PageDown/PageUp glide (an animation under 300 ms) to the next or previous
stage with its neighbours dimmed; Home/End show the whole board; 1…9 jump to a stage;
+ and - give a closer or wider look; Esc ends a spotlight, or else leaves; F1 or ? shows
these keys. A click on a card or a lane header spotlights it.
"""

from __future__ import annotations

import html
import math
from typing import TYPE_CHECKING

from PySide6.QtCore import QEasingCurve, QEvent, QPointF, QRect, QRectF, Qt, QTimer, QVariantAnimation, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QColor,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPen,
    QResizeEvent,
    QTextLayout,
    QTextOption,
    QTransform,
)
from PySide6.QtWidgets import QGraphicsView, QLabel, QVBoxLayout, QWidget
from shiboken6 import isValid

from app.presentation_keys import PRESENTATION_KEYS
from app.timer import Countdown, TimerBadge
from canvas.items import CardItem, HeaderItem
from canvas.keyboard_nav import Focus
from canvas.scene import BoardScene
from canvas.spotlight import Spotlight
from canvas.translate import tr
from canvas.view import MAX_ZOOM, MIN_ZOOM, BoardView
from model import style as st
from model.fonts import FONT_FAMILY
from model.stage_parts import TOP_ROOM, Part, stage_parts

if TYPE_CHECKING:
    from canvas.inline_editor import InlineEditor

ZOOM_FACTOR = 1.25
CURSOR_IDLE_MS = 2000
GLIDE_MS = 240  # under the 300 ms the issue allows, long enough to see where the view went
SURROUND = QColor("#0F172A")  # around the board: a dark room makes the page stand out
NEIGHBOUR_VEIL = QColor(15, 23, 42, 150)  # over the stages beside the framed one
CAPTION_H = 86  # device px at the top for "2 / 5  Order in app"
CAPTION_SIZE = 40
LANE_LABEL_SIZE = 30  # larger than the card text, as the caption is
LANE_RAIL_W = 300  # device px of the lane rail at the left (wider while the lane headers are in sight)
LINE_LABEL_SIZE = 19
PAD = 24
OVERVIEW = -1
MODIFIER_KEYS = frozenset({Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_Meta, Qt.Key.Key_AltGr})
# Readable from the back of a room on a 1920x1080 projector: a stage is framed so that
# card text is 25 px on the screen, or down to 24.2 px when that saves a part (the bar is
# 24 px), and no larger than 32 px however short the stage; a stage taller than the
# screen at that zoom is walked in parts (model.stage_parts).
CARD_TEXT_PX = 25
CARD_TEXT_MIN_PX = 24.2
CARD_TEXT_MAX_PX = 32
READABLE_ZOOM = CARD_TEXT_PX / st.CARD_SIZE
READABLE_ZOOMS = tuple(px / st.CARD_SIZE for px in (CARD_TEXT_PX, 24.6, CARD_TEXT_MIN_PX))
LARGEST_ZOOM = CARD_TEXT_MAX_PX / st.CARD_SIZE
# The sizes above are for a 1080-px-tall screen. A 720p projector's picture is as big in the room as a 1080p one,
# so a smaller screen draws them as the same share of its height (at a fixed 25 px a 1280x720 projector took 26
# presses to walk the journey, a stage's first part only its header, charts and a cut card); never smaller than
# on a 720p screen (card text 16.7 px), and never larger than on a 1080p one (a short stage on a 4K screen keeps
# its 32 px cap).
REFERENCE_H = 1080
SMALLEST_SCALE = 720 / REFERENCE_H


def screen_scale(height: int) -> float:
    """How the presentation's type, lane rail and caption are scaled on a screen ``height`` px tall."""
    return max(SMALLEST_SCALE, min(1.0, height / REFERENCE_H))


def _within(extent: tuple[float, float], top: float, bottom: float) -> bool:
    """Whether a (top, bottom) extent of the board lies inside ``top``..``bottom``."""
    return top <= extent[0] and extent[1] <= bottom


def _two_lines(font: QFont, text: str, width: int, tail: bool = False) -> str:
    """``text`` wrapped at ``width`` px into at most two lines, the second ending in "…" when it goes on further
    (cut after two lines with nothing to say so, "Customer actions in the shop, in the app" read as a whole name).
    With ``tail``, the last two lines, the first starting with "…": a name being typed shows where the typing is
    (cut at its end, the letters just typed were out of sight)."""
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    starts: list[tuple[int, int]] = []
    layout.beginLayout()
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        starts.append((line.textStart(), line.textLength()))
    layout.endLayout()
    if len(starts) <= 2:
        return "\n".join(text[start:start + length].rstrip() for start, length in starts)
    if tail:
        before = text[:starts[-1][0]].rstrip()
        return QFontMetrics(font).elidedText(before, Qt.TextElideMode.ElideLeft, width) + "\n" + \
            text[starts[-1][0]:].rstrip()
    first = text[starts[0][0]:starts[0][0] + starts[0][1]].rstrip()
    rest = text[starts[1][0]:].strip()
    return first + "\n" + QFontMetrics(font).elidedText(rest, Qt.TextElideMode.ElideRight, width)


def _font(size: int, bold: bool = True) -> QFont:
    font = QFont(FONT_FAMILY)
    font.setPixelSize(size)
    font.setBold(bold)
    return font


class PresentationView(BoardView):
    """The audience's view of a scene: projection look, stage framing, spotlight on click."""

    stage_changed = Signal(int)  # the framed stage's index, OVERVIEW for the whole board
    PREVIEW_ZOOM = False  # its caption and lane labels are pinned to the screen: a scaled frame would move them
    PINNED_HEADERS = False  # its own rail and caption name the lanes and the stage
    leave_requested = Signal()

    def __init__(self, scene: BoardScene, countdown: Countdown, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.board_scene = scene
        self.projection_look = True  # items draw model.projection's look in this view only
        self.follows_focus = False  # the walk decides what is framed; see _on_focus_moved
        self.countdown = countdown
        self.spotlight = Spotlight(scene)
        self.stage_index = OVERVIEW
        # The framed stage's id: a stage added or taken away before it (Add stage, named, is taken away and put
        # back as one undo step) leaves the view on it, not on whichever stage comes to have its index.
        self._framed_id: str | None = None
        self.part_index = 0  # which screen of a stage taller than the screen (model.stage_parts)
        self._framed_part = 0  # the part the walk chose, which a lane taken away and put back leaves framed
        # Where the frame's top is when it was moved off its part's to keep a cell being typed into in
        # sight with the cards above it (reveal_focus); None on a part as planned.
        self.shown_top: float | None = None
        self._rail_names: dict[tuple[str, int, int, bool], str] = {}  # lanes named on the rail (cached)
        self._moving_focus = False  # the walk itself moves the capture cell: no glide back
        self._framing = False  # _apply_frame is moving the view (see scrollContentsBy)
        self._frame = QRectF()
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.setBackgroundBrush(SURROUND)
        self.setAccessibleName(tr("Presentation"))
        self._glide = QVariantAnimation(self)
        self._glide.setDuration(GLIDE_MS)
        self._glide.setEasingCurve(QEasingCurve.Type.OutCubic)
        self._glide.valueChanged.connect(self._apply_frame)
        scene.sceneRectChanged.connect(self._on_scene_rect_changed)
        scene.nav.focus_listeners.append(self._on_focus_moved)
        scene.nav.start_place = self._start_place
        scene.nav.framed_stage = self.framed_stage
        scene.nav.presenting = True
        # Two views on one scene: Qt's per-view item caches would go stale, and an item drawn
        # into its cache is given no widget, so it could not tell this view's look from the editor's.
        scene.set_cached(False)
        self._on_scene_rect_changed(scene.sceneRect())
        self.blanked = False  # B or "." (a clicker's blank button): a black screen while people talk
        # The pointer hides when it rests, as in every presentation program.
        self._cursor_timer = QTimer(self)
        self._cursor_timer.setSingleShot(True)
        self._cursor_timer.setInterval(CURSOR_IDLE_MS)
        self._cursor_timer.timeout.connect(self._hide_pointer)
        self.pointer_hidden = False
        self.viewport().setMouseTracking(True)
        self._cursor_timer.start()

    def detach(self) -> None:
        """Let go of the scene (the presentation is closing)."""
        self._glide.stop()
        self._cursor_timer.stop()
        self.spotlight.detach()
        if self._on_focus_moved in self.board_scene.nav.focus_listeners:
            self.board_scene.nav.focus_listeners.remove(self._on_focus_moved)
        if self.board_scene.nav.start_place == self._start_place:
            self.board_scene.nav.start_place = None
        if self.board_scene.nav.framed_stage == self.framed_stage:
            self.board_scene.nav.framed_stage = None
        self.board_scene.nav.presenting = False
        self.board_scene.sceneRectChanged.disconnect(self._on_scene_rect_changed)
        self.board_scene.set_cached(True)

    # ------------------------------------------------------------ framing
    @property
    def gliding(self) -> bool:
        """Whether the view is still on its way to a frame."""
        return self._glide.state() == QVariantAnimation.State.Running

    def stage_count(self) -> int:
        """How many stages the board has."""
        return len(self.board_scene.document.stages)

    def stage_rect(self, index: int) -> QRectF:
        """A stage's column on the board, from its header to the bottom lane."""
        layout = self.board_scene.layout
        stage = self.board_scene.document.stages[index]
        header = layout.stage_headers[stage.id].rect
        # The bottom lane's end, not the grid's: the legend under the lanes belongs to the
        # overview, and framing it with every stage would shrink the cards on the screen.
        lanes = [h.rect.y + h.rect.h for h in layout.lane_headers.values()]
        bottom = max(lanes) if lanes else header.y + header.h
        return QRectF(header.x - 4, header.y, st.COLUMN_W, bottom - header.y)

    @property
    def type_scale(self) -> float:
        """How the type, rail and caption are scaled on this screen (screen_scale)."""
        return screen_scale(self.viewport().height())

    @property
    def caption_h(self) -> int:
        """Device px of the caption band at the top."""
        return round(CAPTION_H * self.type_scale)

    def _usable(self) -> tuple[float, float]:
        """Device px below the caption band the frame is fitted into."""
        viewport = self.viewport().rect()
        return viewport.width() - 2 * PAD, viewport.height() - self.caption_h - PAD

    def stage_zoom(self, index: int) -> float:
        """The zoom a stage is shown at (see _plan)."""
        return self._plan(index)[0]

    def parts(self, index: int) -> list[Part]:
        """The screens stage ``index`` is shown in, top to bottom (one when it fits)."""
        return self._plan(index)[1]

    def _plan(self, index: int) -> tuple[float, list[Part]]:
        """A stage's zoom and parts: its whole column when that keeps card text readable, else readable.

        Never larger than LARGEST_ZOOM (a short stage is not blown up). A taller stage is
        shown at the largest of READABLE_ZOOMS that needs the fewest parts, unless the
        window is too narrow for one column at that zoom. Cheap (a stage's cards), so not kept.
        """
        if index == OVERVIEW or not 0 <= index < self.stage_count():
            return self.zoom, []
        usable_w, usable_h = self._usable()
        if usable_w <= 0 or usable_h <= 0:
            return self.zoom, []
        column = self.stage_rect(index)
        stage_id = self.board_scene.document.stages[index].id
        k = self.type_scale
        readable, readables, largest = READABLE_ZOOM * k, tuple(z * k for z in READABLE_ZOOMS), LARGEST_ZOOM * k
        whole = min(usable_w / (2 * st.COLUMN_W), usable_h / (column.height() + 2 * TOP_ROOM))
        narrow = usable_w / (st.COLUMN_W + 2 * PAD)  # one column and a little room at the sides
        if whole >= readable or narrow < readables[-1]:
            zoom = max(MIN_ZOOM, min(largest, max(whole, min(readable, narrow))))
            return zoom, stage_parts(self.board_scene.layout, stage_id, usable_h / zoom)
        plans = [(zoom, stage_parts(self.board_scene.layout, stage_id, usable_h / zoom))
                 for zoom in readables if zoom <= narrow]
        fewest = min(len(parts) for _zoom, parts in plans)
        return next(plan for plan in plans if len(plan[1]) == fewest)

    def part_count(self) -> int:
        """How many parts the framed stage has (1 for the whole board)."""
        return max(1, len(self.parts(self.stage_index)))

    def position_text(self) -> str:
        """Where the walk is, as the caption and the presenter panel say it: "Stage 2 of 6 · part 1 of 2"."""
        count = self.stage_count()
        if self.stage_index == OVERVIEW or self.stage_index >= count:
            return tr("%n stage(s)", "", count)
        parts = self.part_count()
        if parts == 1:
            return tr("Stage {0} of {1}").format(self.stage_index + 1, count)
        return tr("Stage {0} of {1} · part {2} of {3}").format(self.stage_index + 1, count, self.part_index + 1,
                                                            parts)

    def frame_for(self, index: int, part: int = 0, top: float | None = None) -> QRectF:
        """What the view shows for part ``part`` of a stage (with its neighbours beside it) or the whole board;
        from ``top`` down instead of the part's top when given."""
        if index == OVERVIEW or not self.stage_count():
            return self.board_scene.sceneRect().adjusted(-8, -8, 8, 8)
        parts = self.parts(index)
        if not parts:
            return self.stage_rect(index).adjusted(-st.COLUMN_W * 0.5, -12, st.COLUMN_W * 0.5, 12)
        shown = parts[max(0, min(len(parts) - 1, part))]
        usable_w, usable_h = self._usable()
        zoom = self.stage_zoom(index)
        # The screen's own proportions at the stage's zoom, so that _apply_frame arrives at that zoom.
        width = usable_w / zoom
        centre = self.stage_rect(index).center().x()
        return QRectF(centre - width / 2, shown.top if top is None else top, width, usable_h / zoom)

    def go_to(self, index: int, animate: bool = True, part: int = 0, top: float | None = None) -> None:
        """Frame part ``part`` (-1: the last) of stage ``index`` (clamped) or the whole board (OVERVIEW), gliding;
        from ``top`` down instead of the part's top when given (see reveal_focus)."""
        count = self.stage_count()
        index = OVERVIEW if index == OVERVIEW or not count else max(0, min(count - 1, index))
        parts = len(self.parts(index))
        self.stage_index = index
        self._framed_id = None if index == OVERVIEW else self.board_scene.document.stages[index].id
        self.part_index = 0 if index == OVERVIEW else (parts - 1 if part < 0 else max(0, min(parts - 1, part)))
        self._framed_part = self.part_index
        self.shown_top = None if index == OVERVIEW else top
        target = self.frame_for(index, self.part_index, self.shown_top)
        self._glide.stop()
        if animate and not self._frame.isNull() and self.isVisible():
            self._glide.setStartValue(QRectF(self._frame))
            self._glide.setEndValue(target)
            self._glide.start()
        else:
            self._apply_frame(target)
        nav = self.board_scene.nav
        lit = self.spotlight.target  # not ``target``, the frame above
        if lit is not None and lit[0] == "card" and index != OVERVIEW and (
                not self.board_scene.document.has_card(lit[1])
                or not self._shows_card(lit[1], index, self.part_index)):
            # A card's spotlight goes with the card: kept, it dimmed every stage the walk went on to. (A lane's
            # spotlight runs through every stage and stays.)
            self.spotlight.clear()
        cell, card_id = nav.focused_cell(), nav.focused_card()
        if card_id is not None and index != OVERVIEW and not self._shows_card(card_id, index, self.part_index):
            # A card reached with the arrows and left behind by the walk is let go: Delete, F2 or
            # Ctrl+arrows must not act on a card the room no longer sees (it was deleted unseen).
            self._let_go_of_cards(self.board_scene)
        if cell is not None and nav.vacated:
            # The place a deleted card left is not carried along: nobody chose it to type into, and carried it
            # would take the next stage's B, T and digits as typing.
            self._let_go_of_cards(self.board_scene)
            self.board_scene.select_cell(None)
            cell = None
        if cell is not None and index != OVERVIEW:
            # Capture follows the walk: the same lane in the new stage, or, when that lane's
            # slot is not on this part of it, the first lane whose slot is (typing shows where seen).
            document = self.board_scene.document
            stage_id = document.stages[index].id
            shown = self.parts(index)[self.part_index] if self.parts(index) else None
            lanes = [cell[1]] + [lane.id for lane in document.lanes]
            lane_id = next((lane for lane in lanes if shown is None
                            or _within(self._slot((stage_id, lane)), shown.top, shown.bottom)), cell[1])
            if (stage_id, lane_id) != cell:
                self._moving_focus = True
                try:
                    nav.set_focus(("cell", (stage_id, lane_id)))
                finally:
                    self._moving_focus = False
        self.viewport().update()
        self.stage_changed.emit(index)

    def step(self, delta: int) -> None:
        """The next (1) or previous (-1) part, then stage; from the whole board, the first or the last."""
        count = self.stage_count()
        if not count:
            return
        if self.stage_index == OVERVIEW:
            self.go_to(0 if delta > 0 else count - 1, part=0 if delta > 0 else -1)
            return
        part = self.part_index + delta
        if 0 <= part < self.part_count():
            self.go_to(self.stage_index, part=part)
        elif 0 <= self.stage_index + delta < count:
            self.go_to(self.stage_index + delta, part=0 if delta > 0 else -1)
        else:
            self.go_to(self.stage_index, part=self.part_index)  # the end of the walk: framed again, no further

    def zoom_frame(self, factor: float) -> None:
        """+ / -: a closer or wider look around the middle of what is shown (larger type on demand).

        The wheel pans a closer look; the next stage step frames a whole stage again.
        """
        if self._frame.isNull():
            return
        centre = self.visible_scene_rect().center()
        shift = (self.caption_h - PAD) / 2 / self.zoom  # the caption band is not part of the frame
        target = QRectF(0, 0, self._frame.width() * factor, self._frame.height() * factor)
        target.moveCenter(QPointF(centre.x(), centre.y() + shift))
        self._glide.stop()
        self._glide.setStartValue(QRectF(self._frame))
        self._glide.setEndValue(target)
        self._glide.start()

    def visible_scene_rect(self) -> QRectF:
        """The part of the board the audience sees now."""
        return self.mapToScene(self.viewport().rect()).boundingRect()

    def _apply_frame(self, rect: object) -> None:
        if not isinstance(rect, QRectF) or rect.isEmpty():
            return
        self._framing = True
        try:
            self._frame_at(rect)
        finally:
            self._framing = False

    def _frame_at(self, rect: QRectF) -> None:
        self._frame = QRectF(rect)
        viewport = self.viewport().rect()
        usable_w, usable_h = self._usable()
        if usable_w <= 0 or usable_h <= 0:
            return
        zoom = max(MIN_ZOOM, min(MAX_ZOOM, usable_w / rect.width(), usable_h / rect.height()))
        self.setTransform(QTransform.fromScale(zoom, zoom))
        # The frame's centre goes to the middle of the area below the caption band, but the
        # view stops at the board's sides rather than show empty room beyond them (a stage
        # at the edge keeps the lane headers in sight).
        shift = (self.caption_h - PAD) / 2 / zoom
        board = self.board_scene.sceneRect()
        half = viewport.width() / 2 / zoom
        x = rect.center().x()
        if board.width() >= 2 * half:
            x = max(board.left() + half, min(board.right() - half, x))
        elif rect.width() < board.width():
            x = board.center().x()
        self.centerOn(QPointF(x, rect.center().y() - shift))
        self.zoom_changed.emit(zoom)

    def _on_scene_rect_changed(self, rect: QRectF) -> None:
        # Room around the board, so that a stage at the edge can be centred too.
        self.setSceneRect(rect.adjusted(-4000, -4000, 4000, 4000))
        document = self.board_scene.document
        if self._framed_id is not None and document.has_stage(self._framed_id):
            self.stage_index = document.stage_index(self._framed_id)
        elif self._framed_id is not None:
            # The framed stage is gone (Ctrl+Z of one just added): its number now names the next stage, where
            # the room was taken without a glide and the presenter panel stayed on the stage that was. Looked at
            # once the edit is over: a stage named in place is taken away and put back within one.
            QTimer.singleShot(0, self._after_framed_stage_went)
            return
        if not self._frame.isNull() and not self.gliding:
            self.part_index = min(self._framed_part, self.part_count() - 1)
            self._apply_frame(self.frame_for(self.stage_index, self.part_index, self.shown_top))

    def _after_framed_stage_went(self) -> None:
        """Glide to the stage before the framed one if that is still gone (see _on_scene_rect_changed)."""
        if not isValid(self) or self._framed_id is None or self.board_scene.document.has_stage(self._framed_id):
            return
        self.go_to(max(0, min(self.stage_index, self.stage_count()) - 1) if self.stage_count() else OVERVIEW)

    def framed_stage(self) -> str | None:
        """The framed stage's id (KeyboardNav.framed_stage), None on the whole board."""
        if self.stage_index == OVERVIEW or not 0 <= self.stage_index < self.stage_count():
            return None
        return self.board_scene.document.stages[self.stage_index].id

    def _update_caption(self) -> None:
        self.viewport().update(0, 0, self.viewport().width(), self.caption_h)

    def _rail_right(self) -> int:
        """Device px where the lane rail ends: its own width, or the lanes' headers' right edge while in sight."""
        header_right = self.mapFromScene(QPointF(st.MARGIN + st.LANE_HEADER_W, 0)).x()
        return max(round(LANE_RAIL_W * self.type_scale), math.ceil(header_right))

    def _update_rail(self) -> None:
        self.viewport().update(0, 0, self._rail_right(), self.viewport().height())

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        super().scrollContentsBy(dx, dy)
        if (dx or dy) and not self._framing and not self._frame.isNull() and self._naming_lane() is not None:
            # Qt's text field scrolls every view of its scene to show its caret at each letter typed. A lane's
            # name is typed on the rail, its header far off at the board's left: at the first letter the framed
            # stage jumped sideways (half off a 1024x768 screen, two other stages beside the rail) until Enter.
            # The frame stays where the walk put it.
            self._apply_frame(self._frame)

    def _naming_lane(self) -> str | None:
        """The lane whose name is being typed (on the rail, Add lane while presenting), if one is."""
        field = self.board_scene.editor
        if field is not None and not field.finished and field.header is not None and field.header[0] == "lane":
            return field.header[1]
        return None

    def _typed_name(self, stage_id: str) -> str | None:
        """The stage's name as typed while its header's in-place field is open (Add stage while presenting),
        else None: the caption named the new stage "Stage 7" until Enter while the room watched it being named."""
        field = self.board_scene.editor
        if field is None or field.finished or field.header != ("stage", stage_id):
            return None
        return field.toPlainText()

    def reveal_field(self, field: InlineEditor) -> None:
        """Frame the stage and part where an in-place field opened, gliding (BoardScene._open_editor): a new
        stage's header to name, the next card typed.

        A scroll just far enough to show the field, as the editor's view does, jumped sideways with no glide and
        slid the framed stage half under the lane rail, the caption still naming the stage before. A lane's name
        is typed on the rail (its header is under it, or off the screen at the board's left): the part showing
        the lane is framed.
        """
        lane = field.header is not None and field.header[0] == "lane"
        if lane:
            field.document().contentsChanged.connect(self._update_rail)  # the rail shows what is typed
        elif field.header is not None:  # a stage's name: the caption shows what is typed
            field.document().contentsChanged.connect(self._update_caption)  # a method: dropped with the view
        if self.stage_index == OVERVIEW:
            return  # the whole board shows it
        rect = field.sceneBoundingRect()
        index = self.stage_index if lane else next(
            (i for i in range(self.stage_count())
             if self.stage_rect(i).left() <= rect.center().x() <= self.stage_rect(i).right()), None)
        if index is None:
            return
        viewport = self.viewport().rect()
        seen = self.mapToScene(viewport.adjusted(0, self.caption_h, 0, 0)).boundingRect()
        if index == self.stage_index and seen.top() <= rect.top() and rect.bottom() <= seen.bottom() \
                and (lane or (seen.left() <= rect.left() and rect.right() <= seen.right())):
            return
        parts = self.parts(index)
        visible = [i for i, p in enumerate(parts) if _within((rect.top(), rect.bottom()), p.top, p.bottom)]
        started = [i for i, p in enumerate(parts) if p.start <= rect.top()]
        part = visible[0] if visible else (started[-1] if started else 0)
        if index == self.stage_index and part == self.part_index:
            if not lane:
                self.ensureVisible(rect, 40, 40)  # a card typed past the part's foot, as before
            return
        self.go_to(index, part=part)

    def _on_focus_moved(self) -> None:
        """The keyboard took the focus elsewhere (Tab past the last lane, Down past the screen): glide there."""
        if not self._moving_focus:
            self.reveal_focus()

    def reveal_focus(self) -> None:
        """Frame the stage and part where the keyboard focus is, if it is out of sight.

        From the whole board only a cell to type into is framed (Tab, then typing: the card was
        typed at overview size, unreadable in the room); a card chosen there, clicked for the
        spotlight or reached with the arrows, is lit where the room sees it, the board staying whole.
        """
        nav, doc, layout = self.board_scene.nav, self.board_scene.document, self.board_scene.layout
        cell, card_id = nav.focused_cell(), nav.focused_card()
        if cell is None and card_id is None:
            return
        if self.stage_index == OVERVIEW and cell is None:
            return
        if card_id is not None:
            stage_id = doc.card(card_id).stage
            r = layout.card_rect(card_id)
            lo, hi = r.y, r.y + r.h
        else:
            assert cell is not None
            stage_id = cell[0]
            lo, hi = self._slot(cell)
        index = doc.stage_index(stage_id)
        parts = self.parts(index)
        if index == self.stage_index and parts and self.shown_top is not None:
            span = parts[0].bottom - parts[0].top
            if _within((lo, hi), self.shown_top, self.shown_top + span):
                return  # the frame moved for this cell (or one near it) still shows it
        visible = [i for i, p in enumerate(parts) if _within((lo, hi), p.top, p.bottom)]
        if index == self.stage_index and self.shown_top is None and (self.part_index in visible or not parts):
            return
        started = [i for i, p in enumerate(parts) if p.start <= lo]
        part = visible[0] if visible else (started[-1] if started else 0)
        top = self._top_showing_cell(cell, parts[part], parts[0].top, hi) if card_id is None and parts else None
        if index != self.stage_index or part != self.part_index or top != self.shown_top:
            self.go_to(index, part=part, top=top)

    def _top_showing_cell(self, cell: tuple[str, str] | None, shown: Part, stage_top: float,
                          slot_bottom: float) -> float | None:
        """A frame's top that shows the cell from its top down to where its next card is typed, when the
        part ``shown`` starts below the cell's top; None when the part shows it as it is.

        A part begins at the first card the parts before did not show whole, so the slot under a cell's
        last card could fall on the next part with the cell's cards above it out of sight: the room
        saw a new card typed under nothing (Tab into Customer actions of the coffee shop's stage 1).
        """
        if cell is None:
            return None
        cell_top = self.board_scene.layout.cell_rect(*cell).y
        if shown.top <= cell_top:
            return None
        span = shown.bottom - shown.top
        top = max(stage_top, cell_top - TOP_ROOM, slot_bottom + TOP_ROOM - span)
        return top if top < shown.top else None

    def _start_place(self, cell_only: bool, last: bool) -> Focus | None:
        """Where the first Tab (a cell's slot) or arrow key starts: on the stage and part on screen, not the
        board's first stage, which would glide the audience away. None from the whole board."""
        if self.stage_index == OVERVIEW or not 0 <= self.stage_index < self.stage_count():
            return None
        nav, layout = self.board_scene.nav, self.board_scene.layout
        parts = self.parts(self.stage_index)
        shown = parts[self.part_index] if parts else None

        def seen(place: Focus) -> bool:
            if shown is None:
                return True
            if place[0] == "cell":
                return _within(self._slot(place[1]), shown.top, shown.bottom)
            r = layout.card_rect(str(place[1]))
            return _within((r.y, r.y + r.h), shown.top, shown.bottom)

        places = [p for p in nav.column(self.board_scene.document.stages[self.stage_index].id)
                  if p[0] == "cell" or not cell_only]
        if last:
            places.reverse()
        return next((p for p in places if seen(p)), places[0] if places else None)

    def _slot(self, cell: tuple[str, str]) -> tuple[float, float]:
        """Where a card typed into ``cell`` goes (board y): under its last card, or at the top of an empty cell."""
        layout = self.board_scene.layout
        r = layout.cell_rect(*cell)
        cards = [layout.card_rect(c) for c in self.board_scene.document.cell_cards(*cell) if c in layout.cards]
        top = max((c.y + c.h for c in cards), default=r.y)
        return top, min(top + 72, r.y + r.h)  # room for a card of two lines

    def _shows_card(self, card_id: str, index: int, part: int, parts: list[Part] | None = None) -> bool:
        """Whether part ``part`` of stage ``index`` (of ``parts``, its parts when worked out already) shows the
        card whole."""
        document = self.board_scene.document
        if document.card(card_id).stage != document.stages[index].id:
            return False
        parts = self.parts(index) if parts is None else parts
        if not parts:
            return True
        r = self.board_scene.layout.card_rect(card_id)
        return _within((r.y, r.y + r.h), parts[part].top, parts[part].bottom)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if not self._frame.isNull() and not self.gliding:
            self.part_index = min(self._framed_part, self.part_count() - 1)
            self._apply_frame(self.frame_for(self.stage_index, self.part_index, self.shown_top))

    # ------------------------------------------------------------ drawing
    def set_blanked(self, blanked: bool) -> None:
        """Black the screen out (B, or a clicker's blank button) or show the board again."""
        self.blanked = blanked
        self.viewport().update()

    def _hide_pointer(self) -> None:
        self.pointer_hidden = True
        self.viewport().setCursor(Qt.CursorShape.BlankCursor)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        self.pointer_hidden = False
        self.viewport().unsetCursor()
        self._cursor_timer.start()
        super().mouseMoveEvent(event)
        # Qt gives back the cursor the viewport had when the pointer went onto an item with one of its own:
        # blank, if it went there hidden (a glide under it). It has moved now, so it shows.
        if self.viewport().cursor().shape() == Qt.CursorShape.BlankCursor:
            self.viewport().unsetCursor()

    def viewportEvent(self, event: QEvent) -> bool:
        # A glide (or any scroll) replays the last move, and Qt gives the viewport the cursor of
        # the item now under the resting pointer: it stays hidden until the mouse itself moves.
        if event.type() == QEvent.Type.CursorChange and self.pointer_hidden \
                and self.viewport().cursor().shape() != Qt.CursorShape.BlankCursor:
            self.viewport().setCursor(Qt.CursorShape.BlankCursor)
        return super().viewportEvent(event)

    def drawForeground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        super().drawForeground(painter, rect)
        if self.blanked:
            painter.save()
            painter.resetTransform()
            painter.fillRect(self.viewport().rect(), QColor("#000000"))
            painter.restore()
            return
        scene = self.board_scene
        if self.stage_index != OVERVIEW and self.stage_index < self.stage_count():
            column = self.stage_rect(self.stage_index)
            board = scene.sceneRect()
            grid_left = column.x() - self.stage_index * st.COLUMN_W
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(NEIGHBOUR_VEIL)
            left = QRectF(grid_left, board.top(), column.left() - grid_left, board.height())
            grid_right = grid_left + self.stage_count() * st.COLUMN_W
            right = QRectF(column.right(), board.top(), grid_right - column.right(), board.height())
            for veil in (left, right):
                if veil.width() > 0:
                    painter.drawRect(veil)
        painter.save()
        painter.resetTransform()
        self._draw_lane_labels(painter)
        self._draw_caption(painter)
        painter.restore()

    def _draw_caption(self, painter: QPainter) -> None:
        doc = self.board_scene.document
        width, caption_h = self.viewport().width(), self.caption_h
        painter.fillRect(QRectF(0, 0, width, caption_h), SURROUND)
        typed = None
        if self.stage_index == OVERVIEW or self.stage_index >= self.stage_count():
            left = doc.title or tr("Untitled")
        else:
            typed = self._typed_name(doc.stages[self.stage_index].id)
            left = doc.stages[self.stage_index].name if typed is None else typed
        right = self.position_text()
        painter.setFont(_font(round(CAPTION_SIZE * self.type_scale)))
        painter.setPen(QColor("#FFFFFF"))
        box = QRectF(PAD + 8, 0, width - 2 * PAD - 16, caption_h)
        metrics = painter.fontMetrics()
        room = int(box.width()) - metrics.horizontalAdvance(right) - 48
        # A name being typed shows its end, where the typing is (as the rail's lane names do).
        elide = Qt.TextElideMode.ElideRight if typed is None else Qt.TextElideMode.ElideLeft
        painter.drawText(box, int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
                         metrics.elidedText(left, elide, max(room, 40)))
        painter.setPen(QColor("#CBD5E1"))
        painter.drawText(box, int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight), right)

    def _draw_lane_labels(self, painter: QPainter) -> None:
        """The lanes' names on a dark rail pinned at the left, larger than the cards' text.

        The board's own lane headers are as small as the card text and leave the screen
        after the first stages, so the rail covers them: each lane's name at the top of the
        lane's part in sight (it stays while the lane scrolls), in the kind's accent, with
        the blueprint lines named where they cross. The rail reaches to the headers' right
        edge while they are in sight, so it grows and shrinks smoothly with the glide.
        """
        if self.stage_index == OVERVIEW:
            return
        layout = self.board_scene.layout
        rects = [h.rect for h in layout.lane_headers.values()]
        charts = layout.chart_rows()
        if not rects and not charts:  # a board of metrics without lanes still has its charts named
            return
        k = self.type_scale
        right = self._rail_right()
        # Over the lanes and the metric charts above them, whose names are at the board's left too: from the third
        # stage on the charts were unnamed lines. The stage headers keep their own labels.
        lanes_top = self.mapFromScene(QPointF(0, min([r.y for r in rects] + [top for _n, top, _b in charts]))).y()
        lanes_bottom = self.mapFromScene(QPointF(0, max([r.y + r.h for r in rects]
                                                        + [bottom for _n, _t, bottom in charts]))).y()
        top_edge, bottom_edge = max(self.caption_h, lanes_top), min(self.viewport().height(), lanes_bottom)
        if bottom_edge <= top_edge:
            return
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(SURROUND)
        painter.drawRect(QRectF(0, top_edge, right, bottom_edge - top_edge))
        font = _font(round(LANE_LABEL_SIZE * k))
        painter.setFont(font)
        metrics = painter.fontMetrics()
        flags = int(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        text_w = int(right) - 44
        field = self.board_scene.editor
        # A lane being named (Add lane): its name as typed, in a field's outline, its header being out of sight.
        naming = self._naming_lane()
        for name, chart_top, chart_bottom in charts:
            top = self.mapFromScene(QPointF(0, chart_top)).y()
            bottom = self.mapFromScene(QPointF(0, chart_bottom)).y()
            shown_top, shown_bottom = max(top, top_edge), min(bottom, bottom_edge)
            bound = metrics.boundingRect(0, 0, text_w, metrics.lineSpacing(), flags, name)
            if shown_bottom - shown_top < bound.height() + 16:
                continue  # too little of the chart in sight to name it
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(st.CHART_LINE))
            painter.drawRoundedRect(QRectF(12, shown_top + 10, 7, max(shown_bottom - shown_top - 20, 2)), 3, 3)
            painter.setPen(QColor("#FFFFFF"))
            painter.drawText(QRectF(30, min(shown_top + 12, shown_bottom - bound.height() - 8), text_w,
                                    metrics.lineSpacing()),
                             flags, metrics.elidedText(name, Qt.TextElideMode.ElideRight, text_w))
        for lane in self.board_scene.document.lanes:
            r = layout.lane_headers[lane.id].rect
            top = self.mapFromScene(QPointF(r.x, r.y)).y()
            bottom = self.mapFromScene(QPointF(r.x, r.y + r.h)).y()
            shown_top, shown_bottom = max(top, top_edge), min(bottom, bottom_edge)
            if shown_bottom - shown_top < 40:
                continue  # a sliver of a lane: no stripe, no name
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(st.KIND_STYLES[lane.kind].accent))
            painter.drawRoundedRect(QRectF(12, shown_top + 10, 7, max(shown_bottom - shown_top - 20, 2)), 3, 3)
            name = field.toPlainText() if lane.id == naming and field is not None else lane.name
            key = (name, font.pixelSize(), text_w, lane.id == naming)
            if key not in self._rail_names:  # laid out once, not on every frame of a glide
                if len(self._rail_names) > 64:
                    self._rail_names.clear()
                self._rail_names[key] = _two_lines(font, name, text_w, tail=lane.id == naming)
            name = self._rail_names[key]
            h = (name.count("\n") + 1) * metrics.lineSpacing()
            # At the lane's top, or the screen's while the lane goes on above it; never past its end.
            if shown_bottom - shown_top < h + 56:
                continue  # too little of the lane in sight to name it (and its line's name below)
            y = min(shown_top + 12, shown_bottom - h - 44)
            painter.setPen(QColor("#FFFFFF"))
            painter.drawText(QRectF(30, y, text_w, h), flags, name)
            if lane.id == naming:
                painter.setPen(QPen(QColor("#93C5FD"), 2))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRoundedRect(QRectF(24, y - 4, text_w + 12, h + 8), 6, 6)
            self._draw_scale(painter, lane.id, right, (y + h + 8, shown_bottom))
        painter.setFont(_font(round(LINE_LABEL_SIZE * k), bold=False))
        small = painter.fontMetrics()
        # A line's name has the rail's width past the stripe, ending in "…" when longer: in the lanes' text width it
        # was cut mid-letter, "Line of internal interactio" on a 1280x720 or 1024x768 projector (and the German
        # "Linie der internen Interaktio" at 1920x1080).
        line_w = int(right) - 36
        for line in layout.blueprint_lines:
            y = self.mapFromScene(QPointF(0, line.y)).y()
            if not top_edge + small.height() <= y <= bottom_edge:
                continue
            painter.setPen(QPen(QColor("#94A3B8"), 2, Qt.PenStyle.DashLine))
            painter.drawLine(QPointF(0, y), QPointF(right, y))
            painter.setPen(QColor("#CBD5E1"))
            painter.drawText(QRectF(30, y - small.height() - 4, line_w, small.height()),
                             int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom),
                             small.elidedText(line.name, Qt.TextElideMode.ElideRight, line_w))

    def _draw_scale(self, painter: QPainter, lane_id: str, right: float, room: tuple[float, float]) -> None:
        """An emotion lane's scale steps (+2 … −2) at the rail's edge, level with their lines: the board draws
        them in the lane header, which the rail covers."""
        steps = self.board_scene.layout.score_lines(lane_id)
        if not steps:
            return
        painter.save()
        painter.setFont(_font(round(LINE_LABEL_SIZE * self.type_scale), bold=False))
        metrics = painter.fontMetrics()
        painter.setPen(QColor("#CBD5E1"))
        for score, board_y in steps:
            y = self.mapFromScene(QPointF(0, board_y)).y()
            if not room[0] + metrics.ascent() / 2 <= y <= room[1] - metrics.ascent() / 2:
                continue  # under the lane's name, or out of sight
            sign = "+" if score > 0 else ("−" if score < 0 else "")
            box = QRectF(right - 96, y - metrics.height() / 2, 80, metrics.height())
            align = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            painter.drawText(box, align, f"{sign}{abs(score)}")
        painter.restore()

    # ------------------------------------------------------------ input
    def keyPressEvent(self, event: QKeyEvent) -> None:
        scene = self.board_scene
        if self._editing() or scene.nav.connect_source is not None:
            super().keyPressEvent(event)
            return
        key = event.key()
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        plain = mods == Qt.KeyboardModifier.NoModifier
        # Letters and digits go into a cell chosen to type into (Tab, a click, the arrows); on the cell a deleted
        # card left, B, T, 1…9 and ? stay the presenting keys (they did nothing there until Esc).
        typing = scene.nav.focused_cell() is not None and not scene.nav.vacated
        keys = self._keys_sheet()
        if keys is not None and keys.isVisible():
            if key not in MODIFIER_KEYS:  # (Ctrl alone is the start of Ctrl+Z: the Z puts it away)
                keys.hide()  # any key puts the sheet away, and does nothing else
        elif key == Qt.Key.Key_F1 or (key == Qt.Key.Key_Question and not typing):
            if keys is not None:
                keys.show_centred()
        elif self.blanked and key != Qt.Key.Key_F5:
            if key not in MODIFIER_KEYS:  # (Ctrl alone is the start of Ctrl+D: the D brings the board back)
                self.set_blanked(False)  # any key brings the board back, and does nothing else
        elif not typing and key in (Qt.Key.Key_B, Qt.Key.Key_Period) and plain:
            self.set_blanked(True)
        elif mods & ~Qt.KeyboardModifier.ShiftModifier == Qt.KeyboardModifier.ControlModifier and key in (
                Qt.Key.Key_Plus, Qt.Key.Key_Equal, Qt.Key.Key_Minus, Qt.Key.Key_0):
            # The editor's zoom keys, from habit: as + and -, Ctrl+0 (Fit board) as Home.
            if key == Qt.Key.Key_0:
                self.go_to(OVERVIEW)
            else:
                self.zoom_frame(1 / ZOOM_FACTOR if key != Qt.Key.Key_Minus else ZOOM_FACTOR)
        elif event.matches(QKeySequence.StandardKey.SelectAll):
            self.select_shown()
        elif plain and key in (Qt.Key.Key_Right, Qt.Key.Key_PageDown):
            self.step(1)
        elif plain and key in (Qt.Key.Key_Left, Qt.Key.Key_PageUp):
            self.step(-1)
        elif plain and key in (Qt.Key.Key_Home, Qt.Key.Key_End):
            self.go_to(OVERVIEW)
        elif plain and not typing and Qt.Key.Key_1 <= key <= Qt.Key.Key_9:
            self.go_to(key - Qt.Key.Key_1)
        elif not typing and key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal, Qt.Key.Key_Minus):
            self.zoom_frame(1 / ZOOM_FACTOR if key != Qt.Key.Key_Minus else ZOOM_FACTOR)
        elif plain and not typing and key == Qt.Key.Key_S and scene.nav.focused_card() is not None:
            # The spotlight without the mouse: on the card reached with the arrows, as a click puts it.
            card_id = scene.nav.focused_card()
            assert card_id is not None
            if self.spotlight.target == ("card", card_id):
                self.spotlight.clear()
            else:
                self.spotlight.card(card_id)
        elif plain and not typing and key == Qt.Key.Key_T:
            # Time's up: a fresh countdown (pausing a spent one did nothing, and the red 0:00 stayed for good).
            if self.countdown.active and not self.countdown.over:
                self.countdown.toggle_pause()
            else:
                self.countdown.start(5)
        elif key == Qt.Key.Key_Escape:
            if typing:  # out of typing into a cell (a run of cards ended): the presenting keys are back
                scene.nav.set_focus(None)
                scene.select_cell(None)
            elif self.spotlight.active or scene.impact is not None:
                self.spotlight.clear()
                if scene.impact is not None:
                    scene.clear_impact()
                self._let_go_of_cards(scene)  # the card clicked for the spotlight with it
            elif scene.nav.focus is not None or scene.selectedItems():
                self._let_go_of_cards(scene)  # a card reached with the arrows: one Esc, not leaving at once
            else:
                self.leave_requested.emit()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def select_shown(self) -> None:
        """Ctrl+A: choose the cards the room sees, those of the framed stage's part (all on the whole board).

        The editor's Select All chose every card of the board, most of them out of sight, and a Delete after it
        emptied the board unseen.
        """
        scene, index = self.board_scene, self.stage_index
        doc = scene.document
        if index == OVERVIEW:
            cards = [card.id for card in doc.cards() if card.id in scene.layout.cards]
        else:  # the stage's cards its part shows whole, its parts worked out once (not once a card)
            parts, stage_id = self.parts(index), doc.stages[index].id
            cards = [card_id for lane in doc.lanes for card_id in doc.cell_cards(stage_id, lane.id)
                     if card_id in scene.layout.cards and self._shows_card(card_id, index, self.part_index, parts)]
        scene.complete()
        scene.select_only_cards(cards)
        scene.nav.tell(tr("Chose the %n card(s) on the screen", "", len(cards)))

    @staticmethod
    def _let_go_of_cards(scene: BoardScene) -> None:
        scene.nav.set_focus(None)
        scene.clearSelection()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride:  # (only then: other events come while it is built)
            keys = self._keys_sheet()
            # The key reaches keyPressEvent, which only puts the sheet away or brings the board back: Ctrl+Z under
            # the sheet undid the last edit unseen, and V, Delete or Ctrl+D on the black screen changed the board
            # nobody saw, the screen staying black. F5 on the black screen still leaves.
            blanked = self.blanked and isinstance(event, QKeyEvent) and event.key() != Qt.Key.Key_F5
            if blanked or (keys is not None and keys.isVisible()):
                event.accept()
                return True
        return super().event(event)

    def _keys_sheet(self) -> KeysSheet | None:
        window = self.window()
        return window.keys_sheet if isinstance(window, PresentationWindow) else None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        keys = self._keys_sheet()
        if keys is not None and keys.isVisible():
            keys.hide()
            event.accept()
            return
        if self.blanked:  # a click brings the board back, as a key does, and does nothing else
            self.set_blanked(False)
            event.accept()
            return
        if self._editing() or event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        pos = self.mapToScene(event.position().toPoint())
        items = self.board_scene.items(pos)
        card = next((i for i in items if isinstance(i, CardItem)), None)
        if card is not None:
            if card.on_vote_badge(card.mapFromScene(pos)):
                super().mousePressEvent(event)  # the card counts the vote
                return
            if self.spotlight.target == ("card", card.card_id):
                self.spotlight.clear()
            else:
                self.spotlight.card(card.card_id)
            self.board_scene.nav.set_focus(("card", card.card_id))
            event.accept()
            return
        header = next((i for i in items if isinstance(i, HeaderItem)), None)
        if header is not None:
            if header.kind == "lane":
                if self.spotlight.target == ("lane", header.item_id):
                    self.spotlight.clear()
                else:
                    self.spotlight.lane(header.item_id)
            else:
                self.go_to(self.board_scene.document.stage_index(header.item_id))
            event.accept()
            return
        self.spotlight.clear()
        super().mousePressEvent(event)  # a click in a cell makes it the place to capture into


def _overlay_look(label: QLabel, pixels: int, padding: str) -> None:
    """White text on the dark surround's slate, with a light rim that keeps it apart from dark cards too (as the
    countdown's badge, app/timer.py)."""
    font = QFont(FONT_FAMILY)
    font.setPixelSize(pixels)
    label.setFont(font)
    label.setStyleSheet("QLabel { color: #FFFFFF; background: #1E293B; border: 2px solid #E2E8F0;"
                        f" border-radius: 12px; padding: {padding}; }}")


class MessageBadge(QLabel):
    """The editor's passing messages at the foot of the presentation, readable from the room.

    With one screen the editor's status bar is behind the presentation: "Connect: choose the
    other card", "Nothing linked…" or "Not moved…" reached no one while presenting.
    """

    SHOWN_MS = 4000
    PAD_X = 24  # px of padding either side of the text

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        _overlay_look(self, 26, f"10px {self.PAD_X}px")
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setAccessibleName(tr("Message"))
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.hide)
        self.hide()

    def show_text(self, text: str) -> None:
        """Show ``text`` for a few seconds (an empty text hides the badge)."""
        if not text:
            self.hide()
            return
        self.setText(text)
        self.place()
        self.show()
        self.raise_()
        self._timer.start(self.SHOWN_MS)

    def place(self) -> None:
        """At the foot of the screen, centred, at most two thirds of its width."""
        parent = self.parentWidget()
        if parent is None:
            return
        # As wide as the text on one line (the word wrap alone picks a narrow block), up to the room.
        room = max(200, parent.width() * 2 // 3)
        # (the padding, the 2-px rim and a few px QLabel keeps inside its frame, each side)
        self.setFixedWidth(min(self.fontMetrics().horizontalAdvance(self.text()) + 2 * (self.PAD_X + 2 + 4), room))
        self.adjustSize()
        self.move((parent.width() - self.width()) // 2, parent.height() - self.height() - 28)


class KeysSheet(QLabel):
    """The presentation's keys over the board (F1 or ?): the editor's shortcut sheet is behind it on one screen."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        _overlay_look(self, 24, "24px 32px")
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setAccessibleName(tr("Presentation keys"))
        self.setText(_keys_html())
        self.hide()

    TEXT_PX = 24  # read from the back of the room
    SMALLEST_PX = 12
    MARGIN = 16  # px kept free round it

    def show_centred(self) -> None:
        """Show the sheet in the middle of the screen, its type as large as lets it fit whole (at 24 px it was 863 px
        tall, and on a 1366x768 projector its last rows and "Any key or click closes this." were cut off)."""
        parent = self.parentWidget()
        for pixels in range(self.TEXT_PX, self.SMALLEST_PX - 1, -2):
            _overlay_look(self, pixels, f"{pixels}px {pixels * 4 // 3}px")
            self.adjustSize()
            if parent is None or (self.height() <= parent.height() - 2 * self.MARGIN
                                  and self.width() <= parent.width() - 2 * self.MARGIN):
                break
        if parent is not None:
            self.move((parent.width() - self.width()) // 2, max(0, (parent.height() - self.height()) // 2))
        self.show()
        self.raise_()


def _keys_html() -> str:
    """PRESENTATION_KEYS as a table under a heading, in the interface language."""
    rows = "".join(f"<tr><td style='padding: 4px 32px 4px 0; color: #CBD5E1'>{html.escape(tr(keys))}</td>"
                   f"<td style='padding: 4px 0'>{html.escape(tr(what))}</td></tr>" for keys, what in PRESENTATION_KEYS)
    title, close = html.escape(tr("Presenting keys")), html.escape(tr("Any key or click closes this."))
    return f"<p style='font-weight: 600'>{title}</p><table>{rows}</table><p style='color: #CBD5E1'>{close}</p>"


class PresentationWindow(QWidget):
    """The chrome-less full-screen window holding the audience view and the countdown."""

    closed = Signal()

    def __init__(self, scene: BoardScene, countdown: Countdown) -> None:
        super().__init__(None, Qt.WindowType.Window | Qt.WindowType.FramelessWindowHint)
        self.setWindowTitle(tr("Touchline — Presentation"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        scene.complete()  # a board just opened may still lack items: spotlight clicks find cards by them
        self.view = PresentationView(scene, countdown, self)
        layout.addWidget(self.view)
        self.setFocusProxy(self.view)
        self.timer_badge = TimerBadge(countdown, self)
        self.message_badge = MessageBadge(self)
        self.keys_sheet = KeysSheet(self)

    def say(self, text: str) -> None:
        """Show a passing message of the editor's (what to do next, why nothing happened) on this screen."""
        self.message_badge.show_text(text)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.timer_badge.refresh()
        self.message_badge.place()

    def closeEvent(self, event: QCloseEvent) -> None:
        super().closeEvent(event)
        self.closed.emit()
