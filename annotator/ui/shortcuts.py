"""The keyboard: which keys the text view claims, and the Help > Shortcuts dialog listing all keys.

Keys with Ctrl are ordinary window shortcuts (menu actions). Single keys (label keys, Tab,
Delete, L, N...) act only while the text view (or the annotations list) has the focus, so they
never fire while typing in the filter box, the find bar or an attribute field; the view claims
them before Qt's shortcut map and focus chain (see DocumentView.key_handler).

Left/right in the edge keys are visual, for right-to-left text: Left moves an edge towards the
end of the text (later in reading order), Right towards its start.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.core.labels import LabelScheme

Mod = Qt.KeyboardModifier
NONE = Mod.NoModifier
ARABIC_INDIC_DIGITS = {chr(0x660 + i): str(i) for i in range(10)} | {chr(0x6F0 + i): str(i) for i in range(10)}

# (keys, what they do) for the dialog; label keys are added from the scheme.
GENERAL_KEYS: list[tuple[str, str]] = [
    (
        QT_TRANSLATE_NOOP("shortcuts", "Label key (1-9, letters)"),
        QT_TRANSLATE_NOOP(
            "shortcuts",
            "Tag the selection with that label (snapped to whole characters, spaces and "
            "punctuation trimmed); with no text selected, give the selected span that label",
        ),
    ),
    (
        QT_TRANSLATE_NOOP("shortcuts", "Alt + label key"),
        QT_TRANSLATE_NOOP("shortcuts", "Tag the exact selection (no snapping or trimming)"),
    ),
    (
        QT_TRANSLATE_NOOP("shortcuts", "Alt + click on a label button"),
        QT_TRANSLATE_NOOP("shortcuts", "The same, with the mouse"),
    ),
    (
        QT_TRANSLATE_NOOP("shortcuts", "Click on a span"),
        QT_TRANSLATE_NOOP("shortcuts", "Select it (click again: the span around it)"),
    ),
    (
        QT_TRANSLATE_NOOP("shortcuts", "Ctrl + click on a span"),
        QT_TRANSLATE_NOOP("shortcuts", "Link the selected span to it (asks which relation when several fit)"),
    ),
    (QT_TRANSLATE_NOOP("shortcuts", "Tab / Shift+Tab"), QT_TRANSLATE_NOOP("shortcuts", "Next / previous span")),
    (
        QT_TRANSLATE_NOOP("shortcuts", "Delete or Backspace"),
        QT_TRANSLATE_NOOP("shortcuts", "Delete the selected span (and its relations)"),
    ),
    (QT_TRANSLATE_NOOP("shortcuts", "Escape"), QT_TRANSLATE_NOOP("shortcuts", "Clear the selection")),
    (
        QT_TRANSLATE_NOOP("shortcuts", "Ctrl+Shift+Left / Ctrl+Shift+Right"),
        QT_TRANSLATE_NOOP("shortcuts", "Move the selected span's end one character later / earlier"),
    ),
    (
        QT_TRANSLATE_NOOP("shortcuts", "Alt+Shift+Left / Alt+Shift+Right"),
        QT_TRANSLATE_NOOP("shortcuts", "Move the selected span's start one character later / earlier"),
    ),
    (
        QT_TRANSLATE_NOOP("shortcuts", "L  or  Ctrl+L"),
        QT_TRANSLATE_NOOP("shortcuts", "Link the selected span: pick the other end from a list (nearest first)"),
    ),
    (
        QT_TRANSLATE_NOOP("shortcuts", "Ctrl+Z"),
        QT_TRANSLATE_NOOP("shortcuts", "Undo (also changes made in another document: it is shown again)"),
    ),
    (QT_TRANSLATE_NOOP("shortcuts", "Ctrl+Shift+Z  or  Ctrl+Y"), QT_TRANSLATE_NOOP("shortcuts", "Redo")),
    (
        QT_TRANSLATE_NOOP("shortcuts", "Ctrl+D"),
        QT_TRANSLATE_NOOP("shortcuts", "Mark the document done (again: back to in progress)"),
    ),
    (
        QT_TRANSLATE_NOOP("shortcuts", "N  or  Ctrl+Enter"),
        QT_TRANSLATE_NOOP("shortcuts", "Go to the next unfinished document"),
    ),
    (
        QT_TRANSLATE_NOOP("shortcuts", "Ctrl+PgDown / Ctrl+PgUp"),
        QT_TRANSLATE_NOOP("shortcuts", "Next / previous document in the list"),
    ),
    (
        QT_TRANSLATE_NOOP("shortcuts", "Ctrl+F"),
        QT_TRANSLATE_NOOP("shortcuts", "Find in the text (Enter: next hit, Shift+Enter: previous, Escape: close)"),
    ),
    (
        QT_TRANSLATE_NOOP("shortcuts", "Ctrl+= (Ctrl++) / Ctrl+- / Ctrl+0"),
        QT_TRANSLATE_NOOP("shortcuts", "Larger / smaller / normal text"),
    ),
    (
        QT_TRANSLATE_NOOP("shortcuts", "F5"),
        QT_TRANSLATE_NOOP("shortcuts", "Reload the project (after changes made outside this window)"),
    ),
    (
        QT_TRANSLATE_NOOP("shortcuts", "Ctrl+O"),
        QT_TRANSLATE_NOOP("shortcuts", "Open a project (or drop a .db file on the window)"),
    ),
    (QT_TRANSLATE_NOOP("shortcuts", "F1"), QT_TRANSLATE_NOOP("shortcuts", "This list")),
]


def key_char(event: QKeyEvent) -> str | None:
    """The character a label key would be ('a'-'z', '0'-'9'), from the key code, so Alt and
    Shift do not change it; Arabic-Indic digits count as digits."""
    key = event.key()
    if Qt.Key.Key_A.value <= key <= Qt.Key.Key_Z.value:
        return chr(key).lower()
    if Qt.Key.Key_0.value <= key <= Qt.Key.Key_9.value:
        return chr(key)
    text = event.text()
    if len(text) == 1:
        if text in ARABIC_INDIC_DIGITS:
            return ARABIC_INDIC_DIGITS[text]
        return text.lower()
    return None


@dataclass(frozen=True)
class ViewKeys:
    """What the view's keys do: each callback is bound to the window."""

    tag: Callable[[str, bool], None]
    has_span: Callable[[], bool]
    has_text_selection: Callable[[], bool]
    next_span: Callable[[], None]
    previous_span: Callable[[], None]
    delete_span: Callable[[], None]
    clear_selection: Callable[[], None]
    move_edge: Callable[[str, int], None]
    link: Callable[[], None]
    next_unfinished: Callable[[], None]
    scheme: Callable[[], LabelScheme]

    def action_for(self, event: QKeyEvent, *, text_view: bool = True) -> Callable[[], None] | None:
        """The action ``event`` triggers, or None to leave the key to Qt."""
        key = event.key()
        mods = event.modifiers() & ~Mod.KeypadModifier
        if text_view and key == Qt.Key.Key_Tab and mods == NONE:
            return self.next_span
        if text_view and (key == Qt.Key.Key_Backtab or (key == Qt.Key.Key_Tab and mods == Mod.ShiftModifier)):
            return self.previous_span
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and mods == NONE and self.has_span():
            return self.delete_span
        if key == Qt.Key.Key_Escape and mods == NONE and (self.has_span() or self.has_text_selection()):
            return self.clear_selection
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right) and self.has_span() and not self.has_text_selection():
            later = 1 if key == Qt.Key.Key_Left else -1  # right-to-left text: Left goes forward
            if mods == Mod.ControlModifier | Mod.ShiftModifier:
                return lambda: self.move_edge("end", later)
            if mods == Mod.AltModifier | Mod.ShiftModifier:
                return lambda: self.move_edge("start", later)
        if mods not in (NONE, Mod.ShiftModifier, Mod.AltModifier, Mod.AltModifier | Mod.ShiftModifier):
            return None
        char = key_char(event)
        if not char:
            return None
        exact = bool(mods & Mod.AltModifier)
        for label in self.scheme().span_labels:
            if label.key and label.key.lower() == char:
                return lambda name=label.name: self.tag(name, exact)
        if mods == NONE and char == "l":
            return self.link
        if mods == NONE and char == "n":
            return self.next_unfinished
        return None


