"""Search the project (Edit > Search the project…, Ctrl+Shift+F): Arabic-normalised search over
every document, hits listed in context; double-click (or Enter) opens the document at the hit,
selected, ready to be tagged. The dialog is not modal: it stays open while you work.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from annotator.assist.search import Hit, ProjectSearch, SearchOptions, search_project
from annotator.store.project import Project
from annotator.ui.fonts import document_font
from annotator.ui.hit_list import HitModel, make_hit_table

SEARCH_MODES = (
    ("clitics", QT_TRANSLATE_NOOP("search_dialog", "Word + clitics")),
    ("word", QT_TRANSLATE_NOOP("search_dialog", "Whole word")),
    ("anywhere", QT_TRANSLATE_NOOP("search_dialog", "Anywhere (also inside words)")),
)
HIT_LIMIT = 5_000


class SearchDialog(QDialog):
    """``openHit(document_id, start, end)`` when a hit is activated."""

    openHit = Signal(int, int, int)

    def __init__(
        self,
        project: Project,
        parent: QWidget | None = None,
        *,
        initial: str = "",
        current_document: Callable[[], int | None] | None = None,
        project_source: Callable[[], Project] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("search_dialog")
        self.setWindowTitle(self.tr("Search the project"))
        self.setModal(False)
        self.project = project
        self._current_document = current_document
        self._project_source = project_source  # the window's project, which may change
        self.result: ProjectSearch | None = None

        self.field = QLineEdit(initial)
        self.field.setObjectName("search_field")
        self.field.setPlaceholderText(self.tr("Words to find (harakat and letter variants are ignored)"))
        self.field.setClearButtonEnabled(True)
        self.field.setFont(document_font(max(12.0, self.font().pointSizeF() * 1.2)))
        self.mode_box = QComboBox()
        self.mode_box.setObjectName("search_mode")
        for mode, text in SEARCH_MODES:
            text = QCoreApplication.translate("search_dialog", text)
            self.mode_box.addItem(text, mode)
        self.mode_box.setToolTip(
            self.tr(
                "Word + clitics: a whole word, also after و ف ب ل ك ال and their combinations "
                "(روسيا finds the stem of لروسيا). Harakat and tatweel are always ignored, and أ إ آ ٱ, ى, ة "
                "match ا, ي, ه."
            )
        )
        self.mode_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.hamza_box = QCheckBox(self.tr("Fold ؤ ئ"))
        self.hamza_box.setToolTip(self.tr("Also fold hamza on waw and ya (ؤ matches و, ئ matches ي)"))
        self.scope_box = QCheckBox(self.tr("Only the current document"))
        self.scope_box.setObjectName("search_current_only")
        self.scope_box.setEnabled(current_document is not None)
        search = QPushButton(self.tr("Search"))
        search.setObjectName("search_button")
        search.setAutoDefault(False)
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setObjectName("search_summary")

        self.model = HitModel()
        self.table = make_hit_table(self.model, font_size=14, parent=self)
        self.table.setObjectName("search_hits")
        self.table.doubleClicked.connect(self._activated)
        self.table.installEventFilter(self)  # Enter opens the current hit

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)

        top = QHBoxLayout()
        top.addWidget(self.field, 1)
        top.addWidget(search)
        options = QHBoxLayout()
        caption = QLabel(self.tr("Match:"))
        caption.setTextFormat(Qt.TextFormat.PlainText)
        options.addWidget(caption)
        options.addWidget(self.mode_box)
        options.addWidget(self.hamza_box)
        options.addWidget(self.scope_box)
        options.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(options)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        hint = QLabel(self.tr("Double-click a hit (or press Enter) to open the document there."))
        hint.setTextFormat(Qt.TextFormat.PlainText)
        hint.setEnabled(False)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.resize(900, 560)

        search.clicked.connect(lambda _checked=False: self.run())
        self.field.returnPressed.connect(self.run)
        self.mode_box.currentIndexChanged.connect(lambda _i: self.run() if self.field.text() else None)
        self.hamza_box.toggled.connect(lambda _c: self.run() if self.field.text() else None)
        self.scope_box.toggled.connect(lambda _c: self.run() if self.field.text() else None)

    def set_project(self, project: Project) -> None:
        self.project = project
        self.model.set_hits([])
        self.summary.setText("")

    def options(self) -> SearchOptions:
        return SearchOptions(mode=self.mode_box.currentData(), fold_hamza=self.hamza_box.isChecked())

    def set_mode(self, mode: str) -> None:
        self.mode_box.setCurrentIndex(self.mode_box.findData(mode))

    def run(self) -> ProjectSearch:
        """Search with the text and options shown; fills the hit list."""
        if self._project_source is not None and self._project_source() is not self.project:
            self.set_project(self._project_source())
        query = self.field.text()
        documents = None
        if self.scope_box.isChecked() and self._current_document is not None:
            current = self._current_document()
            documents = [current] if current is not None else []
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            result = search_project(self.project, query, self.options(), documents=documents, limit=HIT_LIMIT)
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.result = result
        self.model.set_hits(result.hits)
        self.summary.setText(self.describe(result, query))
        if result.hits:
            self.table.selectRow(0)
        return result

    @staticmethod
    def describe(result: ProjectSearch, query: str) -> str:
        if not query.strip():
            return ""
        hits = len(result.hits)
        docs = result.documents_with_hits
        if hits == 0:
            return QCoreApplication.translate(
                "SearchDialog", "No hits in {documents_searched} document{value}."
            ).format(documents_searched=result.documents_searched, value="s" if result.documents_searched != 1 else "")
        text = QCoreApplication.translate("SearchDialog", "{hits} hit{value} in {docs} document{value2}").format(
            hits=hits, value="s" if hits != 1 else "", docs=docs, value2="s" if docs != 1 else ""
        )
        if result.truncated:
            text += QCoreApplication.translate(
                "SearchDialog", " (stopped at the first {hits}; make the search more precise)"
            ).format(hits=hits)
        return text + "."

    def hit(self, row: int) -> Hit:
        return self.model.hit(row)  # type: ignore[return-value]

    def open_row(self, row: int) -> None:
        hit = self.hit(row)
        if self._project_source is not None and self._project_source() is not self.project:
            self.run()  # another project was opened: its hits, not the old ones
            return
        if hit.document_id is not None:
            self.openHit.emit(hit.document_id, hit.start, hit.end)

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_row(index.row())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Enter in the list opens the current hit.
        if (
            watched is self.table
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)  # type: ignore[attr-defined]
        ):
            if self.table.currentIndex().isValid():
                self.open_row(self.table.currentIndex().row())
            return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter in the field searches (returnPressed): it never closes the dialog.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return
        super().keyPressEvent(event)
