"""Mermaid journeys in and out (model/mermaid.py), written from Mermaid's journey.jison grammar.

The cases cover every rule of the lexer and the grammar (and journey.spec's edge cases);
when Node and the npm packages in tests/support are there, Mermaid's own parser reads the
same inputs and every exported file, and must agree with us.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from model import Document, LoadError, dumps, loads
from model.fonts import RESOURCES
from model.mermaid import MermaidError, from_mermaid, to_mermaid

SUPPORT = Path(__file__).resolve().parent / "support"
EXAMPLES = sorted((RESOURCES / "examples").glob("*.touchline"))


def tasks_of(document: Document) -> list[tuple[str, str, int | None, list[str]]]:
    """(stage name, task text, Mermaid score, actors) for every Doing card, as Mermaid's model has them."""
    doing = next(lane for lane in document.lanes if lane.kind == "customer")
    feeling = next(lane for lane in document.lanes if lane.kind == "emotion")
    names = {p.id: p.name for p in document.personas}
    result = []
    for stage in document.stages:
        scores = [document.card(c).score for c in document.cell_cards(stage.id, feeling.id)]
        for index, card_id in enumerate(document.cell_cards(stage.id, doing.id)):
            card = document.card(card_id)
            actors = list(card.extra.get("actors", [names[card.persona]] if card.persona else []))
            score = scores[index]
            result.append((stage.name, card.text, None if score is None else score + 3, actors))
    return result


# ---------------------------------------------------------------------- the grammar, case by case
def test_a_journey_from_mermaids_documentation() -> None:
    doc = from_mermaid(
        "journey\n"
        "    title My working day\n"
        "    section Go to work\n"
        "      Make tea: 5: Me\n"
        "      Go upstairs: 3: Me\n"
        "      Do work: 1: Me, Cat\n"
        "    section Go home\n"
        "      Go downstairs: 5: Me\n"
        "      Sit down: 5: Me\n"
    )
    assert doc.title == "My working day"
    assert [s.name for s in doc.stages] == ["Go to work", "Go home"]
    assert [(lane.name, lane.kind) for lane in doc.lanes] == [("Doing", "customer"), ("Feeling", "emotion")]
    assert [p.name for p in doc.personas] == ["Me", "Cat"]
    assert tasks_of(doc) == [
        ("Go to work", "Make tea", 5, ["Me"]),
        ("Go to work", "Go upstairs", 3, ["Me"]),
        ("Go to work", "Do work", 1, ["Me", "Cat"]),
        ("Go home", "Go downstairs", 5, ["Me"]),
        ("Go home", "Sit down", 5, ["Me"]),
    ]
    # Scores 1…5 become emotion cards −2…+2 in the task's stage, one per task, tied to the first actor.
    feeling = [c for c in doc.cards() if c.lane == "ln-feeling"]
    assert [c.score for c in feeling] == [2, 0, -2, 2, 2]
    assert [c.stage for c in feeling] == ["st-1", "st-1", "st-1", "st-2", "st-2"]
    me = doc.personas[0].id
    assert all(c.persona == me for c in doc.cards())


def test_tasks_before_any_section_go_to_a_first_stage() -> None:
    doc = from_mermaid("journey\nWake up: 4: Me\nStretch: 3\nsection Work\nType: 2: Me\n")
    assert [s.name for s in doc.stages] == ["", "Work"]
    assert tasks_of(doc) == [("", "Wake up", 4, ["Me"]), ("", "Stretch", 3, []), ("Work", "Type", 2, ["Me"])]


def test_task_data_as_journey_spec_writes_it() -> None:
    """No space after a colon, no actors, a trailing colon (one empty actor, dropped)."""
    doc = from_mermaid(
        "journey\ntitle Adding journey diagram functionality to mermaid\nsection Documentation\n"
        "A task: 5: Alice, Bob, Charlie\nB task: 3:Bob, Charlie\nC task: 5\nD task: 5: Charlie, Alice\n"
        "E task: 5:\nsection Another section\nP task: 5:\nQ task: 5:\nR task: 5:"
    )
    assert tasks_of(doc) == [
        ("Documentation", "A task", 5, ["Alice", "Bob", "Charlie"]),
        ("Documentation", "B task", 3, ["Bob", "Charlie"]),
        ("Documentation", "C task", 5, []),
        ("Documentation", "D task", 5, ["Charlie", "Alice"]),
        ("Documentation", "E task", 5, []),
        ("Another section", "P task", 5, []),
        ("Another section", "Q task", 5, []),
        ("Another section", "R task", 5, []),
    ]
    assert [p.name for p in doc.personas] == ["Alice", "Bob", "Charlie"]
    # A card holds one persona, the first actor; the whole list stays with it for the way back.
    first = doc.card("c-1")
    assert doc.persona(first.persona or "").name == "Alice" and first.extra["actors"] == ["Alice", "Bob", "Charlie"]
    assert "actors" not in doc.card("c-3").extra and doc.card("c-3").persona is None


