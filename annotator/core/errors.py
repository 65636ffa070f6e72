"""Errors that name what went wrong and where, so a user can fix their input."""

from __future__ import annotations


class AnnotatorError(Exception):
    """Base class for every error the annotator reports to a user."""


class InputError(AnnotatorError):
    """A bad input record: names the file, the line (1-based) and the field at fault."""

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        line: int | None = None,
        field: str | None = None,
    ) -> None:
        self.message = message
        self.path = path
        self.line = line
        self.field = field
        super().__init__(str(self))

    def __str__(self) -> str:
        where = []
        if self.path is not None:
            where.append(str(self.path))
        if self.line is not None:
            where.append(f"line {self.line}")
        if self.field is not None:
            where.append(f"field '{self.field}'")
        prefix = ", ".join(where)
        return f"{prefix}: {self.message}" if prefix else self.message

    def located(self, *, path: str | None = None, line: int | None = None) -> InputError:
        """Return a copy that also names the file and line (keeping what is already known)."""
        return InputError(
            self.message,
            path=self.path if self.path is not None else path,
            line=self.line if self.line is not None else line,
            field=self.field,
        )


class OffsetError(AnnotatorError):
    """A span's offsets do not fit its document text."""


class SchemaVersionError(AnnotatorError):
    """The project database was written by a newer version of the annotator."""


class Cancelled(AnnotatorError):
    """A long operation was cancelled by the user; nothing was written."""
