"""PySide6 6.12.0 on Python 3.11 aborts the interpreter after a few thousand calls of methods that
return nothing (``Fatal Python error: none_dealloc``; see DESIGN.md, "Qt facts measured").

The calls run in a child process, so an abort shows up as this test failing with the child's
stderr rather than as a dead test run.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

CALLS = 20_000

SCRIPT = textwrap.dedent(
    f"""
    import sys
    from PySide6.QtGui import QSyntaxHighlighter, QTextCharFormat, QTextCursor
    from PySide6.QtWidgets import QApplication, QPlainTextEdit, QTextEdit

    class Highlighter(QSyntaxHighlighter):
        def highlightBlock(self, text):
            self.setFormat(0, min(3, len(text)), QTextCharFormat())

    app = QApplication([])
    edit = QPlainTextEdit()
    edit.setPlainText("مسيّرة 😀 فوق الكرملين\\n" * 50)
    cursor = QTextCursor(edit.document())
    length = edit.document().characterCount() - 1
    for i in range({CALLS}):
        cursor.setPosition(i % length)
        cursor.setPosition((i + 3) % length, QTextCursor.MoveMode.KeepAnchor)
        selection = QTextEdit.ExtraSelection()
        selection.cursor = cursor
        edit.setExtraSelections([selection])
        edit.viewport().update()
    highlighter = Highlighter(edit.document())
    for _ in range(20):
        highlighter.rehighlight()
    print("ok", {CALLS})
    """
)


def test_many_void_calls_do_not_abort_the_interpreter() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, env=env, timeout=300, check=False
    )
    assert result.returncode == 0, f"exit code {result.returncode}; stderr:\n{result.stderr[-4000:]}"
    assert result.stdout.split() == ["ok", str(CALLS)]