def test_no_space_after_any_colon_and_extra_pieces() -> None:
    doc = from_mermaid("journey\nsection S\nA:5:Me,You\nB:4:Me:ignored by Mermaid\nC :2\n")
    assert tasks_of(doc) == [("S", "A", 5, ["Me", "You"]), ("S", "B", 4, ["Me"]), ("S", "C", 2, [])]


@pytest.mark.parametrize("score", ["5", " 5 ", "5.0", "+5", "05", "0x5", "5e0"])
def test_scores_are_read_as_javascript_reads_them(score: str) -> None:
    assert tasks_of(from_mermaid(f"journey\nsection S\nT:{score}: Me\n"))[0][2] == 5


def test_line_breaks_in_every_spelling() -> None:
    doc = from_mermaid(
        "journey\ntitle Adding gantt diagram functionality to mermaid\n"
        "section Line1<br>Line2<br/>Line3</br />Line4<br\t/>Line5\n"
        "Pay<BR>by card<br />or cash: 2: Me\n"
    )
    assert doc.stages[0].name == "Line1\nLine2\nLine3\nLine4\nLine5"
    assert tasks_of(doc)[0][1] == "Pay\nby card\nor cash"


def test_comments_and_directives_are_ignored() -> None:
    doc = from_mermaid(
        "%%{init: {'theme': 'forest', 'journey': {'useMaxWidth': false}}}%%\n"
        "%% a comment before the diagram\n"
        "journey\n"
        "  %% a comment line\n"
        "  %%{wrap}%%\n"
        "  title Commute # the rest of this line is a comment\n"
        "  # a whole-line comment\n"
        "  section Morning # also here\n"
        "    Catch the bus: 2: Me # and after a task\n"
        "    %%{\n"
        "      init: {\"theme\": \"dark\"}\n"
        "    }%%\n"
        "    Read: 4: Me\n"
    )
    assert doc.title == "Commute"
    assert tasks_of(doc) == [("Morning", "Catch the bus", 2, ["Me"]), ("Morning", "Read", 4, ["Me"])]


def test_accessibility_title_and_description() -> None:
    doc = from_mermaid(
        "journey\naccDescr {\n        A user journey for\n        family shopping\n      }"
        "title Adding journey diagram functionality to mermaid\n"
        "accTitle: Adding acc journey diagram functionality to mermaid\nsection Order from website"
    )
    assert doc.title == "Adding journey diagram functionality to mermaid"
    assert doc.description == "A user journey for\nfamily shopping"
    only_acc = from_mermaid("journey\n    accTitle: The title; with # and ;\n    accDescr: One line\n    section A")
    assert only_acc.title == "The title; with # and ;" and only_acc.description == "One line"


def test_front_matter_title_and_the_title_statement() -> None:
    assert from_mermaid("---\ntitle: From front matter\n---\njourney\nsection A\n").title == "From front matter"
    assert from_mermaid("---\ntitle: 'Quoted: yes'\n---\njourney\n").title == "Quoted: yes"
    assert from_mermaid("---\ntitle: Front\n---\njourney\ntitle Statement\n").title == "Statement"
    assert from_mermaid("journey\nsection A\n", default_title="checkout").title == "checkout"


def test_keywords_are_case_insensitive_after_the_first_line() -> None:
    doc = from_mermaid("journey\nTITLE Upper\nSection One\nSECTION Two\nTask: 3: Me\n")
    assert doc.title == "Upper" and [s.name for s in doc.stages] == ["One", "Two"]


def test_lexer_order_decides_like_jison() -> None:
    # "title" followed by white space is a title whatever follows; "Titles" is a task name;
    # "Journeys" is a task ("journey" is a keyword only as a whole word).
    doc = from_mermaid("journey\nsection S\nTitles: 3: Me\nJourneys: 4\nTitle page: 5: Me\n")
    assert doc.title == "page: 5: Me"
    assert [t[1] for t in tasks_of(doc)] == ["Titles", "Journeys"]


