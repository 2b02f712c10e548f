"""Lane and stage names pinned to the view's edges while their headers are scrolled out of sight
(canvas/pinned_headers.py): at 100 % a facilitator scrolled right saw "ce", "ns", "ction" of the lanes."""

from __future__ import annotations

import math
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QObject, QPointF, QSize
from PySide6.QtGui import QRegion
from PySide6.QtWidgets import QApplication, QWidget

from app.editor import Editor
from canvas.items import TEXT_LOD
from canvas.pinned_headers import pinned_tags, tags_region


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def scrolled_into_the_board(editor: Editor) -> None:
    """At 100 %, the third stage's right edge and the lanes' middle in view: every header out of sight."""
    doc, layout, view = editor.document, editor.scene.layout, editor.view
    editor.resize(QSize(1000, 700))
    view.zoom_actual()
    r = layout.stage_headers[doc.stages[2].id].rect
    view.centerOn(QPointF(r.x + r.w, r.y + 900))
    settle()


def test_scrolled_past_the_headers_the_view_names_the_lanes_and_stages_at_its_edges(blueprint_editor: Editor) -> None:
    editor = blueprint_editor
    doc, view = editor.document, editor.view
    view.zoom_fit()
    settle()
    assert pinned_tags(view, TEXT_LOD) == []  # the whole board in sight: its own headers name everything
    scrolled_into_the_board(editor)
    tags = pinned_tags(view, TEXT_LOD)
    texts = [tag.text for tag in tags]
    lane_texts = [t for t in texts if t in {lane.name for lane in doc.lanes}]
    assert len(lane_texts) >= 3, texts  # the lanes in sight, each named once
    assert any(t.startswith("03  ") and t.endswith(doc.stages[2].name) for t in texts), texts
    lanes = [tag for tag in tags if tag.accent is not None]
    # Each name whole where the tag is as wide as it needs ("Frontstage" showed as "Frontsta…": its picture
    # was drawn at the width rounded down).
    from canvas.pinned_headers import ACCENT_W, MAX_TAG_W, PAD_X, _text_width

    for tag in lanes:
        drawn_w = round(tag.rect.width())  # the width its picture is drawn at (paint_tags)
        assert tag.rect.width() == MAX_TAG_W or _text_width(tag.text) <= drawn_w - 2 * PAD_X - ACCENT_W, tag
    assert all(tag.rect.left() < 10 for tag in lanes)  # at the left edge
    assert all(tag.rect.top() < 10 for tag in tags if tag.accent is None)  # stages at the top, lanes below them
    assert min(tag.rect.top() for tag in lanes) > max(tag.rect.bottom() for tag in tags if tag.accent is None)
    # Drawn over the board: the grabbed viewport differs from the same view without them, there only.
    with_tags = view.viewport().grab().toImage()
    view.PINNED_HEADERS = False
    view.viewport().repaint()
    without = view.viewport().grab().toImage()
    view.PINNED_HEADERS = True
    region = tags_region(tags)
    changed = [(x, y) for x in range(0, with_tags.width(), 3) for y in range(0, with_tags.height(), 3)
               if with_tags.pixel(x, y) != without.pixel(x, y)]
    assert changed and all(region.contains(QPointF(x, y).toPoint()) for x, y in changed)


