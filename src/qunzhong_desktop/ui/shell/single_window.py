"""One window per data directory: a second start brings the first to the front.

Two windows on one data directory would be two writers whose forms know nothing of each
other. The first window holds a lock file in the data directory (Qt's ``QLockFile``:
process id and host inside, a lock left by a crashed window is taken over) and listens on
a local socket named after the directory. A second start finds the lock, asks the first
window over the socket to come to the front and exits; when the first window cannot be
reached (another PC has the directory open over the network, or it hangs), it says where
the directory is open. The command line takes no lock: it works beside the window, each
write in its own transaction (``Database.writing``).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

LOCK_FILE = "window.lock"
_WAKE = b"raise\n"


class SingleWindow(QObject):
    """The claim of one window on a data directory.

    Signals:
        raise_requested: another start asked this window to come to the front.
    """

    raise_requested = Signal()

    def __init__(self, home: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.home = Path(home)
        self._lock = QLockFile(str(self.home / LOCK_FILE))
        # held for the window's whole life: only a dead holder makes the lock stale
        self._lock.setStaleLockTime(0)
        digest = hashlib.sha256(str(self.home.resolve()).encode("utf-8")).hexdigest()[:20]
        self.server_name = f"qunzhong-desktop-{digest}"
        self._server: QLocalServer | None = None

    def claim(self) -> bool:
        """Take the directory for this window; False when another window has it."""
        if not self._lock.tryLock(200):
            return False
        QLocalServer.removeServer(self.server_name)  # left over by a crashed window
        self._server = QLocalServer(self)
        self._server.newConnection.connect(self._knocked)
        self._server.listen(self.server_name)
        return True

    def wake_other(self, timeout_ms: int = 1500) -> bool:
        """Ask the window holding the directory to come to the front; whether it heard."""
        socket = QLocalSocket()
        socket.connectToServer(self.server_name)
        if not socket.waitForConnected(timeout_ms):
            return False
        socket.write(_WAKE)
        sent = socket.waitForBytesWritten(timeout_ms)
        socket.disconnectFromServer()
        return sent

    def holder(self) -> tuple[int, str]:
        """(process id, host name) of the window holding the directory, (0, "") if unknown."""
        info = self._lock.getLockInfo()  # PySide6 returns (pid, host, app), or False
        if not isinstance(info, tuple) or len(info) < 2:
            return 0, ""
        return int(info[0]), str(info[1])

    def release(self) -> None:
        """Give the directory up (at exit)."""
        if self._server is not None:
            self._server.close()
            self._server = None
        self._lock.unlock()

    def _knocked(self) -> None:
        if self._server is None:
            return
        while (socket := self._server.nextPendingConnection()) is not None:
            # the other start writes one line at once and leaves: read it here and now
            if socket.bytesAvailable() or socket.waitForReadyRead(1000):
                knock = bytes(socket.readAll().data())
            else:
                knock = b""
            socket.abort()
            socket.deleteLater()
            if knock.startswith(_WAKE.strip()):
                self.raise_requested.emit()
