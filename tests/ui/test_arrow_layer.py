"""The arrow layer (canvas/arrows.py) draws the plain arrows batched; a selected or emphasised arrow draws itself.

Counted and compared, never timed: which items paint, which arrows a repaint gathers, and
that the batched drawing is the picture the arrows drew one by one.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QGraphicsItem

import model
from app.editor import Editor
from canvas.arrows import ArrowLayer
from canvas.items import LinkItem
from canvas.view import BoardView
from tests.ui.large_boards import nearest_card

ROOT = Path(__file__).resolve().parents[2]
BLUEPRINT = ROOT / "resources" / "examples" / "coffee-shop-blueprint.touchline"
NO_CONTENTS = QGraphicsItem.GraphicsItemFlag.ItemHasNoContents


def _editor(qtbot, document: model.Document | None = None) -> Editor:  # type: ignore[no-untyped-def]
    editor = Editor(document or model.load(BLUEPRINT))
    qtbot.addWidget(editor)
    editor.resize(QSize(1400, 900))
    editor.show()
    qtbot.waitExposed(editor)
    editor.view.zoom_actual()
    return editor


def _pixels(view: BoardView) -> np.ndarray:
    image = view.viewport().grab().toImage().convertToFormat(QImage.Format.Format_RGB888)
    width, height = image.width(), image.height()
    data = np.frombuffer(image.constBits(), dtype=np.uint8, count=image.bytesPerLine() * height)
    return data.reshape(height, image.bytesPerLine())[:, :width * 3].reshape(height, width, 3).astype(np.int16)



def _recorded_updates(monkeypatch) -> list[tuple[float, ...]]:  # type: ignore[no-untyped-def]
    """The boxes the arrow layer asks to repaint from now on (each call's arguments), as it goes on asking."""
    asked: list[tuple[float, ...]] = []
    plain_update = ArrowLayer.update
    monkeypatch.setattr(ArrowLayer, "update", lambda self, *box: (asked.append(box), plain_update(self, *box)))
    return asked

def test_plain_arrows_paint_nothing_themselves_and_a_selected_one_takes_its_drawing_back(qtbot) -> None:  # type: ignore[no-untyped-def]
    editor = _editor(qtbot)
    scene = editor.scene
    link_ids = scene.item_ids()[1]
    assert link_ids
    items = [scene.link_item(k) for k in link_ids]
    assert all(item.flags() & NO_CONTENTS for item in items)
    everywhere = scene.arrows.arrows_in(scene.sceneRect())
    assert everywhere == link_ids
    chosen = items[0]
    chosen.setSelected(True)
    assert not chosen.flags() & NO_CONTENTS
    assert chosen.link_id not in scene.arrows.arrows_in(scene.sceneRect())
    chosen.setSelected(False)
    assert chosen.flags() & NO_CONTENTS
    assert chosen.link_id in scene.arrows.arrows_in(scene.sceneRect())
    chosen.set_emphasis(True)  # on an impact path: drawn thicker, by the item
    assert chosen.link_id not in scene.arrows.arrows_in(scene.sceneRect())
    chosen.set_emphasis(False)
    assert chosen.link_id in scene.arrows.arrows_in(scene.sceneRect())


def test_a_repaint_calls_no_link_item_and_gathers_only_the_arrows_near_the_view(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import sys
    sys.path.insert(0, str(ROOT / "tests" / "benchmarks"))
    from boards import synthetic_board

    calls: list[str] = []
    original = LinkItem.paint
    monkeypatch.setattr(LinkItem, "paint", lambda self, *a: (calls.append(self.link_id), original(self, *a)))
    editor = _editor(qtbot, synthetic_board(1000, links="local"))
    scene, view = editor.scene, editor.view
    view.centerOn(scene.sceneRect().center())
    QApplication.processEvents()
    calls.clear()
    scene.arrows.update()  # drawn afresh, not from its cached pixmap
    view.viewport().repaint()
    assert calls == []
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    crossing = {k for k, g in scene.layout.links.items() if QRectF(*g.bounds).intersects(visible)}
    assert 0 < scene.arrows.painted <= len(crossing) < len(scene.layout.links)
    assert scene.arrows.arrows_in(visible) <= crossing
    # A selected arrow in view paints itself (the counting above sees item paints).
    chosen = next(iter(crossing))
    scene.link_item(chosen).setSelected(True)
    view.viewport().repaint()
    assert calls == [chosen]
    assert chosen not in scene.arrows.arrows_in(visible)


def test_the_batched_arrows_are_the_picture_the_items_drew_one_by_one(qtbot) -> None:  # type: ignore[no-untyped-def]
    editor = _editor(qtbot)
    scene, view = editor.scene, editor.view
    view.zoom_fit()
    batched = _pixels(view)
    for link_id in scene.item_ids()[1]:  # every item draws itself, as before the layer
        item = scene.link_item(link_id)
        item.layer = None
        scene.arrows.set_own(link_id, True)
        item.setFlag(NO_CONTENTS, False)
    one_by_one = _pixels(view)
    assert batched.shape == one_by_one.shape
    differ = (np.abs(batched - one_by_one).max(axis=2) > 40).mean()
    assert differ < 0.001, differ


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_the_layer_follows_the_theme(qtbot, theme: str) -> None:  # type: ignore[no-untyped-def]
    editor = _editor(qtbot)
    scene, view = editor.scene, editor.view
    view.zoom_fit()
    scene.set_theme(theme)
    layered = _pixels(view)
    for link_id in scene.item_ids()[1]:
        item = scene.link_item(link_id)
        item.layer = None
        scene.arrows.set_own(link_id, True)
        item.setFlag(NO_CONTENTS, False)
    assert (np.abs(layered - _pixels(view)).max(axis=2) > 40).mean() < 0.001


def test_the_arrows_are_indexed_when_a_paint_first_asks_not_while_the_scene_is_built(qtbot) -> None:  # type: ignore[no-untyped-def]
    from canvas.scene import BoardScene

    document = model.load(BLUEPRINT)
    scene = BoardScene(document, lambda command: None)
    layer = scene.arrows
    link_ids = scene.item_ids()[1]
    assert layer._grid == {} and layer._unindexed == link_ids  # built: nothing indexed yet
    every = layer.arrows_in(scene.sceneRect())
    assert every == link_ids and not layer._unindexed and layer._grid
    # an arrow routed again after indexing waits for the next question, and is found where it now is
    first, other = sorted(link_ids, key=lambda k: layer._arrows[k].geometry.bounds)[::len(link_ids) - 1]
    elsewhere = layer._arrows[other].geometry
    layer.set_arrow(first, elsewhere)
    assert layer._unindexed == {first}
    assert first in layer.arrows_in(QRectF(*elsewhere.bounds))
    assert not layer._unindexed


def _reference_buckets(geometry) -> set[tuple[int, int]]:  # type: ignore[no-untyped-def]
    """An arrow of one curve: the buckets of its bounds (its segments' boxes fill them); a routed
    arrow: those of its segments' boxes (its bounds span columns and lanes its segments do not)."""
    from math import floor

    if len(geometry.curve) <= 2:
        x, y, w, h = geometry.bounds
        return {(i, j) for i in range(floor(x / 256), floor((x + w) / 256) + 1)
                for j in range(floor(y / 256), floor((y + h) / 256) + 1)}
    return _segment_reference(geometry)


def _segment_reference(geometry, margin: float = 2) -> set[tuple[int, int]]:  # type: ignore[no-untyped-def]
    """Each segment's box (a curve's: its control points' and its start), ``margin`` px wider, in 256-px buckets."""
    from math import floor

    keys = set()
    for prim in geometry.primitives:
        last = None
        for command in getattr(prim, "commands", ()):
            points = [(float(command[k]), float(command[k + 1])) for k in range(1, len(command) - 1, 2)]
            if not points:
                continue
            if last is not None and command[0] != "M":
                points.append(last)
            xs, ys = [p[0] for p in points], [p[1] for p in points]
            for i in range(floor((min(xs) - margin) / 256), floor((max(xs) + margin) / 256) + 1):
                for j in range(floor((min(ys) - margin) / 256), floor((max(ys) + margin) / 256) + 1):
                    keys.add((i, j))
            last = points[len(command) // 2 - 1]
    return keys


def test_a_move_indexes_again_only_the_arrows_it_rerouted_in_the_buckets_of_their_segments(qtbot) -> None:  # type: ignore[no-untyped-def]
    import sys

    sys.path.insert(0, str(ROOT / "tests" / "benchmarks"))
    from boards import synthetic_board

    from canvas.scene import BoardScene

    document = synthetic_board(300, links="local")
    scene = BoardScene(document, lambda command: None)
    layer = scene.arrows
    layer.arrows_in(scene.sceneRect())  # everything indexed
    assert not layer._unindexed
    before = {k: a.geometry.primitives for k, a in layer._arrows.items()}
    cards = list(document.cards())
    card = cards[len(cards) // 2]
    stages = [s.id for s in document.stages]
    there = stages[(stages.index(card.stage) + 1) % len(stages)]
    document.move_card(card.id, there, card.lane, 0)
    QApplication.processEvents()
    rerouted = {k for k, a in layer._arrows.items() if a.geometry.primitives != before.get(k)}
    # only the arrows whose drawing changed wait to be indexed again
    assert rerouted and layer._unindexed == rerouted
    # a paint indexes the waiting arrows whose box meets what it paints, and only those
    corner = QRectF(0, 0, 1, 1)
    meets = {k for k in rerouted if (lambda x, y, w, h: x <= 1 and y <= 1)(*layer._arrows[k].geometry.bounds)}
    layer.arrows_in(corner)
    assert layer._unindexed == rerouted - meets
    layer.arrows_in(scene.sceneRect())
    assert not layer._unindexed
    # each in the buckets of its segments' boxes (of its bounds, for one curve), which hold every segment's
    assert any(len(a.geometry.curve) > 2 for a in layer._arrows.values())  # routed arrows too
    for link_id, arrow in layer._arrows.items():
        assert set(arrow.buckets or ()) >= _segment_reference(arrow.geometry), link_id
        assert set(arrow.buckets or ()) == _reference_buckets(arrow.geometry), link_id
    # and the grid holds each arrow in those buckets and no other (the old ones were left)
    held: dict[str, set[tuple[int, int]]] = {}
    for key, bucket in layer._grid.items():
        assert bucket
        for link_id in bucket:
            held.setdefault(link_id, set()).add(key)
    assert held == {k: set(a.buckets or ()) for k, a in layer._arrows.items()}
    # the arrows of one bucket share its key (memory: one tuple per bucket, not per arrow and bucket)
    keys = [key for arrow in layer._arrows.values() for key in arrow.buckets or ()]
    assert len({id(key) for key in keys}) == len(set(keys)) < len(keys)
    scene.detach()


def test_a_move_asks_the_layer_for_one_repaint_per_view_and_keeps_the_buckets_of_arrows_rerouted_within_them(
        qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """One relayout's arrow repaints are one box per view (Qt unites them anyway); an arrow of
    one curve rerouted within the same buckets is not indexed again (its buckets are kept)."""
    import sys

    sys.path.insert(0, str(ROOT / "tests" / "benchmarks"))
    from boards import synthetic_board

    editor = _editor(qtbot, synthetic_board(1000, links="local"))
    scene, view, document = editor.scene, editor.view, editor.document
    view.centerOn(scene.sceneRect().center())
    layer = scene.arrows
    layer.arrows_in(scene.sceneRect())  # everything indexed
    before = {k: (a.geometry.primitives, a.buckets, a.geometry.bounds) for k, a in layer._arrows.items()}
    asked = _recorded_updates(monkeypatch)
    centre = view.mapToScene(view.viewport().rect().center())
    card_id = nearest_card(scene.layout, centre)
    card = document.card(card_id)
    stages = [s.id for s in document.stages]
    document.move_card(card_id, stages[stages.index(card.stage) + 1], card.lane, document.card_index(card_id))
    rerouted = {k for k, a in layer._arrows.items() if a.geometry.primitives != before[k][0]}
    assert len(rerouted) > 10
    assert len(asked) == len(scene.views()) == 1  # one box, not one or two per rerouted arrow
    x, y, w, h = asked[0]
    shown = view.mapToScene(view.viewport().rect()).boundingRect().adjusted(-4, -4, 4, 4)
    assert shown.contains(QRectF(x, y, w, h))  # only what the view shows
    box = QRectF(x, y, w, h).adjusted(-0.01, -0.01, 0.01, 0.01)
    for link_id in rerouted:  # every point of each rerouted arrow's old and new drawing that the view shows
        for primitives in (layer._arrows[link_id].geometry.primitives, before[link_id][0]):
            for px, py in _drawn_points(primitives):
                assert not shown.contains(px, py) or box.contains(px, py), (link_id, px, py)
    layer.arrows_in(scene.sceneRect())  # re-indexed (an arrow off screen is indexed when a paint meets it)
    kept = [k for k in rerouted if layer._arrows[k].buckets is before[k][1]]
    assert kept  # rerouted within their buckets: the same bucket tuple, not indexed again
    for link_id in kept:
        assert set(layer._arrows[link_id].buckets or ()) == _reference_buckets(layer._arrows[link_id].geometry)


def test_a_repaint_inside_the_last_one_looks_only_at_the_arrows_that_began_waiting_since(qtbot) -> None:  # type: ignore[no-untyped-def]
    """A board's arrows wait to be indexed until a paint meets them; a repaint inside a rect
    already looked at looks only at the arrows rerouted since (not at the thousands off screen),
    and still finds every arrow that meets it, as looking at all would."""
    from tests.ui.large_boards import shown_board_view, synthetic_board

    view = shown_board_view(qtbot, synthetic_board(1000))
    view.zoom_actual()
    view.centerOn(view.scene().sceneRect().center())
    QApplication.processEvents()
    scene = view.scene()
    layer = scene.arrows
    shown = view.mapToScene(view.viewport().rect()).boundingRect().adjusted(-50, -50, 50, 50)
    layer.arrows_in(shown)  # past what the view painted: every waiting arrow is looked at
    waiting = set(layer._unindexed)
    assert layer.looked_at > 0.5 * len(layer._arrows) and len(waiting) > 200  # off screen: left waiting
    document = scene.document
    centre = shown.center()
    card_id = nearest_card(scene.layout, centre)
    card = document.card(card_id)
    stages = [s.id for s in document.stages]
    before = {k: a.geometry for k, a in layer._arrows.items()}
    document.move_card(card_id, stages[stages.index(card.stage) + 1], card.lane, 0)
    rerouted = {k for k, a in layer._arrows.items() if a.geometry is not before[k]}
    assert rerouted
    inner = shown.adjusted(200, 100, -200, -100)
    assert layer.arrows_in(inner) == _meeting(layer, inner)  # the same answer as looking at every arrow
    assert layer.looked_at <= len(rerouted)
    # the rerouted arrows left waiting (outside ``inner``) are looked at by a repaint reaching them
    assert layer.arrows_in(shown) == _meeting(layer, shown)
    assert layer.looked_at <= len(rerouted)
    # a repaint reaching past the rect looked at walks every waiting arrow again
    layer.arrows_in(shown.adjusted(-600, -600, 600, 600))
    assert layer.looked_at > 200


def _meeting(layer, rect: QRectF) -> set[str]:  # type: ignore[no-untyped-def]
    """The arrows drawn by the layer that ``rect`` meets: their box, and a bucket of their segments."""
    from math import floor

    left, top, right, bottom = rect.left(), rect.top(), rect.right(), rect.bottom()
    keys = {(i, j) for i in range(floor(left / 256), floor(right / 256) + 1)
            for j in range(floor(top / 256), floor(bottom / 256) + 1)}
    found = set()
    for link_id, arrow in layer._arrows.items():
        x, y, w, h = arrow.geometry.bounds
        if x <= right and y <= bottom and x + w >= left and y + h >= top \
                and _reference_buckets(arrow.geometry) & keys and link_id not in layer._own:
            found.add(link_id)
    return found


def test_an_arrow_rerouted_round_where_it_was_keeps_its_items_box_and_is_still_found_where_it_is(
        qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Changing an item's box takes it out of the scene's index and back (~30 us a spanning arrow):
    a card moved and moved back changes no arrow's box, each box still holds its arrow's bounds
    and reaches at most REACH past them, and a point on a rerouted arrow still finds its item."""
    from canvas.items import REACH
    from tests.ui.large_boards import shown_editor, synthetic_board

    editor = shown_editor(qtbot, synthetic_board(1000), centred=True)
    scene, view, document = editor.scene, editor.view, editor.document
    scene.complete()
    centre = view.mapToScene(view.viewport().rect().center())
    card_id = nearest_card(scene.layout, centre)
    card = document.card(card_id)
    stages = [s.id for s in document.stages]
    home, there = card.stage, stages[stages.index(card.stage) + 1]
    index = document.card_index(card_id)
    before = {k: g.primitives for k, g in scene.layout.links.items()}
    changes: list[str] = []
    plain = LinkItem.setRect  # the item's box (Qt takes it out of the index and back)
    monkeypatch.setattr(LinkItem, "setRect", lambda self, *rect: (changes.append(self.link_id), plain(self, *rect)))
    document.move_card(card_id, there, card.lane, index)
    away = {k: g.bounds for k, g in scene.layout.links.items()}
    document.move_card(card_id, home, card.lane, index)
    rerouted = {k for k, g in scene.layout.links.items() if g.primitives != before[k]} | set(changes)
    assert len(rerouted) > 20 and changes
    far = {k for k, g in scene.layout.links.items()  # its two places further apart than REACH on a side
           if max(abs(a - b) for a, b in zip(_sides(g.bounds), _sides(away[k]), strict=True)) > REACH}
    assert len(far) < 0.1 * len(rerouted)
    changes.clear()
    for _ in range(2):
        document.move_card(card_id, there, card.lane, index)
        document.move_card(card_id, home, card.lane, index)
    assert set(changes) <= far  # the others stayed within the box round their two places
    for link_id, geometry in scene.layout.links.items():
        item = scene.link_item(link_id)
        x, y, w, h = geometry.bounds
        box = item.boundingRect()
        assert box.contains(QRectF(x, y, w, h)), link_id
        assert QRectF(x, y, w, h).adjusted(-REACH, -REACH, REACH, REACH).contains(box), link_id
    QApplication.processEvents()
    for link_id in rerouted:
        item = scene.link_item(link_id)
        if item.curve.length() < 1:
            continue  # a card's link to a card on top of it: no curve to click
        assert item in scene.items(item.curve.pointAtPercent(0.5)), link_id


def _sides(bounds: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
    x, y, w, h = bounds
    return x, y, x + w, y + h


def _drawn_points(primitives) -> list[tuple[float, float]]:  # type: ignore[no-untyped-def]
    """Points of what paths draw: their corners and ends, and 101 points along each curve (not its control points)."""
    points: list[tuple[float, float]] = []
    for prim in primitives:
        last = (0.0, 0.0)
        for command in prim.commands:
            if command[0] == "C":
                for i in range(101):
                    t = i / 100
                    u = 1 - t
                    points.append(tuple(u ** 3 * last[k] + 3 * u * u * t * command[1 + k]  # type: ignore[arg-type]
                                        + 3 * u * t * t * command[3 + k] + t ** 3 * command[5 + k] for k in (0, 1)))
                last = (command[5], command[6])
            elif len(command) >= 3:
                last = (command[-2], command[-1])
                points.append(last)
    return points


@pytest.mark.parametrize("to_top", [True, False])
def test_a_moves_arrow_repaint_is_round_what_the_arrows_draw_not_their_control_points(
        qtbot, monkeypatch, to_top: bool) -> None:  # type: ignore[no-untyped-def]
    """An arrow between two columns bends within the gap between them, its control points 90 px
    either side: a move repaints round the curves it changed (every drawn point inside), a box
    well inside their bounds'; a relayout rerouting more than REFINED_PER_RELAYOUT (a lane moved)
    repaints round their bounds (the view is mostly repainted then anyway)."""
    from canvas.arrows import REFINED_PER_RELAYOUT
    from tests.ui.large_boards import shown_editor, synthetic_board

    editor = shown_editor(qtbot, synthetic_board(1000, links="local"), centred=True)
    scene, view, document = editor.scene, editor.view, editor.document
    layer = scene.arrows
    before = {k: a.geometry for k, a in layer._arrows.items()}
    asked = _recorded_updates(monkeypatch)
    centre = view.mapToScene(view.viewport().rect().center())
    card_id = nearest_card(scene.layout, centre)
    card = document.card(card_id)
    stages = [s.id for s in document.stages]
    if to_top:  # the lane keeps its height: a few arrows rerouted
        document.move_card(card_id, card.stage, card.lane, 0)
    else:  # into the lane's tallest cell: the lanes below move, hundreds rerouted
        document.move_card(card_id, stages[stages.index(card.stage) + 1], card.lane, document.card_index(card_id))
    # Moving the lanes below, the arrows they carry that a view does not show wait to be routed
    # (LayoutDelta.waiting): their old drawings are hidden, repainted away like a reroute's.
    stale = set(layer._stale)
    rerouted = {k for k, a in layer._arrows.items() if a.geometry.primitives != before[k].primitives} - stale
    assert (0 < len(rerouted) + len(stale) <= REFINED_PER_RELAYOUT) == to_top
    assert bool(stale) != to_top
    assert len(asked) == 1
    box = QRectF(*asked[0])
    shown = view.mapToScene(view.viewport().rect()).boundingRect().adjusted(-4, -4, 4, 4)
    bounds = QRectF()
    for link_id in rerouted | stale:
        drawings = (before[link_id],) if link_id in stale else (layer._arrows[link_id].geometry, before[link_id])
        for geometry in drawings:
            part = QRectF(*geometry.bounds).adjusted(-2, -2, 2, 2) & shown
            bounds |= part if not part.isEmpty() else QRectF()
            for px, py in _drawn_points(geometry.primitives):
                assert not shown.contains(px, py) or box.adjusted(-0.01, -0.01, 0.01, 0.01).contains(px, py)
    if to_top:
        assert box.width() * box.height() < 0.8 * bounds.width() * bounds.height()
    else:
        assert box == bounds


def test_a_routed_arrow_rerouted_in_part_is_indexed_by_its_changed_parts_without_walking_it_again(
        qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """On the spanning board a move reroutes dozens of routed arrows whose far end moved: each is
    kept in its old buckets plus those round what changed (no walk over its segments, no wait),
    and every rect still finds every arrow crossing it; moved back and forth, its buckets stay
    those of its two drawings."""
    import sys

    sys.path.insert(0, str(ROOT / "tests" / "benchmarks"))
    from boards import synthetic_board

    import canvas.arrows as arrows_module
    from canvas.scene import BoardScene

    document = synthetic_board(1000)
    scene = BoardScene(document, lambda command: None)
    layer = scene.arrows
    layer.arrows_in(scene.sceneRect())  # everything indexed
    walked: list[str] = []
    plain_walk = arrows_module._segment_buckets
    monkeypatch.setattr(arrows_module, "_segment_buckets", lambda g: (walked.append(g.id), plain_walk(g))[1])
    first = {k: a.geometry for k, a in layer._arrows.items()}
    cards = sorted(document.cards(), key=lambda c: -len(document.links_of(c.id)))
    card = next(c for c in cards if document.card_index(c.id) > 0)
    home = (card.stage, document.card_index(card.id))
    document.move_card(card.id, card.stage, card.lane, 0)  # to the top of its cell: the cards above move down
    QApplication.processEvents()
    second = {k: a.geometry for k, a in layer._arrows.items()}
    rerouted = {k for k in second if second[k].primitives != first[k].primitives}
    in_part = {k for k in rerouted if len(first[k].curve) > 2 and len(second[k].curve) > 2
               and arrows_module._changed_boxes(first[k].primitives, second[k].primitives) is not None}
    assert len(in_part) >= 5
    assert not in_part & layer._unindexed  # indexed at once
    assert not in_part & set(walked)  # without walking their segments
    for link_id in in_part:
        held = set(layer._arrows[link_id].buckets or ())
        assert held >= _segment_reference(second[link_id]), link_id
    everything = scene.sceneRect()
    for x in range(0, int(everything.width()), 700):  # every rect finds what an index made afresh finds
        for y in range(0, int(everything.height()), 700):
            rect = QRectF(x, y, 500, 500)
            assert layer.arrows_in(rect) >= _meeting(layer, rect)
    for _ in range(3):
        document.move_card(card.id, home[0], card.lane, home[1])
        document.move_card(card.id, card.stage, card.lane, 0)
    for link_id in in_part:
        held = set(layer._arrows[link_id].buckets or ())
        assert held >= _segment_reference(second[link_id])
        both = _segment_reference(first[link_id], 6) | _segment_reference(second[link_id], 6)
        assert held <= both, link_id
    scene.detach()


def test_one_run_on_each_side_gives_the_stretches_cutting_the_line_at_every_end_gives() -> None:
    """_differing_runs (one run a side, worked out directly) answers as the general walk over the
    cuts does, for every arrangement of two runs' ends on a few points (touching, apart, nested,
    equal, of no length)."""
    from itertools import pairwise, product

    from canvas.arrows import _differing_runs, _differing_stretches

    def walked(was: list[tuple[float, float]], now: list[tuple[float, float]]) -> list[tuple[float, float]]:
        cuts = sorted({end for run in (*was, *now) for end in run})
        found: list[tuple[float, float]] = []
        for lo, hi in pairwise(cuts):
            middle = (lo + hi) / 2
            if any(a <= middle <= b for a, b in was) != any(a <= middle <= b for a, b in now):
                if found and found[-1][1] == lo:
                    found[-1] = (found[-1][0], hi)
                else:
                    found.append((lo, hi))
        return found or ([(cuts[0], cuts[-1])] if cuts else [])

    points = (0.0, 1.0, 2.5, 3.0, 7.0)
    runs = [(a, b) for a, b in product(points, repeat=2) if a <= b]
    for was, now in product(runs, repeat=2):
        assert _differing_runs(was, now) == walked([was], [now]), (was, now)
        assert _differing_stretches([was], [now]) == walked([was], [now])
    assert _differing_stretches([(0.0, 2.0), (3.0, 5.0)], [(0.0, 5.0)]) == [(2.0, 3.0)]  # the general walk


def test_a_rerouted_arrows_old_drawing_is_boxed_from_when_it_was_new(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A move repaints round the old and the new drawing of each arrow of one curve it rerouted:
    the old drawing's box is the one worked out when it was drawn, so a card moved back works out
    one box per rerouted arrow, not two, and repaints the same boxes as working both out."""
    import sys

    sys.path.insert(0, str(ROOT / "tests" / "benchmarks"))
    from boards import synthetic_board

    import canvas.arrows as arrows_module
    from canvas.arrows import ArrowLayer
    from canvas.scene import BoardScene

    document = synthetic_board(300, links="local")
    scene = BoardScene(document, lambda command: None)
    layer = scene.arrows
    boxed: list[object] = []
    plain_box = arrows_module._drawn_box
    monkeypatch.setattr(arrows_module, "_drawn_box", lambda g: (boxed.append(g), plain_box(g))[1])
    asked: list[tuple[float, ...]] = []
    monkeypatch.setattr(ArrowLayer, "_repaint_box", lambda self, box: asked.append(tuple(box)))
    cards = list(document.cards())
    card = next(c for c in cards[len(cards) // 2:] if document.card_index(c.id) > 0)
    home = document.card_index(card.id)
    document.move_card(card.id, card.stage, card.lane, 0)  # to the top of its cell: the lane keeps its height
    away = {k: a.geometry for k, a in layer._arrows.items()}
    boxed.clear()
    asked.clear()
    document.move_card(card.id, card.stage, card.lane, home)
    back = {k for k, a in layer._arrows.items() if a.geometry is not away[k]}
    curves = {k for k in back if len(layer._arrows[k].geometry.curve) <= 2 and len(away[k].curve) <= 2}
    assert len(curves) >= 3
    assert {g.id for g in boxed} >= curves  # type: ignore[attr-defined]
    assert not {id(away[k]) for k in curves} & {id(g) for g in boxed}  # the old drawings' boxes were kept
    expected = []
    for k in curves:
        (ox, oy, ow, oh), (nx, ny, nw, nh) = plain_box(away[k]), plain_box(layer._arrows[k].geometry)
        if ox <= nx + nw and nx <= ox + ow and oy <= ny + nh and ny <= oy + oh:
            left, top = min(ox, nx), min(oy, ny)
            expected.append((left, top, max(ox + ow, nx + nw) - left, max(oy + oh, ny + nh) - top))
        else:
            expected += [(ox, oy, ow, oh), (nx, ny, nw, nh)]
    assert set(expected) <= set(asked)
    scene.detach()


def test_an_arrow_rerouted_in_part_twice_in_one_relayout_is_found_where_it_ends(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Told two reroutes of one arrow in one relayout, each comparable part by part: the first's
    parts are not taken for the arrow's (it waits to be indexed afresh), and a rect on what it
    finally draws finds it."""
    import sys

    sys.path.insert(0, str(ROOT / "tests" / "benchmarks"))
    from boards import synthetic_board

    from canvas.arrows import ArrowLayer, _changed_boxes
    from model.layout import Layout

    document = synthetic_board(1000)
    layout = Layout(document)
    document.changed.connect(layout.apply)
    drawings = [dict(layout.links)]
    cards = sorted(document.cards(), key=lambda c: -len(document.links_of(c.id)))
    card = next(c for c in cards if document.card_index(c.id) > 1)
    document.move_card(card.id, card.stage, card.lane, 0)
    drawings.append(dict(layout.links))
    document.move_card(card.id, card.stage, card.lane, 1)
    drawings.append(dict(layout.links))
    g0, g1, g2 = drawings
    twice = [k for k in g0 if len({g0[k].primitives, g1[k].primitives, g2[k].primitives}) == 3
             and all(len(g.curve) > 2 for g in (g0[k], g1[k], g2[k]))
             and _changed_boxes(g0[k].primitives, g1[k].primitives) is not None
             and _changed_boxes(g1[k].primitives, g2[k].primitives) is not None]
    assert twice
    layer = ArrowLayer()
    for link_id, geometry in g0.items():
        layer.set_arrow(link_id, geometry)
    layer.arrows_in(QRectF(0, 0, layout.width, layout.height))  # everything indexed
    with layer.changing():
        for link_id in twice:
            layer.set_arrow(link_id, g1[link_id])
            layer.set_arrow(link_id, g2[link_id])
    assert set(twice) <= layer._unindexed  # the first reroute's parts say nothing of the second's
    for link_id in twice:
        for x, y, w, h in _changed_boxes(g1[link_id].primitives, g2[link_id].primitives) or []:
            assert link_id in layer.arrows_in(QRectF(x, y, w, h)), link_id


def test_a_batch_gathered_in_one_call_is_the_batch_gathered_drawing_by_drawing(qtbot) -> None:  # type: ignore[no-untyped-def]
    from exporters.qtpaint import PathBatch, path_looks

    editor = _editor(qtbot)
    layer = editor.scene.arrows
    drawings = []
    for k, link_id in enumerate(sorted(editor.scene.item_ids()[1])):
        looks = path_looks(layer._arrows[link_id].geometry.primitives)
        assert looks
        drawings.append((looks, 0.5 if k % 3 == 0 else 1.0))  # two opacities: groups of each
    one_by_one, at_once = PathBatch(), PathBatch()
    for looks, opacity in drawings:
        one_by_one.add_all([(looks, opacity)])
    at_once.add_all(drawings)
    assert len(drawings) > 5 and len(at_once._groups) >= 4
    assert list(at_once._groups) == list(one_by_one._groups)  # the same groups, made in the same order
    for key, path in one_by_one._groups.items():
        assert at_once._groups[key] == path and path.fillRule() == at_once._groups[key].fillRule()


def test_an_arrow_whose_route_went_stale_is_not_drawn_until_its_new_route_comes(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A lane moved under an arrow and the layout has not routed it again yet (LayoutDelta.waiting):
    the layer leaves it out of what it draws and repaints where it was; its new route brings it back
    and repaints it, even when the new route draws the same (the lane moved back meanwhile)."""
    editor = _editor(qtbot)
    layer = editor.scene.arrows
    everywhere = editor.scene.sceneRect()
    link_id = sorted(layer.arrows_in(everywhere))[0]
    geometry = layer.drawn(link_id)
    assert geometry is not None
    asked = _recorded_updates(monkeypatch)
    layer.hide_stale([link_id])
    assert link_id not in layer.arrows_in(everywhere)
    x, y, w, h = geometry.bounds
    assert any(QRectF(*box).intersects(QRectF(x, y, w, h)) for box in asked)  # where it was: repainted
    asked.clear()
    layer.set_arrow(link_id, geometry)  # the same drawing as before
    assert link_id in layer.arrows_in(everywhere)
    assert asked, "shown again: repainted"
