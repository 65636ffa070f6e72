"""A list of hits in context (keyword in context), shared by the search and propagation dialogs.

Each row is a hit: the document title, the hit with a little text on either side (drawn right to
left, the hit centred and highlighted), and the clitics in front of it. The highlight is a
draw-time format range on a QTextLayout, never a format stored in a document, so letters stay
joined across the hit's edges (the lam-alef of لأوكرانيا). Text is always plain, never HTML.
Rows may carry a check box (the propagation preview).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPalette, QTextCharFormat, QTextLayout, QTextOption
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from annotator.ui.document_list import TitleDelegate
from annotator.ui.fonts import document_font
from annotator.ui.plain_text import plain_tooltip

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
HIT_ROLE = Qt.ItemDataRole.UserRole + 1  # (before, surface, after) of a context cell
HIT_COLOR = QColor("#ffd54f")
FSI, PDI = "\u2068", "\u2069"  # FIRST STRONG ISOLATE ... POP DIRECTIONAL ISOLATE


def quoted(text: str) -> str:
    """``«text»`` for a UI sentence, the text in a bidi isolate: the guillemets stay where they
    belong around Arabic in an English sentence (and around Latin in an Arabic one)."""
    return f"«{FSI}{text}{PDI}»"


class HitLike(Protocol):
    start: int
    end: int
    surface: str
    before: str
    after: str
    clitics: tuple[str, ...]
    title: str


def clitic_text(clitics: Sequence[str]) -> str:
    """و + ب + ال -> "و+ب+ال" (empty for none)."""
    return "+".join(clitics)


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


class HitModel(QAbstractTableModel):
    """Rows of hits; columns: document, context, clitics (and, with ``notes``, a note per hit)."""

    DOCUMENT, CONTEXT, CLITICS, NOTE = range(4)
    HEADERS = (
        QT_TRANSLATE_NOOP("HitModel", "Document"),
        QT_TRANSLATE_NOOP("HitModel", "Context"),
        QT_TRANSLATE_NOOP("HitModel", "Clitics"),
        QT_TRANSLATE_NOOP("HitModel", "Note"),
    )

    def __init__(
        self, hits: Sequence[HitLike] = (), *, checkable: bool = False, notes: Sequence[str] | None = None, parent=None
    ) -> None:
        super().__init__(parent)
        self._hits: list[HitLike] = list(hits)
        self._checked: list[bool] = [True] * len(self._hits)
        self._notes: list[str] = list(notes) if notes is not None else []
        self._checkable = checkable

    # -- content ---------------------------------------------------------------------------

    def set_hits(self, hits: Sequence[HitLike], notes: Sequence[str] | None = None) -> None:
        self.beginResetModel()
        self._hits = list(hits)
        self._checked = [True] * len(self._hits)
        self._notes = list(notes) if notes is not None else []
        self.endResetModel()

    def hit(self, row: int) -> HitLike:
        return self._hits[row]

    def hits(self) -> list[HitLike]:
        return list(self._hits)

    def checked_hits(self) -> list[HitLike]:
        return [hit for hit, checked in zip(self._hits, self._checked, strict=True) if checked]

    def is_checked(self, row: int) -> bool:
        return self._checked[row]

    def set_checked(self, row: int, checked: bool) -> None:
        self._checked[row] = checked
        index = self.index(row, self.DOCUMENT)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])

    def set_all_checked(self, checked: bool) -> None:
        if not self._hits:
            return
        self._checked = [checked] * len(self._hits)
        self.dataChanged.emit(
            self.index(0, self.DOCUMENT),
            self.index(len(self._hits) - 1, self.DOCUMENT),
            [Qt.ItemDataRole.CheckStateRole],
        )

    # -- Qt model --------------------------------------------------------------------------

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._hits)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else 4 if self._notes else 3

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("HitModel", self.HEADERS[section])
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self._checkable and index.column() == self.DOCUMENT:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        hit = self._hits[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.CheckStateRole and self._checkable and column == self.DOCUMENT:
            return Qt.CheckState.Checked if self._checked[index.row()] else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.DOCUMENT:
                return hit.title
            if column == self.CONTEXT:
                return hit.before + hit.surface + hit.after
            if column == self.CLITICS:
                return clitic_text(hit.clitics)
            if column == self.NOTE:
                return self._notes[index.row()]
        if role == HIT_ROLE and column == self.CONTEXT:
            return (hit.before, hit.surface, hit.after)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.CONTEXT:
            return plain_tooltip(f"{hit.start}-{hit.end}: {hit.surface}")
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role == Qt.ItemDataRole.CheckStateRole and self._checkable and index.column() == self.DOCUMENT:
            state = value if isinstance(value, Qt.CheckState) else Qt.CheckState(value)
            self.set_checked(index.row(), state == Qt.CheckState.Checked)
            return True
        return False


class ContextDelegate(QStyledItemDelegate):
    """Draws (before, hit, after) right to left on one line, the hit centred and highlighted."""

    def __init__(self, font: QFont, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.font = font

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        metrics = QFontMetricsF(self.font)
        return QSize(400, int(metrics.height() + 8))

    def layout(self, before: str, surface: str, after: str) -> tuple[QTextLayout, float, float]:
        """A laid-out line and the x range of the hit in it (left, right)."""
        text = before + surface + after
        layout = QTextLayout(text, self.font)
        option = QTextOption()
        option.setTextDirection(Qt.LayoutDirection.RightToLeft)
        option.setWrapMode(QTextOption.WrapMode.NoWrap)
        layout.setTextOption(option)
        layout.beginLayout()
        line = layout.createLine()
        line.setLineWidth(1_000_000)
        width = line.naturalTextWidth()
        line.setLineWidth(width + 2)
        line.setPosition(QPointF(0, 0))
        layout.endLayout()
        start = utf16_len(before)
        end = start + utf16_len(surface)
        x1 = line.cursorToX(start)[0]
        x2 = line.cursorToX(end)[0]
        return layout, min(x1, x2), max(x1, x2)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        parts = index.data(HIT_ROLE)
        if not parts:
            super().paint(painter, option, index)
            return
        style = option.widget.style() if option.widget is not None else None
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, option.widget)
        before, surface, after = parts
        layout, left, right = self.layout(before, surface, after)
        rect = QRectF(option.rect).adjusted(4, 0, -4, 0)
        line = layout.lineAt(0)
        x = rect.center().x() - (left + right) / 2
        y = rect.top() + (rect.height() - line.height()) / 2
        selection = QTextLayout.FormatRange()
        selection.start = utf16_len(before)
        selection.length = utf16_len(surface)
        highlight = QTextCharFormat()
        highlight.setBackground(HIT_COLOR)
        highlight.setForeground(QColor("black"))
        selection.format = highlight
        painter.save()
        painter.setClipRect(rect)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.setPen(option.palette.color(role))
        layout.draw(painter, QPointF(x, y), [selection])
        painter.restore()


def make_hit_table(model: HitModel, *, font_size: float = 14.0, parent: QWidget | None = None) -> QTableView:
    """A table view over ``model`` with the context column drawn by :class:`ContextDelegate`."""
    table = QTableView(parent)
    table.setModel(model)
    font = document_font(font_size)
    table.setItemDelegateForColumn(HitModel.CONTEXT, ContextDelegate(font, table))
    # titles and clitics laid out in the direction of their content (Arabic: right to left)
    small = document_font(max(10.0, font_size * 0.8))
    table.setItemDelegateForColumn(HitModel.DOCUMENT, TitleDelegate(small, table))
    table.setItemDelegateForColumn(HitModel.CLITICS, TitleDelegate(font, table))
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(int(QFontMetricsF(font).height() + 8))
    header = table.horizontalHeader()
    header.setSectionResizeMode(HitModel.DOCUMENT, QHeaderView.ResizeMode.Interactive)
    header.setSectionResizeMode(HitModel.CONTEXT, QHeaderView.ResizeMode.Stretch)
    header.setSectionResizeMode(HitModel.CLITICS, QHeaderView.ResizeMode.ResizeToContents)
    table.setColumnWidth(HitModel.DOCUMENT, 180)
    return table