def test_entities_and_html() -> None:
    doc = from_mermaid(
        "journey\n"
        "title Fish &amp chips #38; <b>more</b>\n"
        "accTitle: ignored, the title wins\n"
        "accDescr: Tom &amp; Jerry &lt;3\n"
        "section Q#38;A #35;1\n"
        "Ask #58; why #59; now: 4: Me #38; you\n"
        "Tom & Jerry <b>literal</b>: 3\n"
    )
    assert doc.title == "Fish & chips & more"
    assert doc.description == "Tom & Jerry <3"
    assert doc.stages[0].name == "Q&A #1"
    # Mermaid shows task names as plain text: "&" and tags stay as typed, codes are decoded.
    assert [t[1] for t in tasks_of(doc)] == ["Ask : why ; now", "Tom & Jerry <b>literal</b>"]
    assert tasks_of(doc)[0][3] == ["Me & you"]


def test_white_space_crlf_tabs_and_a_bom() -> None:
    doc = from_mermaid("\ufeff\r\n  journey\r\n\ttitle  Spaced   out \r\n\tsection   Far  \r\n"
                       "\t\tA   b :  2 :  Me ,  You \r\n")
    assert doc.title == "Spaced out"
    assert tasks_of(doc) == [("Far", "A b", 2, ["Me", "You"])]


def test_bytes_in_and_an_empty_journey() -> None:
    doc = from_mermaid(b"journey\n")
    assert doc.stages == () and doc.card_count() == 0 and doc.title == "Untitled journey"
    assert [lane.kind for lane in doc.lanes] == ["customer", "emotion"]


# ---------------------------------------------------------------------- errors name the line
@pytest.mark.parametrize(("text", "message"), [
    ("journey\nsection A\n\n%% note\nPay: x: Me\n", 'line 5: score "x" is not a number from 1 to 5'),
    ("journey\nsection A\nPay: 9: Me\n", 'line 3: score "9" is not a number from 1 to 5'),
    ("journey\nsection A\nPay: 0\n", 'line 3: score "0" is not a number from 1 to 5'),
    ("journey\nsection A\nPay: : Me\n", 'line 3: score "" is not a number from 1 to 5'),
    ("journey\nsection A\nPay: 4.5\n", 'line 3: score "4.5" is not a whole number from 1 to 5'),
    ("journey\nsection A\nPay: #53;\n", 'line 3: score "5" is not a number from 1 to 5'),
    ("journey\nsection A\nPay:\n", 'line 3: task "Pay" has no score after ":"'),
    ("journey\nsection A\nPay\n", 'line 3: "Pay" is neither a title, a section nor a task'),
    ("journey\nsection A\nPay; leave: 3\n", 'line 3: unexpected ";"'),
    ("journey\nsection A: 5\n", 'line 2: unexpected ": 5" (a section name cannot hold ":")'),
    ("journey\nsection A\nJourney planning: 3: Me\n", 'line 3: unexpected "Journey"'),
    ("journey\nsection A\nBuy #1 item: 3\n", 'line 3: "Buy" is neither a title, a section nor a task'),
    ("flowchart LR\n  A --> B\n", 'line 1: "flowchart" is not a Mermaid journey'),
    ("%% only a comment\n\nJourney\nsection A\n", 'line 3: "Journey" is not a Mermaid journey'),
    ("", "line 1: empty"),
    (b"journey\n\xff", "byte 8: not valid UTF-8"),
])
def test_errors_name_the_line(text: str | bytes, message: str) -> None:
    with pytest.raises(MermaidError) as caught:
        from_mermaid(text)
    assert str(caught.value).startswith(message), str(caught.value)
    assert isinstance(caught.value, LoadError)


# ---------------------------------------------------------------------- writing and round trips
ROUND_TRIP = (
    "---\ntitle: Ignored by the title below\n---\n"
    "journey\n  title Buying a flat white: the morning rush\n"
    "  accDescr {\n    Two lines\n    of description & more\n  }\n"
    "  Arrive: 3: Maya\n"
    "  section Order<br>at the till\n    Queue: 2: Maya, Sam\n    Order #58; flat white: 4: Sam:\n"
    "  section Pay\n    Tap card: 5\n  section Empty\n"
    "  section Leave\n    Sip: 5: Maya\n    Go: 1: Sam, Maya\n"
)


