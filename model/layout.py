"""One layout for three renderers: every position, wrapped line and arrow of a board.

The canvas, the SVG exporter and the PDF exporter all draw a ``Layout`` and decide
nothing themselves. Layout is Qt-free and measures text with the bundled font's
metrics (model.fonts). It is incremental: an edit to one card measures that card again,
restacks its cell and, only if its lane's height changes, shifts the lanes below.
"""

from __future__ import annotations

import itertools
from array import array
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import field, replace

from model import emotion_curve as emo
from model import events as ev
from model import style as st
from model.board_words import ENGLISH, board_word
from model.bulk import collector_paused
from model.cardshape import CardShape, card_signature, measure_card, persona_initials
from model.channel_icons import KIND_ICONS
from model.document import Document
from model.entities import BLUEPRINT_KINDS, LANE_KIND_LABELS, Card, Lane, Link, Stage
from model.events import Cell
from model.headers import lane_header_primitives, lane_name_width, stage_header_primitives
from model.legend import LegendContent, legend
from model.links import Channel, LinkGeometry, Segment, label_size, line_pieces, link_geometry
from model.metrics_row import CHART_H, charted_metrics, metric_chart, metric_tiles, metrics_height
from model.persona_header import persona_row
from model.primitives import Box, Line, Primitive, Text, recoloured, translated
from model.quickinit import quick_init
from model.stage_numbers import HIDDEN_KINDS
from model.typesetting import text_block, text_primitives, text_width
from model.valueclass import value_class

# Lanes that describe the service from outside it: an arrow to one is no hand-off.
OFF_THE_SERVICE = frozenset({"note", "opportunity", "pain", "thought", "emotion"})

BLUEPRINT_LINES: dict[tuple[str, str], str] = {
    ("customer", "frontstage"): "Line of interaction",
    ("frontstage", "backstage"): "Line of visibility",
    ("backstage", "support"): "Line of internal interaction",
}


@quick_init
@value_class(frozen=True)
class Rect:
    """An axis-aligned rectangle."""

    x: float
    y: float
    w: float
    h: float

    def contains(self, x: float, y: float) -> bool:
        """Whether the point lies inside (edges included)."""
        return self.x <= x <= self.x + self.w and self.y <= y <= self.y + self.h


@value_class
class CardGeometry:
    """Where a card sits and what it looks like (primitives relative to its top-left)."""

    id: str
    x: float
    y: float
    shape: CardShape

    @property
    def w(self) -> float:
        """Width."""
        return self.shape.w

    @property
    def h(self) -> float:
        """Height."""
        return self.shape.h

    @property
    def rect(self) -> Rect:
        """Bounds on the board."""
        return Rect(self.x, self.y, self.shape.w, self.shape.h)

    @property
    def primitives(self) -> tuple[Primitive, ...]:
        """Drawing, relative to the card's top-left corner."""
        return self.shape.primitives

    @property
    def lines(self) -> tuple[str, ...]:
        """The card's text as wrapped."""
        return self.shape.lines


@value_class
class HeaderGeometry:
    """A stage or lane header: its box on the board and its drawing (board coordinates)."""

    id: str
    rect: Rect
    primitives: tuple[Primitive, ...]


@value_class
class BlueprintLine:
    """One of the three blueprint lines, derived from lane order."""

    name: str
    y: float
    upper_lane: str
    lower_lane: str


# How far from its two cards a link's label may go (a curve's reach, 90 px at most, and the
# label's offsets round it): the other arrows a label looks at are those within it.
LABEL_REACH = 100.0
# How far past its lane's edge a dragged emotion point still snaps to its scale (snap_marker_y): ~2.5 steps.
EMOTION_HOLD = 60.0
# A stage header's box (4 px in from its column's sides) and the row of metric tiles inside it.
HEADER_W = st.COLUMN_W - 8
TILES_W = HEADER_W - 2 * st.SPACE


@value_class
class LayoutDelta:
    """What changed in the last update, so that a renderer redraws only that."""

    full: bool = False
    grid: bool = False  # size, background, headers
    cards: set[str] = field(default_factory=set)  # moved or redrawn
    removed_cards: set[str] = field(default_factory=set)
    links: set[str] = field(default_factory=set)
    removed_links: set[str] = field(default_factory=set)
    # Arrows whose route went stale and now wait to be routed again (of ``links``): a lane moved
    # under them, none of their cards moved in its cell. A renderer stops drawing their old
    # route and has them routed as it is about to show them (``Layout.route_area``), the rest
    # in idle time; ``Layout.on_routed`` hears of each routed later.
    waiting: set[str] = field(default_factory=set)


# How far an arrow's drawing reaches past the box round its two cards (and its channel row):
# a curve's handles reach at most 90 px out of a card's side, an arrowhead 8 px more. The
# box of an arrow not routed yet (``Layout.route_area``) is grown by this; test_deferred_links
# checks every arrow's bounds against it.
ARROW_REACH = 100.0


