"""The agreement view on a real project file: the matrix shows agreement_report's figures, the
chart draws its labels (Arabic too), the work runs in a worker thread that can be cancelled."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage
from test_review_mode import build_review_project

from annotator.core.errors import AnnotatorError
from annotator.core.labels import SpanLabel
from annotator.core.model import Document, Span
from annotator.review.agreement import agreement_report
from annotator.store.project import Project
from annotator.ui.agreement_view import METRICS, VALUE_ROLE, AgreementDialog, label_figures, pair_value
from annotator.ui.charts import Bar, BarChart
from annotator.ui.review_worker import ProjectTask

ARABIC_LABEL = "مكان"


@pytest.fixture
def project(tmp_path: Path):
    """The review project, plus a label with an Arabic name that two of the three annotators use."""
    path = build_review_project(tmp_path)
    with Project.open(path) as project:
        project.add_span_label(SpanLabel(ARABIC_LABEL, "entity", "#a2e0d9", "", "موقع"))
        doc = project.add_document(Document("زار الوفد دونباس والقرم أمس.", "places"))
        for name in ("amal", "omar", "sara"):
            project.add_span(doc, Span(10, 16, ARABIC_LABEL if name != "omar" else "GPE", name))
            project.add_span(doc, Span(17, 23, ARABIC_LABEL, name))
        yield project


def computed(qtbot, dialog: AgreementDialog) -> None:
    dialog.compute()
    qtbot.waitUntil(lambda: dialog.report() is not None and not dialog.is_running(), timeout=10_000)


def test_matrix_equals_agreement_report(qtbot, project: Project) -> None:
    dialog = AgreementDialog(project)
    qtbot.addWidget(dialog)
    dialog.show()
    computed(qtbot, dialog)
    expected = agreement_report(project, per_document=False)
    model = dialog.view.matrix_model
    assert model.names() == expected.annotators == ["amal", "omar", "sara"]
    seen = 0
    for metric in METRICS:
        dialog.view.set_metric(metric)
        for r, a in enumerate(expected.annotators):
            for c, b in enumerate(expected.annotators):
                index = model.index(r, c)
                if a == b:
                    assert model.data(index) == "—"
                    continue
                value = pair_value(expected.pair(a, b), metric)
                assert model.data(index, VALUE_ROLE) == pytest.approx(value)
                assert model.data(index) == f"{value:.3f}"
                seen += 1
    assert seen == 18
    # The same figures the CLI prints.
    tables = expected.table_rows()
    exact = tables["F1, exact match"]
    dialog.view.set_metric("exact")
    assert [model.data(model.index(1, c)) for c in range(3)] == exact[2][1:]
    # The per-label table is the report's, the chart its figures per label.
    label_rows = dialog.view.label_model.rows()
    assert [row[0] for row in label_rows] == [*expected.labels, "all labels"]
    assert ARABIC_LABEL in expected.labels
    chart = dialog.chart.bars()
    figures = label_figures(expected, "exact")
    assert [(b.label, b.value) for b in chart] == [(label or "all labels", value) for label, value, _ in figures]
    # What the figures rest on, and the missing-annotation policy.
    basis = dialog.view.basis.toPlainText()
    assert expected.missing_policy in basis
    assert f"{expected.group.documents} (" in basis
    # Picking a cell says what it rests on.
    dialog.view.matrix.setCurrentIndex(model.index(0, 1))
    pair = expected.pair("amal", "omar")
    assert f"{pair.documents} documents, {pair.tokens} tokens" in dialog.view.cell_details.text()


def test_kappa_figure_switches_matrix_and_chart(qtbot, project: Project) -> None:
    dialog = AgreementDialog(project)
    qtbot.addWidget(dialog)
    computed(qtbot, dialog)
    dialog.view.metric_combo.setCurrentIndex(list(METRICS).index("kappa"))
    report = dialog.report()
    assert dialog.view.matrix_model.value(0, 2) == pytest.approx(report.pair("amal", "sara").kappa())
    assert dialog.chart.title().startswith("Cohen's kappa")


def test_options_limit_annotators(qtbot, project: Project) -> None:
    dialog = AgreementDialog(project)
    qtbot.addWidget(dialog)
    dialog.annotators_edit.setText("amal, sara")
    computed(qtbot, dialog)
    assert dialog.view.matrix_model.names() == ["amal", "sara"]
    dialog.annotators_edit.setText("amal, nobody")
    dialog.compute()
    qtbot.waitUntil(lambda: not dialog.is_running(), timeout=10_000)
    assert "nobody" in dialog.message.text()
    assert dialog.view.matrix_model.names() == ["amal", "sara"]  # the last figures stay


def test_chart_draws_an_arabic_label(qtbot) -> None:
    chart = BarChart(label_point_size=36)
    qtbot.addWidget(chart)
    chart.set_data("F1 per label", [Bar(ARABIC_LABEL, 0.75, "#a2e0d9", "16 spans"), Bar("PER", None)])
    chart.resize(700, chart.sizeHint().height())
    chart.show()
    qtbot.waitExposed(chart)
    image = chart.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    rect = chart.label_rect(0).toAlignedRect()
    background = QColor(image.pixel(2, image.height() - 2))
    dark = sum(
        1
        for x in range(rect.left(), rect.right())
        for y in range(rect.top(), rect.bottom())
        if QColor(image.pixel(x, y)).lightness() < background.lightness() - 100
    )
    assert dark > 200  # the label's glyphs, not a blank (or a box or two of a missing font)
    # The bar is drawn in its colour; the undefined one reads n/a.
    bar = chart.bar_rect(0)
    assert QColor(image.pixel(int(bar.center().x()), int(bar.center().y()))) == QColor("#a2e0d9")
    assert chart.bar_rect(1).width() == 0
    assert "PER: n/a" in chart.accessibleDescription()
    assert f"{ARABIC_LABEL}: 0.750" in chart.accessibleDescription()


def test_task_runs_on_its_own_connection_and_can_be_cancelled(qtbot, project: Project) -> None:
    def slow(other: Project, progress) -> int:
        assert other is not project and other.conn is not project.conn
        for k in range(200):
            progress(k, 200)
            time.sleep(0.01)
        return 1

    task = ProjectTask(project, slow)
    with qtbot.waitSignal(task.progressed, timeout=5000):
        task.start()
    with qtbot.waitSignal(task.cancelled, timeout=5000):
        task.cancel()
    task.wait()
    assert task.was_cancelled and task.result is None

    def fails(_other: Project, _progress) -> None:
        raise AnnotatorError("broken")

    task = ProjectTask(project, fails)
    with qtbot.waitSignal(task.failed, timeout=5000) as blocker:
        task.start()
    task.wait()
    assert blocker.args == ["broken"]


def test_agreement_from_the_review_menu(qtbot, project: Project) -> None:
    from ui_helpers import show_window

    window = show_window(qtbot, project, annotator="amal", prompt=False)
    window.agreement_action.trigger()
    dialog = window.review._agreement
    qtbot.waitUntil(lambda: dialog.report() is not None, timeout=10_000)
    assert dialog.isVisible() and dialog.view.matrix_model.rowCount() == 3
    dialog.close()


def test_closing_the_dialog_while_it_computes_leaves_no_thread_behind(qtbot, project: Project) -> None:
    from annotator.ui import review_worker

    def slow(_other: Project, progress) -> int:
        for k in range(500):
            progress(k, 500)
            time.sleep(0.005)
        return 1

    dialog = AgreementDialog(project)
    dialog.show()
    task = ProjectTask(project, slow)
    dialog._task = task
    task.start()
    dialog.close()  # cancels and waits
    dialog.deleteLater()
    qtbot.waitUntil(lambda: review_worker.running_tasks() == 0, timeout=5000)
    assert not task.isRunning()
