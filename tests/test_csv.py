"""CSV tables in and out (model/csvtable.py): dialects, encodings, column order, errors, round trips."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from model import Document, LoadError, dumps, loads
from model.csvtable import COLUMNS, CsvError, from_csv, to_csv
from model.entities import Card, Lane, Stage
from model.fonts import RESOURCES

EXAMPLES = sorted((RESOURCES / "examples").glob("*.touchline"))

TABLE = (
    "stage,lane,lane_kind,text,channel,score,fail,wait,tags,notes,color\n"
    "Discover,Doing,customer,Searches for a café,web,,,,\"first, visit\",,\n"
    "Discover,Feeling,emotion,Curious,,1,,,,,\n"
    "Order,Doing,customer,\"Orders a flat white\nwith oat milk\",person,,,2 min,,Asked twice,#ffe8a3\n"
    "Order,Barista,frontstage,Takes the order,,,yes,,,,\n"
    "Order,Feeling,emotion,Impatient,,-1,,,,,\n"
)


def summary(doc: Document) -> list[tuple[str, str, str, str]]:
    """(stage, lane, lane kind, text) of every card in file order."""
    return [(doc.stage(c.stage).name, doc.lane(c.lane).name, doc.lane(c.lane).kind, c.text) for c in doc.cards()]


def test_a_table_becomes_a_board() -> None:
    doc = from_csv(TABLE, default_title="café")
    assert doc.title == "café"
    assert [s.name for s in doc.stages] == ["Discover", "Order"]
    assert [(lane.name, lane.kind) for lane in doc.lanes] == [
        ("Doing", "customer"), ("Feeling", "emotion"), ("Barista", "frontstage")]
    cards = list(doc.cards())
    assert cards[0].channel == "web" and cards[0].tags == ["first", "visit"]
    assert cards[1].score == 1 and cards[4].score == -1
    assert cards[2].text == "Orders a flat white\nwith oat milk" and cards[2].wait == "2 min"
    assert cards[2].notes == "Asked twice" and cards[2].color == "#ffe8a3"
    assert cards[3].fail is True and cards[0].fail is False
    assert loads(dumps(doc)) is not None


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16"])
@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_dialects_and_encodings(encoding: str, delimiter: str) -> None:
    rows = list(csv.reader(io.StringIO(TABLE)))
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    doc = from_csv(out.getvalue().encode(encoding))
    assert summary(doc) == summary(from_csv(TABLE))


def test_semicolons_inside_a_comma_table_and_commas_inside_a_semicolon_table() -> None:
    comma = from_csv('stage,lane,text\nA,B,"one; two"\n')
    semicolon = from_csv('Stage;Lane;Text\nA;B;one, two\nA;B;"three; four"\n')
    assert [c.text for c in comma.cards()] == ["one; two"]
    assert [c.text for c in semicolon.cards()] == ["one, two", "three; four"]


def test_columns_in_any_order_and_any_case() -> None:
    doc = from_csv("  TEXT ,Score,Lane Kind,LANE,Stage,Colour\nCurious,+2,Emotions,How it feels,Find,FFCC00\n")
    card = next(doc.cards())
    assert (card.text, card.score, card.color) == ("Curious", 2, "#FFCC00")
    assert (doc.lanes[0].name, doc.lanes[0].kind) == ("How it feels", "emotion")


def test_lane_kinds_by_name_label_or_the_lanes_own_name() -> None:
    doc = from_csv(
        "stage,lane,lane_kind,text\n"
        "S,Doing,,a\nS,Feelings,,b\nS,Pain points,,c\nS,Ideas,,d\nS,Systems,Support processes,e\nS,Misc,,f\n"
        "S,Steps,CUSTOMER,g\n"
    )
    assert [lane.kind for lane in doc.lanes] == ["customer", "emotion", "pain", "opportunity", "support", "note",
                                                 "customer"]


def test_blank_stage_and_lane_cells_repeat_the_row_above() -> None:
    doc = from_csv("stage,lane,text\nDiscover,Doing,a\n,,b\n,Feeling,c\nBuy,,d\n\n,,\n")
    assert summary(doc) == [("Discover", "Doing", "customer", "a"), ("Discover", "Doing", "customer", "b"),
                            ("Discover", "Feeling", "emotion", "c"), ("Buy", "Feeling", "emotion", "d")]


def test_rows_without_a_card_declare_stages_and_lanes() -> None:
    doc = from_csv("stage,lane,lane_kind,text\nOne,Backstage,backstage,\nTwo,Doing,customer,\nTwo,Doing,,x\n")
    assert [s.name for s in doc.stages] == ["One", "Two"]
    assert [lane.name for lane in doc.lanes] == ["Backstage", "Doing"] and doc.card_count() == 1


def test_unknown_columns_go_to_the_notes() -> None:
    doc = from_csv("Participant,stage,lane,text,notes,Source\nP3,S,Doing,Pays,Slow,Interview 4\nP4,S,Doing,Leaves,,\n")
    cards = list(doc.cards())
    assert cards[0].notes == "Slow\nParticipant: P3\nSource: Interview 4"
    assert cards[1].notes == "Participant: P4"


@pytest.mark.parametrize(("value", "expected"), [("yes", True), ("TRUE", True), ("x", True), ("1", True),
                                                 ("no", False), ("", False), ("False", False)])
def test_fail_values(value: str, expected: bool) -> None:
    assert next(from_csv(f"stage,lane,text,fail\nS,L,t,{value}\n").cards()).fail is expected


@pytest.mark.parametrize(("table", "message"), [
    ("stage,lane,lane_kind,text,score\nA,Doing,customer,a,1\nA,Doing,customer,b,2\nA,Feel,emotion,c,high\n",
     'row 4, column score: "high" is not a whole number from -2 to 2'),
    ("stage,lane,text,score\nA,B,c,3\n", 'row 2, column score: "3" is not a whole number from -2 to 2'),
    ("stage,lane,text,score\nA,B,c,1.5\n", 'row 2, column score: "1.5" is not a whole number from -2 to 2'),
    ("stage,lane,text,fail\nA,B,c,maybe\n", 'row 2, column fail: "maybe" is not yes or no'),
    ("stage,lane,text,color\nA,B,c,red\n", 'row 2, column color: "red" is not a colour of the form "#rrggbb"'),
    ("stage,lane,lane_kind,text\nA,B,feelz,c\n", 'row 2, column lane_kind: "feelz" is not a lane kind'),
    ("stage,lane,lane_kind,text\nA,B,pain,c\nA,B,customer,d\n",
     'row 3, column lane_kind: "customer" but lane "B" is "pain" (row 2)'),
    ("stage,lane,text\n,B,c\n", "row 2, column stage: empty"),
    ("stage,lane,text\nA,,c\n", "row 2, column lane: empty"),
    ("stage,lane,text\nA,B,c,surprise\n", "row 2, column 4: a value under no heading"),
    ("stage,text,notes\nA,b,c\n", "row 1: no column lane"),
    ("stage,lane,Text,TEXT\nA,B,c,d\n", "row 1, column text: appears twice (columns 3 and 4)"),
    ('stage,lane,text\nA,B,"open\n', "row 2: not a readable CSV row"),
    ("", "row 1: the table is empty"),
    (b"stage,lane,text\nA,B,caf\xe9\n", 'row 2: not valid UTF-8 (byte 23); save the table as "CSV UTF-8"'),
])
def test_errors_name_row_and_column(table: str | bytes, message: str) -> None:
    with pytest.raises(CsvError) as caught:
        from_csv(table)
    assert str(caught.value).startswith(message), str(caught.value)
    assert isinstance(caught.value, LoadError)


def test_export_writes_the_same_columns() -> None:
    text = to_csv(from_csv(TABLE))
    rows = list(csv.reader(io.StringIO(text)))
    assert tuple(rows[0]) == COLUMNS
    assert rows[1] == ["Discover", "Doing", "customer", "Searches for a café", "web", "", "", "", "first, visit", "",
                       ""]
    assert "\r\n" in text and not text.startswith("\ufeff")


def test_round_trip_of_a_table() -> None:
    first = from_csv(TABLE)
    second = from_csv(to_csv(first))
    assert dumps(second) == dumps(first)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_round_trip_of_the_bundled_examples(path: Path) -> None:
    """Every card field a table has a column for comes back; stages and lanes keep their order."""
    doc = loads(path.read_bytes())
    back = from_csv(to_csv(doc))
    assert [s.name for s in back.stages] == [s.name for s in doc.stages]
    assert [(lane.name, lane.kind) for lane in back.lanes] == [(lane.name, lane.kind) for lane in doc.lanes]
    fields = ("text", "channel", "score", "fail", "wait", "tags", "notes", "color")

    def cells(d: Document) -> list[tuple[object, ...]]:
        return [(d.stage(c.stage).name, d.lane(c.lane).name, *(getattr(c, f) for f in fields))
                for s in d.stages for lane in d.lanes for c in map(d.card, d.cell_cards(s.id, lane.id))]

    assert cells(back) == cells(doc)


def test_a_cell_longer_than_the_csv_modules_limit_comes_back() -> None:
    """Notes of 200,000 characters (a pasted transcript) were exported, and the import of that very
    table said "row 2: not a readable CSV row (field larger than field limit (131072))"."""
    previous = csv.field_size_limit(128 * 1024)  # the csv module's own default, whatever ran before
    try:
        notes = "Interview. " * 20_000
        doc = Document.build(title="t", description=None, stages=[Stage("s", "S")], lanes=[Lane("l", "L", "note")],
                             cards=[Card("c", "l", "s", "x", notes=notes)], links=[], personas=[], extra={})
        back = from_csv(to_csv(doc))
        assert [c.notes for c in back.cards()] == [notes.strip()]
    finally:
        csv.field_size_limit(previous)


def test_order_empty_lanes_and_duplicate_names_survive_export() -> None:
    stages = [Stage("s1", "Pay"), Stage("s2", ""), Stage("s3", "Pay")]
    lanes = [Lane("l1", "Think", "thought"), Lane("l2", "Do", "customer"), Lane("l3", "Empty", "note")]
    cards = [Card("c1", "l2", "s1", "=SUM(A1)"), Card("c2", "l1", "s3", "-2"), Card("c3", "l1", "s3", "'=kept"),
             Card("c4", "l2", "s3", "@home", score=-2, tags=["a", "b"], fail=True)]
    doc = Document.build(title="t", description=None, stages=stages, lanes=lanes, cards=cards, links=[],
                         personas=[], extra={})
    text = to_csv(doc)
    assert "'=SUM(A1)" in text and "'@home" in text and ",-2," in text
    back = from_csv(text)
    assert [s.name for s in back.stages] == ["Pay", "Stage 2", "Pay (2)"]
    assert [lane.name for lane in back.lanes] == ["Think", "Do", "Empty"]
    assert [c.text for c in back.cards()] == ["=SUM(A1)", "-2", "'=kept", "@home"]
    last = list(back.cards())[-1]
    assert (last.score, last.tags, last.fail) == (-2, ["a", "b"], True)


def test_an_import_beyond_the_load_limits_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A board Touchline could save but never open again is refused at import."""
    import model.imports

    monkeypatch.setitem(model.imports.MAX_COUNTS, "cards", 3)
    table = tmp_path / "big.csv"
    table.write_text("stage,lane,text\n" + "".join(f"S,L,card {i}\n" for i in range(4)), encoding="utf-8")
    with pytest.raises(LoadError, match="4 cards is more than the 3 Touchline opens"):
        model.imports.import_file(table)
    table.write_text("stage,lane,text\nS,L,one\n", encoding="utf-8")
    assert model.imports.import_file(table).title == "Big"
