"""Open a station's store: back up and migrate the file, then hand out the repositories."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.exc import DBAPIError

from qunzhong_desktop.core.errors import DomainError
from qunzhong_desktop.home import clean_scratch, database_path, protect
from qunzhong_desktop.storage import keyring, migrate, sqlite_files
from qunzhong_desktop.storage.accounts import SqlAccounts
from qunzhong_desktop.storage.agency_repo import SqlAgency
from qunzhong_desktop.storage.assessment_repo import SqlAssessment
from qunzhong_desktop.storage.assistance_cases import SqlNeeds
from qunzhong_desktop.storage.assistance_figures import SqlAssistanceFigures
from qunzhong_desktop.storage.assistance_repo import SqlAssistance
from qunzhong_desktop.storage.assistance_upgrade import adopt_records
from qunzhong_desktop.storage.cadre_record_repo import SqlCadreRecords
from qunzhong_desktop.storage.calendar_repo import SqlCalendar
from qunzhong_desktop.storage.cards_repo import SqlCards
from qunzhong_desktop.storage.county_repo import SqlCounty
from qunzhong_desktop.storage.database import Database
from qunzhong_desktop.storage.diary_repo import SqlDiary
from qunzhong_desktop.storage.duty_repo import SqlDuty
from qunzhong_desktop.storage.environment import explain
from qunzhong_desktop.storage.evaluation_repo import SqlEvaluations
from qunzhong_desktop.storage.info_repo import SqlMassInfo
from qunzhong_desktop.storage.items_repo import SqlItems
from qunzhong_desktop.storage.meetings_repo import SqlMeetings
from qunzhong_desktop.storage.period_repo import SqlPeriodReports
from qunzhong_desktop.storage.petitions_repo import SqlPetitions
from qunzhong_desktop.storage.register_repo import SqlRegister
from qunzhong_desktop.storage.report_repo import SqlReports
from qunzhong_desktop.storage.server import explain_server, server_url
from qunzhong_desktop.storage.settings_repo import SqlSettings
from qunzhong_desktop.storage.setup import is_set_up
from qunzhong_desktop.storage.survey_repo import SqlSurveys
from qunzhong_desktop.storage.units_repo import SqlUnits
from qunzhong_desktop.storage.voice_settings import SqlVoiceSettings


@dataclass
class Store:
    """Everything the app and the CLI use of one data directory."""

    home: Path
    db: Database
    register: SqlRegister = field(init=False)
    settings: SqlSettings = field(init=False)
    cards: SqlCards = field(init=False)
    items: SqlItems = field(init=False)
    agency: SqlAgency = field(init=False)
    calendar: SqlCalendar = field(init=False)
    reports: SqlReports = field(init=False)
    period_reports: SqlPeriodReports = field(init=False)
    assessment: SqlAssessment = field(init=False)
    assistance: SqlAssistance = field(init=False)
    needs: SqlNeeds = field(init=False)
    assistance_figures: SqlAssistanceFigures = field(init=False)
    diary: SqlDiary = field(init=False)
    accounts: SqlAccounts = field(init=False)
    cadre_records: SqlCadreRecords = field(init=False)
    units: SqlUnits = field(init=False)

    def __post_init__(self) -> None:
        self.register = SqlRegister(self.db)
        self.settings = SqlSettings(self.db)
        self.cards = SqlCards(self.db)
        self.items = SqlItems(self.db)
        self.agency = SqlAgency(self.db, self.items)
        self.calendar = SqlCalendar(self.db)
        self.reports = SqlReports(self.db)
        self.period_reports = SqlPeriodReports(self.db)
        self.assessment = SqlAssessment(self.db, self.period_reports)
        self.assistance = SqlAssistance(self.db)
        self.needs = SqlNeeds(self.db)
        self.assistance_figures = SqlAssistanceFigures(self.db)
        self.diary = SqlDiary(self.db, self.items)
        self.accounts = SqlAccounts(self.db)
        self.cadre_records = SqlCadreRecords(self.db)
        self.units = SqlUnits(self.db)
        # issue 18: residents' voice and judgement
        self.voice = SqlVoiceSettings(self.db)
        self.evaluations = SqlEvaluations(self.db)
        self.surveys = SqlSurveys(self.db)
        self.meetings = SqlMeetings(self.db, self.items)
        self.mass_info = SqlMassInfo(self.db, self.items)
        self.petitions = SqlPetitions(self.db)
        self.duty = SqlDuty(self.db)
        self.county = SqlCounty(self.db, self.items)  # 重大疑难事项 at the county (issue 19)

    def is_set_up(self) -> bool:
        """Whether the set-up wizard has run."""
        return is_set_up(self.db)

    def close(self) -> None:
        """Release the database."""
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


_OPEN_ERRORS: tuple[type[BaseException], ...] = (*sqlite_files.ERRORS, DBAPIError, OSError)


class StoreLocked(DomainError):
    """The store is encrypted and no key was given: someone must sign in first."""

    code = "store.locked"


def open_store(home: Path, *, user: str = "", key: bytes | None = None) -> Store:
    """Migrate (after a backup copy) and open the store in a data directory.

    Raises:
        StoreLocked: the store is encrypted (it has a keyring) and ``key`` is None.
        StoreUnavailable: the file cannot be opened (damaged, newer, read-only…).
    """
    path = database_path(home)
    url = server_url(home)
    if url is not None:
        return _open_on_server(home, path, url, user)
    if key is None and keyring.exists(home):
        raise StoreLocked(
            "数据已加密，请先登录（命令行：qunzhong --operator 姓名 …）。", code=StoreLocked.code
        )
    try:
        protect(home)  # a village's personal data: owner-only, also in older folders
        if key is not None:
            from qunzhong_desktop.storage.encryption import resume

            resume(home, path, key)  # a switch-over a power cut interrupted
        migrate.refuse_newer(path, key)
        migrate.upgrade(path, key)
        protect(home)  # the database a first start just made, and its copies
        clean_scratch(home)  # what a killed import or preview left (personal data)
    except _OPEN_ERRORS as exc:
        explained = explain(exc, path)
        if explained is None:
            raise
        raise explained from exc
    store = Store(home=home, db=Database(path, user=user, key=key))
    try:
        adopt_records(store.db)  # help records from before cases (storage/assistance_upgrade)
    except BaseException:
        store.close()
        raise
    return store


def _open_on_server(home: Path, path: Path, url: str, user: str) -> Store:
    """The store of a data directory whose database is on a PostgreSQL server."""
    try:
        protect(home)
        migrate.upgrade_server(url)
        clean_scratch(home)
    except DBAPIError as exc:
        raise explain_server(exc, url) from exc
    store = Store(home=home, db=Database(path, user=user, url=url))
    try:
        adopt_records(store.db)
    except BaseException:
        store.close()
        raise
    return store
