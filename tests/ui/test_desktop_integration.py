"""A good desktop citizen (issue 10): one running editor per user, the start screen, the
shortcut sheet, Preferences and crisp icons at 200 % scaling."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

import model
from app import settings as store
from app.gui import open_files, start_editor
from app.main_window import MainWindow
from app.shortcuts_sheet import ShortcutsSheet, key_text, plain, shortcut_rows
from app.single_instance import InstanceServer, send_to_running
from app.welcome import WelcomePage

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "resources" / "examples"


@pytest.fixture(autouse=True)
def private_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))


@pytest.fixture
def instance_name(monkeypatch: pytest.MonkeyPatch) -> str:
    name = f"touchline-test-{uuid.uuid4().hex[:12]}"
    monkeypatch.setenv("TOUCHLINE_INSTANCE", name)
    return name


def _board(folder: Path, name: str = "board.touchline") -> Path:
    target = folder / name
    shutil.copy(EXAMPLES / "coffee-shop-blueprint.touchline", target)
    return target


def _env(**extra: str) -> dict[str, str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    env.update(extra)
    return env


# ---------------------------------------------------------------------- single instance
def test_a_second_launch_opens_its_file_in_the_running_editor(qtbot: QtBot, tmp_path: Path, instance_name: str,
                                                              request: pytest.FixtureRequest) -> None:
    window = start_editor(None)  # the first launch: the start screen, listening
    qtbot.addWidget(window)
    request.addfinalizer(window.instance_server.close)
    assert isinstance(window.welcome_page(), WelcomePage)
    board = _board(tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    # A real second `touchline board.touchline`, from another folder with a relative path.
    second = subprocess.Popen([sys.executable, "-m", "app", "../board.touchline"], cwd=elsewhere,
                              env=_env(TOUCHLINE_INSTANCE=instance_name))
    try:
        qtbot.waitUntil(lambda: second.poll() is not None, timeout=30_000)
    finally:
        if second.poll() is None:  # it did not find the running editor and became one itself
            second.kill()
            second.wait()
    assert second.returncode == 0
    qtbot.waitUntil(lambda: window.path == board.absolute(), timeout=5_000)
    assert window.welcome_page() is None
    assert window.editor.document.title.startswith("Mobile order")


def test_a_busy_window_keeps_its_board_and_the_file_gets_a_new_window(qtbot: QtBot, tmp_path: Path) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    first = _board(tmp_path, "first.touchline")
    assert window.open_path(first)
    other = _board(tmp_path, "other.touchline")
    shown = open_files(window, [str(other.absolute())])
    assert len(shown) == 1 and shown[0] is not window
    qtbot.addWidget(shown[0])
    assert shown[0].path == other.absolute() and window.path == first.absolute()
    again = open_files(window, [str(first.absolute())])  # already open: its window comes forward
    assert again == [window]


SENDER = r"""
import sys
from PySide6.QtCore import QCoreApplication
from app.single_instance import send_to_running
app = QCoreApplication([])
sys.exit(0 if send_to_running(["/a/b c.touchline", "/ü/ß.touchline"], sys.argv[1]) else 1)
"""


def test_messages_reach_the_server_and_a_stale_name_is_taken_over(qtbot: QtBot, instance_name: str) -> None:
    assert not send_to_running(["/nowhere"], instance_name)  # nobody listening
    server = InstanceServer(instance_name)
    assert server.listen()
    received: list[list[str]] = []
    server.files_received.connect(received.append)
    # The sender blocks until the answer comes (holding the interpreter), so it is another process.
    sender = subprocess.Popen([sys.executable, "-c", SENDER, instance_name], env=_env())
    try:
        qtbot.waitUntil(lambda: sender.poll() is not None, timeout=30_000)
    finally:
        if sender.poll() is None:
            sender.kill()
    results = [sender.returncode == 0]
    assert results == [True]
    assert received == [["/a/b c.touchline", "/ü/ß.touchline"]]
    path = Path(server.full_path())
    if sys.platform != "win32":
        assert path.exists() and path.stat().st_mode & 0o077 == 0  # this user's only
    server.close()
    assert not path.exists()
    # A killed editor leaves its socket behind on Unix; the next editor still listens.
    if sys.platform != "win32":
        import socket as pysocket

        leftover = pysocket.socket(pysocket.AF_UNIX)
        leftover.bind(str(path))
        leftover.close()
        assert path.exists()
        replacement = InstanceServer(instance_name)
        assert replacement.listen()
        replacement.close()


QT_SENDER = r"""
import sys
from PySide6.QtCore import QCoreApplication
from app.single_instance import _send_qt
app = QCoreApplication([])
sys.exit(0 if _send_qt(sys.argv[1], b"/from/qt.touchline\n\x00") else 1)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="the Unix socket end")
def test_the_unix_socket_end_is_where_qtnetwork_looks(qtbot: QtBot, instance_name: str) -> None:
    """The server listens without QtNetwork where QLocalServer would: a QLocalSocket (an older launch) finds it."""
    server = InstanceServer(instance_name)
    assert server.listen()
    received: list[list[str]] = []
    server.files_received.connect(received.append)
    sender = subprocess.Popen([sys.executable, "-c", QT_SENDER, instance_name], env=_env())
    try:
        qtbot.waitUntil(lambda: sender.poll() is not None, timeout=30_000)
        qtbot.waitUntil(lambda: received == [["/from/qt.touchline"]], timeout=5_000)
    finally:
        if sender.poll() is None:
            sender.kill()
        server.close()
    assert sender.returncode == 0


