"""The main window's part in never losing work: autosave, recovery after a crash, and
files changed on disk behind its back (issue 6, promises 3 and 4).

``Safekeeping`` is mixed into MainWindow, which calls four hooks: ``safekeep_installed``
when it shows a document, ``safekeep_may_overwrite`` before and ``safekeep_saved`` after
writing the file, ``safekeep_closed`` when it closes. Everything it asks goes through
an overridable method, as the window's other dialogs do: ``ask_recover``,
``ask_reload_changed`` and ``ask_overwrite_changed``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

import model
from app.diskwatch import DiskWatcher, disk_state
from app.i18n import tr
from app.problems import problem
from app.recovery import Autosaver, RecoveryEntry, TypedField, orphans

if TYPE_CHECKING:
    from app.editor import Editor

RecoverChoice = Literal["recover", "discard", "later"]
ReloadChoice = Literal["reload", "keep"]
OverwriteChoice = Literal["overwrite", "cancel"]

# Windows opened for the second and later recovered documents; kept here so Python does
# not collect them (each deletes itself on close).
_extra_windows: list[QWidget] = []


class _ActivationFilter(QObject):
    """Checks the file on disk each time the window becomes active."""

    def __init__(self, window: Safekeeping) -> None:
        super().__init__(window)  # type: ignore[arg-type]
        self._window = window
        window.installEventFilter(self)  # type: ignore[attr-defined]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.WindowActivate:
            QTimer.singleShot(0, self._window.check_disk)  # after the activation, not inside it
        return False


class Safekeeping:
    """Autosave, crash recovery and changed-on-disk checks for a MainWindow (a mixin)."""

    _autosaver: Autosaver
    _disk_watcher: DiskWatcher
    _asking_about_disk = False

    # ------------------------------------------------------------------ parts
    @property
    def autosaver(self) -> Autosaver:
        """Writes the recovery file of this window's document."""
        self._safekeeping_parts()
        return self._autosaver

    @property
    def disk_watcher(self) -> DiskWatcher:
        """Watches this window's file on disk."""
        self._safekeeping_parts()
        return self._disk_watcher

    def _safekeeping_parts(self) -> None:
        if "_autosaver" in self.__dict__:
            return
        window: Any = self
        self._autosaver = Autosaver(window)
        self._disk_watcher = DiskWatcher(window)
        self._disk_watcher.poked.connect(self.check_disk)
        self._activation_filter = _ActivationFilter(self)

    # ------------------------------------------------------------------ hooks
    def safekeep_installed(self, editor: Editor, path: Path | None) -> None:
        """A document is shown (new, opened, reloaded or recovered): follow it."""
        self.disk_watcher.watch(path)
        window: Any = self
        properties = getattr(window, "properties", None)

        def typed() -> list[TypedField]:
            in_place = editor.scene.typed_card_text()
            fields: list[TypedField] = [(in_place[0], "text", in_place[1])] if in_place else []
            return fields + (properties.typed_card_fields() if properties is not None else [])

        self.autosaver.attach(editor.undo_stack, editor.document, path, self.disk_watcher.baseline, typed=typed)
        editor.scene.card_typing.connect(self.autosaver.on_typing)

    def safekeep_may_overwrite(self, target: Path) -> bool:
        """Before saving to ``target``: True unless it is this document's file, another
        program changed it since it was loaded or saved, and the user does not want it overwritten."""
        watcher = self.disk_watcher
        path = self._safekept_path()
        if path is None or Path(target).absolute() != path:
            return True  # Save As elsewhere: the file dialog asked about replacing
        if not watcher.differs() or watcher.current() is None:
            return True  # unchanged, or deleted: nothing of anyone's would be lost
        return self.ask_overwrite_changed() == "overwrite"

    def safekeep_saved(self, target: Path) -> None:
        """The document was written to ``target``: that is now the version on disk."""
        path = Path(target).absolute()
        self.disk_watcher.watch(path)
        self.autosaver.path = path
        self.autosaver.disk = self.disk_watcher.baseline
        self.autosaver.base_changes = 0
        self.autosaver.remove()

    def safekeep_closed(self) -> None:
        """The window closes on purpose (saved or discarded): no recovery file stays."""
        self.autosaver.close()
        self.disk_watcher.watch(None)

    # ------------------------------------------------------------------ recovery
    def offer_recovery(self) -> bool:
        """Offer the documents of sessions that crashed; True when something was recovered."""
        entries = orphans()
        if not entries:
            return False
        choice = self.ask_recover(entries)
        if choice == "discard":
            for entry in entries:
                entry.discard()
            return False
        if choice != "recover":
            for entry in entries:
                entry.release()
            return False
        recovered = False
        for entry in entries:
            # This window takes it only if it shows nothing of the user's: a file opened at the start
            # (`touchline B.touchline`) was replaced by the recovered A, and B was open nowhere.
            shown = self._safekept_path()
            untouched = not self._safekept_editor().undo_stack.count() and (shown is None or shown == entry.path)
            target = self if untouched and not recovered else None
            if target is None:
                window: Any = type(self)()
                window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
                _extra_windows.append(window)
                window.destroyed.connect(lambda _obj=None, w=window: _forget(w))
                window.show()
                target = window
            recovered = target.restore(entry) or recovered
        return recovered

    def restore(self, entry: RecoveryEntry) -> bool:
        """Show a recovered document, marked modified; its recovery file moves to this session."""
        window: Any = self
        try:
            document = entry.document()
        except model.LoadError as exc:
            window.show_error(tr("Could not recover"),
                              tr("“{0}” could not be recovered.\n\n{1}").format(entry.title, problem(exc)))
            entry.release()
            return False
        window._install(document, entry.path)
        if entry.disk is not None:
            self.disk_watcher.baseline = entry.disk  # a file changed since is not overwritten unasked
            self.autosaver.disk = entry.disk
        self._safekept_editor().undo_stack.resetClean()  # modified: closing asks, Save writes
        self.autosaver.base_changes = entry.changes
        self.autosaver.write_now()  # this session's copy first, then the old one goes
        entry.discard()
        window.statusBar().showMessage(
            tr("Recovered “{0}”: %n unsaved change(s)", "", entry.changes).format(entry.title), 8000)
        return True

    # ------------------------------------------------------------------ changed on disk
    def check_disk(self) -> None:
        """If the file changed on disk, offer to reload it or keep this version."""
        if self._asking_about_disk or QApplication.activeModalWidget() is not None:
            return  # never a second question over an open one; the next activation checks again
        watcher = self.disk_watcher
        if watcher.path is None or not watcher.differs():
            return
        state = watcher.current()
        if state is not None and watcher.dismissed is not None and state["sha256"] == watcher.dismissed["sha256"]:
            return  # the user already chose to keep theirs over this version
        window: Any = self
        self._asking_about_disk = True
        try:
            if state is None:
                # Deleted or moved away: the document now exists only here.
                self._safekept_editor().undo_stack.resetClean()
                window.statusBar().showMessage(
                    tr("“{0}” was deleted or moved on disk; Save writes it again").format(watcher.path.name), 8000)
                watcher.baseline = watcher.dismissed = None  # told once; a file that reappears is asked about
                return
            if self.ask_reload_changed() == "reload":
                self.reload_from_disk()
            else:
                watcher.dismissed = state
                self._safekept_editor().undo_stack.resetClean()  # differs from the file: closing asks
        finally:
            self._asking_about_disk = False

    def reload_from_disk(self) -> bool:
        """Replace the document with the file's present content (its undo history goes)."""
        window: Any = self
        path = self._safekept_path()
        if path is None:
            return False
        try:
            document = model.load(path)
        except model.LoadError as exc:
            said = tr("“{0}” could not be reloaded; your version stays.\n\n{1}").format(path.name, problem(exc))
            window.show_error(tr("Could not reload"), said)
            self.disk_watcher.dismissed = disk_state(path)
            self._safekept_editor().undo_stack.resetClean()
            return False
        window._install(document, path)
        window.statusBar().showMessage(tr("Reloaded {0}").format(path.name), 4000)
        return True

    # ------------------------------------------------------------------ asking (overridable)
    def ask_recover(self, entries: list[RecoveryEntry]) -> RecoverChoice:
        """Offer to recover unsaved work: "recover", "discard" or "later" (asked again next start)."""
        parent: Any = self.dialog_parent()  # type: ignore[attr-defined]  # MainWindow's
        count = len(entries)
        box = QMessageBox(QMessageBox.Icon.Question, tr("Recover unsaved work"),
                          tr("Touchline did not close properly. Recover the unsaved board(s)?", "", count),
                          QMessageBox.StandardButton.NoButton,
                          parent)
        box.setInformativeText("\n".join(entry.describe() for entry in entries))
        recover = box.addButton(tr("Recover"), QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton(tr("Discard"), QMessageBox.ButtonRole.DestructiveRole)
        later = box.addButton(tr("Later"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(recover)
        box.setEscapeButton(later)
        box.exec()
        clicked = box.clickedButton()
        if clicked is recover:
            return "recover"
        if clicked is discard:
            return "discard"
        return "later"

    def ask_reload_changed(self) -> ReloadChoice:
        """The file changed on disk: "reload" it or "keep" this version."""
        parent: Any = self.dialog_parent()  # type: ignore[attr-defined]  # MainWindow's
        path = self._safekept_path()
        name = path.name if path else tr("The file")
        box = QMessageBox(QMessageBox.Icon.Warning, tr("File changed on disk"),
                          tr("“{0}” was changed by another program.").format(name),
                          QMessageBox.StandardButton.NoButton, parent)
        box.setInformativeText(tr("Reload it and lose the changes made here since it was opened or saved, "
                               "or keep this version? If you keep it, Save asks before overwriting the file."))
        reload = box.addButton(tr("Reload"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(tr("Keep Mine"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        box.exec()
        return "reload" if box.clickedButton() is reload else "keep"

    def ask_overwrite_changed(self) -> OverwriteChoice:
        """Saving would overwrite a newer version on disk: "overwrite" or "cancel"."""
        parent: Any = self.dialog_parent()  # type: ignore[attr-defined]  # MainWindow's
        path = self._safekept_path()
        changed = tr("“{0}” was changed by another program since you opened or saved it.").format(path.name) \
            if path else tr("The file was changed by another program since you opened or saved it.")
        box = QMessageBox(QMessageBox.Icon.Warning, tr("Overwrite newer file?"), changed,
                          QMessageBox.StandardButton.NoButton, parent)
        box.setInformativeText(tr("Overwrite it with this version? (Save As keeps both.)"))
        overwrite = box.addButton(tr("Overwrite"), QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.exec()
        return "overwrite" if box.clickedButton() is overwrite else "cancel"

    # ------------------------------------------------------------------ the window's state
    def _safekept_path(self) -> Path | None:
        path: Path | None = getattr(self, "path", None)
        return path

    def _safekept_editor(self) -> Editor:
        editor: Editor = getattr(self, "editor")  # noqa: B009 - set by MainWindow
        return editor


def _forget(window: QWidget) -> None:
    if window in _extra_windows:
        _extra_windows.remove(window)
