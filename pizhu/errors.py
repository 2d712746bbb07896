"""One located error type: every problem a user can fix names its file and line."""
from __future__ import annotations

from pathlib import Path


class BuildError(Exception):
    """A problem in the user's files, printed as ``path:line: message``."""

    def __init__(self, path: str | Path | None, line: int | None, message: str):
        self.path = str(path) if path is not None else None
        self.line = line
        self.message = message
        super().__init__(str(self))

    def __str__(self) -> str:
        where = self.path or "<input>"
        if self.line:
            where += f":{self.line}"
        return f"{where}: {self.message}"


class BuildErrors(Exception):
    """Several BuildErrors collected in one pass, so the user sees them all at once."""

    def __init__(self, errors: list[BuildError]):
        self.errors = errors
        super().__init__("\n".join(str(e) for e in errors))
