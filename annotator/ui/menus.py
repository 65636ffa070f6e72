"""The main window's menus and their actions.

Actions with Ctrl/F-key shortcuts are window shortcuts. The single keys of the text view (label
keys, Tab, Delete, L, N and the edge keys) are claimed by the view itself (see shortcuts.py);
their menu entries show the key after a tab and run the same slot when chosen with the mouse.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu

from annotator.ui.assist_menus import add_assist_actions
from annotator.ui.dialogs import APP_TITLE, show_error, show_info
from annotator.ui.language import language_names
from annotator.ui.palette import swatch
from annotator.ui.shortcuts import ShortcutsDialog

if TYPE_CHECKING:
    from annotator.ui.main_window import MainWindow

Shortcut = QKeySequence | QKeySequence.StandardKey | str
PROJECT_FILTER = QT_TRANSLATE_NOOP("menus", "Annotator projects (*.db *.annotator.db);;All files (*)")


def _action(
    window: MainWindow, text: str, slot: Callable[[], object], shortcuts: Sequence[Shortcut] = (), key_hint: str = ""
) -> QAction:
    """An action running ``slot``; ``key_hint`` is a key the text view handles, shown in the menu."""
    act = QAction(f"{text}\t{key_hint}" if key_hint else text, window)
    if shortcuts:
        act.setShortcuts(unique_keys(shortcuts))
    act.triggered.connect(lambda _checked=False: slot())  # drop triggered's "checked" argument
    return act


def unique_keys(shortcuts: Sequence[Shortcut]) -> list[QKeySequence]:
    """Key sequences without repeats: a standard key that is also given by name (F5 for
    Refresh, Ctrl+- for ZoomOut on Linux) would otherwise make the shortcut ambiguous."""
    keys: list[QKeySequence] = []
    for shortcut in shortcuts:
        bindings = (
            QKeySequence.keyBindings(shortcut)
            if isinstance(shortcut, QKeySequence.StandardKey)
            else [QKeySequence(shortcut)]
        )
        for key in bindings:
            if not key.isEmpty() and key not in keys:
                keys.append(key)
    return keys


def build_menus(window: MainWindow) -> None:
    bar = window.menuBar()
    a = _action

    file_menu = bar.addMenu(QCoreApplication.translate("menus", "&File"))
    window.new_action = a(
        window,
        QCoreApplication.translate("menus", "&New project…"),
        lambda: new_project(window),
        [QKeySequence.StandardKey.New],
    )
    window.open_action = a(
        window,
        QCoreApplication.translate("menus", "&Open project…"),
        lambda: open_project_dialog(window),
        [QKeySequence.StandardKey.Open],
    )
    window.recent_menu = QMenu(QCoreApplication.translate("menus", "Open &recent"), window)
    window.recent_menu.aboutToShow.connect(lambda: fill_recent_menu(window))
    window.demo_action = a(
        window, QCoreApplication.translate("menus", "Open the &demo project"), lambda: open_demo(window)
    )
    window.import_action = a(
        window, QCoreApplication.translate("menus", "&Import text files…"), lambda: import_dialog(window), ["Ctrl+I"]
    )
    # every import and export format (import_dialog.py, export_dialog.py)
    window.import_formats_action = a(
        window,
        QCoreApplication.translate("menus", "Import &annotations…"),
        lambda: open_import_formats(window),
        ["Ctrl+Shift+I"],
    )
    window.export_action = a(
        window, QCoreApplication.translate("menus", "&Export…"), lambda: open_export(window), ["Ctrl+E"]
    )
    window.annotator_action = a(
        window, QCoreApplication.translate("menus", "Annotator &name…"), window.change_annotator
    )
    window.restore_backup_action = a(
        window, QCoreApplication.translate("menus", "Restore &backup…"), lambda: open_backups_dialog(window)
    )
    for item in (
        window.new_action,
        window.open_action,
        window.recent_menu,
        window.demo_action,
        None,
        window.import_action,
        window.import_formats_action,
        window.export_action,
        window.restore_backup_action,
        None,
        window.annotator_action,
        None,
    ):
        if item is None:
            file_menu.addSeparator()
        elif isinstance(item, QMenu):
            file_menu.addMenu(item)
        else:
            file_menu.addAction(item)
    from annotator.ui.review_distribute import add_file_actions  # package and merge (review_distribute.py)

    add_file_actions(window, file_menu)
    file_menu.addAction(
        a(window, QCoreApplication.translate("menus", "&Quit"), window.close, [QKeySequence.StandardKey.Quit])
    )

    edit_menu = bar.addMenu(QCoreApplication.translate("menus", "&Edit"))
    stack = window.editor.stack
    window.undo_action = stack.createUndoAction(window, QCoreApplication.translate("menus", "&Undo"))
    window.undo_action.setShortcuts(unique_keys([QKeySequence.StandardKey.Undo, "Ctrl+Z"]))
    window.redo_action = stack.createRedoAction(window, QCoreApplication.translate("menus", "&Redo"))
    window.redo_action.setShortcuts(unique_keys([QKeySequence.StandardKey.Redo, "Ctrl+Shift+Z", "Ctrl+Y"]))
    edit_menu.addAction(window.undo_action)
    edit_menu.addAction(window.redo_action)
    edit_menu.addSeparator()
    window.find_action = a(
        window, QCoreApplication.translate("menus", "&Find…"), window.open_find, [QKeySequence.StandardKey.Find]
    )
    window.find_next_action = a(
        window, QCoreApplication.translate("menus", "Find &next"), lambda: window.find_step(1), ["F3"]
    )
    window.find_previous_action = a(
        window, QCoreApplication.translate("menus", "Find &previous"), lambda: window.find_step(-1), ["Shift+F3"]
    )
    for act in (window.find_action, window.find_next_action, window.find_previous_action):
        edit_menu.addAction(act)
    edit_menu.addSeparator()
    window.scheme_action = a(window, QCoreApplication.translate("menus", "&Label scheme…"), window.edit_scheme)
    edit_menu.addAction(window.scheme_action)

    annotate = bar.addMenu(QCoreApplication.translate("menus", "&Annotate"))
    window.tag_menu = QMenu(QCoreApplication.translate("menus", "&Tag selection as"), window)
    annotate.addMenu(window.tag_menu)
    rebuild_tag_menu(window)
    window.delete_span_action = a(
        window, QCoreApplication.translate("menus", "&Delete span"), window.delete_selected_span, key_hint="Del"
    )
    window.link_action = a(window, QCoreApplication.translate("menus", "&Link…  (L)"), window.link, ["Ctrl+L"])
    window.remove_relation_action = a(
        window, QCoreApplication.translate("menus", "&Remove relation"), window.remove_relation
    )
    for act in (window.delete_span_action, window.link_action, window.remove_relation_action):
        annotate.addAction(act)
    annotate.addSeparator()
    annotate.addAction(a(window, QCoreApplication.translate("menus", "Next span"), window.next_span, key_hint="Tab"))
    annotate.addAction(
        a(window, QCoreApplication.translate("menus", "Previous span"), window.previous_span, key_hint="Shift+Tab")
    )
    annotate.addSeparator()
    annotate.addAction(
        a(
            window,
            QCoreApplication.translate("menus", "Move end later"),
            lambda: window.move_edge("end", 1),
            key_hint="Ctrl+Shift+Left",
        )
    )
    annotate.addAction(
        a(
            window,
            QCoreApplication.translate("menus", "Move end earlier"),
            lambda: window.move_edge("end", -1),
            key_hint="Ctrl+Shift+Right",
        )
    )
    annotate.addAction(
        a(
            window,
            QCoreApplication.translate("menus", "Move start later"),
            lambda: window.move_edge("start", 1),
            key_hint="Alt+Shift+Left",
        )
    )
    annotate.addAction(
        a(
            window,
            QCoreApplication.translate("menus", "Move start earlier"),
            lambda: window.move_edge("start", -1),
            key_hint="Alt+Shift+Right",
        )
    )
    annotate.addSeparator()
    annotate.addAction(
        a(window, QCoreApplication.translate("menus", "Clear selection"), window.clear_selection, key_hint="Esc")
    )
    add_assist_actions(window, edit_menu, annotate)  # search, tag all occurrences, clitics (assist_menus.py)

    view_menu = bar.addMenu(QCoreApplication.translate("menus", "&View"))
    window.zoom_in_action = a(
        window,
        QCoreApplication.translate("menus", "Zoom &in"),
        window.zoom_in,
        [QKeySequence.StandardKey.ZoomIn, "Ctrl+="],
    )
    window.zoom_out_action = a(
        window,
        QCoreApplication.translate("menus", "Zoom &out"),
        window.zoom_out,
        [QKeySequence.StandardKey.ZoomOut, "Ctrl+-"],
    )
    window.zoom_reset_action = a(
        window, QCoreApplication.translate("menus", "&Normal size"), window.reset_zoom, ["Ctrl+0"]
    )
    window.reload_action = a(
        window, QCoreApplication.translate("menus", "&Reload"), window.refresh, [QKeySequence.StandardKey.Refresh, "F5"]
    )
    for act in (window.zoom_in_action, window.zoom_out_action, window.zoom_reset_action):
        view_menu.addAction(act)
    view_menu.addSeparator()
    view_menu.addAction(window.reload_action)
    view_menu.addSeparator()
    for dock in (window.documents_dock, window.details_dock, window.annotations_dock):
        view_menu.addAction(dock.toggleViewAction())
    view_menu.addAction(window.palette_bar.toggleViewAction())
    view_menu.addSeparator()
    view_menu.addMenu(build_language_menu(window))

    go_menu = bar.addMenu(QCoreApplication.translate("menus", "&Go"))
    window.next_action = a(
        window, QCoreApplication.translate("menus", "&Next document"), window.next_document, ["Ctrl+PgDown"]
    )
    window.previous_action = a(
        window, QCoreApplication.translate("menus", "&Previous document"), window.previous_document, ["Ctrl+PgUp"]
    )
    window.done_action = a(
        window, QCoreApplication.translate("menus", "Mark document &done"), window.toggle_done, ["Ctrl+D"]
    )
    window.done_action.setCheckable(True)
    window.next_unfinished_action = a(
        window,
        QCoreApplication.translate("menus", "Next &unfinished document  (N)"),
        window.next_unfinished,
        ["Ctrl+Return", "Ctrl+Enter"],
    )
    for act in (window.next_action, window.previous_action, None, window.done_action, window.next_unfinished_action):
        if act is None:
            go_menu.addSeparator()
        else:
            go_menu.addAction(act)

    from annotator.ui.review_mode import build_review_menu  # review mode, adjudication, agreement

    build_review_menu(window, bar.addMenu(QCoreApplication.translate("menus", "&Review")))

    help_menu = bar.addMenu(QCoreApplication.translate("menus", "&Help"))
    window.shortcuts_action = a(
        window,
        QCoreApplication.translate("menus", "&Keyboard shortcuts"),
        lambda: ShortcutsDialog(window.scheme, window).exec(),
        ["F1"],
    )
    help_menu.addAction(window.shortcuts_action)
    help_menu.addAction(
        a(
            window,
            QCoreApplication.translate("menus", "&About"),
            lambda: show_info(
                window,
                about_text(),
                QCoreApplication.translate("menus", "About {APP_TITLE}").format(APP_TITLE=APP_TITLE),
            ),
        )
    )


def build_language_menu(window: MainWindow) -> QMenu:
    """View > Language: System default / English / العربية, kept in the settings; it applies when
    the annotator is started again (language.py)."""
    menu = QMenu(QCoreApplication.translate("menus", "&Language"), window)
    menu.setObjectName("language_menu")
    group = QActionGroup(menu)
    group.setExclusive(True)
    current = window.settings.language()
    window.language_actions = {}  # type: ignore[attr-defined]
    for choice, text in language_names():
        act = QAction(text, menu, checkable=True)
        act.setChecked(choice == current)
        act.setData(choice)
        group.addAction(act)
        menu.addAction(act)
        window.language_actions[choice] = act  # type: ignore[attr-defined]
        act.triggered.connect(lambda _checked=False, c=choice: choose_language(window, c))
    return menu


def choose_language(window: MainWindow, choice: str) -> None:
    if choice == window.settings.language():
        return
    window.settings.set_language(choice)
    window.settings.sync()
    show_info(
        window,
        QCoreApplication.translate("menus", "The new language is used the next time the annotator starts."),
        QCoreApplication.translate("menus", "Language"),
    )


def rebuild_tag_menu(window: MainWindow) -> None:
    window.tag_menu.clear()
    for label in window.scheme.span_labels:
        hint = f"{label.key}  /  Alt+{label.key}" if label.key else ""
        act = _action(window, label.name.replace("&", "&&"), lambda name=label.name: window.tag(name), key_hint=hint)
        act.setIcon(swatch(label.color, label.kind))
        window.tag_menu.addAction(act)


def about_text() -> str:
    from annotator import __version__

    return QCoreApplication.translate(
        "menus",
        "{APP_TITLE} {__version__}\n\nA desktop annotator for Arabic news text: entities, quotes and claims, kept in an SQLite project file. Every change is saved at once and can be undone.",
    ).format(APP_TITLE=APP_TITLE, __version__=__version__)


def fill_recent_menu(window: MainWindow) -> None:
    menu = window.recent_menu
    menu.clear()
    recent = window.settings.recent_projects()
    if not recent:
        empty = menu.addAction(QCoreApplication.translate("menus", "No recent projects"))
        empty.setEnabled(False)
        return
    for path in recent:
        act = menu.addAction(path.replace("&", "&&"))
        act.triggered.connect(lambda _checked=False, p=path: open_recent(window, p))


def open_recent(window: MainWindow, path: str) -> None:
    if not Path(path).exists():
        window.settings.remove_recent_project(path)
        show_error(
            window,
            QCoreApplication.translate("menus", "{path}: the project file is no longer there.").format(path=path),
        )
        return
    window.open_project(path)


def open_project_dialog(window: MainWindow) -> None:
    path, _ = QFileDialog.getOpenFileName(
        window,
        QCoreApplication.translate("menus", "Open project"),
        "",
        QCoreApplication.translate("menus", PROJECT_FILTER),
    )
    if path:
        window.open_project(path)


def new_project(window: MainWindow) -> None:
    from annotator.core.errors import AnnotatorError
    from annotator.store.project import Project

    path, _ = QFileDialog.getSaveFileName(
        window,
        QCoreApplication.translate("menus", "New project"),
        "project.annotator.db",
        QCoreApplication.translate("menus", PROJECT_FILTER),
    )
    if not path:
        return
    try:
        Project.create(path).close()
    except AnnotatorError as exc:
        show_error(window, str(exc))
        return
    window.open_project(path)


def open_demo(window: MainWindow) -> None:
    from annotator.core.errors import AnnotatorError
    from annotator.formats.seeds import open_demo_project

    try:
        path = open_demo_project()
    except AnnotatorError as exc:
        show_error(window, str(exc))
        return
    window.open_project(path)


def open_backups_dialog(window: MainWindow) -> None:
    from annotator.ui.backups_dialog import open_backups_dialog as open_dialog  # rolling backups, restore

    open_dialog(window)


def open_import_formats(window: MainWindow) -> None:
    from annotator.ui.import_dialog import open_import_dialog  # every format, in a worker thread

    open_import_dialog(window)


def open_export(window: MainWindow) -> None:
    from annotator.ui.export_dialog import open_export_dialog  # every format, in a worker thread

    open_export_dialog(window)


def import_dialog(window: MainWindow) -> None:
    paths, _ = QFileDialog.getOpenFileNames(
        window,
        QCoreApplication.translate("menus", "Import text files"),
        "",
        QCoreApplication.translate("menus", "Text files (*.txt *.text);;All files (*)"),
    )
    if paths:
        window.import_text_files([Path(p) for p in paths])