class PaintedRegions(QObject):
    """The regions a widget's paint events repaint."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.region = QRegion()
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.region += event.region()  # type: ignore[attr-defined]
        return False


def test_scrolling_paints_the_tags_again_where_they_were_and_where_qt_moved_them(blueprint_editor: Editor) -> None:
    """Qt scrolls by moving the viewport's pixels, pinned tags with them: unless their old and moved places are
    painted again, each step leaves a copy of every tag smeared across the board."""
    editor = blueprint_editor
    scrolled_into_the_board(editor)
    view = editor.view
    for dx, dy in ((-17, 0), (0, -13), (-9, -11)):
        before = list(view._tags)
        assert before
        painted = PaintedRegions(view.viewport())
        was = (view.horizontalScrollBar().value(), view.verticalScrollBar().value())
        view.horizontalScrollBar().setValue(was[0] + dx)
        view.verticalScrollBar().setValue(was[1] + dy)
        settle()
        assert (view.horizontalScrollBar().value() - was[0], view.verticalScrollBar().value() - was[1]) == (dx, dy)
        moved = tags_region(before).translated(-dx, -dy)  # the scrollbar's step moves the pixels the other way
        needed = (tags_region(before) | moved | tags_region(view._tags)) & view.viewport().rect()
        assert (needed - painted.region).isEmpty(), (dx, dy)
        painted.deleteLater()


def test_names_cut_at_the_edges_are_pinned_though_most_of_their_header_shows(blueprint_editor: Editor) -> None:
    """At 100 % on a 1366 px laptop, 48 px of the lanes' 176 px column stayed in view: the lanes read "e" and
    "s", and no tag came until under 24 px showed. A lane's name whose start is out of sight is pinned; one whole
    in sight is not. The stages keep theirs until their headers are all but gone (tags over a header in sight
    covered its metric tiles)."""
    editor = blueprint_editor
    doc, layout, view = editor.document, editor.scene.layout, editor.view
    editor.resize(QSize(1000, 700))
    view.zoom_actual()
    settle()
    lane = layout.lane_headers[doc.lanes[0].id].rect
    stage = layout.stage_headers[doc.stages[0].id].rect

    def scroll_to(left: float, top: float) -> list[str]:
        """The board point (left, top) at the viewport's top left corner; the pinned texts then."""
        across, down = view.horizontalScrollBar(), view.verticalScrollBar()
        across.setValue(across.value() + view.mapFromScene(QPointF(left, 0)).x())
        down.setValue(down.value() + view.mapFromScene(QPointF(0, top)).y())
        settle()
        assert abs(view.mapToScene(0, 0).x() - left) < 1.5 and abs(view.mapToScene(0, 0).y() - top) < 1.5
        return [tag.text for tag in pinned_tags(view, TEXT_LOD) if tag.fill is None]

    lane_names = {lane.name for lane in doc.lanes}
    texts = scroll_to(lane.x + lane.w - 48, stage.y - 4)  # the column's last 48 px in view, the stages whole
    assert doc.lanes[0].name in texts and doc.lanes[1].name in texts, texts
    # (the metric chart above the lanes is named there too, its name's start out of sight as theirs)
    assert set(texts) <= lane_names | {name for name, _, _ in layout.chart_rows()}, "the stage headers are in sight"
    texts = scroll_to(lane.x + 10, stage.y - 4)  # the names start 12 px inside the view: whole
    assert not set(texts) & lane_names, texts
    texts = scroll_to(lane.x + 10, stage.y + stage.h - 10)  # the stage headers all but out of sight
    assert any(t.startswith("01  ") and t.endswith(doc.stages[0].name) for t in texts), texts
    texts = scroll_to(lane.x + 10, stage.y + 30)  # a header in sight, its tiles too: not covered by tags
    assert not texts, texts


def test_the_part_of_the_lanes_column_in_sight_shows_no_cut_names_round_the_tags(shown_editor) -> None:  # type: ignore[no-untyped-def]
    """With part of the column in view, the tags sat over the cut names, whose ends and kinds peeked out round
    them ("omer actions" under the Doing tag): the names are curtained in their band's colour, and the rest of
    the header is left as it is (the emotion lane's scale, +2 to -2, stays in sight)."""
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QColor

    from canvas.pinned_headers import _words_box
    from model import style as st

    editor = shown_editor("onboarding-journey.touchline")  # its lanes' kinds are written under their names
    doc, layout, view = editor.document, editor.scene.layout, editor.view
    editor.resize(QSize(1000, 700))
    view.zoom_actual()
    lane = layout.lane_headers[doc.lanes[0].id].rect
    bands = {QColor(st.themed(colour, editor.scene.theme)).rgb() for colour in (st.BAND_EVEN, st.BAND_ODD)}
    feeling = next(each for each in doc.lanes if each.kind == "emotion")
    for shown, chosen in ((48, False), (90, False), (130, False), (130, True)):  # px of the column in view
        if chosen:  # a chosen header's cut name peeked out round its tag again
            editor.choose_header("lane", doc.lanes[1].id)
        for each in (doc.lanes[1], feeling):  # "Doing", its kind "Customer actions" under it; the curve's lane
            r = layout.lane_headers[each.id].rect
            view.horizontalScrollBar().setValue(view.horizontalScrollBar().value()
                                                + view.mapFromScene(QPointF(lane.x + lane.w - shown, 0)).x())
            view.verticalScrollBar().setValue(view.verticalScrollBar().value()
                                              + view.mapFromScene(QPointF(0, r.y - 40)).y())
            settle()
            names = tags_region([tag for tag in pinned_tags(view, TEXT_LOD) if tag.text])
            assert not names.isEmpty()
            image = view.viewport().grab().toImage()
            column_right = view.mapFromScene(QPointF(lane.x + lane.w, 0)).x() - 2  # the stage line at its right
            words = view.mapFromScene(QRectF(*_words_box(layout.lane_headers[each.id].primitives))).boundingRect()
            cut = [(x, y) for x in range(0, min(column_right, words.right() + 1))
                   for y in range(max(words.top(), 0), min(words.bottom() + 1, image.height()), 2)
                   if not names.contains(QPointF(x, y).toPoint()) and image.pixel(x, y) not in bands]
            assert not cut, (shown, each.name, cut[:10])
            if each is feeling and shown >= 90:  # its scale, right of the words, is drawn as ever
                below = [(x, y) for x in range(max(words.right() + 4, 0), column_right)
                         for y in range(words.top(), min(words.bottom() + 60, image.height()))
                         if not names.contains(QPointF(x, y).toPoint()) and image.pixel(x, y) not in bands]
                assert below, (shown, "the emotion scale is hidden")


