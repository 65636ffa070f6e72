"""The project's document list as a Qt table model: title, status, span count.

Item views draw DisplayRole strings as plain text, so titles are never read as HTML. A delegate
lays out each title in the direction of its first strong character, so an Arabic title reads
right to left (and is right aligned) even in a left-to-right interface. ``SORT_ROLE`` gives each
column a sort key (numbers for span counts, workflow order for status) for the filter/sort proxy
:class:`DocumentFilter`.
"""

from __future__ import annotations

import unicodedata
from dataclasses import replace
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from annotator.store.project import DocumentInfo

STATUS_NAMES = {
    "new": QT_TRANSLATE_NOOP("document_list", "new"),
    "in_progress": QT_TRANSLATE_NOOP("document_list", "in progress"),
    "done": QT_TRANSLATE_NOOP("document_list", "done"),
}
STATUS_ORDER = {"new": 0, "in_progress": 1, "done": 2}
SORT_ROLE = Qt.ItemDataRole.UserRole + 1

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
    HEADERS = (
        QT_TRANSLATE_NOOP("DocumentListModel", "Title"),
        QT_TRANSLATE_NOOP("DocumentListModel", "Status"),
        QT_TRANSLATE_NOOP("DocumentListModel", "Spans"),
    )

    def __init__(self, infos: list[DocumentInfo] | None = None, *, show_status: bool = True, parent=None) -> None:
        super().__init__(parent)
        self._infos: list[DocumentInfo] = list(infos or [])
        self._show_status = show_status

    def set_documents(self, infos: list[DocumentInfo], *, show_status: bool | None = None) -> None:
        self.beginResetModel()
        self._infos = list(infos)
        if show_status is not None:
            self._show_status = show_status
        self.endResetModel()

    def info(self, row: int) -> DocumentInfo:
        return self._infos[row]

    def infos(self) -> list[DocumentInfo]:
        return list(self._infos)

    def row_of(self, ext_id: str) -> int | None:
        return next((row for row, info in enumerate(self._infos) if info.ext_id == ext_id), None)

    def row_of_id(self, doc_id: int) -> int | None:
        return next((row for row, info in enumerate(self._infos) if info.id == doc_id), None)

    def update_row(self, row: int, **changes: Any) -> None:
        """Change some fields of one entry (span count, status) and repaint its row."""
        self._infos[row] = replace(self._infos[row], **changes)
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._infos)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("DocumentListModel", self.HEADERS[section])
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
                return (
                    QCoreApplication.translate("document_list", STATUS_NAMES.get(info.status, info.status))
                    if self._show_status
                    else "—"
                )
            return str(info.span_count)
        if role == SORT_ROLE:
            if column == self.TITLE:
                return (info.title or info.ext_id).casefold()
            if column == self.STATUS:
                return STATUS_ORDER.get(info.status, 0)
            return info.span_count
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.SPANS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class DocumentFilter(QSortFilterProxyModel):
    """Filters rows by a substring of the title, the document id or the status (case-insensitive)
    and sorts by ``SORT_ROLE``; unsorted, it keeps the project's order."""

    def __init__(self, source: DocumentListModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSourceModel(source)
        self.setSortRole(SORT_ROLE)
        self._needle = ""

    def set_needle(self, needle: str) -> None:
        self.beginFilterChange()
        self._needle = needle.casefold().strip()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self._needle:
            return True
        model: DocumentListModel = self.sourceModel()  # type: ignore[assignment]
        info = model.info(source_row)
        status = QCoreApplication.translate("document_list", STATUS_NAMES.get(info.status, info.status))
        return any(self._needle in field.casefold() for field in (info.title, info.ext_id, status))


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
