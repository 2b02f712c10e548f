"""Blueprint notation: the three link kinds, hand-offs across the line of visibility, and the
fail and wait markers, as the layout gives them and as the SVG and PDF draw them."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from exporters.pdf import export_pdf
from exporters.svg import render_svg
from model import Card, Document, Lane, Link, Stage, load
from model import style as st
from model.layout import Layout
from model.primitives import Box, Circle, Text
from model.primitives import Path as PathPrim

ROOT = Path(__file__).resolve().parent.parent


def blueprint() -> Document:
    lanes = [Lane("cust", "Customer", "customer"), Lane("front", "Front", "frontstage"),
             Lane("back", "Back", "backstage")]
    cards = [Card("c1", "cust", "s1", "Orders", fail=True), Card("c2", "cust", "s2", "Pays", wait="4 min"),
             Card("f1", "front", "s1", "Takes order"), Card("b1", "back", "s1", "Makes drink")]
    links = [Link("flow", "c1", "c2"), Link("dep", "f1", "b1", kind="depends"),
             Link("two", "c1", "f1", kind="twoway")]
    return Document.build(title="Notation", description=None, stages=[Stage("s1", "One"), Stage("s2", "Two")],
                          lanes=lanes, cards=cards, links=links, personas=[], extra={})


@pytest.fixture
def layout() -> Layout:
    return Layout(blueprint())


def heads(layout: Layout, link_id: str) -> list[PathPrim]:
    return [p for p in layout.links[link_id].primitives if isinstance(p, PathPrim) and p.fill]


def test_flow_is_solid_with_one_head_depends_dashed_twoway_two_heads(layout: Layout) -> None:
    line = {k: next(p for p in g.primitives if isinstance(p, PathPrim) and p.stroke) for k, g in layout.links.items()}
    assert line["flow"].dash is None and len(heads(layout, "flow")) == 1
    assert line["dep"].dash and len(heads(layout, "dep")) == 1
    assert line["two"].dash is None and len(heads(layout, "two")) == 2


def test_only_handoffs_across_the_line_of_visibility_take_the_handoff_colour(layout: Layout) -> None:
    colours = {k: next(p.stroke for p in g.primitives if isinstance(p, PathPrim) and p.stroke)
               for k, g in layout.links.items()}
    assert colours == {"flow": st.ARROW, "dep": st.HANDOFF, "two": st.ARROW}


def test_fail_and_wait_markers(layout: Layout) -> None:
    fail = layout.cards["c1"].primitives
    assert any(isinstance(p, Circle) and p.fill == st.FAIL for p in fail)
    assert any(isinstance(p, Text) and p.text == "F" for p in fail)
    wait = layout.cards["c2"].primitives
    assert any(isinstance(p, Text) and p.text == "W" for p in wait)
    assert any(isinstance(p, Text) and p.text == "4 min" for p in wait)


def test_svg_draws_the_kinds_and_markers(layout: Layout) -> None:
    svg = render_svg(layout)
    # the depends arrow and the two blueprint lines this board has (interaction, visibility)
    assert len(re.findall(r"stroke-dasharray", svg)) == 1 + 2
    assert st.HANDOFF.lower() in svg.lower()
    assert ">F<" in svg and ">W<" in svg and ">4 min<" in svg


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed")
def test_pdf_carries_the_markers(layout: Layout, tmp_path: Path) -> None:
    out = tmp_path / "n.pdf"
    export_pdf(layout, out)
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "4 min" in text and "Line of visibility" in text and "Line of interaction" in text


def spanning_board() -> Document:
    """Cards in every cell of three lanes x four stages; arrows that span columns."""
    lanes = [Lane("cust", "Customer", "customer"), Lane("front", "Front", "frontstage"),
             Lane("back", "Back", "backstage")]
    stages = [Stage(f"s{i}", f"Stage {i}") for i in range(4)]
    cards = [Card(f"{lane.id}{i}", lane.id, f"s{i}", f"{lane.name} step {i} with some words to wrap")
             for lane in lanes for i in range(4)]
    links = [Link("same-lane", "cust0", "cust3"), Link("down", "cust0", "back3", label="hand-over"),
             Link("up", "back0", "front2"), Link("return", "front3", "cust0", kind="twoway")]
    return Document.build(title="Spans", description=None, stages=stages, lanes=lanes, cards=cards, links=links,
                          personas=[], extra={})


def segment_points(commands: tuple[tuple[object, ...], ...], steps: int = 12) -> list[tuple[float, float]]:
    """Points along a path of M/L/C commands."""
    points: list[tuple[float, float]] = []
    current = (0.0, 0.0)
    for op, *c in commands:
        xy = [float(v) for v in c]  # type: ignore[arg-type]
        if op == "M":
            current = (xy[0], xy[1])
        elif op == "L":
            end = (xy[0], xy[1])
            points += [(current[0] + (end[0] - current[0]) * t / steps, current[1] + (end[1] - current[1]) * t / steps)
                       for t in range(steps + 1)]
            current = end
        elif op == "C":
            p1, p2, p3 = (xy[0], xy[1]), (xy[2], xy[3]), (xy[4], xy[5])
            for t in (i / steps for i in range(steps + 1)):
                u = 1 - t
                points.append((u**3 * current[0] + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0] + t**3 * p3[0],
                               u**3 * current[1] + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1] + t**3 * p3[1]))
            current = p3
    return points


def test_arrows_spanning_columns_run_round_the_cards_between_their_ends() -> None:
    doc = spanning_board()
    layout = Layout(doc)
    for link in doc.links():
        geometry = layout.links[link.id]
        assert any(op == "L" for op, *_ in geometry.curve)  # routed orthogonally
        others = [g.rect for cid, g in layout.cards.items() if cid not in (link.source, link.target)]
        for x, y in segment_points(geometry.curve):
            hit = [r for r in others if r.x + 1 < x < r.x + r.w - 1 and r.y + 1 < y < r.y + r.h - 1]
            assert not hit, (link.id, (x, y))
    label = next(p for p in layout.links["down"].label if isinstance(p, Text))
    for card in layout.cards.values():  # the label sits in the channel, over no card's text
        inner_top, inner_bottom = card.y + st.CARD_PAD_Y, card.y + card.h - st.CARD_PAD_Y
        assert not (card.x < label.x < card.x + card.w and inner_top < label.y < inner_bottom)


def _laid_out(title: str, stages: list[Stage], lanes: list[Lane], cards: list[Card], links: list[Link]) -> Layout:
    """The layout of a small board of these stages, lanes, cards and links."""
    return Layout(Document.build(title=title, description=None, stages=stages, lanes=lanes, cards=cards, links=links,
                                 personas=[], extra={}))


def _pill(layout: Layout, link_id: str) -> Box:
    """The pill of a link's label."""
    return next(p for p in layout.links[link_id].label if isinstance(p, Box))


