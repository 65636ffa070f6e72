"""GUI helpers of the reliability tests: a shown main window, and message boxes recorded instead
of waiting for a click (every box the code shows goes through QMessageBox.exec)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from annotator.store.project import Project
from annotator.ui.main_window import MainWindow


def show_window(qtbot, project: Project, **kwargs) -> MainWindow:
    kwargs.setdefault("prompt", False)
    window = MainWindow(project, **kwargs)
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    return window


@dataclass
class Box:
    title: str
    text: str
    plain: bool
    icon: QMessageBox.Icon


class BoxRecorder:
    """Records every QMessageBox shown (title, text, text format) and answers it with ``answer``."""

    def __init__(self, monkeypatch, answer: QMessageBox.StandardButton = QMessageBox.StandardButton.Ok) -> None:
        self.boxes: list[Box] = []
        self.answer = answer
        recorder = self

        def exec_(box: QMessageBox) -> int:
            recorder.boxes.append(
                Box(box.windowTitle(), box.text(), box.textFormat() == Qt.TextFormat.PlainText, box.icon())
            )
            return recorder.answer

        monkeypatch.setattr(QMessageBox, "exec", exec_)

    @property
    def texts(self) -> list[str]:
        return [box.text for box in self.boxes]
