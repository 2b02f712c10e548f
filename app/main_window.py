"""The main window: menus, the Properties dock and the file dialogs around one Editor.

One document per window. The window stays thin: the Editor owns the scene, the view,
the undo stack and the edit actions; this module only opens, saves, exports and asks.
Every modal dialog goes through a small method (``ask_open_path``, ``ask_save_path``,
``ask_export_path``, ``ask_save_changes``, ``show_error``) so tests can replace it.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDockWidget,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMenuBar,
    QMessageBox,
    QWidget,
)
from shiboken6 import isValid

import model
from app import collection
from app.appearance import Appearance
from app.checks_panel import ChecksPanel
from app.editor import Editor
from app.file_drops import FileDrops
from app.i18n import QT_TRANSLATE_NOOP, tr
from app.long_task import CancelledError, run_in_background
from app.panes import FocusKeeper, ScrollingPanel, focus_pane, out_of_sight, panel_toggle
from app.persona_panel import PersonaPanel
from app.problems import problem
from app.properties import PropertiesPanel
from app.remembering import Remembering
from app.safekeeping import Safekeeping
from app.settings import (
    add_recent_file,
    clear_recent_files,
    export_settings,
    recent_files,
    recent_names,
    save_export_settings,
    settings,
)
from app.welcome import Welcoming
from app.workshop import Workshop
from model import events as ev
from model.layout import Layout

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

    from exporters.pages import PageSpec

APP_NAME = "Touchline"
SUFFIX = ".touchline"
FILE_FILTER = QT_TRANSLATE_NOOP("", "Touchline files (*.touchline)")  # tr() where shown
EXPORT_FILTERS: dict[str, str] = {"svg": QT_TRANSLATE_NOOP("", "SVG image (*.svg)"),
                                  "pdf": QT_TRANSLATE_NOOP("", "PDF document (*.pdf)"),
                                  "png": QT_TRANSLATE_NOOP("", "PNG image (*.png)"),
                                  "drawio": QT_TRANSLATE_NOOP("", "draw.io diagram (*.drawio)"),
                                  "mmd": QT_TRANSLATE_NOOP("", "Mermaid journey (*.mmd)"),
                                  "csv": QT_TRANSLATE_NOOP("", "CSV table (*.csv)")}
EXPORT_LABELS: dict[str, str] = {"svg": "SVG…", "pdf": "PDF…", "png": "PNG…", "drawio": "draw.io…",
                                 "mmd": QT_TRANSLATE_NOOP("", "Mermaid journey…"),
                                 "csv": QT_TRANSLATE_NOOP("", "CSV table…")}
IMPORT_FILTER = QT_TRANSLATE_NOOP("", "Mermaid journeys and CSV tables (*.mmd *.mermaid *.csv);;"
                                      "Mermaid journey (*.mmd *.mermaid);;CSV table (*.csv)")
TEMPLATE_LABELS: dict[str, str] = {"blueprint": QT_TRANSLATE_NOOP("", "Service blueprint"),
                                   "journey": QT_TRANSLATE_NOOP("", "Journey map")}

SaveChoice = Literal["save", "discard", "cancel"]
PathLike = str | os.PathLike[str]


def _laid_out(path: Path, legend: bool) -> tuple[model.Document, Layout]:
    """The document at ``path`` and its layout, with or without the legend (run in the worker thread)."""
    document = model.load(path)
    return document, Layout(document, legend=legend, defer_links=True)  # routed as the editor shows them


def export_cancellable(parent: QWidget, source: Callable[[str], model.Document | Layout], target: Path,
                       page: PageSpec | None = None) -> list[str]:
    """Export ``source(format)`` (a document, or a layout made for it) to ``target`` in the worker thread,
    with Cancel; the export's warning lines.

    The steps are a save's (model.safefile): the target is checked first, on this thread, before
    any work (through a symbolic link, never over a folder or a file marked read-only); the worker
    renders the file and writes it to a temporary file beside the target; that becomes ``target``
    here, only once it is complete and the user has not cancelled, so a cancelled export leaves no
    file (and an existing one untouched). PNG goes through QPainter, kept on the GUI thread.
    ``page``: the PDF's paper (exporters.pages).
    """
    import exporters
    from model.safefile import check_target, put_in_place, remove_stale_temps, write_temporary

    fmt = exporters.format_for(target)
    checked = check_target(target)
    if fmt == "png":
        return exporters.export(source(fmt), checked.path, fmt, page=page)
    written: list[Path] = []  # the temporary file, once the worker has written it

    def render_and_write() -> list[str]:
        rendered = exporters.render(source(fmt), fmt, page=page)
        remove_stale_temps(checked.path)  # what a killed export left
        written.append(write_temporary(checked, rendered.data))
        return rendered.warnings

    def discard() -> None:
        for temporary in written:
            temporary.unlink(missing_ok=True)

    try:
        warnings = run_in_background(parent, tr("Exporting “{0}”…").format(checked.path.name), render_and_write)
    except BaseException:  # cancelled (the worker may still be writing), or the work failed
        from app.long_task import after_current_work

        after_current_work(discard)
        raise
    put_in_place(checked, written[0])
    return warnings


def _remembered_page_spec() -> PageSpec:
    """The paper of the last PDF export (app/settings.py), or fit when none or no longer valid."""
    from exporters.pages import PageSpec  # the PDF's paper module: not needed to show a board

    values = export_settings()
    try:
        return PageSpec(str(values.get("page", "fit")), values.get("portrait") in (True, "true"),
                        values.get("tile") in (True, "true"))
    except ValueError:
        return PageSpec()


def _new_document(kind: str) -> model.Document:
    """A new board from the ``blueprint`` or ``journey`` template, in the interface language (imported when a
    board is made from one)."""
    from app.new_board import new_board

    return new_board(kind)


def with_suffix(path: PathLike, suffix: str = SUFFIX) -> Path:
    """``path`` with ``suffix`` appended when its name does not already end with it."""
    target = Path(path)
    if not target.name.lower().endswith(suffix.lower()):
        target = target.with_name(target.name + suffix)
    return target


def _set_shortcut(action: QAction, standard: QKeySequence.StandardKey, fallback: str) -> None:
    """The platform's standard key, or ``fallback`` where the platform has none."""
    keys = QKeySequence.keyBindings(standard)
    action.setShortcuts(keys if keys else [QKeySequence(fallback)])