# ---------------------------------------------------------------------- welcome
def test_the_start_screen_offers_new_boards_examples_and_recent_files(qtbot: QtBot, tmp_path: Path) -> None:
    board = _board(tmp_path)
    seeding = MainWindow()
    qtbot.addWidget(seeding)
    assert seeding.open_path(board)  # a recent file with its thumbnail
    qtbot.waitUntil(store.thumbnail_path(board).is_file)
    seeding.close()
    window = MainWindow()
    qtbot.addWidget(window)
    page = window.show_welcome()
    window.show()
    qtbot.waitExposed(window)
    assert not window.properties_dock.isVisible()
    assert [page.examples.item(i).text() for i in range(page.examples.count())] == [
        "Mobile order & pick-up — Service blueprint", "Opening an account with a digital bank — Journey map"]
    assert page.recent.count() == 1
    assert not page.recent.item(0).icon().isNull()
    # New journey map: the journey template, the board in place, the panels back.
    qtbot.mouseClick(page.new_journey_button, Qt.MouseButton.LeftButton)
    assert window.welcome_page() is None
    assert [lane.kind for lane in window.editor.document.lanes][:1] == ["customer"] or window.editor.document.lanes
    assert window.centralWidget() is window.editor
    qtbot.waitUntil(window.properties_dock.isVisible)
    # An example opens as an untitled copy: saving never writes into the installation.
    page = window.show_welcome()
    page.example_requested.emit(page.examples.item(0).data(Qt.ItemDataRole.UserRole))
    assert window.path is None and window.editor.document.title.startswith("Mobile order")
    # A recent file opens itself.
    page = window.show_welcome()
    page.recent.itemClicked.emit(page.recent.item(0))
    assert window.path == board.absolute()
    # Esc goes to the board that waited behind.
    page = window.show_welcome()
    qtbot.keyClick(page, Qt.Key.Key_Escape)
    assert window.welcome_page() is None and window.path == board.absolute()


def test_the_start_screen_can_be_switched_off(qtbot: QtBot, instance_name: str) -> None:
    store.set_show_welcome(False)
    window = start_editor(None)
    qtbot.addWidget(window)
    window.instance_server.close()
    assert window.welcome_page() is None and window.centralWidget() is window.editor


def test_new_journey_from_the_start_screen_uses_the_template(qtbot: QtBot) -> None:
    from model.templates import new_document

    window = MainWindow()
    qtbot.addWidget(window)
    page = window.show_welcome()
    page.new_requested.emit("journey")
    expected = [lane.name for lane in new_document("journey").lanes]
    assert [lane.name for lane in window.editor.document.lanes] == expected


