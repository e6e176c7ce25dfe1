"""Typed domain errors: a code, the data to explain it, and a Chinese sentence for the user."""

from __future__ import annotations

from typing import Any


class DomainError(Exception):
    """Base of every rule the domain refuses.

    Attributes:
        code: a stable machine-readable code, e.g. ``"id.checksum"``.
        message: a Chinese sentence that tells the user what is wrong and what to do.
        data: the values that explain the error.
    """

    code: str = "domain"

    def __init__(self, message: str, *, code: str | None = None, **data: Any) -> None:
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code
        self.data = data

    def __str__(self) -> str:
        return self.message


class ValidationError(DomainError):
    """A value typed or imported is not acceptable."""

    code = "invalid"


class DuplicateError(DomainError):
    """A value that must be unique is already taken."""

    code = "duplicate"


class NotFoundError(DomainError):
    """Something asked for does not exist."""

    code = "not_found"


class SetupError(DomainError):
    """The station is not set up, or set up twice."""

    code = "setup"