class MainWindow(Safekeeping, Remembering, Welcoming, FileDrops, QMainWindow):
    """One Touchline document in a window with the File, Edit and View menus."""

    def __init__(self, document: model.Document | None = None, path: PathLike | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._path: Path | None = None
        last_export = export_settings().get("folder")
        self._export_dir: Path | None = Path(last_export) if isinstance(last_export, str) and last_export else None
        self._chosen_page: PageSpec | None = None  # the PDF paper chosen last (see _page_spec)
        self._print_spec: PageSpec | None = None  # the paper printed on last in this window (print_board)
        self.setObjectName("MainWindow")
        self.setAcceptDrops(True)  # files dragged from the file manager (app/file_drops.py)
        self.properties = PropertiesPanel(None)
        self.properties.message.connect(self._show_passing_message)
        self.properties.card_typing.connect(self.autosaver.on_typing)  # autosaved as typed
        self.properties.card_typing.connect(self._mark_typing)
        self.properties_dock = QDockWidget(tr("Properties"), self)
        self.properties_dock.setObjectName("PropertiesDock")
        self.properties_dock.setWidget(ScrollingPanel(self.properties))
        self.properties_dock.setAllowedAreas(Qt.DockWidgetArea.LeftDockWidgetArea
                                             | Qt.DockWidgetArea.RightDockWidgetArea)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.properties_dock)
        self.checks = ChecksPanel(None)
        self.checks_dock = QDockWidget(tr("Checks"), self)
        self.checks_dock.setObjectName("ChecksDock")
        self.checks_dock.setWidget(self.checks)
        self.checks_dock.visibilityChanged.connect(self.checks.set_seen)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.checks_dock)
        self.tabifyDockWidget(self.properties_dock, self.checks_dock)
        self.personas = PersonaPanel(None)
        self._problem_let_go: str | None = None  # invalid input the user chose to go on without (asked once)
        self.personas_dock = QDockWidget(tr("Personas"), self)
        self.personas_dock.setObjectName("PersonasDock")
        self.personas_dock.setWidget(self.personas)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.personas_dock)
        self.tabifyDockWidget(self.checks_dock, self.personas_dock)
        self.properties_dock.raise_()
        self.appearance = Appearance(self, settings)
        self._build_menus()
        # Made now (QMainWindow makes it when first asked for): the board's height is final before its
        # first paint, not shortened by the bar appearing after it.
        self.statusBar()
        # The impact view's summary stays while the view is on: a widget of the bar, which a passing
        # message ("Copied 2 cards") covers for its seconds and then shows again (as a message, the
        # summary was wiped by the first passing one).
        self._impact_summary = QLabel()
        self._impact_summary.hide()
        self.statusBar().addWidget(self._impact_summary, 1)
        # The zoom, always in sight at the bar's right (no view showed it: Fit or 100 % was a guess).
        self.zoom_label = QLabel()
        self.zoom_label.setToolTip(tr("Zoom: Ctrl+0 fits the board, Ctrl+1 is 100%"))
        self.zoom_label.setAccessibleName(tr("Zoom"))
        self.statusBar().addPermanentWidget(self.zoom_label)
        self.editor: Editor = self._install(document or _new_document("blueprint"),
                                            Path(path) if path and document is not None else None)
        self.workshop = Workshop(self)  # Present (F5), presenter panel, timer, Top voted
        self.workshop.fill_view_menu(self.view_menu)
        if document is None and path:
            self.open_path(path)

    @property
    def _page_spec(self) -> PageSpec:
        """The PDF paper offered by the next export: chosen in this window, else the last export's (settings).

        Read when first asked, not when the window is made: its module is not needed to show a board.
        """
        if self._chosen_page is None:
            self._chosen_page = _remembered_page_spec()
        return self._chosen_page

    @_page_spec.setter
    def _page_spec(self, page: PageSpec) -> None:
        self._chosen_page = page

    # ------------------------------------------------------------------ menus
    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(tr("&File"))
        new_menu = file_menu.addMenu(tr("&New from template"))
        self.new_actions: dict[str, QAction] = {}
        for kind, label in TEMPLATE_LABELS.items():
            action = new_menu.addAction(tr(label))
            action.triggered.connect(lambda _checked=False, kind=kind: self.new_from_template(kind))
            self.new_actions[kind] = action
        self.new_actions["blueprint"].setShortcut(QKeySequence(QKeySequence.StandardKey.New))
        self.new_actions["journey"].setShortcut(QKeySequence("Ctrl+Shift+N"))  # the other template, one key more

        self.open_action = file_menu.addAction(tr("&Open…"))
        _set_shortcut(self.open_action, QKeySequence.StandardKey.Open, "Ctrl+O")
        self.open_action.triggered.connect(self._open_dialog)
        self.recent_menu = file_menu.addMenu(tr("Open &Recent"))
        self.recent_menu.aboutToShow.connect(self.update_recent_menu)
        self.import_action = file_menu.addAction(tr("&Import…"))
        self.import_action.triggered.connect(self._import_dialog)
        file_menu.addSeparator()

        self.save_action = file_menu.addAction(tr("&Save"))
        _set_shortcut(self.save_action, QKeySequence.StandardKey.Save, "Ctrl+S")
        self.save_action.triggered.connect(self.save)
        self.save_as_action = file_menu.addAction(tr("Save &As…"))
        _set_shortcut(self.save_as_action, QKeySequence.StandardKey.SaveAs, "Ctrl+Shift+S")
        self.save_as_action.triggered.connect(lambda: self.save_as())

        export_menu = file_menu.addMenu(tr("&Export"))
        self.export_actions: dict[str, QAction] = {}
        for fmt in EXPORT_FILTERS:
            action = export_menu.addAction(tr(EXPORT_LABELS[fmt]))
            action.triggered.connect(lambda _checked=False, fmt=fmt: self._export_dialog(fmt))
            self.export_actions[fmt] = action
        # The stakeholders' copy, a keystroke away as in most drawing tools (no shortcut had any export).
        self.export_actions["pdf"].setShortcut(QKeySequence("Ctrl+E"))
        self.print_action = file_menu.addAction(tr("&Print…"))
        _set_shortcut(self.print_action, QKeySequence.StandardKey.Print, "Ctrl+P")
        self.print_action.triggered.connect(self.print_board)
        file_menu.addSeparator()

        self.close_action = file_menu.addAction(tr("&Close"))
        _set_shortcut(self.close_action, QKeySequence.StandardKey.Close, "Ctrl+W")
        self.close_action.triggered.connect(self.close)
        self.quit_action = file_menu.addAction(tr("&Quit"))
        _set_shortcut(self.quit_action, QKeySequence.StandardKey.Quit, "Ctrl+Q")
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(QApplication.closeAllWindows)

        self.edit_menu = bar.addMenu(tr("&Edit"))
        self.edit_menu.setToolTipsVisible(True)  # what a greyed-out item needs (Editor._make_actions)
        self.copy_image_action = QAction(tr("Cop&y as Image"), self)
        self.copy_image_action.setShortcut(QKeySequence("Ctrl+Shift+C"))
        self.copy_image_action.setStatusTip(tr("Copy the selected cards, or the whole board, as a picture"))
        self.copy_image_action.triggered.connect(self.copy_as_image)
        self.addAction(self.copy_image_action)  # the shortcut works wherever the focus is in the window
        self.view_menu = bar.addMenu(tr("&View"))
        # F6 and Shift+F6: between the board and the panels in sight, as in other desktop programs.
        self.next_pane_action = QAction(tr("Next Pane"), self)
        self.next_pane_action.setShortcut(QKeySequence("F6"))
        self.next_pane_action.triggered.connect(lambda: focus_pane(self, self.editor.view, 1))
        self.previous_pane_action = QAction(tr("Previous Pane"), self)
        self.previous_pane_action.setShortcut(QKeySequence("Shift+F6"))
        self.previous_pane_action.triggered.connect(lambda: focus_pane(self, self.editor.view, -1))
        for action in (self.next_pane_action, self.previous_pane_action):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            self.addAction(action)
        self._focus_keeper = FocusKeeper(self, lambda: self.editor.view)  # a panel closed with the focus in it
        self._build_desktop_actions(bar)
        self.properties_dock.toggleViewAction().setText(tr("&Properties Panel"))
        for dock in (self.properties_dock, self.checks_dock, self.personas_dock):
            panel_toggle(dock)
        for menu in (file_menu, self.edit_menu, self.view_menu):
            # Text typed on the canvas or in the panel becomes part of the document before
            # any menu command runs, so Delete, Undo, Save… all see it.
            menu.aboutToShow.connect(self.commit_pending)
        self.update_recent_menu()

    def _fill_editor_menus(self) -> None:
        """Put the current editor's actions in the Edit and View menus."""
        actions = self.editor.edit_actions
        groups = (("undo", "redo"), ("cut", "copy", "paste", "duplicate"), ("delete", "select_all"),
                  ("find", "find_next", "find_previous"), ("add_card", "edit_text"),
                  ("add_stage", "add_lane", "delete_stage", "delete_lane"), ("raise_score", "lower_score"),
                  ("arrange",), ("vote", "unvote"),
                  ("connect", "next_arrow", "move_left", "move_right", "move_up", "move_down"))
        self._fill_menu(self.edit_menu, actions, groups)
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.copy_image_action)
        self._fill_menu(self.view_menu, actions, (("zoom_in", "zoom_out", "zoom_fit", "zoom_actual"),
                                                  ("show_impact",)))
        self.view_menu.addSeparator()
        self.view_menu.addAction(self.properties_dock.toggleViewAction())
        self.checks_dock.toggleViewAction().setText(tr("&Checks Panel"))
        self.view_menu.addAction(self.checks_dock.toggleViewAction())
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.preferences_action)
        self.personas_dock.toggleViewAction().setText(tr("Perso&nas Panel"))
        self.view_menu.addAction(self.personas_dock.toggleViewAction())
        self.view_menu.addSeparator()
        self.view_menu.addAction(self.appearance.legend_action)
        self.view_menu.addMenu(self.appearance.theme_menu)
        workshop = getattr(self, "workshop", None)
        if workshop is not None:
            workshop.editor_changed()
            workshop.fill_view_menu(self.view_menu)

    def _apply_appearance(self, theme: str, legend: bool) -> None:
        """The theme and legend chosen in the View menu, on the current board."""
        editor = getattr(self, "editor", None)
        if editor is not None:
            editor.set_theme(theme)
            editor.set_legend(legend)
            self.properties.refresh()  # its "Lane colour" swatch shows the lane's fill in the theme

    @staticmethod
    def _fill_menu(menu: QMenu, actions: object, groups: tuple[tuple[str, ...], ...]) -> None:
        menu.clear()  # removes the old editor's actions; they belong to the editor, not the menu
        for number, group in enumerate(groups):
            if number:
                menu.addSeparator()
            for name in group:
                action = getattr(actions, name, None)
                if isinstance(action, QAction):
                    menu.addAction(action)

    def update_recent_menu(self) -> None:
        """Rebuild Open Recent: files that no longer exist are listed but disabled."""
        menu = self.recent_menu
        menu.clear()
        files = recent_files()
        for number, (path, name) in enumerate(zip(files, recent_names(files), strict=True), start=1):
            name = name.replace("&", "&&")
            action = menu.addAction(f"&{number} {name}" if number < 10 else f"1&0 {name}")
            action.setData(path)
            action.setToolTip(path)
            action.setStatusTip(path)
            action.setEnabled(Path(path).is_file())
            action.triggered.connect(lambda _checked=False, path=path: self.open_path(path))
        if files:
            menu.addSeparator()
        clear = menu.addAction(tr("&Clear menu"))
        clear.setEnabled(bool(files))
        clear.triggered.connect(self.clear_recent)

    def clear_recent(self) -> None:
        """Forget the recent files."""
        clear_recent_files()
        self.update_recent_menu()

    # ------------------------------------------------------------------ document
    @property
    def path(self) -> Path | None:
        """The file the document was opened from or saved to; None while untitled."""
        return self._path

    def _close_editor(self, old: Editor) -> None:
        """Detach the panels and this window from ``old``, and ``old`` from its document."""
        # The panel shows nothing while the editors change, so the focus the old editor
        # loses cannot land in (and select all of) one of its fields.
        self.properties.set_editor(None)
        self.checks.set_editor(None)
        self.personas.set_editor(None)
        old.document.changed.disconnect(self._on_document_changed)
        old.close_document()  # stop the old scene listening to a document nobody shows

    def _install(self, document: model.Document, path: Path | None, *, layout: Layout | None = None) -> Editor:
        """Show ``document`` in a fresh Editor, replacing the old one; the board gets the keyboard focus."""
        if layout is None:
            # Laid out with the legend as the View menu has it: binding the appearance below then
            # changes nothing, instead of laying out and drawing a large board a second time.
            # The arrows are routed as the view comes to show them, the rest after the first paint
            # (Layout's defer_links, BoardScene.build_area / build_some).
            layout = Layout(document, legend=self.appearance.legend_shown, defer_links=True)
        editor = Editor(document, self, layout=layout)
        self.view_to_restore(editor, path)
        old: Editor | None = getattr(self, "editor", None)  # none yet while __init__ installs the first
        if old is not None:
            self.remember_leaving()  # where the old board was looked at, for its next opening
            self._close_editor(old)
        editor.setFocusProxy(editor.view)  # focusing the editor focuses the board
        self.editor = editor
        self._path = path.absolute() if path is not None else None
        replaced = self.takeCentralWidget()  # the old editor (or the start screen)
        self.setCentralWidget(editor)
        if old is not None and replaced is old:
            old.dispose_later()
        elif replaced is not None:
            replaced.deleteLater()
        editor.setFocus(Qt.FocusReason.OtherFocusReason)
        self.properties.set_editor(editor)
        self.checks.set_editor(editor)
        self.personas.set_editor(editor)
        self.appearance.bind(self._apply_appearance)
        self._show_impact_summary("")  # (the old board's impact view went with it)
        editor.impact_changed.connect(self._show_impact_summary)
        editor.message.connect(self._show_passing_message)
        editor.view.zoom_changed.connect(self._show_zoom)
        self._show_zoom(editor.view.zoom)
        document.changed.connect(self._on_document_changed)
        editor.undo_stack.cleanChanged.connect(self._on_clean_changed)
        editor.scene.card_typing.connect(self._mark_typing)
        editor.scene.persona_requested.connect(self.edit_persona)
        self._fill_editor_menus()
        self.update_title()
        self.setWindowModified(not editor.undo_stack.isClean())
        self.safekeep_installed(editor, self._path)  # autosave and the watch on the file follow it
        if self.isVisible():  # names and descriptions for screen readers, the new editor's included
            self.describe()  # (a window not shown yet is described after its first paint: showEvent)
        return editor

    def describe(self) -> None:
        """Give the window's controls their accessible names and descriptions (app/accessibility.py)."""
        if not isValid(self):
            return
        # Imported here: its Qt classes are not needed to show a board (~6 ms of the start to first paint).
        from app.accessibility import describe_window

        describe_window(self)

    def edit_persona(self, persona_id: str) -> None:
        """Show the Personas panel with ``persona_id`` chosen and its name ready to edit (a double-click on its
        card on the board)."""
        self.personas_dock.show()
        self.personas_dock.raise_()
        self.personas.choose(persona_id)

    def _show_passing_message(self, text: str) -> None:
        self.statusBar().showMessage(text, max(4000, 60 * len(text)))  # long enough to read
        if text:
            # Said too: a screen reader does not read a status bar that changes ("Linked: F2 labels the arrow",
            # "Nothing pasted: …" were shown to sighted users only).
            from app.accessibility import announce

            announce(QApplication.focusWidget() or self, text)

    def _show_zoom(self, zoom: float) -> None:
        self.zoom_label.setText(tr("{0}%").format(QLocale().toString(round(zoom * 100))))

    def _show_impact_summary(self, text: str) -> None:
        if text:
            # The newer word wins: shown beside a passing message ("Copied 1 card"), the two were drawn
            # over each other for its seconds (the bar hides its widgets only as a message starts).
            self.statusBar().clearMessage()
        self._impact_summary.setText(text)
        self._impact_summary.setVisible(bool(text))

    def _on_document_changed(self, event: object) -> None:
        if isinstance(event, (ev.TitleChanged, ev.DocumentReset)):
            self.update_title()

    def _on_clean_changed(self, clean: bool) -> None:
        self._mark_typing()

    def _mark_typing(self) -> None:
        """Show the title's change mark for changes, and for text being typed that is not in the document yet
        (a card typed in place, its fields in Properties), as text editors do from the first key."""
        self.setWindowModified(self.is_modified() or bool(self.autosaver.typed_text()))

    def display_name(self) -> str:
        """The board's title, else the file name, else "Untitled"."""
        title = self.editor.document.title.strip()
        if title:
            return title
        return self._path.name if self._path is not None else tr("Untitled")

    def update_title(self) -> None:
        """Show "<title or file name>[*] — Touchline"."""
        name = self.display_name().replace("[*]", "[ * ]")  # keep Qt's placeholder unique
        self.setWindowTitle(f"{name}[*] — {APP_NAME}")

    def is_modified(self) -> bool:
        """Whether there are changes since the last save or load."""
        return not self.editor.undo_stack.isClean()

    def focusNextPrevChild(self, next: bool) -> bool:
        # Tab and Shift+Tab pass over the panels tabbed behind another (app/panes.py).
        for _ in range(200):
            if not super().focusNextPrevChild(next):
                return False
            focused = QApplication.focusWidget()
            if focused is None or not out_of_sight(focused):
                return True
        return True

    def commit_pending(self) -> None:
        """Finish what is being typed, on the canvas or in the Properties and Personas panels, as undoable edits."""
        self.editor.commit_pending()
        self.properties.commit_pending()
        self.personas.commit_pending()

    def maybe_save(self) -> bool:
        """Ask to save changes first; False when the user cancels or the save fails."""
        self.commit_pending()
        if not self._typed_input_may_go():
            return False
        if not self.is_modified():
            return True
        choice = self.ask_save_changes()
        if choice == "save":
            return self.save()
        return choice == "discard"

    def new_from_template(self, kind: str) -> bool:
        """Replace the document with a new, untitled one from the ``blueprint`` or ``journey`` template."""
        if not self.maybe_save():
            return False
        try:
            document = _new_document(kind)
        except (model.LoadError, ValueError) as exc:
            self.show_error(tr("Could not create a document"),
                            tr("The {0} template could not be loaded.\n\n{1}").format(kind, problem(exc)))
            return False
        self._install(document, None)
        # The focus in the first cell, chosen: what is typed next is the first card. With nothing focused the
        # letters of "Sees ad" went nowhere, each saying "Choose a cell first".
        self.editor.scene.nav.show_start()
        return True

    def open_path(self, path: PathLike) -> bool:
        """Open ``path`` in this window (asking to save changes first); on error keep the current document."""
        target = Path(path)
        if not self.maybe_save():  # first: saving may write the very file being opened
            return False
        legend = self.appearance.legend_shown  # read here: settings belong to the GUI thread
        try:
            # Loading and layout need no Qt: off the GUI thread, with Cancel, for large boards.
            document, layout = run_in_background(self, tr("Opening “{0}”…").format(target.name),
                                                 lambda: _laid_out(target, legend))
            # The items of what the view shows are made before the board appears, the rest after
            # (canvas/scene.py, lazy): no second wait to draw it.
            self._install(document, target, layout=layout)
        except CancelledError:
            self.statusBar().showMessage(tr("Opening {0} cancelled: nothing changed").format(target.name), 4000)
            return False
        except model.LoadError as exc:
            self.show_error(tr("Could not open"),
                            tr("“{0}” could not be opened.\n\n{1}: {2}").format(target.name, target, problem(exc)))
            return False
        self.note_opened(target)
        return True

    def note_opened(self, target: Path, recent_after_paint: bool = False) -> None:
        """A file is open in this window: recent files, its remembered view, the status bar.

        ``recent_after_paint`` (the file a start opens, app/gui.py): the recent files are written,
        and the Open Recent menu rebuilt, once the board is on screen. Writing QSettings' file
        (with fdatasync) took 2-17 ms of the start to the first paint.
        """
        if recent_after_paint:
            self.editor.when_painted(lambda: self._add_recent(target))
        else:
            self._add_recent(target)
        self.remember_file(target)
        self.statusBar().showMessage(tr("Opened {0}").format(target.name), 4000)

    def _add_recent(self, target: Path) -> None:
        add_recent_file(target)
        if isValid(self):
            self.update_recent_menu()

    def save(self) -> bool:
        """Save to the current file, or ask for one when untitled; True when saved."""
        self.commit_pending()
        if not self._typed_input_may_go():
            return False
        if self._path is None:
            return self.save_as()
        return self._write(self._path)

    def save_as(self, path: PathLike | None = None) -> bool:
        """Save under a new name (asked for when None); ".touchline" is added when missing."""
        self.commit_pending()
        if not self._typed_input_may_go():
            return False
        if path is None:
            path = self.ask_save_path()
            if not path:
                return False
        target = with_suffix(path)
        document = self.editor.document
        title, was = self._title_after_file(target), document.title
        if title is not None:
            # Part of the save, as the file's name is, and no undo step: pushed as "Rename board" after the
            # user's own last edit, the first Ctrl+Z after saving took the board back to "Untitled journey map"
            # (a rename nobody made) and marked it changed, leaving the card typed last. Undone back to this
            # save, the board is the file again (clean), with the title it was saved under.
            document.set_title(title)
        saved = self._write(target)
        if title is not None and not saved:
            document.set_title(was)  # not saved (a full disk, the overwrite not confirmed): it keeps its title
        return saved

    def _title_after_file(self, target: Path) -> str | None:
        """The title a board still titled as its template made it ("Untitled journey map") takes from the name
        it is saved under (saved as dentist.touchline, its heading, the window and every export said "Untitled
        journey map"); None for a title of the user's own, which stays."""
        from app.new_board import UNTITLED_TITLES

        document = self.editor.document
        untitled = {name for english in UNTITLED_TITLES for name in (english, tr(english))}
        name = " ".join(target.stem.split())
        return name if document.title in untitled and name and name != document.title else None

    def _write(self, target: Path) -> bool:
        if not self.safekeep_may_overwrite(target):  # changed on disk since loaded: asks first
            return False
        try:
            model.save(self.editor.document, target)
        except (model.SaveError, OSError) as exc:
            # Not a dead end: the board is still all here, and another place (a pulled USB stick, a
            # read-only share) is one choice away; closing used to leave only Cancel.
            if self.ask_save_elsewhere(tr("“{0}” could not be saved.\n\n{1}").format(target.name, problem(exc))):
                return self.save_as()
            return False
        self._path = target.absolute()
        self.editor.undo_stack.setClean()
        self.safekeep_saved(target)
        self.setWindowModified(False)
        self.update_title()
        add_recent_file(target)
        self.remember_file(target)
        self.remember_leaving()
        self.update_recent_menu()
        self.statusBar().showMessage(tr("Saved {0}").format(target.name), 4000)
        return True

    def export_to(self, path: PathLike, page: PageSpec | None = None) -> bool:
        """Export the board to SVG, PDF or PNG, chosen by the suffix of ``path``; ``page``: the PDF's paper.

        Warnings (text too small for the paper, characters no font has) go to the status bar.
        """
        self.commit_pending()
        target = Path(path)
        try:
            document, legend = self.editor.document, self.editor.legend_shown

            def source(fmt: str) -> model.Document | Layout:
                # Pictures show the board as the window does, with or without its legend.
                return Layout(document, legend=legend) if fmt in ("svg", "pdf", "png") else document

            warnings = export_cancellable(self, source, target, page)
        except CancelledError:
            self.statusBar().showMessage(tr("Export of {0} cancelled: no file written").format(target.name), 4000)
            return False
        except Exception as exc:  # an exporter's failure must reach the user as a message, not a traceback
            self.show_error(tr("Could not export"),
                            tr("“{0}” could not be exported.\n\n{1}").format(target.name, problem(exc)))
            return False
        self._export_dir = target.absolute().parent
        remembered: dict[str, object] = {"folder": str(self._export_dir), "format": target.suffix.lstrip(".").lower()}
        if page is not None:
            remembered.update({"page": page.page, "portrait": page.portrait, "tile": page.tile})
        save_export_settings(remembered)
        if warnings:
            from app.export_dialog import in_the_window

            shown = "; ".join(map(in_the_window, warnings))
            self.statusBar().showMessage(tr("Exported {0} — {1}").format(target.name, shown), 15000)
        else:
            self.statusBar().showMessage(tr("Exported {0}").format(target.name), 4000)
        return True

    def copy_as_image(self) -> None:
        """Edit › Copy as image: the selected cards, or the whole board when none is selected."""
        from app.board_image import copy_to_clipboard

        self.commit_pending()
        selected = self.editor.selected_cards()
        copy_to_clipboard(self.editor.scene.layout, selected)
        # Whole sentences: "{0} als Bild kopiert" with "das Board" began the German message in lower case.
        said = (tr("Copied %n card(s) as an image", "", len(selected)) if selected
                else tr("Copied the board as an image"))
        self.statusBar().showMessage(said, 4000)

    def import_path(self, path: PathLike) -> bool:
        """Open a Mermaid journey or a CSV table as a new, untitled board (asking to save changes first)."""
        from model.imports import import_file

        target = Path(path)
        if not self.maybe_save():
            return False
        try:
            document = import_file(target)
        except model.LoadError as exc:
            self.show_error(tr("Could not import"),
                            tr("“{0}” could not be imported.\n\n{1}: {2}").format(target.name, target, problem(exc)))
            return False
        self._install(document, None)
        self.statusBar().showMessage(tr("Imported {0}").format(target.name), 4000)
        return True

    # ------------------------------------------------------------------ dialogs
    def _import_dialog(self) -> None:
        self.commit_pending()  # before the dialog takes the focus
        path = self.ask_import_path()
        if path:
            self.import_path(path)

    def ask_import_path(self) -> str | None:
        """Ask which Mermaid journey or CSV table to import; None when cancelled."""
        path, _ = QFileDialog.getOpenFileName(self, tr("Import"), str(self._start_folder()), tr(IMPORT_FILTER))
        return path or None

    def _open_dialog(self) -> None:
        self.commit_pending()  # before the dialog takes the focus
        path = self.ask_open_path()
        if path:
            self.open_path(path)

    def _export_dialog(self, fmt: str) -> None:
        self.commit_pending()  # the suggested file name follows a board title still being typed
        page = None
        if fmt == "pdf":
            page = self.ask_page_spec()
            if page is None:
                return
            self._page_spec = page
        path = self.ask_export_path(fmt)
        if path:
            self.export_to(with_suffix(path, f".{fmt}"), page)

    def print_board(self) -> bool:
        """File › Print: the pages the PDF export would make, on the paper chosen here (with a preview), then the
        system's print dialog (printer, copies, which sheets); whether anything was sent (app/printing.py)."""
        from exporters.pages import PageSpec

        self.commit_pending()
        if self._print_spec is None:  # the PDF's last paper, else the locale's
            last = self._page_spec
            self._print_spec = last if last.page != "fit" else PageSpec(
                "Letter" if QLocale().measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem else "A4",
                portrait=self.editor.scene.layout.height > self.editor.scene.layout.width)
        spec = self.ask_page_spec(printing=True)
        if spec is None:
            return False
        self._print_spec = spec
        from app.printing import PrintError, print_board, printer_for

        printer = printer_for(spec, self._suggested_name(""))
        if not self.ask_printer(printer):
            return False
        from app.long_task import progress_dialog

        # On the GUI thread (QPainter on a printer, Qt's fonts), a few hundred shapes at a time between looks at
        # the dialog: a 5,000-card board takes ~1.5 s to draw, and Cancel aborts the job before anything prints.
        dialog = progress_dialog(self, tr("Printing…"))

        def going_on(done: int, total: int) -> bool:
            dialog.setMaximum(total)
            dialog.setValue(done)
            QApplication.processEvents()
            return not dialog.wasCanceled()

        try:
            plan = print_board(printer, Layout(self.editor.document, legend=self.editor.legend_shown), spec, going_on)
        except CancelledError:
            self.statusBar().showMessage(tr("Printing cancelled: nothing was sent to the printer"), 4000)
            return False
        except PrintError as exc:
            self.show_error(tr("Could not print"), tr("The board could not be printed: {0}.").format(exc))
            return False
        finally:
            dialog.close()
            dialog.deleteLater()
        where = printer.outputFileName() or printer.printerName()
        self._show_passing_message(tr("Sent %n sheet(s) to {0}", "", len(plan.sheets)).format(where))
        return True

    def ask_printer(self, printer: QPrinter) -> bool:
        """The system's print dialog for ``printer``; whether the user chose to print."""
        from PySide6.QtPrintSupport import QPrintDialog

        dialog = QPrintDialog(printer, self)
        dialog.setOption(QPrintDialog.PrintDialogOption.PrintToFile, True)
        return dialog.exec() == QPrintDialog.DialogCode.Accepted

    def ask_page_spec(self, printing: bool = False) -> PageSpec | None:
        """Ask for the PDF's (or, ``printing``, the printed sheets') paper size, orientation and tiling, with a
        preview; None when cancelled."""
        from app.export_dialog import ExportDialog

        dialog = ExportDialog(self.editor.scene.layout, self._print_spec if printing else self._page_spec, self,
                              printing=printing)
        if dialog.exec() != ExportDialog.DialogCode.Accepted:
            return None
        return dialog.spec()

    def _start_folder(self) -> Path:
        if self._path is not None:
            return self._path.parent
        files = recent_files()
        return Path(files[0]).parent if files else Path.home()

    def _suggested_name(self, suffix: str) -> str:
        stem = self._path.stem if self._path is not None else self.editor.document.title.strip()
        # Characters no file name may hold become a space, and spaces run together are one
        # ("Onboarding: current state" was "Onboarding  current state.pdf").
        stem = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', " ", stem)
        stem = " ".join(stem.split()) or tr("Untitled")
        return stem + suffix

    def ask_open_path(self) -> str | None:
        """Ask which file to open; None when cancelled."""
        path, _ = QFileDialog.getOpenFileName(self, tr("Open"), str(self._start_folder()), tr(FILE_FILTER))
        return path or None

    def _ask_save_file(self, caption: str, start: Path, name_filter: str, suffix: str) -> str | None:
        dialog = QFileDialog(self.dialog_parent(), caption, str(start), name_filter)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        dialog.setDefaultSuffix(suffix.lstrip("."))
        while True:
            if dialog.exec() != QFileDialog.DialogCode.Accepted:
                return None
            files = dialog.selectedFiles()
            if not files:
                return None
            # The dialog asks before replacing the name it returns; the suffix is added after it. A name
            # with dots ("Kundenreise 24.11.2026") counts as having one (".2026"), so the dialog asked about
            # a file that did not exist, and a colleague's "Kundenreise 24.11.2026.touchline" was replaced.
            final = with_suffix(files[0], suffix)
            if final == Path(files[0]) or not final.exists() or self.ask_replace(final):
                return files[0]
            dialog.selectFile(final.name)  # asked again, the name kept to change

    def ask_save_elsewhere(self, message: str) -> bool:
        """Say why a save failed; True when the user chooses to save somewhere else (Save As)."""
        box = QMessageBox(QMessageBox.Icon.Warning, APP_NAME, message, QMessageBox.StandardButton.NoButton,
                          self.dialog_parent())
        box.setInformativeText(tr("Nothing is lost: the board is still open here. Save it somewhere else?"))
        elsewhere = box.addButton(tr("Save As…"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(elsewhere)
        box.exec()
        return box.clickedButton() is elsewhere

    def ask_replace(self, path: Path) -> bool:
        """Ask whether to replace the existing file ``path``."""
        box = QMessageBox(QMessageBox.Icon.Warning, APP_NAME, tr("“{0}” already exists.").format(path.name),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self.dialog_parent())
        box.setInformativeText(tr("Do you want to replace it?"))
        box.setDefaultButton(QMessageBox.StandardButton.No)
        return box.exec() == QMessageBox.StandardButton.Yes

    def ask_save_path(self) -> str | None:
        """Ask where to save; None when cancelled."""
        start = self._path or self._start_folder() / self._suggested_name(SUFFIX)
        return self._ask_save_file(tr("Save As"), start, tr(FILE_FILTER), SUFFIX)

    def ask_export_path(self, fmt: str) -> str | None:
        """Ask where to export as ``fmt`` (svg, pdf or png); None when cancelled."""
        folder = self._export_dir or self._start_folder()
        return self._ask_save_file(tr("Export as {0}").format(fmt.upper()), folder / self._suggested_name(f".{fmt}"),
                                   tr(EXPORT_FILTERS[fmt]), f".{fmt}")

    def _typed_input_may_go(self) -> bool:
        """Whether nothing typed in a panel is left out for not being valid, or the user lets it go; else the
        user is taken back to it. (A stage's metrics line that is not a number was dropped without a word.)"""
        problem = self.properties.pending_problem()
        if problem is None or problem == self._problem_let_go:  # asked once: a close that saves asks no more
            self._problem_let_go = problem
            return True
        if self.ask_drop_invalid(problem):
            self._problem_let_go = problem
            return True
        self.properties_dock.show()  # closed, or tabbed behind another panel: the field is shown first
        self.properties_dock.raise_()
        self.properties.show_problem()
        return False

    def ask_drop_invalid(self, problem: str) -> bool:
        """Ask whether to go on without what ``problem`` names (True) or go back and fix it (False)."""
        box = QMessageBox(QMessageBox.Icon.Warning, APP_NAME, problem, QMessageBox.StandardButton.NoButton,
                          self.dialog_parent())
        box.setInformativeText(tr("Go on without it, or go back and fix it?"))
        fix = box.addButton(tr("Go Back"), QMessageBox.ButtonRole.RejectRole)
        box.addButton(tr("Go On Without It"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(fix)
        box.setEscapeButton(fix)
        box.exec()
        return box.clickedButton() is not fix

    def ask_save_changes(self) -> SaveChoice:
        """Ask whether to save the changes: "save", "discard" or "cancel"."""
        buttons = (QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                   | QMessageBox.StandardButton.Cancel)
        box = QMessageBox(QMessageBox.Icon.Warning, APP_NAME,
                          tr("Do you want to save the changes to “{0}”?").format(self.display_name()), buttons,
                          self.dialog_parent())
        box.setInformativeText(tr("Your changes will be lost if you don't save them."))
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        box.setEscapeButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        clicked = box.standardButton(box.clickedButton())
        if clicked == QMessageBox.StandardButton.Save:
            return "save"
        if clicked == QMessageBox.StandardButton.Discard:
            return "discard"
        return "cancel"

    def show_error(self, title: str, text: str) -> None:
        """Tell the user something went wrong."""
        QMessageBox.warning(self.dialog_parent(), title, text)

    def dialog_parent(self) -> QWidget:
        """The window a dialog of this one opens over: the presentation when it covers this window's screen, else
        this window. Presenting on one screen, Ctrl+S of an untitled board opened Save As (modal) over the editor,
        behind the full-screen board: nothing showed, and the keys went to a dialog nobody could see."""
        workshop = getattr(self, "workshop", None)  # (not yet while the window is being made)
        presentation = workshop.presentation if workshop is not None else None
        if presentation is not None and presentation.screen() is self.screen():
            return presentation
        return self

    # ------------------------------------------------------------------ desktop
    def _build_desktop_actions(self, bar: QMenuBar) -> None:
        """Edit › Preferences and the Help menu (issue 10)."""
        self.preferences_action = QAction(tr("Pre&ferences…"), self)
        _set_shortcut(self.preferences_action, QKeySequence.StandardKey.Preferences, "Ctrl+,")
        self.preferences_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.preferences_action.triggered.connect(lambda: self.ask_preferences())
        help_menu = bar.addMenu(tr("&Help"))
        self.help_menu = help_menu
        self.shortcuts_action = help_menu.addAction(tr("&Keyboard Shortcuts"))
        # "?" as on the web apps designers know; F1 where the platform has a help key.
        self.shortcuts_action.setShortcuts([QKeySequence("?"), *QKeySequence.keyBindings(
            QKeySequence.StandardKey.HelpContents)])
        self.shortcuts_action.triggered.connect(self.show_shortcuts)
        self.welcome_action = help_menu.addAction(tr("&Start Screen"))
        self.welcome_action.triggered.connect(self.show_welcome)
        help_menu.addSeparator()
        self.about_action = help_menu.addAction(tr("&About Touchline"))
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.show_about)
        help_menu.aboutToShow.connect(self.commit_pending)

    def show_shortcuts(self) -> QDialog:
        """The keyboard shortcut sheet, built from the actions as they are now (not modal)."""
        from app.shortcuts_sheet import ShortcutsSheet

        sheet = ShortcutsSheet(self)
        sheet.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        sheet.show()
        return sheet

    def ask_preferences(self) -> bool:
        """Edit › Preferences; True when the user pressed OK."""
        from app.preferences import PreferencesDialog

        return PreferencesDialog(self).exec() == QDialog.DialogCode.Accepted

    def show_about(self) -> None:
        """Help › About Touchline."""
        from app.cli import _version

        QMessageBox.about(self, tr("About Touchline"),
                          tr("<b>Touchline</b> {0}<br>Customer journey maps and service blueprints, offline.")
                          .format(_version()))

    # ------------------------------------------------------------------ Qt
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Once the board has been painted (at once when it has been before): the tab bar of docked
        # panels is made when the window is laid out, after this event, and a screen reader has
        # nothing to read before the window appears; describing it first delayed the start's first
        # paint by ~10 ms.
        self.editor.when_painted(self.describe)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Ask to save changes; stay open on Cancel or when the save fails."""
        if self.maybe_save():
            # Its presentation goes with it: left open, full screen, it showed a board whose window was gone.
            self.workshop.leave()
            self.safekeep_closed()  # saved or discarded on purpose: the recovery file goes
            self.remember_closing()
            # Its board goes with the window (a second window is deleted on close): no longer kept
            # off the collector's passes (app/collection.py), or its cycles would never be collected.
            editor: Editor | None = getattr(self, "editor", None)
            if self.testAttribute(Qt.WidgetAttribute.WA_DeleteOnClose) and editor is not None:
                # Deleted with the window by Qt, the editor's Python object stayed counted as owned
                # by Qt and kept it, its scene, layout and document alive (~23 MB a 1,000-card board):
                # it is taken out and deleted through shiboken, as a replaced editor is (_install).
                self._close_editor(editor)  # the board is closed (collection.board_closed) there
                if self.takeCentralWidget() is editor:
                    editor.dispose_later()
            else:
                collection.board_closed()
            event.accept()
        else:
            event.ignore()