def test_the_lines_and_charts_names_cut_at_the_left_are_curtained_too(blueprint_editor: Editor) -> None:
    """At 100 % with part of the lanes' column in view, the blueprint lines' names read "ne of interaction" and
    the chart's "by stage" "oy stage" at the view's left edge."""
    from PySide6.QtCore import QRectF

    from canvas.pinned_headers import _column_words

    editor = blueprint_editor
    layout, view = editor.scene.layout, editor.view
    editor.resize(QSize(1000, 700))
    view.zoom_actual()
    lane = layout.lane_headers[editor.document.lanes[0].id].rect
    line = layout.blueprint_lines[0]
    view.horizontalScrollBar().setValue(view.horizontalScrollBar().value()
                                        + view.mapFromScene(QPointF(lane.x + lane.w - 90, 0)).x())
    down = view.verticalScrollBar()
    down.setValue(down.value() + view.mapFromScene(QPointF(0, line.y - 200)).y())
    settle()
    curtains = [tag for tag in pinned_tags(view, TEXT_LOD) if tag.fill is not None]
    words = [view.mapFromScene(QRectF(x0, y0, x1 - x0, y1 - y0)).boundingRect()
             for x0, y0, x1, y1 in _column_words(layout.background, lane.x + lane.w, lane.y, math.inf)]
    cut = [box for box in words if box.left() < 0 < box.right() and 0 < box.top() < view.viewport().height()]
    assert cut, "a line's name is cut at the left"
    for box in cut:
        assert any(tag.rect.contains(QRectF(0, box.top(), min(box.right(), 80), box.height() - 1))
                   for tag in curtains), box


def test_a_metric_chart_scrolled_past_its_name_is_named_at_the_edge_as_the_lanes_are(blueprint_editor: Editor) -> None:
    """At 100 % with the lanes' column out of sight, the lanes had their tags and the CSAT chart's line ran
    unnamed across the view."""
    editor = blueprint_editor
    layout, view = editor.scene.layout, editor.view
    (name, chart_top, chart_bottom), = layout.chart_rows()
    editor.resize(QSize(1000, 700))
    view.zoom_actual()
    r = layout.stage_headers[editor.document.stages[2].id].rect
    view.centerOn(QPointF(r.x + r.w, (chart_top + chart_bottom) / 2 + 200))
    settle()
    charts = [tag for tag in pinned_tags(view, TEXT_LOD) if tag.text == name]
    assert len(charts) == 1, [tag.text for tag in pinned_tags(view, TEXT_LOD)]
    tag = charts[0]
    assert tag.rect.left() < 10 and tag.accent is not None
    top = view.mapFromScene(QPointF(0, chart_top)).y()
    assert max(top, 0) <= tag.rect.top() <= view.mapFromScene(QPointF(0, chart_bottom)).y()


