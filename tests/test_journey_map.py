"""The journey map's rich picture: emotion curve, channel icons, personas, metrics, legend."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as hst

import model
from model import emotion_curve as emo
from model.channel_icons import CHANNEL_ICONS, GENERIC_ICON, KIND_ICONS, SCORE_ICONS, channel_icon
from model.entities import LANE_KIND_LABELS, Card, Lane, Stage
from model.icons import icon_commands, icon_names, parse_svg_path
from model.layout import Layout
from model.metrics_row import CHART_H, PLOT_BOTTOM, PLOT_TOP, TILE_H, charted_metrics, format_value, shown_value
from model.primitives import Box, Line, Text
from model.primitives import Path as PathPrim
from model.style import METRIC_FILL

ROOT = Path(__file__).resolve().parent.parent
JOURNEY = ROOT / "resources" / "examples" / "onboarding-journey.touchline"


def texts(layout: Layout) -> list[str]:
    """Every Text primitive's string, in paint order."""
    return [p.text for p in layout.primitives() if isinstance(p, Text)]


def bezier(p0: float, p1: float, p2: float, p3: float, t: float) -> float:
    u = 1 - t
    return u * u * u * p0 + 3 * u * u * t * p1 + 3 * u * t * t * p2 + t * t * t * p3


def emotion_board(scores: list[list[int]]) -> model.Document:
    """A journey with one emotion lane; stage i holds cards with ``scores[i]``."""
    doc = model.Document("Feelings")
    doc.add_lane(Lane("emo", "Feeling", "emotion"))
    doc.add_lane(Lane("do", "Doing", "customer"))
    for i, stage_scores in enumerate(scores):
        doc.add_stage(Stage(f"s{i}", f"Stage {i + 1}"))
        for j, score in enumerate(stage_scores):
            doc.add_card(Card(f"c{i}-{j}", "emo", f"s{i}", f"Feeling {i}.{j}", score=score))
    return doc


# ------------------------------------------------------------------ emotion curve
@settings(max_examples=500, deadline=None)
@given(hst.lists(hst.tuples(hst.floats(1, 200), hst.floats(-300, 300)), min_size=2, max_size=12))
def test_the_curve_is_monotone_between_points_and_never_overshoots(steps: list[tuple[float, float]]) -> None:
    xs, x = [], 0.0
    for dx, _ in steps:
        x += dx
        xs.append(x)
    points = [(px, py) for px, (_, py) in zip(xs, steps, strict=True)]
    commands = emo.curve_commands(points)
    assert commands[0] == ("M", *points[0])
    assert len(commands) == len(points)
    for (x0, y0), command in zip(points, commands[1:], strict=False):
        _, c1x, c1y, c2x, c2y, x1, y1 = command
        low, high = min(y0, y1), max(y0, y1)
        samples = [bezier(y0, c1y, c2y, y1, t / 40) for t in range(41)]
        assert all(low - 1e-6 <= y <= high + 1e-6 for y in samples), "the curve overshoots its points"
        diffs = [b - a for a, b in itertools.pairwise(samples)]
        assert all(d >= -1e-6 for d in diffs) or all(d <= 1e-6 for d in diffs), "not monotone"
        xs_curve = [bezier(x0, c1x, c2x, x1, t / 40) for t in range(41)]
        assert all(b >= a - 1e-9 for a, b in itertools.pairwise(xs_curve)), "x runs back"


def test_a_flat_stretch_stays_flat_and_a_peak_is_not_overshot() -> None:
    commands = emo.curve_commands([(0, 50), (100, 50), (200, 0), (300, 50)])
    _, _, c1y, _, c2y, _, _ = commands[1]
    assert c1y == c2y == 50  # two equal scores: a straight level stretch, no bump
    peak = commands[2]
    assert peak[4] == 0  # the tangent at the extreme is flat: nothing above the happiest point