def test_return_on_a_start_screen_button_presses_it(qtbot: QtBot) -> None:
    """Tab to New journey map and Return did nothing (a push button outside a dialog takes Space only)."""
    window = MainWindow()
    qtbot.addWidget(window)
    page = window.show_welcome()
    with qtbot.waitExposed(window):
        window.show()
    page.new_journey_button.setFocus()
    with qtbot.waitSignal(page.new_requested, timeout=2000) as asked:
        QTest.keyClick(page.new_journey_button, Qt.Key.Key_Return)
    assert asked.args == ["journey"]


# ---------------------------------------------------------------------- shortcut sheet
def test_the_shortcut_sheet_lists_every_menu_shortcut_as_it_is(qtbot: QtBot) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    rows = shortcut_rows(window)
    listed = {(row.command, row.keys) for row in rows}
    expected = set()
    for menu_action in window.menuBar().actions():
        stack = [menu_action.menu()]
        while stack:
            menu = stack.pop()
            for action in menu.actions():
                if action.menu() is not None:
                    stack.append(action.menu())
                elif key_text(action):
                    expected.add((plain(action.text()), key_text(action)))
    assert expected and expected <= listed
    save = next(row for row in rows if row.command == "Save")
    assert save.keys.split(", ")[0] == QKeySequence(QKeySequence.StandardKey.Save).toString(
        QKeySequence.SequenceFormat.NativeText)
    # It never lies: a changed shortcut shows on the next sheet.
    window.editor.edit_actions.arrange.setShortcut(QKeySequence("Ctrl+Alt+R"))
    assert ("Arrange cards", "Ctrl+Alt+R") in {(r.command, r.keys) for r in shortcut_rows(window)}
    sheet = ShortcutsSheet(window)
    qtbot.addWidget(sheet)
    texts = [sheet.tree.topLevelItem(i).text(0) for i in range(sheet.tree.topLevelItemCount())]
    # Submenus with a key (Export › PDF is Ctrl+E) follow their menu, in menu order.
    assert texts[:5] == ["File › New from template", "File", "File › Export", "Edit", "View"]
    # The board's own keys, which no menu has, close the sheet: a facilitator found no arrow keys on it.
    assert texts[-1] == "On the board, without the mouse"
    board = sheet.tree.topLevelItem(len(texts) - 1)
    board_rows = {board.child(i).text(0): board.child(i).text(1) for i in range(board.childCount())}
    assert board_rows["Move the focus between cards and cells"] == "← → ↑ ↓"
    assert board_rows["Select or unselect the focused card"] == "Space"
    assert board_rows["Next or previous cell, down the stage"] == "Tab / Shift+Tab"
    # Every row's keys shown whole, in a larger type too (Redo's three were cut at "Ctrl+Shif…").
    app = QApplication.instance()
    font = app.font()
    larger = QFont(font)
    larger.setPointSizeF(font.pointSizeF() * 1.4)
    app.setFont(larger)
    try:
        sheet = ShortcutsSheet(window)
        qtbot.addWidget(sheet)
        sheet.show()
        qtbot.waitExposed(sheet)
    finally:
        app.setFont(font)
    tree = sheet.tree
    metrics = tree.fontMetrics()
    rows = [group.child(j) for i in range(tree.topLevelItemCount())
            for group in [tree.topLevelItem(i)] for j in range(group.childCount())]
    redo = next(row for row in rows if row.text(0) == "Redo")
    assert "Ctrl+Shift+Z" in redo.text(1)
    assert all(metrics.horizontalAdvance(row.text(1)) <= tree.columnWidth(1) for row in rows)
    assert tree.columnWidth(0) + tree.columnWidth(1) <= tree.viewport().width()


