"""File > Export…: the training-data export of ``annotator export``, with the same options.

Format (every format of :data:`annotator.formats.registry.EXPORTS`, with its description), output
file or folder, layer (all layers, one annotator, or gold when the project has it), only
documents marked done, labels to export (each checkable, with an editable name to export it
under), a seeded split by document, the tokenizer of the token formats and CoNLL's tag columns.

Export runs in a :class:`~annotator.ui.progress.ProjectJob` (its own connection, in a worker
thread) with a progress bar and a Cancel button; a cancelled export leaves nothing behind (the
exporters write beside the target and rename at the end). At the end the dialog shows the
report's summary and every count of what the format could not hold, and writes the summary as
JSON next to the output (``OUT.summary.json``), as the command line does.

User text (label names, layer names, paths, error messages) is shown as plain text only: item
views and combo boxes draw plain text, every QLabel here is set to ``Qt.PlainText``, message
boxes go through :func:`annotator.ui.dialogs.message_box`, and there are no tooltips.
"""

from __future__ import annotations

import importlib
import inspect
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.core.errors import AnnotatorError
from annotator.core.model import GOLD
from annotator.core.tokenize import TOKENIZERS
from annotator.formats.registry import EXPORTS, ExportFormat, export_format
from annotator.formats.report import ExportReport
from annotator.formats.selection import ExportOptions, parse_split, write_summary
from annotator.store.project import Project
from annotator.ui.dialogs import message_box
from annotator.ui.fonts import document_font
from annotator.ui.job_dialog import JobDialog
from annotator.ui.progress import percent

if TYPE_CHECKING:
    from annotator.ui.main_window import MainWindow

ALL_LAYERS = QT_TRANSLATE_NOOP("export_dialog", "All layers (annotator names kept where the format can)")
GOLD_LAYER = QT_TRANSLATE_NOOP("export_dialog", "Gold (adjudicated layer)")
TOKENIZER_TEXT = {
    "arabic": QT_TRANSLATE_NOOP("export_dialog", "Arabic-aware (split at span edges: exact spans)"),
    "whitespace": QT_TRANSLATE_NOOP("export_dialog", "Whitespace words (spans widened to whole words)"),
}
DEFAULT_MAX_COLUMNS = 3  # as the command line's --max-columns
FSI, PDI = "\u2068", "\u2069"  # FIRST STRONG ISOLATE ... POP DIRECTIONAL ISOLATE