def test_markers_sit_at_their_scores_on_one_scale() -> None:
    doc = emotion_board([[-2], [-1], [0], [1], [2]])
    layout = Layout(doc)
    ys = {card.score: layout.marker_centre(card.id)[1] for card in doc.cards()}  # type: ignore[index]
    steps = [ys[s] - ys[s + 1] for s in range(-2, 2)]
    assert steps == [pytest.approx(emo.STEP)] * 4  # equal steps, higher score higher up
    lane = layout.lane_headers["emo"].rect
    for card in doc.cards():
        rect = layout.card_rect(card.id)
        assert lane.y <= rect.y and rect.y + rect.h <= lane.y + lane.h, "a label leaves its lane"


def test_the_curve_runs_through_every_marker_in_stage_order() -> None:
    doc = emotion_board([[1], [-2, 0], [2]])
    layout = Layout(doc)
    curves = [p for p in layout.background if isinstance(p, PathPrim) and p.stroke == emo.st.CURVE]
    assert len(curves) == 1
    through = [curves[0].commands[0][1:3]] + [c[5:7] for c in curves[0].commands[1:]]
    expected = [layout.marker_centre(c) for c in ("c0-0", "c1-0", "c1-1", "c2-0")]
    assert through == expected


def label_rect(layout: Layout, card_id: str) -> tuple[float, float, float, float]:
    geometry = layout.cards[card_id]
    x, y, w, h = geometry.shape.body  # type: ignore[misc]
    return geometry.x + x, geometry.y + y, w, h


def overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]


@pytest.mark.parametrize("scores", [[1, -1, 2], [0, 0], [1, 1, 1], [-2, -2], [2, -2, 0, 1]])
def test_several_cards_of_a_stage_are_spread_across_it(scores: list[int]) -> None:
    doc = emotion_board([scores, [0]])
    layout = Layout(doc)
    cell = layout.cell_rect("s0", "emo")
    ids = [f"c0-{j}" for j in range(len(scores))]
    xs = [layout.marker_centre(c)[0] for c in ids]  # type: ignore[index]
    assert xs == sorted(xs) and len(set(xs)) == len(ids), "markers spread left to right"
    assert xs[0] - cell.x < cell.w / 2 < xs[-1] - cell.x
    labels = [label_rect(layout, c) for c in ids]
    for i, a in enumerate(labels):
        assert cell.x <= a[0] and a[0] + a[2] <= cell.x + cell.w, "a label leaves its stage"
        assert cell.y <= a[1] and a[1] + a[3] <= cell.y + cell.h, "a label leaves its lane"
        for j, b in enumerate(labels):
            assert i == j or not overlap(a, b), "two labels overlap"
        for c in ids:
            mx, my = layout.marker_centre(c)  # type: ignore[misc]
            r = emo.MARKER_R
            assert c == ids[i] or not overlap(a, (mx - r, my - r, 2 * r, 2 * r)), "a label hides a marker"


def test_labels_sit_outside_the_curve_over_a_high_point_and_under_a_low_one() -> None:
    """A label over a −2 reached up across the positive band and the curve ran behind it; one under a +2 hid the
    curve climbing to it. The curve never runs above its highest point nor below its lowest."""
    doc = emotion_board([[2], [-2], [1], [0], [-1]])
    doc.set_card_field("c1-0", "text", "Miserable. " * 12)  # a tall label
    layout = Layout(doc)
    for stage, score in enumerate((2, -2, 1, 0, -1)):
        card = f"c{stage}-0"
        _, marker_y = layout.marker_centre(card)  # type: ignore[misc]
        geometry = layout.cards[card]
        label_top, label_bottom = geometry.y + geometry.shape.body[1], geometry.y + geometry.shape.body[1] + \
            geometry.shape.body[3]
        if score > 0:
            assert label_bottom <= marker_y - emo.MARKER_R, score
        else:
            assert label_top >= marker_y + emo.MARKER_R, score
    lines = dict(layout.score_lines("emo"))
    tall = layout.cards["c1-0"]
    assert tall.y + tall.shape.body[1] > lines[-2]  # wholly below the −2 line: nowhere near the positive band


