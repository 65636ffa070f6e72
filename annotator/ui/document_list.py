"""The project's document list as a Qt table model: title, status, span count.

Item views draw DisplayRole strings as plain text, so titles are never read as HTML. A delegate
lays out each title in the direction of its first strong character, so an Arabic title reads
right to left (and is right aligned) even in a left-to-right interface.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from annotator.store.project import DocumentInfo

STATUS_NAMES = {"new": "new", "in_progress": "in progress", "done": "done"}

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()  # the invalid index: "no parent"


def first_strong_direction(text: str) -> Qt.LayoutDirection | None:
    """The direction of the first strongly directional character (Unicode bidi rule P2), if any."""
    for ch in text:
        bidi = unicodedata.bidirectional(ch)
        if bidi == "L":
            return Qt.LayoutDirection.LeftToRight
        if bidi in ("R", "AL"):
            return Qt.LayoutDirection.RightToLeft
    return None


class DocumentListModel(QAbstractTableModel):
    """Rows are :class:`DocumentInfo` entries; ``show_status`` is off when all layers are shown."""

    TITLE, STATUS, SPANS = range(3)
    HEADERS = ("Title", "Status", "Spans")

    def __init__(self, infos: list[DocumentInfo] | None = None, *, show_status: bool = True, parent=None) -> None:
        super().__init__(parent)
        self._infos: list[DocumentInfo] = list(infos or [])
        self._show_status = show_status

    def set_documents(self, infos: list[DocumentInfo]) -> None:
        self.beginResetModel()
        self._infos = list(infos)
        self.endResetModel()

    def info(self, row: int) -> DocumentInfo:
        return self._infos[row]

    def row_of(self, ext_id: str) -> int | None:
        return next((row for row, info in enumerate(self._infos) if info.ext_id == ext_id), None)

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._infos)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        info = self._infos[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.TITLE:
                return info.title or info.ext_id
            if column == self.STATUS:
                return STATUS_NAMES.get(info.status, info.status) if self._show_status else "—"
            return str(info.span_count)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.SPANS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class TitleDelegate(QStyledItemDelegate):
    """Draws titles in ``font`` (one with Arabic glyphs: the UI font may have none), each laid
    out in the direction of its content (Arabic titles right to left)."""

    def __init__(self, font: QFont | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._font = font

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:
        super().initStyleOption(option, index)
        if self._font is not None:
            option.font = self._font
            option.fontMetrics = QFontMetrics(self._font)
        direction = first_strong_direction(option.text)
        if direction is not None:
            option.direction = direction
