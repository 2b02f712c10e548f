"""The board scene: displays a Layout of the document and turns gestures into commands.

It subscribes to the document's events, asks the layout what each one changed, and
updates only those items (orange-canvas-core's canvas/scene.py keeps the same id->item map).
"""

from __future__ import annotations

import itertools
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRect, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPainterPath, QPen, QPixmapCache, QUndoCommand
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsScene,
    QGraphicsSceneMouseEvent,
    QGraphicsView,
)

from canvas import commands as cmd
from canvas.arrows import ArrowLayer
from canvas.items import (
    DIMMED,
    HALF_LIT,
    TEXT_LOD,
    BackgroundItem,
    CardItem,
    CellHighlightItem,
    EmptyBoardHint,
    HeaderItem,
    LinkItem,
    LinkLabelItem,
    shown_area,
)
from canvas.keyboard_nav import KeyboardNav
from canvas.overview import PROJECTION, Overview
from canvas.translate import tr
from exporters.qtpaint import draw_primitives
from model import Card, Document
from model import style as st
from model.bulk import collector_paused
from model.events import Cell
from model.headers import LANE_NAME_X, STAGE_NAME_TOP
from model.layout import Layout, LayoutDelta
from model.primitives import Box, Primitive, Text
from model.typesetting import line_height

if TYPE_CHECKING:
    from canvas.inline_editor import InlineEditor
    from model.impact import Impact


def _is_inline_editor(item: object) -> bool:
    """Whether ``item`` is a card's, header's or link label's text editor.

    canvas.inline_editor is imported when the first editor opens, not with the scene: defining
    its QGraphicsTextItem subclass makes PySide create ~26 Qt enum classes (~17 ms of the start to
    first paint, issue 9). Until it is imported, no item can be one.
    """
    module = sys.modules.get("canvas.inline_editor")
    return module is not None and isinstance(item, module.InlineEditor)


class ConnectTool:
    """Drag from a card's edge handle to another card to link them."""

    def __init__(self, scene: BoardScene, source_id: str, start: QPointF) -> None:
        self.scene, self.source_id = scene, source_id
        self.start = start
        self.preview = QGraphicsPathItem()
        self.preview.setPen(QPen(QColor(st.SELECTION), 1.5, Qt.PenStyle.DashLine))
        self.preview.setZValue(40)
        scene.addItem(self.preview)

    def move(self, pos: QPointF) -> None:
        """Draw the rubber line to the pointer."""
        path = QPainterPath(self.start)
        path.lineTo(pos)
        self.preview.setPath(path)

    def release(self, pos: QPointF) -> None:
        """Link to the card under the pointer, if any and if the two are not linked yet."""
        target = self.scene.card_item_at(pos)
        self.cancel()
        # A drop that links nothing says why, as the keyboard's connect does (the dashed line just vanished).
        tell = self.scene.nav.tell
        if target is None or target.card_id == self.source_id:
            tell(tr("Nothing linked: drop the line on another card"))
            return
        self.scene.nav.link(self.source_id, target.card_id)  # as the keyboard's connect: the arrow chosen, said

    def cancel(self) -> None:
        """Remove the preview and let go of the mouse."""
        if self.preview.scene() is not None:
            self.scene.removeItem(self.preview)
        grabber = self.scene.mouseGrabberItem()
        if grabber is not None:
            grabber.ungrabMouse()
        self.scene.tool = None


PIXMAP_CACHE_KB = 48 * 1024  # about five 1080p screens of cards, or one and a quarter at twice the pixel density
BSP_DEPTH = 8  # the scene index's tree: 256 leaves (see BoardScene.__init__)
_WHOLE = QRectF()  # render()'s "the whole target / scene"
# Arrows an edit left waiting (a lane moved under them) are routed in idle time: a slice of
# ROUTE_SLICE_S, ROUTE_CHUNK arrows at a time (~2 ms at 5,000 cards), ROUTE_IDLE_MS after the
# edit or the last slice, so that the edit's frame and the next input come first (the frame
# after a lane grew takes ~30 ms to paint at 5,000 cards: with 20 ms the first slice was due as
# soon as it was painted).
ROUTE_IDLE_MS = 50
ROUTE_SLICE_S = 0.005
ROUTE_CHUNK = 100


