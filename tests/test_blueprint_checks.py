"""Each blueprint check fires where it should and stays silent where it should not; impact
sets and per-stage numbers on small hand-made boards."""

from __future__ import annotations

import pytest

from model import Card, Document, Lane, Link, Stage
from model.blueprint_checks import blueprint_findings
from model.impact import impact
from model.stage_numbers import parse_minutes, stage_numbers

KINDS = ("customer", "frontstage", "backstage", "support", "opportunity")


def board(cards: list[tuple[str, str, str]], links: list[tuple[str, str, str]] = (), **flags: dict) -> Document:  # type: ignore[assignment]
    """Stages s1..s3 and one lane per kind; cards as (id, stage, lane kind); links as (from, to, kind)."""
    stages = [Stage(f"s{i}", f"Stage {i}") for i in (1, 2, 3)]
    lanes = [Lane(kind, kind.title(), kind) for kind in KINDS]
    made = [Card(cid, kind, stage, f"text of {cid}", fail=cid in flags.get("fail", ()),
                 wait=flags.get("wait", {}).get(cid)) for cid, stage, kind in cards]
    made_links = [Link(f"k{i}", a, b, kind=k) for i, (a, b, k) in enumerate(links)]
    return Document.build(title="t", description=None, stages=stages, lanes=lanes, cards=made, links=made_links,
                          personas=[], extra={})


def codes(doc: Document, code: str) -> list[tuple[str, ...]]:
    return [f.cards for f in blueprint_findings(doc) if f.code == code]


def test_customer_without_frontstage() -> None:
    doc = board([("c", "s1", "customer"), ("f", "s1", "frontstage"), ("c2", "s2", "customer")], [])
    assert codes(doc, "customer-without-frontstage") == [("c",)]  # c2's stage has no frontstage
    linked = board([("c", "s1", "customer"), ("f", "s1", "frontstage")], [("c", "f", "flow")])
    assert codes(linked, "customer-without-frontstage") == []


def test_frontstage_unsupported() -> None:
    doc = board([("f1", "s1", "frontstage"), ("f2", "s2", "frontstage"), ("b", "s2", "backstage"),
                 ("x", "s3", "support")], [("f2", "b", "depends")])
    assert codes(doc, "frontstage-unsupported") == [("f1",)]
    path = board([("f1", "s1", "frontstage"), ("f2", "s2", "frontstage"), ("x", "s2", "support")],
                 [("f1", "f2", "flow"), ("f2", "x", "depends")])
    assert codes(path, "frontstage-unsupported") == []
    no_back_lanes = Document.build(title="t", description=None, stages=[Stage("s1", "S")],
                                   lanes=[Lane("front", "F", "frontstage")], cards=[Card("f", "front", "s1", "x")],
                                   links=[], personas=[], extra={})
    assert codes(no_back_lanes, "frontstage-unsupported") == []
    # Linked to the backstage only through a customer step, a frontstage action has nothing behind it.
    via_customer = board([("f1", "s1", "frontstage"), ("c", "s1", "customer"), ("f2", "s1", "frontstage"),
                          ("b", "s1", "backstage")], [("c", "f1", "flow"), ("c", "f2", "flow"), ("f2", "b", "depends")])
    assert codes(via_customer, "frontstage-unsupported") == [("f1",)]


def test_isolated_card_only_in_blueprint_lanes() -> None:
    doc = board([("c", "s1", "customer"), ("o", "s1", "opportunity"), ("b", "s1", "backstage"),
                 ("x", "s1", "support")], [("b", "x", "depends")])
    assert codes(doc, "isolated-card") == [("c",)]
    # On a journey map (no lane behind the customer's) an unlinked customer step is no finding.
    journey = Document.build(title="t", description=None, stages=[Stage("s1", "S")],
                             lanes=[Lane("do", "Doing", "customer"), Lane("feel", "Feeling", "emotion")],
                             cards=[Card("c", "do", "s1", "Downloads app")], links=[], personas=[], extra={})
    assert codes(journey, "isolated-card") == []