def _plain(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def _function(fmt: ExportFormat) -> Any:
    return getattr(importlib.import_module(fmt.module), fmt.function)


def accepts(fmt: ExportFormat, keyword: str) -> bool:
    """Whether the format's export function takes ``keyword`` (CoNLL's ``max_columns``)."""
    return keyword in inspect.signature(_function(fmt)).parameters


def uses_tokenizer(fmt: ExportFormat) -> bool:
    """Whether the format writes tokens (its module checks ``ExportOptions.tokenizer``)."""
    return hasattr(importlib.import_module(fmt.module), "check_tokenizer")


def suggested_output(project_path: Path | None, fmt: ExportFormat) -> str:
    """``<folder of the project>/<project name><suffix>`` (``-<format>`` added when the suffix does
    not name the format; a folder for folder formats)."""
    folder = project_path.parent if project_path is not None else Path.cwd()
    base = project_path.name.split(".")[0] if project_path is not None else "export"
    if fmt.folder:
        return str(folder / f"{base}-{fmt.name}")
    name = f"{base}{fmt.suffix}" if fmt.suffix == f".{fmt.name}" else f"{base}-{fmt.name}{fmt.suffix}"
    return str(folder / name)


@dataclass
class ExportRequest:
    """Everything one export needs, read from the dialog's widgets."""

    format: str
    output: Path
    options: ExportOptions
    max_columns: int | None  # None: the format has no such option

    def run(self, project: Project, progress: Any) -> ExportResult:
        """Export (in the worker thread) and write the summary JSON beside the output."""
        kwargs: dict[str, Any] = {"progress": progress}
        if self.max_columns is not None:
            kwargs["max_columns"] = self.max_columns
        report = export_format(self.format).exporter()(project, self.output, self.options, **kwargs)
        return ExportResult(report, write_summary(report, self.output))


@dataclass
class ExportResult:
    report: ExportReport
    summary_path: Path


def isolate(text: str) -> str:
    """``text`` as a bidi isolate: an Arabic label or path inside an English line keeps its own
    direction and does not pull the counts around it into its run."""
    return f"{FSI}{text}{PDI}"


def summary_text(result: ExportResult) -> str:
    """What the dialog shows at the end: the report's summary (its label names and path as bidi
    isolates, so "PER 3, شخص 1" stays in that order on screen) and each count of what was lost."""
    report = result.report
    shown = replace(report, path=isolate(report.path), spans=Counter({isolate(k): v for k, v in report.spans.items()}))
    lines = [shown.summary(), ""]
    if report.lost:
        lines.append(
            QCoreApplication.translate("export_dialog", "Not representable in this format (counted, not written):")
        )
        lines.extend(f"  {what}: {count}" for what, count in sorted(report.lost.items()))
    else:
        lines.append(
            QCoreApplication.translate(
                "export_dialog", "Nothing was lost: every selected span, relation and attribute was written."
            )
        )
    lines += [
        "",
        QCoreApplication.translate("export_dialog", "Summary written to {isolate}").format(
            isolate=isolate(str(result.summary_path))
        ),
    ]
    return "\n".join(lines)


class ExportDialog(JobDialog):
    """The export options of ``annotator export`` for the project at ``project.path``.

    ``project`` (the window's connection) is only read, in the GUI thread, to fill the layer and
    label lists; the export itself opens its own connection in the worker thread.
    """

    exported = Signal(object)  # an ExportResult, after a successful export

    def __init__(self, project: Project, parent: QWidget | None = None) -> None:
        super().__init__(project.path, parent)
        self.setObjectName("export_dialog")
        self.setWindowTitle(self.tr("Export annotations"))
        self._project = project
        self.result: ExportResult | None = None
        self.error: str | None = None
        self.error_box: QMessageBox | None = None
        self._suggestion = ""
        text_font = document_font(max(12.0, self.font().pointSizeF() * 1.2))

        self.format_combo = QComboBox()
        for fmt in EXPORTS.values():
            self.format_combo.addItem(f"{fmt.name}  —  {fmt.description}", fmt.name)
        self.output_edit = QLineEdit()
        self.output_edit.setMinimumWidth(360)
        self.browse_button = QPushButton(self.tr("Browse…"))
        self.output_kind = _plain()
        output_row = QHBoxLayout()
        output_row.addWidget(self.output_edit, 1)
        output_row.addWidget(self.browse_button)

        self.layer_combo = QComboBox()
        self.layer_combo.setFont(text_font)
        self.layer_combo.addItem(QCoreApplication.translate("export_dialog", ALL_LAYERS), None)
        names = project.annotators()
        for name in names:
            if name != GOLD:
                self.layer_combo.addItem(name, name)
        if GOLD in names:
            self.layer_combo.addItem(QCoreApplication.translate("export_dialog", GOLD_LAYER), GOLD)
        self.only_done = QCheckBox(self.tr("Only documents marked done (in the exported layer)"))

        self.labels_table = QTableWidget(0, 3)
        self.labels_table.setHorizontalHeaderLabels([self.tr("Label"), self.tr("Export as"), self.tr("Spans in layer")])
        self.labels_table.setFont(text_font)
        self.labels_table.verticalHeader().hide()
        self.labels_table.verticalHeader().setDefaultSectionSize(QFontMetrics(text_font).height() + 6)
        self.labels_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.labels_table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.labels_table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.labels_table.setMinimumWidth(380)
        header = self.labels_table.horizontalHeader()
        header.setFont(self.font())
        header.setMinimumSectionSize(40)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self._fill_labels(project)
        self.all_labels_button = QPushButton(self.tr("Select all"))
        self.no_labels_button = QPushButton(self.tr("Select none"))
        label_buttons = QHBoxLayout()
        label_buttons.addWidget(self.all_labels_button)
        label_buttons.addWidget(self.no_labels_button)
        label_buttons.addStretch(1)
        labels_box = QVBoxLayout()
        labels_title = _plain(
            self.tr("Labels to export (double-click a name under \u201cExport as\u201d to rename it)")
        )
        labels_title.setWordWrap(True)
        labels_box.addWidget(labels_title)
        labels_box.addWidget(self.labels_table, 1)
        labels_box.addLayout(label_buttons)

        self.split_edit = QLineEdit()
        self.split_edit.setPlaceholderText(self.tr("none (train, dev, test: 0.8,0.1,0.1)"))
        self.seed_spin = QSpinBox()
        self.seed_spin.setRange(0, 2**31 - 1)
        split_row = QHBoxLayout()
        split_row.addWidget(self.split_edit, 1)
        split_row.addWidget(_plain(self.tr("Seed")))
        split_row.addWidget(self.seed_spin)

        self.tokenizer_combo = QComboBox()
        for name in TOKENIZERS:
            self.tokenizer_combo.addItem(
                QCoreApplication.translate("export_dialog", TOKENIZER_TEXT.get(name, name)), name
            )
        self.columns_spin = QSpinBox()
        self.columns_spin.setRange(1, 9)
        self.columns_spin.setValue(DEFAULT_MAX_COLUMNS)
        self.columns_note = _plain(self.tr("1: strict single-column BIO (overlapping spans dropped and counted)"))

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(_plain(self.tr("Format")), self.format_combo)
        form.addRow(_plain(self.tr("Output")), output_row)
        form.addRow(_plain(""), self.output_kind)
        form.addRow(_plain(self.tr("Layer")), self.layer_combo)
        form.addRow(_plain(""), self.only_done)
        form.addRow(_plain(self.tr("Split")), split_row)
        form.addRow(_plain(self.tr("Tokenizer")), self.tokenizer_combo)
        columns_row = QHBoxLayout()
        columns_row.addWidget(self.columns_spin)
        columns_row.addStretch(1)
        form.addRow(_plain(self.tr("CoNLL tag columns")), columns_row)
        form.addRow(_plain(""), self.columns_note)
        self.columns_note.setWordWrap(True)
        self._form = form
        options = QHBoxLayout()
        options.addLayout(form, 3)
        options.addSpacing(12)
        options.addLayout(labels_box, 2)

        self.progress_bar = QProgressBar()
        self.progress_bar.setRange(0, 100)
        self.progress_bar.setValue(0)
        self.status_label = _plain("")
        self.status_label.setWordWrap(True)
        self.summary_view = QPlainTextEdit()
        self.summary_view.setReadOnly(True)
        self.summary_view.setPlaceholderText(self.tr("The summary of the export appears here."))
        self.summary_view.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.summary_view.setFont(text_font)
        self.summary_view.setMinimumHeight(110)

        self.run_button = QPushButton(self.tr("Export"))
        self.run_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setEnabled(False)
        self.close_button = QPushButton(self.tr("Close"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.run_button, self.cancel_button, self.close_button):
            buttons.addWidget(button)

        layout = QVBoxLayout(self)
        layout.addLayout(options, 1)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.status_label)
        layout.addWidget(self.summary_view)
        layout.addLayout(buttons)

        self.format_combo.currentIndexChanged.connect(self._format_changed)
        self.layer_combo.currentIndexChanged.connect(self._layer_changed)
        self.browse_button.clicked.connect(self.browse)
        self.all_labels_button.clicked.connect(lambda: self.check_all_labels(True))
        self.no_labels_button.clicked.connect(lambda: self.check_all_labels(False))
        self.run_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button.clicked.connect(self.close)
        self._format_changed()

    # -- the options ------------------------------------------------------------------------

    def _span_counts(self, layer: str | None) -> dict[str, int]:
        """Spans per label in ``layer`` (all layers: None), read on the window's connection."""
        sql = "SELECT s.label, count(*) FROM spans s"
        params: tuple[str, ...] = ()
        if layer is not None:
            sql += " JOIN annotators a ON a.id = s.annotator_id WHERE a.name = ?"
            params = (layer,)
        return dict(self._project.conn.execute(sql + " GROUP BY s.label", params).fetchall())

    def _layer_changed(self) -> None:
        counts = self._span_counts(self.layer_combo.currentData())
        for row in range(self.labels_table.rowCount()):
            name = self.labels_table.item(row, 0).data(Qt.ItemDataRole.UserRole)
            self.labels_table.item(row, 2).setText(str(counts.get(name, 0)))

    def _fill_labels(self, project: Project) -> None:
        counts = self._span_counts(None)
        names = list(project.scheme().span_label_names)
        names += sorted(set(counts) - set(names))  # stored under a label the scheme no longer has
        self.labels_table.setRowCount(len(names))
        for row, name in enumerate(names):
            source = QTableWidgetItem(name)
            source.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            source.setCheckState(Qt.CheckState.Checked)
            source.setData(Qt.ItemDataRole.UserRole, name)
            target = QTableWidgetItem(name)
            target.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsSelectable)
            count = QTableWidgetItem(str(counts.get(name, 0)))
            count.setFlags(Qt.ItemFlag.ItemIsEnabled)
            count.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.labels_table.setItem(row, 0, source)
            self.labels_table.setItem(row, 1, target)
            self.labels_table.setItem(row, 2, count)
        rows = min(len(names), 9)
        self.labels_table.setMinimumHeight(
            self.labels_table.horizontalHeader().sizeHint().height()
            + rows * self.labels_table.verticalHeader().defaultSectionSize()
            + 4
        )

    def label_rows(self) -> list[tuple[str, bool, str]]:
        """(label, checked, export name) for each row of the labels table."""
        rows = []
        for row in range(self.labels_table.rowCount()):
            source = self.labels_table.item(row, 0)
            target = self.labels_table.item(row, 1)
            name = source.data(Qt.ItemDataRole.UserRole)
            rows.append((name, source.checkState() == Qt.CheckState.Checked, target.text()))
        return rows

    def set_label(self, name: str, checked: bool = True, export_as: str | None = None) -> None:
        """Check or uncheck label ``name`` and optionally set the name it is exported under."""
        for row in range(self.labels_table.rowCount()):
            source = self.labels_table.item(row, 0)
            if source.data(Qt.ItemDataRole.UserRole) == name:
                source.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
                if export_as is not None:
                    self.labels_table.item(row, 1).setText(export_as)
                return
        raise KeyError(name)

    def check_all_labels(self, checked: bool) -> None:
        for row in range(self.labels_table.rowCount()):
            self.labels_table.item(row, 0).setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def label_map(self) -> dict[str, str] | None:
        """The ``labels`` option: None keeps every label (all checked, none renamed)."""
        rows = self.label_rows()
        if not rows:  # a scheme without span labels: nothing to select
            return None
        mapping = {name: (target.strip() or name) for name, checked, target in rows if checked}
        if not mapping:
            raise AnnotatorError("choose at least one label to export")
        if len(mapping) == len(rows) and all(source == target for source, target in mapping.items()):
            return None
        return mapping

    def current_format(self) -> ExportFormat:
        return EXPORTS[self.format_combo.currentData()]

    def set_format(self, name: str) -> None:
        index = self.format_combo.findData(name)
        if index < 0:
            raise KeyError(name)
        self.format_combo.setCurrentIndex(index)

    def set_layer(self, name: str | None) -> None:
        index = self.layer_combo.findData(name)
        if index < 0:
            raise KeyError(name)
        self.layer_combo.setCurrentIndex(index)

    def _format_changed(self) -> None:
        fmt = self.current_format()
        suggestion = suggested_output(self.project_path, fmt)
        if not self.output_edit.text().strip() or self.output_edit.text() == self._suggestion:
            self.output_edit.setText(suggestion)
        self._suggestion = suggestion
        if fmt.folder:
            self.output_kind.setText(self.tr("A folder (created, or replacing an earlier export of this kind)"))
        else:
            self.output_kind.setText(
                self.tr("A file (with a split: one file per split beside it)") if fmt.suffix else self.tr("A file")
            )
        tokens = uses_tokenizer(fmt)
        self.tokenizer_combo.setEnabled(tokens)
        columns = accepts(fmt, "max_columns")
        self.columns_spin.setEnabled(columns)
        self.columns_note.setEnabled(columns)

    def browse(self) -> None:
        fmt = self.current_format()
        current = self.output_edit.text().strip() or suggested_output(self.project_path, fmt)
        if fmt.folder:
            path, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Export to a folder (give its name)"),
                current,
                self.tr("Folder (*)"),
                options=QFileDialog.Option.DontConfirmOverwrite,
            )
        else:
            path, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Export to a file"),
                current,
                self.tr("{name} (*{suffix});;All files (*)").format(name=fmt.name, suffix=fmt.suffix),
            )
        if path:
            self.output_edit.setText(path)

    def request(self) -> ExportRequest:
        """The export the widgets describe; AnnotatorError names a bad option."""
        fmt = self.current_format()
        text = self.output_edit.text().strip()
        if not text:
            raise AnnotatorError("choose where to write the export (Output)")
        output = Path(text).expanduser()
        if not output.is_absolute() and self.project_path is not None:
            output = self.project_path.parent / output
        options = ExportOptions(
            layer=self.layer_combo.currentData(),
            only_done=self.only_done.isChecked(),
            labels=self.label_map(),
            split=parse_split(self.split_edit.text().strip()),
            seed=self.seed_spin.value(),
            tokenizer=self.tokenizer_combo.currentData(),
        )
        max_columns = self.columns_spin.value() if accepts(fmt, "max_columns") else None
        return ExportRequest(fmt.name, output, options, max_columns)

    # -- running ----------------------------------------------------------------------------

    def start(self) -> bool:
        """Run the export the widgets describe in a worker thread; False if an option is bad."""
        if self.state == "running":
            return False
        if self.project_path is None:
            self._show_error(
                self.tr("This project is not saved in a file, so it cannot be exported in the background.")
            )
            return False
        try:
            request = self.request()
        except AnnotatorError as exc:
            self._show_error(str(exc))
            return False
        self.result = None
        self.error = None
        self.summary_view.clear()
        self.progress_bar.setValue(0)
        self.status_label.setText(self.tr("Exporting to {output} …").format(output=request.output))
        self._launch(request.run)
        return True

    def _set_running(self, running: bool) -> None:
        for widget in (
            self.format_combo,
            self.output_edit,
            self.browse_button,
            self.layer_combo,
            self.only_done,
            self.labels_table,
            self.all_labels_button,
            self.no_labels_button,
            self.split_edit,
            self.seed_spin,
            self.run_button,
        ):
            widget.setEnabled(not running)
        if not running:
            self._format_changed()  # the format decides whether tokenizer and columns apply
        else:
            self.tokenizer_combo.setEnabled(False)
            self.columns_spin.setEnabled(False)
        self.cancel_button.setEnabled(running)
        self.close_button.setEnabled(not running)

    def _progressed(self, done: int, total: int) -> None:
        self.progress_bar.setValue(percent(done, total))
        self.status_label.setText(self.tr("Exporting: document {done} of {total}").format(done=done, total=total))

    def _succeeded(self, result: ExportResult) -> None:
        self.result = result
        self.progress_bar.setValue(100)
        self._finish("succeeded")
        count = result.report.documents
        self.status_label.setText(
            self.tr("Exported {count} document{value}.").format(count=count, value="" if count == 1 else "s")
        )
        self.summary_view.setPlainText(summary_text(result))
        self.exported.emit(result)

    def _failed(self, message: str) -> None:
        self.error = message
        self.progress_bar.setValue(0)
        self._finish("failed")
        self.status_label.setText(self.tr("The export failed: nothing was written."))
        self._show_error(self.tr("The export failed: nothing was written.\n\n{message}").format(message=message))

    def _cancelled(self) -> None:
        self.progress_bar.setValue(0)
        self._finish("cancelled")
        self.status_label.setText(self.tr("Cancelled: nothing was written."))

    def _show_error(self, text: str) -> None:
        self.error_box = message_box(self, QMessageBox.Icon.Critical, self.tr("Export"), text)
        self.error_box.open()


def open_export_dialog(window: MainWindow) -> ExportDialog:
    """File > Export…: the dialog for the window's project, window-modal, not blocking."""
    dialog = ExportDialog(window.project, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.exported.connect(lambda result: window.say(result.report.summary()))
    dialog.open()
    return dialog
