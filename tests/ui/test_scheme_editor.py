"""The label scheme editor, driven through its widgets against a real project database."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)

from annotator.core.labels import AttributeDef
from annotator.core.model import Document, Relation, Span
from annotator.store.project import Project
from annotator.ui.scheme_editor import SchemeEditorDialog

TEXT = "قال فلاديمير بوتين إن روسيا مستعدة، وأكد الكرملين <b>x</b> ذلك."


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    """The default news scheme; one document with two PER spans, an ORG, a QUOTE and SAID_BY."""
    project = Project.create(tmp_path / "scheme.annotator.db")
    doc = project.add_document(Document(text=TEXT, ext_id="d1", title="t"))

    def add(needle: str, label: str) -> Span:
        start = TEXT.index(needle)
        return project.add_span(doc, Span(start, start + len(needle), label, annotator="amal"))

    add("فلاديمير", "PER")
    person = add("بوتين", "PER")
    add("الكرملين", "ORG")
    quote = add("روسيا مستعدة", "QUOTE")
    project.add_relation(Relation(head=quote.id or 0, child=person.id or 0, label="SAID_BY", annotator="amal"))
    yield project
    project.close()


@pytest.fixture
def dialog(qtbot, project: Project) -> SchemeEditorDialog:
    widget = SchemeEditorDialog(project)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def labels_of_spans(project: Project) -> list[tuple[str, str]]:
    return [(s.label, TEXT[s.start : s.end]) for s in project.spans(project.document_ids()[0])]


def ok_button(dialog: SchemeEditorDialog) -> QPushButton:
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


def press_ok(qtbot, dialog: SchemeEditorDialog) -> None:
    qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)


def when_open(qtbot, find: Callable[[], QWidget | None], action: Callable[[QWidget], None]) -> list[QWidget]:
    """Once ``find()`` returns a visible widget (a modal question), run ``action`` on it.

    Returns a list that receives the widget, so the test can check it was seen."""
    seen: list[QWidget] = []

    def poll() -> None:
        widget = find()
        if widget is None or not widget.isVisible():
            QTimer.singleShot(10, poll)
            return
        seen.append(widget)
        action(widget)

    QTimer.singleShot(0, poll)
    return seen


def click_button(text_start: str) -> Callable[[QWidget], None]:
    def click(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        for button in box.buttons():
            if button.text().startswith(text_start):
                button.click()
                return
        raise AssertionError(f"no button starting with {text_start!r}: {[b.text() for b in box.buttons()]}")

    return click


def type_into_editor(qtbot, table, row: int, column: int, text: str) -> None:
    """Type ``text`` into the open editor of a cell and press Return (the delegate commits later)."""
    index = table.model().index(row, column)
    editor = table.indexWidget(index)
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    editor.del_()
    if text.isascii():
        qtbot.keyClicks(editor, text)
    else:  # QTest can only type ASCII keys
        editor.insert(text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.indexWidget(index) is None)  # committed and closed


def edit_cell(qtbot, table, row: int, column: int, text: str) -> None:
    """Type ``text`` into a cell through its real editor (opened as a double click would)."""
    item = table.item(row, column)
    table.setCurrentItem(item)
    table.editItem(item)
    type_into_editor(qtbot, table, row, column, text)


def test_shows_the_stored_scheme_and_span_counts(dialog: SchemeEditorDialog) -> None:
    table = dialog.span_table
    names = [table.item(i, dialog.NAME).text() for i in range(table.rowCount())]
    assert names == ["PER", "ORG", "GPE", "LOC", "EVENT", "DATE", "QUOTE", "CLAIM", "CUE"]
    assert table.item(0, dialog.SPANS).text() == "2"
    assert table.item(1, dialog.SPANS).text() == "1"
    assert table.item(2, dialog.SPANS).text() == "0"
    kind = table.cellWidget(dialog.row_of("QUOTE"), dialog.KIND)
    assert isinstance(kind, QComboBox) and kind.currentText() == "quote"
    assert table.item(0, dialog.KEY).text() == "1"
    assert dialog.relation_label_names() == ["SAID_BY", "CLAIMED_BY", "CUE_OF"]
    assert dialog.relation_table.item(0, dialog.REL_COUNT).text() == "1"
    dialog.relation_table.selectRow(0)
    checked = [
        dialog.children_list.item(i).text()
        for i in range(dialog.children_list.count())
        if dialog.children_list.item(i).checkState() == Qt.CheckState.Checked
    ]
    assert checked == ["PER", "ORG"]
    assert ok_button(dialog).isEnabled() and not dialog.errors


def test_add_label_with_colour_key_and_attributes(qtbot, dialog: SchemeEditorDialog, project: Project) -> None:
    table = dialog.span_table
    qtbot.mouseClick(dialog.add_span_button, Qt.MouseButton.LeftButton)
    row = table.rowCount() - 1
    # The new label's name is open for typing.
    type_into_editor(qtbot, table, row, dialog.NAME, "SOURCE")
    assert table.item(row, dialog.NAME).text() == "SOURCE"

    kind = table.cellWidget(row, dialog.KIND)
    assert isinstance(kind, QComboBox)
    kind.setCurrentText("other")
    edit_cell(qtbot, table, row, dialog.KEY, "sx")  # the key editor takes one character
    assert table.item(row, dialog.KEY).text() == "s"
    edit_cell(qtbot, table, row, dialog.DESCRIPTION, "مصدر الخبر")

    def pick_colour(colour_dialog: QWidget) -> None:
        colour_dialog.setCurrentColor(QColor("#123abc"))
        colour_dialog.accept()

    seen = when_open(qtbot, lambda: dialog.colour_dialog, pick_colour)
    colour_button = table.cellWidget(row, dialog.COLOUR)
    assert isinstance(colour_button, QPushButton)
    qtbot.mouseClick(colour_button, Qt.MouseButton.LeftButton)
    assert seen and colour_button.text() == "#123abc"

    # Two attributes: a choice with a default, a bool.
    qtbot.mouseClick(dialog.add_attribute_button, Qt.MouseButton.LeftButton)
    attrs = dialog.attribute_table
    type_into_editor(qtbot, attrs, 0, dialog.ATTR_NAME, "stance")
    assert not ok_button(dialog).isEnabled()  # a choice with no values yet
    edit_cell(qtbot, attrs, 0, dialog.ATTR_VALUES, "pro، against , neutral")
    edit_cell(qtbot, attrs, 0, dialog.ATTR_DEFAULT, "neutral")
    qtbot.mouseClick(dialog.add_attribute_button, Qt.MouseButton.LeftButton)
    type_into_editor(qtbot, attrs, 1, dialog.ATTR_NAME, "anonymous")
    attr_type = attrs.cellWidget(1, dialog.ATTR_TYPE)
    assert isinstance(attr_type, QComboBox)
    attr_type.setCurrentText("bool")
    edit_cell(qtbot, attrs, 1, dialog.ATTR_DEFAULT, "yes")
    assert not dialog.errors, dialog.errors

    press_ok(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.changed.added == ["SOURCE"] and not dialog.changed.spans_changed

    path = project.path
    assert path is not None
    with Project.open(path) as reopened:
        label = reopened.scheme().span_label("SOURCE")
    assert label is not None
    assert (label.kind, label.color, label.key, label.description) == ("other", "#123abc", "s", "مصدر الخبر")
    assert label.attributes == [
        AttributeDef("stance", "choice", ["pro", "against", "neutral"], "neutral"),
        AttributeDef("anonymous", "bool", [], True),
    ]
    assert project.scheme().span_label_names[-1] == "SOURCE"
    assert dialog.changed.scheme is not None and dialog.changed.scheme.span_label("SOURCE") == label


def test_rename_label_spans_and_relation_ends_follow(qtbot, dialog: SchemeEditorDialog, project: Project) -> None:
    edit_cell(qtbot, dialog.span_table, 0, dialog.NAME, "PERSON")
    # The relation editor already shows the new name.
    dialog.relation_table.selectRow(dialog.relation_row_of("SAID_BY"))
    children = [dialog.children_list.item(i).text() for i in range(dialog.children_list.count())]
    assert children[0] == "PERSON"
    assert dialog.children_list.item(0).checkState() == Qt.CheckState.Checked

    press_ok(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.changed.renamed == {"PER": "PERSON"} and dialog.changed.spans_changed
    assert labels_of_spans(project).count(("PERSON", "بوتين")) == 1
    assert [lab for lab, _ in labels_of_spans(project)].count("PERSON") == 2
    assert "PER" not in [lab for lab, _ in labels_of_spans(project)]
    scheme = project.scheme()
    assert scheme.span_label_names[0] == "PERSON" and scheme.span_label("PER") is None
    assert scheme.span_label("PERSON").key == "1"
    said_by = scheme.relation_label("SAID_BY")
    assert said_by is not None and said_by.children == ["PERSON", "ORG"]
    assert scheme.relation_label("CLAIMED_BY").children == ["PERSON", "ORG"]
    (relation,) = project.relations(project.document_ids()[0])
    assert project.span(relation.child).label == "PERSON"


def test_swapped_names_and_reused_name_apply_cleanly(dialog: SchemeEditorDialog, project: Project) -> None:
    dialog.span_table.item(dialog.row_of("PER"), dialog.NAME).setText("ORG_tmp")
    dialog.span_table.item(dialog.row_of("ORG"), dialog.NAME).setText("PER")
    dialog.span_table.item(dialog.row_of("ORG_tmp"), dialog.NAME).setText("ORG")
    assert dialog.remove_span_label("GPE")  # no spans: no question
    row = dialog.add_span_label()
    dialog.span_table.item(row, dialog.NAME).setText("GPE")  # a new label with a deleted label's name
    dialog.span_table.item(row, dialog.KEY).setText("3")
    dialog.relation_table.item(dialog.relation_row_of("SAID_BY"), dialog.REL_NAME).setText("SPOKEN_BY")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.changed.renamed == {"PER": "ORG", "ORG": "PER"}
    assert dialog.changed.deleted == {"GPE": None} and dialog.changed.added == ["GPE"]
    assert dialog.changed.relations_renamed == {"SAID_BY": "SPOKEN_BY"}
    assert sorted(labels_of_spans(project)) == sorted(
        [("ORG", "فلاديمير"), ("ORG", "بوتين"), ("PER", "الكرملين"), ("QUOTE", "روسيا مستعدة")]
    )
    scheme = project.scheme()
    assert scheme.span_label_names[:2] == ["ORG", "PER"]
    assert scheme.span_label("ORG").key == "1" and scheme.span_label("GPE").key == "3"
    assert scheme.relation_label_names == ["SPOKEN_BY", "CLAIMED_BY", "CUE_OF"]
    assert scheme.relation_label("SPOKEN_BY").children == ["ORG", "PER"]
    (relation,) = project.relations(project.document_ids()[0])
    assert relation.label == "SPOKEN_BY"


def test_delete_label_in_use_relabel(dialog: SchemeEditorDialog, project: Project) -> None:
    assert dialog.remove_span_label("PER", choice=("relabel", "ORG"))
    assert "PER" not in dialog.span_label_names()
    assert dialog.span_table.item(dialog.row_of("ORG"), dialog.SPANS).text() == "3"
    assert [lab for lab, _ in labels_of_spans(project)].count("PER") == 2  # nothing stored before OK
    dialog.accept()
    assert dialog.changed.deleted == {"PER": "ORG"} and dialog.changed.spans_relabelled == 2
    assert sorted(labels_of_spans(project)) == sorted(
        [("ORG", "فلاديمير"), ("ORG", "بوتين"), ("ORG", "الكرملين"), ("QUOTE", "روسيا مستعدة")]
    )
    scheme = project.scheme()
    assert scheme.span_label("PER") is None
    assert scheme.relation_label("SAID_BY").children == ["ORG"]
    assert len(project.relations(project.document_ids()[0])) == 1  # relabelled spans keep their links


def test_delete_label_in_use_relabel_through_the_questions(qtbot, dialog: SchemeEditorDialog, project: Project) -> None:
    texts: list[str] = []

    def choose_target(box: QWidget) -> None:
        assert isinstance(box, QInputDialog)
        assert "GPE" in box.comboBoxItems() and "PER" not in box.comboBoxItems()
        box.setTextValue("GPE")
        box.accept()

    def move(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        texts.append(box.text())
        when_open(qtbot, lambda: dialog.question if isinstance(dialog.question, QInputDialog) else None, choose_target)
        click_button("Move")(box)

    dialog.span_table.selectRow(dialog.row_of("PER"))
    when_open(qtbot, lambda: dialog.question if isinstance(dialog.question, QMessageBox) else None, move)
    qtbot.mouseClick(dialog.remove_span_button, Qt.MouseButton.LeftButton)
    assert texts == ["The label “PER” is used by 2 spans. What should happen to them?"]
    assert "PER" not in dialog.span_label_names()
    press_ok(qtbot, dialog)
    assert dialog.changed.deleted == {"PER": "GPE"}
    assert [lab for lab, _ in labels_of_spans(project)].count("GPE") == 2


def test_delete_label_in_use_delete_spans(qtbot, dialog: SchemeEditorDialog, project: Project) -> None:
    dialog.span_table.selectRow(dialog.row_of("PER"))
    seen = when_open(qtbot, lambda: dialog.question, click_button("Delete the 2 spans"))
    qtbot.mouseClick(dialog.remove_span_button, Qt.MouseButton.LeftButton)
    assert seen and "PER" not in dialog.span_label_names()
    press_ok(qtbot, dialog)
    assert dialog.changed.deleted == {"PER": None} and dialog.changed.spans_deleted == 2
    assert sorted(labels_of_spans(project)) == [("ORG", "الكرملين"), ("QUOTE", "روسيا مستعدة")]
    assert project.relations(project.document_ids()[0]) == []  # went with the spans
    assert project.scheme().span_label("PER") is None
    assert project.scheme().relation_label("SAID_BY").children == ["ORG"]


def test_delete_label_in_use_cancel_changes_nothing(qtbot, dialog: SchemeEditorDialog, project: Project) -> None:
    before_scheme, before_spans = project.scheme(), labels_of_spans(project)
    dialog.span_table.selectRow(dialog.row_of("PER"))
    seen = when_open(qtbot, lambda: dialog.question, click_button("Cancel"))
    qtbot.mouseClick(dialog.remove_span_button, Qt.MouseButton.LeftButton)
    assert seen
    assert "PER" in dialog.span_label_names()

    # Moving the spans, then cancelling the choice of label, also keeps the label.
    def move_then_cancel(box: QWidget) -> None:
        when_open(qtbot, lambda: dialog.question if isinstance(dialog.question, QInputDialog) else None, QDialog.reject)
        click_button("Move")(box)

    seen = when_open(
        qtbot, lambda: dialog.question if isinstance(dialog.question, QMessageBox) else None, move_then_cancel
    )
    qtbot.mouseClick(dialog.remove_span_button, Qt.MouseButton.LeftButton)
    assert seen and "PER" in dialog.span_label_names()
    press_ok(qtbot, dialog)
    assert dialog.changed.deleted == {} and not dialog.changed.spans_changed
    assert project.scheme() == before_scheme
    assert labels_of_spans(project) == before_spans


def test_cancel_dialog_discards_every_edit(qtbot, dialog: SchemeEditorDialog, project: Project) -> None:
    before_scheme, before_spans = project.scheme(), labels_of_spans(project)
    dialog.span_table.item(0, dialog.NAME).setText("PERSON")
    dialog.remove_span_label("ORG", choice=("delete", None))
    dialog.add_span_label()
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Rejected and not dialog.changed
    assert project.scheme() == before_scheme and labels_of_spans(project) == before_spans


def test_duplicate_key_blocks_ok(qtbot, dialog: SchemeEditorDialog, project: Project) -> None:
    before = project.scheme()
    edit_cell(qtbot, dialog.span_table, dialog.row_of("ORG"), dialog.KEY, "1")  # PER has 1
    assert not ok_button(dialog).isEnabled()
    assert dialog.errors == ["Labels PER and ORG both use the key “1”."]
    assert dialog.error_label.isVisible() and dialog.error_label.text() == dialog.errors[0]
    press_ok(qtbot, dialog)
    dialog.accept()  # even called directly, OK does nothing while the scheme is invalid
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert project.scheme() == before
    edit_cell(qtbot, dialog.span_table, dialog.row_of("ORG"), dialog.KEY, "o")
    assert ok_button(dialog).isEnabled() and not dialog.error_label.isVisible()
    press_ok(qtbot, dialog)
    assert project.scheme().span_label("ORG").key == "o"


def test_empty_and_duplicate_names_block_ok(qtbot, dialog: SchemeEditorDialog) -> None:
    dialog.span_table.item(dialog.row_of("ORG"), dialog.NAME).setText("  ")
    assert not ok_button(dialog).isEnabled()
    assert "Span label 2 has no name." in dialog.errors
    dialog.span_table.item(1, dialog.NAME).setText("PER")
    assert dialog.errors == ["Two span labels are called “PER”."]
    dialog.span_table.item(1, dialog.NAME).setText("ORG")
    assert ok_button(dialog).isEnabled()
    dialog.relation_table.item(1, dialog.REL_NAME).setText("SAID_BY")
    assert dialog.errors == ["Two relation labels are called “SAID_BY”."]
    assert not ok_button(dialog).isEnabled()


def test_label_names_are_plain_text(qtbot, dialog: SchemeEditorDialog, project: Project) -> None:
    name = "<b>x</b>"
    edit_cell(qtbot, dialog.span_table, dialog.row_of("ORG"), dialog.NAME, name)
    assert dialog.span_table.item(1, dialog.NAME).text() == name
    dialog.relation_table.selectRow(0)
    assert dialog.children_list.item(1).text() == name
    # The deletion question shows the name literally.
    texts: list[tuple[str, Qt.TextFormat]] = []

    def look(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        texts.append((box.text(), box.textFormat()))
        click_button("Cancel")(box)

    when_open(qtbot, lambda: dialog.question, look)
    dialog.span_table.selectRow(1)
    qtbot.mouseClick(dialog.remove_span_button, Qt.MouseButton.LeftButton)
    assert texts == [(f"The label “{name}” is used by 1 span. What should happen to them?", Qt.TextFormat.PlainText)]
    # So does an error about it, in a plain-text label; no label of the dialog guesses at rich text.
    dialog.span_table.item(0, dialog.NAME).setText(name)
    assert dialog.error_label.text() == f"Two span labels are called “{name}”."
    assert dialog.error_label.textFormat() == Qt.TextFormat.PlainText
    assert dialog.attribute_box.title() == f"Attributes of {name}"  # group box titles are plain
    assert all(label.textFormat() == Qt.TextFormat.PlainText for label in dialog.findChildren(QLabel) if label.text())
    dialog.span_table.item(0, dialog.NAME).setText("PER")
    press_ok(qtbot, dialog)
    assert project.scheme().span_label_names[1] == name
    assert ("<b>x</b>", "الكرملين") in labels_of_spans(project)


def test_reorder_and_attribute_validation(qtbot, dialog: SchemeEditorDialog, project: Project) -> None:
    dialog.span_table.selectRow(dialog.row_of("QUOTE"))
    qtbot.mouseClick(dialog.up_button, Qt.MouseButton.LeftButton)
    assert dialog.span_label_names()[5:7] == ["QUOTE", "DATE"]
    assert dialog.current_span_row() is not None and dialog.current_span_row().label.name == "QUOTE"
    # QUOTE's attribute: a default outside the values is refused.
    assert dialog.attribute_table.item(0, dialog.ATTR_VALUES).text() == "direct, indirect"
    edit_cell(qtbot, dialog.attribute_table, 0, dialog.ATTR_DEFAULT, "partial")
    assert not ok_button(dialog).isEnabled()
    assert dialog.errors == ["The default “partial” of attribute type of label QUOTE is not one of its values."]
    edit_cell(qtbot, dialog.attribute_table, 0, dialog.ATTR_VALUES, "direct, indirect, partial")
    assert ok_button(dialog).isEnabled()
    dialog.span_table.selectRow(dialog.row_of("CLAIM"))
    edit_cell(qtbot, dialog.attribute_table, 0, dialog.ATTR_DEFAULT, "maybe")  # check_worthy is a bool
    assert not ok_button(dialog).isEnabled()
    edit_cell(qtbot, dialog.attribute_table, 0, dialog.ATTR_DEFAULT, "false")
    assert ok_button(dialog).isEnabled()
    press_ok(qtbot, dialog)
    scheme = project.scheme()
    assert scheme.span_label_names[5:7] == ["QUOTE", "DATE"]
    assert scheme.span_label("QUOTE").attributes[0].values == ["direct", "indirect", "partial"]
    assert scheme.span_label("QUOTE").attributes[0].default == "partial"
    assert scheme.span_label("CLAIM").attributes[0].default is False


def test_relation_labels_edit_heads_children_and_delete(qtbot, dialog: SchemeEditorDialog, project: Project) -> None:
    qtbot.mouseClick(dialog.add_relation_button, Qt.MouseButton.LeftButton)
    row = dialog.relation_table.rowCount() - 1
    type_into_editor(qtbot, dialog.relation_table, row, dialog.REL_NAME, "MEMBER_OF")
    dialog.set_relation_ends("MEMBER_OF", heads=["PER"], children=["ORG", "GPE"])
    # Deleting SAID_BY, in use, asks first.
    dialog.relation_table.selectRow(dialog.relation_row_of("SAID_BY"))
    seen = when_open(qtbot, lambda: dialog.question, click_button("Delete the 1 relation"))
    qtbot.mouseClick(dialog.remove_relation_button, Qt.MouseButton.LeftButton)
    assert seen and "SAID_BY" not in dialog.relation_label_names()
    press_ok(qtbot, dialog)
    assert dialog.changed.relations_deleted == ["SAID_BY"] and dialog.changed.relations_removed == 1
    assert dialog.changed.relations_added == ["MEMBER_OF"]
    scheme = project.scheme()
    member = scheme.relation_label("MEMBER_OF")
    assert member is not None and (member.heads, member.children) == (["PER"], ["ORG", "GPE"])
    assert scheme.relation_label("SAID_BY") is None
    assert project.relations(project.document_ids()[0]) == []


def test_chained_deletions_end_at_the_last_label(dialog: SchemeEditorDialog, project: Project) -> None:
    dialog.remove_span_label("PER", choice=("relabel", "ORG"))
    assert dialog.span_count("ORG") == 3
    dialog.remove_span_label("ORG", choice=("relabel", "GPE"))
    dialog.accept()
    assert dialog.changed.deleted == {"PER": "GPE", "ORG": "GPE"}
    assert sorted(lab for lab, _ in labels_of_spans(project)) == ["GPE", "GPE", "GPE", "QUOTE"]
    assert project.scheme().relation_label("SAID_BY").children == []


def test_a_failed_apply_leaves_the_database_unchanged(qtbot, dialog: SchemeEditorDialog, project: Project) -> None:
    dialog.span_table.item(0, dialog.NAME).setText("PERSON")
    assert dialog.remove_span_label("EVENT")  # no spans now, so no question...
    doc = project.document_ids()[0]
    project.add_span(doc, Span(0, 3, "EVENT", annotator="badr"))  # ...but another window adds one
    before_scheme, before_spans = project.scheme(), labels_of_spans(project)
    messages: list[str] = []

    def close(box: QWidget) -> None:
        assert isinstance(box, QMessageBox) and box.textFormat() == Qt.TextFormat.PlainText
        messages.append(box.text())
        box.accept()

    when_open(qtbot, lambda: next((w for w in dialog.findChildren(QMessageBox) if w.isVisible()), None), close)
    press_ok(qtbot, dialog)
    assert messages and "nothing was changed" in messages[0] and "EVENT" in messages[0]
    assert dialog.isVisible() and not dialog.changed
    assert project.scheme() == before_scheme and labels_of_spans(project) == before_spans


def test_delete_key_removes_an_unused_label(qtbot, dialog: SchemeEditorDialog, project: Project) -> None:
    dialog.span_table.selectRow(dialog.row_of("LOC"))
    dialog.span_table.setFocus()
    qtbot.keyClick(dialog.span_table, Qt.Key.Key_Delete)
    assert "LOC" not in dialog.span_label_names()
    press_ok(qtbot, dialog)
    assert dialog.changed.deleted == {"LOC": None} and dialog.changed.spans_deleted == 0
    assert project.scheme().span_label("LOC") is None
