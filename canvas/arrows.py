"""The arrow layer: every arrow on screen drawn in a few batched calls instead of one item each.

A board of thousands of arrows has hundreds to thousands of them crossing the view at
100%; painted one LinkItem at a time that was one Python paint() and two drawPath calls
each (at 5,000 cards, ~2,700 arrows cost ~100 ms a frame). The link items stay in the
scene for clicks, selection and the rubber band, but paint nothing while they are plain;
this item, just under them, draws the plain ones (exporters.qtpaint.PathBatch). An arrow
that is selected or on an impact path paints itself, as before, above the cards.

Which arrows a repaint needs comes from a grid of buckets over the arrows' segments (not
their bounding boxes: an arrow routed round a board spans the board, its segments do not).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from itertools import pairwise, product
from math import floor, sqrt
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter, QPainterPath
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from canvas.items import is_projection, theme_of
from exporters.qtpaint import PathBatch, PathLook, draw_primitives, path_looks
from model.links import LinkGeometry
from model.primitives import Path, PathCommand, Primitive
from model.projection import projected

if TYPE_CHECKING:
    from canvas.arrow_tiles import ArrowTiles

BUCKET = 256.0  # scene px: a bucket's side
Looks = tuple[tuple[PathLook, QPainterPath], ...]


class _Arrow:
    """One arrow the layer draws: its geometry, buckets, opacity and prepared paths per look."""

    __slots__ = ("buckets", "geometry", "looks", "opacity", "span")

    def __init__(self, geometry: LinkGeometry) -> None:
        self.geometry = geometry
        # The buckets the grid holds it in (None: none yet); while it waits to be indexed
        # again after a reroute, those of its old drawing.
        self.buckets: tuple[tuple[int, int], ...] | None = None
        # For an arrow of one curve, indexed by its bounds: the first and last bucket columns
        # and rows those buckets span (a rerouted arrow in the same span keeps its buckets).
        self.span: tuple[int, int, int, int] | None = None
        self.opacity = 1.0
        # projection look or not -> prepared paths (None: not made of paths alone)
        self.looks: dict[bool, Looks | None] = {}


class ArrowLayer(QGraphicsItem):
    """Draws the arrows no item draws itself, gathered by look; repaints only where one changed."""

    def __init__(self) -> None:
        super().__init__()
        self._arrows: dict[str, _Arrow] = {}
        self._own: set[str] = set()  # drawn by their own item (selected, on an impact path)
        self._grid: dict[tuple[int, int], set[str]] = {}
        # One tuple per bucket, shared by every arrow in it: each arrow keeping its own (i, j)
        # tuples was ~220,000 tuples (~12 MiB) on a 5,000-card board of spanning arrows.
        self._keys: dict[tuple[int, int], tuple[int, int]] = {}
        # Arrows not put in the grid yet: a board's arrows are indexed when a paint first asks
        # which arrows a rect holds, not while the scene is built (at 5,000 cards the index
        # was ~0.5 s of opening, and a board opened zoomed out needs none of it).
        self._unindexed: set[str] = set()
        # A rect (left, top, right, bottom) that no waiting arrow meets but those of
        # ``_fresh``, which began or went back to waiting since it was walked: a repaint
        # inside it (an edit's, most of them) looks at those alone, not at every waiting
        # arrow (a board built without the editor's idle indexing keeps ~5,000 waiting:
        # walking them was ~5 ms of every move's repaint at 5,000 cards).
        self._clear: tuple[float, float, float, float] | None = None
        self._fresh: set[str] = set()
        self._index_queue: list[str] = []  # index_some's order (ids no longer waiting are skipped)
        self._rect = QRectF()
        # Arrows whose route went stale (a lane moved under them) and waits to be routed again:
        # not drawn until set_arrow hands the new one (hide_stale).
        self._stale: set[str] = set()
        self.setZValue(-1)  # above the background, headers and cell highlight; under every arrow item and card
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)  # for option.exposedRect
        # Qt keeps a viewport-sized pixmap of a big item in this mode: a repaint blits it, a
        # scroll shifts it and draws only the strip that came into view, and update(rect)
        # draws only that rect again. The zoom changing draws it all again.
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.painted = 0  # arrows drawn by the last paint() (for tests)
        self.looked_at = 0  # waiting arrows whose box the last arrows_in() looked at (for tests)
        self._pending: list[tuple[float, float, float, float]] | None = None  # repaints gathered by changing()
        # In a relayout (changing()): how many arrows were rerouted, and the routed ones with an
        # end where it was, waiting to be compared part by part when it ends (REFINED_PER_RELAYOUT).
        self._rerouted = 0
        self._to_compare: list[tuple[LinkGeometry, LinkGeometry, bool]] = []  # old, new, was it indexed
        self._to_move: list[tuple[LinkGeometry, LinkGeometry]] = []  # the others rerouted, old and new
        self._drawn_boxes: dict[str, tuple[LinkGeometry, Box4]] = {}  # link id -> a drawing and _drawn_box of it
        # Zoomed out, the scene's overview draws the arrows and this layer nothing: changes
        # ask for no repaint (a band choosing 1,000 cards chooses ~500 arrows), and the zoom
        # that ends the overview draws the layer afresh anyway.
        self.resting = False
        # Tiles of the drawing round a view (canvas/arrow_tiles.py, set by the view): while they cover
        # what Qt asks its cache to draw, paint() blits them; every box repainted drops those it meets.
        self.tiles: ArrowTiles | None = None

    # ------------------------------------------------------------ keeping up with the layout
    def set_size(self, width: float, height: float) -> None:
        """The board's size (the layer covers it)."""
        rect = QRectF(0, 0, width, height)
        if rect != self._rect:
            self.prepareGeometryChange()
            self._rect = rect

    def set_arrow(self, link_id: str, geometry: LinkGeometry) -> None:
        """Draw ``link_id`` with this geometry (a new or rerouted arrow); repaints its old and new place."""
        old = self._arrows.get(link_id)
        hidden = False
        if self._stale and link_id in self._stale:
            self._stale.discard(link_id)
            hidden = True
        if old is not None and old.geometry.primitives == geometry.primitives:
            old.geometry = geometry  # same drawing: nothing to repaint, unless it was hidden
            if hidden:
                self._repaint_box(geometry.bounds)
            if link_id in self._unindexed:
                self._fresh.add(link_id)  # its bounds (a label's) may differ
            return
        arrow = self._arrows[link_id] = _Arrow(geometry)
        indexed = link_id not in self._unindexed  # its buckets are those of its old drawing
        self._unindexed.add(link_id)
        self._fresh.add(link_id)
        if old is None:
            self._repaint_box(arrow.geometry.bounds)
            return
        arrow.opacity = old.opacity
        # Left in its old buckets until indexed again (arrows_in indexes before it reads
        # the grid): a rerouted arrow mostly stays in the same buckets, and only the
        # difference is then changed.
        arrow.buckets = old.buckets
        arrow.span = old.span
        self._rerouted += 1
        if hidden:
            # Its old drawing was repainted away when it was hidden, and the tiles drawn since
            # lack all of it: the new one is repainted whole, not only where the two differ.
            self._repaint_box(geometry.bounds)
            return
        was, now = old.geometry.curve, geometry.curve
        # A routed arrow with one end where it was: only where its drawing differs. (An arrow
        # of one curve changes whole; one whose both ends moved, as a lane moving down moves
        # them, has nothing in common to leave out: comparing would cost for nothing.)
        if len(was) > 2 and len(now) > 2 and (was[0] == now[0] or was[-1] == now[-1]):
            if self._pending is not None:
                self._to_compare.append((old.geometry, geometry, indexed))  # decided when the relayout ends
            else:
                self._repaint_changed(old.geometry, geometry, indexed)
            return
        if self._pending is not None:
            self._to_move.append((old.geometry, geometry))  # boxed when the relayout ends
        else:
            self._repaint_moved(old.geometry, geometry)

    def _repaint_changed(self, old: LinkGeometry, new: LinkGeometry, indexed: bool) -> None:
        """Repaint where a rerouted arrow's drawing differs (its old and new places when not comparable).

        ``indexed``: the grid held the arrow in the buckets of its old drawing; it is then kept
        there and added to the buckets of the boxes round what differs, instead of waiting to be
        indexed again (see _index_parts).
        """
        changed = _changed_boxes(old.primitives, new.primitives)
        if changed is None:
            self._repaint_moved(old, new)
            return
        for box in changed:
            self._repaint_box(box)
        if indexed:
            self._index_parts(new, changed)

    def _index_parts(self, geometry: LinkGeometry, boxes: list[Box4]) -> None:
        """Index a rerouted arrow by adding the buckets of ``boxes`` (round every part of its new drawing
        that its old one lacks) to the buckets of its old drawing, which hold the parts both share.

        Its buckets then hold every segment's (what arrows_in needs), and may also hold some that
        only its old drawing reached: such a bucket costs a repaint meeting it one arrow more to
        look at, until the arrow is indexed afresh (rerouted whole). Walking every segment of each
        rerouted arrow again was ~35 us an arrow, ~60 a move on the 5,000-card spanning board.
        """
        link_id = geometry.id
        arrow = self._arrows.get(link_id)
        if arrow is None or arrow.buckets is None or arrow.geometry is not geometry:
            return  # rerouted again since (in the same relayout): it waits to be indexed afresh
        held = set(arrow.buckets)
        added: set[tuple[int, int]] = set()
        for x, y, w, h in boxes:  # each box holds PAD (> the index's 2-px margin) round its part
            i0, i1 = floor(x / BUCKET), floor((x + w) / BUCKET)
            j0, j1 = floor(y / BUCKET), floor((y + h) / BUCKET)
            if i0 == i1 and j0 == j1:
                if (i0, j0) not in held:
                    added.add((i0, j0))
            else:
                added.update(key for key in product(range(i0, i1 + 1), range(j0, j1 + 1)) if key not in held)
        if added:
            grid, keys = self._grid, self._keys
            for key in added:
                grid.setdefault(key, set()).add(link_id)
            arrow.buckets = (*arrow.buckets, *[keys.setdefault(key, key) for key in added])
        self._unindexed.discard(link_id)
        self._fresh.discard(link_id)

    def _repaint_moved(self, old: LinkGeometry, new: LinkGeometry, tight: bool = True) -> None:
        """Repaint a rerouted arrow's old and new places (``tight``: round what it draws, else its bounds)."""
        # One box when they meet (a rerouted arrow mostly stays where it was), so a move asks
        # Qt for half as many repaints.
        if tight:
            # The old drawing's box was mostly worked out when it was new (its last reroute):
            # kept per arrow with the geometry it is of (~20 us an arrow of one curve, ~100 a
            # move on the 5,000-card local board, each box worked out twice before).
            kept = self._drawn_boxes.get(old.id)
            was = kept[1] if kept is not None and kept[0] is old else _drawn_box(old)
            now = _drawn_box(new)
            self._drawn_boxes[new.id] = (new, now)
        else:
            was, now = old.bounds, new.bounds
        ox, oy, ow, oh = was
        nx, ny, nw, nh = now
        if ox <= nx + nw and nx <= ox + ow and oy <= ny + nh and ny <= oy + oh:
            left, top = min(ox, nx), min(oy, ny)
            self._repaint_box((left, top, max(ox + ow, nx + nw) - left, max(oy + oh, ny + nh) - top))
        else:
            self._repaint_box(was)
            self._repaint_box(now)

    def hide_stale(self, link_ids: Iterable[str]) -> None:
        """Stop drawing these arrows until set_arrow hands their new routes: theirs went stale
        (a lane moved under them) and the layout routes them again when they are about to show.
        Their old drawings are repainted away; they stay in the grid where they were."""
        arrows, stale = self._arrows, self._stale
        for link_id in link_ids:
            arrow = arrows.get(link_id)
            if arrow is not None and link_id not in stale:
                stale.add(link_id)
                self._rerouted += 1  # as good as rerouted: its old place is repainted (changing())
                self._repaint_box(arrow.geometry.bounds)

    def hidden(self, link_id: str) -> bool:
        """Whether the arrow is left undrawn, waiting for its new route (hide_stale)."""
        return link_id in self._stale

    def remove_arrow(self, link_id: str) -> None:
        """Stop drawing an arrow (its link is gone)."""
        self._stale.discard(link_id)
        old = self._arrows.pop(link_id, None)
        self._drawn_boxes.pop(link_id, None)
        self._own.discard(link_id)
        self._unindexed.discard(link_id)
        self._fresh.discard(link_id)
        if old is not None:
            self._unindex(link_id, old)

    def drawn(self, link_id: str) -> LinkGeometry | None:
        """The geometry this layer has for an arrow (None: none)."""
        arrow = self._arrows.get(link_id)
        return arrow.geometry if arrow is not None else None

    def set_own(self, link_id: str, own: bool) -> None:
        """Whether the arrow's own item draws it (the layer then leaves it out)."""
        if own == (link_id in self._own):
            return
        if own:
            self._own.add(link_id)
        else:
            self._own.discard(link_id)
        arrow = self._arrows.get(link_id)
        if arrow is not None:
            self._repaint_box(arrow.geometry.bounds)

    def set_opacity_of(self, link_id: str, opacity: float) -> None:
        """Draw an arrow faded (the impact view and the spotlight dim what they do not show)."""
        arrow = self._arrows.get(link_id)
        if arrow is not None and arrow.opacity != opacity:
            arrow.opacity = opacity
            self._repaint_box(arrow.geometry.bounds)

    def _unindex(self, link_id: str, arrow: _Arrow) -> None:
        self._unindexed.discard(link_id)
        for key in arrow.buckets or ():
            bucket = self._grid.get(key)
            if bucket is not None:
                bucket.discard(link_id)
                if not bucket:
                    del self._grid[key]
        self._repaint_box(arrow.geometry.bounds)

    @contextmanager
    def changing(self) -> Iterator[None]:
        """Gather the repaints of many arrow changes (one relayout) and ask for them once at the end.

        Within another ``changing`` (arrows routed while an edit is applied), the outer one gathers them.
        """
        if self._pending is not None:
            yield
            return
        self._pending = []
        self._rerouted = 0
        self._to_compare = []
        self._to_move = []
        try:
            yield
        finally:
            # Hundreds rerouted (a lane moved) repaint much of the view anyway: not compared,
            # and boxed by their bounds.
            refine = self._rerouted <= REFINED_PER_RELAYOUT
            for old, new, indexed in self._to_compare:
                if refine:
                    self._repaint_changed(old, new, indexed)
                else:
                    self._repaint_moved(old, new, tight=False)
            for old, new in self._to_move:
                self._repaint_moved(old, new, tight=refine)
            self._to_compare = []
            self._to_move = []
            pending, self._pending = self._pending, None
            self._update_shown(pending)

    def _repaint_box(self, bounds: tuple[float, float, float, float]) -> None:
        if self._pending is not None:
            self._pending.append(bounds)
        else:
            self._update_shown([bounds])

    def _update_shown(self, bounds: list[tuple[float, float, float, float]]) -> None:
        # Only the part a view shows: Qt draws the exposed rects of a cached item into a
        # pixmap of their whole size (4,000 x 21,000 px for an arrow routed round a
        # 5,000-card board), though its cache holds the viewport only. What scrolls into
        # view later is drawn then. (The tiles are kept beyond the view: they hear of every box.)
        if self.tiles is not None and bounds:
            self.tiles.forget(bounds)
        if self.resting or not bounds:
            return
        scene = self.scene()
        if scene is None:
            return
        # One box per view round the parts it shows: Qt unites one item's update rects into
        # their bounding box anyway (for the view's repaint and for the layer's cache, whose
        # paint() draws the arrows of that box), and a move's ~100 rects, each made into a
        # region, cost more than the union they end in.
        # Measured in session 8 (5,000-card boards, the bench's move): asking for each merged
        # rect apart, the cache's repaint is clipped to their region, but the arrows crossing
        # the rects are all those of the box (local 201 of 201, spanning 525 of 525): what
        # changes is the S-curves between neighbouring lanes, which run down the gaps beside
        # both cells the whole height of the view, and every gutter run of those gaps crosses
        # them. Stroking those arrows is ~36 % (local) and ~52 % (spanning) of a move's
        # instructions; a view region of rects also needs the scene's dirty items processed
        # per rect, which paints at once.
        for view in scene.views():
            seen = view.mapToScene(view.viewport().rect()).boundingRect().adjusted(-4, -4, 4, 4)
            # PySide6's stub types getCoords() as object; it is the rect's (left, top, right, bottom).
            x1, y1, x2, y2 = cast("tuple[float, float, float, float]", seen.getCoords())
            left = top = float("inf")
            right = bottom = float("-inf")
            for x, y, w, h in bounds:  # each box 2 px wider (the pen), clipped to the view
                part_left, part_top = max(x - 2, x1), max(y - 2, y1)
                part_right, part_bottom = min(x + w + 2, x2), min(y + h + 2, y2)
                if part_left < part_right and part_top < part_bottom:
                    left, top = min(left, part_left), min(top, part_top)
                    right, bottom = max(right, part_right), max(bottom, part_bottom)
            if left < right:
                self.update(left, top, right - left, bottom - top)

    # ------------------------------------------------------------ drawing
    def arrows_in(self, rect: QRectF) -> set[str]:
        """Ids of the arrows this layer draws that may cross ``rect`` (scene coordinates)."""
        left, top, right, bottom = rect.left(), rect.top(), rect.right(), rect.bottom()
        if self._unindexed:
            # Only the waiting arrows whose box meets the rect: the others could not be kept
            # below anyway (an arrow is kept by its current box), so they may go on waiting.
            # Opening a 5,000-card board, the first paint indexed all ~6,000 (~0.4 s, most off screen).
            arrows = self._arrows
            clear = self._clear
            if clear is not None and clear[0] <= left and clear[1] <= top and right <= clear[2] \
                    and bottom <= clear[3]:
                waiting = self._fresh & self._unindexed
            else:
                waiting = self._unindexed
                self._clear = (left, top, right, bottom)
            self.looked_at = len(waiting)
            due = set()
            for link_id in waiting:
                x, y, w, h = arrows[link_id].geometry.bounds
                if x <= right and y <= bottom and x + w >= left and y + h >= top:
                    due.add(link_id)
            # Those left waiting may still meet the clear rect where it reaches past this one.
            self._fresh = waiting - due if waiting is not self._unindexed else set()
            self._index(due)
        near: set[str] = set()
        grid = self._grid
        for key in _buckets_of(left, top, right, bottom):
            bucket = grid.get(key)
            if bucket:
                near |= bucket
        if self._own:
            near -= self._own
        if self._stale:
            near -= self._stale
        arrows = self._arrows
        found = set()
        for link_id in near:  # a bucket reaches past the rect: keep the arrows whose box meets it
            x, y, w, h = arrows[link_id].geometry.bounds
            if x <= right and y <= bottom and x + w >= left and y + h >= top:
                found.add(link_id)
        return found

    @property
    def waiting(self) -> int:
        """How many arrows wait to be put in the grid (see arrows_in)."""
        return len(self._unindexed)

    def index_some(self, count: int) -> int:
        """Put up to ``count`` waiting arrows in the grid (while nothing else is to be done); how many still wait."""
        # From a list, not the first ids of the set: those walked past every slot emptied before
        # (quadratic at 20,000 cards).
        queue, waiting = self._index_queue, self._unindexed
        if not queue:
            queue.extend(waiting)
        chosen: set[str] = set()
        while queue and len(chosen) < count:
            link_id = queue.pop()
            if link_id in waiting:
                chosen.add(link_id)
        self._index(chosen)
        return len(waiting)

    def _index(self, link_ids: set[str]) -> None:
        grid, keys = self._grid, self._keys
        for link_id in link_ids:
            arrow = self._arrows[link_id]
            geometry = arrow.geometry
            span = _bounds_span(geometry) if len(geometry.curve) <= 2 else None
            if span is not None:
                if span == arrow.span and arrow.buckets is not None:
                    continue  # rerouted within the same buckets (most arrows a move reroutes)
                i0, i1, j0, j1 = span
                buckets = {(i, j) for i in range(i0, i1 + 1) for j in range(j0, j1 + 1)}
            else:
                buckets = _segment_buckets(geometry)
            arrow.span = span
            if arrow.buckets:
                old = set(arrow.buckets)
                for key in old - buckets:
                    bucket = grid.get(key)
                    if bucket is not None:
                        bucket.discard(link_id)
                        if not bucket:
                            del grid[key]
                buckets_new = buckets - old
            else:
                buckets_new = buckets
            for key in buckets_new:
                grid.setdefault(key, set()).add(link_id)
            arrow.buckets = tuple([keys.setdefault(key, key) for key in buckets])
        self._unindexed -= link_ids

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        exposed = option.exposedRect
        projection = is_projection(widget, self)
        theme = "light" if projection else theme_of(self)
        tiles = self.tiles
        # Only into Qt's cache (one view): uncached, the arrows are drawn over the board itself.
        if tiles is not None and self.cacheMode() == QGraphicsItem.CacheMode.DeviceCoordinateCache \
                and tiles.paint(painter, QRectF(exposed), projection, theme):
            self.painted = 0
            return
        rect = QRectF(exposed) if not exposed.isEmpty() else QRectF(self._rect)
        # Qt asks for the whole item when it draws its cache pixmap afresh (after a zoom),
        # though the pixmap is only the viewport's size: gather what the device can show.
        device = painter.device()
        inverse, invertible = painter.worldTransform().inverted()
        if device is not None and invertible:
            rect &= inverse.mapRect(QRectF(0, 0, device.width(), device.height())).adjusted(-2, -2, 2, 2)
        if painter.hasClipping():
            rect &= painter.clipBoundingRect().adjusted(-2, -2, 2, 2)
        self.painted = self.draw_area(painter, rect, projection, theme)

    def draw_area(self, painter: QPainter, rect: QRectF, projection: bool, theme: str) -> int:
        """Draw the arrows that may cross ``rect`` (scene px) in the look asked; how many."""
        batch = PathBatch()
        arrows = self._arrows
        ids = self.arrows_in(rect)
        unbatched = []
        batched = []
        # In one order whatever the rect (a set's order depends on its other members): where two arrows
        # cross, the second is blended over the first the same way in a tile, a strip or the whole view.
        for link_id in sorted(ids):
            arrow = arrows[link_id]
            kept = arrow.looks
            if projection in kept:
                looks = kept[projection]
            else:
                prims = arrow.geometry.primitives
                looks = kept[projection] = path_looks(projected(prims) if projection else prims)
            if looks:
                batched.append((looks, arrow.opacity))
            elif looks is None:  # not made of paths alone: drawn on its own
                unbatched.append(arrow)
        batch.add_all(batched)
        batch.draw(painter, theme=theme)
        base = painter.opacity()
        for arrow in unbatched:
            painter.setOpacity(base * arrow.opacity)
            prims = arrow.geometry.primitives
            draw_primitives(painter, projected(prims) if projection else prims, theme=theme)
        painter.setOpacity(base)
        return len(ids)