def test_the_legend_under_the_lanes_is_left_as_it_is_by_the_curtains(shown_editor) -> None:  # type: ignore[no-untyped-def]
    """Scrolled a little right at 100 % with the legend in sight, its lanes' names (in the lanes' column, but under
    the lanes) were curtained in the page's white: white patches on the legend's grey box, its names hidden."""
    editor = shown_editor("onboarding-journey.touchline")
    editor.set_legend(True)
    settle()
    doc, layout, view = editor.document, editor.scene.layout, editor.view
    editor.resize(QSize(1000, 700))
    view.zoom_actual()
    lane, last = layout.lane_headers[doc.lanes[0].id].rect, layout.lane_headers[doc.lanes[-1].id].rect
    across, down = view.horizontalScrollBar(), view.verticalScrollBar()
    across.setValue(across.value() + view.mapFromScene(QPointF(lane.x + lane.w - 90, 0)).x())  # 90 px of the column
    down.setValue(down.value() + view.mapFromScene(QPointF(0, last.y + last.h - 120)).y())  # the legend below
    settle()
    foot = view.mapFromScene(QPointF(0, last.y + last.h)).y() + 2
    assert 0 < foot < view.viewport().height() - 100  # the legend in sight under the lanes
    with_tags = view.viewport().grab().toImage()
    view.PINNED_HEADERS = False
    view.viewport().repaint()
    without = view.viewport().grab().toImage()
    view.PINNED_HEADERS = True
    changed = [(x, y) for x in range(0, 200) for y in range(foot, with_tags.height(), 2)
               if with_tags.pixel(x, y) != without.pixel(x, y)]
    assert not changed, changed[:10]


def test_a_metric_charts_tag_is_not_covered_by_the_curtain_over_its_cut_name(shown_editor) -> None:  # type: ignore[no-untyped-def]
    """Scrolled right until a little of the lanes' column showed, the journey's "drop-off %" chart was pinned as
    "off %": the curtain over the chart's own cut name was painted after the tags, over the tag's accent and its
    first letters (and over the left of the "CES" tag). Every tag is whole, its accent at its left."""
    from PySide6.QtGui import QColor

    from model import style as st

    editor = shown_editor("onboarding-journey.touchline")
    doc, layout, view = editor.document, editor.scene.layout, editor.view
    editor.resize(QSize(1000, 700))
    view.zoom_actual()
    lane = layout.lane_headers[doc.lanes[0].id].rect
    names = [name for name, _top, _bottom in layout.chart_rows()]
    _, chart_top, _ = layout.chart_rows()[0]
    for shown in (48, 90, 130):  # px of the column in view
        view.horizontalScrollBar().setValue(view.horizontalScrollBar().value()
                                            + view.mapFromScene(QPointF(lane.x + lane.w - shown, 0)).x())
        view.verticalScrollBar().setValue(view.verticalScrollBar().value()
                                          + view.mapFromScene(QPointF(0, chart_top - 40)).y())
        settle()
        tags = [tag for tag in pinned_tags(view, TEXT_LOD) if tag.text in names]
        assert [tag.text for tag in tags] == names
        image = view.viewport().grab().toImage()
        accent = QColor(st.themed(st.CHART_LINE, editor.scene.theme))
        for tag in tags:
            x, y = round(tag.rect.left() + 6), round(tag.rect.center().y())
            seen = image.pixelColor(x, y)
            assert max(abs(seen.red() - accent.red()), abs(seen.green() - accent.green()),
                       abs(seen.blue() - accent.blue())) < 40, (shown, tag.text, seen.name(), accent.name())


def test_the_words_of_the_lanes_column_are_found_for_the_bounds_asked(blueprint_editor: Editor) -> None:
    """The boxes were kept for the background alone: asked again with other bounds (the test above, after the view
    had painted with the lanes' foot as the bottom), the first answer came back."""
    from canvas.pinned_headers import _column_words

    layout = blueprint_editor.scene.layout
    lane = layout.lane_headers[blueprint_editor.document.lanes[0].id].rect
    right, top = lane.x + lane.w, lane.y
    all_words = _column_words(layout.background, right, top, math.inf)
    above_the_last = _column_words(layout.background, right, top, max(y0 for _, y0, _, _ in all_words))
    assert 0 < len(above_the_last) < len(all_words)
    assert _column_words(layout.background, right, top, math.inf) == all_words