def test_an_emotion_card_without_a_score_is_said_to_sit_on_the_neutral_line() -> None:
    """Drawn as a deliberate 0, an unscored feeling read as "neutral" with nothing to say otherwise."""
    journey = Document.build(title="t", description=None, stages=[Stage("s1", "S")],
                             lanes=[Lane("feel", "Feeling", "emotion")],
                             cards=[Card("a", "feel", "s1", "Frustrated"), Card("b", "feel", "s1", "Calm", score=0)],
                             links=[], personas=[], extra={})
    found = [f for f in blueprint_findings(journey) if f.code == "emotion-unscored"]
    assert [(f.cards, f.message) for f in found] == [(("a",), '"Frustrated" has no score: its point sits on the '
                                                                'neutral line')]


def test_flow_cycle() -> None:
    doc = board([("a", "s1", "customer"), ("b", "s2", "customer"), ("c", "s3", "customer")],
                [("a", "b", "flow"), ("b", "c", "flow"), ("c", "a", "flow")])
    assert codes(doc, "flow-cycle") == [("a", "b", "c")]
    depends_loop = board([("a", "s1", "customer"), ("b", "s2", "customer")],
                         [("a", "b", "flow"), ("b", "a", "depends")])
    assert codes(depends_loop, "flow-cycle") == []
    # A retry that the customer can leave ("Pays" goes back to "Builds order", and on to "Walks to
    # shop") was reported as a loop they "cannot leave".
    retry = board([("a", "s1", "customer"), ("b", "s2", "customer"), ("c", "s3", "customer")],
                  [("a", "b", "flow"), ("b", "a", "flow"), ("b", "c", "flow")])
    assert codes(retry, "flow-cycle") == []
    assert codes(retry, "backward-flow") == [("b", "a")]


def test_a_call_and_its_answer_in_one_stage_is_no_loop_the_customer_is_held_in() -> None:
    """A customer step at the journey's end calling the frontstage and answered by it (a flow each way)
    was warned of as "a loop of flow links the customer cannot leave"."""
    answered = board([("a", "s1", "customer"), ("pay", "s3", "customer"), ("till", "s3", "frontstage"),
                      ("bank", "s3", "support")],
                     [("a", "pay", "flow"), ("pay", "till", "flow"), ("till", "bank", "flow"),
                      ("bank", "till", "flow"), ("till", "pay", "flow")])
    assert codes(answered, "flow-cycle") == []
    # Within one lane it is a loop still: the customer goes round the same two steps.
    same_lane = board([("a", "s1", "customer"), ("code", "s3", "customer"), ("refused", "s3", "customer")],
                      [("a", "code", "flow"), ("code", "refused", "flow"), ("refused", "code", "flow")])
    assert codes(same_lane, "flow-cycle") == [("code", "refused")]
    # A one-way ring through the lanes of one stage is no call and answer: each flow is answered by none.
    ring = board([("a", "s1", "customer"), ("c", "s3", "customer"), ("f", "s3", "frontstage"),
                  ("b", "s3", "backstage")],
                 [("a", "c", "flow"), ("c", "f", "flow"), ("f", "b", "flow"), ("b", "c", "flow")])
    assert codes(ring, "flow-cycle") == [("c", "f", "b")]
    # And across stages: the customer is sent back in time, round and round.
    across = board([("a", "s1", "customer"), ("b", "s2", "frontstage")], [("a", "b", "flow"), ("b", "a", "flow")])
    assert codes(across, "flow-cycle") == [("a", "b")]


def test_backward_flow() -> None:
    doc = board([("a", "s1", "customer"), ("b", "s3", "customer")], [("b", "a", "flow"), ("a", "b", "flow")])
    assert codes(doc, "backward-flow") == [("b", "a")]
    # Each names where it goes back to: two flows back from one card read as one finding twice.
    doc.add_card(Card("c", "customer", "s1", "Asks a friend"))
    doc.add_link(Link("k-bc", "b", "c", kind="flow"))
    messages = [f.message for f in blueprint_findings(doc) if f.code == "backward-flow"]
    assert 'flow from "text of b" goes back to "Asks a friend" in an earlier stage ("Stage 1")' in messages
    assert len(messages) == len(set(messages)) == 2
    depends_back = board([("a", "s1", "customer"), ("b", "s3", "support")], [("b", "a", "depends")])
    assert codes(depends_back, "backward-flow") == []