def test_import_export_import_gives_the_same_board() -> None:
    first = from_mermaid(ROUND_TRIP)
    text = to_mermaid(first)
    second = from_mermaid(text)
    assert dumps(second) == dumps(first)
    assert to_mermaid(second) == text
    assert loads(dumps(first)) is not None  # and the board is a valid document


def tricky_board() -> Document:
    """A board holding everything the journey grammar cannot take as it is."""
    from model.entities import Card, Lane, Persona, Stage

    stages = [Stage("s0", ""), Stage("s1", "Pay: now #1; ok\nor later"), Stage("s2", "")]
    lanes = [Lane("l1", "Do", "customer"), Lane("l2", "Feel", "emotion"), Lane("l3", "Think", "thought")]
    personas = [Persona("p1", "Ann, the: boss"), Persona("p2", "")]
    cards = [Card(f"c{i}", "l1", "s1", t, persona="p1" if i == 0 else None) for i, t in enumerate(TRICKY_TEXTS)]
    cards.append(Card("e1", "l2", "s1", "meh", score=-1))
    cards.append(Card("t1", "l3", "s1", "a thought, not a task"))
    cards.append(Card("c-empty", "l1", "s2", "x", persona="p2"))
    return Document.build(title="A #1 title; with <html> & more\nacross lines",
                          description="Line one}\n\n%% not a comment", stages=stages, lanes=lanes, cards=cards,
                          links=[], personas=personas, extra={})


TRICKY_TEXTS = ["Journey planning", "title page", "Section 3", "accTitle: x", "50%% off", "%start", "",
                "a<br>literal", "Ask: why; #now\nthen <b>go</b>", "#58; stays", "\t tabs \x07bell "]


def test_export_writes_what_the_grammar_can_hold() -> None:
    doc = tricky_board()
    text = to_mermaid(doc)
    body = text.split("\n")
    assert body[0] == "journey"
    assert body[1] == "    title A #35;1 title#59; with #60;html#62; #38; more across lines"
    for line in body[1:]:
        assert ";" not in re.sub(r"#\w+;", "", line) and "#" not in re.sub(r"#\w+;", "", line)
    back = from_mermaid(text)
    assert back.title == "A #1 title; with <html> & more across lines"
    assert back.description == "Line one)\n%% not a comment".replace(")", "}")
    assert [s.name for s in back.stages] == ["", "Pay: now #1; ok\nor later", ""]
    assert [t[1] for t in tasks_of(back)] == [
        "Journey planning", "title page", "Section 3", "accTitle: x", "50%% off", "%start", "", "a<br>literal",
        "Ask: why; #now\nthen <b>go</b>", "#58; stays", "tabs bell", "x"]
    assert tasks_of(back)[0][3] == ["Ann, the: boss"]
    assert tasks_of(back)[-1][3] == []  # a persona with no name is no actor
    assert all(t[2] == 2 for t in tasks_of(back)[:-1])  # the stage's one emotion (−1) → 2 for every task
    assert tasks_of(back)[-1][2] == 3  # no emotion in that stage: neutral


def test_line_breaks_are_written_as_a_code_mermaid_draws_as_a_space() -> None:
    """Mermaid draws task and section names as plain text in a foreignObject (journey's default
    ``textPlacement: fo``): a browser showed "Pay<br>later" with the tag in it. ``#10;`` is drawn
    as a space and still reads back as the line break."""
    from model.entities import Card, Lane, Stage

    doc = Document.build(title="T", description=None, stages=[Stage("s1", "Order\nat the till"), Stage("s2", "\n")],
                         lanes=[Lane("l1", "Do", "customer")],
                         cards=[Card("c1", "l1", "s1", "Pay\r\nlater\n\nor not"), Card("c2", "l1", "s2", " \n ")],
                         links=[], personas=[], extra={})
    text = to_mermaid(doc)
    assert "<br>" not in text
    assert "    section Order#10;at the till\n      Pay#10;later#10;#10;or not: 3\n" in text
    assert "    section #8203;\n      #8203;: 3\n" in text  # nothing but line breaks: still a name
    back = from_mermaid(text)
    assert [s.name for s in back.stages] == ["Order\nat the till", ""]
    assert [t[1] for t in tasks_of(back)] == ["Pay\nlater\n\nor not", ""]


