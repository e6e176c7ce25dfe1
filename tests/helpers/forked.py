"""A real child process without a new interpreter: a fork of the test process.

The tests that stop a command halfway (SIGKILL inside the migrations, an import, an item
number's transaction), run commands side by side, or meet a broken disk need a process of
their own; the command started in a new interpreter spent ~1.5 s of CPU importing the
program before its first line of work (1,000 modules: SQLAlchemy, the models, alembic,
reportlab), 60 s of a test run. A fork of the test process has all of that imported: the
child is a real process (its own pid, files, locks and SQLite connections; killed with
SIGKILL like any other), and runs the same script text ``python -c`` would, with the given
arguments and environment, its standard streams on pipes, and ends with the exit code the
interpreter would give (``sys.exit``'s, 1 and the traceback on stderr for an uncaught
exception, 120 when its output could not be flushed). What a fork does not see is a fresh
interpreter: a test about the start itself (what is imported, the interpreter's exit on a
closed pipe) starts ``sys.executable`` (tests/cli/test_setup.py, test_environment's pipe).

The child inherits the test's patches (the migrated template, the cheap Argon2, the scrypt
memo; tests/conftest.py) as an in-process command does; a test whose child must run every
migration is marked ``real_migrations``.
"""

from __future__ import annotations

import builtins
import gc
import io
import os
import signal
import subprocess
import sys
import threading
import time
import traceback
from collections.abc import Mapping
from types import TracebackType
from typing import IO

if sys.platform == "win32":  # pragma: no cover - the suite runs on Linux
    raise ImportError("fork is POSIX")


class Child:
    """A forked child running a script; the part of ``subprocess.Popen`` the tests use."""

    def __init__(
        self, script: str, argv: list[str], env: Mapping[str, str] | None, stdin: bool
    ) -> None:
        in_r, in_w = os.pipe() if stdin else (os.open(os.devnull, os.O_RDONLY), -1)
        out_r, out_w = os.pipe()
        err_r, err_w = os.pipe()
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:  # the child: never returns into the test process
            try:
                _run(script, argv, env, in_r, out_w, err_w)
            finally:
                os._exit(70)
        os.close(in_r)
        os.close(out_w)
        os.close(err_w)
        self.pid = pid
        self.args = ["-c", script, *argv]
        self.returncode: int | None = None
        self.stdin: IO[str] | None = open(in_w, "w", encoding="utf-8") if stdin else None  # noqa: SIM115
        self.stdout: IO[str] | None = open(out_r, encoding="utf-8")  # noqa: SIM115
        self.stderr: IO[str] | None = open(err_r, encoding="utf-8")  # noqa: SIM115

    def poll(self) -> int | None:
        if self.returncode is None:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.returncode = os.waitstatus_to_exitcode(status)
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        """The exit code (negative: the signal that ended it), waiting up to ``timeout``."""
        end = None if timeout is None else time.monotonic() + timeout
        while self.poll() is None:
            if end is not None and time.monotonic() > end:
                raise subprocess.TimeoutExpired(self.args, timeout or 0)
            time.sleep(0.005)
        assert self.returncode is not None
        return self.returncode

    def kill(self) -> None:
        if self.poll() is None:
            os.kill(self.pid, signal.SIGKILL)

    def communicate(self, timeout: float | None = None) -> tuple[str, str]:
        """Everything the child writes until it ends (read by two threads, as ``subprocess``
        does where it cannot select: neither pipe fills while the other is read), and its
        exit code. At ``timeout`` the child is killed and TimeoutExpired raised."""
        if self.stdin is not None:
            self.stdin.close()
            self.stdin = None
        texts = ["", ""]

        def read(i: int, stream: IO[str] | None) -> None:
            if stream is not None:
                with stream:
                    texts[i] = stream.read()

        readers = [threading.Thread(target=read, args=(i, s), daemon=True)
                   for i, s in enumerate((self.stdout, self.stderr))]  # fmt: skip
        for reader in readers:
            reader.start()
        end = None if timeout is None else time.monotonic() + timeout
        for reader in readers:
            reader.join(None if end is None else max(end - time.monotonic(), 0))
            if reader.is_alive():
                self.kill()
                raise subprocess.TimeoutExpired(self.args, timeout or 0)
        self.stdout = self.stderr = None
        self.wait(None if end is None else max(end - time.monotonic(), 1.0))
        return texts[0], texts[1]

    def __enter__(self) -> Child:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        for stream in (self.stdin, self.stdout, self.stderr):
            if stream is not None:
                stream.close()
        self.kill()
        self.wait()


def start(
    script: str, *argv: str, env: Mapping[str, str] | None = None, stdin: bool = False
) -> Child:
    """Fork a child that runs ``script`` as ``python -c script *argv`` would."""
    return Child(script, list(argv), env, stdin)


def run(
    script: str, *argv: str, env: Mapping[str, str] | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """Run ``script`` in a forked child to its end: ``subprocess.run(…, capture_output=True)``."""
    child = start(script, *argv, env=env)
    out, err = child.communicate(timeout=timeout)
    assert child.returncode is not None
    return subprocess.CompletedProcess(child.args, child.returncode, out, err)


def _run(
    script: str, argv: list[str], env: Mapping[str, str] | None, fd_in: int, fd_out: int,
    fd_err: int,
) -> None:  # fmt: skip
    gc.freeze()  # the test process's objects are its own: the child collects none of them
    os.dup2(fd_in, 0)
    os.dup2(fd_out, 1)
    os.dup2(fd_err, 2)
    for fd in {fd_in, fd_out, fd_err} - {0, 1, 2}:
        os.close(fd)
    sys.stdin = io.TextIOWrapper(io.FileIO(0, "r", closefd=False), encoding="utf-8")
    sys.stdout = io.TextIOWrapper(io.BufferedWriter(io.FileIO(1, "w", closefd=False)),
                                  encoding="utf-8")  # fmt: skip
    sys.stderr = io.TextIOWrapper(io.BufferedWriter(io.FileIO(2, "w", closefd=False)),
                                  encoding="utf-8", errors="backslashreplace",
                                  line_buffering=True)  # fmt: skip
    if env is not None:
        os.environ.clear()
        os.environ.update(env)
    sys.argv = ["-c", *argv]
    code = 0
    try:
        exec(
            compile(script, "<string>", "exec"), {"__name__": "__main__", "__builtins__": builtins}
        )
    except SystemExit as done:
        if done.code is None:
            code = 0
        elif isinstance(done.code, int):
            code = done.code
        else:
            print(done.code, file=sys.stderr)
            code = 1
    except BaseException:  # as the interpreter does with an uncaught exception
        traceback.print_exc()
        code = 1
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except BrokenPipeError:
        code = 120
    os._exit(code)
