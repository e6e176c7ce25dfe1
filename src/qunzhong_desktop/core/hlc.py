"""Hybrid logical clock (SYNC.md): wall-clock milliseconds + counter + node.

Timestamps order changes across PCs whose clocks disagree. Encoded as a fixed-width string
so that text comparison is time order: ``0001764000000000-00000-<node>``.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True, order=True)
class Hlc:
    """One hybrid-logical-clock reading."""

    millis: int
    counter: int
    node: str

    def encode(self) -> str:
        """Fixed-width text whose sort order is the clock's order."""
        return f"{self.millis:016d}-{self.counter:05d}-{self.node}"

    @classmethod
    def decode(cls, text: str) -> Hlc:
        """Parse :meth:`encode`'s output."""
        millis, counter, node = text.split("-", 2)
        return cls(int(millis), int(counter), node)


def tick(last: Hlc, now_millis: int) -> Hlc:
    """The next local reading: never behind ``last`` even if the wall clock went back."""
    if now_millis > last.millis:
        return Hlc(now_millis, 0, last.node)
    return Hlc(last.millis, last.counter + 1, last.node)


def receive(last: Hlc, remote: Hlc, now_millis: int) -> Hlc:
    """Advance the local clock past a reading seen in an imported change."""
    millis = max(last.millis, remote.millis, now_millis)
    if millis == last.millis == remote.millis:
        counter = max(last.counter, remote.counter) + 1
    elif millis == last.millis:
        counter = last.counter + 1
    elif millis == remote.millis:
        counter = remote.counter + 1
    else:
        counter = 0
    return Hlc(millis, counter, last.node)