def test_the_label_of_an_arrow_between_stacked_cards_sits_in_the_gap_beside_its_head() -> None:
    """Two cards stacked in a cell leave a gap no taller than the arrowhead between them: the label
    goes in that gap beside the head (it may cover the cards' padding, not their text), not above
    the upper card, a card's height away and on the lane's border."""
    lanes = [Lane("evidence", "Evidence", "evidence"), Lane("cust", "Customer", "customer")]
    stages = [Stage("s0", "Look"), Stage("s1", "Ask")]
    cards = [Card("e0", "evidence", "s0", "Shelf with name stickers"),
             Card("look", "cust", "s0", "Looks for the cup on the shelf"),
             Card("ask", "cust", "s0", "Asks staff where the order is"),
             Card("wait", "cust", "s1", "Waits at the counter")]
    links = [Link("missing", "look", "ask", label="not on shelf")]
    layout = _laid_out("Stacked", stages, lanes, cards, links)
    upper, lower = layout.cards["look"].rect, layout.cards["ask"].rect
    pill = _pill(layout, "missing")
    head_x = upper.x + upper.w / 2
    assert upper.y + upper.h < pill.y + pill.h / 2 < lower.y, "centred in the gap between the cards"
    assert pill.x >= head_x, "beside the arrowhead, which stays in sight"
    for card in (upper, lower):  # over the cards' padding at most, never their text
        inner_top, inner_bottom = card.y + st.CARD_PAD_Y, card.y + card.h - st.CARD_PAD_Y
        assert pill.y + pill.h <= inner_top or pill.y >= inner_bottom
    lane_top = layout.lane_headers["cust"].rect.y
    assert pill.y > lane_top + 1, "not on the lane's border"