def test_a_new_score_moves_the_marker_and_the_curve_incrementally() -> None:
    doc = emotion_board([[0], [0]])
    layout = Layout(doc)
    doc.changed.connect(layout.apply)
    neutral = dict(layout.score_lines("emo"))
    before = layout.marker_centre("c0-0")
    doc.set_card_field("c0-0", "score", 2)
    after = layout.marker_centre("c0-0")
    # Up the scale: the lane may grow above it for the label now over the marker, so measured from 0's line.
    assert after is not None and before is not None and abs(before[1] - neutral[0]) < 1
    assert dict(layout.score_lines("emo"))[2] == pytest.approx(after[1], abs=1)
    fresh = Layout(doc)
    assert layout.background == fresh.background
    assert {k: (g.x, g.y) for k, g in layout.cards.items()} == {k: (g.x, g.y) for k, g in fresh.cards.items()}
    assert layout.emotion_score_at("emo", after[1]) == 2
    assert layout.emotion_score_at("emo", after[1] + 4 * emo.STEP) == -2
    assert layout.emotion_score_at("emo", after[1] + 40 * emo.STEP) == -2  # clamped to the scale


@pytest.mark.parametrize(("lane", "stage", "index"), [("up", "s0", 0), ("up", "s0", 1), ("up", "s1", 0),
                                                     ("emo", "s1", 0), ("do", "s0", 0)])
def test_a_scored_card_moved_into_another_emotion_lanes_scored_cell_lays_out_as_fresh(
        lane: str, stage: str, index: int) -> None:
    """The lane grew and the curves were drawn before the cards were placed again: a card moved beside a scored
    one met it at the same x, "curve points must have increasing x" stopped the edit halfway, and undo in the
    editor then lost a lane's cards for good."""
    doc = emotion_board([[1], [0]])
    doc.add_lane(Lane("up", "Feeling too", "emotion"), 0)
    doc.add_card(Card("x", "up", "s0", "X", score=0))
    layout = Layout(doc)
    doc.changed.connect(layout.apply)
    doc.move_card("c0-0", stage, lane, index)
    fresh = Layout(doc)
    assert {k: (g.x, g.y) for k, g in layout.cards.items()} == {k: (g.x, g.y) for k, g in fresh.cards.items()}
    assert layout.background == fresh.background
    doc.move_card("c0-0", "s0", "emo", 0)
    assert layout.background == Layout(doc).background


@pytest.mark.parametrize("score", [3, -3, 10])
def test_scores_out_of_range_are_refused_at_load(score: int) -> None:
    data = json.loads(JOURNEY.read_text(encoding="utf-8"))
    index = next(i for i, c in enumerate(data["cards"]) if "score" in c)
    data["cards"][index]["score"] = score
    with pytest.raises(model.LoadError, match=rf"cards\[{index}\]\.score"):
        model.loads(json.dumps(data))


def test_each_score_has_a_face_and_a_colour() -> None:
    assert set(SCORE_ICONS) == set(emo.st.SENTIMENT) == set(range(-2, 3))
    assert len(set(SCORE_ICONS.values())) == 5 and len(set(emo.st.SENTIMENT.values())) == 5


# ------------------------------------------------------------------ icons
def test_every_bundled_icon_parses_into_its_grid() -> None:
    assert {*CHANNEL_ICONS.values(), GENERIC_ICON, *KIND_ICONS.values(), *SCORE_ICONS.values()} <= set(icon_names())
    for name in icon_names():
        commands = icon_commands(name)
        assert commands and commands[0][0] == "M"
        coords = [float(v) for c in commands for v in c[1:]]  # type: ignore[arg-type]
        assert all(-0.5 <= v <= 24.5 for v in coords), name


def test_svg_arcs_become_cubics_that_end_on_the_arc_end() -> None:
    commands = parse_svg_path("M9 16a5 5 0 016 0")  # flags written without separators
    assert commands[0] == ("M", 9.0, 16.0)
    assert all(c[0] == "C" for c in commands[1:])
    assert commands[-1][5:] == (15.0, 16.0)


