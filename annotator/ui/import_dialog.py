"""File > Import…: ``annotator import`` in the GUI, every format of the registry.

Files and folders are listed with the format detected for each (from its extension and content,
:func:`annotator.formats.registry.detect_import_format`); a format chosen in the list overrides
detection for all of them. Options as on the command line: the annotator layer every imported
span goes to (empty: the layer named in the file, else the project's annotator), adding unknown
labels to the scheme, for CoNLL repairing malformed lines instead of stopping and which columns
hold the tags, and for Label Studio importing predictions as suggestions.

The import runs in a :class:`~annotator.ui.progress.ProjectJob` (its own connection, in a worker
thread) in one transaction: a bad record stops it with the file, line and field at fault, and
nothing is imported; so does Cancel. On success :attr:`ImportDialog.imported` is emitted and the
main window reads its document list again.

User text (paths, layer names, error messages, the report's notes) is shown as plain text only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from annotator.core.errors import AnnotatorError
from annotator.formats.conll import parse_tag_columns
from annotator.formats.registry import IMPORTS, ImportOptions, detect_import_format, import_paths
from annotator.formats.report import ImportReport
from annotator.store.project import Project
from annotator.ui.dialogs import message_box
from annotator.ui.fonts import document_font
from annotator.ui.job_dialog import JobDialog
from annotator.ui.progress import Progress, percent

if TYPE_CHECKING:
    from annotator.ui.main_window import MainWindow

AUTO = "auto"
NOTHING_IMPORTED = QT_TRANSLATE_NOOP("import_dialog", "Nothing was imported: the project is unchanged.")
FSI, PDI = "\u2068", "\u2069"  # bidi isolates: an Arabic file name keeps its own direction


def _plain(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


@dataclass
class ImportRequest:
    """One import: sources and the command line's options (format "auto": detect each)."""

    sources: list[Path]
    options: ImportOptions = field(default_factory=ImportOptions)
    kinds: list[tuple[Path, str]] = field(default_factory=list)  # filled in by run()

    def run(self, project: Project, progress: Progress) -> ImportReport:
        """Import every source in one transaction (in the worker thread), as ``annotator import`` does."""
        self.kinds = []
        return import_paths(
            project,
            self.sources,
            self.options,
            progress=progress,
            read_as=lambda path, kind: self.kinds.append((path, kind)),
        )


def report_text(report: ImportReport, kinds: list[tuple[Path, str]]) -> str:
    lines = [QCoreApplication.translate("import_dialog", "Imported: {summary}").format(summary=report.summary()), ""]
    lines += [f"{FSI}{path}{PDI}: {kind}" for path, kind in kinds]
    if report.notes:
        lines += ["", QCoreApplication.translate("import_dialog", "Notes:")]
        lines += [f"  {note}" for note in report.notes]
    return "\n".join(lines)


