"""One Touchline per user session: a second launch hands its file to the running one.

The first editor listens on a local socket (a Unix socket in Qt's temporary folder, where
QLocalServer puts it; a named pipe through QLocalServer on Windows) named after the user. A
later ``touchline FILE`` connects, sends the absolute path of FILE (an empty line for no file)
and exits once the running editor has answered ``ok``; the running editor opens the file in a
window of its own and raises it.
``touchline --present FILE [--screen N]`` sends a first line ``--present=`` (with the
screen's index after the ``=`` when one was chosen; an absolute path never starts with
``-``), and the running editor presents the file once it is open.
When no editor answers (none is running, or a killed one left its socket behind) the
new launch becomes the listening editor, removing a stale socket first.

On Unix both ends use Python's own socket module (``_socket``: the ``socket`` wrapper's enum
set-up alone costs ~5 ms) with a QSocketNotifier, not QtNetwork: importing QtNetwork was
~2 % of the start to the first paint (issue 9). The socket's place, its owner-only access and
the messages are what QLocalServer and QLocalSocket used, so either end also talks to the other.

``TOUCHLINE_INSTANCE`` overrides the server name (tests use a private one); setting it
to ``off`` makes every launch independent.
"""

from __future__ import annotations

import contextlib
import errno
import os
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QDir, QObject, QSocketNotifier, QTimer, Signal
from shiboken6 import isValid

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer, QLocalSocket

UNIX = os.name == "posix"
CONNECT_TIMEOUT_MS = 500
REPLY_TIMEOUT_MS = 5000
ACK = b"ok\n"


def server_name() -> str:
    """The user's server name (or ``TOUCHLINE_INSTANCE``); "" when single instance is switched off."""
    override = os.environ.get("TOUCHLINE_INSTANCE", "")
    if override:
        return "" if override == "off" else override
    import getpass
    import hashlib

    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = str(os.getuid()) if hasattr(os, "getuid") else "user"
    # Hashed: a user name may hold characters a socket or pipe name cannot.
    return "touchline-" + hashlib.sha1(user.encode("utf-8"), usedforsecurity=False).hexdigest()[:12]


def socket_path(name: str) -> str:
    """Where the Unix socket of server ``name`` is: QLocalServer's place (Qt's temporary folder)."""
    if name.startswith("/"):
        return name
    return f"{QDir.cleanPath(QDir.tempPath())}/{name}"


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
    message = "".join(f"{path}\n" for path in paths) or "\n"
    if present:
        message = f"{PRESENT}{'' if screen_index is None else screen_index}\n" + message
    data = message.encode("utf-8") + b"\x00"  # NUL: end of the message
    return _send_unix(socket_path(name), data) if UNIX else _send_qt(name, data)


def _send_unix(path: str, data: bytes) -> bool:
    import _socket

    if not os.path.exists(path):
        return False  # nobody has listened here: the usual first launch
    sock = _socket.socket(_socket.AF_UNIX, _socket.SOCK_STREAM)
    reply = b""
    try:
        sock.settimeout(CONNECT_TIMEOUT_MS / 1000)
        sock.connect(path)
        sock.settimeout(REPLY_TIMEOUT_MS / 1000)
        sock.sendall(data)
        while not reply.endswith(ACK):
            chunk = sock.recv(64)
            if not chunk:
                break
            reply += chunk
    except OSError:  # refused (a socket left by a killed editor), timed out, or reset
        return False
    finally:
        sock.close()
    return reply.endswith(ACK)