def test_question_mark_on_the_board_opens_the_sheet_but_types_while_editing(qtbot: QtBot) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.open_path(EXAMPLES / "coffee-shop-blueprint.touchline")
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    view = window.editor.view
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    qtbot.keyClick(view.viewport(), "?")
    sheets = [w for w in QApplication.topLevelWidgets() if isinstance(w, ShortcutsSheet) and w.isVisible()]
    assert len(sheets) == 1
    sheets[0].close()
    qtbot.waitUntil(lambda: not sheets[0].isVisible())
    card_id = next(iter(window.editor.document.cards())).id
    window.editor.scene.clearSelection()
    window.editor.card_item(card_id).setSelected(True)
    view.setFocus()
    qtbot.keyClick(view.viewport(), Qt.Key.Key_F2)
    qtbot.keyClicks(view.viewport(), "Why?")
    window.commit_pending()
    assert window.editor.document.card(card_id).text == "Why?"
    window.ask_save_changes = lambda: "discard"  # type: ignore[method-assign]
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, ShortcutsSheet) and w.isVisible()]


# ---------------------------------------------------------------------- preferences
def test_preferences_are_in_the_edit_menu_and_store_the_language(qtbot: QtBot) -> None:
    from app.preferences import PreferencesDialog

    window = MainWindow()
    qtbot.addWidget(window)
    assert window.preferences_action in window.edit_menu.actions()
    keys = [k.toString() for k in window.preferences_action.shortcuts()]
    assert keys and all(k for k in keys)  # the platform's Preferences key, or Ctrl+, where it has none
    called: list[bool] = []
    window.ask_preferences = lambda: called.append(True) or False  # type: ignore[method-assign]
    window.preferences_action.trigger()
    assert called == [True]
    dialog = PreferencesDialog(window)
    qtbot.addWidget(dialog)
    assert dialog.language.findData("de") >= 0  # the German catalogue ships
    dialog.language.setCurrentIndex(dialog.language.findData("de"))
    dialog.welcome.setChecked(False)
    dialog.accept()
    assert store.language() == "de" and store.show_welcome() is False


# ---------------------------------------------------------------------- HiDPI
HIDPI_SCRIPT = r"""
import json, sys
from PySide6.QtCore import QSize
from app.gui import create_application
from app.main_window import MainWindow
from app.welcome import app_icon, svg_icon
app = create_application()
window = MainWindow()
page = window.show_welcome()
window.resize(700, 500)
window.show()
app.processEvents()
grab = window.grab()
icon = app_icon().pixmap(QSize(32, 32), window.devicePixelRatioF())
button = page.new_blueprint_button.icon().pixmap(page.new_blueprint_button.iconSize(), window.devicePixelRatioF())
print(json.dumps({"size": [window.width(), window.height()], "dpr": window.devicePixelRatioF(),
                  "grab_dpr": grab.devicePixelRatio(),
                  "grab": [grab.width(), grab.height()], "icon": [icon.width(), icon.height()],
                  "button": [button.width(), button.height()], "window_icon": app.windowIcon().isNull(),
                  "svg_engine": app_icon().name() == "" and not svg_icon("open").isNull()}))
"""


def test_at_200_percent_the_window_and_its_icons_are_drawn_at_twice_the_pixels(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-c", HIDPI_SCRIPT], cwd=tmp_path, capture_output=True, text=True,
                            timeout=120, env=_env(QT_SCALE_FACTOR="2", TOUCHLINE_INSTANCE="off",
                                                  XDG_CONFIG_HOME=str(tmp_path / "config"),
                                                  XDG_CACHE_HOME=str(tmp_path / "cache")))
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    assert figures["dpr"] == 2 and figures["grab_dpr"] == 2
    assert figures["grab"] == [2 * figures["size"][0], 2 * figures["size"][1]]
    # From the SVG, rendered for the device pixels: 64 px for a 32 px icon, 48 for a 24 px button icon.
    assert figures["icon"] == [64, 64] and figures["button"] == [48, 48]
    assert figures["window_icon"] is False


def test_interface_icons_are_svg() -> None:
    from app import welcome

    icons = sorted((ROOT / "resources" / "icons").glob("*.svg"))
    assert {p.stem for p in icons} >= {"touchline", "new-blueprint", "new-journey", "open", "example"}
    assert welcome.ICON_DIR == ROOT / "resources" / "icons"
    size = QSize(96, 96)
    for path in icons:
        from PySide6.QtGui import QIcon

        assert QIcon(str(path)).pixmap(size).size() == size  # scalable: any size is drawn, not upscaled