def test_icon_licence_is_bundled_beside_the_icons() -> None:
    licence = (ROOT / "resources" / "icons" / "LICENSE-lucide.txt").read_text(encoding="utf-8")
    assert "ISC License" in licence


@pytest.mark.parametrize("channel", ["web", "Website", "E-mail", "chat"])
def test_known_channels_get_their_own_icon(channel: str) -> None:
    assert channel_icon(channel) != GENERIC_ICON


def test_an_unknown_channel_falls_back_to_the_generic_icon_with_its_name() -> None:
    assert channel_icon("carrier pigeon") == GENERIC_ICON
    doc = emotion_board([[]])
    doc.add_card(Card("k", "do", "s0", "Sends a note", channel="carrier pigeon"))
    layout = Layout(doc)
    prims = layout.cards["k"].primitives
    generic = PathPrim(icon_commands(GENERIC_ICON)).commands
    assert any(isinstance(p, PathPrim) and len(p.commands) == len(generic) and p.round for p in prims)
    assert "carrier pigeon" in [p.text for p in prims if isinstance(p, Text)]


# ------------------------------------------------------------------ personas and metrics
def test_personas_round_trip_and_show_in_the_header_and_as_badges() -> None:
    doc = model.load(JOURNEY)
    again = model.loads(model.dumps(doc))
    assert again.personas == doc.personas and len(doc.personas) >= 2
    layout = Layout(again)
    shown = texts(layout)
    for persona in again.personas:
        assert persona.name in shown
        assert persona.role in shown
        for goal in persona.goals or []:
            assert goal.split()[0] in " ".join(shown)
    badge_cards = [c for c in again.cards() if c.persona]
    assert badge_cards
    for card in badge_cards:
        initials = "".join(w[0] for w in again.persona(card.persona).name.split()[:2]).upper()  # type: ignore[arg-type]
        assert initials in [p.text for p in layout.cards[card.id].primitives if isinstance(p, Text)]


def test_persona_header_lies_above_the_stages() -> None:
    doc = model.load(JOURNEY)
    layout = Layout(doc)
    name_y = next(p.y for p in layout.background if isinstance(p, Text) and p.text == doc.personas[0].name)
    assert name_y < min(h.rect.y for h in layout.stage_headers.values())


def test_metrics_round_trip_and_show_under_the_stage_header() -> None:
    doc = model.load(JOURNEY)
    again = model.loads(model.dumps(doc))
    assert [s.metrics for s in again.stages] == [s.metrics for s in doc.stages]
    layout = Layout(again)
    for stage in again.stages:
        header = [p.text for p in layout.stage_headers[stage.id].primitives if isinstance(p, Text)]
        for name, value in (stage.metrics or {}).items():
            assert name in header and format_value(value) in header


def test_a_metric_of_several_stages_gets_a_line_chart() -> None:
    doc = model.Document("m")
    doc.add_lane(Lane("l", "Doing", "customer"))
    for i, metrics in enumerate([{"NPS": 10}, {"NPS": 30, "CES": 2}, {"NPS": 20}]):
        doc.add_stage(Stage(f"s{i}", f"S{i}", metrics))
    assert charted_metrics(doc.stages) == ["NPS"]
    layout = Layout(doc)
    lines = [p for p in layout.background if isinstance(p, PathPrim) and p.stroke == emo.st.CHART_LINE]
    assert len(lines) == 1 and len(lines[0].commands) == 3
    centres = [layout.stage_headers[f"s{i}"].rect.x + layout.stage_headers[f"s{i}"].rect.w / 2 for i in range(3)]
    assert [c[1] for c in lines[0].commands] == pytest.approx(centres)
    ys = [c[2] for c in lines[0].commands]
    assert ys[1] < ys[2] < ys[0]  # 30 highest, 10 lowest