def _send_qt(name: str, data: bytes) -> bool:
    from PySide6.QtNetwork import QLocalSocket

    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(CONNECT_TIMEOUT_MS):
        return False
    socket.write(data)
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
        self._listener: Any = None  # Unix: the listening _socket.socket
        self._notifier: QSocketNotifier | None = None
        self._clients: dict[int, tuple[Any, QSocketNotifier]] = {}  # Unix: by file descriptor
        self._server: QLocalServer | None = None  # elsewhere: QtNetwork's server
        self._buffers: dict[object, bytes] = {}  # what each connection sent so far

    def full_path(self) -> str:
        """Where the server listens: the Unix socket's path, or the pipe's name ("" when not listening)."""
        if UNIX:
            return socket_path(self.name) if self._listener is not None else ""
        return self._server.fullServerName() if self._server is not None else ""

    def listen(self) -> bool:
        """Start listening; False when single instance is off or the name cannot be taken."""
        if not self.name:
            return False
        return self._listen_unix() if UNIX else self._listen_qt()

    def close(self) -> None:
        """Stop listening (the socket file goes)."""
        if self._server is not None:
            self._server.close()
        for fd in list(self._clients):
            self._forget_client(fd)
        if self._listener is not None:
            if self._notifier is not None:
                self._notifier.setEnabled(False)
                self._notifier.deleteLater()
                self._notifier = None
            self._listener.close()
            self._listener = None
            with contextlib.suppress(OSError):  # already gone (as QLocalServer.close, it goes by its path)
                os.unlink(socket_path(self.name))

    def _handle(self, connection: object, data: bytes) -> bytes | None:
        """Add what a connection sent; the answer once its message is complete (None until then)."""
        data = self._buffers.get(connection, b"") + data
        self._buffers[connection] = data
        if not data.endswith(b"\x00"):
            return None  # more to come
        text = data[:-1].decode("utf-8", errors="replace")
        files = [line for line in text.split("\n") if line]
        present, screen = False, None
        if files and files[0].startswith(PRESENT):
            present, option = True, files.pop(0)[len(PRESENT):]
            screen = int(option) if option.isdigit() else None
        self._buffers[connection] = b""
        # Opened from the event loop, not inside this socket's signal: opening may run a
        # nested loop (progress dialog) in which the socket disconnects and is deleted.
        if present:
            QTimer.singleShot(0, lambda: self.present_received.emit(files, screen))
        else:
            QTimer.singleShot(0, lambda: self.files_received.emit(files))
        return ACK

    # ------------------------------------------------------------------ Unix
    def _listen_unix(self) -> bool:
        import _socket

        path = socket_path(self.name)
        listener = _socket.socket(_socket.AF_UNIX, _socket.SOCK_STREAM)
        mask = os.umask(0o077)  # this user only, as QLocalServer's UserAccessOption
        try:
            try:
                listener.bind(path)
            except OSError as exc:
                if exc.errno != errno.EADDRINUSE:
                    raise
                # A socket left by an editor that was killed: nobody answers on it, so it can go.
                os.unlink(path)
                listener.bind(path)
            listener.listen(8)
        except OSError:
            listener.close()
            return False
        finally:
            os.umask(mask)
        listener.setblocking(False)
        self._listener = listener
        self._notifier = QSocketNotifier(listener.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._accept_unix)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.close)  # the socket file goes with the editor
        return True

    def _accept_unix(self) -> None:
        import _socket

        while self._listener is not None:
            try:
                # _socket's accept: the new connection's descriptor (socket.socket.accept wraps the same call).
                fd, _ = self._listener._accept()
            except OSError:  # nothing more waiting (BlockingIOError) or the listener closed
                return
            connection = _socket.socket(_socket.AF_UNIX, _socket.SOCK_STREAM, 0, fd)
            connection.setblocking(False)
            fd = connection.fileno()
            notifier = QSocketNotifier(fd, QSocketNotifier.Type.Read, self)
            notifier.activated.connect(lambda *_signal, fd=fd: self._read_unix(fd))
            self._clients[fd] = (connection, notifier)

    def _read_unix(self, fd: int) -> None:
        client = self._clients.get(fd)
        if client is None:
            return
        connection = client[0]
        try:
            data = connection.recv(65536)
        except BlockingIOError:
            return
        except OSError:
            data = b""
        if not data:  # the launch has its answer and hung up (or went away)
            self._forget_client(fd)
            return
        answer = self._handle(connection, data)
        if answer is not None:
            try:
                connection.sendall(answer)
            except OSError:
                self._forget_client(fd)

    def _forget_client(self, fd: int) -> None:
        connection, notifier = self._clients.pop(fd)
        notifier.setEnabled(False)
        notifier.deleteLater()
        self._buffers.pop(connection, None)
        connection.close()

    # ------------------------------------------------------------------ elsewhere (named pipes)
    def _listen_qt(self) -> bool:
        from PySide6.QtNetwork import QLocalServer

        if self._server is None:
            self._server = QLocalServer(self)
            self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)  # this user only
            self._server.newConnection.connect(self._accept_qt)
        if self._server.listen(self.name):
            return True
        QLocalServer.removeServer(self.name)
        return self._server.listen(self.name)

    def _accept_qt(self) -> None:
        server = self._server
        while server is not None and server.hasPendingConnections():
            socket = server.nextPendingConnection()
            self._buffers[socket] = b""
            socket.readyRead.connect(lambda s=socket: self._read_qt(s))
            socket.disconnected.connect(lambda s=socket: self._forget_qt(s))
            if socket.bytesAvailable():  # the message came with the connection: no readyRead will follow
                self._read_qt(socket)

    def _read_qt(self, socket: QLocalSocket) -> None:
        answer = self._handle(socket, bytes(socket.readAll().data()))
        if answer is not None:
            socket.write(answer)
            socket.flush()

    def _forget_qt(self, socket: QLocalSocket) -> None:
        self._buffers.pop(socket, None)
        if isValid(socket):
            socket.deleteLater()


def absolute_paths(paths: list[str | None]) -> list[str]:
    """The given files as absolute paths (the running editor may have another working folder)."""
    # abspath, not Path.absolute: "../board.touchline" must arrive without its "..".
    return [os.path.abspath(path) for path in paths if path]