def _buckets_of(x0: float, y0: float, x1: float, y1: float) -> Iterator[tuple[int, int]]:
    for i in range(floor(x0 / BUCKET), floor(x1 / BUCKET) + 1):
        for j in range(floor(y0 / BUCKET), floor(y1 / BUCKET) + 1):
            yield i, j


Box4 = tuple[float, float, float, float]
REFINED_PER_RELAYOUT = 200  # a relayout rerouting more arrows compares none part by part, boxes them by their bounds
PAD = 4.0  # round a changed part: the pen (2 px in the projection look), antialiasing, the joint to the next part


def _changed_boxes(old: tuple[Primitive, ...], new: tuple[Primitive, ...]) -> list[Box4] | None:
    """Boxes (x, y, w, h) round the parts of an arrow's drawing that differ between ``old`` and ``new``;
    None when the two cannot be compared part by part (then both are repainted whole).

    An arrow routed through a channel spans the board; when one of its cards moves, only its
    run beside that card changes. Repainting its whole box made the layer draw every arrow of
    the view again (~1,700 on the spanning board, ~35 ms). A line segment, a corner or a
    curve is drawn the same wherever it is met again with the same points (a 1-px cosmetic
    pen strokes each segment on its own; a wider pen's outline is local), so the segments
    both drawings share are left alone; of a straight run along one line whose end moved
    (a gutter's vertical run to a card), only the stretch that one drawing has and the other
    lacks. Filled shapes (arrowheads) and dashed lines (whose dashes start at the path's
    start) are repainted whole where they changed.
    """
    if len(old) != len(new):
        return None
    boxes: list[tuple[float, float, float, float]] = []  # x0, y0, x1, y1
    runs: dict[tuple[bool, float], tuple[list[tuple[float, float]], list[tuple[float, float]]]] = {}
    for was, now in zip(old, new, strict=True):
        if was == now:
            continue
        if not isinstance(was, Path) or not isinstance(now, Path) \
                or (was.stroke, was.width, was.dash, was.fill, was.round) != (now.stroke, now.width, now.dash,
                                                                          now.fill, now.round):
            return None
        if was.fill is not None or was.dash is not None:
            boxes += [_points_box(was.commands), _points_box(now.commands)]
            continue
        # The commands both start with and end with are drawn the same, but for the first of
        # the common end: it starts where the last changed command ends.
        a, b = was.commands, now.commands
        shortest = min(len(a), len(b))
        same_start = 0
        while same_start < shortest and a[same_start] == b[same_start]:
            same_start += 1
        same_end = 0
        while same_end < shortest - same_start and a[-1 - same_end] == b[-1 - same_end]:
            same_end += 1
        if same_start + same_end < 3:  # next to nothing in common (its channel moved): whole
            return None
        for side, commands in ((0, a), (1, b)):
            # Each drawn segment of the commands that differ (from the point the command before
            # ends), written out flat: ~80 arrows a move on the 5,000-card spanning board.
            first = max(same_start, 1)
            before = commands[first - 1]
            for index in range(first, min(len(commands) - same_end, len(commands) - 1) + 1):
                command = commands[index]
                if len(command) < 3 or len(before) < 3:
                    return None  # Z: its segment runs back to a start this does not follow
                letter = command[0]
                if letter != "M":
                    x0, y0, x1, y1 = before[-2], before[-1], command[-2], command[-1]
                    if letter == "L" and (x0 == x1 or y0 == y1):
                        if x0 == x1:
                            key = (True, x0)
                            run = (y0, y1) if y0 <= y1 else (y1, y0)  # type: ignore[operator]
                        else:
                            key = (False, y0)
                            run = (x0, x1) if x0 <= x1 else (x1, x0)  # type: ignore[operator]
                        entry = runs.get(key)  # type: ignore[arg-type]
                        if entry is None:
                            entry = runs[key] = ([], [])  # type: ignore[index]
                        entry[side].append(run)  # type: ignore[arg-type]
                    else:
                        xs, ys = (x0, *command[1::2]), (y0, *command[2::2])
                        boxes.append((min(xs), min(ys), max(xs), max(ys)))  # type: ignore[type-var, arg-type]
                before = command
    for (vertical, at), (was_runs, now_runs) in runs.items():
        for lo, hi in _differing_stretches(was_runs, now_runs):
            boxes.append((at, lo, at, hi) if vertical else (lo, at, hi, at))
    return [(x0 - PAD, y0 - PAD, x1 - x0 + 2 * PAD, y1 - y0 + 2 * PAD) for x0, y0, x1, y1 in boxes]


