"""What the GUI remembers between runs: window geometry and state, text size, recent projects,
the annotator's name and the interface language.

:class:`AppSettings` wraps a QSettings in INI format, user scope, organisation and application
"annotator" (``~/.config/annotator/annotator.ini`` on Linux). ``AppSettings.memory()`` keeps
everything in a dict instead: screenshot mode and tests use it, so they neither read nor change
the user's settings.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

ORGANISATION = "annotator"
APPLICATION = "annotator"
MAX_RECENT = 10
LANGUAGE_CHOICES = ("system", "en", "ar")
CLITIC_MODES = ("off", "offer", "apply")  # see clitic_selection.py


class AppSettings:
    """Typed access to the GUI's persistent settings."""

    def __init__(self, store: QSettings | None) -> None:
        self._store = store
        self._memory: dict[str, Any] = {}

    @classmethod
    def user(cls) -> AppSettings:
        """The user's settings file."""
        return cls(QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANISATION, APPLICATION))

    @classmethod
    def at(cls, path: str | Path) -> AppSettings:
        """Settings kept in the INI file at ``path``."""
        return cls(QSettings(str(path), QSettings.Format.IniFormat))

    @classmethod
    def memory(cls) -> AppSettings:
        """Settings that live only as long as this object."""
        return cls(None)

    @property
    def persistent(self) -> bool:
        return self._store is not None

    def _get(self, key: str) -> Any:
        if self._store is None:
            return self._memory.get(key)
        return self._store.value(key)

    def _set(self, key: str, value: Any) -> None:
        if self._store is None:
            self._memory[key] = value
        else:
            self._store.setValue(key, value)

    def sync(self) -> None:
        if self._store is not None:
            self._store.sync()

    # -- values -----------------------------------------------------------------------------

    def annotator(self) -> str | None:
        value = self._get("annotator")
        name = str(value).strip() if value else ""
        return name or None

    def set_annotator(self, name: str) -> None:
        self._set("annotator", name)

    def font_size(self) -> float | None:
        value = self._get("view/font_size")
        try:
            return float(value) if value is not None else None
        except (TypeError, ValueError):
            return None

    def set_font_size(self, size: float) -> None:
        self._set("view/font_size", float(size))

    def language(self) -> str:
        """The interface language chosen: "en", "ar" or "system" (the default: follow the system locale)."""
        value = str(self._get("view/language") or "system")
        return value if value in LANGUAGE_CHOICES else "system"

    def set_language(self, language: str) -> None:
        if language not in LANGUAGE_CHOICES:
            raise ValueError(f"unknown language {language!r} (one of {', '.join(LANGUAGE_CHOICES)})")
        self._set("view/language", language)

    def clitic_mode(self) -> str:
        """What selecting a clitic-attached word does: "off", "offer" (the default) or "apply"."""
        value = self._get("annotate/clitic_mode")
        return value if value in CLITIC_MODES else "offer"

    def set_clitic_mode(self, mode: str) -> None:
        if mode not in CLITIC_MODES:
            raise ValueError(f"unknown clitic mode {mode!r} (one of {', '.join(CLITIC_MODES)})")
        self._set("annotate/clitic_mode", mode)

    def geometry(self) -> QByteArray | None:
        value = self._get("window/geometry")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def state(self) -> QByteArray | None:
        value = self._get("window/state")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_window(self, geometry: QByteArray, state: QByteArray) -> None:
        self._set("window/geometry", geometry)
        self._set("window/state", state)

    def recent_projects(self) -> list[str]:
        value = self._get("recent_projects")
        if value is None:
            return []
        if isinstance(value, str):  # QSettings returns a one-item list as a plain string
            value = [value]
        return [str(v) for v in value if v][:MAX_RECENT]

    def add_recent_project(self, path: str | Path) -> list[str]:
        """Put ``path`` first in the recent list (once); returns the new list."""
        entry = str(Path(path).resolve())
        recent = [entry, *(p for p in self.recent_projects() if p != entry)][:MAX_RECENT]
        self._set("recent_projects", recent)
        return recent

    def remove_recent_project(self, path: str) -> None:
        self._set("recent_projects", [p for p in self.recent_projects() if p != path])