# ---------------------------------------------------------------------- translation
def test_the_german_catalogue_translates_the_interface(qtbot: QtBot) -> None:
    from PySide6.QtCore import QLocale

    from app.i18n import install_translators

    app = QApplication.instance()
    try:
        assert install_translators(app, QLocale("de_DE")) == "de"
        window = MainWindow()
        qtbot.addWidget(window)
        menus = [action.text() for action in window.menuBar().actions()]
        assert menus == ["&Datei", "&Bearbeiten", "&Ansicht", "&Hilfe"]
        assert window.editor.edit_actions.add_stage.text() == "&Phase hinzufügen"
        assert window.properties_dock.windowTitle() == "Eigenschaften"
        assert window.checks_dock.windowTitle() == "Prüfungen"
        from canvas.translate import tr

        assert tr("%n card(s)", "", 1) == "1 Karte" and tr("%n card(s)", "", 3) == "3 Karten"
        # Qt's own strings follow: a standard button of a message box.
        from PySide6.QtWidgets import QDialogButtonBox

        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        assert box.button(QDialogButtonBox.StandardButton.Cancel).text().replace("&", "") == "Abbrechen"
    finally:
        assert install_translators(app, QLocale("en_GB")) == "en"
    from canvas.translate import tr

    assert tr("&File") == "&File"
    assert tr("%n card(s)", "", 1) == "1 card" and tr("%n card(s)", "", 2) == "2 cards"


def test_the_german_catalogue_translates_the_workshop_screens(qtbot: QtBot) -> None:
    """Present, the presenter panel, the countdown and Top voted speak German too (they once did not)."""
    from PySide6.QtCore import QLocale

    from app.i18n import install_translators
    from app.present import PresentationWindow
    from app.timer import TimerBadge

    app = QApplication.instance()
    try:
        assert install_translators(app, QLocale("de_DE")) == "de"
        window = MainWindow(path=EXAMPLES / "coffee-shop-blueprint.touchline")
        qtbot.addWidget(window)
        window.ask_save_changes = lambda: "discard"  # type: ignore[method-assign]
        workshop = window.workshop
        assert workshop.present_action.text() == "Prä&sentieren"
        assert workshop.timer_menu.title() == "Workshop-&Timer"
        assert [a.text() for a in workshop.timer_menu.actions()][:2] == ["1 Minute starten", "3 Minuten starten"]
        assert workshop.presenter_dock.windowTitle() == "Referentenansicht"
        assert workshop.votes_dock.windowTitle() == "Meiste Stimmen"
        assert workshop.votes.hint.text().startswith("Noch keine Stimmen.")
        import re

        workshop._fill_screen_menu()
        menus = [action.menu() for action in window.menuBar().actions()]
        while menus:  # in German, no two entries of one menu share a mnemonic (Alt+letter would be ambiguous)
            menu = menus.pop()
            keys = [m.group(1).lower() for a in menu.actions() if (m := re.search(r"&(\w)", a.text()))]
            assert len(keys) == len(set(keys)), [a.text() for a in menu.actions()]
            menus += [a.menu() for a in menu.actions() if a.menu()]
        doc = window.editor.document
        workshop.presenter.show_stage(window.editor, 1)
        assert workshop.presenter.heading.text() == f"Phase 2 von {len(doc.stages)}: {doc.stages[1].name}"
        assert workshop.presenter.next_label.text() == f"Als Nächstes: {doc.stages[2].name}"
        assert workshop.presenter.time_label.text() == "Timer: aus (T startet 5 Minuten)"
        assert "Rechts, Bild ab: nächster Teil oder nächste Phase" in workshop.presenter.keys.text()
        first = next(iter(doc.cards())).id
        window.editor.scene.card_item(first).setSelected(True)
        window.editor.vote(1)
        assert window.editor.undo_stack.undoText() == "Stimme hinzufügen"
        workshop.votes.refresh()
        assert "1 Stimme" in workshop.votes.list.item(0).text()
        presentation = PresentationWindow(window.editor.scene, workshop.countdown)
        qtbot.addWidget(presentation)
        assert presentation.windowTitle() == "Touchline — Präsentation"
        badge = TimerBadge(workshop.countdown)
        qtbot.addWidget(badge)
        assert badge.accessibleName() == "Countdown"
        presentation.view.detach()  # the scene is the editor's: let go of it as Workshop.leave does
        presentation.view.setScene(None)
    finally:
        assert install_translators(app, QLocale("en_GB")) == "en"