def test_fail_point_unmitigated() -> None:
    doc = board([("a", "s1", "customer"), ("b", "s1", "customer"), ("o", "s1", "opportunity"),
                 ("x", "s2", "support")], [("b", "o", "flow")], fail=("a", "b"))
    assert codes(doc, "fail-point-unmitigated") == [("a",)]
    supported = board([("a", "s1", "frontstage"), ("x", "s1", "support")], [("a", "x", "depends")], fail=("a",))
    assert codes(supported, "fail-point-unmitigated") == []


def test_empty_stage() -> None:
    doc = board([("a", "s1", "customer"), ("f", "s2", "frontstage"), ("c", "s3", "customer")])
    messages = [f.message for f in blueprint_findings(doc) if f.code == "empty-stage"]
    assert messages == ['stage "Stage 2" has no customer action']


def test_impact_of_a_support_card_reaches_the_customer_steps_that_rely_on_it() -> None:
    # customer c1 -> frontstage f1 (flow), f1 depends on backstage b1, b1 depends on support x.
    # c2 follows f1 (flow). c3 is unrelated.
    doc = board([("c1", "s1", "customer"), ("f1", "s1", "frontstage"), ("b1", "s1", "backstage"),
                 ("x", "s1", "support"), ("c2", "s2", "customer"), ("c3", "s3", "customer")],
                [("c1", "f1", "flow"), ("f1", "b1", "depends"), ("b1", "x", "depends"), ("f1", "c2", "flow")])
    result = impact(doc, "x")
    # c1's flow down to f1 is a request c1 waits on: f1 failing breaks c1 too.
    assert result.affected == {"b1", "f1", "c1", "c2"}
    assert result.customer_paths == {"c1": ("x", "b1", "f1", "c1"), "c2": ("x", "b1", "f1", "c2")}
    assert result.dependencies == frozenset()
    assert impact(doc, "f1").dependencies == {"b1", "x", "c1"}
    assert impact(doc, "c3").affected == frozenset()


def test_a_blueprint_linked_top_down_with_flows_reaches_up_to_the_customer() -> None:
    """Linked with the keyboard (L, Down, Enter) every arrow is a flow pointing down: a failing support
    system used to affect nothing ("affects 0 cards ... relies on 3")."""
    doc = board([("c", "s1", "customer"), ("f", "s1", "frontstage"), ("b", "s1", "backstage"),
                 ("x", "s1", "support"), ("c2", "s2", "customer"), ("o", "s1", "opportunity")],
                [("c", "f", "flow"), ("f", "b", "flow"), ("b", "x", "flow"), ("c", "c2", "flow"), ("c", "o", "flow")])
    result = impact(doc, "x")
    assert result.affected == {"b", "f", "c", "c2", "o"}
    assert result.customer_paths == {"c": ("x", "b", "f", "c"), "c2": ("x", "b", "f", "c", "c2")}
    # A flow along the customer's lane, or up out of the blueprint, still runs one way only.
    assert impact(doc, "c2").affected == frozenset() and impact(doc, "o").affected == frozenset()
    upward = board([("x", "s1", "support"), ("f", "s1", "frontstage")], [("x", "f", "flow")])
    assert impact(upward, "f").affected == frozenset() and impact(upward, "x").affected == {"f"}