class ShortcutsDialog(QDialog):
    """Help > Shortcuts: every key, including the label keys of the project's scheme."""

    def __init__(self, scheme: LabelScheme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        rows = [
            (QCoreApplication.translate("shortcuts", k), QCoreApplication.translate("shortcuts", w))
            for k, w in GENERAL_KEYS
        ]
        for label in scheme.span_labels:
            if label.key:
                rows.append(
                    (
                        self.tr("{key}  (Alt+{key}: exact)").format(key=label.key),
                        self.tr("Tag as {name}").format(name=label.name),
                    )
                )
        used = {label.key.lower() for label in scheme.span_labels if label.key}
        notes = [
            self.tr("'{upper}' is a label key in this scheme: use Ctrl+{value}").format(
                upper=k.upper(), value="L" if k == "l" else "Enter"
            )
            for k in ("l", "n")
            if k in used
        ]
        self.table = QTableWidget(len(rows), 2)
        self.table.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("Action")])
        for row, (keys, what) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(keys))
            self.table.setItem(row, 1, QTableWidgetItem(what))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.resizeRowsToContents()
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        for note in notes:
            label = QLabel(note)
            label.setTextFormat(Qt.TextFormat.PlainText)
            layout.addWidget(label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        self.resize(820, 620)

    def rows(self) -> list[tuple[str, str]]:
        return [(self.table.item(r, 0).text(), self.table.item(r, 1).text()) for r in range(self.table.rowCount())]
