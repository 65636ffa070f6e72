"""The agreement view (Review > Agreement…): how far the annotators agree.

It shows the pairwise matrix of one figure (exact-match F1, overlap-match F1 or Cohen's kappa,
switchable), a bar chart of that figure per label (:mod:`annotator.ui.charts`), the per-label,
per-pair and per-annotator tables of :meth:`AgreementReport.table_rows`, and what the figures rest
on: documents, tokens and spans, the rules of matching and how missing annotations are treated.

The figures come from :func:`annotator.review.agreement.agreement_report`, computed in a worker
thread on a read-only connection of its own (:class:`~annotator.ui.review_worker.ProjectTask`),
with progress and cancel. Every text is shown as plain text.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from annotator.core.labels import DEFAULT_COLOR, LabelScheme
from annotator.review.agreement import MATCH_RULES, TOKEN_RULE, AgreementReport, MatchCounts, PairStats
from annotator.store.project import Project
from annotator.ui.charts import Bar, BarChart, value_text
from annotator.ui.document_list import TitleDelegate
from annotator.ui.fonts import document_font
from annotator.ui.review_worker import ProjectTask

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
VALUE_ROLE = Qt.ItemDataRole.UserRole + 1

METRICS = {
    "exact": QT_TRANSLATE_NOOP("agreement_view", "F1, exact match"),
    "overlap": QT_TRANSLATE_NOOP("agreement_view", "F1, overlap match"),
    "kappa": QT_TRANSLATE_NOOP("agreement_view", "Cohen's kappa (tokens)"),
}
ALL_LABELS_COLOR = "#8c8c8c"


def plain_label(text: str = "") -> QLabel:
    """A QLabel that shows its text as plain text (never guessed to be rich text)."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def pair_value(pair: PairStats, metric: str, label: str | None = None) -> float | None:
    """One figure of a pair: exact or overlap F1, or Cohen's kappa (overall, or for ``label``)."""
    if metric in ("exact", "overlap"):
        return pair.match(metric, label).f1
    if metric == "kappa":
        return pair.kappa(label)
    raise ValueError(f"unknown figure {metric!r}")


def label_figures(report: AgreementReport, metric: str) -> list[tuple[str | None, float | None, str]]:
    """Per label (then None: all labels) the figure over all pairs, and what it rests on.

    F1: every pair's match counts pooled (as in the per-label table); kappa: the mean of the pairs'
    kappas where defined.
    """
    out: list[tuple[str | None, float | None, str]] = []
    for label in [*report.labels, None]:
        if metric == "kappa":
            values = [k for p in report.pairs if (k := p.kappa(label)) is not None]
            value = sum(values) / len(values) if values else None
            out.append(
                (
                    label,
                    value,
                    QCoreApplication.translate("agreement_view", "mean of {n} pair{value}").format(
                        n=len(values), value="s" if len(values) != 1 else ""
                    ),
                )
            )
        else:
            counts = MatchCounts()
            for p in report.pairs:
                counts.add(p.match(metric, label))
            spans = counts.reference + counts.other
            pairs = len(report.pairs)
            out.append(
                (
                    label,
                    counts.f1,
                    QCoreApplication.translate("agreement_view", "{spans} span{value} in {pairs} pair{value2}").format(
                        spans=spans, value="s" if spans != 1 else "", pairs=pairs, value2="s" if pairs != 1 else ""
                    ),
                )
            )
    return out


def _cell_colour(value: float | None) -> QColor | None:
    """A light tint from red (0 or less) through yellow to green (1)."""
    if value is None:
        return None
    v = max(0.0, min(1.0, value))
    return QColor.fromHsvF(v / 3, 0.28, 1.0)


