"""The Arabic interface: the shipped translations (.ts source and compiled .qm), the main window in
Arabic (translated menus, right-to-left layout) and in English, the language setting and the
``--lang`` option of ``annotator gui``."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from annotator.store.project import Project
from annotator.ui.language import (
    current_language,
    install_language,
    resolve_language,
    translations_dir,
    visual_area,
)
from annotator.ui.main_window import MainWindow
from annotator.ui.settings import AppSettings

TS = translations_dir() / "annotator_ar.ts"
QM = translations_dir() / "annotator_ar.qm"
ROOT = Path(__file__).resolve().parents[2]
PLACEHOLDER = re.compile(r"\{([^{}]*)\}")


def ts_messages() -> list[tuple[str, str, ET.Element]]:
    """(context, source, translation element) of every message of the .ts file."""
    out = []
    for context in ET.parse(TS).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            out.append((name, message.findtext("source") or "", message.find("translation")))
    return out


def ts_translation(context: str, source: str) -> str:
    for name, text, translation in ts_messages():
        if name == context and text == source:
            return translation.text or ""
    raise KeyError((context, source))


@pytest.fixture
def arabic(qapp) -> Iterator[QApplication]:
    assert install_language(qapp, "ar")
    yield qapp
    install_language(qapp, "en")


@pytest.fixture
def window_factory(seed_project: Project, qtbot):
    def make() -> MainWindow:
        window = MainWindow(seed_project, annotator="amal")
        qtbot.addWidget(window)
        return window

    return make


def menu_titles(window: MainWindow) -> list[str]:
    return [action.text() for action in window.menuBar().actions()]


def test_the_compiled_translations_exist_and_load(qapp) -> None:
    assert TS.is_file() and QM.is_file()
    translator = QTranslator()
    assert translator.load(str(QM))
    assert not translator.isEmpty()
    assert translator.translate("menus", "&File") == ts_translation("menus", "&File")


def test_every_message_has_a_finished_arabic_translation() -> None:
    root = ET.parse(TS).getroot()
    assert root.get("language", "").startswith("ar")
    messages = ts_messages()
    assert len(messages) > 500
    for context, source, translation in messages:
        assert translation is not None, (context, source)
        assert translation.get("type") not in ("unfinished", "vanished", "obsolete"), (context, source)
        text = translation.text or ""
        assert text.strip(), (context, source)
        # .format() is called on the translation with the source's names: it may use fewer, never others
        assert set(PLACEHOLDER.findall(text)) <= set(PLACEHOLDER.findall(source)), (context, source, text)
        if re.search(r"[A-Za-z]{3,}", source) and not re.fullmatch(r"[A-Za-z0-9+=\-/ ()]+", source):
            assert re.search(r"[\u0600-\u06FF]", text), (context, source, text)  # really in Arabic
        if re.search(r"&[^&\s]", source):
            assert re.search(r"&[^&\s]", text), (context, source, text)  # keeps a mnemonic


def test_the_ts_file_is_up_to_date_with_the_code(tmp_path: Path) -> None:
    """lupdate finds no string in annotator/ui that the shipped .ts lacks."""
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    if not lupdate.exists():
        pytest.skip("pyside6-lupdate is not installed")
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (ROOT / "annotator" / "ui").glob("*.py"))
    subprocess.run([str(lupdate), *sources, "-ts", str(fresh)], check=True, capture_output=True)
    shipped = {(c, s) for c, s, _ in ts_messages()}
    found = set()
    for context in ET.parse(fresh).getroot().iter("context"):
        name = context.findtext("name") or ""
        found |= {(name, m.findtext("source") or "") for m in context.iter("message")}
    assert found - shipped == set()


def test_the_main_window_in_arabic_is_translated_and_right_to_left(arabic, window_factory) -> None:
    window = window_factory()
    titles = menu_titles(window)
    assert titles[0] == ts_translation("menus", "&File") == "&ملف"
    assert ts_translation("menus", "&Edit") in titles
    assert ts_translation("menus", "&View") in titles
    assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.menuBar().layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.undo_action.text().startswith(ts_translation("menus", "&Undo"))
    assert window.documents_dock.windowTitle() == ts_translation("MainWindow", "Documents")
    # QMainWindow does not mirror dock areas: the document list, left in English, is on the right
    assert window.dockWidgetArea(window.documents_dock) == Qt.DockWidgetArea.RightDockWidgetArea
    assert window.dockWidgetArea(window.details_dock) == Qt.DockWidgetArea.LeftDockWidgetArea
    header = window.document_table.model().headerData(0, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
    assert header == ts_translation("DocumentListModel", "Title")
    # the text view itself stays right-to-left, as in English
    assert window.document_view.layoutDirection() == Qt.LayoutDirection.RightToLeft


def test_the_main_window_in_english_is_english_and_left_to_right(qapp, window_factory) -> None:
    install_language(qapp, "en")
    window = window_factory()
    assert menu_titles(window)[:3] == ["&File", "&Edit", "&Annotate"]
    assert "&View" in menu_titles(window) and "&Help" in menu_titles(window)
    assert window.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert window.document_view.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.dockWidgetArea(window.documents_dock) == Qt.DockWidgetArea.LeftDockWidgetArea
    assert QCoreApplication.translate("menus", "&File") == "&File"


def test_visual_area_swaps_left_and_right_only_in_right_to_left(qapp, arabic) -> None:
    assert visual_area(Qt.DockWidgetArea.LeftDockWidgetArea) == Qt.DockWidgetArea.RightDockWidgetArea
    assert visual_area(Qt.DockWidgetArea.BottomDockWidgetArea) == Qt.DockWidgetArea.BottomDockWidgetArea
    install_language(qapp, "en")
    assert visual_area(Qt.DockWidgetArea.LeftDockWidgetArea) == Qt.DockWidgetArea.LeftDockWidgetArea


def test_language_setting_and_system_default(tmp_path: Path, monkeypatch) -> None:
    settings = AppSettings.at(tmp_path / "settings.ini")
    assert settings.language() == "system"
    settings.set_language("ar")
    settings.sync()
    assert AppSettings.at(tmp_path / "settings.ini").language() == "ar"
    with pytest.raises(ValueError):
        settings.set_language("fr")
    assert resolve_language("ar") == "ar" and resolve_language("en") == "en"
    monkeypatch.setenv("ANNOTATOR_LANG", "ar")
    assert resolve_language("system") == "ar"
    monkeypatch.setenv("ANNOTATOR_LANG", "en")
    assert resolve_language(None) == "en"


def test_view_language_menu_stores_the_choice(qapp, seed_project: Project, qtbot, monkeypatch, tmp_path) -> None:
    shown: list[str] = []
    monkeypatch.setattr("annotator.ui.menus.show_info", lambda parent, text, title="": shown.append(text))
    settings = AppSettings.at(tmp_path / "settings.ini")
    window = MainWindow(seed_project, annotator="amal", settings=settings, prompt=False)
    qtbot.addWidget(window)
    actions = window.language_actions
    assert [actions[c].text() for c in ("system", "en", "ar")] == ["&System default", "&English", "&العربية"]
    assert actions["system"].isChecked()
    actions["ar"].trigger()
    assert settings.language() == "ar" and actions["ar"].isChecked()
    assert shown and "next time" in shown[0]
    assert current_language() == "en"  # applies at the next start


def test_gui_screenshot_in_arabic(seed_project: Project, tmp_path: Path) -> None:
    """``annotator gui DB --screenshot out.png --lang ar`` in a process of its own."""
    png = tmp_path / "ar.png"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "annotator.cli",
            "gui",
            str(seed_project.path),
            "--screenshot",
            str(png),
            "--lang",
            "ar",
            "--size",
            "1000x700",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    image = QImage(str(png))
    assert (image.width(), image.height()) == (1000, 700)


def test_run_gui_in_arabic_restores_the_language_afterwards(seed_project: Project, tmp_path: Path, qapp) -> None:
    from annotator.ui.app import run_gui

    png = tmp_path / "ar.png"
    assert run_gui(seed_project.path, screenshot=png, language="ar", size=(800, 600)) == 0
    assert not QImage(str(png)).isNull()
    assert current_language() == "en"
    assert QApplication.layoutDirection() == Qt.LayoutDirection.LeftToRight
