"""One Touchline per user session: a second launch hands its file to the running one.

The first editor listens on a QLocalServer (a Unix socket in the runtime folder, a named
pipe on Windows) named after the user. A later ``touchline FILE`` connects, sends the
absolute path of FILE (an empty line for no file) and exits once the running editor has
answered ``ok``; the running editor opens the file in a window of its own and raises it.
``touchline --present FILE [--screen N]`` sends a first line ``--present=`` (with the
screen's index after the ``=`` when one was chosen; an absolute path never starts with
``-``), and the running editor presents the file once it is open.
When no editor answers (none is running, or a killed one left its socket behind) the
new launch becomes the listening editor, removing a stale socket first.

``TOUCHLINE_INSTANCE`` overrides the server name (tests use a private one); setting it
to ``off`` makes every launch independent.
"""

from __future__ import annotations

import getpass
import hashlib
import os

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from shiboken6 import isValid

CONNECT_TIMEOUT_MS = 500
REPLY_TIMEOUT_MS = 5000
ACK = b"ok\n"


def server_name() -> str:
    """The user's server name (or ``TOUCHLINE_INSTANCE``); "" when single instance is switched off."""
    override = os.environ.get("TOUCHLINE_INSTANCE", "")
    if override:
        return "" if override == "off" else override
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = str(os.getuid()) if hasattr(os, "getuid") else "user"
    # Hashed: a user name may hold characters a socket or pipe name cannot.
    return "touchline-" + hashlib.sha1(user.encode("utf-8"), usedforsecurity=False).hexdigest()[:12]


PRESENT = "--present="


def send_to_running(paths: list[str], name: str | None = None, *, present: bool = False,
                    screen_index: int | None = None) -> bool:
    """Hand ``paths`` (absolute paths, [] for none) to a running editor; True when it took them.

    With ``present`` the running editor presents the first of them (on ``screen_index``,
    an index into its screens, or its automatic choice), as ``touchline --present`` does.
    """
    name = server_name() if name is None else name
    if not name:
        return False
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(CONNECT_TIMEOUT_MS):
        return False
    message = "".join(f"{path}\n" for path in paths) or "\n"
    if present:
        message = f"{PRESENT}{'' if screen_index is None else screen_index}\n" + message
    socket.write(message.encode("utf-8") + b"\x00")  # NUL: end of the message
    socket.flush()
    reply = b""
    while not reply.endswith(ACK) and socket.waitForReadyRead(REPLY_TIMEOUT_MS):
        reply += bytes(socket.readAll().data())
    socket.disconnectFromServer()
    return reply.endswith(ACK)


class InstanceServer(QObject):
    """The running editor's end: emits ``files_received`` with each later launch's files."""

    files_received = Signal(list)  # list[str]; empty when a launch came without a file
    present_received = Signal(list, object)  # files and the screen index (None: automatic) of a --present launch

    def __init__(self, name: str | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = server_name() if name is None else name
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)  # this user only
        self._server.newConnection.connect(self._accept)
        self._buffers: dict[QLocalSocket, bytes] = {}

    def listen(self) -> bool:
        """Start listening; False when single instance is off or the name cannot be taken."""
        if not self.name:
            return False
        if self._server.listen(self.name):
            return True
        # A socket left by an editor that was killed: nobody answers on it, so it can go.
        QLocalServer.removeServer(self.name)
        return self._server.listen(self.name)

    def close(self) -> None:
        """Stop listening (the socket file goes)."""
        self._server.close()

    def _accept(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            self._buffers[socket] = b""
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(lambda s=socket: self._forget(s))
            if socket.bytesAvailable():  # the message came with the connection: no readyRead will follow
                self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        data = self._buffers.get(socket, b"") + bytes(socket.readAll().data())
        self._buffers[socket] = data
        if not data.endswith(b"\x00"):
            return  # more to come
        text = data[:-1].decode("utf-8", errors="replace")
        files = [line for line in text.split("\n") if line]
        present, screen = False, None
        if files and files[0].startswith(PRESENT):
            present, option = True, files.pop(0)[len(PRESENT):]
            screen = int(option) if option.isdigit() else None
        self._buffers[socket] = b""
        socket.write(ACK)
        socket.flush()
        # Opened from the event loop, not inside this socket's signal: opening may run a
        # nested loop (progress dialog) in which the socket disconnects and is deleted.
        if present:
            QTimer.singleShot(0, lambda: self.present_received.emit(files, screen))
        else:
            QTimer.singleShot(0, lambda: self.files_received.emit(files))

    def _forget(self, socket: QLocalSocket) -> None:
        self._buffers.pop(socket, None)
        if isValid(socket):
            socket.deleteLater()


def absolute_paths(paths: list[str | None]) -> list[str]:
    """The given files as absolute paths (the running editor may have another working folder)."""
    # abspath, not Path.absolute: "../board.touchline" must arrive without its "..".
    return [os.path.abspath(path) for path in paths if path]