class Layout:
    """The geometry of a whole board, kept up to date from document events via ``apply``."""

    def __init__(self, document: Document, *, legend: bool = False, theme: str = "light",
                 defer_links: bool = False, static: bool = False) -> None:
        """The layout of ``document``.

        ``defer_links``: every card is measured and placed, but the unlabelled arrows are
        routed only when asked: ``route_area`` (what a view is about to show, before the first
        paint), ``route_some`` (the rest, a chunk at a time after it), ``route_rest``. Reading
        ``links`` or ``primitives()`` routes whatever is left first, so the layout is never seen
        incomplete by anything that walks every arrow. An edit routes the waiting arrows whose
        cards it restacks and gives the others their new boxes; a lane that moves puts the
        arrows it carries back to waiting (``LayoutDelta.waiting``). Routing one arrow reads
        only the cards and lanes, never another arrow, so the arrows come out exactly as a
        layout routing them all at once, whenever they are routed.

        ``static``: a layout made for one export, neither edited nor shown: the links are not
        indexed for edits (``_file_link``) and a deferred arrow keeps no box for a view
        (``route_area`` routes them all). ~2-3 % of laying out a 5,000-card board. An edit
        (``apply``) lays it out afresh, indexed from then on.
        """
        if theme not in st.THEMES:
            raise ValueError(f"unknown theme {theme!r}; expected one of {', '.join(st.THEMES)}")
        self.document = document
        self.show_legend = legend  # a view setting: the legend is drawn under the board
        # The colours ``primitives()`` hands to exporters. The geometry is always built in
        # light colours; the canvas maps them itself when it paints (model.style.themed).
        self.theme = theme
        self.cards: dict[str, CardGeometry] = {}
        self._links: dict[str, LinkGeometry] = {}
        # Arrows not routed yet (``defer_links``), in file order: id -> where ``_reach`` keeps the
        # box their drawing stays inside (left, top, right, bottom, from their cards and channel
        # row; in one array: 4,000 tuples of four floats were ~0.9 MiB of a 5,000-card opening).
        self._unrouted: dict[str, int] = {}
        self._reach = array("d")
        self._defer_links = defer_links
        self._static = static
        # Told the ids of the waiting arrows each time some are routed (route_area, route_some,
        # route, route_rest, reading ``links``): a renderer holding their old drawings takes the new.
        self.on_routed: Callable[[list[str]], None] | None = None
        self.stage_headers: dict[str, HeaderGeometry] = {}
        self.lane_headers: dict[str, HeaderGeometry] = {}
        self.blueprint_lines: list[BlueprintLine] = []
        self.background: tuple[Primitive, ...] = ()
        self.width = 0.0
        self.height = 0.0
        self._shapes: dict[str, tuple[tuple[object, ...], CardShape]] = {}
        self._language = ENGLISH  # the board's, which the cached shapes are in (recompute)
        self._stage_x: dict[str, float] = {}
        self._lane_y: dict[str, float] = {}
        self._stage_pos: dict[str, int] = {}
        self._lane_order: list[str] = []
        self._lane_pos: dict[str, int] = {}
        self._lane_kind: dict[str, str] = {}
        self._has_visibility_line = False
        self._lane_h: dict[str, float] = {}
        self._lane_header_h: dict[str, float] = {}
        self._cell_h: dict[Cell, float] = {}
        # Which links an edit can reroute, kept from the document's events so that one move
        # looks at them, not at every card of the touched column or lane (``_index_link``).
        # stage -> links with both ends in it -> (source, target, upper lane's and lower lane's
        # positions): what a move asks of each (``_column_links_to_reroute``), without
        # looking the link and its cards up. Lanes reordered lay the board out afresh.
        self._column_links: dict[str, dict[str, tuple[str, str, int, int]]] = {}
        self._lane_links: dict[str, set[str]] = {}  # lane -> links with an end in it
        # lane -> links routed through a channel in its top padding (``_channel``), and back:
        # a lane moving reroutes them though neither end may have moved (the lanes between
        # can grow and shrink by the same amount).
        self._channel_links: dict[str, set[str]] = {}
        self._channel_of: dict[str, str] = {}
        self._labelled: set[str] = set()  # links with a label (most boards have few or none)
        # Arrows near labels in straight pieces, with the drawing they were cut from (``_pieces``); and,
        # while the labels are placed, the lines worked out for them, of arrows not kept (``_line_of``).
        self._line_pieces: dict[str, tuple[LinkGeometry, list[Segment]]] = {}
        self._lines_worked_out: dict[str, tuple[tuple[float, float, float, float], list[Segment]]] = {}
        # Links of one column drawn round a card between their ends (``_blocked`` was true when
        # they were last routed): a move reroutes a column link only if that answer changes.
        self._detoured: set[str] = set()
        self._grid_top = 0.0
        self._lanes_top = 0.0
        self._title_primitives: tuple[Primitive, ...] = ()
        self.title_rect = Rect(0.0, 0.0, 0.0, 0.0)  # the board title's lines (_build_title)
        self.persona_rects: dict[str, Rect] = {}  # each persona's card under the title, by id (_build_title)
        self._scales: dict[str, emo.EmotionScale] = {}
        self._spots: dict[str, emo.Spot] = {}
        self._labels: dict[str, tuple[tuple[object, ...], CardShape]] = {}
        self._charts: list[str] = []
        self._charts_top = 0.0
        self._legend: LegendContent | None = None
        self._legend_primitives: list[Primitive] = []
        self.legend_entries: list[tuple[float, float, float, float]] = []  # its heading, titles, entries (boxes)
        self._metrics_top = 0.0
        self._bottom = 0.0
        self.recompute()
        self._defer_links = False  # a later recompute (a new legend, a lane moved) routes every arrow

    # ------------------------------------------------------------ arrows routed later
    @property
    def links(self) -> dict[str, LinkGeometry]:
        """Every arrow's geometry (the ones a deferred layout has not routed yet are routed first)."""
        if self._unrouted:
            self.route_rest()
        return self._links

    @links.setter
    def links(self, links: dict[str, LinkGeometry]) -> None:
        self._links = links

    @property
    def unrouted(self) -> int:
        """How many arrows wait to be routed (``defer_links``)."""
        return len(self._unrouted)

    def routed_link(self, link_id: str) -> LinkGeometry | None:
        """The arrow's geometry if it has been routed (None while it waits: nothing is routed here)."""
        return self._links.get(link_id)

    def labelled_links(self) -> set[str]:
        """Ids of the links with a label (few on most boards; the set is the layout's: do not change it)."""
        return self._labelled

    def routed_links(self) -> Iterator[tuple[str, LinkGeometry]]:
        """(id, geometry) of the arrows routed so far; a deferred layout may not have all of them yet."""
        yield from self._links.items()

    def route_area(self, left: float, top: float, right: float, bottom: float) -> list[str]:
        """Route the waiting arrows whose drawing may reach the rect; their ids.

        After it, no arrow still waiting can show in the rect (its box, ``ARROW_REACH`` round
        its cards, does not meet it).
        """
        if not self._unrouted:
            return []
        if self._static:  # no boxes kept: any of them may show
            return self.route_rest()
        reach = self._reach
        due = [link_id for link_id, i in self._unrouted.items()
               if reach[i] <= right and reach[i + 1] <= bottom and reach[i + 2] >= left and reach[i + 3] >= top]
        return self._route_waiting(due)

    def route_some(self, count: int) -> list[str]:
        """Route up to ``count`` waiting arrows, in file order; their ids."""
        return self._route_waiting(list(itertools.islice(self._unrouted, count)))

    def route(self, link_ids: Iterable[str]) -> list[str]:
        """Route those of ``link_ids`` that wait; their ids."""
        waiting = self._unrouted
        return self._route_waiting([link_id for link_id in link_ids if link_id in waiting])

    def route_rest(self) -> list[str]:
        """Route every waiting arrow; their ids."""
        return self._route_waiting(list(self._unrouted))

    @collector_paused()
    def _route_waiting(self, link_ids: list[str]) -> list[str]:
        doc = self.document
        card, link_of = doc.card, doc.link
        for link_id in link_ids:
            link = link_of(link_id)
            self._route(link, card(link.source), card(link.target))  # takes it off ``_unrouted``
        if link_ids and self.on_routed is not None:
            self.on_routed(link_ids)
        return link_ids

    def _stop_waiting(self, link_id: str) -> None:
        """Take an arrow off the waiting ones (routed, or its link gone); the last one taken off ends
        the waiting (``_all_routed``)."""
        if self._unrouted.pop(link_id, None) is not None and not self._unrouted:
            self._all_routed()

    def _all_routed(self) -> None:
        """The last waiting arrow is routed: the boxes go, and the arrows are put in the order a
        layout routing them at once has them (unlabelled ones in file order, then the labelled
        ones), for whatever walks them in order."""
        self._reach = array("d")
        doc, links = self.document, self._links
        order = [link.id for link in doc.links() if not link.label]
        order += [link.id for link in doc.links() if link.label]
        self._links = {link_id: links[link_id] for link_id in order}

    def _link_ids(self) -> set[str]:
        """Ids of every arrow laid out, routed or waiting (without routing any)."""
        return set(self._links) | set(self._unrouted)

    def _wait_for_route(self, link: Link, a: Card, b: Card) -> None:
        """Keep ``link`` to be routed later, with the box its drawing will stay inside: its two
        cards' box, stretched to its channel row if it has one, grown by ARROW_REACH (left, top,
        right, bottom in ``_reach``). tests/test_deferred_links.py holds these boxes to an eager
        layout's."""
        self._keep_waiting(link.id, a.id, b.id)

    def _keep_waiting(self, link_id: str, source_id: str, target_id: str) -> None:
        """``_wait_for_route`` by ids."""
        ga, gb = self.cards[source_id], self.cards[target_id]
        left, right = min(ga.x, gb.x), max(ga.x + ga.shape.w, gb.x + gb.shape.w)
        top, bottom = min(ga.y, gb.y), max(ga.y + ga.shape.h, gb.y + gb.shape.h)
        channel_lane = self._channel_of.get(link_id)
        if channel_lane is not None:
            row = self._lane_y[channel_lane] + st.CELL_PAD_Y / 2
            top, bottom = min(top, row), max(bottom, row)
        reach, boxes = ARROW_REACH, self._reach
        self._unrouted[link_id] = len(boxes)
        boxes.extend((left - reach, top - reach, right + reach, bottom + reach))

    # ------------------------------------------------------------ queries
    def card_rect(self, card_id: str) -> Rect:
        """Bounds of a card on the board."""
        return self.cards[card_id].rect

    def cell_rect(self, stage_id: str, lane_id: str) -> Rect:
        """Bounds of a cell (stage column x lane band)."""
        return Rect(self._stage_x[stage_id], self._lane_y[lane_id], st.COLUMN_W, self._lane_h[lane_id])

    def stage_at(self, x: float) -> str | None:
        """The stage whose column holds board x, if any."""
        for stage_id, left in self._stage_x.items():
            if left <= x < left + st.COLUMN_W:
                return stage_id
        return None

    def lane_at(self, y: float) -> str | None:
        """The lane whose band holds board y, if any."""
        for lane_id, top in self._lane_y.items():
            if top <= y < top + self._lane_h[lane_id]:
                return lane_id
        return None

    def cell_at(self, x: float, y: float) -> Cell | None:
        """The (stage, lane) cell under a board point, if any."""
        stage_id, lane_id = self.stage_at(x), self.lane_at(y)
        if stage_id is None or lane_id is None:
            return None
        return stage_id, lane_id

    def insert_index(self, stage_id: str, lane_id: str, y: float, moving: str | None = None) -> int:
        """Where a card dropped at board y would go in a cell (``moving`` is left out)."""
        index = 0
        for card_id in self.document.cell_cards(stage_id, lane_id):
            if card_id == moving:
                continue
            geometry = self.cards[card_id]
            if y > geometry.y + geometry.h / 2:
                index += 1
        return index

    def emotion_score_at(self, lane_id: str, y: float) -> int | None:
        """The score a marker dragged to board y would get in an emotion lane (None for other lanes)."""
        scale = self._scales.get(lane_id)
        if scale is None:
            return None
        return scale.score_at(y - self._lane_y[lane_id])

    def chart_rows(self) -> list[tuple[str, float, float]]:
        """The metric charts' rows above the lanes: (metric name, board top, board bottom), top to bottom."""
        return [(name, self._charts_top + i * CHART_H, self._charts_top + (i + 1) * CHART_H)
                for i, name in enumerate(self._charts)]

    def score_lines(self, lane_id: str) -> list[tuple[int, float]]:
        """The board y of each step of an emotion lane's scale, highest score first (none for other lanes)."""
        scale = self._scales.get(lane_id)
        if scale is None:
            return []
        top = self._lane_y[lane_id]
        return [(score, round(top + scale.y(score)) + 0.5) for score in range(emo.HIGH, emo.LOW - 1, -1)]

    def marker_centre(self, card_id: str) -> tuple[float, float] | None:
        """Where an emotion card's marker sits on the board (None for cards of other lanes)."""
        card = self.document.card(card_id)
        if card.lane not in self._scales:
            return None
        geometry = self.cards[card_id]
        marker = geometry.shape.marker
        if marker is None:
            return None
        return geometry.x + marker[0], geometry.y + marker[1]

    def snap_marker_y(self, card_id: str, y: float) -> float | None:
        """The board y of the scale step nearest to ``y`` in an emotion card's lane (None for other cards)."""
        lane_id = self.document.card(card_id).lane
        scale = self._scales.get(lane_id)
        if scale is None:
            return None
        top = self._lane_y[lane_id]
        # Held a little past the lane's edges too: pulled up past +2 (90 px below the lane's top) it
        # stays at +2 instead of becoming a card of the lane above; farther, it moves freely (to another lane).
        if not top - EMOTION_HOLD <= y <= top + self._lane_h[lane_id] + EMOTION_HOLD:
            return None
        return top + scale.y(scale.score_at(y - top))

    def set_legend(self, shown: bool) -> LayoutDelta:
        """Show or hide the legend under the board."""
        self.show_legend = shown
        return self.recompute()

    def stage_insert_index(self, x: float) -> int:
        """Where a stage header dropped at board x would go."""
        centres = [left + st.COLUMN_W / 2 for left in self._stage_x.values()]
        return sum(1 for c in centres if x > c)

    def lane_insert_index(self, y: float) -> int:
        """Where a lane header dropped at board y would go."""
        centres = [top + self._lane_h[lid] / 2 for lid, top in self._lane_y.items()]
        return sum(1 for c in centres if y > c)

    @property
    def grid_rect(self) -> Rect:
        """The stage-and-lane area (headers included)."""
        return Rect(st.MARGIN, self._grid_top, self.width - 2 * st.MARGIN, self.height - st.MARGIN - self._grid_top)

    def primitives(self) -> Iterator[Primitive]:
        """Everything in paint order, in board coordinates (what exporters draw), in the layout's theme."""
        if self.theme == "light":
            yield from self._primitives()
            return
        theme = self.theme
        for primitive in self._primitives():
            yield recoloured(primitive, lambda colour: st.themed(colour, theme))

    def _primitives(self) -> Iterator[Primitive]:
        for group, offset in self.primitive_groups():
            if offset is None:
                yield from group
            else:
                dx, dy = offset
                for primitive in group:
                    yield translated(primitive, dx, dy)

    def primitive_groups(self) -> Iterator[tuple[Sequence[Primitive], tuple[float, float] | None]]:
        """``primitives`` in the light theme as groups, each with the offset that moves it onto the board
        (a card's drawing is relative to its corner) or None. A writer that adds the offset to the
        numbers it writes makes no moved copy of each primitive (~30,000 objects at 5,000 cards)."""
        if self._unrouted:
            self.route_rest()
        yield self.background, None
        for header in self.stage_headers.values():
            yield header.primitives, None
        for header in self.lane_headers.values():
            yield header.primitives, None
        for link in self._links.values():
            yield link.primitives, None
        for card in self.ordered_cards():
            yield card.primitives, (card.x, card.y)
        for link in self._links.values():
            yield link.label, None

    def groups_routing_none(self) -> list[tuple[Sequence[Primitive] | str, tuple[float, float] | None]]:
        """``primitive_groups`` without routing an arrow that waits (``defer_links``): each such arrow's
        drawing is its id in its place (and its label none: a labelled arrow never waits). For a
        writer that draws only some of the groups (exporters.halves' child draws the cards and
        routes none of the arrows, which the parent draws); ``route`` those it does draw."""
        if not self._unrouted:
            return list(self.primitive_groups())
        links = self._links
        doc = self.document
        # The order ``route_rest`` leaves them in: unlabelled arrows in file order, then the labelled ones.
        order = [link.id for link in doc.links() if not link.label] + [link.id for link in doc.links() if link.label]
        groups: list[tuple[Sequence[Primitive] | str, tuple[float, float] | None]] = [(self.background, None)]
        groups += [(header.primitives, None) for header in self.stage_headers.values()]
        groups += [(header.primitives, None) for header in self.lane_headers.values()]
        groups += [(links[link_id].primitives if link_id in links else link_id, None) for link_id in order]
        groups += [(card.primitives, (card.x, card.y)) for card in self.ordered_cards()]
        groups += [(links[link_id].label if link_id in links else (), None) for link_id in order]
        return groups

    def arrow_drawing(self, link_id: str) -> tuple[Primitive, ...]:
        """One arrow's drawing (its line and heads), routing it, and only it, if it waits."""
        if link_id in self._unrouted:
            self._route_waiting([link_id])
        return self._links[link_id].primitives

    def ordered_cards(self) -> Iterator[CardGeometry]:
        """Card geometries in document order."""
        for card in self.document.cards():
            yield self.cards[card.id]

    # ------------------------------------------------------------ building
    @collector_paused()
    def recompute(self) -> LayoutDelta:
        """Lay out the whole board again (cached card shapes are reused)."""
        doc = self.document
        if self._shapes or self._labels:  # a layout's first recompute has nothing cached to drop
            live = {card.id for card in doc.cards()}
            for stale in set(self._shapes) - live:
                del self._shapes[stale]
            for stale in set(self._labels) - live:
                del self._labels[stale]
        self._build_title()
        self._lane_kind = {lane.id: lane.kind for lane in doc.lanes}  # measuring cards asks it
        if doc.language != self._language:  # the cards' score chips are in the board's language
            self._language = doc.language
            self._shapes.clear()
        x = st.MARGIN + st.LANE_HEADER_W + st.GUTTER
        self._stage_x = {}
        self._stage_pos = {stage.id: i for i, stage in enumerate(doc.stages)}
        for stage in doc.stages:
            self._stage_x[stage.id] = x
            x += st.COLUMN_W
        self.width = max(x, st.MARGIN + st.LANE_HEADER_W + st.GUTTER + st.COLUMN_W) + st.MARGIN
        self._cell_h = {}
        self._scales = {}
        for (stage_id, lane_id), ids in doc.cells():
            self._cell_h[(stage_id, lane_id)] = self._stack_height(ids)
        self._lane_header_h = {lane.id: self._lane_header_height(lane.id) for lane in doc.lanes}
        self._lane_h = {lane.id: self._lane_height(lane.id) for lane in doc.lanes}
        self._place_grid()
        self.cards = {}
        for (stage_id, lane_id), ids in doc.cells():
            self._place_cell(stage_id, lane_id, ids, measured=True)
        if self._scales:  # the emotion curves run through the cards just placed
            self.background = self._background(self._bottom)
        self._links = {}
        self._line_pieces = {}
        self._unrouted = {}
        self._reach = array("d")
        self._detoured = set()
        self._column_links = {}
        self._lane_links = {}
        self._channel_links = {}
        self._channel_of = {}
        self._labelled = {link.id for link in doc.links() if link.label}
        card = doc.card
        if self._static and self._defer_links:  # nothing kept for edits or a view: the ids alone, in file order
            self._unrouted = {link.id: -1 for link in doc.links() if not link.label}
        elif self._static:
            route_now = self._route
            for link in doc.links():
                if not link.label:
                    route_now(link, card(link.source), card(link.target))
        else:
            route = self._wait_for_route if self._defer_links else self._route
            for link in doc.links():
                a, b = card(link.source), card(link.target)
                self._file_link(link.id, a, b)
                if not link.label:
                    route(link, a, b)
        self._place_labelled_links()  # never deferred: each label avoids the ones before it
        return LayoutDelta(full=True, grid=True, cards=set(self.cards), links=self._link_ids())

    def _index_link(self, link_id: str) -> None:
        """File a link under its ends' lanes, its channel's lane, and, when both ends share one, that stage."""
        doc = self.document
        link = doc.link(link_id)
        self._file_link(link_id, doc.card(link.source), doc.card(link.target))

    def _file_link(self, link_id: str, a: Card, b: Card) -> None:
        self._lane_links.setdefault(a.lane, set()).add(link_id)
        self._lane_links.setdefault(b.lane, set()).add(link_id)
        if a.stage == b.stage:
            la, lb = self._lane_pos[a.lane], self._lane_pos[b.lane]
            self._column_links.setdefault(a.stage, {})[link_id] = (a.id, b.id, min(la, lb), max(la, lb))
        else:
            channel_lane = self._channel_lane(a, b)
            if channel_lane is not None:
                self._channel_links.setdefault(channel_lane, set()).add(link_id)
                self._channel_of[link_id] = channel_lane

    def _unindex_link(self, link_id: str, stages: Iterable[str], lanes: Iterable[str]) -> None:
        for stage_id in stages:
            self._column_links.get(stage_id, {}).pop(link_id, None)
        for lane_id in lanes:
            self._lane_links.get(lane_id, set()).discard(link_id)
        channel_lane = self._channel_of.pop(link_id, None)
        if channel_lane is not None:
            self._channel_links[channel_lane].discard(link_id)

    def _reindex_links(self, event: object) -> None:
        """Keep the link index up to date with an event (before the event is laid out)."""
        doc = self.document
        if isinstance(event, ev.LinkAdded | ev.LinkChanged):
            if isinstance(event, ev.LinkAdded):
                self._index_link(event.link_id)
            if doc.link(event.link_id).label:
                self._labelled.add(event.link_id)
            else:
                self._labelled.discard(event.link_id)
        elif isinstance(event, ev.LinkRemoved):  # its cards are still there
            a, b = doc.card(event.source), doc.card(event.target)
            self._unindex_link(event.link_id, (a.stage,), (a.lane, b.lane))
            self._labelled.discard(event.link_id)
            self._detoured.discard(event.link_id)
        elif isinstance(event, ev.CardMoved) and event.old_cell != event.new_cell:
            for link in doc.links_of(event.card_id):
                self._unindex_link(link.id, (event.old_cell[0],), (event.old_cell[1],))
                self._index_link(link.id)  # the other end's lane and a shared stage again

    def apply(self, event: object) -> LayoutDelta:
        """Bring the layout up to date after one document event; return what changed.

        Arrows waiting to be routed (``defer_links``, or ``LayoutDelta.waiting`` of an earlier
        edit) go on waiting unless the edit moves one of their cards; those whose cards it moves
        are routed or, when only a lane moved under them, given their new boxes
        (``_apply_card_event``). Routing one reads the cards and lanes as they are when it is
        routed, so it comes out as a fresh layout has it whenever that is.
        """
        if self._static:  # made for an export, its links not indexed for edits: laid out afresh, indexed
            self._static = False
            return self._laid_out_afresh()
        return self._apply_event(event)

    def _apply_event(self, event: object) -> LayoutDelta:
        self._reindex_links(event)
        if isinstance(event, ev.CardChanged | ev.CardAdded | ev.CardRemoved | ev.CardMoved):
            return self._apply_card_event(event)
        if isinstance(event, ev.LinkAdded | ev.LinkChanged | ev.LinkRemoved) and self._legend_may_change(event) \
                and self._legend_content() != self._legend:
            return self._laid_out_afresh()  # the legend grows or shrinks: the board's height changes
        if isinstance(event, ev.LinkAdded | ev.LinkChanged):
            delta = LayoutDelta(links={event.link_id})
            old = self._links.get(event.link_id)
            link = self.document.link(event.link_id)
            if not link.label:
                self._place_link(event.link_id)
            # Labels avoid earlier labels and the arrows round them: place them all again, this one among them.
            if link.label or (old is not None and old.label) or self._labelled_links_near(
                    self._cells_of(link.source, link.target)):
                delta.links |= self._place_labelled_links()
            return delta
        if isinstance(event, ev.LinkRemoved):
            delta = LayoutDelta(removed_links={event.link_id})
            removed = self._links.pop(event.link_id, None)
            self._line_pieces.pop(event.link_id, None)
            self._stop_waiting(event.link_id)
            if (removed is not None and removed.label) or self._labelled_links_near(
                    self._cells_of(event.source, event.target)):
                delta.links |= self._place_labelled_links()
            return delta
        if isinstance(event, ev.StageChanged) and event.field == "notes":
            return LayoutDelta()  # stage notes are for the presenter only: nothing drawn changes
        return self._laid_out_afresh()

    def _laid_out_afresh(self) -> LayoutDelta:
        """``recompute``, its delta naming the cards and links that are gone."""
        before_cards, before_links = set(self.cards), self._link_ids()
        delta = self.recompute()
        delta.removed_cards = before_cards - set(self.cards)
        delta.removed_links = before_links - set(self._links)
        return delta

    def _apply_card_event(self, event: ev.CardChanged | ev.CardAdded | ev.CardRemoved | ev.CardMoved) -> LayoutDelta:
        doc = self.document
        delta = LayoutDelta()
        cells: set[Cell] = set()
        # The board y a card left in a cell (removed, or moved to another cell).
        vacated: dict[Cell, float] = {}
        # Each re-placed card's y before this edit, for the column links (_column_links_to_reroute).
        was: dict[str, float] = {}
        if isinstance(event, ev.CardChanged):
            card = doc.card(event.card_id)
            cells.add((card.stage, card.lane))
            delta.cards.add(event.card_id)
        elif isinstance(event, ev.CardAdded):
            cells.add(event.cell)
            delta.cards.add(event.card_id)
        elif isinstance(event, ev.CardRemoved):
            cells.add(event.cell)
            gone = self.cards.pop(event.card_id, None)
            if gone is not None:
                vacated[event.cell] = gone.y
            self._shapes.pop(event.card_id, None)
            delta.removed_cards.add(event.card_id)
        else:
            cells.update((event.old_cell, event.new_cell))
            delta.cards.add(event.card_id)
            if event.old_cell != event.new_cell and event.card_id in self.cards:
                vacated[event.old_cell] = self.cards[event.card_id].y
        lanes_to_check: set[str] = set()
        measured = set(cells)  # their shapes are brought up to date here, before anything is placed
        for stage_id, lane_id in cells:
            ids = doc.cell_cards(stage_id, lane_id)
            self._cell_h[(stage_id, lane_id)] = self._stack_height(ids)
            lanes_to_check.add(lane_id)
        grid_changed = False
        for lane_id in lanes_to_check:
            height = self._lane_height(lane_id)
            if height != self._lane_h[lane_id]:
                self._lane_h[lane_id] = height
                grid_changed = True
        emotion_lanes = {lane_id for lane_id in lanes_to_check if lane_id in self._scales}
        # The curve runs through every marker of the lane and the legend lists what the
        # board uses: both are redrawn with the background.
        if not grid_changed and self._legend_may_change(event) and self._legend_content() != self._legend:
            self._place_grid(background=False)
            delta.grid = True
        for lane_id in emotion_lanes:  # a new neutral line moves every card of the lane
            for stage in doc.stages:
                cells.add((stage.id, lane_id))
        placed: set[str] = set()  # cards stacked again in the touched cells
        shifted_cells: set[Cell] = set()
        lane_moved: set[str] = set()  # the links of the lanes that moved (ends or channel row)
        if grid_changed:
            old_y = dict(self._lane_y)
            # The background waits for the cards: drawn here, an emotion curve ran through the places the
            # cards had before the edit (a card moved into a scored cell met its neighbour at the same x,
            # and "curve points must have increasing x" stopped the edit halfway).
            self._place_grid(background=False)
            delta.grid = True
            shifted = {lane_id for lane_id, y in self._lane_y.items() if y != old_y.get(lane_id)}
            for (stage_id, lane_id), ids in doc.cells():
                if (stage_id, lane_id) in cells or (lane_id in shifted and lane_id in self._scales):
                    placed.update(self._place_cell(stage_id, lane_id, ids, (stage_id, lane_id) in measured, was))
                elif lane_id in shifted:  # nothing in it changed: the same stack, lower or higher
                    delta.cards.update(self._translate_cell(stage_id, lane_id, ids))
                    shifted_cells.add((stage_id, lane_id))
            # Every link with an end or its channel in a lane that moved, found in the index,
            # not card by card.
            for lane_id in shifted:
                lane_moved |= self._lane_links.get(lane_id, set())
                lane_moved |= self._channel_links.get(lane_id, set())
            delta.links |= lane_moved
        else:
            for stage_id, lane_id in cells:
                placed.update(self._place_cell(stage_id, lane_id, doc.cell_cards(stage_id, lane_id),
                                               (stage_id, lane_id) in measured, was))
        delta.cards |= placed
        of_placed: set[str] = set()
        for card_id in placed:
            for link in doc.links_of(card_id):
                of_placed.add(link.id)
        delta.links |= of_placed
        # A link within one column bends round the cards between its ends: it is routed
        # again when a card comes into or leaves the span between them (the index has the
        # column's links, so the column's other cards are not looked at).
        column = self._column_links_to_reroute(placed, was, vacated, delta.links)
        delta.links |= column
        if emotion_lanes or delta.grid:
            # After the cards are placed: the curves run through them.
            self.background = self._background(self._bottom)
            delta.grid = True
        # The links that a lane moving carried along, none of their cards restacked: a lane
        # growing moves every lane below it, and their arrows are most of a big board's
        # (~2,900 of a 5,000-card board's, ~100 ms to route). They wait with their new boxes,
        # routed as a view is about to show them or in idle time (``route_area``, ``route_some``).
        delta.waiting = lane_moved - of_placed - column - self._labelled
        self._wait_again(delta.waiting)
        for link_id in delta.links - delta.waiting:
            if not doc.link(link_id).label:
                self._place_link(link_id)
        # A label avoids the cards around its link and the labels placed before it, so
        # when anything near one label moves, all labels are placed again, in file order,
        # exactly as a fresh layout would place them.
        touched = cells | shifted_cells | {(doc.card(c).stage, doc.card(c).lane) for c in placed}
        if self._labelled_links_near(touched):
            delta.links |= self._place_labelled_links()
        return delta

    def _column_links_to_reroute(self, placed: set[str], was: dict[str, float], vacated: dict[Cell, float],
                                 rerouted: set[str]) -> set[str]:
        """The links within one column, their ends unmoved, whose detour (``_blocked``) changes.

        Such a link is drawn from its two end cards and whether a card of its column stands
        between them, nothing else (no channel: both ends share the column). That answer can
        only change where a card's y changed in a lane of the link's span, and only when the
        topmost of those ys (before or after the edit) lies above the link's lower end: a
        restacked cell changes the ys from its first moved card down. Those few are asked
        again, and routed again only when the answer differs from their last routing.
        """
        doc = self.document
        cards = self.cards
        topmost: dict[Cell, float] = dict(vacated)  # per cell: the topmost y that came, went or moved
        for card_id in placed:
            card = doc.card(card_id)
            cell = (card.stage, card.lane)
            y = min(cards[card_id].y, was.get(card_id, cards[card_id].y))
            if y < topmost.get(cell, y + 1):
                topmost[cell] = y
        lane_pos = self._lane_pos
        by_stage: dict[str, list[tuple[int, float]]] = {}
        for (stage_id, lane_id), y in topmost.items():
            if self._column_links.get(stage_id):
                by_stage.setdefault(stage_id, []).append((lane_pos[lane_id], y))
        found: set[str] = set()
        card_of, detoured = doc.card, self._detoured
        for stage_id, spots in by_stage.items():
            column = self._column_links[stage_id]
            for link_id, (source, target, l0, l1) in column.items():
                ya, yb = cards[source].y, cards[target].y
                bottom = ya if ya > yb else yb
                for pos, y in spots:
                    if l0 <= pos <= l1 and y < bottom:
                        if link_id not in rerouted \
                                and self._blocked(card_of(source), card_of(target)) != (link_id in detoured):
                            found.add(link_id)
                        break
        return found

    def _place_labelled_links(self) -> set[str]:
        """Place every labelled link in file order; each label avoids the ones before it, and the
        other arrows round it (``_lines_near``)."""
        placed_labels: list[Rect] = []
        ids = set()
        self._lines_worked_out = {}  # the cards stay where they are while the labels are placed
        for link in self.document.links():
            if not link.label:
                continue
            self._place_link(link.id, placed_labels)
            ids.add(link.id)
            for prim in self._links[link.id].label:
                if isinstance(prim, Box):
                    placed_labels.append(Rect(prim.x, prim.y, prim.w, prim.h))
        return ids

    def _lines_near(self, link: Link, a: Card, b: Card) -> list[Segment]:
        """Pieces of the other arrows a label of ``link`` should not sit on: those with both ends in the
        block of cells round its two cards (that of ``_cards_between``), where the label may go.

        Both ends in the block: such an arrow is drawn from what lies in the block alone, so whatever
        moves it touches the block, and the labels near are placed again (``_labelled_links_near``):
        an edited layout places each label as a fresh one does. Each line is worked out as it is now
        (not kept): an arrow may still wait to be routed, and a labelled one's line does not depend on
        where its label goes, nor on which labels were placed first.
        """
        doc = self.document
        block_stages, block_lanes = self._block(a, b)
        stages, lanes = {stage.id for stage in block_stages}, {lane.id for lane in block_lanes}
        # Where the label's places lie: along its curve (within a curve's reach of its two cards) or
        # beside it, or above or below the pair.
        w, h = label_size(link.label or "")
        ra, rb = self.cards[a.id].rect, self.cards[b.id].rect
        reach_x, reach_y = LABEL_REACH + w, LABEL_REACH + h
        left, top = min(ra.x, rb.x) - reach_x, min(ra.y, rb.y) - reach_y
        right, bottom = max(ra.x + ra.w, rb.x + rb.w) + reach_x, max(ra.y + ra.h, rb.y + rb.h) + reach_y
        pieces: list[Segment] = []
        seen = {link.id}
        for stage_id in stages:
            for lane_id in lanes:
                for card_id in doc.cell_cards(stage_id, lane_id):
                    for other in doc.links_of(card_id):
                        if other.id in seen:
                            continue
                        seen.add(other.id)
                        ends = doc.card(other.source), doc.card(other.target)
                        if all(end.stage in stages and end.lane in lanes for end in ends):
                            bounds, line = self._line_of(other, *ends)
                            x, y, gw, gh = bounds
                            if x <= right and y <= bottom and x + gw >= left and y + gh >= top:
                                pieces += line  # (the label's own look sorts them)
        return pieces

    def _line_of(self, link: Link, a: Card, b: Card) -> tuple[tuple[float, float, float, float], list[Segment]]:
        """The box and the straight pieces of ``link``'s line as the board is now."""
        geometry = self._links.get(link.id) if not link.label else None
        if geometry is not None:  # routed and kept: as it is now (an arrow whose route went stale is not kept)
            kept = self._line_pieces.get(link.id)
            if kept is None or kept[0] is not geometry:
                kept = self._line_pieces[link.id] = (geometry, line_pieces(geometry.curve))
            return geometry.bounds, kept[1]
        # Waiting, or labelled (placed before this one or after: its label does not move its line):
        # worked out once while the labels are placed.
        found = self._lines_worked_out.get(link.id)
        if found is None:
            line = self._geometry(replace(link, label=None), a, b)
            found = self._lines_worked_out[link.id] = (line.bounds, line_pieces(line.curve))
        return found

    def _cells_of(self, *card_ids: str) -> set[Cell]:
        """The cells of these cards."""
        card = self.document.card
        return {(card(card_id).stage, card(card_id).lane) for card_id in card_ids}

    def _labelled_links_near(self, cells: set[Cell]) -> set[str]:
        """Labelled links whose label placement looks at one of ``cells`` (the block of ``_cards_between``)."""
        if not self._labelled:
            return set()
        doc = self.document
        stage_pos, lane_pos = self._stage_pos, self._lane_pos
        spots = {(stage_pos[s], lane_pos[lane]) for s, lane in cells}
        found: set[str] = set()
        for link_id in self._labelled:
            link = doc.link(link_id)
            a, b = doc.card(link.source), doc.card(link.target)
            s0, s1 = sorted((stage_pos[a.stage], stage_pos[b.stage]))
            l0, l1 = sorted((lane_pos[a.lane], lane_pos[b.lane]))
            if any(s0 - 1 <= si <= s1 + 1 and l0 - 1 <= li <= l1 + 1 for si, li in spots):
                found.add(link.id)
        return found

    def _shape(self, card_id: str) -> CardShape:
        doc = self.document
        card = doc.card(card_id)
        kind = self._lane_kind[card.lane]
        initials = self._initials(card.persona)
        spot = self._spots.get(card_id) if kind == "emotion" else None
        signature = (*card_signature(card, kind), initials, spot)
        cached = self._shapes.get(card_id)
        if cached is not None and cached[0] == signature:
            return cached[1]
        if spot is not None:
            shape = emo.emotion_card_shape(card, spot, initials)
        else:
            shape = measure_card(card, kind, persona=initials, language=self._language)
        self._shapes[card_id] = (signature, shape)
        return shape

    def _initials(self, persona_id: str | None) -> str | None:
        if persona_id is None:
            return None
        return next((persona_initials(p.name) for p in self.document.personas if p.id == persona_id), None)

    def _stack_height(self, ids: Iterable[str]) -> float:
        ids = list(ids)
        if ids and self._lane_kind[self.document.card(ids[0]).lane] == "emotion":
            return 0.0  # an emotion lane's height comes from its scale (_emotion_scale)
        heights = [self._shape(card_id).h for card_id in ids]
        if not heights:
            return 0.0
        return sum(heights) + st.CARD_GAP * (len(heights) - 1)

    def _lane_height(self, lane_id: str) -> float:
        if self.document.lane(lane_id).kind == "emotion":
            return self._emotion_scale(lane_id).height
        tallest = max((self._cell_h.get((s.id, lane_id), 0.0) for s in self.document.stages), default=0.0)
        return max(st.MIN_LANE_H, tallest + 2 * st.CELL_PAD_Y, self._lane_header_h[lane_id])

    def _lane_header_height(self, lane_id: str) -> float:
        lane = self.document.lane(lane_id)
        _, height = text_block(lane.name, lane_name_width(st.LANE_HEADER_W, KIND_ICONS.get(lane.kind)),
                               st.LANE_SIZE, bold=True)
        return height + 52

    def _emotion_scale(self, lane_id: str) -> emo.EmotionScale:
        """The lane's spots and scale from its cards' scores and label heights."""
        doc = self.document
        spots: list[emo.Spot] = []
        for stage in doc.stages:
            ids = doc.cell_cards(stage.id, lane_id)
            if not ids:
                continue
            width = emo.label_width(len(ids))
            items = [(emo.score_of(doc.card(card_id)), self._label(card_id, width).h) for card_id in ids]
            for card_id, spot in zip(ids, emo.place_cell(items), strict=True):
                self._spots[card_id] = spot
                spots.append(spot)
        scale = emo.lane_scale(spots, max(st.MIN_LANE_H, self._lane_header_h.get(lane_id, 0.0)))
        self._scales[lane_id] = scale
        return scale

    def _label(self, card_id: str, width: float) -> CardShape:
        """An emotion card's label alone (cached), whose height placing the cell needs."""
        card = self.document.card(card_id)
        initials = self._initials(card.persona)
        signature = (*card_signature(card, "emotion"), initials, width)
        cached = self._labels.get(card_id)
        if cached is not None and cached[0] == signature:
            return cached[1]
        shape = emo.label_shape(card, width, initials)
        self._labels[card_id] = (signature, shape)
        return shape

    def _place_emotion_cell(self, stage_id: str, lane_id: str, ids: Iterable[str],
                            was: dict[str, float] | None = None) -> list[str]:
        """Cards of an emotion cell at their spots: markers at their scores, labels beside them."""
        scale = self._scales[lane_id]
        left = self._stage_x[stage_id] + st.CELL_PAD_X
        neutral = self._lane_y[lane_id] + scale.neutral
        placed = []
        for card_id in ids:
            spot = self._spots[card_id]
            shape = self._shape(card_id)
            x = left + spot.label_x
            y = neutral + min(spot.label_y, spot.marker_y - emo.MARKER_R)
            geometry = self.cards.get(card_id)
            if geometry is None or geometry.x != x or geometry.y != y or geometry.shape is not shape:
                if geometry is not None and was is not None:
                    was[card_id] = geometry.y
                self.cards[card_id] = CardGeometry(card_id, x, y, shape)
                placed.append(card_id)
        return placed

    def _place_cell(self, stage_id: str, lane_id: str, ids: Iterable[str], measured: bool = False,
                    was: dict[str, float] | None = None) -> list[str]:
        """Stack a cell's cards; return those whose geometry changed.

        ``measured``: every card's shape was just brought up to date (``_stack_height`` in
        ``recompute``), so the cache is read without checking each card's signature again.
        ``was`` collects the earlier y of each card whose geometry changed.
        """
        if lane_id in self._scales:
            return self._place_emotion_cell(stage_id, lane_id, ids, was)
        x = self._stage_x[stage_id] + st.CELL_PAD_X
        y = self._lane_y[lane_id] + st.CELL_PAD_Y
        placed = []
        shapes = self._shapes
        for card_id in ids:
            shape = shapes[card_id][1] if measured else self._shape(card_id)
            geometry = self.cards.get(card_id)
            if geometry is None or geometry.x != x or geometry.y != y or geometry.shape is not shape:
                if geometry is not None and was is not None:
                    was[card_id] = geometry.y
                self.cards[card_id] = CardGeometry(card_id, x, y, shape)
                placed.append(card_id)
            y += shape.h + st.CARD_GAP
        return placed

    def _translate_cell(self, stage_id: str, lane_id: str, ids: tuple[str, ...]) -> tuple[str, ...]:
        """A cell of a lane that moved: its cards keep their shapes and order, so they are
        stacked from the lane's new top as ``_place_cell`` would (the same sums, so the same
        numbers), each a few operations on its geometry in place, without measuring anything."""
        cards = self.cards
        x = self._stage_x[stage_id] + st.CELL_PAD_X
        y = self._lane_y[lane_id] + st.CELL_PAD_Y
        gap = st.CARD_GAP
        for card_id in ids:
            geometry = cards[card_id]
            geometry.x = x
            geometry.y = y
            y += geometry.shape.h + gap
        return ids

    def _wait_again(self, link_ids: Iterable[str]) -> None:
        """Drop these arrows' routes and have them wait, their boxes as their cards and channel rows are now."""
        links, link_of, keep_waiting = self._links, self.document.link, self._keep_waiting
        for link_id in link_ids:
            link = link_of(link_id)
            links.pop(link_id, None)
            keep_waiting(link_id, link.source, link.target)

    def _place_link(self, link_id: str, labels: list[Rect] | None = None) -> None:
        doc = self.document
        link = doc.link(link_id)
        self._route(link, doc.card(link.source), doc.card(link.target), labels)

    def _route(self, link: Link, a: Card, b: Card, labels: list[Rect] | None = None) -> None:
        """Route ``link`` between its cards ``a`` and ``b`` (labels: the ones placed before it)."""
        blocked = self._blocked(a, b)
        if blocked:
            self._detoured.add(link.id)
        elif self._detoured:
            self._detoured.discard(link.id)
        self._links[link.id] = self._geometry(link, a, b, labels, blocked=blocked)
        if self._unrouted:
            self._stop_waiting(link.id)

    def _geometry(self, link: Link, a: Card, b: Card, labels: list[Rect] | None = None,
                  blocked: bool | None = None) -> LinkGeometry:
        """``link``'s drawing between its cards ``a`` and ``b`` as the layout is now (``_route`` keeps it)."""
        source, target = self.cards[a.id].rect, self.cards[b.id].rect
        obstacles: list[Rect] = []
        avoid: list[Segment] = []
        cards: list[Rect] = []
        if link.label:
            cards = self._cards_between(a, b)
            obstacles = [_content_rect(rect) for rect in cards] + (labels or []) + self._line_strips()
            avoid = self._lines_near(link, a, b)
        answers = self._lane_kind[a.lane] == "pain" and self._lane_kind[b.lane] == "opportunity"
        accent = st.KIND_STYLES["opportunity"].accent if answers else None
        return link_geometry(link, source, target, obstacles, self._blocked(a, b) if blocked is None else blocked,
                             self._crosses_visibility(a, b), self._channel(a, b), accent, avoid, cards,
                             self._label_band())

    def _label_band(self) -> tuple[float, float]:
        """The left and right x a link's label stays between: right of the lane headers (whose names it
        would hide) and inside the board's right edge. Not inside the grid's: an arrow bending round the
        cards of the last column runs in the margin beyond it, and its label stays on it.

        The board's width changes only with its stages, and those lay the board out afresh, so a label
        placed by an edit is placed as in a fresh layout."""
        return st.MARGIN + st.LANE_HEADER_W, self.width

    def _line_strips(self) -> list[Rect]:
        """Thin bands along the blueprint lines: a label sitting on one hides the line's dashes."""
        return [Rect(st.MARGIN, line.y - 2, self.width - 2 * st.MARGIN, 4) for line in self.blueprint_lines]

    def _channel(self, a: Card, b: Card) -> Channel | None:
        """The free route for an arrow that would otherwise pass behind the cards of the
        columns between its ends (two or more columns apart); None for the others.

        The channel row is the top padding of ``_channel_lane``, between the two ends. It can
        move while neither end does (the lanes between them growing and shrinking by the
        same amount): the links are indexed by that lane (``_channel_links``).
        """
        lane_id = self._channel_lane(a, b)
        if lane_id is None:
            return None
        si, ti = self._stage_pos[a.stage], self._stage_pos[b.stage]
        y = self._lane_y[lane_id] + st.CELL_PAD_Y / 2
        half_gap = st.CELL_PAD_X / 2
        if ti > si:
            leave = self._stage_x[a.stage] + st.COLUMN_W - half_gap
            enter = self._stage_x[b.stage] + half_gap
        else:
            leave = self._stage_x[a.stage] + half_gap
            enter = self._stage_x[b.stage] + st.COLUMN_W - half_gap
        return Channel(leave, y, enter)

    def _channel_lane(self, a: Card, b: Card) -> str | None:
        """The lane whose top padding an arrow from ``a`` to ``b`` runs along: the source's, or
        the one below it when the target is lower; None when the ends are under two columns apart."""
        if abs(self._stage_pos[a.stage] - self._stage_pos[b.stage]) < 2:
            return None
        li = self._lane_pos[a.lane]
        return self._lane_order[li + 1] if self._lane_pos[b.lane] > li else a.lane

    def _crosses_visibility(self, a: Card, b: Card) -> bool:
        """Whether two cards lie on either side of the line of visibility (a hand-off)."""
        if not self._has_visibility_line:
            return False
        kind_a, kind_b = self._lane_kind[a.lane], self._lane_kind[b.lane]
        return ((kind_a in HIDDEN_KINDS) != (kind_b in HIDDEN_KINDS)
                and kind_a not in OFF_THE_SERVICE and kind_b not in OFF_THE_SERVICE)



    def _blocked(self, a: Card, b: Card) -> bool:
        """Whether another card of the same column stands between two cards."""
        if a.stage != b.stage or a.id == b.id:
            return False
        cards = self.cards
        top, bottom = sorted((cards[a.id].y, cards[b.id].y))
        l0, l1 = sorted((self._lane_pos[a.lane], self._lane_pos[b.lane]))
        for lane_id in self._lane_order[l0:l1 + 1]:
            ids = self.document.cell_cards(a.stage, lane_id)
            if not ids:
                continue
            if self._lane_kind[lane_id] != "emotion":
                # A stacked cell runs top to bottom: the first card below ``top`` decides
                # (a binary search, not a walk: one move checks ~100 links of 50-card cells).
                i = bisect_right(ids, top, key=lambda c: cards[c].y)
                if i < len(ids) and cards[ids[i]].y < bottom:
                    return True
            elif any(top < cards[c].y < bottom for c in ids if c not in (a.id, b.id)):
                return True
        return False

    def _block(self, a: Card, b: Card) -> tuple[tuple[Stage, ...], tuple[Lane, ...]]:
        """The stages and lanes of the block of cells spanned by two cards, and one cell around."""
        s0, s1 = sorted((self._stage_pos[a.stage], self._stage_pos[b.stage]))
        l0, l1 = sorted((self._lane_pos[a.lane], self._lane_pos[b.lane]))
        return self.document.stages[max(0, s0 - 1): s1 + 2], self.document.lanes[max(0, l0 - 1): l1 + 2]

    def _cards_between(self, a: Card, b: Card) -> list[Rect]:
        """The rects of the cards in the block of cells spanned by two cards (and one cell around)."""
        doc = self.document
        stages, lanes = self._block(a, b)
        rects = []
        for stage in stages:
            for lane in lanes:
                rects += [self.cards[c].rect for c in doc.cell_cards(stage.id, lane.id) if c in self.cards]
        return rects

    def _build_title(self) -> None:
        doc = self.document
        width = max(self._content_width() - 2 * st.MARGIN, 400)
        prims: list[Primitive] = []
        title_lines, title_h = text_block(doc.title or board_word("Untitled", doc.language), width, st.TITLE_SIZE,
                                          bold=True)
        y = float(st.MARGIN)
        prims += text_primitives(title_lines, st.MARGIN, y, st.TITLE_SIZE, st.INK, bold=True)
        # Where the editor renames the board in place: its lines, not the row's width.
        title_w = max((text_width(line, st.TITLE_SIZE, True) for line in title_lines), default=0.0)
        self.title_rect = Rect(st.MARGIN, y, max(title_w, 8 * st.SPACE), title_h)
        self.persona_rects = {}
        y += title_h
        if doc.description:
            lines, height = text_block(doc.description, width, st.DESCRIPTION_SIZE, bold=False)
            y += 4
            prims += text_primitives(lines, st.MARGIN, y, st.DESCRIPTION_SIZE, st.MUTED)
            y += height
        if doc.personas:
            y += 2 * st.SPACE
            cards, height, boxes = persona_row(doc.personas, st.MARGIN, y, width, doc.language)
            prims += cards
            y += height
            self.persona_rects = {persona_id: Rect(*box) for persona_id, box in boxes.items()}
        self._title_primitives = tuple(prims)
        self._grid_top = y + st.TITLE_GAP

    def _content_width(self) -> float:
        return 2 * st.MARGIN + st.LANE_HEADER_W + st.GUTTER + max(1, len(self.document.stages)) * st.COLUMN_W

    def _place_grid(self, background: bool = True) -> None:
        """Lane positions, headers, bands and blueprint lines from the current heights; with ``background``
        the background too (an edit draws it once its cards are placed: the emotion curves run through them)."""
        doc = self.document
        header_h = float(st.STAGE_HEADER_H)
        for stage in doc.stages:
            _, name_h = text_block(stage.name, st.COLUMN_W - 36, st.STAGE_SIZE, bold=True)
            header_h = max(header_h, name_h + 36)
        names_h = header_h
        tiles_h = metrics_height(doc.stages, TILES_W)
        if tiles_h:
            header_h += tiles_h + st.SPACE + st.SPACE // 2  # the tiles sit inside the header box
        y = self._grid_top + header_h + st.GUTTER
        self._charts = charted_metrics(doc.stages)
        self._charts_top = y
        if self._charts:
            y += len(self._charts) * CHART_H + st.GUTTER
        self._lanes_top = y
        self._lane_y = {}
        self._lane_order = [lane.id for lane in doc.lanes]
        self._lane_pos = {lane_id: i for i, lane_id in enumerate(self._lane_order)}
        self._lane_kind = {lane.id: lane.kind for lane in doc.lanes}
        for lane in doc.lanes:
            self._lane_y[lane.id] = y
            y += self._lane_h[lane.id]
        bottom = max(y, self._lanes_top + st.MIN_LANE_H)
        self._bottom = bottom
        self._find_blueprint_lines()
        self._legend_primitives = []
        self.legend_entries = []
        self._legend = self._legend_content() if self.show_legend else None
        end = bottom
        if self._legend is not None:
            self._legend_primitives, legend_h, self.legend_entries = legend(
                self._legend, st.MARGIN, bottom + 3 * st.SPACE, self.width - 2 * st.MARGIN)
            end = bottom + 3 * st.SPACE + legend_h if legend_h else bottom
        self.height = end + st.MARGIN
        self.stage_headers = {}
        for index, stage in enumerate(doc.stages):
            rect = Rect(self._stage_x[stage.id] + 4, self._grid_top, HEADER_W, header_h)
            prims = stage_header_primitives(index, stage.name, rect.x, rect.y, rect.w, rect.h)
            if stage.metrics:
                prims += tuple(metric_tiles(stage.metrics, rect.x + st.SPACE, rect.y + names_h - st.SPACE // 2,
                                            TILES_W))
            self.stage_headers[stage.id] = HeaderGeometry(stage.id, rect, prims)
        self.lane_headers = {}
        language = doc.language
        for lane in doc.lanes:
            rect = Rect(st.MARGIN, self._lane_y[lane.id], st.LANE_HEADER_W, self._lane_h[lane.id])
            self.lane_headers[lane.id] = HeaderGeometry(
                lane.id,
                rect,
                lane_header_primitives(
                    lane.name, board_word(LANE_KIND_LABELS[lane.kind], language), st.KIND_STYLES[lane.kind].accent,
                    rect.x, rect.y, rect.w, rect.h, KIND_ICONS.get(lane.kind),
                ),
            )
        if background:
            self.background = self._background(bottom)

    def _background(self, bottom: float) -> tuple[Primitive, ...]:
        doc = self.document
        right = self.width - st.MARGIN
        prims: list[Primitive] = [Box(0, 0, self.width, self.height, fill=st.PAGE)]
        prims += self._title_primitives
        for index, lane in enumerate(doc.lanes):
            top = self._lane_y[lane.id]
            fill = st.BAND_ODD if index % 2 else st.BAND_EVEN
            prims.append(Box(st.MARGIN, top, right - st.MARGIN, self._lane_h[lane.id], fill=fill))
        for lane in doc.lanes[1:]:
            top = self._lane_y[lane.id]
            prims.append(Line(st.MARGIN, top + 0.5, right, top + 0.5, st.FAINT))
        for stage in doc.stages:  # the first one too: it parts the lane headers from the cells
            left = self._stage_x[stage.id]
            prims.append(Line(left + 0.5, self._lanes_top, left + 0.5, bottom, st.FAINT))
        if doc.lanes:
            prims.append(Box(st.MARGIN, self._lanes_top, right - st.MARGIN, bottom - self._lanes_top,
                             stroke=st.FAINT, radius=0))
        prims += self._emotion_primitives(right)
        prims += self._chart_primitives(right)
        for line in self.blueprint_lines:
            y = line.y
            # 1 px on the pixel grid: a fractional width is drawn two rows grey by one
            # rasteriser and one row dark by another.
            prims.append(Line(st.MARGIN, y + 0.5, right, y + 0.5, st.BLUEPRINT_LINE, 1.0, (6.0, 4.0)))
            prims.append(Text(st.MARGIN + 16, y - 6, line.name, st.LINE_LABEL_SIZE, st.BLUEPRINT_LINE, bold=True))
        prims += self._legend_primitives
        return tuple(prims)

    def _find_blueprint_lines(self) -> None:
        doc = self.document
        self.blueprint_lines = []
        language = doc.language
        self._has_visibility_line = False
        # Between neighbours among the blueprint's own lanes: a note or opportunity lane put between
        # frontstage and backstage used to take the line of visibility away (and the hand-offs' colour
        # with it) while the Checks panel still counted hand-offs across it.
        service = [lane for lane in doc.lanes if lane.kind in BLUEPRINT_KINDS]
        for upper, lower in itertools.pairwise(service):
            name = BLUEPRINT_LINES.get((upper.kind, lower.kind))
            if name is not None:
                self.blueprint_lines.append(BlueprintLine(board_word(name, language), self._lane_y[lower.id],
                                                          upper.id, lower.id))
                self._has_visibility_line |= (upper.kind, lower.kind) == ("frontstage", "backstage")

    def _emotion_primitives(self, right: float) -> list[Primitive]:
        """Each emotion lane's faint scale and the monotone curve through its markers."""
        doc = self.document
        prims: list[Primitive] = []
        first_stage = min(self._stage_x.values(), default=st.MARGIN + st.LANE_HEADER_W + st.GUTTER)
        for lane_id, scale in self._scales.items():
            top = self._lane_y[lane_id]
            prims += emo.scale_primitives(scale, top, first_stage + 1, right, first_stage - 8)
            points = []
            for stage in doc.stages:
                for card_id in doc.cell_cards(stage.id, lane_id):
                    centre = self.marker_centre(card_id) if card_id in self.cards else None
                    if centre is not None:
                        points.append(centre)
            curve = emo.curve_primitive(points)
            if curve is not None:
                prims.append(curve)
        return prims

    def _chart_primitives(self, right: float) -> list[Primitive]:
        """A small line chart for each metric that two or more stages report."""
        doc = self.document
        centres = {sid: x + st.COLUMN_W / 2 for sid, x in self._stage_x.items()}
        prims: list[Primitive] = []
        for index, name in enumerate(self._charts):
            y = self._charts_top + index * CHART_H
            prims += metric_chart(name, doc.stages, centres, st.MARGIN + 22, st.MARGIN, right, y, doc.language)
        return prims

    def _legend_may_change(self, event: object) -> bool:
        """Whether an edit can change what the legend lists (so the legend is looked at again).

        Looking costs a pass over every card and link, which a big board should not pay
        for each reorder or text edit.
        """
        if not self.show_legend:
            return False
        if isinstance(event, ev.CardChanged):
            return event.field in ("fail", "wait", "persona", "channel")
        if isinstance(event, ev.CardMoved):
            return event.old_cell[1] != event.new_cell[1]  # another lane: a hand-off may come or go
        return isinstance(event, ev.CardAdded | ev.CardRemoved | ev.LinkAdded | ev.LinkRemoved)

    def _legend_content(self) -> LegendContent:
        """What the board uses, for the legend."""
        doc = self.document
        content = LegendContent(kinds=list(dict.fromkeys(lane.kind for lane in doc.lanes)), language=doc.language)
        content.emotion = "emotion" in content.kinds
        for card in doc.cards():
            content.fail |= card.fail
            content.wait |= bool(card.wait)
            content.personas |= card.persona is not None
            if card.channel and card.channel not in content.channels:
                content.channels.append(card.channel)
        # Which arrows the legend explains: walked only while one could still be found, and left
        # as soon as both are (a large board has its first hand-off within a few arrows).
        may_hand_off = self._has_visibility_line
        may_answer = "pain" in content.kinds and "opportunity" in content.kinds
        if not (may_hand_off or may_answer):
            return content
        card_of, kind = doc.card, self._lane_kind
        for link in doc.links():
            a, b = card_of(link.source), card_of(link.target)
            content.handoff |= self._crosses_visibility(a, b)
            content.answers |= (kind[a.lane], kind[b.lane]) == ("pain", "opportunity")
            if (content.handoff or not may_hand_off) and (content.answers or not may_answer):
                break
        return content


def _content_rect(rect: Rect) -> Rect:
    """A card's rect less most of its padding: a label may cover padding, never text."""
    dx, dy = st.CARD_PAD_X - 4, st.CARD_PAD_Y - 3
    return Rect(rect.x + dx, rect.y + dy, rect.w - 2 * dx, rect.h - 2 * dy)