def test_a_metric_chart_measures_from_zero_so_small_differences_look_small() -> None:
    doc = model.Document("m")
    doc.add_lane(Lane("l", "Doing", "customer"))
    for i, csat in enumerate([3.6, 4.2]):
        doc.add_stage(Stage(f"s{i}", f"S{i}", {"CSAT": csat}))
    layout = Layout(doc)
    line = next(p for p in layout.background if isinstance(p, PathPrim) and p.stroke == emo.st.CHART_LINE)
    (_, _, y36), (_, _, y42) = line.commands
    # the scale runs from 0 to 4.2 over the plotting height (chart height less its insets):
    # 0.6 apart is a seventh of it, not all of it as a min-to-max scale would draw
    plot_height = CHART_H - PLOT_TOP - PLOT_BOTTOM
    assert y36 - y42 == pytest.approx(0.6 / 4.2 * plot_height, abs=0.5)


def test_metric_tiles_give_long_names_the_room_to_show_whole() -> None:
    """Three tiles share a row while their names fit; longer names take fewer tiles a row, not an ellipsis."""
    doc = model.Document("m")
    doc.add_lane(Lane("l", "Doing", "customer"))
    short = {"CES": 3.8, "NPS": 46, "CSAT": 4.2}
    medium = {"drop-off %": 18, "install rate %": 12, "CES": 2.4}  # "install rate %" ~60 px: two a row
    long = {"Net promoter score": 46, "Customer effort score": 3.8}  # ~93 and ~103 px: one a row
    for i, metrics in enumerate([short, medium, long]):
        doc.add_stage(Stage(f"s{i}", f"S{i}", metrics))
    layout = Layout(doc)

    def tiles(stage_id: str) -> list[tuple[float, float]]:
        return sorted({(p.y, p.x) for p in layout.stage_headers[stage_id].primitives
                       if isinstance(p, Box) and p.fill == METRIC_FILL})

    def names(stage_id: str) -> set[str]:
        return {p.text for p in layout.stage_headers[stage_id].primitives if isinstance(p, Text)}

    assert len({y for y, _ in tiles("s0")}) == 1  # three short names: one row
    assert len({y for y, _ in tiles("s1")}) == 2  # two, then one
    assert len({y for y, _ in tiles("s2")}) == 2  # one each
    for i, metrics in enumerate([short, medium, long]):
        assert set(metrics) <= names(f"s{i}"), names(f"s{i}")
    # every header is as tall as the one with most rows
    assert len({h.rect.h for h in layout.stage_headers.values()}) == 1
    lowest_tile = max(y for y, _ in tiles("s2"))
    header = layout.stage_headers["s2"].rect
    assert lowest_tile + TILE_H <= header.y + header.h


def test_a_long_metric_value_takes_a_tile_row_of_its_own_instead_of_an_ellipsis() -> None:
    """"Chargebacks €" = −12345678.5 printed "−1234567…" in the PDF and SVG, the figure nowhere else."""
    doc = model.Document("m")
    doc.add_lane(Lane("l", "Doing", "customer"))
    doc.add_stage(Stage("s0", "S0", {"Chargebacks €": -12345678.5, "NPS": -42}))
    layout = Layout(doc)
    texts = {p.text for p in layout.stage_headers["s0"].primitives if isinstance(p, Text)}
    assert shown_value(-12345678.5) in texts and not any(t.endswith("…") for t in texts), texts


def test_metric_values_are_written_as_people_write_them() -> None:
    assert [format_value(v) for v in (46, 3.8, 31.5, 2.0, 0.125)] == ["46", "3.8", "31.5", "2", "0.12"]
    assert [format_value(v) for v in (-20, -0.5)] == ["−20", "−0.5"]  # a minus sign, as the emotion scale's