def test_no_user_visible_string_bypasses_tr() -> None:
    """A literal handed straight to a label, action, menu, dock or tooltip would stay English in German."""
    import ast

    setters = {"QAction", "QMenu", "QLabel", "QDockWidget", "QPushButton", "QCheckBox", "QRadioButton", "QGroupBox",
               "QToolButton", "setText", "setToolTip", "setWindowTitle", "setPlaceholderText", "showMessage",
               "setAccessibleName", "setAccessibleDescription", "addAction", "addMenu", "setStatusTip", "setTitle",
               "addTab", "setTabText", "setHeaderLabels", "setLabelText"}

    def untranslated(node: ast.AST) -> bool:  # some text with letters in it, and no tr() around any of it
        parts = list(ast.walk(node))
        if any(isinstance(p, ast.Call) and getattr(p.func, "id", None) == "tr" for p in parts):
            return False
        return any(isinstance(p, ast.Constant) and isinstance(p.value, str) and any(c.isalpha() for c in p.value)
                   for p in parts)

    found = []
    for path in sorted([*ROOT.glob("app/*.py"), *ROOT.glob("canvas/*.py")]):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and node.args:
                name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
                if name in setters and untranslated(node.args[0]):
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno} {name}({ast.unparse(node.args[0])[:60]})")
    assert not found, "wrap in tr(): " + "; ".join(found)


def test_every_catalogue_entry_is_translated_and_keeps_its_placeholders() -> None:
    import re
    import xml.etree.ElementTree as ET

    tree = ET.parse(ROOT / "resources" / "translations" / "touchline_de.ts")
    messages = list(tree.iter("message"))
    assert len(messages) > 250
    for message in messages:
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None and translation.get("type") is None, source  # none unfinished
        forms = [f.text or "" for f in translation.iter("numerusform")] or [translation.text or ""]
        for form in forms:
            assert form.strip(), source
            assert sorted(re.findall(r"\{\d*\}", form)) == sorted(re.findall(r"\{\d*\}", source)), source
            assert ("&" in form) == ("&" in source), source  # a menu mnemonic stays a mnemonic
    assert (ROOT / "resources" / "translations" / "touchline_de.qm").stat().st_size > 10_000


def test_the_catalogue_holds_every_string_of_the_code(tmp_path: Path) -> None:
    """`make translations` would add nothing: the shipped .ts is up to date with app/ and canvas/."""
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    if not lupdate.exists():
        pytest.skip("pyside6-lupdate is not installed beside this Python")
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in [*ROOT.glob("app/*.py"), *ROOT.glob("canvas/*.py")])
    subprocess.run([str(lupdate), "-no-obsolete", "-locations", "none", *sources, "-ts", str(fresh)], check=True,
                   capture_output=True)
    import xml.etree.ElementTree as ET

    def texts(path: Path) -> set[str]:
        return {m.findtext("source") or "" for m in ET.parse(path).iter("message")}

    missing = texts(fresh) - texts(ROOT / "resources" / "translations" / "touchline_de.ts")
    assert not missing, f"run `make translations` and translate: {sorted(missing)}"


# ---------------------------------------------------------------------- standard keys
def test_standard_commands_use_the_platforms_standard_keys(qtbot: QtBot) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    edit = window.editor.edit_actions
    K = QKeySequence.StandardKey
    pairs = [(window.new_actions["blueprint"], K.New), (window.open_action, K.Open), (window.save_action, K.Save),
             (window.save_as_action, K.SaveAs), (window.close_action, K.Close), (window.quit_action, K.Quit),
             (window.preferences_action, K.Preferences), (window.shortcuts_action, K.HelpContents),
             (edit.undo, K.Undo), (edit.redo, K.Redo), (edit.delete, K.Delete), (edit.select_all, K.SelectAll),
             (edit.zoom_in, K.ZoomIn), (edit.zoom_out, K.ZoomOut)]
    for action, standard in pairs:
        bindings = QKeySequence.keyBindings(standard)
        if bindings:  # where the platform defines the key, the action answers to (at least the first of) it
            assert bindings[0] in action.shortcuts(), (action.text(), standard)
        else:  # where it does not (Quit, Preferences on some desktops), a conventional one
            assert action.shortcuts(), action.text()


