"""What a German-speaking designer reads: whole German sentences, German key names, German numbers.

Found by using the editor in German (the interface language) and reading what it said.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.i18n import install_translators
from app.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]
BLUEPRINT = ROOT / "resources" / "examples" / "coffee-shop-blueprint.touchline"


@pytest.fixture
def german() -> Iterator[None]:
    app = QApplication.instance()
    try:
        assert install_translators(app, QLocale("de_DE")) == "de"
        yield
    finally:
        install_translators(app, QLocale("en_GB"))


def blueprint_window(qtbot: QtBot) -> MainWindow:
    window = MainWindow(path=BLUEPRINT)
    qtbot.addWidget(window)
    window.ask_save_changes = lambda: "discard"  # type: ignore[method-assign]
    return window


def native(keys: str) -> str:
    return QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)


def test_edit_undo_names_its_step_as_german_does(qtbot: QtBot, german: None) -> None:
    """Edit › Undo read "Rückgängig Stimme hinzufügen": Qt put the step's name straight after the word."""
    window = blueprint_window(qtbot)
    editor = window.editor
    first = next(iter(editor.document.cards())).id
    editor.scene.card_item(first).setSelected(True)
    editor.vote(1)
    edit = editor.edit_actions
    assert edit.undo.text() == "&Rückgängig: Stimme hinzufügen"
    edit.undo.trigger()
    assert edit.undo.text() == "&Rückgängig" and edit.redo.text() == "&Wiederholen: Stimme hinzufügen"
    edit.redo.trigger()
    assert edit.redo.text() == "&Wiederholen"


def test_edit_undo_keeps_the_english_wording_and_an_ampersand_in_a_name_is_no_alt_letter(qtbot: QtBot) -> None:
    window = blueprint_window(qtbot)
    editor = window.editor
    first = next(iter(editor.document.cards())).id
    editor.scene.card_item(first).setSelected(True)
    editor.vote(1)
    assert editor.edit_actions.undo.text() == "&Undo Add vote"
    stage = editor.document.stages[0].id
    from canvas import commands as cmd

    editor.push(cmd.SetStageField(editor.document, stage, "name", "Q&A"))
    editor.choose_header("stage", stage)
    editor.delete_stage()
    assert QKeySequence.mnemonic(editor.edit_actions.undo.text()).toString() == "Alt+U"
    assert "Q&&A" in editor.edit_actions.undo.text()


def test_the_presenting_keys_are_named_as_the_german_menus_name_them(qtbot: QtBot, german: None) -> None:
    """The keys sheet (F1) and the presenter panel said "V, Shift+V" and "Oben, Unten" (the menus: Umschalt, Hoch,
    Herunter); two status messages "Strg+Runter" where the menu says "Strg+Herunter"."""
    from app.present import _keys_html
    from canvas.translate import tr

    sheet = _keys_html()
    assert "Shift" not in sheet and "Ctrl" not in sheet
    assert f"V, {native('Shift+V')}" in sheet
    assert f"{native('Up')}, {native('Down')}" in sheet
    window = blueprint_window(qtbot)
    window.workshop.presenter_dock.show()
    assert f"V, {native('Shift+V')}" in window.workshop.presenter.keys.text()
    for said in (tr("A lane moves up or down: Ctrl+Up or Ctrl+Down"),
                 tr("Lane header chosen: F2 renames it, Ctrl+Up/Down moves it, Delete removes it, Right goes back in")):
        assert native("Ctrl+Up") in said and native("Down") in said, said


def test_copy_as_image_says_a_whole_sentence(qtbot: QtBot, german: None) -> None:
    """It said "das Board als Bild kopiert", the sentence begun in lower case."""
    window = blueprint_window(qtbot)
    window.editor.scene.clearSelection()
    window.copy_as_image()
    assert window.statusBar().currentMessage() == "Das Board als Bild kopiert"
    for card in list(window.editor.document.cards())[:2]:
        window.editor.scene.card_item(card.id).setSelected(True)
    window.copy_as_image()
    assert window.statusBar().currentMessage() == "2 Karten als Bild kopiert"


def test_the_find_rows_count_groups_thousands_as_the_language_does(qtbot: QtBot, german: None) -> None:
    """"1,234 von 2,000" reads as one point two in German."""
    window = blueprint_window(qtbot)
    editor = window.editor
    bar = editor.find_bar()
    cards = [card.id for card in editor.document.cards()]
    bar.field.setText("x")
    bar.matches = [f"c{i}" for i in range(1999)] + [cards[0]]
    editor.choose_cards([cards[0]])
    bar._show_count()
    assert bar.count.text() == "2.000 von 2.000"