class BoardScene(QGraphicsScene):
    """Shows one document; every edit goes out through ``push`` as an undo command."""

    cell_changed = Signal()
    impact_cleared = Signal()
    persona_requested = Signal(str)  # a persona's card on the board double-clicked: its id
    # A card's text typed in place changed (not yet in the document until committed), or its edit ended:
    # the autosave keeps it too (app/recovery.py; a card typed for a minute was lost to a crash), and the
    # window shows it as a change.
    card_typing = Signal()

    def __init__(self, document: Document, push: Callable[[QUndoCommand], None], layout: Layout | None = None,
                 *, lazy: bool = False) -> None:
        """Items for ``document`` as laid out by ``layout`` (made here when None).

        ``lazy``: the card and arrow items are made as views are about to show them
        (``build_area``) and the rest when asked (``build_some``, ``complete``), not here.
        """
        super().__init__()
        self.document = document
        self.push = push
        self.layout = layout if layout is not None else Layout(document)
        self.overview = Overview(self.layout)
        self.overview_active = False  # card, arrow and label items paint nothing; views draw the overview
        self._overview_views: set[int] = set()
        self.tool: ConnectTool | None = None
        self.editor: InlineEditor | None = None
        self.current_cell: Cell | None = None
        self.impact: Impact | None = None
        self.lit: frozenset[str] | None = None  # the cards left lit by a spotlight or Show impact (dim_all_but)
        self.half_lit: frozenset[str] = frozenset()  # of those, the ones lit by half (what an impact's card relies on)
        self.theme = "light"  # the canvas colour theme; the layout itself is always light
        self.cached = True  # items keep device-cache pixmaps (set_cached)
        self._swallow_drag = False
        self._cards: dict[str, CardItem] = {}
        # Laid out but without an item yet (a lazy scene, see build_area): opening a 5,000-card
        # board made ~11,000 items (~0.7 s, ~30 MiB) before its first paint, which shows ~200.
        self._unbuilt_cards: set[str] = set()
        self._unbuilt_links: set[str] = set()
        # The order build_some makes them in (cards, then links), popped from the end; ids made
        # meanwhile are skipped. (Taking the first ids of the sets instead walked past every slot
        # emptied before: quadratic at 20,000 cards.)
        self._build_queue: list[tuple[bool, str]] = []
        # Ids of the cards whose items and the arrows whose drawings (items or, not made yet, the arrow
        # layer's) took new geometry in the last update (for tests and checks).
        self.last_changed: tuple[set[str], set[str]] = (set(), set())
        self._selection_cache: tuple[tuple[str, ...], tuple[str, ...], HeaderItem | None] | None = None
        # The selected cards' ids in no order (selected_card_set): what a paint asks. A rubber band
        # keeps it up to date move by move (cards_chosen_quietly) instead of it being gathered
        # and sorted again from 1,000 items at every repaint of the band's strips.
        self._selected_set: set[str] | None = None
        self._order_cache: tuple[dict[str, int], dict[str, int]] | None = None
        self.selectionChanged.connect(self.forget_selection)  # first: the others ask for the new selection
        self._styled_links: set[str] = set()  # the arrows drawn as selected
        self.selectionChanged.connect(self._follow_link_selection)
        self._links: dict[str, LinkItem] = {}
        self._stage_headers: dict[str, HeaderItem] = {}
        self._lane_headers: dict[str, HeaderItem] = {}
        self._background = BackgroundItem()
        self._cell_highlight = CellHighlightItem()
        self.arrows = ArrowLayer()  # draws the plain arrows, batched (canvas/arrows.py)
        self.addItem(self.arrows)
        self.addItem(self._background)
        self.addItem(self._cell_highlight)
        self._empty_hint = EmptyBoardHint()
        self.addItem(self._empty_hint)
        self.setBackgroundBrush(QColor(st.CANVAS_LIGHT))
        # Qt picks a deep BSP tree for many items; an arrow spanning the board then sits
        # in thousands of leaves and each prepareGeometryChange() cost 4 ms (a card move in
        # a 5,000-card board took 1.8 s). Depth 6 measured: 0.02 ms, frames unchanged.
        # Depth 8: a leaf of a 5,000-card board at depth 6 held ~700 items, all of which a
        # pan step's strip asked for their boxes (Python calls); at 8, ~570 items less
        # asked per step (pan step at 100% ~15 -> ~12 ms), a spanning move's
        # prepareGeometryChange +1.5 ms and its repaint ~-2 ms (tests/ui/test_pan_step.py).
        self.setBspTreeDepth(BSP_DEPTH)
        # Cards keep their drawing as pixmaps (CardItem): Qt's default 10 MB holds less than
        # one 1080p screen of cards, which would then be drawn again on every frame.
        QPixmapCache.setCacheLimit(max(QPixmapCache.cacheLimit(), PIXMAP_CACHE_KB))
        self.nav = KeyboardNav(self)  # before the items: _apply tells it what changed
        self.layout.on_routed = self._take_routes
        # Routes the arrows left waiting by an edit, a slice at a time once the edit is painted.
        self._route_timer = QTimer(self)
        self._route_timer.setSingleShot(True)
        self._route_timer.setInterval(ROUTE_IDLE_MS)
        self._route_timer.timeout.connect(self._route_in_idle_time)
        with collector_paused():  # thousands of items at once (model/bulk.py)
            if lazy:
                self._start_lazily()
            else:
                self._apply(LayoutDelta(full=True, grid=True, cards=set(self.layout.cards),
                                        links=set(self.layout.links)))
        document.changed.connect(self._on_document_changed)
        self.selectionChanged.connect(self.nav.follow_selection)
        self.cell_changed.connect(self.nav.follow_selection)

    def _start_lazily(self) -> None:
        """Everything but the card and arrow items; the arrow layer is told every routed arrow (it draws them).

        The layout may have left arrows to be routed later (Layout's ``defer_links``): those
        are routed as views are about to show them (``build_area``), the rest by ``build_some``.
        """
        layout = self.layout
        link_ids = [link.id for link in self.document.links()]
        self._unbuilt_cards = set(layout.cards)
        self._unbuilt_links = set(link_ids)
        self._build_queue = [(False, link_id) for link_id in reversed(link_ids)]
        self._build_queue += [(True, card_id) for card_id in reversed(layout.cards)]
        arrows = self.arrows
        with arrows.changing():
            for link_id, geometry in layout.routed_links():
                arrows.set_arrow(link_id, geometry)
        self._apply(LayoutDelta(full=True, grid=True))

    def _take_routes(self, link_ids: list[str]) -> None:
        """The layout has routed arrows that waited (``Layout.on_routed``, whoever asked): their
        items take the new routes, or, for an arrow whose item is not made yet, the arrow layer."""
        with self.arrows.changing():
            self._apply_links(link_ids)

    def _route_in_idle_time(self) -> None:
        """Route a slice of the arrows still waiting (a lane moved under them), then let input in;
        once all are routed, put them in the arrow layer's grid (a view does that only after it paints)."""
        layout, arrows = self.layout, self.arrows
        deadline = time.perf_counter() + ROUTE_SLICE_S
        while time.perf_counter() < deadline:
            if layout.unrouted:
                layout.route_some(ROUTE_CHUNK)
            elif not arrows.index_some(ROUTE_CHUNK):
                return
        self._route_timer.start()

    def _shown_rects(self) -> Iterator[QRectF]:
        """What each view shows of the board, in scene coordinates (views zoomed out past
        TEXT_LOD show none: the overview draws those from the layout)."""
        for view in self.views():
            if view.transform().m11() >= TEXT_LOD:
                yield shown_area(view)

    @property
    def needs_building(self) -> bool:
        """Whether a view must have items made or arrows routed before it paints or a press reads them."""
        return bool(self._unbuilt_cards or self._unbuilt_links or self.layout.unrouted)

    @property
    def unbuilt(self) -> int:
        """How many cards and arrows have no item yet (a lazy scene); arrows not routed yet among them."""
        return len(self._unbuilt_cards) + len(self._unbuilt_links)

    def build_area(self, rect: QRectF, *, plain_arrows: bool = False) -> int:
        """Make the missing items of what may paint in ``rect``; how many were made.

        A view calls it before it paints (canvas/view.py), so nothing it shows lacks its item:
        the cards' items and the labelled arrows' (their label items draw the labels). A plain
        arrow is drawn by the arrow layer and its item paints nothing: those items are made
        with ``plain_arrows`` (what a click or a band can reach, ``_build_for_pointer``), else
        after the first paint. The arrows the layout has not routed yet that may show in
        ``rect`` are routed first (the arrow layer draws them).
        """
        left, top, right, bottom = rect.left(), rect.top(), rect.right(), rect.bottom()
        layout = self.layout
        if layout.unrouted:
            layout.route_area(left, top, right, bottom)
            if plain_arrows:  # the items a press can reach, some still holding a route gone stale
                layout.route(item.link_id for item in self.items(rect) if isinstance(item, LinkItem))
        if not (self._unbuilt_cards or self._unbuilt_links):
            return 0
        cards, routed = layout.cards, layout.routed_link
        card_ids = set()
        for card_id in self._unbuilt_cards:
            g = cards[card_id]
            # The item reaches a little past the card (selection outline, handles): HANDLE_R + 3.
            if g.x - 8 <= right and g.y - 8 <= bottom and g.x + g.w + 8 >= left and g.y + g.h + 8 >= top:
                card_ids.add(card_id)
        link_ids = set()
        unbuilt = self._unbuilt_links
        for link_id in unbuilt if plain_arrows else [k for k in layout.labelled_links() if k in unbuilt]:
            geometry = routed(link_id)
            if geometry is None:
                continue  # still waiting to be routed: it cannot reach the rect (Layout.route_area)
            x, y, w, h = geometry.bounds
            if x <= right and y <= bottom and x + w >= left and y + h >= top:
                link_ids.add(link_id)
        return self._build(card_ids, link_ids)

    def build_some(self, count: int) -> int:
        """Route up to ``count`` waiting arrows, or else make up to ``count`` missing items (cards first);
        how many items are still missing."""
        layout = self.layout
        if layout.unrouted:
            layout.route_some(count)
            return self.unbuilt
        queue, cards, links = self._build_queue, self._unbuilt_cards, self._unbuilt_links
        card_ids: set[str] = set()
        link_ids: set[str] = set()
        while queue and len(card_ids) + len(link_ids) < count:
            is_card, item_id = queue.pop()
            if is_card and item_id in cards:
                card_ids.add(item_id)
            elif not is_card and item_id in links:
                link_ids.add(item_id)
        self._build(card_ids, link_ids)
        return self.unbuilt

    def complete(self) -> None:
        """Make every missing item: for whatever walks, selects or changes the items of the whole board.

        Not while the document has changed and the layout not yet (see ``_on_document_changed``).
        """
        if self.layout.unrouted:
            self.layout.route_rest()
        if self._unbuilt_cards or self._unbuilt_links:
            self._build(set(self._unbuilt_cards), set(self._unbuilt_links))


    def render(self, painter: QPainter, target: QRectF | QRect = _WHOLE, source: QRectF | QRect = _WHOLE,
               mode: Qt.AspectRatioMode = Qt.AspectRatioMode.KeepAspectRatio) -> None:
        """QGraphicsScene.render, with the items of what it draws made first (a lazy scene)."""
        self.build_area(QRectF(source) if not source.isNull() else self.sceneRect())
        super().render(painter, target, source, mode)

    def render_small(self, painter: QPainter, target: QRectF) -> None:
        """The whole board scaled into ``target`` (centred), as a view zoomed out that far shows it.

        Below TEXT_LOD that is the background and headers without text and the overview's
        batched boxes and lines (what BoardView draws there), not every item: a 5,000-card
        board's recent-files thumbnail through render() drew each card and all ~6,000 arrows
        at full detail and raised the process's peak by ~40 MiB (issue 9).
        """
        source = self.sceneRect()
        if source.isEmpty():
            return
        scale = min(target.width() / source.width(), target.height() / source.height())
        if scale >= TEXT_LOD:
            self.render(painter, target, source, Qt.AspectRatioMode.KeepAspectRatio)
            return
        layout = self.layout
        painter.save()
        painter.translate(target.center().x() - source.width() * scale / 2,
                          target.center().y() - source.height() * scale / 2)
        painter.scale(scale, scale)
        painter.translate(-source.left(), -source.top())
        painter.fillRect(source, self.backgroundBrush())
        shapes: list[Primitive] = [p for p in layout.background if not isinstance(p, Text)]
        shapes += [g.primitives[0] for g in (*layout.stage_headers.values(), *layout.lane_headers.values())
                   if g.primitives]
        draw_primitives(painter, tuple(shapes), theme=self.theme)
        self.overview.paint(painter, self.theme, [], self.lit)
        painter.restore()

    def _build_for_pointer(self) -> None:
        """Make the items a click or a rubber band can reach: what each view shows, which may not
        have been painted since the view moved; zoomed out (views paint no items then,
        BoardView.make_shown_items), every item."""
        if any(view.transform().m11() < TEXT_LOD for view in self.views()):
            self.complete()
            return
        for rect in self._shown_rects():
            self.build_area(rect, plain_arrows=True)

    def _build(self, card_ids: set[str], link_ids: set[str]) -> int:
        if not card_ids and not link_ids:
            return 0
        if link_ids and self.layout.unrouted:
            self.layout.route(link_ids)  # an item is made from its arrow's route
        self._unbuilt_cards -= card_ids
        self._unbuilt_links -= link_ids
        with collector_paused():
            self._apply_cards(card_ids, set())
            with self.arrows.changing():
                # In id order: arrows of one z are stacked as they were added, and a set's order
                # follows the process's hash seed (which of two crossing arrows lay on top changed
                # from run to run).
                self._apply_links(sorted(link_ids), set())
        if self.lit is not None:  # a spotlight or impact view dims what is made now like the rest
            self._dim(self.lit, card_ids, link_ids)
        return len(card_ids) + len(link_ids)

    # ------------------------------------------------------------ model -> items
    def detach(self) -> None:
        """Stop listening to the document (before the scene is dropped), and routing in idle time."""
        self.document.changed.disconnect(self._on_document_changed)
        self._route_timer.stop()
        self.layout.on_routed = None

    def _on_document_changed(self, event: object) -> None:
        # Only the items the layout's delta names are made or updated (_apply_cards, _apply_links
        # make a missing one); the others are made as before, when shown or in the background.
        # Making every item first made the first edit of a 5,000-card board just opened wait
        # ~1 s. The arrows the layout has not routed (waiting since the opening, or since a lane
        # moved under them) are routed when shown or in idle time, from the layout as it is
        # then (``_take_routes``).
        self._order_cache = None
        self._selection_cache = None
        self._selected_set = None
        if self.impact is not None:
            self.clear_impact()  # it describes the board before this edit
        self._apply(self.layout.apply(event))

    def set_theme(self, theme: str) -> None:
        """Paint the board in another colour theme (model.style.THEMES)."""
        if theme not in st.THEMES:
            raise ValueError(f"unknown theme {theme!r}; expected one of {', '.join(st.THEMES)}")
        self.theme = theme
        self.setBackgroundBrush(QColor(st.themed(st.CANVAS_LIGHT, theme)))
        for item in (*self._cards.values(), self.arrows):
            item.update()  # their cached pixmaps hold the old colours
        self.update()

    def set_cached(self, cached: bool) -> None:
        """Let the cards and the arrow layer keep device-cache pixmaps, or not (the background never does).

        Qt keeps one such pixmap per view, but forgets what was invalidated once the first
        view has drawn it again, so a second view of the scene (the presentation's) would go
        on showing the old picture: a spotlight's dimming, an edit. Off while there are two.
        """
        self.cached = cached
        for item in (*self._cards.values(), self.arrows):
            on = cached and item.opacity() >= 1  # a dimmed card is drawn uncached anyway (CardItem)
            item.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache if on else QGraphicsItem.CacheMode.NoCache)

    def set_legend(self, shown: bool) -> None:
        """Show or hide the legend under the board."""
        if shown != self.layout.show_legend:
            self.complete()
            self._apply(self.layout.set_legend(shown))

    # ------------------------------------------------------------ impact view
    def show_impact(self, card_id: str) -> Impact:
        """Light what a card affects and relies on, dim the rest, draw its paths to customer steps."""
        from model.impact import impact  # loaded by the first Show impact, not with the board

        self.complete()  # the arrows of its paths are emphasised by their items
        doc = self.document
        result = impact(doc, card_id)
        lit = {card_id} | result.affected | result.dependencies
        on_path: set[str] = set()
        for path in result.customer_paths.values():
            for a, b in itertools.pairwise(path):
                on_path.update(k.id for k in doc.links_of(a) if {k.source, k.target} == {a, b})
        # What it relies on is lit by half: lit alike, the steps before a failing one looked broken too.
        self.dim_all_but(lit, half=result.dependencies - result.affected)
        for link_id, link_item in self._links.items():
            link_item.set_emphasis(link_id in on_path)
        self.impact = result
        return result

    def clear_impact(self) -> None:
        """Back to the normal view."""
        self.dim_all_but(None)
        for link_item in self._links.values():
            link_item.set_emphasis(False)
        self.impact = None
        self.impact_cleared.emit()

    def dim_all_but(self, lit: set[str] | frozenset[str] | None, half: frozenset[str] = frozenset()) -> None:
        """Dim every card but ``lit`` and every arrow not between two of them (None: light everything);
        those of ``lit`` also in ``half``, and their arrows, are lit by half.

        The items carry it as their opacity; the zoomed-out overview, which draws for
        them, reads ``self.lit`` (canvas/overview.py; there boxes are lit or not).
        """
        self.lit = None if lit is None else frozenset(lit)
        self.half_lit = frozenset() if lit is None else half
        self._dim(self.lit, self._cards, self._links)
        if self.overview_active:
            self.update()  # the items paint nothing now: the overview draws the dimming

    def _dim(self, lit: frozenset[str] | None, card_ids: Iterable[str], link_ids: Iterable[str]) -> None:
        doc = self.document
        cards, links = self._cards, self._links
        half = self.half_lit if lit is not None else frozenset()
        for card_id in card_ids:
            cards[card_id].set_opacity(1.0 if lit is None else HALF_LIT if card_id in half
                                       else 1.0 if card_id in lit else DIMMED)
        for link_id in link_ids:
            # Lighting all needs no document: an edit that removed arrows clears the impact view before
            # their items go (the document no longer has them; looking them up raised mid-edit).
            if lit is None:
                shown = True
            elif doc.has_link(link_id):
                link = doc.link(link_id)
                shown = link.source in lit and link.target in lit
            else:
                continue
            link_item = links[link_id]
            opacity = 1.0 if shown else DIMMED
            if shown and lit is not None and (link.source in half or link.target in half):
                opacity = HALF_LIT
            link_item.set_opacity(opacity)  # its label follows (LinkItem.set_opacity)

    # ------------------------------------------------------------ zoomed-out drawing
    def want_overview(self, view: QGraphicsView, wanted: bool) -> None:
        """A view says whether it is zoomed out past TEXT_LOD; the overview is on when all views are."""
        key = id(view)
        if wanted:
            self._overview_views.add(key)
        else:
            self._overview_views.discard(key)
        views = self.views()
        active = bool(views) and all(id(v) in self._overview_views for v in views)
        if active != self.overview_active:
            self.overview_active = active
            for item in self._content_items():
                item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents, active)
            for link_item in self._links.values():
                link_item.set_overview(active)
            self.arrows.resting = active
            if not active:
                self.arrows.update()

    def _content_items(self) -> Iterator[QGraphicsItem]:
        yield self.arrows
        yield from self._cards.values()

    def _add_content(self, item: QGraphicsItem) -> None:
        # A card or arrow made while zoomed out rests like the others (see want_overview).
        item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents, self.overview_active)
        self.addItem(item)

    def paint_overview(self, painter: QPainter, projection: bool = False, areas: list[QRectF] | None = None) -> None:
        """Draw the zoomed-out board (a view's foreground while the overview is on).

        ``projection``: the view is the audience's, which draws the light projection look.
        ``areas``: the scene rects being repainted, when known (the rest is left as it is).
        """
        if self.overview_active:
            selected = self.selected_card_set()
            # Cards being dragged are outlined where the pointer has them, not where the
            # layout keeps them (the items themselves paint nothing while zoomed out).
            grabber = self.mouseGrabberItem()
            offsets: dict[str, QPointF] = {}
            if isinstance(grabber, CardItem):
                for card_id in selected:
                    item = self._cards[card_id]
                    geometry = item.geometry
                    moved = item.pos() - QPointF(geometry.x, geometry.y)
                    if not moved.isNull():
                        offsets[card_id] = moved
            self.overview.paint(painter, PROJECTION if projection else self.theme, selected, self.lit, offsets, areas)

    def _apply(self, delta: LayoutDelta) -> None:
        layout = self.layout
        self.overview.invalidate()
        if delta.full and (self._cards or self._links):
            delta.removed_cards |= set(self._cards) - set(layout.cards)
            delta.removed_links |= set(self._links) - set(layout.links)
        if delta.removed_cards or delta.removed_links:
            self._remove_items(delta.removed_cards, delta.removed_links)
        # The layout names every card of a touched cell and every link of those cards; only
        # the items whose drawing or place really changed are touched (and so repainted).
        changed_cards: set[str] = set()
        changed_links: set[str] = set()
        self._apply_cards(delta.cards, changed_cards)
        with self.arrows.changing():  # one repaint per view for all of it
            self._apply_links(delta.links - delta.waiting if delta.waiting else delta.links, changed_links)
            if delta.waiting:
                # Routes gone stale wait (a lane moved under them): not drawn until routed again,
                # here for those drawn by their own item (selected) and those a view shows. Zoomed
                # out, the overview draws every arrow from the layout: all are routed now, not
                # inside its next paint.
                self.arrows.hide_stale(delta.waiting)
                if self.overview_active:
                    layout.route_rest()
                else:
                    layout.route(self._styled_links & delta.waiting)
                    for rect in self._shown_rects():
                        layout.route_area(rect.left(), rect.top(), rect.right(), rect.bottom())
                changed_links |= delta.waiting
        if layout.unrouted:
            self._route_timer.start()
        if delta.grid or delta.full:
            self.arrows.set_size(layout.width, layout.height)
            self._background.set_primitives(layout.background, layout.width, layout.height)
            self._sync_headers(self._stage_headers, layout.stage_headers, "stage")
            self._sync_headers(self._lane_headers, layout.lane_headers, "lane")
            self.setSceneRect(QRectF(0, 0, layout.width, layout.height))
            if self.current_cell is not None:
                self.select_cell(self.current_cell)
        self._update_empty_hint()
        self.nav.refresh()
        self.last_changed = (changed_cards, changed_links)

    def _remove_items(self, card_ids: set[str], link_ids: set[str]) -> None:
        # Qt announces selectionChanged for each selected item it removes, and every listener
        # then asks for the whole selection: deleting 5,000 selected cards spent ~20 s there.
        # The removals are made quietly and the change announced once.
        selection_lost = False
        blocked = self.blockSignals(True)
        try:
            for card_id in card_ids:
                item = self._cards.pop(card_id, None)
                if item is not None:
                    selection_lost |= item.isSelected()
                    self.removeItem(item)
            self._unbuilt_cards -= card_ids
            self._unbuilt_links -= link_ids
            for link_id in link_ids:
                link_item = self._links.pop(link_id, None)
                self.arrows.remove_arrow(link_id)
                self._styled_links.discard(link_id)
                if link_item is not None:
                    selection_lost |= link_item.isSelected()
                    if link_item.label_shown:
                        self.removeItem(link_item.label_item)
                    self.removeItem(link_item)
        finally:
            self.blockSignals(blocked)
        if selection_lost:
            self.selectionChanged.emit()  # forget_selection hears it first

    def _apply_cards(self, card_ids: set[str], changed_cards: set[str]) -> None:
        # A card whose item is still to be made (a lazy scene) is skipped: its item is made from
        # the layout as it is then, when shown or in the background (an edit that moves the lanes
        # of a board just opened names thousands of cards; making all their items took ~0.5 s).
        layout, unbuilt = self.layout, self._unbuilt_cards
        for card_id in card_ids:
            geometry = layout.cards.get(card_id)
            if geometry is None:
                continue
            item = self._cards.get(card_id)
            if item is None:
                if card_id in unbuilt:
                    continue
                item = self._cards[card_id] = CardItem(geometry)
                if not self.cached:
                    item.setCacheMode(QGraphicsItem.CacheMode.NoCache)
                self._add_content(item)
                changed_cards.add(card_id)
            elif item.set_geometry(geometry):
                changed_cards.add(card_id)

    def _apply_links(self, link_ids: Iterable[str], changed_links: set[str] | None = None) -> None:
        # An arrow whose item is still to be made is drawn by the arrow layer meanwhile: only the
        # layer is told its new route (its item is made later from the layout, as for a card).
        # ``changed_links`` gathers the arrows whose drawing changed (None: nobody asks).
        asked = changed_links is not None
        if changed_links is None:
            changed_links = set()  # filled and dropped
        layout, unbuilt = self.layout, self._unbuilt_links
        for link_id in link_ids:
            link_geometry = layout.routed_link(link_id)
            if link_geometry is None:
                continue
            link_item = self._links.get(link_id)
            if link_item is None:
                if link_id in unbuilt:
                    if asked:
                        drawn = self.arrows.drawn(link_id)
                        if drawn is None or drawn.primitives != link_geometry.primitives:
                            changed_links.add(link_id)
                    self.arrows.set_arrow(link_id, link_geometry)
                    continue
                link_item = self._links[link_id] = LinkItem(link_geometry, self.arrows)
                link_item.set_overview(self.overview_active)
                self.addItem(link_item)
                changed_links.add(link_id)
            elif link_item.set_geometry(link_geometry):
                changed_links.add(link_id)
            elif self.arrows.hidden(link_id):
                # Routed again as its item already had it (its lane moved away and back while it
                # waited): the item has nothing to do, the layer shows the drawing again.
                self.arrows.set_arrow(link_id, link_geometry)
                changed_links.add(link_id)
            # Only labelled links put a label item in the scene (most links have none).
            labelled = bool(link_geometry.label)
            if labelled != link_item.label_shown:
                if labelled:
                    self.addItem(link_item.label_item)
                else:
                    self.removeItem(link_item.label_item)
                link_item.label_shown = labelled

    def _update_empty_hint(self) -> None:
        doc = self.document
        if doc.card_count() or not doc.stages or not doc.lanes:
            self._empty_hint.set_rect(None)
            return
        r = self.layout.cell_rect(doc.stages[0].id, doc.lanes[0].id)
        self._empty_hint.set_rect(QRectF(r.x, r.y, r.w, r.h))

    def _sync_headers(self, items: dict[str, HeaderItem], geometries: dict, kind: str) -> None:
        for stale in set(items) - set(geometries):
            self.removeItem(items.pop(stale))
        for item_id, geometry in geometries.items():
            item = items.get(item_id)
            if item is None:
                item = items[item_id] = HeaderItem(kind, geometry)
                self.addItem(item)
            else:
                item.set_geometry(geometry)

    # ------------------------------------------------------------ queries
    def card_item(self, card_id: str) -> CardItem:
        """The item drawing a card (made now if it was not yet)."""
        if card_id in self._unbuilt_cards:
            self._build({card_id}, set())
        return self._cards[card_id]

    def link_item(self, link_id: str) -> LinkItem:
        """The item drawing a link (made now if it was not yet; routed now if its route went stale)."""
        if link_id in self._unbuilt_links:
            self._build(set(), {link_id})
        elif self.layout.unrouted:
            self.layout.route((link_id,))  # if a lane moved under it (LayoutDelta.waiting): the new route
        return self._links[link_id]

    def select_link(self, link_id: str) -> LinkItem:
        """Select this one arrow and nothing else; its item."""
        self.clearSelection()
        item = self.link_item(link_id)
        item.setSelected(True)
        return item

    def header_item(self, kind: str, item_id: str) -> HeaderItem:
        """The header item of a stage or lane."""
        return (self._stage_headers if kind == "stage" else self._lane_headers)[item_id]

    def header_items(self) -> list[HeaderItem]:
        """Every stage and lane header item."""
        return [*self._stage_headers.values(), *self._lane_headers.values()]

    def card_item_at(self, pos: QPointF) -> CardItem | None:
        """The topmost card under a scene point."""
        for item in self.items(pos):
            if isinstance(item, CardItem):
                return item
        return None

    def selected_cards(self) -> list[str]:
        """Selected card ids, in document order."""
        return list(self._selection()[0])

    def selected_card_set(self) -> set[str]:
        """Selected card ids in no order (do not change it): for a paint, which needs no document order."""
        if self._selected_set is None:
            cache = self._selection_cache
            self._selected_set = set(cache[0]) if cache is not None else \
                {item.card_id for item in self.selectedItems() if isinstance(item, CardItem)}
        return self._selected_set

    def selected_links(self) -> list[str]:
        """Selected link ids, in document order."""
        return list(self._selection()[1])

    def selected_header(self) -> HeaderItem | None:
        """The selected stage or lane header, if exactly one."""
        return self._selection()[2]

    def _selection(self) -> tuple[tuple[str, ...], tuple[str, ...], HeaderItem | None]:
        # Asked several times per selection change (keyboard focus, the editor's actions,
        # the properties panel): with 1,000 cards chosen, wrapping selectedItems() and
        # walking the document each time cost ~30 ms per question. Kept until the
        # selection or the document changes; ordered by document positions kept likewise.
        if self._selection_cache is None:
            cards, links, headers = [], [], []
            for item in self.selectedItems():
                if isinstance(item, CardItem):
                    cards.append(item.card_id)
                elif isinstance(item, LinkItem):
                    links.append(item.link_id)
                elif isinstance(item, HeaderItem):
                    headers.append(item)
            if self._order_cache is None and (cards or links):  # nothing chosen (a board just opened): no order needed
                doc = self.document
                self._order_cache = ({card.id: i for i, card in enumerate(doc.cards())},
                                     {link.id: i for i, link in enumerate(doc.links())})
            card_order, link_order = self._order_cache or ({}, {})
            cards = [c for c in cards if c in card_order]
            links = [k for k in links if k in link_order]
            cards.sort(key=card_order.__getitem__)
            links.sort(key=link_order.__getitem__)
            self._selection_cache = (tuple(cards), tuple(links), headers[0] if len(headers) == 1 else None)
        return self._selection_cache

    def _follow_link_selection(self) -> None:
        """Restyle the arrows whose selection changed (LinkItem has no itemChange, see there)."""
        selected = set(self._selection()[1])
        self.restyle_links(selected ^ self._styled_links)

    def restyle_links(self, link_ids: Iterable[str]) -> None:
        """Draw these arrows as selected or not, as they now are (a rubber band's batch, the selection's signal)."""
        for link_id in link_ids:
            item = self._links.get(link_id)
            if item is None:
                self._styled_links.discard(link_id)
                continue
            item.restyle_selection()
            if item.isSelected():
                self._styled_links.add(link_id)
            else:
                self._styled_links.discard(link_id)

    def forget_selection(self) -> None:
        """Drop the kept answer of selected_cards/links (the selection changed with signals blocked: a rubber band)."""
        self._selection_cache = None
        self._selected_set = None

    def cards_chosen_quietly(self, chosen: Iterable[str], dropped: Iterable[str]) -> None:
        """These cards were selected and those unselected with the scene's signals held (a rubber band's move):
        the kept answers follow (the document-ordered one is gathered again when next asked)."""
        self._selection_cache = None
        kept = self._selected_set
        if kept is not None:
            kept.update(chosen)
            kept.difference_update(dropped)

    def select_only_cards(self, card_ids: list[str]) -> None:
        """Select just these cards, no current cell beside them, the change announced once (a signal a card
        made a thousand passes of the panels that follow the selection)."""
        self.blockSignals(True)
        try:
            # No current cell beside them: the focus would go back to it at the next selection change (the cell a
            # deleted card left is the current one; after Ctrl+Z brought the card back, Ctrl+Right lost it).
            self.select_cell(None)
            self.clearSelection()
            for card_id in card_ids:
                self.card_item(card_id).setSelected(True)
        finally:
            self.blockSignals(False)
        self.selectionChanged.emit()  # (the scene forgets its kept selection on hearing it)

    # ------------------------------------------------------------ cells
    def select_cell(self, cell: Cell | None) -> None:
        """Make ``cell`` the current cell (where Enter adds a card), or clear it."""
        if cell is not None and (cell[0] not in self.layout.stage_headers or cell[1] not in self.layout.lane_headers):
            cell = None
        changed = cell != self.current_cell
        self.current_cell = cell
        if cell is None:
            self._cell_highlight.set_rect(None)
        else:
            r = self.layout.cell_rect(*cell)
            self._cell_highlight.set_rect(QRectF(r.x, r.y, r.w, r.h))
        if changed:
            self.cell_changed.emit()

    # ------------------------------------------------------------ editing
    def add_card_in_cell(
        self,
        stage_id: str,
        lane_id: str,
        index: int | None = None,
        *,
        text: str = "",
        score: int | None = None,
        captured: Callable[[str | None, str], None] | None = None,
    ) -> str:
        """Start a new card in a cell and edit its text; the card exists once committed.

        The card is put in the document provisionally so the layout makes room for it;
        committing removes it again and pushes one AddCard with the typed text, so that
        adding a card is one undo step and a cancelled card leaves no trace. Esc keeps a card typed
        (an empty one is dropped): only an edit of a card's existing text is undone by Esc.

        With ``captured`` (fast capture), ``text`` is what was typed so far, an empty
        card is dropped instead of added, Esc keeps the card typed, and ``captured(card id
        or None, key)`` is told how the edit ended ("enter", "tab", "backtab", "escape", ""
        or "cancel"). ``score``: an emotion card's, from where the lane was double-clicked (0, neutral,
        in an emotion lane without one: a point never starts unscored, off the curve).
        """
        doc = self.document
        if score is None and doc.lane(lane_id).kind == "emotion":
            score = 0  # a point of the curve: on its neutral line until raised or lowered (Alt+Up, Alt+Down)
        card = Card(doc.new_id("card"), lane_id, stage_id, "", score=score)
        doc.add_card(card, index)
        index = doc.card_index(card.id)
        editor: list[InlineEditor] = []

        def commit(typed: str) -> None:
            if not doc.has_card(card.id):
                return  # its stage or lane went while it was typed
            doc.remove_card(card.id)
            if captured is not None and not typed.strip():
                captured(None, editor[0].commit_key)
                return
            self.push(cmd.AddCard(doc, Card(card.id, lane_id, stage_id, typed, score=score), index))
            if captured is None:
                # The new card is the one chosen now, not its cell: Enter then edits it, as on a clicked card
                # (with the cell still current, Enter started yet another card under the ring).
                self.select_cell(None)
            self.clearSelection()
            self._cards[card.id].setSelected(True)
            if captured is not None:
                captured(card.id, editor[0].commit_key)

        def cancel() -> None:
            if doc.has_card(card.id):
                doc.remove_card(card.id)
            if captured is not None:
                captured(None, "cancel")

        self._open_card_editor(card.id, commit, cancel, text)
        if self.editor is not None:
            editor.append(self.editor)
            self.editor.new_card = True
            if captured is not None:
                self.editor.capturing = True
                self.editor.place_cursor_at_end()
        return card.id

    def edit_card(self, card_id: str, at: QPointF | None = None) -> None:
        """Edit a card's text in place: all of it selected (F2, Enter), or the caret where the card was
        double-clicked (``at``, in the scene), as text fields put it: a typo fixed after a double-click
        replaced the whole card."""
        doc = self.document

        def commit(text: str) -> None:
            if doc.has_card(card_id) and text != doc.card(card_id).text:
                self.push(cmd.SetCardField(doc, card_id, "text", text))

        self._open_card_editor(card_id, commit, lambda: None)
        if at is not None and self.editor is not None:
            self.editor.place_caret(self.editor.mapFromScene(at))

    def _open_card_editor(
        self, card_id: str, commit: Callable[[str], None], cancel: Callable[[], None], text: str | None = None
    ) -> None:
        self.close_editor()
        geometry = self.layout.cards[card_id]
        card = self.document.card(card_id)
        text_w = geometry.w - 2 * st.CARD_PAD_X - (2 * st.FAIL_R + 4 if card.fail else 0)
        # Over the text only, so the card's chips stay visible while it is edited.
        text_h = max(1, len(geometry.lines)) * line_height(st.CARD_SIZE)
        rect = QRectF(geometry.x + st.CARD_PAD_X, geometry.y + geometry.shape.text_top, text_w, text_h)
        fill = st.card_fill(self.document.lane(card.lane).kind, card.color)
        from canvas.inline_editor import InlineEditor  # when first edited: see _is_inline_editor

        def committed(typed: str) -> None:
            commit(typed)
            self.card_typing.emit()  # nothing typed waits any more: the window's change mark follows

        def cancelled() -> None:
            cancel()
            self.card_typing.emit()

        editor = InlineEditor(card.text if text is None else text, rect, st.CARD_SIZE, False, committed, cancelled,
                              True, fill, theme=self.theme)
        editor.card_id = card_id
        editor.document().contentsChanged.connect(self.card_typing)
        self._open_editor(editor)

    def typed_card_text(self) -> tuple[str, str] | None:
        """(card id, text) of a card whose text is being typed in place and differs from the document's."""
        editor = self.editor
        if editor is None or editor.finished or editor.card_id is None or not self.document.has_card(editor.card_id):
            return None
        text = editor.toPlainText()
        return None if text == self.document.card(editor.card_id).text else (editor.card_id, text)

    def rename_header(
        self,
        header: HeaderItem,
        on_commit: Callable[[str], None] | None = None,
        on_cancel: Callable[[], None] | None = None,
    ) -> None:
        """Rename a stage or lane in place (by default as one rename command)."""
        doc = self.document
        is_stage = header.kind == "stage"
        name = doc.stage(header.item_id).name if is_stage else doc.lane(header.item_id).name
        r = header.header_rect
        # Over the name, where it is drawn (a stage's under its number, which the field covered).
        rect = QRectF(r.x() + 14, r.y() + STAGE_NAME_TOP, r.width() - 28, line_height(st.STAGE_SIZE)) if is_stage \
            else QRectF(r.x() + LANE_NAME_X, r.y() + 14, r.width() - 30, 22)

        def commit(text: str) -> None:
            text = text.strip()
            exists = doc.has_stage(header.item_id) if is_stage else doc.has_lane(header.item_id)
            if not text or text == name or not exists:
                return
            if is_stage:
                self.push(cmd.SetStageField(doc, header.item_id, "name", text))
            else:
                self.push(cmd.SetLaneField(doc, header.item_id, "name", text))

        size = st.STAGE_SIZE if is_stage else st.LANE_SIZE
        from canvas.inline_editor import InlineEditor  # when first edited: see _is_inline_editor

        field = InlineEditor(name, rect, size, True, on_commit or commit, on_cancel or (lambda: None), False,
                             st.HEADER_FILL if is_stage else st.PAGE, theme=self.theme)
        field.header = (header.kind, header.item_id)
        self._open_editor(field)

    def rename_title(self) -> None:
        """Edit the board's title in place, over its heading (it could be changed in Properties › Board only)."""
        doc = self.document
        r = self.layout.title_rect

        def commit(text: str) -> None:
            text = " ".join(text.split())
            if text and text != doc.title:
                self.push(cmd.SetTitle(doc, "title", text))

        from canvas.inline_editor import InlineEditor  # when first edited: see _is_inline_editor

        width = max(r.w, self.layout.width - 2 * st.MARGIN)  # room to type a longer title than the one shown
        self._open_editor(InlineEditor(doc.title, QRectF(r.x, r.y, width, r.h), st.TITLE_SIZE, True, commit,
                                       lambda: None, False, st.PAGE, theme=self.theme))

    def edit_link_label(self, link_id: str) -> None:
        """Edit an arrow's label in place, over its label as drawn (an unlabelled arrow's on its midpoint);
        empty removes it. The field shows the whole label, wrapped, where the drawing may cut it."""
        doc = self.document
        label = doc.link(link_id).label or ""
        item = self.link_item(link_id)
        pill = next((p for p in item.geometry.label if isinstance(p, Box)), None)
        if pill is not None:  # where the layout put it: kept inside the board, beside its arrow if need be
            width = max(pill.w, 140.0)
            rect = QRectF(pill.x + pill.w / 2 - width / 2, pill.y, width, pill.h)
        else:
            middle = item.curve.pointAtPercent(0.5)
            rect = QRectF(middle.x() - 70, middle.y() - 10, 140, 20)
        # Inside the board, as the label is: on an arrow of the last stage the field ran off its right edge.
        # (Its frame is drawn 4 px round the text: InlineEditor.boundingRect.)
        rect.moveLeft(max(4.0, min(rect.left(), self.layout.width - 4.0 - rect.width())))

        def commit(text: str) -> None:
            value = text.strip() or None
            if doc.has_link(link_id) and value != doc.link(link_id).label:
                self.push(cmd.SetLinkField(doc, link_id, "label", value))

        from canvas.inline_editor import InlineEditor  # when first edited: see _is_inline_editor

        self._open_editor(InlineEditor(label, rect, st.LINK_LABEL_SIZE, False, commit, lambda: None, False,
                                       theme=self.theme))

    def _open_editor(self, editor: InlineEditor) -> None:
        self.editor = editor
        self.addItem(editor)
        editor.setFocus(Qt.FocusReason.OtherFocusReason)
        for view in self.views():
            reveal = getattr(view, "reveal_field", None)
            if reveal is not None:  # the presentation frames whole stages: a scroll slid one under its lane rail
                reveal(editor)
            else:
                view.ensureVisible(editor.sceneBoundingRect(), 40, 40)

    def close_editor(self) -> None:
        """Commit an open in-place edit."""
        if self.editor is not None and not self.editor.finished:
            self.editor.commit()
        self.editor = None

    # ------------------------------------------------------------ gestures
    def start_connect(self, source_id: str, pos: QPointF) -> None:
        """Begin dragging a new link out of a card's handle."""
        self.tool = ConnectTool(self, source_id, pos)

    def drop_header(self, header: HeaderItem, pos: QPointF) -> None:
        """Reorder the stage or lane whose header was dropped at ``pos``."""
        doc, layout = self.document, self.layout
        if header.kind == "stage":
            others = [s.id for s in doc.stages if s.id != header.item_id]
            index = sum(1 for sid in others if pos.x() > layout.stage_headers[sid].rect.x
                        + layout.stage_headers[sid].rect.w / 2)
            if index != doc.stage_index(header.item_id):
                self.push(cmd.MoveStage(doc, header.item_id, index))
        else:
            others = [ln.id for ln in doc.lanes if ln.id != header.item_id]
            index = sum(1 for lid in others if pos.y() > layout.lane_headers[lid].rect.y
                        + layout.lane_headers[lid].rect.h / 2)
            if index != doc.lane_index(header.item_id):
                self.push(cmd.MoveLane(doc, header.item_id, index))

    def _drop_moved_cards(self, grabbed: QGraphicsItem | None, pointer: QPointF) -> None:
        """After a drag, move each dragged card to the cell and place under it.

        The card held by the pointer goes where the pointer is; the others of a
        multiple selection go where their centres are. Into an emotion lane, that height is its score.
        """
        moved = [item for item in self._cards.values()
                 if item.pos() != QPointF(item.geometry.x, item.geometry.y)]
        if not moved:
            return
        moved.sort(key=lambda item: (item.pos().y(), item.pos().x()))
        doc = self.document
        targets = []
        scores: list[tuple[str, int]] = []
        for item in moved:
            centre = pointer if item is grabbed else item.pos() + QPointF(item.geometry.w / 2, item.geometry.h / 2)
            cell = self.layout.cell_at(centre.x(), centre.y())
            if cell is None:
                continue
            marker = self.layout.marker_centre(item.card_id)
            card = doc.card(item.card_id)
            held = marker is not None and self.layout.snap_marker_y(
                item.card_id, marker[1] + item.pos().y() - item.geometry.y) is not None
            if held and cell[1] != card.lane:
                # Held by its lane's scale a little past the lane's edge (pulled up past +2): it stays a point
                # of its curve, in the stage the pointer is over.
                lane = self.layout.lane_headers[card.lane].rect
                cell = self.layout.cell_at(centre.x(), lane.y + lane.h / 2) or cell
            if marker is not None and cell[1] == card.lane:
                # An emotion point dragged within its lane: its new height is its new score,
                # and it goes to the stage it was dropped in.
                marker_y = marker[1] + item.pos().y() - item.geometry.y
                score = self.layout.emotion_score_at(card.lane, marker_y)
                if score is not None and score != card.score:
                    scores.append((item.card_id, score))
                if cell[0] != card.stage:
                    targets.append((item.card_id, cell, len(doc.cell_cards(*cell))))
                continue
            if cell[1] != card.lane:
                # Dropped into an emotion lane from another: the height it was dropped at is its feeling, as
                # the height double-clicked is a new card's there (it scored 0 wherever it was dropped).
                score = self.layout.emotion_score_at(cell[1], centre.y())
                if score is not None and score != card.score:
                    scores.append((item.card_id, score))
            index = self.layout.insert_index(cell[0], cell[1], centre.y(), moving=item.card_id)
            card = doc.card(item.card_id)
            if (card.stage, card.lane) == cell and doc.card_index(item.card_id) == index:
                continue  # dropped back where it was: a click with a little jitter
            targets.append((item.card_id, cell, index))
        for item in moved:  # snap back; the commands move them for real
            item.set_geometry(item.geometry)
        if not targets and not scores:
            return
        # Cards dropped together into one cell keep their vertical order.
        offsets: dict[Cell, int] = {}
        moves = []
        for card_id, cell, index in targets:
            shift = offsets.get(cell, 0)
            moves.append((card_id, cell[0], cell[1], index + shift))
            offsets[cell] = shift + 1
        # Each move reads where its card is once the moves before it are made: read all at once, the undo of
        # two cards dragged from [A, B, C] put them back as [A, C, B].
        text = tr("Move card") if len(moved) == 1 else tr("Move {0} cards").format(len(moved))
        parent = cmd.rehearsed_moves(doc, text, moves)
        if not targets and len(scores) == 1:
            parent.setText(tr("Change emotion score"))
        for card_id, score in scores:
            parent.add(cmd.SetCardField(doc, card_id, "score", score))
        self.push(parent)

    # ------------------------------------------------------------ Qt events
    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self.needs_building:  # items not made yet, or holding routes gone stale
            self._build_for_pointer()
        if self.tool is not None:
            event.accept()
            return
        super().mousePressEvent(event)
        if event.button() == Qt.MouseButton.LeftButton:
            hit = [i for i in self.items(event.scenePos()) if isinstance(i, CardItem | HeaderItem | LinkItem)]
            self.select_cell(None if hit else self.layout.cell_at(event.scenePos().x(), event.scenePos().y()))
            if self.nav.focus is not None and self.selected_links() and not self.selected_cards():
                # An arrow clicked: the ring left on the card chosen before said the keys act on that card.
                self.nav.focus = None
                self.nav.refresh()

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._swallow_drag:
            event.accept()
            return
        if self.tool is not None:
            self.tool.move(event.scenePos())
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._swallow_drag:
            self._swallow_drag = False
            event.accept()
            return
        if self.tool is not None:
            grabber = self.mouseGrabberItem()
            if grabber is not None:
                grabber.ungrabMouse()
            self.tool.release(event.scenePos())
            event.accept()
            return
        grabbed = self.mouseGrabberItem()
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton:
            self._drop_moved_cards(grabbed, event.scenePos())

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        pos = event.scenePos()
        hits = self.items(pos)
        if hits and isinstance(hits[0], LinkLabelItem):
            # A label is drawn above the cards, and off its arrow where the board's edge moved it: a double-click
            # on it edits it as one on its arrow does (it went to the card under it, or the cell).
            self.edit_link_label(hits[0].link_id)
            event.accept()
            return
        if any(isinstance(i, CardItem | HeaderItem) or _is_inline_editor(i) for i in hits):
            super().mouseDoubleClickEvent(event)
            return
        link_hit = next((i for i in hits if isinstance(i, LinkItem)), None)
        if link_hit is not None:
            self.edit_link_label(link_hit.link_id)
            event.accept()
            return
        if self.layout.title_rect.contains(pos.x(), pos.y()):
            self.rename_title()
            event.accept()
            return
        persona = next((persona_id for persona_id, r in self.layout.persona_rects.items()
                        if r.contains(pos.x(), pos.y())), None)
        if persona is not None:  # edited in the Personas panel (it did nothing, and said nothing)
            self.persona_requested.emit(persona)
            event.accept()
            return
        cell = self.layout.cell_at(pos.x(), pos.y())
        if cell is not None:
            self.select_cell(cell)
            # In an emotion lane the height clicked is the feeling: the card's marker starts there.
            self.add_card_in_cell(cell[0], cell[1], self.layout.insert_index(cell[0], cell[1], pos.y()),
                                  score=self.layout.emotion_score_at(cell[1], pos.y()))
            event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.focusItem() is not None and _is_inline_editor(self.focusItem()):
            super().keyPressEvent(event)
            return
        if event.key() == Qt.Key.Key_Escape and self._cancel_card_drag():
            event.accept()
            return
        if self.nav.key_press(event):
            event.accept()
            return
        if event.key() == Qt.Key.Key_Escape:
            if self.impact is not None:
                self.clear_impact()
            elif self.tool is not None:
                self.tool.cancel()
                self._swallow_drag = True  # the button is still down: ignore the rest of it
            else:
                self.clearSelection()
                self.select_cell(None)
            event.accept()
            return
        super().keyPressEvent(event)

    def _cancel_card_drag(self) -> bool:
        """Esc while cards are dragged: put them back where they were, and let the rest of the drag (the
        button is still down) do nothing, as Esc does to every other drag; whether there was one."""
        grabber = self.mouseGrabberItem()
        if not isinstance(grabber, CardItem):
            return False
        moved = [item for item in self._cards.values() if item.pos() != QPointF(item.geometry.x, item.geometry.y)]
        if not moved:
            return False
        for item in moved:
            item.set_geometry(item.geometry)
        grabber.ungrabMouse()
        self._swallow_drag = True
        return True

    def cancel_tool(self) -> None:
        """Abort a gesture in progress."""
        if self.tool is not None:
            self.tool.cancel()

    def item_ids(self) -> tuple[set[str], set[str]]:
        """Ids of the card and link items (for tests and checks); every missing one is made first."""
        self.complete()
        return set(self._cards), set(self._links)

    def all_items_of(self, kind: type[QGraphicsItem]) -> list[QGraphicsItem]:
        """Every item of one class (every missing one made first)."""
        self.complete()
        return [item for item in self.items() if isinstance(item, kind)]