@pytest.mark.parametrize("language", ["en_GB", "de_DE"])
def test_the_panels_alt_letters_leave_the_menus_theirs_and_differ_from_each_other(qtbot: QtBot, language: str) -> None:
    """In German, Alt+B opened the board's Beschrei&bung field, not the Bearbeiten menu, and Alt+A an arrow's
    &Art instead of Ansicht; the card's Wartezeit, Bewertung and Schlagwörter all took Alt+W."""
    from PySide6.QtCore import QLocale
    from PySide6.QtGui import QKeySequence
    from PySide6.QtWidgets import QAbstractButton, QLabel

    from app.i18n import install_translators

    app = QApplication.instance()
    try:
        install_translators(app, QLocale(language))
        window = MainWindow(path=EXAMPLES / "coffee-shop-blueprint.touchline")
        qtbot.addWidget(window)
        window.ask_save_changes = lambda: "discard"  # type: ignore[method-assign]
        menus = {QKeySequence.mnemonic(a.text()).toString() for a in window.menuBar().actions() if a.text()}
        assert len(menus) >= 4
        properties = window.properties
        sections = [properties.card_section, properties.link_section, properties.lane_section,
                    properties.stage_section, properties.board_section, window.personas]
        for section in sections:
            texts = [w.text() for w in section.findChildren(QLabel) + section.findChildren(QAbstractButton)
                     if "&" in w.text()]
            keys = [QKeySequence.mnemonic(text).toString() for text in texts]
            assert not set(keys) & menus, (texts, menus)
            assert len(keys) == len(set(keys)), texts
    finally:
        install_translators(app, QLocale("en_GB"))


def test_no_two_entries_of_an_english_menu_share_an_alt_letter(qtbot: QtBot) -> None:
    """Edit had R three times (Redo, Raise emotion score, Select its next arrow) and L twice; View I and P
    twice: Alt+letter then cycles instead of choosing (German had its own test already)."""
    import re

    window = MainWindow(path=EXAMPLES / "coffee-shop-blueprint.touchline")
    qtbot.addWidget(window)
    window.ask_save_changes = lambda: "discard"  # type: ignore[method-assign]
    window.workshop._fill_screen_menu()
    menus = [action.menu() for action in window.menuBar().actions()]
    while menus:
        menu = menus.pop()
        keys = [m.group(1).lower() for a in menu.actions() if (m := re.search(r"&(\w)", a.text()))]
        assert len(keys) == len(set(keys)), [a.text() for a in menu.actions()]
        menus += [a.menu() for a in menu.actions() if a.menu()]


