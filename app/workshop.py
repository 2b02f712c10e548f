"""Workshop mode in the main window: Present (F5), the presenter panel, the timer, Top voted.

The main window creates one Workshop and lets it add its entries to the View menu; the
Workshop follows the window's current editor (File › Open replaces it).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QGuiApplication, QKeySequence, QScreen
from PySide6.QtWidgets import QDockWidget, QLabel, QMenu
from shiboken6 import isValid

from app.panes import panel_toggle
from app.presenter_view import PresenterPanel
from app.timer import Countdown
from app.votes_panel import VotesPanel
from canvas.translate import tr

if TYPE_CHECKING:
    from app.editor import Editor
    from app.main_window import MainWindow
    from app.present import PresentationWindow

TIMER_MINUTES = (1, 3, 5, 10, 15)


class Workshop(QObject):
    """Present mode, its presenter panel and countdown, and the Top voted panel of one window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.countdown = Countdown(self)
        self.presentation: PresentationWindow | None = None
        self._speaking: Editor | None = None  # the editor whose messages the presentation shows
        self.screen_choice: int | None = None  # index into QGuiApplication.screens(); None: automatic
        self._dock_for_presentation = False
        self._left_on: str | None = None  # the stage the last presentation was left on (its id)

        self.present_action = QAction(tr("Pr&esent"), window)
        self.present_action.setShortcuts([QKeySequence("F5")])
        # The window's own F5, not the application's: with two boards open in two windows, two
        # application-wide F5s were ambiguous and Qt ran neither. The presentation adds the action to
        # itself (present()), so F5 there leaves it.
        self.present_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.present_action.setCheckable(True)
        self.present_action.setToolTip(tr("Show the board full screen for a room, stage by stage (F5; Esc leaves)"))
        self.present_action.triggered.connect(self.toggle)
        window.addAction(self.present_action)
        self.present_here_action = QAction(tr("Present from the c&urrent stage"), window)
        self.present_here_action.setShortcuts([QKeySequence("Shift+F5")])
        self.present_here_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.present_here_action.triggered.connect(self.present_from_current_stage)
        window.addAction(self.present_here_action)

        self.screen_menu = QMenu(tr("Present on &screen"), window)
        self.screen_menu.aboutToShow.connect(self._fill_screen_menu)

        self.timer_menu = QMenu(tr("Wor&kshop timer"), window)
        self.timer_actions: dict[int, QAction] = {}
        for minutes in TIMER_MINUTES:
            action = self.timer_menu.addAction(tr("Start %n minute(s)", "", minutes))
            action.triggered.connect(lambda _checked=False, m=minutes: self.countdown.start(m))
            self.timer_actions[minutes] = action
        self.timer_menu.addSeparator()
        self.pause_action = self.timer_menu.addAction(tr("&Pause or resume"))
        self.pause_action.triggered.connect(self.countdown.toggle_pause)
        self.stop_action = self.timer_menu.addAction(tr("&Stop"))
        self.stop_action.triggered.connect(self.countdown.stop)
        # The countdown in the status bar while one is set: started outside a presentation it ran unseen, the
        # Presenter panel hidden, and Pause and Stop were offered with nothing to pause or stop.
        self.timer_label = QLabel()
        self.timer_label.setAccessibleName(tr("Workshop timer"))
        self.timer_label.setToolTip(tr("View › Workshop timer pauses or stops it"))
        window.statusBar().addPermanentWidget(self.timer_label)
        self.countdown.changed.connect(self._show_countdown)
        self._show_countdown()

        self.presenter = PresenterPanel(self.countdown)
        self.presenter_dock = QDockWidget(tr("Presenter"), window)
        self.presenter_dock.setObjectName("PresenterDock")
        self.presenter_dock.setWidget(self.presenter)
        window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.presenter_dock)
        self.presenter_dock.hide()
        self.presenter_dock.toggleViewAction().setText(tr("Presente&r Panel"))

        self.votes = VotesPanel()
        self.votes_dock = QDockWidget(tr("Top voted"), window)
        self.votes_dock.setObjectName("VotesDock")
        self.votes_dock.setWidget(self.votes)
        self.votes_dock.visibilityChanged.connect(self.votes.set_seen)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.votes_dock)
        window.tabifyDockWidget(window.checks_dock, self.votes_dock)
        window.properties_dock.raise_()
        self.votes_dock.toggleViewAction().setText(tr("Top &Voted Panel"))
        for dock in (self.presenter_dock, self.votes_dock):
            panel_toggle(dock)
        self.editor_changed()

    def _show_countdown(self) -> None:
        """The status bar's countdown and the timer menu's Pause and Stop follow the countdown."""
        countdown = self.countdown
        self.pause_action.setEnabled(countdown.active and not countdown.over)  # nothing to pause once time's up
        self.stop_action.setEnabled(countdown.active)
        if not countdown.active:
            self.timer_label.hide()
            return
        text = tr("Timer {0}").format(countdown.text())
        self.timer_label.setText(text if countdown.running else tr("{0} (paused)").format(text))
        self.timer_label.show()

    # ------------------------------------------------------------ menus
    def fill_view_menu(self, menu: QMenu) -> None:
        """Add Present, Present on, the timer and the panels to the View menu."""
        menu.addSeparator()
        menu.addAction(self.present_action)
        menu.addAction(self.present_here_action)
        menu.addMenu(self.screen_menu)
        menu.addMenu(self.timer_menu)
        menu.addSeparator()
        menu.addAction(self.presenter_dock.toggleViewAction())
        menu.addAction(self.votes_dock.toggleViewAction())

    def _fill_screen_menu(self) -> None:
        menu = self.screen_menu
        menu.clear()
        group = QActionGroup(menu)
        auto = menu.addAction(tr("&Automatic (the other screen when there are two)"))
        auto.setCheckable(True)
        auto.setChecked(self.screen_choice is None)
        auto.triggered.connect(lambda: setattr(self, "screen_choice", None))
        group.addAction(auto)
        for index, screen in enumerate(QGuiApplication.screens()):
            size = screen.geometry()
            action = menu.addAction(f"&{index + 1} {screen.name()} ({size.width()}×{size.height()})")
            action.setCheckable(True)
            action.setChecked(self.screen_choice == index)
            action.triggered.connect(lambda _checked=False, i=index: setattr(self, "screen_choice", i))
            group.addAction(action)

    def editor_changed(self) -> None:
        """The window shows another editor: leave a presentation of the old one, follow the new."""
        if self.presentation is not None:
            self.leave()
        self._left_on = None  # a stage of the board that was shown: Shift+F5 starts this one from its first
        editor = self.window.editor if hasattr(self.window, "editor") else None
        self.presenter.commit_notes()
        self.presenter.editor = None
        self.votes.set_editor(editor)
        if editor is not None:
            # Outside a presentation the panel follows the stage being edited, so notes
            # can be written while preparing the workshop.
            editor.selection_changed.connect(lambda e=editor: self._follow_editor(e))
            self._follow_editor(editor)

    def _follow_editor(self, editor: Editor) -> None:
        if not isValid(editor) or not isValid(editor.scene):  # the scene emits while it is destroyed
            return
        if self.presentation is not None or editor is not self.window.editor:
            return
        stage_id = editor.current_stage()
        if stage_id is not None and editor.document.has_stage(stage_id):
            self.presenter.show_stage(editor, editor.document.stage_index(stage_id))
        elif editor.document.stages and self.presenter.editor is not editor:
            self.presenter.show_stage(editor, 0)

    # ------------------------------------------------------------ presenting
    @property
    def presenting(self) -> bool:
        """Whether the presentation window is up."""
        return self.presentation is not None

    def toggle(self) -> None:
        """F5: present, or leave the presentation."""
        if self.presenting:
            self.leave()
        else:
            self.present()

    def present_from_current_stage(self) -> None:
        """Shift+F5: present, starting on the stage being edited, else the one the last presentation was left on
        (the first without either): a facilitator who stepped out on stage 4 to fix something came back on 1."""
        editor = self.window.editor
        stage_id = editor.current_stage()
        if stage_id is None and self._left_on is not None and editor.document.has_stage(self._left_on):
            stage_id = self._left_on
        presentation = self.present()
        index = editor.document.stage_index(stage_id) if stage_id is not None else 0
        presentation.view.go_to(index, animate=False)

    def target_screen(self, index: int | None = None) -> QScreen:
        """The screen to present on: the chosen one, else the one without the editor when there are two."""
        screens = QGuiApplication.screens()
        choice = index if index is not None else self.screen_choice
        if choice is not None and 0 <= choice < len(screens):
            return screens[choice]
        own = self.window.screen()
        others = [s for s in screens if s is not own]
        return others[0] if others else (own or QGuiApplication.primaryScreen())

    def present(self, screen_index: int | None = None) -> PresentationWindow:
        """Put the board full screen on the target screen, starting with the whole board."""
        if self.presentation is not None:
            return self.presentation
        # Present mode is imported when first used, not with the window (issue 9: start to first paint).
        from app.present import OVERVIEW, PresentationWindow

        window, editor = self.window, self.window.editor
        editor.commit_pending()
        # The audience sees the board, not the editor's focus ring and handles; and the first Tab or
        # Down starts in the stage on screen, not at the card the editor had reached.
        editor.scene.nav.set_focus(None)
        editor.scene.clearSelection()
        presentation = PresentationWindow(editor.scene, self.countdown)
        # The editor's shortcuts (undo, delete, V, L, Enter…) and Save work on the projector too; not its zoom
        # (Ctrl+=, Ctrl+-, Ctrl+0, Ctrl+1), which zoomed the editor hidden behind it: the view frames those itself;
        # not Select All, which chose the whole board (the view chooses the cards on the screen, select_shown);
        # not Find and F3, which opened the hidden editor's find row or chose a card unseen.
        edit = editor.edit_actions
        editor_only = {edit.zoom_in, edit.zoom_out, edit.zoom_fit, edit.zoom_actual, edit.select_all, edit.find,
                       edit.find_next, edit.find_previous}
        presentation.addActions([action for action in editor.actions() if action not in editor_only])
        presentation.addAction(window.save_action)
        presentation.addAction(self.present_action)  # F5 leaves (a window shortcut: the presentation's window)
        view = presentation.view
        view.stage_changed.connect(
            lambda index: self.presenter.show_stage(editor, index, view.part_index, view.part_count()))
        view.leave_requested.connect(self.leave)
        editor.message.connect(presentation.say)  # the status bar is behind it on one screen
        self._speaking = editor
        presentation.closed.connect(self._on_closed)
        screen = self.target_screen(screen_index)
        presentation.setScreen(screen)
        presentation.setGeometry(screen.geometry())
        presentation.showFullScreen()
        view.go_to(OVERVIEW, animate=False)
        self.presentation = presentation
        self.present_action.setChecked(True)
        # With a second screen the laptop keeps the editor, with the presenter panel beside it.
        self._dock_for_presentation = screen is not window.screen() and not self.presenter_dock.isVisible()
        if self._dock_for_presentation:
            self.presenter_dock.show()
        presentation.activateWindow()
        view.setFocus(Qt.FocusReason.OtherFocusReason)
        return presentation

    def leave(self) -> None:
        """Close the presentation and return to the editor."""
        presentation = self.presentation
        if presentation is None:
            return
        self.presentation = None
        # The presented board's (the window's editor is already another's when a board is opened meanwhile).
        self._left_on = presentation.view.framed_stage()
        presentation.closed.disconnect(self._on_closed)
        if self._speaking is not None and isValid(self._speaking):  # (another board may be open since)
            self._speaking.message.disconnect(presentation.say)
        presentation.view.detach()
        presentation.view.setScene(None)  # the scene is the editor's: let go of it now, not at deletion
        presentation.close()
        presentation.deleteLater()
        self.present_action.setChecked(False)
        self.presenter.commit_notes()
        if self._dock_for_presentation:  # shown for the presentation only: hidden again
            self.presenter_dock.hide()
        self.window.activateWindow()
        self.window.editor.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_closed(self) -> None:
        if self.presentation is not None:  # closed by the window manager (Alt+F4)
            self.leave()
