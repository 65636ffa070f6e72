"""Menu entries of the Arabic-aware assistance: project search, tag all occurrences, clitic mode.

:func:`add_assist_actions` is called by :func:`annotator.ui.menus.build_menus`; it puts
Edit > Search the project… (Ctrl+Shift+F), Annotate > Tag all occurrences… (Ctrl+Shift+A, and
"…in every document"), Annotate > Use stem of the span (Ctrl+Shift+S) and the Annotate > Clitics
mode (off / offer the stem / tag the stem) on the window.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu

from annotator.ui.clitic_selection import MODE_TEXT, MODES

if TYPE_CHECKING:
    from annotator.ui.main_window import MainWindow
    from annotator.ui.search_dialog import SearchDialog


def add_assist_actions(window: MainWindow, edit_menu: QMenu, annotate_menu: QMenu) -> None:
    window.search_action = QAction(QCoreApplication.translate("assist_menus", "&Search the project…"), window)
    window.search_action.setShortcut("Ctrl+Shift+F")
    window.search_action.triggered.connect(lambda _c=False: open_search(window))
    edit_menu.addAction(window.search_action)

    from annotator.ui.propagate_dialog import propagate_selected

    annotate_menu.addSeparator()
    window.propagate_action = QAction(QCoreApplication.translate("assist_menus", "Tag &all occurrences…"), window)
    window.propagate_action.setShortcut("Ctrl+Shift+A")
    window.propagate_action.triggered.connect(lambda _c=False: propagate_selected(window, "document"))
    window.propagate_project_action = QAction(
        QCoreApplication.translate("assist_menus", "Tag all occurrences in every &document…"), window
    )
    window.propagate_project_action.triggered.connect(lambda _c=False: propagate_selected(window, "project"))
    window.use_stem_action = QAction(
        QCoreApplication.translate("assist_menus", "Use &stem of the span (without و ف ب ل ك ال)"), window
    )
    window.use_stem_action.setShortcut("Ctrl+Shift+S")
    window.use_stem_action.triggered.connect(lambda _c=False: window.clitics.use_stem())
    for act in (window.propagate_action, window.propagate_project_action, window.use_stem_action):
        annotate_menu.addAction(act)
    clitic_menu = annotate_menu.addMenu(QCoreApplication.translate("assist_menus", "&Clitics when tagging a word"))
    group = QActionGroup(window)
    window.clitic_mode_actions = {}
    current = window.clitics.mode()
    for mode in MODES:
        act = QAction(QCoreApplication.translate("clitic_selection", MODE_TEXT[mode]), window)
        act.setCheckable(True)
        act.setData(mode)
        act.setChecked(mode == current)
        act.triggered.connect(lambda _c=False, m=mode: window.clitics.set_mode(m))
        group.addAction(act)
        clitic_menu.addAction(act)
        window.clitic_mode_actions[mode] = act


def open_search(window: MainWindow) -> SearchDialog:
    """Show the (non-modal) project search, with the selected text or the find bar's text."""
    from annotator.ui.search_dialog import SearchDialog

    view = window.document_view
    cursor = view.textCursor()
    initial = ""
    if cursor.hasSelection():
        qmap = view.position_map
        start, end = qmap.from_qt(cursor.selectionStart()), qmap.from_qt(cursor.selectionEnd())
        initial = " ".join(view.text[start:end].split())
    elif window.find_bar.isVisible():
        initial = window.find_bar.field.text()
    dialog: SearchDialog | None = getattr(window, "search_dialog", None)
    if dialog is None:
        dialog = SearchDialog(
            window.project,
            window,
            current_document=lambda: window.current_document().id if window.current_document() else None,
            project_source=lambda: window.project,
        )
        dialog.openHit.connect(lambda doc_id, start, end: show_hit(window, doc_id, start, end))
        window.search_dialog = dialog
    if initial:
        dialog.field.setText(initial)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    dialog.field.setFocus()
    dialog.field.selectAll()
    if dialog.field.text():
        dialog.run()
    return dialog


def show_hit(window: MainWindow, doc_id: int, start: int, end: int) -> bool:
    """Show document ``doc_id`` with ``[start, end)`` selected (ready to be tagged)."""
    if not window.show_document_id(doc_id):
        window.say(QCoreApplication.translate("assist_menus", "That document is no longer in the project."))
        return False
    window.select_span(None, scroll=False)
    window.document_view.show_range(start, end, select=True)
    window.document_view.setFocus()
    return True