def test_the_words_of_the_persona_panel_and_of_find_are_the_boards_and_the_panels(qtbot: QtBot, german: None) -> None:
    """The persona panel asked for "Probleme" that the board then printed as "Schmerzpunkte"; Find looked in
    "Tags" that the Properties panel calls "Schlagwörter"; the countdown's end read "Zeit um 0:00" (time at 0:00)."""
    from PySide6.QtWidgets import QLabel

    from canvas.translate import tr
    from model.board_words import board_word

    window = blueprint_window(qtbot)
    labels = [label.text().replace("&", "") for label in window.personas.findChildren(QLabel)]
    assert board_word("Pains", "de") in labels and "Probleme" not in labels
    assert board_word("Goals", "de") in labels
    window.describe()
    assert "Schlagwörtern" in window.editor.edit_actions.find.statusTip()
    assert tr("Time's up {0}").format("0:00") == "Zeit abgelaufen 0:00"


def test_a_recovered_board_counts_its_changes_in_the_singular_too(qtbot: QtBot, tmp_path: Path) -> None:
    """"Recovered “…”: 1 unsaved changes" (German: "1 ungespeicherte Änderungen")."""
    from canvas import commands as cmd

    board = tmp_path / "board.touchline"
    board.write_bytes(BLUEPRINT.read_bytes())
    crashed = MainWindow(path=board)
    qtbot.addWidget(crashed)
    crashed.ask_save_changes = lambda: "discard"  # type: ignore[method-assign]
    crashed.editor.push(cmd.SetTitle(crashed.editor.document, "title", "After the crash"))
    crashed.autosaver.write_now()
    crashed.autosaver.abandon()
    window = MainWindow(path=board)
    qtbot.addWidget(window)
    window.ask_save_changes = lambda: "discard"  # type: ignore[method-assign]
    window.ask_recover = lambda entries: "recover"  # type: ignore[method-assign]
    assert window.offer_recovery()
    assert window.statusBar().currentMessage() == "Recovered “After the crash”: 1 unsaved change"


def test_a_failed_save_says_why_in_german(qtbot: QtBot, german: None, tmp_path: Path) -> None:
    """The sentence was German, its reason English: "„x.touchline“ konnte nicht gespeichert werden. … the folder
    … does not exist" (a pulled USB stick). (Every reason is in the catalogue: see test_the_window_words_…)"""
    window = blueprint_window(qtbot)
    said: list[str] = []
    window.ask_save_elsewhere = lambda message: said.append(message) or False  # type: ignore[method-assign]
    target = tmp_path / "gone" / "board.touchline"
    assert not window.save_as(target)
    [message] = said
    assert message.startswith("„board.touchline“ konnte nicht gespeichert werden.")
    assert f"Der Ordner {target.parent} existiert nicht" in message and "does not exist" not in message


def test_a_failed_export_says_why_in_german(qtbot: QtBot, german: None, tmp_path: Path) -> None:
    """The editor's export failed with a German sentence and an English reason ("the file is read-only; it was
    not changed", or the system's "[Errno 28] No space left on device: '…tmp'"): it is worded as a save's."""
    from tests.ui.test_print_and_share import export_over_a_read_only_file

    handout, said = export_over_a_read_only_file(blueprint_window(qtbot), tmp_path)
    [message] = said
    assert message.startswith("„handout.svg“ konnte nicht exportiert werden."), message
    assert "schreibgeschützt" in message and "read-only" not in message, message
    assert handout.read_bytes() == b"<svg/>"


def _board(**card: object) -> str:
    """A board of one card; ``card`` changes or adds its fields."""
    import json

    return json.dumps({"format": "touchline", "version": 1, "title": "T", "stages": [{"id": "s", "name": "S"}],
                       "lanes": [{"id": "l", "name": "L", "kind": "customer"}],
                       "cards": [{"id": "c", "lane": "l", "stage": "s", "text": "x", **card}], "links": []})


def _why(window: MainWindow, act: str, path: Path) -> str:
    """The message ``window`` shows when it fails to open or import (``act``) ``path``."""
    said: list[str] = []
    window.show_error = lambda title, text: said.append(text)  # type: ignore[method-assign]
    assert not getattr(window, f"{act}_path")(path)
    [message] = said
    return message


def _switch_to(language: str) -> None:
    assert install_translators(QApplication.instance(), QLocale(language)) == language[:2]