def struck_through(label: Text, points: list[tuple[float, float]]) -> bool:
    """Whether a chart's line (through ``points``) runs through a value's figures (from 0.7 em over the
    baseline to it), looked at every half pixel across them."""
    from model.typesetting import text_width

    width = text_width(label.text, label.size, label.bold)
    left = label.x - {"middle": width / 2, "end": width}.get(label.anchor, 0.0)
    top, bottom = label.y - 0.7 * label.size, label.y
    for (ax, ay), (bx, by) in itertools.pairwise(points):
        for step in range(int(width * 2) + 1):
            x = left + step / 2
            if ax <= x <= bx and top - 1 <= ay + (by - ay) * (x - ax) / (bx - ax) <= bottom + 1:  # the pen's half
                return True
    return False


def test_a_metric_charts_values_keep_off_its_line_and_a_negative_one_shows_zero() -> None:
    """Every value sat at the top right of its point: the line ran through "-20" and "-5", and nothing
    marked zero, so a negative NPS did not look negative."""
    doc = model.Document("m")
    doc.add_lane(Lane("l", "Doing", "customer"))
    values = [10, -20, 35, -5, 20]
    for i, nps in enumerate(values):
        doc.add_stage(Stage(f"s{i}", f"S{i}", {"NPS": nps}))
    layout = Layout(doc)
    line = next(p for p in layout.background if isinstance(p, PathPrim) and p.stroke == emo.st.CHART_LINE)
    points = [(c[1], c[2]) for c in line.commands]
    labels = {p.text: p for p in layout.background if isinstance(p, Text) and p.text in map(format_value, values)}
    for (x, y), value in zip(points, values, strict=True):
        label = labels[format_value(value)]
        if value == -5:  # a dip with room under it: under it, the line rising on both sides
            assert label.y > y and label.anchor == "middle" and label.x == x
        elif value == -20:  # the lowest point: no room under it; beside it the rising line ran through it
            assert not struck_through(label, points)
        else:  # the others over their point, centred
            assert label.y < y - 4 and label.anchor == "middle" and label.x == x
    for label in labels.values():
        assert not struck_through(label, points), label
    zero_lines = [p for p in layout.background if isinstance(p, Line) and p.dash is not None
                  and p.y1 == p.y2 and min(y for _, y in points) < p.y1 < max(y for _, y in points)]
    assert len(zero_lines) == 1


@pytest.mark.parametrize("values", [[0, 1.1, 2.2, 3.3, 4.4], [4, 3, 0], [2, 0, 0.4, 5]])
def test_the_value_of_a_low_end_point_is_written_where_the_line_is_not(values: list[float]) -> None:
    """The "0" of a first point at the row's bottom (emotion.touchline's CES from 0 up) was written right of
    it, on the line rising from it, struck through. A low point with no room under it has its value on
    the side the line does not leave from, else over it, clear of the line."""
    doc = model.Document("m")
    doc.add_lane(Lane("l", "Doing", "customer"))
    for i, value in enumerate(values):
        doc.add_stage(Stage(f"s{i}", f"S{i}", {"CES": value}))
    layout = Layout(doc)
    line = next(p for p in layout.background if isinstance(p, PathPrim) and p.stroke == emo.st.CHART_LINE)
    points = [(c[1], c[2]) for c in line.commands]
    texts = [p for p in layout.background if isinstance(p, Text) and p.size == emo.st.TYPE_SCALE[1] and p.bold]
    assert sorted(t.text for t in texts) == sorted(map(format_value, values))
    for label in texts:
        assert not struck_through(label, points), label
    lowest = min(range(len(values)), key=values.__getitem__)
    low = next(t for t in texts if t.text == format_value(values[lowest]))
    if lowest == 0:
        assert low.anchor == "end" and low.x < points[0][0], "left of the first point"
    elif lowest == len(values) - 1:
        assert low.anchor == "start" and low.x > points[-1][0], "right of the last point"