def test_scores_pair_with_tasks_or_take_the_stage_mean() -> None:
    from model.entities import Card, Lane, Stage

    lanes = [Lane("l1", "Do", "customer"), Lane("l2", "Feel", "emotion")]
    cards = [Card("a", "l1", "s1", "A"), Card("b", "l1", "s1", "B"), Card("x", "l2", "s1", "", score=2),
             Card("y", "l2", "s1", "", score=-2), Card("c", "l1", "s2", "C"), Card("d", "l1", "s2", "D"),
             Card("z1", "l2", "s2", "", score=1), Card("z2", "l2", "s2", "", score=2), Card("z3", "l2", "s2", "",
                                                                                          score=2)]
    doc = Document.build(title="t", description=None, stages=[Stage("s1", "One"), Stage("s2", "Two")], lanes=lanes,
                         cards=cards, links=[], personas=[], extra={})
    assert [t[2] for t in tasks_of(from_mermaid(to_mermaid(doc)))] == [5, 1, 5, 5]


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_bundled_examples_export_and_come_back(path: Path) -> None:
    doc = loads(path.read_bytes())
    back = from_mermaid(to_mermaid(doc))
    assert back.title == doc.title
    assert [s.name for s in back.stages] == [s.name for s in doc.stages]


# ---------------------------------------------------------------------- Mermaid's own parser
MERMAID_ACCEPTS = {
    "docs": "journey\n    title My working day\n    section Go to work\n      Make tea: 5: Me\n"
            "      Do work: 1: Me, Cat\n    section Go home\n      Sit down: 5: Me\n",
    "spec": "journey\ntitle Adding journey diagram functionality to mermaid\nsection Documentation\n"
            "A task: 5: Alice, Bob, Charlie\nB task: 3:Bob, Charlie\nC task: 5\nE task: 5:\n",
    "before-section": "journey\nWake up: 4: Me\nsection Work\nType: 2: Me\n",
    "br": "journey\nsection Line1<br>Line2<br/>Line3</br />Line4<br\t/>Line5\nPay<BR>by card: 2: Me\n",
    "comments": "%%{init: {'theme': 'forest'}}%%\n%% c\njourney\n  %% c\n  title Commute # c\n  # c\n"
                "  section Morning # c\n    Catch the bus: 2: Me # c\n    %%{\n    init: {}\n    }%%\n    Read: 4\n",
    "acc": "journey\naccDescr {\n  A user journey for\n  family shopping\n}title Shop\naccTitle: Acc; #1\n"
           "section Order\nBuy: 3: Me\n",
    "case": "journey\nTITLE Upper\nSection One\nSECTION Two\nTask: 3: Me\n",
    "lexer-order": "journey\nsection S\nTitles: 3: Me\nJourneys: 4\nTitle page: 5: Me\n",
    "entities": "journey\ntitle Fish #38; chips <b>x</b>\nsection Q#38;A #35;1\nAsk #58; why #59; now: 4: Me #38; you\n"
                "Tom & Jerry <b>x</b>: 3\n",
    "spaces": "\r\n  journey\r\n\ttitle  Spaced   out \r\n\tsection   Far  \r\n\t\tA   b :  2 :  Me ,  You \r\n",
    "scores": "journey\nsection S\nA: 5.0\nB: +4\nC: 0x3\nD: 2e0: X: Y\n",
    "front-matter": "---\ntitle: From front matter\n---\njourney\nsection A\nB: 3\n",
    "percent": "journey\nsection Sale\n50% off: 4: Me\n",
    # Mermaid's encodeEntities drops the last ";" of a line like "style…:…#…;" (for every diagram).
    "style-semicolon": "journey\nsection S\nRestyle: 5: a:b#c;\nclassDef x: 4: y:#z;\n",
    "comment-runs": "journey\n\n   \n  %% one\n\n%% two\n  %%\nsection S %% not a comment line\nT%%x: 3\n",
    "round-trip": ROUND_TRIP,
}
MERMAID_REJECTS = {
    "score-x": "journey\nsection A\nPay: x: Me\n",
    "score-9": "journey\nsection A\nPay: 9: Me\n",
    "score-empty": "journey\nsection A\nPay: : Me\n",
    "score-half": "journey\nsection A\nPay: 4.5\n",
    "bare-colon": "journey\nsection A\nPay:\n",
    "no-data": "journey\nsection A\nPay\n",
    "semicolon": "journey\nsection A\nPay; leave: 3\n",
    "section-colon": "journey\nsection A: 5\n",
    "keyword-task": "journey\nsection A\nJourney planning: 3: Me\n",
    "hash-in-name": "journey\nsection A\nBuy #1 item: 3\n",
    "not-journey": "flowchart LR\n  A --> B\n",
    "capital-journey": "Journey\nsection A\n",
}