@pytest.mark.parametrize(("example", "link_id"), [("coffee-shop-blueprint", "k-09"), ("onboarding-journey", "k-07")])
def test_a_label_with_room_off_the_cards_keeps_off_their_borders(example: str, link_id: str) -> None:
    """Where its arrow leaves room clear of the cards, a label takes it rather than a place on a card's
    padding and border, where it read as a chip of the card: the coffee shop's "on payment" sat across
    its card's bottom edge with 20 px free below it, above the line of interaction; the onboarding
    journey's "eases" across an opportunity card's accent bar, beside a free gutter."""
    document = load(ROOT / "resources" / "examples" / f"{example}.touchline")
    layout = Layout(document)
    pill = _pill(layout, link_id)
    for card_id, card in layout.cards.items():
        r = card.rect
        assert not (pill.x < r.x + r.w + 0.5 and r.x - 0.5 < pill.x + pill.w
                    and pill.y < r.y + r.h + 0.5 and r.y - 0.5 < pill.y + pill.h), f"on {card_id}"
    for line in layout.blueprint_lines:
        assert not pill.y <= line.y <= pill.y + pill.h, f"on the {line.name}"
    curve = layout.links[link_id].curve
    xs = [value for command in curve for value in command[1::2]]
    assert pill.x < max(xs) and min(xs) < pill.x + pill.w, "on its arrow"


def test_the_label_of_an_arrow_between_neighbouring_cards_stays_inside_their_lane() -> None:
    """Two cards side by side leave a gap narrower than the label: it sits over their top edges above
    the gap (on their padding, not their text), inside the lane, where it sat across the lane's top
    border."""
    lanes = [Lane("touch", "Touchpoints", "touchpoint"), Lane("doing", "Doing", "customer")]
    stages = [Stage("s0", "Verify"), Stage("s1", "Deposit")]
    cards = [Card("t0", "touch", "s0", "ID scan in the app"), Card("t1", "touch", "s1", "Welcome email"),
             Card("photo", "doing", "s0", "Photographs passport, records selfie video"),
             Card("pay", "doing", "s1", "Transfers £200 from old bank")]
    links = [Link("approved", "photo", "pay", label="after approval")]
    layout = _laid_out("Side by side", stages, lanes, cards, links)
    left, right = layout.cards["photo"].rect, layout.cards["pay"].rect
    pill = _pill(layout, "approved")
    lane = layout.lane_headers["doing"].rect
    assert lane.y < pill.y and pill.y + pill.h < lane.y + lane.h, "inside the lane, clear of its borders"
    assert pill.x < left.x + left.w and right.x < pill.x + pill.w, "over the gap between the two cards"
    for card in (left, right):  # over their padding at most, never their text
        assert pill.y + pill.h <= card.y + st.CARD_PAD_Y


@pytest.mark.parametrize(("label", "kind"), [("retry", "flow"), ("undo", "flow"), ("ok", "twoway"), ("次へ", "flow")])
def test_a_short_label_between_neighbouring_cards_leaves_its_arrowheads_in_sight(label: str, kind: str) -> None:
    """"retry" from step 4 back to step 3 covered 96 % of its head (in the canvas, the PDF and the SVG): the
    step back read as a step forward."""
    lanes = [Lane("doing", "Doing", "customer")]
    stages = [Stage(f"s{i}", f"Step {i}") for i in range(4)]
    cards = [Card(f"c{i}", "doing", f"s{i}", f"Step {i} of the flow") for i in range(4)]
    links = [Link("back", "c3", "c2", kind=kind, label=label), Link("on", "c0", "c1", label="then")]
    layout = _laid_out("Short labels", stages, lanes, cards, links)
    for link_id in ("back", "on"):
        pill = _pill(layout, link_id)
        for head in heads(layout, link_id):
            xs = [value for command in head.commands for value in command[1::2]]
            ys = [value for command in head.commands for value in command[2::2]]
            assert (pill.x >= max(xs) or pill.x + pill.w <= min(xs) or pill.y >= max(ys)
                    or pill.y + pill.h <= min(ys)), (link_id, pill, xs, ys)