def test_a_long_metric_name_stops_short_of_the_charts_first_point_and_its_value() -> None:
    """"a very long metric name that keeps going" was fitted to the whole row's width and ran through the
    chart's first point and the value written over it (rtl_blueprint.touchline). It has the label column,
    cut with "…"."""
    from model.primitives import Circle
    from model.typesetting import text_width

    name = "a very long metric name that keeps going"
    doc = model.Document("m")
    doc.add_lane(Lane("l", "Doing", "customer"))
    for i, value in enumerate([123456789.12, -987654321, 5]):
        doc.add_stage(Stage(f"s{i}", f"S{i}", {name: value}))
    layout = Layout(doc)
    title = next(p for p in layout.background if isinstance(p, Text) and name.startswith(p.text.rstrip("…")))
    assert title.text.endswith("…") and len(title.text) > 10, title.text
    name_right = title.x + text_width(title.text, title.size, title.bold)
    first_column = min(h.rect.x for h in layout.stage_headers.values())
    assert name_right <= first_column, "inside the label column"
    first = min((p for p in layout.background if isinstance(p, Circle)), key=lambda c: c.cx)
    assert name_right < first.cx - first.r, "before the first point"
    value = next(p for p in layout.background if isinstance(p, Text) and p.text == shown_value(123456789.12))
    assert value.anchor == "middle", "over its point (the line falls from it)"
    assert name_right < value.x - text_width(value.text, value.size, value.bold) / 2, "before the first point's value"


# ------------------------------------------------------------------ pain, opportunity, legend
def test_pain_and_opportunity_cards_carry_their_icon_and_accent() -> None:
    doc = model.load(JOURNEY)
    layout = Layout(doc)
    for kind, icon in KIND_ICONS.items():
        lane = next(lane for lane in doc.lanes if lane.kind == kind)
        card_id = doc.cards_in_lane(lane.id)[0]
        prims = layout.cards[card_id].primitives
        assert any(isinstance(p, PathPrim) and p.stroke == emo.st.KIND_STYLES[kind].accent
                   and len(p.commands) == len(icon_commands(icon)) for p in prims)


def test_a_pain_to_opportunity_link_is_drawn_in_the_opportunity_accent() -> None:
    doc = model.load(JOURNEY)
    layout = Layout(doc)
    kinds = {lane.id: lane.kind for lane in doc.lanes}
    answers = [k for k in doc.links() if (kinds[doc.card(k.source).lane], kinds[doc.card(k.target).lane])
               == ("pain", "opportunity")]
    assert answers
    for link in answers:
        stroke = next(p.stroke for p in layout.links[link.id].primitives if isinstance(p, PathPrim))
        assert stroke == emo.st.KIND_STYLES["opportunity"].accent


def test_the_legend_lists_what_the_board_uses_and_can_be_hidden() -> None:
    doc = model.load(JOURNEY)
    hidden, shown = Layout(doc), Layout(doc, legend=True)
    assert "Legend" not in texts(hidden) and "Legend" in texts(shown)
    assert shown.height > hidden.height
    words = texts(shown)
    for label in ("Emotions", "Pain points", "Opportunities", "+2 Very positive", "−2 Very negative",
                  "app", "email", "Persona of a card"):
        assert label in words, label
    assert "Line of visibility" not in words and "Backstage" not in words  # not used on this board
    # The lanes' kinds in the board's order, top to bottom (they stood in a fixed order of kinds).
    labels = [LANE_KIND_LABELS[lane.kind] for lane in doc.lanes]
    group = words[words.index("LANES") + 1:]
    group = group[:next(i for i, w in enumerate(group) if w.isupper())]  # up to the next group's title
    assert group == list(dict.fromkeys(labels))
    assert shown.set_legend(False).full and "Legend" not in texts(shown)


def test_the_legend_follows_edits_as_a_fresh_layout_would() -> None:
    doc = emotion_board([[1], [0]])
    doc.add_lane(Lane("pain", "Pains", "pain"))
    doc.add_lane(Lane("opp", "Ideas", "opportunity"))
    doc.add_card(Card("p", "pain", "s0", "Slow"))
    doc.add_card(Card("o", "opp", "s0", "Faster"))
    layout = Layout(doc, legend=True)
    doc.changed.connect(layout.apply)
    assert "Fail point" not in texts(layout)
    doc.set_card_field("p", "fail", True)
    assert "Fail point" in texts(layout)
    doc.add_link(model.Link("k", "p", "o"))
    assert "Opportunity answering a pain point" in texts(layout)
    fresh = Layout(doc, legend=True)
    assert (layout.width, layout.height, layout.background) == (fresh.width, fresh.height, fresh.background)
    doc.remove_link("k")
    assert "Opportunity answering a pain point" not in texts(layout)