def _mermaid_text(text: str) -> str:
    """A string from Mermaid's model as Touchline shows it: codes decoded, <br> a line break."""
    text = "\n".join(re.split(r"<\s*/?\s*br\s*/?\s*>", text, flags=re.I))  # before the codes, as Mermaid draws
    text = re.sub(r"ﬂ°°(\d+)¶ß", lambda m: chr(int(m.group(1))), text)
    text = re.sub(r"ﬂ°(\w+)¶ß", lambda m: html.unescape(f"&{m.group(1)};"), text)
    text = "\n".join(" ".join(line.split()) for line in text.split("\n")).strip("\n")
    return "" if text == "\u200b" else text  # how an empty name is written


def _mermaid_models(tmp_path: Path, texts: dict[str, str]) -> dict[str, dict[str, object] | None]:
    """Mermaid's model of each text (None where Mermaid refuses it), all in one Node run."""
    node = shutil.which("node")
    if node is None:
        pytest.skip("Node.js is not installed: Mermaid's own parser cannot run (see .ci/run)")
    version = subprocess.run([node, "--version"], capture_output=True, text=True, timeout=30).stdout.strip()
    major = re.match(r"v(\d+)", version)
    if major is None or int(major.group(1)) < 20:
        pytest.skip(f"Node.js {version or '(unknown version)'} is older than 20, which jsdom 29 needs")
    if not (SUPPORT / "node_modules" / "mermaid").is_dir() or not (SUPPORT / "node_modules" / "jsdom").is_dir():
        pytest.skip("npm packages mermaid and jsdom are not installed: run `npm ci` in tests/support (.ci/run does)")
    names = sorted(texts)
    for name in names:
        (tmp_path / f"{name}.mmd").write_text(texts[name], encoding="utf-8", newline="")
    result = subprocess.run(
        [node, str(SUPPORT / "mermaid_ok.mjs"), "--type", "journey", "--strict", "--json",
         *(str(tmp_path / f"{name}.mmd") for name in names)],
        capture_output=True, text=True, timeout=120, cwd=SUPPORT,
    )
    lines = result.stdout.splitlines()
    if not any(line.startswith(("PASS", "FAIL")) for line in lines):
        pytest.fail(f"Mermaid's parser did not run: {result.stderr[-2000:]}")
    models: dict[str, dict[str, object] | None] = {}
    index = 0
    for name in names:
        line = lines[index]
        index += 1
        assert line.split()[2].startswith(str(tmp_path / f"{name}.mmd")), line
        if line.startswith("PASS"):
            models[name] = json.loads(lines[index])
            index += 1
        else:
            models[name] = None
            if index < len(lines) and lines[index].startswith("{"):
                index += 1
    return models


def test_mermaid_and_touchline_read_the_same(tmp_path: Path) -> None:
    exported = {f"export-{p.stem}": to_mermaid(loads(p.read_bytes())) for p in EXAMPLES}
    exported["export-round-trip"] = to_mermaid(from_mermaid(ROUND_TRIP))
    exported["export-tricky"] = to_mermaid(tricky_board())
    models = _mermaid_models(tmp_path, {**MERMAID_ACCEPTS, **MERMAID_REJECTS, **exported})
    for name in MERMAID_REJECTS:
        assert models[name] is None, f"Mermaid accepts {name}"
        with pytest.raises(MermaidError):
            from_mermaid(MERMAID_REJECTS[name])
    for name, text in {**MERMAID_ACCEPTS, **exported}.items():
        model = models[name]
        assert model is not None, f"Mermaid refuses {name}"
        doc = from_mermaid(text)
        theirs = [
            (_mermaid_text(str(t["section"])), _mermaid_text(str(t["task"])), t["score"],
             [_mermaid_text(p) for p in t["people"] if p.strip()])  # type: ignore[union-attr]
            for t in model["tasks"]  # type: ignore[attr-defined]
        ]
        assert tasks_of(doc) == theirs, name
        sections = [_mermaid_text(s) for s in model["sections"]]  # type: ignore[attr-defined]
        names = [s.name for s in doc.stages]
        assert (names[1:] if names and names[0] == "" and theirs and theirs[0][0] == "" else names) == sections
        if model["title"]:
            # Mermaid's title went through an HTML sanitiser before its codes are decoded.
            title = html.unescape(re.sub(r"</?[A-Za-z][^<>]*>", "", str(model["title"])))
            assert doc.title == " ".join(_mermaid_text(title).split()), name
