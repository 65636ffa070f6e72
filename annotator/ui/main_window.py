"""The main window (read-only for now): the project's documents and the one being read.

Left, the document list (title, status, span count); right, the document in a
:class:`DocumentView` with the current annotator's spans (all layers when no annotator is
given). The status bar says who is annotating, which document of how many, and how many spans.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction, QFontMetrics, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QMainWindow, QSplitter, QTableView, QWidget

from annotator.core.model import Document
from annotator.store.project import Project
from annotator.ui.document_list import DocumentListModel, TitleDelegate
from annotator.ui.document_view import DocumentView
from annotator.ui.fonts import DEFAULT_POINT_SIZE, document_font

APP_TITLE = "Annotator"


def _plain_label() -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setContentsMargins(8, 0, 8, 0)
    return label


class MainWindow(QMainWindow):
    """Shows the documents of ``project`` and the spans of ``annotator`` (None: every layer)."""

    def __init__(
        self,
        project: Project,
        *,
        annotator: str | None = None,
        font_size: float | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.project = project
        self.annotator = annotator
        self.scheme = project.scheme()
        self._document: Document | None = None
        self._default_font_size = float(font_size or DEFAULT_POINT_SIZE)

        name = project.path.name if project.path is not None else "(in memory)"
        self.setWindowTitle(f"{name} — {APP_TITLE}")

        self.document_model = DocumentListModel(project.document_list(annotator), show_status=annotator is not None)
        self.document_table = QTableView()
        self.document_table.setModel(self.document_model)
        title_font = document_font(self.document_table.font().pointSizeF() * 1.2)
        self.document_table.setItemDelegateForColumn(
            DocumentListModel.TITLE, TitleDelegate(title_font, self.document_table)
        )
        self.document_table.verticalHeader().setDefaultSectionSize(QFontMetrics(title_font).height() + 6)
        self.document_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.document_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.document_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.document_table.setAlternatingRowColors(True)
        self.document_table.setWordWrap(False)
        self.document_table.verticalHeader().hide()
        header = self.document_table.horizontalHeader()
        header.setSectionResizeMode(DocumentListModel.TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(DocumentListModel.STATUS, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(DocumentListModel.SPANS, QHeaderView.ResizeMode.ResizeToContents)

        self.document_view = DocumentView(font_size=self._default_font_size)
        self.document_view.setPlaceholderText("This project has no documents yet. Import some with 'annotator import'.")

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.document_table)
        splitter.addWidget(self.document_view)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([320, 880])
        splitter.setChildrenCollapsible(False)
        self.setCentralWidget(splitter)

        self.annotator_label = _plain_label()
        self.position_label = _plain_label()
        self.span_count_label = _plain_label()
        status = self.statusBar()
        for label in (self.annotator_label, self.position_label, self.span_count_label):
            status.addPermanentWidget(label)
        self.annotator_label.setText(f"Annotator: {annotator}" if annotator else "Annotator: all layers")

        self._make_actions()
        self.document_table.selectionModel().currentRowChanged.connect(self._on_current_row_changed)
        if self.document_model.rowCount() > 0:
            self.show_row(0)
        else:
            self._update_status()

    # -- actions ----------------------------------------------------------------------------

    def _make_actions(self) -> None:
        def action(text: str, shortcut: QKeySequence | QKeySequence.StandardKey | str, slot) -> QAction:
            act = QAction(text, self)
            act.setShortcut(QKeySequence(shortcut))
            act.triggered.connect(lambda _checked=False: slot())  # drop triggered's "checked" argument
            return act

        file_menu = self.menuBar().addMenu("&File")
        file_menu.addAction(action("&Quit", QKeySequence.StandardKey.Quit, self.close))

        view_menu = self.menuBar().addMenu("&View")
        self.zoom_in_action = action("Zoom &in", QKeySequence.StandardKey.ZoomIn, self.document_view.zoom_in)
        self.zoom_out_action = action("Zoom &out", QKeySequence.StandardKey.ZoomOut, self.document_view.zoom_out)
        self.zoom_reset_action = action("&Normal size", "Ctrl+0", self.reset_zoom)
        for act in (self.zoom_in_action, self.zoom_out_action, self.zoom_reset_action):
            view_menu.addAction(act)

        go_menu = self.menuBar().addMenu("&Go")
        self.next_action = action("&Next document", "Ctrl+PgDown", self.next_document)
        self.previous_action = action("&Previous document", "Ctrl+PgUp", self.previous_document)
        go_menu.addAction(self.next_action)
        go_menu.addAction(self.previous_action)

    def reset_zoom(self) -> None:
        self.document_view.set_font_point_size(self._default_font_size)

    # -- navigation -------------------------------------------------------------------------

    def document_count(self) -> int:
        return self.document_model.rowCount()

    def current_row(self) -> int:
        """Row of the document shown, -1 when none is."""
        return self.document_table.currentIndex().row()

    def current_document(self) -> Document | None:
        return self._document

    def show_row(self, row: int) -> None:
        """Select row ``row`` of the list; the view follows."""
        if not 0 <= row < self.document_count():
            return
        index = self.document_model.index(row, DocumentListModel.TITLE)
        self.document_table.setCurrentIndex(index)
        self.document_table.scrollTo(index)

    def select_document(self, ext_id: str) -> bool:
        """Show the document whose external id is ``ext_id``; False if there is none."""
        row = self.document_model.row_of(ext_id)
        if row is None:
            return False
        self.show_row(row)
        return True

    def next_document(self) -> None:
        self.show_row(self.current_row() + 1)

    def previous_document(self) -> None:
        self.show_row(self.current_row() - 1)

    def _on_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        info = self.document_model.info(current.row())
        self._document = self.project.document(info.id)
        spans = self.project.spans(info.id, self.annotator)
        self.document_view.set_document(self._document.text, spans, self.scheme)
        self._update_status()

    def _update_status(self) -> None:
        row = self.current_row()
        count = self.document_count()
        self.position_label.setText(f"Document {row + 1}/{count}" if row >= 0 else f"Document 0/{count}")
        spans = len(self.document_view.spans)
        self.span_count_label.setText(f"{spans} span" if spans == 1 else f"{spans} spans")