def test_the_example_payment_gateway_breaks_the_pay_step_it_answers() -> None:
    from pathlib import Path

    import model

    doc = model.load(Path(__file__).resolve().parents[1] / "resources/examples/coffee-shop-blueprint.touchline")
    pays = next(card.id for card in doc.cards() if card.text.startswith("Pays with saved card"))
    gateway = next(card.id for card in doc.cards() if card.text.startswith("Payment gateway"))
    result = impact(doc, gateway)
    assert pays in result.customer_paths
    assert [doc.card(c).text for c in result.customer_paths[pays]] == [
        "Payment gateway authorises card", "Order appears on barista screen", "App confirms order with ready-by time",
        "Pays with saved card. Checkout fails."]


def test_twoway_links_affect_both_ways() -> None:
    doc = board([("a", "s1", "customer"), ("b", "s1", "frontstage")], [("a", "b", "twoway")])
    assert impact(doc, "a").affected == {"b"} and impact(doc, "b").affected == {"a"}


@pytest.mark.parametrize(("wait", "minutes"), [
    ("1 h 30 min", 90), ("1h30m", 90), ("2 hours and 15 minutes", 135), ("1 Std. 30 Min.", 90), ("2 d 1 h", 2940),
    ("5 min", 5), ("3–5 days", 7200), ("a while", None), ("1 h 30", None), ("1 h 30 parsecs", None),
])
def test_a_wait_written_as_the_checks_panel_writes_totals_is_counted(wait: str, minutes: float | None) -> None:
    """The panel shows 90 minutes as "1 h 30 min"; typed so on a card, it was "not written as a duration"."""
    assert parse_minutes(wait) == minutes


def test_stage_numbers() -> None:
    doc = board([("c", "s1", "customer"), ("f", "s1", "frontstage"), ("b", "s1", "backstage"),
                 ("x", "s2", "support")],
                [("c", "f", "flow"), ("f", "b", "depends"), ("b", "x", "depends")],
                fail=("f",), wait={"c": "5 min", "f": "1.5 h", "b": "a while"})
    first, second, _ = stage_numbers(doc)
    assert first.cards == {"customer": 1, "frontstage": 1, "backstage": 1, "support": 0, "opportunity": 0}
    assert first.handoffs == 1  # f -> b crosses the line of visibility; b -> x does not
    assert first.fail_points == 1
    assert first.wait_minutes == pytest.approx(95)
    assert first.unparsed_waits == 1
    assert second.handoffs == 0 and second.cards["support"] == 1


@pytest.mark.parametrize(("text", "minutes"), [("5 min", 5), ("2h", 120), ("1,5 hours", 90), ("30 s", 0.5),
                                                ("3 days", 4320), ("soon", None), ("5", None),
                                                ("3–5 days", 7200), ("3-5 d", 7200), ("2 to 4 hours", 240),
                                                ("up to 45 min", 45), ("5–", None), ("a–b days", None),
                                                ("5 Min.", 5), ("3–5 Tage", 7200), ("bis zu 2 Wochen", 20160)])
def test_parse_minutes(text: str, minutes: float | None) -> None:
    assert parse_minutes(text) == (pytest.approx(minutes) if minutes is not None else None)


@pytest.mark.parametrize(("wait", "minutes"), [
    ("~5 min", 5), ("≈ 4 min", 4), ("about 10 minutes", 10), ("approx. 2 h", 120), ("max. 10 min", 10),
    ("ca. 5 Min.", 5), ("etwa 2 Std.", 120), ("ungefähr 3 Tage", 4320), ("2 Tg.", 2880), ("1 Wo.", 10080),
    ("3–5 Werktage", 7200), ("3 months", 129600), ("2 Monate", 86400), ("2h-3h", 180), ("30 min – 1 h", 60),
    ("1 h – 30 min", 60), ("1 parsec – 5 min", None), ("maxi 5 min", None), ("about", None),
])
def test_a_wait_said_as_an_estimate_in_months_or_with_both_units_is_counted(wait: str, minutes: float | None) -> None:
    """Waits as a board writes them, in English and German, were "not timed": an estimate ("~5 min",
    "ca. 5 Min."), months, "Tg."/"Wo.", business days, a range with its unit twice ("2h-3h")."""
    assert parse_minutes(wait) == (pytest.approx(minutes) if minutes is not None else None)
