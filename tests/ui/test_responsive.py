"""The window keeps painting during long work: cards rendering, keys being opened.

Each test counts the ticks of a 10 ms timer on the GUI thread while the work runs on a real
thread pool. A frozen event loop gets one tick at the end (pyrage's scrypt on a plain
worker thread measured 1 tick in 1.26 s); a live one gets dozens.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QThreadPool, QTimer
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from qunzhong_desktop.core.card import CardContent
from qunzhong_desktop.reports.cards_pdf import render_cards
from qunzhong_desktop.reports.fonts import CjkFont, find_cjk_font
from qunzhong_desktop.sync import sealing
from qunzhong_desktop.sync.keys import KeyStoreError, NodeKeys
from qunzhong_desktop.ui.common import tasks
from qunzhong_desktop.ui.common.tasks import CancelToken, Progress, run_task, wait_for
from tests.helpers.sealed import SealedKeys

pytestmark = pytest.mark.slow

TICK_MS = 10
MIN_TICKS_PER_SECOND = 10  # a tenth of what a free loop gets: proof it was never blocked long
MAX_GAP = 1.0  # seconds between two ticks, with the other test workers loading both cores


@pytest.fixture
def real_pool() -> Iterator[QThreadPool]:
    pool = QThreadPool()
    tasks.use_pool(pool)
    yield pool
    pool.waitForDone()
    tasks.use_pool(None)


@pytest.fixture
def parent(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


class Ticks:
    """A 10 ms timer's ticks, and the time they were counted over."""

    def __init__(self) -> None:
        self.count = 0
        self.longest_gap = 0.0
        self._last = time.monotonic()
        self._timer = QTimer()
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)
        self.started = time.monotonic()
        self._timer.start()

    def _tick(self) -> None:
        now = time.monotonic()
        self.longest_gap = max(self.longest_gap, now - self._last)
        self._last = now
        self.count += 1

    def stop(self) -> float:
        self._timer.stop()
        return time.monotonic() - self.started

    def assert_alive(self, elapsed: float) -> None:
        assert self.count >= MIN_TICKS_PER_SECOND * elapsed, (self.count, elapsed)
        assert self.longest_gap < MAX_GAP, self.longest_gap


def cards(count: int) -> list[CardContent]:
    one = CardContent(
        household_id="h", card_number="1-1", station_name="白沙村群众工作站",
        station_address="白沙镇白沙村村委会", station_phone="0898-12345678",
        opening_hours="周一至周五 8:00-17:30", household_number="1", head_name="王小明",
        grid_name="第一网格", grid_leader_name="李网长", grid_leader_phone="13812345678",
        cadre_name="张干部", cadre_phone="13912345678", cadre_unit="民政办",
        services=("政策咨询", "代办证照", "矛盾调解"), township_name="白沙镇",
        township_phone="0898-87654321", supervision_phone="12345", issued_on=dt.date(2026, 12, 1),
    )  # fmt: skip
    return [
        dataclasses.replace(one, household_id=f"h{i}", card_number=f"1-{i}", head_name=f"王{i}")
        for i in range(count)
    ]


@pytest.fixture(scope="module")
def font() -> CjkFont:
    return find_cjk_font()


def run_and_count(qtbot: QtBot, start: Callable[[list[object]], object]) -> tuple[Ticks, float]:
    outcome: list[object] = []
    ticks = Ticks()
    start(outcome)
    qtbot.waitUntil(lambda: bool(outcome), timeout=120_000)
    elapsed = ticks.stop()
    return ticks, elapsed


def test_event_loop_turns_while_four_hundred_cards_render(
    qtbot: QtBot, parent: QWidget, real_pool: QThreadPool, font: CjkFont, tmp_path: Path
) -> None:
    out = tmp_path / "联系卡 400.pdf"
    batch = cards(400)  # seconds of rendering: the loop must turn all along

    def work(progress: Progress, cancel: CancelToken) -> int:
        return render_cards(batch, out, font=font, progress=progress, cancel=cancel).pages

    ticks, elapsed = run_and_count(
        qtbot, lambda outcome: run_task(parent, work, label="联系卡", on_done=outcome.append)
    )
    assert out.stat().st_size > 0
    ticks.assert_alive(elapsed)


def test_a_cancelled_render_leaves_no_file(
    qtbot: QtBot, parent: QWidget, real_pool: QThreadPool, font: CjkFont, tmp_path: Path
) -> None:
    out = tmp_path / "cards.pdf"
    batch = cards(1000)
    cancelled: list[object] = []

    def work(progress: Progress, cancel: CancelToken) -> int:
        def cancel_after_first_page(done: int, total: int, text: str = "") -> None:
            progress(done, total, text)
            cancel.cancel()  # as the dialog's 取消 does

        return render_cards(
            batch, out, font=font, progress=cancel_after_first_page, cancel=cancel
        ).pages

    task = run_task(parent, work, label="联系卡", on_cancel=cancelled.append)
    qtbot.waitUntil(lambda: task.finished, timeout=60_000)
    assert cancelled
    assert list(tmp_path.iterdir()) == []


@pytest.mark.real_scrypt
def test_event_loop_turns_while_the_keys_open(
    qtbot: QtBot,
    parent: QWidget,
    real_pool: QThreadPool,
    sealed_keys: tuple[SealedKeys, SealedKeys],
) -> None:
    sealed = sealed_keys[1]
    sealing.isolate(True)  # as the window does at start
    try:
        opened: list[NodeKeys] = []

        def start(outcome: list[object]) -> None:
            keys = wait_for(
                parent,
                lambda: NodeKeys.load(sealed.folder, sealed.passphrase),
                label="打开密钥",
            )
            opened.append(keys)
            outcome.append(keys)

        ticks, elapsed = run_and_count(qtbot, start)
        assert opened[0].fingerprint == sealed.keys.fingerprint
        ticks.assert_alive(elapsed)
        with pytest.raises(KeyStoreError) as info:  # the error comes back through the pipe
            wait_for(parent, lambda: NodeKeys.load(sealed.folder, "错的口令"), label="打开密钥")
        assert info.value.code == "keys.wrong_passphrase"
    finally:
        sealing.isolate(False)


@pytest.mark.real_scrypt
def test_scrypt_on_a_plain_thread_freezes_the_loop(
    qtbot: QtBot,
    parent: QWidget,
    real_pool: QThreadPool,
    sealed_keys: tuple[SealedKeys, SealedKeys],
) -> None:
    """Why :func:`sealing.isolate` exists: the same wait without it stops the clock."""
    sealed = sealed_keys[1]
    assert not sealing.isolated()

    def start(outcome: list[object]) -> None:
        outcome.append(
            wait_for(parent, lambda: NodeKeys.load(sealed.folder, sealed.passphrase), label="")
        )

    ticks, elapsed = run_and_count(qtbot, start)
    # frozen for (nearly) the whole wait, however long scrypt took on this machine
    assert ticks.longest_gap > 0.8 * elapsed, (ticks.count, ticks.longest_gap, elapsed)