def _drawn_box(geometry: LinkGeometry) -> Box4:
    """The box (x, y, w, h) round what an arrow draws: for an arrow of one curve, round the curve
    itself and its heads, not its control points; for the others, its bounds.

    An arrow between two columns runs down the 32-px gap between them as an S from one card's
    side to the other's, its control points 90 px either side: its bounds are 172 px wide, its
    drawing ~40. A move on the 5,000-card local board repaints ~100 of them, and their bounds
    widened the repaint box round three gaps by ~2 x 70 px (the box's arrows are stroked again).
    """
    curve = geometry.curve
    if len(curve) != 2 or curve[1][0] != "C" or len(curve[0]) != 3 or len(curve[1]) != 7:
        return geometry.bounds
    _, x0, y0 = curve[0]
    _, x1, y1, x2, y2, x3, y3 = curve[1]
    left, right = _cubic_extent(x0, x1, x2, x3)  # type: ignore[arg-type]
    top, bottom = _cubic_extent(y0, y1, y2, y3)  # type: ignore[arg-type]
    for prim in geometry.primitives[1:]:  # the heads: a triangle's three points (M, L, L, Z), compared in place
        for command in getattr(prim, "commands", None) or ():
            for k in range(1, len(command) - 1, 2):
                x, y = command[k], command[k + 1]
                if x < left:
                    left = x
                if x > right:
                    right = x
                if y < top:
                    top = y
                if y > bottom:
                    bottom = y
    return left - PAD, top - PAD, right - left + 2 * PAD, bottom - top + 2 * PAD