class MatrixModel(QAbstractTableModel):
    """Annotators x annotators, one figure per pair (the diagonal reads "—")."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._report: AgreementReport | None = None
        self._metric = "exact"

    def set_report(self, report: AgreementReport | None, metric: str) -> None:
        self.beginResetModel()
        self._report = report
        self._metric = metric
        self.endResetModel()

    def names(self) -> list[str]:
        return list(self._report.annotators) if self._report else []

    def pair(self, row: int, column: int) -> PairStats | None:
        if self._report is None or row == column:
            return None
        names = self._report.annotators
        return self._report.pair(names[row], names[column])

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.names())

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.names())

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self.names()):
            return self.names()[section]
        return None

    def value(self, row: int, column: int) -> float | None:
        pair = self.pair(row, column)
        return None if pair is None else pair_value(pair, self._metric)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        diagonal = row == column
        if role == Qt.ItemDataRole.DisplayRole:
            return "—" if diagonal else value_text(self.value(row, column))
        if role == VALUE_ROLE:
            return None if diagonal else self.value(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.BackgroundRole and not diagonal:
            return _cell_colour(self.value(row, column))
        return None


class RowsModel(QAbstractTableModel):
    """A table of strings; the first row is the header."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._header: list[str] = []
        self._rows: list[list[str]] = []

    def set_rows(self, rows: list[list[str]]) -> None:
        self.beginResetModel()
        self._header = list(rows[0]) if rows else []
        self._rows = [list(r) for r in rows[1:]]
        self.endResetModel()

    def rows(self) -> list[list[str]]:
        return [list(r) for r in self._rows]

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._header)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._header[section] if section < len(self._header) else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            row = self._rows[index.row()]
            return row[index.column()] if index.column() < len(row) else ""
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def _table(model: QAbstractTableModel, *, arabic_first_column: bool = False) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.setWordWrap(False)
    if arabic_first_column:
        font = document_font(max(12.0, view.font().pointSizeF() * 1.2))
        view.setItemDelegateForColumn(0, TitleDelegate(font, view))
        view.verticalHeader().setDefaultSectionSize(QFontMetrics(font).height() + 4)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return view


def basis_text(report: AgreementReport) -> str:
    """What the figures rest on, the rules, and how missing annotations are treated (plain text)."""
    names = report.annotators
    group = report.group
    lines = [
        QCoreApplication.translate("agreement_view", "Annotators compared: {join}.").format(join=", ".join(names)),
        QCoreApplication.translate(
            "agreement_view",
            "Documents: {documents_selected} selected; counted for every one of the {n} annotators: {documents} ({tokens} tokens, {characters} characters, {sum} spans). Fleiss' kappa, Krippendorff's alpha and alpha_u rest on these.",
        ).format(
            documents_selected=report.documents_selected,
            n=len(names),
            documents=group.documents,
            tokens=group.tokens,
            characters=group.characters,
            sum=sum(group.spans.values()),
        ),
        QCoreApplication.translate("agreement_view", "Documents counted per annotator: ")
        + ", ".join(f"{n} {report.documents_counted.get(n, 0)}" for n in names)
        + ".",
        QCoreApplication.translate("agreement_view", "Each pair rests on the documents both count:"),
    ]
    for p in report.pairs:
        exact = p.match("exact")
        lines.append(
            QCoreApplication.translate(
                "agreement_view",
                "  {reference} – {other}: {documents} documents, {tokens} tokens, {reference2} and {other2} spans",
            ).format(
                reference=p.reference,
                other=p.other,
                documents=p.documents,
                tokens=p.tokens,
                reference2=exact.reference,
                other2=exact.other,
            )
        )
    lines += [
        "",
        QCoreApplication.translate("agreement_view", "Missing annotations: {missing_policy}").format(
            missing_policy=report.missing_policy
        ),
        "",
        QCoreApplication.translate("agreement_view", "Exact match: {value}. Overlap match: {value2}.").format(
            value=MATCH_RULES["exact"], value2=MATCH_RULES["overlap"]
        ),
        QCoreApplication.translate(
            "agreement_view",
            "Precision = matched / other's spans, recall = matched / reference's spans (the matrix row is the "
            "reference; F1 is the same either way).",
        ),
        QCoreApplication.translate("agreement_view", "Tokens: {TOKEN_RULE}").format(TOKEN_RULE=TOKEN_RULE),
        QCoreApplication.translate(
            "agreement_view", '"n/a": nothing to compare (no spans, or one category throughout).'
        ),
    ]
    if report.notes:
        lines += ["", QCoreApplication.translate("agreement_view", "Notes: ") + "; ".join(report.notes)]
    return "\n".join(lines)


