"""代办 (agency): the station acts for a resident — fetching a certificate, filing an application.

An item marked 代办 has a mode, the resident's authorisation (the day, written or verbal),
the agent cadre, the office visited, and a record of documents received from the resident,
documents returned and progress. After the work is done the resident is told to collect
(通知领取) and collects (已领取): see the states in :mod:`.states`.
"""

from __future__ import annotations

#: How the station acts: at the station, at the resident's home, on a round.
AGENCY_MODES: tuple[str, ...] = ("定点代办", "上门代办", "流动代办")
#: How the resident authorised it.
AUTH_KINDS: tuple[str, ...] = ("书面", "口头")
#: What an agency record says: a document received, a document returned, progress.
ENTRY_KINDS: tuple[str, ...] = ("收件", "还件", "进展")