def _cubic_extent(p0: float, p1: float, p2: float, p3: float) -> tuple[float, float]:
    """The least and greatest value a cubic Bézier coordinate takes for t in [0, 1] (its
    derivative's roots; within a rounding error, which PAD covers).

    Written out (no min/max calls, no list of roots): two per rerouted arrow of one curve,
    ~100 arrows a move on the 5,000-card local board.
    """
    low, high = (p0, p3) if p0 <= p3 else (p3, p0)
    if low <= p1 <= high and low <= p2 <= high:
        return low, high  # the curve stays within its ends' span
    a = -p0 + 3 * p1 - 3 * p2 + p3
    b = 2 * (p0 - 2 * p1 + p2)
    c = p1 - p0
    if abs(a) < 1e-12:
        if abs(b) <= 1e-12:
            return low, high
        roots: tuple[float, ...] = (-c / b,)
    else:
        disc = b * b - 4 * a * c
        if disc < 0:
            return low, high
        root = sqrt(disc)
        roots = ((-b + root) / (2 * a), (-b - root) / (2 * a))
    for t in roots:
        if 0 < t < 1:
            u = 1 - t
            value = u * u * u * p0 + 3 * u * u * t * p1 + 3 * u * t * t * p2 + t * t * t * p3
            if value < low:
                low = value
            if value > high:
                high = value
    return low, high


