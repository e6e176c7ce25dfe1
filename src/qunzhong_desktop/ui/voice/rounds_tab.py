"""民意测评: the rounds, and what is done with one (新建, 计票, 逐张录入, 结果, 打印, 删除).

A station records its own rounds; at the township every station's rounds arrive with the
sync and are shown read only, with the 工作站 they were held in, and the township's own
提拔前征求意见 (:mod:`.survey_dialog`). Printing goes through the print preview, the file
written in the background (the same PDFs as ``qunzhong evaluation ballots|result``).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from qunzhong_desktop.core.access import Permission, require
from qunzhong_desktop.core.errors import DomainError
from qunzhong_desktop.core.evaluation import StoredRound, period_text
from qunzhong_desktop.core.work import CancelToken, Progress
from qunzhong_desktop.reports.fonts import store_font
from qunzhong_desktop.storage.access_log import record
from qunzhong_desktop.storage.setup import node_role
from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.ui.common.errors import show_error
from qunzhong_desktop.ui.common.form_feedback import confirm, inform
from qunzhong_desktop.ui.common.list_parts import FlowLayout, count_label
from qunzhong_desktop.ui.common.printing import document_name, print_document
from qunzhong_desktop.ui.common.session import Today, UndoStep, limit, undo_stack
from qunzhong_desktop.ui.voice.parts import (
    fill_table,
    read_only_table,
    run_dialog,
    select_key,
    selected_key,
)
from qunzhong_desktop.ui.voice.result_view import ResultView
from qunzhong_desktop.ui.voice.round_form import RoundForm
from qunzhong_desktop.ui.voice.tally_form import BallotForm, TallyForm

translate = QCoreApplication.translate
WIDTHS = (90, 100, 108, 110, 48, 48, 48, 60, 64)


def village_names(store: Store, stored: StoredRound) -> str:
    """The round's villages by name (``第1村``), as the printouts say them."""
    names = dict(store.items.stations())
    return "、".join(names.get(c, c).removesuffix("群众工作站") for c in stored.round.villages)


def write_ballots(store: Store, stored: StoredRound, copies: int, out: Path) -> Path:
    """The secret ballots of a round (``copies`` pages) as a PDF at ``out``."""
    from qunzhong_desktop.reports.evaluation_pdf import render_ballots

    require(store.db.operator, Permission.EXPORT)
    render_ballots(stored, out, font=store_font(store), village=village_names(store, stored),
                   copies=copies)  # fmt: skip
    record(store.db, "print_list", f"测评票 {stored.heading}", copies)
    return out


def write_result(store: Store, round_id: str, out: Path) -> Path:
    """The result sheet of a round as a PDF at ``out``."""
    from qunzhong_desktop.reports.evaluation_pdf import render_result

    require(store.db.operator, Permission.EXPORT)
    result = store.evaluations.results(round_id)
    render_result(result, out, font=store_font(store),
                  village=village_names(store, result.stored))  # fmt: skip
    record(store.db, "print_list", f"测评结果 {result.stored.heading}", len(result.verdicts))
    return out


