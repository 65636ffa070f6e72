"""Fast checks of the packaging files: desktop entry, AppStream metadata, icons, the wheel's data mapping.

The slow builds (PyInstaller, the wheel in a fresh venv) are `make package-check` and
`make wheel-check`; these tests only read files (and run the validators when they are installed).
"""

from __future__ import annotations

import configparser
import shutil
import struct
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import annotator
from annotator import resources

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
APP_ID = "io.github.annotator.Annotator"
DESKTOP = PACKAGING / f"{APP_ID}.desktop"
METAINFO = PACKAGING / f"{APP_ID}.metainfo.xml"
HICOLOR = ROOT / "resources" / "icons" / "hicolor"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    assert data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",), comment_prefixes=("#",))
    parser.optionxform = str  # keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_entry_keys():
    entry = desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Name"] == "Annotator"
    assert entry["Exec"].split()[0] == "annotator"  # install.sh replaces it with the full path
    assert entry["Icon"] == APP_ID  # the icon's file name in resources/icons/hicolor
    assert entry["Terminal"] == "false"
    assert entry["Categories"].endswith(";")
    assert "Comment" in entry and "Comment[ar]" in entry


@pytest.mark.skipif(not shutil.which("desktop-file-validate"), reason="needs desktop-file-utils")
def test_desktop_entry_validates():
    result = subprocess.run(["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


def test_metainfo_keys():
    root = ET.parse(METAINFO).getroot()
    assert root.tag == "component" and root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == DESKTOP.name
    assert root.find("launchable").get("type") == "desktop-id"
    assert root.findtext("provides/binary") == "annotator"
    assert root.findtext("name") and root.findtext("summary") and root.find("description/p") is not None
    license = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["license"]
    assert root.findtext("project_license") == (license if isinstance(license, str) else license["text"])
    versions = [release.get("version") for release in root.iterfind("releases/release")]
    assert versions and versions[0] == annotator.__version__, "add a <release> for the new version"


@pytest.mark.skipif(not shutil.which("appstreamcli"), reason="needs appstream")
def test_metainfo_validates():
    result = subprocess.run(["appstreamcli", "validate", "--no-net", str(METAINFO)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_icon_svg_and_png_sizes():
    svg = ET.parse(HICOLOR / "scalable" / "apps" / f"{APP_ID}.svg").getroot()
    assert svg.tag == "{http://www.w3.org/2000/svg}svg" and svg.get("viewBox") == "0 0 512 512"
    for size in PNG_SIZES:
        assert png_size(HICOLOR / f"{size}x{size}" / "apps" / f"{APP_ID}.png") == (size, size)


def test_windows_and_macos_icons():
    ico = (PACKAGING / "annotator.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind) == (0, 1)
    sides = {ico[6 + 16 * i] or 256 for i in range(count)}
    assert {16, 32, 48, 256} <= sides
    icns = (PACKAGING / "annotator.icns").read_bytes()
    assert icns[:4] == b"icns" and struct.unpack(">I", icns[4:8])[0] == len(icns)


def test_pyproject_maps_resources_and_seeds_into_the_package():
    setuptools = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    assert setuptools["package-dir"] == {"annotator._resources": "resources", "annotator._seeds": "seeds"}
    for package in ("annotator._resources", "annotator._seeds"):
        assert package in setuptools["packages"]
        assert setuptools["package-data"][package] == ["**/*"]


def test_every_subpackage_is_listed_in_pyproject():
    """The package list is explicit (find cannot map resources/ and seeds/): a new one must be added."""
    packages = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"]
    found = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "annotator").rglob("__init__.py")
        if "__pycache__" not in init.parts
    }
    missing = sorted(found - set(packages))
    assert not missing, f"add {missing} to [tool.setuptools] packages in pyproject.toml"


def test_checkout_uses_its_own_resources_and_seeds():
    # The editable install (make test, make run) reads the checkout's folders, not packaged copies.
    assert resources.resources_dir() == ROOT / "resources"
    assert resources.seeds_dir() == ROOT / "seeds"


def test_packaged_folders_are_preferred(tmp_path, monkeypatch):
    # In a wheel, and in the PyInstaller build (a frozen module's __file__ is under sys._MEIPASS),
    # the data is annotator/_resources and annotator/_seeds next to the package's modules.
    package = tmp_path / "annotator"
    (package / "_resources").mkdir(parents=True)
    (package / "_seeds").mkdir()
    monkeypatch.setattr(resources, "_PACKAGE", package)
    assert resources.resources_dir() == package / "_resources"
    assert resources.seeds_dir() == package / "_seeds"


def test_spec_and_scripts_parse():
    spec = PACKAGING / "annotator.spec"
    text = spec.read_text(encoding="utf-8")
    compile(text, str(spec), "exec")
    for needed in ('"annotator/_resources"', '"annotator/_seeds"', "fontpkg_amiri", "launcher.py"):
        assert needed in text
    assert (PACKAGING / "launcher.py").is_file()
    for script in ("check-package.sh", "check-wheel.sh", "install-system-deps.sh"):
        subprocess.run(["bash", "-n", str(PACKAGING / script)], check=True)
    subprocess.run(["sh", "-n", str(PACKAGING / "install-linux.sh")], check=True)


def test_make_targets():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for target in ("package", "package-check", "wheel", "wheel-check"):
        assert f"\n{target}:" in makefile
    test_recipe = makefile.split("\ntest:", 1)[1].split("\n\n", 1)[0]
    assert "package" not in test_recipe and "wheel" not in test_recipe