class AgreementView(QWidget):
    """The figures of one :class:`AgreementReport` (no computing: see :class:`AgreementDialog`)."""

    def __init__(self, scheme: LabelScheme | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._scheme = scheme or LabelScheme()
        self._report: AgreementReport | None = None
        self.metric_combo = QComboBox()
        for key, name in METRICS.items():
            name = QCoreApplication.translate("agreement_view", name)
            self.metric_combo.addItem(name, key)
        self.metric_combo.setAccessibleName(self.tr("Figure shown in the matrix and the chart"))
        self.matrix_model = MatrixModel(self)
        self.matrix = QTableView()
        self.matrix.setObjectName("agreement_matrix")
        self.matrix.setModel(self.matrix_model)
        self.matrix.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.matrix.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.matrix.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.matrix.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.cell_details = plain_label(self.tr("Pick a cell to see what it rests on."))
        self.cell_details.setTextFormat(Qt.TextFormat.PlainText)
        self.cell_details.setWordWrap(True)
        self.chart = BarChart()
        self.label_model = RowsModel(self)
        self.pairs_model = RowsModel(self)
        self.documents_model = RowsModel(self)
        self.label_table = _table(self.label_model, arabic_first_column=True)
        self.pairs_table = _table(self.pairs_model)
        self.documents_table = _table(self.documents_model)
        self.basis = QPlainTextEdit()
        self.basis.setReadOnly(True)
        self.basis.setObjectName("agreement_basis")

        matrix_box = QWidget()
        matrix_layout = QVBoxLayout(matrix_box)
        matrix_layout.setContentsMargins(0, 0, 0, 0)
        figure_row = QHBoxLayout()
        figure_row.addWidget(plain_label(self.tr("Figure:")))
        figure_row.addWidget(self.metric_combo, 1)
        matrix_layout.addLayout(figure_row)
        hint = plain_label(self.tr("Rows: the reference annotator (precision and recall are against it)."))
        hint.setWordWrap(True)
        matrix_layout.addWidget(self.matrix)
        matrix_layout.addWidget(hint)
        matrix_layout.addWidget(self.cell_details)
        self.policy = plain_label("")
        self.policy.setWordWrap(True)
        self.policy.setObjectName("missing_policy")
        matrix_layout.addWidget(self.policy)
        matrix_layout.addStretch(1)
        top = QSplitter(Qt.Orientation.Horizontal)
        self.chart_area = QScrollArea()
        self.chart_area.setWidget(self.chart)
        self.chart_area.setWidgetResizable(True)
        self.chart_area.setFrameShape(QScrollArea.Shape.NoFrame)
        top.addWidget(matrix_box)
        top.addWidget(self.chart_area)
        top.setStretchFactor(0, 2)
        top.setStretchFactor(1, 3)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.label_table, self.tr("Per label"))
        self.tabs.addTab(self.pairs_table, self.tr("Pairs"))
        self.tabs.addTab(self.documents_table, self.tr("Documents"))
        self.tabs.addTab(self.basis, self.tr("What the figures rest on"))
        outer = QSplitter(Qt.Orientation.Vertical)
        outer.addWidget(top)
        outer.addWidget(self.tabs)
        outer.setStretchFactor(0, 3)
        outer.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(outer)

        self.metric_combo.currentIndexChanged.connect(lambda _i: self._show_metric())
        self.matrix.selectionModel().currentChanged.connect(lambda current, _prev: self._show_cell(current))

    def set_scheme(self, scheme: LabelScheme) -> None:
        self._scheme = scheme
        self._show_metric()

    def report(self) -> AgreementReport | None:
        return self._report

    def metric(self) -> str:
        return self.metric_combo.currentData()

    def set_metric(self, metric: str) -> None:
        self.metric_combo.setCurrentIndex(list(METRICS).index(metric))

    def set_report(self, report: AgreementReport | None) -> None:
        self._report = report
        tables = report.table_rows() if report is not None else {}
        by_start = {title.split(" (")[0]: rows for title, rows in tables.items()}
        self.label_model.set_rows(by_start.get("Per label", []))
        self.pairs_model.set_rows(by_start.get("Pairs", []))
        self.documents_model.set_rows(by_start.get("Documents", []))
        self.basis.setPlainText(basis_text(report) if report is not None else "")
        self.policy.setText(
            self.tr(
                "Based on {documents} of {documents_selected} documents (counted for every annotator). Missing annotations: {missing_policy}"
            ).format(
                documents=report.group.documents,
                documents_selected=report.documents_selected,
                missing_policy=report.missing_policy,
            )
            if report is not None
            else ""
        )
        self._show_metric()

    def _fit_matrix(self) -> None:
        """The matrix as tall as its rows (the details under it stay next to it)."""
        view = self.matrix
        rows = sum(view.rowHeight(r) for r in range(self.matrix_model.rowCount()))
        view.setFixedHeight(view.horizontalHeader().sizeHint().height() + rows + 2 * view.frameWidth() + 2)

    def _show_metric(self) -> None:
        report, metric = self._report, self.metric()
        self.matrix_model.set_report(report, metric)
        self._fit_matrix()
        if report is None:
            self.chart.set_data("", [])
            self.cell_details.setText("")
            return
        bars = []
        for label, value, note in label_figures(report, metric):
            if label is None:
                bars.append(Bar(self.tr("all labels"), value, ALL_LABELS_COLOR, note))
            else:
                definition = self._scheme.span_label(label)
                bars.append(Bar(label, value, definition.color if definition else DEFAULT_COLOR, note))
        how = self.tr("mean over pairs") if metric == "kappa" else self.tr("all pairs pooled")
        self.chart.set_data(
            self.tr("{value} per label ({how})").format(
                value=QCoreApplication.translate("agreement_view", METRICS[metric]), how=how
            ),
            bars,
            minimum=-1.0 if metric == "kappa" and _any_negative(bars) else 0.0,
        )
        self.cell_details.setText(self.tr("Pick a cell to see what it rests on."))

    def _show_cell(self, index: QModelIndex) -> None:
        pair = self.matrix_model.pair(index.row(), index.column()) if index.isValid() else None
        if pair is None:
            self.cell_details.setText(self.tr("Pick a cell off the diagonal to see what it rests on."))
            return
        exact, overlap = pair.match("exact"), pair.match("overlap")
        self.cell_details.setText(
            self.tr(
                "{reference} (reference) and {other}: {documents} documents, {tokens} tokens; {reference2} and {other2} spans, {matched} matched exactly (P {value_text}, R {value_text2}), {matched2} by overlap; kappa {value_text3}."
            ).format(
                reference=pair.reference,
                other=pair.other,
                documents=pair.documents,
                tokens=pair.tokens,
                reference2=exact.reference,
                other2=exact.other,
                matched=exact.matched,
                value_text=value_text(exact.precision),
                value_text2=value_text(exact.recall),
                matched2=overlap.matched,
                value_text3=value_text(pair.kappa()),
            )
        )