def test_two_detours_in_one_gutter_each_keep_their_label_on_their_own_line() -> None:
    """Two arrows bending round the cards of one column run down the same gutter and cross: each label
    sat where it covered no card, on the other arrow too, and read as that one's (the onboarding
    journey's "fixes" and "eases"). Now each sits on its own line, clear of the other."""
    from model.links import line_pieces, pieces_in

    lanes = [Lane("pain", "Pains", "pain"), Lane("fix", "Opportunities", "opportunity")]
    stages = [Stage("s0", "Verify")]
    cards = [Card("selfie", "pain", "s0", "Selfie check fails in low light"),
             Card("review", "pain", "s0", "Manual review takes up to 48 hours"),
             Card("guide", "fix", "s0", "Live guidance overlay for light and framing"),
             Card("status", "fix", "s0", "Show review status and expected wait")]
    links = [Link("fixes", "selfie", "guide", label="fixes"), Link("eases", "review", "status", label="eases")]
    layout = _laid_out("Detours", stages, lanes, cards, links)
    for mine, other in (("fixes", "eases"), ("eases", "fixes")):
        pill = _pill(layout, mine)
        box = (pill.x, pill.y, pill.x + pill.w, pill.y + pill.h)
        assert pieces_in(line_pieces(layout.links[mine].curve), *box), f"{mine}: on its own line"
        assert not pieces_in(line_pieces(layout.links[other].curve), *box), f"{mine}: clear of {other}'s line"


def test_labels_of_arrows_routed_across_stages_do_not_sit_on_one_another() -> None:
    """Arrows two stages long run orthogonally through a channel; their labels all sat at the channel's
    middle, so two arrows from neighbouring cards to one card put one label over the other."""
    lanes = [Lane("cust", "Customer", "customer"), Lane("front", "Frontstage", "frontstage")]
    stages = [Stage("s0", "Discover"), Stage("s1", "Order"), Stage("s2", "Wait")]
    cards = [Card("decal", "cust", "s0", "Sees decal while waiting in queue"),
             Card("app", "cust", "s0", "Downloads app, creates an account"),
             Card("order", "cust", "s1", "Builds order"),
             Card("push", "front", "s2", "Push notification when drink is started")]
    links = [Link("a", "decal", "push", label="notifies"), Link("b", "app", "push", label="confirms")]
    layout = _laid_out("Routed", stages, lanes, cards, links)
    pills = [_pill(layout, k) for k in ("a", "b")]
    first, second = pills
    apart = (first.x + first.w <= second.x or second.x + second.w <= first.x
             or first.y + first.h <= second.y or second.y + second.h <= first.y)
    assert apart, pills
    for pill in pills:  # over a card's padding at most, never its text
        for card in layout.cards.values():
            r = card.rect
            inner = (r.x + st.CARD_PAD_X, r.y + st.CARD_PAD_Y, r.x + r.w - st.CARD_PAD_X, r.y + r.h - st.CARD_PAD_Y)
            assert (pill.x + pill.w <= inner[0] or pill.x >= inner[2] or pill.y + pill.h <= inner[1]
                    or pill.y >= inner[3]), (pill, card.id)


LONG_LABEL = "this link label has ordinary spaces but is much wider than a stage column so where does it go"
ONE_WORD = "Averyveryverylongsinglewordlabelwithoutanyspacesatalltotestclipping" * 2
ARABIC_LABEL = "تسمية عربية طويلة جدا على رابط في العمود الأخير من اللوحة لنرى أين تذهب"