def test_a_file_that_does_not_open_says_why_in_german_with_its_place(qtbot: QtBot, german: None, tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """The sentence was German, the why English: "„broken.touchline“ konnte nicht geöffnet werden. … line 3,
    column 3: not valid JSON: a comma is missing before this". An English window keeps the English words."""
    import errno
    import os

    files = {"broken.touchline": '{\n  "format": "touchline"\n  "version": 1\n}',
             "other.touchline": '{"format": "drawio"}',
             "newer.touchline": _board().replace('"version": 1', '"version": 2'),
             "typed.touchline": _board(score="high"),
             "lost.touchline": _board(stage="st-gone")}
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "folder.touchline").mkdir()
    with open(tmp_path / "huge.touchline", "wb") as huge:
        huge.truncate(40 * 1024 * 1024)  # sparse: refused by its size, never read
    (tmp_path / "locked.touchline").write_text(_board(), encoding="utf-8")
    real_open = os.open

    def refused(path: object, *args: object, **kwargs: object) -> int:
        if str(path).endswith("locked.touchline"):  # (the tests may run as root, who reads any file)
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))
        return real_open(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", refused)
    expected = {  # file: (German, English)
        "missing.touchline": ("Datei nicht gefunden", "no such file"),
        "folder.touchline": ("ist ein Ordner, keine Datei", "is a folder, not a file"),
        "locked.touchline": ("nicht lesbar (Zugriff verweigert)", "cannot be read (Permission denied)"),
        "broken.touchline": ("Zeile 3, Spalte 3: kein gültiges JSON: davor fehlt ein Komma",
                             "line 3, column 3: not valid JSON: a comma is missing before this"),
        "other.touchline": ("kein Touchline-Dokument („format“ ist nicht „touchline“)",
                            'not a Touchline document ("format" is not "touchline")'),
        "newer.touchline": ("Version 2 ist neuer als die, die dieses Touchline versteht (1)",
                            "version 2 is newer than this Touchline understands (1)"),
        "typed.touchline": ("cards[0].score: ganze Zahl von -2 bis 2 erwartet",
                            "cards[0].score: expected a whole number from -2 to 2"),
        "lost.touchline": ("cards[0].stage: keine Phase mit der ID „st-gone“",
                           'cards[0].stage: no stage with id "st-gone"'),
        "huge.touchline": ("die Datei ist 40 MiB groß, mehr als die 32 MiB, die Touchline öffnet",
                           "the file is 40 MiB, more than the 32 MiB Touchline opens"),
    }
    window = blueprint_window(qtbot)
    for name, (german_words, _english) in expected.items():
        path = tmp_path / name
        assert _why(window, "open", path) == f"„{name}“ konnte nicht geöffnet werden.\n\n{path}: {german_words}"
    _switch_to("en_GB")
    for name, (_german, english_words) in expected.items():
        path = tmp_path / name
        assert _why(window, "open", path) == f"“{name}” could not be opened.\n\n{path}: {english_words}"


def test_an_import_says_why_in_german_with_its_row_and_column(qtbot: QtBot, german: None, tmp_path: Path) -> None:
    """A CSV table or a Mermaid journey that could not be imported: the German sentence went on in English
    ("row 4, column score: …"); an English window keeps the English words."""
    expected = {  # file: (content, German, English)
        "export.csv": (b"stage,lane,text\nKauf,Kunde,Gr\xf6\xdfe\n",
                       "Zeile 2: kein gültiges UTF-8 (Byte 29); die Tabelle als „CSV UTF-8“ speichern",
                       'row 2: not valid UTF-8 (byte 29); save the table as "CSV UTF-8"'),
        "empty.csv": (b"\n", "Zeile 1: die Tabelle ist leer (sie braucht eine Kopfzeile: stage, lane, lane_kind, text)",
                      "row 1: the table is empty (it needs a header row: stage, lane, lane_kind, text)"),
        "columns.csv": (b"stage,text\nA,x\n",
                        "Zeile 1: keine Spalte lane (die Kopfzeile braucht stage, lane, lane_kind, text)",
                        "row 1: no column lane (the header row needs stage, lane, lane_kind, text)"),
        "twice.csv": (b"stage,lane,text,Stage\n", "Zeile 1, Spalte stage: kommt doppelt vor (Spalten 1 und 4)",
                      "row 1, column stage: appears twice (columns 1 and 4)"),
        "stageless.csv": (b"stage,lane,text\n,B,x\n",
                          "Zeile 2, Spalte stage: leer (die erste Zeile einer Tabelle nennt ihre Phase)",
                          "row 2, column stage: empty (the first row of a table names its stage)"),
        "kind.csv": (b"stage,lane,lane_kind,text\nA,B,moods,x\n",
                     "Zeile 2, Spalte lane_kind: „moods“ ist keine Bahnart (möglich: evidence, customer, ",
                     'row 2, column lane_kind: "moods" is not a lane kind (one of evidence, customer, '),
        "score.csv": (b"stage,lane,text,score\nA,B,x,1\nA,B,y,high\n",
                      "Zeile 3, Spalte score: „high“ ist keine ganze Zahl von -2 bis 2",
                      'row 3, column score: "high" is not a whole number from -2 to 2'),
        "fail.csv": (b"stage,lane,text,fail\nA,B,x,maybe\n", "Zeile 2, Spalte fail: „maybe“ ist weder „yes“ noch „no“",
                     'row 2, column fail: "maybe" is not yes or no'),
        "colour.csv": (b"stage,lane,text,color\nA,B,x,red\n",
                       "Zeile 2, Spalte color: „red“ ist keine Farbe der Form „#rrggbb“",
                       'row 2, column color: "red" is not a colour of the form "#rrggbb"'),
        "flow.mmd": (b"flowchart LR\n  A --> B\n",
                     "Zeile 1: „flowchart“ ist keine Mermaid-Journey (das Diagramm muss mit „journey“ beginnen)",
                     'line 1: "flowchart" is not a Mermaid journey (the diagram must start with "journey")'),
        "score.mmd": (b"journey\n  section Pay\n    Pays: great: Me\n",
                      "Zeile 3: Bewertung „great“ ist keine Zahl von 1 bis 5",
                      'line 3: score "great" is not a number from 1 to 5'),
        "task.mmd": (b"journey\n  section Pay\n    Pays\n",
                     "Zeile 3: „Pays“ ist weder Titel noch Abschnitt noch Aufgabe (eine Aufgabe wird „Name: Bewertung: "
                     "Akteur, Akteur“ geschrieben)",
                     'line 3: "Pays" is neither a title, a section nor a task (a task is written "Name: score: actor, '
                     'actor")'),
    }
    for name, (content, _german, _english) in expected.items():
        (tmp_path / name).write_bytes(content)
    window = blueprint_window(qtbot)
    for name, (_content, german_words, _english) in expected.items():
        path = tmp_path / name
        assert _why(window, "import", path).startswith(
            f"„{name}“ konnte nicht importiert werden.\n\n{path}: {german_words}")
    _switch_to("en_GB")
    for name, (_content, _german, english_words) in expected.items():
        path = tmp_path / name
        assert _why(window, "import", path).startswith(f"“{name}” could not be imported.\n\n{path}: {english_words}")


def test_the_window_words_every_error_the_model_can_give() -> None:
    """Each template a save, load or import error is made from, and each part that is words, is in the window's
    table (app/problems.py) and in the German catalogue with the same places in it; the table holds nothing else.
    A message built with an f-string could not be said in German: the model raises none."""
    import ast
    import errno
    import os
    import re

    from app.problems import _WORDS
    from canvas.translate import tr
    from model import fileformat, imports, safefile

    templates: set[str] = set()
    for module in ("fileformat", "limits", "imports", "csvtable", "mermaid"):
        tree = ast.parse((ROOT / "model" / f"{module}.py").read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id.endswith("Error"):
                first = node.args[0]
                assert isinstance(first, ast.Constant) and isinstance(first.value, str), (module, node.lineno)
                templates.add(first.value)
    assert len(templates) > 60
    system = {os.strerror(number) for number in (errno.EACCES, errno.EPERM, errno.EIO)}  # read_file's reasons
    words = {*templates, *fileformat.JSON_PROBLEMS, imports.NO_SUFFIX, *system, *safefile.SAVE_PROBLEMS,
             *safefile._REASONS.values(), safefile.DISK_READ_ONLY, safefile.FILE_READ_ONLY}
    assert words == _WORDS
    app = QApplication.instance()
    try:
        assert install_translators(app, QLocale("de_DE")) == "de"
        for english in words:
            german = tr(english)
            assert german != english, english
            assert sorted(set(re.findall(r"\{\d\}", german))) == sorted(set(re.findall(r"\{\d\}", english))), german
    finally:
        install_translators(app, QLocale("en_GB"))