def _any_negative(bars: list[Bar]) -> bool:
    return any(b.value is not None and b.value < 0 for b in bars)


class AgreementDialog(QDialog):
    """Review > Agreement…: choose annotators, labels and which documents count, then compute."""

    def __init__(self, project: Project, scheme: LabelScheme | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("agreement_dialog")
        self.setWindowTitle(self.tr("Agreement between annotators"))
        self._project = project
        self._task: ProjectTask | None = None
        self.annotators_edit = QLineEdit()
        self.annotators_edit.setPlaceholderText(self.tr("everyone but gold (or: amal, omar)"))
        self.labels_edit = QLineEdit()
        self.labels_edit.setPlaceholderText(self.tr("every label used (or: PER, ORG)"))
        self.status_combo = QComboBox()
        self.status_combo.addItem(self.tr("in progress or done"), "in_progress")
        self.status_combo.addItem(self.tr("done only"), "done")
        self.compute_button = QPushButton(self.tr("Compute"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setEnabled(False)
        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.message = plain_label("")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.view = AgreementView(scheme or project.scheme())

        form = QFormLayout()
        form.addRow(self.tr("Annotators:"), self.annotators_edit)
        form.addRow(self.tr("Labels:"), self.labels_edit)
        form.addRow(self.tr("Documents count when:"), self.status_combo)
        run_row = QHBoxLayout()
        run_row.addWidget(self.compute_button)
        run_row.addWidget(self.progress, 1)
        run_row.addWidget(self.cancel_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(run_row)
        layout.addWidget(self.message)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self.resize(1100, 820)

        self.compute_button.clicked.connect(self.compute)
        self.cancel_button.clicked.connect(self.cancel)

    @property
    def chart(self) -> BarChart:
        return self.view.chart

    def report(self) -> AgreementReport | None:
        return self.view.report()

    def is_running(self) -> bool:
        return self._task is not None

    def _options(self) -> dict[str, Any]:
        def items(text: str) -> list[str] | None:
            values = [v.strip() for v in text.replace("،", ",").split(",") if v.strip()]
            return values or None

        return {
            "annotators": items(self.annotators_edit.text()),
            "labels": items(self.labels_edit.text()),
            "min_status": self.status_combo.currentData(),
        }

    def compute(self) -> None:
        """Compute the figures in the background (a run in progress is cancelled first)."""
        from annotator.review.agreement import agreement_report

        if self._task is not None:
            self._task.stop()
            self._task = None
        options = self._options()

        def work(project: Project, progress: Callable[[int, int], None]) -> AgreementReport:
            return agreement_report(project, progress=progress, per_document=False, **options)

        task = ProjectTask(self._project, work)
        self._task = task
        task.progressed.connect(self._on_progress)
        task.succeeded.connect(self._on_result)
        task.failed.connect(self._on_failed)
        task.cancelled.connect(self._on_cancelled)
        self.compute_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.message.setText(self.tr("Computing…"))
        task.start()

    def cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()

    def _finish(self, message: str) -> None:
        task, self._task = self._task, None
        if task is not None:
            task.wait()
        self.compute_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        self.progress.hide()
        self.message.setText(message)

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(done)
        self.progress.setFormat(self.tr("{done} / {total} documents").format(done=done, total=total))

    def _on_result(self, report: AgreementReport) -> None:
        self.view.set_report(report)
        group = report.group
        self._finish(
            self.tr(
                "{n} annotators, {n2} pairs; {documents} of {documents_selected} documents counted for all of them."
            ).format(
                n=len(report.annotators),
                n2=len(report.pairs),
                documents=group.documents,
                documents_selected=report.documents_selected,
            )
        )

    def _on_failed(self, message: str) -> None:
        self._finish(self.tr("No figures: {message}").format(message=message))

    def _on_cancelled(self) -> None:
        self._finish(self.tr("Cancelled: the figures shown (if any) are from the previous run."))

    def done(self, result: int) -> None:
        if self._task is not None:
            self._task.stop()
            self._finish("")
        super().done(result)