class RoundsTab(QWidget):
    """民意测评: the rounds, newest first, and the actions on the one selected.

    Args:
        store: the station's or the township's store.
        parent: the Qt parent.
        clock: today's date (tests fix it).

    Attributes:
        rounds: the rounds listed.
        township: whether this is the township (read only).
    """

    def __init__(
        self, store: Store, parent: QWidget | None = None, *, clock: Today | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.clock: Today = clock or dt.date.today
        self.township = node_role(store.db) == "township"
        self.rounds: list[StoredRound] = []
        self.form: QDialog | None = None
        layout = QVBoxLayout(self)
        bar = FlowLayout()
        self.new_button = self._button(bar, self.tr("新建测评(&N)…"), self.new_round)
        self.edit_button = self._button(bar, self.tr("修改(&M)…"), self.edit_round)
        self.tally_button = self._button(bar, self.tr("计票(&T)…"), self.tally)
        self.ballot_button = self._button(bar, self.tr("逐张录入(&B)…"), self.ballots_one_by_one)
        self.result_button = self._button(bar, self.tr("结果(&R)…"), self.show_result)
        self.print_ballots_button = self._button(bar, self.tr("打印选票(&P)…"), self.print_ballots)
        self.print_result_button = self._button(bar, self.tr("打印结果(&O)…"), self.print_result)
        self.delete_button = self._button(bar, self.tr("删除(&D)"), self.delete_round)
        self.survey_button = self._button(bar, self.tr("提拔前征求意见(&Q)…"), self.open_survey)
        layout.addLayout(bar)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setObjectName("roundsNote")
        layout.addWidget(self.note)
        headers = [
            self.tr("测评日期"), self.tr("类型"), self.tr("期间"), self.tr("村（工作站）"),
            self.tr("参会"), self.tr("发出"), self.tr("收回"), self.tr("被测评"),
            self.tr("计票"), self.tr("标题"),
        ]  # fmt: skip
        self.table: QTableWidget = read_only_table(self, headers, WIDTHS)
        self.table.doubleClicked.connect(lambda _i: self.show_result())
        self.table.itemSelectionChanged.connect(self._selection_changed)
        layout.addWidget(self.table, 1)
        self.count = count_label(self)
        layout.addWidget(self.count)
        if self.township:
            for button in (self.new_button, self.edit_button, self.tally_button,
                           self.ballot_button, self.delete_button):  # fmt: skip
                button.hide()
            self.note.setText(
                self.tr(
                    "各工作站的民意测评随数据包报到乡镇，这里只能查看和打印；测评由工作站登记。"
                )
            )
        else:
            self.survey_button.hide()
            self.note.setText(
                self.tr(
                    "先新建测评并打印选票；会后按收回的选票计票（每人每栏的票数），"
                    "或逐张录入。不满意率达到界限的干部标为“不予提拔”。"
                )
            )
            limit(store, (self.delete_button, Permission.DELETE))
        self.refresh()

    def _button(self, bar: FlowLayout, text: str, slot: object) -> QPushButton:
        button = QPushButton(text, self)
        button.clicked.connect(slot)
        bar.addWidget(button)
        return button

    # the list ------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the rounds again, keeping the one selected."""
        keep = self.current_id()
        try:
            self.rounds = self.store.evaluations.rounds()
        except DomainError as exc:
            show_error(self, exc, title=self.tr("民意测评"))
            return
        names = dict(self.store.items.stations())
        rows = []
        for stored in self.rounds:
            r = stored.round
            tallied = any(row.tally.votes for row in stored.rows)
            rows.append([
                r.day.isoformat(), r.kind, period_text(r.period) or "—",
                "、".join(names.get(c, c).removesuffix("群众工作站") for c in r.villages),
                r.participants, r.ballots_issued, r.ballots_returned, len(stored.rows),
                self.tr("已计票") if tallied else self.tr("未计票"), stored.title,
            ])  # fmt: skip
        fill_table(self.table, rows, keys=[s.id for s in self.rounds])
        self.count.setText(self.tr("共 {0} 次测评").format(len(self.rounds)))
        if not select_key(self.table, keep) and self.rounds:
            self.table.selectRow(0)
        self._selection_changed()

    def current_id(self) -> str:
        """The id of the round selected, or ""."""
        return selected_key(self.table)

    def current(self) -> StoredRound | None:
        """The round selected (as listed)."""
        wanted = self.current_id()
        return next((r for r in self.rounds if r.id == wanted), None)

    def select(self, round_id: str) -> None:
        """Select the round with ``round_id``."""
        select_key(self.table, round_id)

    def _selection_changed(self) -> None:
        chosen = self.current() is not None
        for button in (self.edit_button, self.tally_button, self.ballot_button,
                       self.result_button, self.print_ballots_button,
                       self.print_result_button, self.delete_button):  # fmt: skip
            button.setEnabled(chosen)

    def _chosen(self) -> StoredRound | None:
        stored = self.current()
        if stored is None:
            inform(self, self.tr("民意测评"), self.tr("请先在列表中选择一次测评。"))
        return stored

    # the actions ----------------------------------------------------------------------------
    def new_round(self) -> None:
        """新建测评…: the form; the new round is selected."""
        form = RoundForm(self.store, self, clock=self.clock)
        self._run(form)

    def edit_round(self) -> None:
        """修改…: the round's details and who is rated (counts kept)."""
        stored = self._chosen()
        if stored is not None:
            self._run(RoundForm(self.store, self, clock=self.clock, stored=stored))

    def _run(self, form: RoundForm) -> None:
        self.form = form
        if run_dialog(form) == QDialog.DialogCode.Accepted and form.saved is not None:
            self.refresh()
            self.select(form.saved.id)

    def tally(self) -> None:
        """计票…: the counts per rated row."""
        stored = self._chosen()
        if stored is None:
            return
        if not stored.rows:
            inform(self, self.tr("计票"), self.tr("这次测评还没有被测评人，请先点“修改”添加。"))
            return
        self.form = TallyForm(self.store, stored, self)
        if run_dialog(self.form) == QDialog.DialogCode.Accepted:
            self.refresh()

    def ballots_one_by_one(self) -> None:
        """逐张录入…: one ballot at a time."""
        stored = self._chosen()
        if stored is None:
            return
        if not stored.rows:
            inform(self, self.tr("逐张录入"), self.tr("这次测评还没有被测评人，请先点“修改”添加。"))
            return
        self.form = BallotForm(self.store, stored, self)
        run_dialog(self.form)
        self.refresh()

    def show_result(self) -> None:
        """结果…: counts, rates, rank and flags."""
        stored = self._chosen()
        if stored is None:
            return
        try:
            result = self.store.evaluations.results(stored.id)
        except DomainError as exc:
            show_error(self, exc, title=self.tr("测评结果"))
            return
        self.form = ResultView(result, village_names(self.store, stored), self,
                               print_result=self.print_result)  # fmt: skip
        run_dialog(self.form)

    def print_ballots(self) -> None:
        """打印选票…: how many copies, then the preview."""
        stored = self._chosen()
        if stored is None:
            return
        copies, ok = ask_copies(self, stored.round.ballots_issued or stored.round.participants)
        if not ok:
            return
        title = self.tr("测评票")
        print_document(
            self, self.store,
            lambda path, _p, _c: write_ballots(self.store, stored, copies, path),
            file_name="ballots.pdf",
            save_name=document_name(self.store, stored.heading, "测评票"),
            label=self.tr("正在生成测评票……"), title=title,
        )  # fmt: skip

    def print_result(self) -> None:
        """打印结果…: the result sheet in the preview."""
        stored = self._chosen()
        if stored is None:
            return

        def write(path: Path, _progress: Progress, _cancel: CancelToken) -> Path:
            return write_result(self.store, stored.id, path)

        print_document(
            self, self.store, write, file_name="result.pdf",
            save_name=document_name(self.store, stored.heading, "测评结果"),
            label=self.tr("正在生成测评结果……"), title=self.tr("测评结果"),
        )  # fmt: skip

    def delete_round(self) -> None:
        """删除: asked first; 编辑 › 撤销 brings it back."""
        stored = self._chosen()
        if stored is None:
            return
        if not confirm(
            self, self.tr("删除测评"),
            self.tr("删除“{0}”（{1}）及其计票？可用“编辑 › 撤销”恢复。").format(
                stored.heading, stored.round.day.isoformat()),
            self.tr("删除"),
        ):  # fmt: skip
            return
        try:
            self.store.evaluations.delete(stored.id)
        except DomainError as exc:
            show_error(self, exc, title=self.tr("删除测评"))
            return

        def restore() -> None:
            self.store.evaluations.restore(stored.id)

        undo_stack(self).push(
            UndoStep(self.tr("删除测评 {0}").format(stored.heading), restore, self.refresh)
        )
        self.refresh()

    def open_survey(self) -> None:
        """提拔前征求意见… (the township)."""
        from qunzhong_desktop.ui.voice.survey_dialog import SurveyDialog

        self.form = SurveyDialog(self.store, self, clock=self.clock)
        run_dialog(self.form)


def ask_copies(parent: QWidget, suggested: int) -> tuple[int, bool]:
    """How many ballots to print (1–500), the ballots issued suggested."""
    value, ok = QInputDialog.getInt(
        parent,
        translate("RoundsTab", "打印选票"),
        translate("RoundsTab", "打印多少张选票（每张一页，不记名）："),
        max(1, min(suggested, 500)),
        1,
        500,
    )
    return int(value), bool(ok)