@pytest.mark.parametrize(("name", "initials"), [("Sam Reyes", "SR"), ("Maya, 34", "M"), ("Inês Carvalho", "IC"),
                                               ("Dr. Ann Lee", "DA"), ("42", "?"), ("", "?"), ("佐藤 花子", "佐花")])
def test_a_personas_badge_takes_the_initials_of_its_words_not_of_numbers(name: str, initials: str) -> None:
    """"Maya, 34" was badged "M3": an age is no initial."""
    from model.cardshape import persona_initials

    assert persona_initials(name) == initials


def test_an_emotion_point_without_words_is_drawn_as_its_marker_alone() -> None:
    """An emotion card with no text printed as an empty pink box beside its marker."""
    from model.primitives import Box

    doc = emotion_board([[1], [-1]])
    doc.set_card_field("c0-0", "text", "")
    layout = Layout(doc)
    bare, worded = layout.cards["c0-0"], layout.cards["c1-0"]
    assert not [p for p in bare.primitives if isinstance(p, Box)]  # no label box, no shadow
    assert [p for p in worded.primitives if isinstance(p, Box)]
    assert layout.marker_centre("c0-0") is not None and bare.shape.h > 2 * emo.MARKER_R  # still there to click
    doc.set_card_field("c0-0", "color", "#FFE4B5")  # a colour of its own to show: the label is drawn
    assert [p for p in Layout(doc).cards["c0-0"].primitives if isinstance(p, Box)]
    doc.set_card_field("c0-0", "color", None)
    doc.set_card_field("c0-0", "wait", "2 min")  # a chip to show: the label is drawn again
    assert [p for p in Layout(doc).cards["c0-0"].primitives if isinstance(p, Box)]


def test_a_small_metric_value_is_not_written_as_zero() -> None:
    """A conversion rate of 0.004 was written "0" on its tile, its chart and in Properties (and −0.004 "−0"):
    the client read that nobody converted. A value under a hundredth keeps the decimals that tell it from 0."""
    assert [format_value(v) for v in (0.004, -0.004, 0.0045, 0.01, 0.001234)] == \
        ["0.004", "−0.004", "0.0045", "0.01", "0.0012"]
    assert format_value(0.0) == "0" and format_value(-0.0) == "0"


def test_a_large_metric_value_has_its_thousands_set_apart_on_the_board() -> None:
    """"98765432.1" and "12500000" on a tile or a chart were read digit by digit. From 10,000 up the board sets the
    thousands apart with a narrow no-break space (a comma is a German reader's decimal); Properties keeps the form
    it reads back."""
    from model.metrics_row import GROUP_SEPARATOR

    thin = GROUP_SEPARATOR
    assert [shown_value(v) for v in (46, 3.8, 9999, 12500, 12500000, 98765432.1, -1234567.25, 0.004)] == \
        ["46", "3.8", "9999", f"12{thin}500", f"12{thin}500{thin}000", f"98{thin}765{thin}432.1",
         f"−1{thin}234{thin}567.25", "0.004"]
    assert format_value(12500000) == "12500000"  # the panel's
    doc = model.Document("Revenue")
    for i, value in enumerate((12500000, 45000)):
        doc.add_stage(model.Stage(f"s{i}", f"Stage {i}", metrics={"revenue": value}))
    doc.add_lane(model.Lane("l", "Customer", "customer"))
    drawn = {p.text for p in Layout(doc).primitives() if isinstance(p, Text)}
    assert f"12{thin}500{thin}000" in drawn and f"45{thin}000" in drawn and "12500000" not in drawn