def _points_box(commands: tuple[PathCommand, ...]) -> tuple[float, float, float, float]:
    xs = [c for command in commands for c in command[1::2]]
    ys = [c for command in commands for c in command[2::2]]
    return min(xs), min(ys), max(xs), max(ys)  # type: ignore[type-var, return-value]


def _differing_stretches(was: list[tuple[float, float]], now: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """The stretches of one line that the runs ``was`` cover and ``now`` do not, or the other way round."""
    if len(was) == 1 and len(now) == 1:  # most often (a gutter run whose end moved): worked out directly
        return _differing_runs(was[0], now[0])
    cuts = sorted({end for run in (*was, *now) for end in run})
    found: list[tuple[float, float]] = []
    for lo, hi in pairwise(cuts):
        middle = (lo + hi) / 2
        if any(a <= middle <= b for a, b in was) != any(a <= middle <= b for a, b in now):
            if found and found[-1][1] == lo:
                found[-1] = (found[-1][0], hi)
            else:
                found.append((lo, hi))
    if not found and cuts:  # the same stretches, made of other segments: their joints differ
        found = [(cuts[0], cuts[-1])]
    return found


def _differing_runs(was: tuple[float, float], now: tuple[float, float]) -> list[tuple[float, float]]:
    """``_differing_stretches`` of one run on each side (each run low end first): the same answer, without
    cutting the line at every end (a move on the 5,000-card spanning board compares ~80 such runs)."""
    (a, b), (c, d) = was, now
    pieces: list[tuple[float, float]] = []
    if b <= c or d <= a:  # apart or touching: each run whole (a run of no length adds nothing)
        for run in ((was, now) if a <= c else (now, was)):
            if run[0] < run[1]:
                if pieces and pieces[-1][1] == run[0]:
                    pieces[-1] = (pieces[-1][0], run[1])
                else:
                    pieces.append(run)
    else:  # overlapping: what lies before the common stretch and what lies after it
        if a != c:
            pieces.append((a, c) if a < c else (c, a))
        if b != d:
            after = (b, d) if b < d else (d, b)
            if pieces and pieces[-1][1] == after[0]:  # a run of no length inside the other: one stretch
                pieces[-1] = (pieces[-1][0], after[1])
            else:
                pieces.append(after)
    if not pieces:  # the same stretch, made of other segments: their joints differ
        return [(min(a, c), max(b, d))]
    return pieces


def _bounds_span(geometry: LinkGeometry) -> tuple[int, int, int, int]:
    """The buckets of an arrow's bounds: first and last column, first and last row.

    For an arrow of one curve (and its heads) its segments' boxes fill its bounds, which
    already hold the pen and the heads: read from the bounds, its buckets are a superset of
    its segments' (arrows_in keeps only the arrows whose bounds meet the rect), for a few
    operations instead of a walk over its commands.
    """
    x, y, w, h = geometry.bounds
    return floor(x / BUCKET), floor((x + w) / BUCKET), floor(y / BUCKET), floor((y + h) / BUCKET)


def _segment_buckets(geometry: LinkGeometry) -> set[tuple[int, int]]:
    """The buckets an arrow's drawing touches: each segment's box (a curve's: its control points'), 2 px wider.

    Written out flat (no lists or generators per segment, a line's box from its two ends, the
    buckets of a long one by itertools.product): a move at 5,000 cards indexes ~60 rerouted
    routed arrows again (spanning board), and this was ~100 us an arrow (now ~60).
    """
    keys: set[tuple[int, int]] = set()
    add = keys.add
    margin = 2.0  # the pen and antialiasing
    for prim in geometry.primitives:
        lx: float | None = None
        ly = 0.0
        for command in getattr(prim, "commands", ()):
            n = len(command)
            if n < 3:
                continue  # Z: its segment runs back to the start, inside the boxes already taken
            x: float = command[n - 2]
            y: float = command[n - 1]
            if n == 3:  # M or L: the line from the point before
                if lx is None or command[0] == "M":
                    x0 = x1 = x
                    y0 = y1 = y
                else:
                    x0, x1 = (lx, x) if lx < x else (x, lx)
                    y0, y1 = (ly, y) if ly < y else (y, ly)
            else:  # a curve: its control points and the point before
                xs: tuple[float, ...] = command[1::2]
                ys: tuple[float, ...] = command[2::2]
                x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
                if lx is not None and command[0] != "M":
                    x0, x1 = min(x0, lx), max(x1, lx)
                    y0, y1 = min(y0, ly), max(y1, ly)
            i0, i1 = floor((x0 - margin) / BUCKET), floor((x1 + margin) / BUCKET)
            j0, j1 = floor((y0 - margin) / BUCKET), floor((y1 + margin) / BUCKET)
            if i0 == i1 and j0 == j1:
                add((i0, j0))
            else:
                keys.update(product(range(i0, i1 + 1), range(j0, j1 + 1)))
            lx, ly = x, y
    return keys
