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
    … does not exist" (a pulled USB stick)."""
    from model import safefile

    window = blueprint_window(qtbot)
    said: list[str] = []
    window.ask_save_elsewhere = lambda message: said.append(message) or False  # type: ignore[method-assign]
    target = tmp_path / "gone" / "board.touchline"
    assert not window.save_as(target)
    [message] = said
    assert message.startswith("„board.touchline“ konnte nicht gespeichert werden.")
    assert f"Der Ordner {target.parent} existiert nicht" in message and "does not exist" not in message
    # Every reason the model can give is in the catalogue.
    from app.safekeeping import _SAVE_WORDS

    reasons = [*safefile._REASONS.values(), safefile.DISK_READ_ONLY, safefile.FILE_READ_ONLY, *safefile.SAVE_PROBLEMS]
    assert all(reason in _SAVE_WORDS for reason in reasons)
    from canvas.translate import tr

    assert all(tr(_SAVE_WORDS[reason]) != reason for reason in reasons)


def test_a_failed_export_says_why_in_german(qtbot: QtBot, german: None, tmp_path: Path) -> None:
    """The editor's export failed with a German sentence and an English reason ("the file is read-only; it was
    not changed", or the system's "[Errno 28] No space left on device: '…tmp'"): it is worded as a save's."""
    from tests.ui.test_print_and_share import export_over_a_read_only_file

    handout, said = export_over_a_read_only_file(blueprint_window(qtbot), tmp_path)
    [message] = said
    assert message.startswith("„handout.svg“ konnte nicht exportiert werden."), message
    assert "schreibgeschützt" in message and "read-only" not in message, message
    assert handout.read_bytes() == b"<svg/>"