class ImportDialog(JobDialog):
    """Import files into the project at ``project.path``.

    ``project`` (the window's connection) is only read here, in the GUI thread (layer names, and
    the documents there were before, so the window can show the first new one).
    """

    imported = Signal(object)  # the total ImportReport, after the transaction committed

    def __init__(self, project: Project, parent: QWidget | None = None) -> None:
        super().__init__(project.path, parent)
        self.setObjectName("import_dialog")
        self.setWindowTitle(self.tr("Import documents and annotations"))
        self.project = project
        self.request: ImportRequest | None = None
        self.report: ImportReport | None = None
        self.error: str | None = None
        self.error_box: QMessageBox | None = None
        self.document_ids_before: set[int] = set()
        text_font = document_font(max(12.0, self.font().pointSizeF() * 1.2))

        self.sources_list = QListWidget()
        self.sources_list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.sources_list.setMinimumWidth(560)
        self.sources_list.setMinimumHeight(120)
        self.sources_list.setFont(text_font)
        self.add_files_button = QPushButton(self.tr("Add files…"))
        self.add_folder_button = QPushButton(self.tr("Add folder…"))
        self.remove_button = QPushButton(self.tr("Remove"))
        source_buttons = QHBoxLayout()
        for button in (self.add_files_button, self.add_folder_button, self.remove_button):
            source_buttons.addWidget(button)
        source_buttons.addStretch(1)
        sources_box = QVBoxLayout()
        sources_box.addWidget(self.sources_list)
        sources_box.addLayout(source_buttons)

        self.format_combo = QComboBox()
        self.format_combo.addItem(self.tr("Detect the format of each file (shown in the list)"), AUTO)
        for fmt in IMPORTS.values():
            self.format_combo.addItem(f"{fmt.name}  —  {fmt.description}", fmt.name)

        self.annotator_combo = QComboBox()
        self.annotator_combo.setEditable(True)
        self.annotator_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.annotator_combo.setFont(text_font)
        self.annotator_combo.addItem("")
        for name in project.annotators():
            self.annotator_combo.addItem(name)
        self.annotator_combo.lineEdit().setPlaceholderText(self.tr("as in the file (else the project's annotator)"))
        self.annotator_combo.setCurrentIndex(0)

        self.add_labels_check = QCheckBox(
            self.tr("Add unknown labels to the label scheme (instead of refusing the file)")
        )
        self.repair_check = QCheckBox(
            self.tr("CoNLL: repair malformed lines (each repair is listed) instead of stopping")
        )
        self.predictions_check = QCheckBox(
            self.tr("Label Studio: import predictions (a model's pre-annotations) as suggestions to accept or reject")
        )
        self.tag_columns_edit = QLineEdit()
        self.tag_columns_edit.setObjectName("tag_columns")
        self.tag_columns_edit.setPlaceholderText(
            self.tr("every column after the token if all hold BIO tags, else the last (e.g. 4, -1 or 3,4)")
        )
        self.tag_columns_edit.setToolTip(
            self.tr(
                "CoNLL: the columns that hold BIO tags; column 1 is the token, -1 the last column. "
                "CoNLL-2003 files (token, part of speech, chunk, entity) need nothing here."
            )
        )

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(_plain(self.tr("Files")), sources_box)
        form.addRow(_plain(self.tr("Format")), self.format_combo)
        form.addRow(_plain(self.tr("Annotator layer")), self.annotator_combo)
        form.addRow(_plain(""), self.add_labels_check)
        form.addRow(_plain(""), self.repair_check)
        form.addRow(_plain(""), self.predictions_check)
        self.tag_columns_label = _plain(self.tr("CoNLL tag columns"))
        form.addRow(self.tag_columns_label, self.tag_columns_edit)

        self.progress_bar = QProgressBar()
        self.progress_bar.setRange(0, 100)
        self.progress_bar.setValue(0)
        self.status_label = _plain(self.tr("One transaction: if anything is wrong, nothing is imported."))
        self.status_label.setWordWrap(True)
        self.report_view = QPlainTextEdit()
        self.report_view.setReadOnly(True)
        self.report_view.setPlaceholderText(self.tr("What was imported (or what is wrong) appears here."))
        self.report_view.setFont(text_font)
        self.report_view.setMinimumHeight(110)

        self.run_button = QPushButton(self.tr("Import"))
        self.run_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setEnabled(False)
        self.close_button = QPushButton(self.tr("Close"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.run_button, self.cancel_button, self.close_button):
            buttons.addWidget(button)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.status_label)
        layout.addWidget(self.report_view)
        layout.addLayout(buttons)

        self.add_files_button.clicked.connect(self.browse_files)
        self.add_folder_button.clicked.connect(self.browse_folder)
        self.remove_button.clicked.connect(self.remove_selected)
        self.format_combo.currentIndexChanged.connect(self._update)
        self.run_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button.clicked.connect(self.close)
        self._update()

    # -- sources and options ----------------------------------------------------------------

    def sources(self) -> list[Path]:
        return [
            Path(self.sources_list.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(self.sources_list.count())
        ]

    def add_sources(self, paths: list[str | Path]) -> None:
        """Add files or folders to the list (each once), with the format detected for each."""
        have = {str(p) for p in self.sources()}
        for raw in paths:
            path = Path(raw)
            if str(path) in have:
                continue
            have.add(str(path))
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            self.sources_list.addItem(item)
        self._update()

    def detected(self, path: Path) -> str:
        try:
            return detect_import_format(path)
        except OSError:
            return "unreadable"

    def remove_selected(self) -> None:
        for item in self.sources_list.selectedItems():
            self.sources_list.takeItem(self.sources_list.row(item))
        self._update()

    def browse_files(self) -> None:
        start = str(self.project_path.parent) if self.project_path is not None else ""
        paths, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Import files"),
            start,
            self.tr(
                "Annotations and text (*.jsonl *.ndjson *.json *.conll *.conllu *.iob *.bio *.tsv *.ann *.txt *.text);;"
                "All files (*)"
            ),
        )
        if paths:
            self.add_sources(paths)

    def browse_folder(self) -> None:
        start = str(self.project_path.parent) if self.project_path is not None else ""
        path = QFileDialog.getExistingDirectory(self, self.tr("Import a folder (brat, or text files)"), start)
        if path:
            self.add_sources([path])

    def set_format(self, name: str) -> None:
        index = self.format_combo.findData(name)
        if index < 0:
            raise KeyError(name)
        self.format_combo.setCurrentIndex(index)

    def _update(self) -> None:
        """Show the format each source will be read as; the repair option only where it applies."""
        chosen = self.format_combo.currentData()
        kinds = []
        for i in range(self.sources_list.count()):
            item = self.sources_list.item(i)
            path = Path(item.data(Qt.ItemDataRole.UserRole))
            if chosen == AUTO:
                kind = self.detected(path)
                item.setText(
                    self.tr("{FSI}{path}{PDI}    [{kind}, detected]").format(FSI=FSI, path=path, PDI=PDI, kind=kind)
                )
            else:
                kind = chosen
                item.setText(f"{FSI}{path}{PDI}    [{kind}]")
            kinds.append(kind)
        conll = "conll" in kinds or chosen == "conll"
        self.predictions_check.setEnabled("labelstudio" in kinds or chosen == "labelstudio")
        self.repair_check.setEnabled(conll)
        self.tag_columns_edit.setEnabled(conll)
        self.tag_columns_label.setEnabled(conll)
        self.run_button.setEnabled(self.state != "running" and bool(kinds))

    def build_request(self) -> ImportRequest:
        sources = self.sources()
        if not sources:
            raise AnnotatorError("add the files or folders to import")
        missing = [p for p in sources if not p.exists()]
        if missing:
            raise AnnotatorError(f"{missing[0]}: no such file or folder")
        name = " ".join(self.annotator_combo.currentText().split()) or None
        tag_columns = None
        if self.tag_columns_edit.isEnabled() and self.tag_columns_edit.text().strip():
            tag_columns = parse_tag_columns(self.tag_columns_edit.text())
        options = ImportOptions(
            format=self.format_combo.currentData(),
            annotator=name,
            add_labels=self.add_labels_check.isChecked(),
            repair=self.repair_check.isChecked() and self.repair_check.isEnabled(),
            tag_columns=tag_columns,
            predictions=self.predictions_check.isChecked() and self.predictions_check.isEnabled(),
        )
        return ImportRequest(sources=sources, options=options)

    # -- running ----------------------------------------------------------------------------

    def start(self) -> bool:
        """Run the import in a worker thread; False if it could not start."""
        if self.state == "running":
            return False
        if self.project_path is None:
            self._show_error(
                self.tr("This project is not saved in a file, so it cannot be imported into in the background.")
            )
            return False
        try:
            request = self.build_request()
        except AnnotatorError as exc:
            self._show_error(str(exc))
            return False
        self.request = request
        self.report = None
        self.error = None
        self.document_ids_before = set(self.project.document_ids())
        self.report_view.clear()
        self.progress_bar.setValue(0)
        self.status_label.setText(self.tr("Importing…"))
        self._launch(request.run)
        return True

    def _set_running(self, running: bool) -> None:
        for widget in (
            self.sources_list,
            self.add_files_button,
            self.add_folder_button,
            self.remove_button,
            self.format_combo,
            self.annotator_combo,
            self.add_labels_check,
        ):
            widget.setEnabled(not running)
        self.cancel_button.setEnabled(running)
        self.close_button.setEnabled(not running)
        if running:
            self.repair_check.setEnabled(False)
            self.predictions_check.setEnabled(False)
            self.tag_columns_edit.setEnabled(False)
            self.run_button.setEnabled(False)
        else:
            self._update()

    def _progressed(self, done: int, total: int) -> None:
        self.progress_bar.setValue(percent(done, total))

    def _succeeded(self, report: ImportReport) -> None:
        self.report = report
        self.progress_bar.setValue(100)
        self._finish("succeeded")
        count = report.documents_added
        self.status_label.setText(
            self.tr("Imported {count} document{value}.").format(count=count, value="" if count == 1 else "s")
        )
        self.report_view.setPlainText(report_text(report, self.request.kinds if self.request else []))
        self.imported.emit(report)

    def _failed(self, message: str) -> None:
        self.error = message
        self.progress_bar.setValue(0)
        self._finish("failed")
        self.status_label.setText(QCoreApplication.translate("import_dialog", NOTHING_IMPORTED))
        self.report_view.setPlainText(QCoreApplication.translate("import_dialog", NOTHING_IMPORTED) + "\n\n" + message)
        self._show_error(QCoreApplication.translate("import_dialog", NOTHING_IMPORTED) + "\n\n" + message)

    def _cancelled(self) -> None:
        self.progress_bar.setValue(0)
        self._finish("cancelled")
        self.status_label.setText(
            self.tr("Cancelled. {nothing}").format(
                nothing=QCoreApplication.translate("import_dialog", NOTHING_IMPORTED)
            )
        )

    def _show_error(self, text: str) -> None:
        self.error_box = message_box(self, QMessageBox.Icon.Critical, self.tr("Import failed"), text)
        self.error_box.open()


def open_import_dialog(window: MainWindow) -> ImportDialog:
    """File > Import…: the dialog for the window's project, window-modal, not blocking. After a
    successful import the window reads its documents again and shows the first new one."""
    dialog = ImportDialog(window.project, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def imported(report: ImportReport) -> None:
        window.refresh()
        added = sorted(set(window.project.document_ids()) - dialog.document_ids_before)
        if added:
            window.show_document_id(added[0])
        notes = f" ({'; '.join(report.notes)})" if report.notes else ""
        window.say(
            QCoreApplication.translate("import_dialog", "Imported: {summary}{notes}").format(
                summary=report.summary(), notes=notes
            )
        )

    dialog.imported.connect(imported)
    dialog.open()
    return dialog