def test_a_board_started_in_a_german_window_is_german_and_its_language_is_a_property(qtbot: QtBot,
                                                                                    tmp_path: Path) -> None:
    """File › New in German gave "Untitled service blueprint", "Stage 1", "Customer actions" and an English legend."""
    from PySide6.QtCore import QLocale

    from app.i18n import install_translators

    app = QApplication.instance()
    try:
        assert install_translators(app, QLocale("de_DE")) == "de"
        window = MainWindow()
        qtbot.addWidget(window)
        window.ask_save_changes = lambda: "discard"  # type: ignore[method-assign]
        assert window.new_from_template("blueprint")
        doc = window.editor.document
        assert doc.title == "Unbenannter Service-Blueprint" and doc.language == "de"
        assert [s.name for s in doc.stages][:2] == ["Phase 1", "Phase 2"]
        assert "Kundenaktionen" in [ln.name for ln in doc.lanes]
        assert "Sichtbarkeitslinie" in [line.name for line in window.editor.scene.layout.blueprint_lines]
        assert window.new_from_template("journey")
        assert window.editor.document.title == "Unbenannte Customer Journey Map"
        assert [ln.name for ln in window.editor.document.lanes][1:3] == ["Tun", "Fühlen"]
    finally:
        install_translators(app, QLocale("en_GB"))
    # Its words are the board's: the Properties panel's Language, one undo step each way.
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.open_path(EXAMPLES / "coffee-shop-blueprint.touchline")
    editor, panel = window.editor, window.properties
    editor.scene.clearSelection()
    editor.scene.select_cell(None)
    qtbot.waitUntil(lambda: panel.shown()[0] == "board")
    assert panel.board_language.currentData() == "en"
    panel.board_language.setCurrentIndex(panel.board_language.findData("de"))
    assert editor.document.language == "de" and editor.undo_stack.undoText() == "Change the board's language"
    assert "Sichtbarkeitslinie" in [line.name for line in editor.scene.layout.blueprint_lines]
    editor.undo_stack.undo()
    assert editor.document.language == "en" and panel.board_language.currentData() == "en"
    assert "Line of visibility" in [line.name for line in editor.scene.layout.blueprint_lines]
    # A language this Touchline cannot write in is listed by its code while its board is open, and only then.
    french = tmp_path / "fr.touchline"
    french.write_text(model.dumps(model.load(EXAMPLES / "coffee-shop-blueprint.touchline")).replace(
        '"version": 1,', '"version": 1,\n  "language": "fr",', 1), encoding="utf-8")
    for path, listed in ((french, ["en", "de", "fr"]), (EXAMPLES / "coffee-shop-blueprint.touchline", ["en", "de"])):
        assert window.open_path(path)
        window.editor.scene.clearSelection()
        window.editor.scene.select_cell(None)
        qtbot.waitUntil(lambda: panel.shown()[0] == "board")
        assert [panel.board_language.itemData(i) for i in range(panel.board_language.count())] == listed


def test_ctrl_shift_n_starts_a_journey_map_as_ctrl_n_starts_a_blueprint(qtbot: QtBot) -> None:
    """Ctrl+N made a service blueprint; a journey map had no key at all."""
    window = MainWindow()
    qtbot.addWidget(window)
    window.ask_save_changes = lambda: "discard"  # type: ignore[method-assign]
    with qtbot.waitExposed(window):
        window.show()
    window.activateWindow()
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    QTest.keyClick(window.editor.view, Qt.Key.Key_N, ctrl_shift)
    assert any(lane.kind == "emotion" for lane in window.editor.document.lanes)
    everything = [a for a in window.findChildren(QAction) if not a.shortcut().isEmpty()]
    assert [a.text() for a in everything if a.shortcut() == QKeySequence("Ctrl+Shift+N")] == ["Journey map"]


def test_ctrl_e_exports_the_pdf(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    """No export had a key: the stakeholders' PDF took three clicks through File › Export."""
    window = MainWindow()
    qtbot.addWidget(window)
    with qtbot.waitExposed(window):
        window.show()
    window.activateWindow()
    asked: list[str] = []
    monkeypatch.setattr(window, "_export_dialog", asked.append)
    QTest.keyClick(window.editor.view, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert asked == ["pdf"]
    everything = [a for a in window.findChildren(QAction) if not a.shortcut().isEmpty()]
    assert [a for a in everything if a.shortcut() == QKeySequence("Ctrl+E")] == [window.export_actions["pdf"]]


def test_the_zoom_is_shown_at_the_status_bars_right(qtbot: QtBot) -> None:
    """No view showed it: whether the board was at 100 % or fitted was a guess."""
    window = MainWindow()
    qtbot.addWidget(window)
    with qtbot.waitExposed(window):
        window.show()
    view = window.editor.view
    view.zoom_actual()
    assert window.zoom_label.text() == "100%" and window.zoom_label.isVisible()
    view.set_zoom(0.5)
    assert window.zoom_label.text() == "50%"
    view.zoom_fit()
    assert window.zoom_label.text() == f"{round(view.zoom * 100)}%"