def test_labels_in_the_last_stage_stay_on_the_board_wrapped_or_cut_short() -> None:
    """A label on an arrow of the last stage was centred on it at any width: "this link label has ordinary
    spaces..." ran 100 px off the board's right edge (the SVG put a 481-px label's centre at 1458 on a
    1348-px board; the PDF's text read "this link label has ordinar"), and so did a label of one long word.
    Now a label wraps at a card's width onto three lines at most, the last cut with "…", and its pill lies
    inside the board, right of the lane headers."""
    from model.links import LABEL_MAX_LINES, LABEL_MAX_W
    from model.typesetting import text_width

    lanes = [Lane("touch", "Touchpoints", "touchpoint"), Lane("doing", "Doing", "customer"),
             Lane("fix", "Opportunities", "opportunity")]
    stages = [Stage(f"s{i}", f"Stage {i}") for i in range(3)]
    cards = [Card("a", "touch", "s2", "Instant spending notifications"), Card("b", "touch", "s2", "Debit card"),
             Card("c", "doing", "s2", "Pays by phone, checks spending by category"),
             Card("d", "fix", "s2", "Offer salary switch after two weeks"),
             Card("e", "touch", "s0", "Friend's referral link in group chat")]
    # "long" bends round "c" in the margin right of the last column; "word" crosses the board.
    links = [Link("long", "a", "d", label=LONG_LABEL), Link("arabic", "c", "d", label=ARABIC_LABEL),
             Link("word", "e", "d", label=ONE_WORD), Link("short", "a", "b", label="fixes")]
    layout = _laid_out("Labels at the edge", stages, lanes, cards, links)
    for link in links:
        pill = _pill(layout, link.id)
        assert pill.x >= st.MARGIN + st.LANE_HEADER_W and pill.x + pill.w <= layout.width, (link.id, pill, layout.width)
        texts = [p for p in layout.links[link.id].label if isinstance(p, Text)]
        assert 1 <= len(texts) <= LABEL_MAX_LINES
        for text in texts:
            assert text_width(text.text, text.size) <= LABEL_MAX_W, (link.id, text.text)
            half = text_width(text.text, text.size) / 2  # anchored in the middle: inside its pill
            assert pill.x <= text.x - half and text.x + half <= pill.x + pill.w, (link.id, text.text)
        bounds_x, _, bounds_w, _ = layout.links[link.id].bounds
        assert bounds_x <= pill.x and pill.x + pill.w <= bounds_x + bounds_w, "the arrow's bounds hold its label"
    assert [p.text for p in layout.links["short"].label if isinstance(p, Text)] == ["fixes"], "a short one as it was"
    long = " ".join(p.text for p in layout.links["long"].label if isinstance(p, Text))
    assert long == LONG_LABEL, "the long label whole, on three lines"
    word = [p.text for p in layout.links["word"].label if isinstance(p, Text)]
    assert len(word) == LABEL_MAX_LINES and word[-1].endswith("…") and ONE_WORD.startswith("".join(word)[:-1])


def test_a_fail_point_on_a_red_card_is_parted_from_it_by_a_white_ring() -> None:
    """The fail disc (#DC2626) had 1.21:1 against a #FF0000 card and 1.11:1 against #E91E63: it melted
    into the card. Where the card's fill is that close, a white ring parts them; on other cards, none."""
    from model import style as st
    from model.cardshape import measure_card
    from model.entities import Card
    from model.primitives import Circle

    def discs(color: str | None) -> list[Circle]:
        shape = measure_card(Card("c", "l", "s", text="Refund fails", fail=True, color=color), "frontstage")
        return [p for p in shape.primitives if isinstance(p, Circle)]

    for red in ("#FF0000", "#E91E63", "#DC2626", "#1E3A8A"):
        ring, disc = discs(red)
        assert ring.fill == st.ON_ACCENT and ring.r > disc.r and disc.fill == st.FAIL
        assert st.contrast(ring.fill, st.FAIL) >= 3 and st.contrast(ring.fill, red) > st.contrast(st.FAIL, red)
    for calm in (None, "#FFF7D6", "#DCFCE7"):  # (a deep blue card is as close to the red: ringed too)
        assert [c.fill for c in discs(calm)] == [st.FAIL], calm


def test_a_label_ending_in_a_line_break_is_one_line() -> None:
    """A label from a file or an import ending in a line break drew a pill two lines tall, the second empty."""
    from model.links import label_lines, label_size

    assert label_lines("retry\n") == ("retry",) and label_size("retry\n") == label_size("retry")
