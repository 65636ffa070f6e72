"""Small dialogs: messages shown as plain text, and the annotator's name.

Message boxes may quote paths, document titles or database errors, so their text format is
always plain (QMessageBox would otherwise guess at rich text).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget

APP_TITLE = "Annotator"


def message_box(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    return box


def show_error(parent: QWidget | None, text: str, title: str = APP_TITLE) -> None:
    message_box(parent, QMessageBox.Icon.Critical, title, text).exec()


def show_info(parent: QWidget | None, text: str, title: str = APP_TITLE) -> None:
    message_box(parent, QMessageBox.Icon.Information, title, text).exec()


def ask_annotator_name(parent: QWidget | None, current: str = "") -> str | None:
    """Ask who is annotating (the first run, or File > Annotator name…); None if cancelled or
    left empty. The prompt is fixed text; the name is typed into a plain line edit."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(QCoreApplication.translate("dialogs", "Your name"))
    dialog.setLabelText(
        QCoreApplication.translate(
            "dialogs",
            "Who is annotating? Your spans are kept in a layer under this name\n"
            "(reviewers compare layers by annotator). You can change it later in the File menu.",
        )
    )
    dialog.setInputMode(QInputDialog.InputMode.TextInput)
    dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
    dialog.setTextValue(current)
    if dialog.exec() != QInputDialog.DialogCode.Accepted:
        return None
    name = " ".join(dialog.textValue().split())
    return name or None
