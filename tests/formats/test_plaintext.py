"""Plain text import: encodings (detected or forced), files that are not text, folders, newlines.

Every fixture file is written from Python into tmp_path, so the bytes on disk are exactly the
encoding under test.
"""

from __future__ import annotations

import codecs
import random
import struct
import zlib
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.cli import cli
from annotator.core.errors import InputError
from annotator.formats.plaintext import decode_bytes, import_text
from annotator.store.project import Project

ARABIC = "دعا الرئيس الروسي فلاديمير بوتين إلى إجراء مفاوضات فورية مع حلف شمال الأطلسي.\nوأوضح الكرملين في بيان"
RICH = "أطلقت روسيا مسيّرةً 😀 فوق كييف، قال Joe Biden في 2024\u200cـــ 👍🏽"


def _import(db: Path, *paths: Path, encoding: str | None = None):
    args = ["import", str(db), *map(str, paths)]
    if encoding:
        args += ["--encoding", encoding]
    return CliRunner().invoke(cli, args)


def _documents(db: Path) -> dict[str, tuple[str, dict]]:
    with Project.open(db) as project:
        return {d.ext_id: (d.text, d.meta) for d in project.iter_documents()}


@pytest.mark.parametrize(
    ("name", "data", "encoding"),
    [
        ("utf8", RICH.encode("utf-8"), "utf-8"),
        ("utf8-bom", codecs.BOM_UTF8 + RICH.encode("utf-8"), "utf-8"),
        ("utf16le-bom", codecs.BOM_UTF16_LE + RICH.encode("utf-16-le"), "utf-16"),
        ("utf16be-bom", codecs.BOM_UTF16_BE + RICH.encode("utf-16-be"), "utf-16"),
        ("utf16le-no-bom", ARABIC.encode("utf-16-le"), "utf-16-le"),
        ("utf16le-no-bom-latin", "Plain English news text.\n".encode("utf-16-le"), "utf-16-le"),
        ("cp1256", ARABIC.encode("cp1256"), "windows-1256"),
    ],
)
def test_text_files_are_decoded_to_the_original_text(tmp_path, new_db, name, data, encoding) -> None:
    original = decode_bytes(data, path=name).text  # what detection gives...
    expected = {
        "utf16le-no-bom-latin": "Plain English news text.\n",
        "cp1256": ARABIC,
        "utf16le-no-bom": ARABIC,
    }.get(name, RICH)
    assert original == expected  # ...is the text that was encoded
    path = tmp_path / f"{name}.txt"
    path.write_bytes(data)
    db = new_db()
    result = _import(db, path)
    assert result.exit_code == 0, result.output
    text, meta = _documents(db)[name]
    assert text == expected
    assert "\ufeff" not in text
    assert meta["encoding"] == encoding
    assert meta["source"] == path.name


def test_windows_1256_detection_is_reported_as_a_note(tmp_path, new_db) -> None:
    path = tmp_path / "legacy.txt"
    path.write_bytes(ARABIC.encode("cp1256"))
    result = _import(new_db(), path)
    assert result.exit_code == 0, result.output
    assert "legacy.txt" in result.stderr and "windows-1256" in result.stderr


def test_encoding_option_forces_the_encoding(tmp_path, new_db) -> None:
    # Mostly Latin with a few Arabic letters in Windows-1256: too little Arabic to guess reliably.
    text = "Report from Reuters, London. The minister spoke about the talks. Kremlin said الكرملين today."
    path = tmp_path / "mostly-latin.txt"
    path.write_bytes(text.encode("cp1256"))
    db = new_db()
    result = _import(db, path, encoding="cp1256")
    assert result.exit_code == 0, result.output
    stored, meta = _documents(db)["mostly-latin"]
    assert stored == text
    assert meta["encoding"] == "cp1256"


def test_encoding_option_applies_even_when_the_bytes_are_valid_utf8(tmp_path, new_db) -> None:
    path = tmp_path / "forced.txt"
    path.write_bytes("بوتين".encode())
    db = new_db()
    assert _import(db, path, encoding="cp1256").exit_code == 0
    assert _documents(db)["forced"][0] == "بوتين".encode().decode("cp1256")


@pytest.mark.parametrize(
    ("encoding", "phrase"), [("no-such-codec", "unknown encoding"), ("utf-8", "not valid utf-8 at byte 0")]
)
def test_a_wrong_or_unknown_forced_encoding_is_an_error_naming_the_file(
    tmp_path, new_db, counts, encoding, phrase
) -> None:
    path = tmp_path / "legacy.txt"
    path.write_bytes(ARABIC.encode("cp1256"))
    db = new_db()
    before = counts(db)
    result = _import(db, path, encoding=encoding)
    assert result.exit_code == 1
    assert str(path) in result.stderr and phrase in result.stderr
    assert counts(db) == before


def _png() -> bytes:
    """A real 4x4 RGB PNG image."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + bytes(range(y, y + 12)) for y in range(4))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", 4, 4, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def _random_bytes_with_nul() -> bytes:
    rng = random.Random(1256)
    data = bytearray(rng.randrange(256) for _ in range(3000))
    data[100] = 0
    return bytes(data)


@pytest.mark.parametrize(
    ("name", "data", "phrase"),
    [
        ("empty.txt", b"", "empty"),
        ("image.png", _png(), "not a text file"),
        ("disguised.txt", _png(), "not a text file"),
        ("noise.txt", _random_bytes_with_nul(), "not a text file"),
        ("controls.txt", "نص\x01\x02".encode(), "control character U+0001"),
    ],
)
def test_files_that_are_not_text_are_refused_naming_the_file(tmp_path, new_db, counts, name, data, phrase) -> None:
    good = tmp_path / "good.txt"
    good.write_text(ARABIC, encoding="utf-8")
    bad = tmp_path / name
    bad.write_bytes(data)
    db = new_db()
    before = counts(db)
    result = _import(db, good, bad)
    assert result.exit_code == 1
    assert str(bad) in result.stderr
    assert phrase in result.stderr
    assert counts(db) == before  # the good file was rolled back with the bad one


def test_decode_bytes_errors_carry_the_path() -> None:
    with pytest.raises(InputError) as caught:
        decode_bytes(_png(), path="folder/x.txt")
    assert caught.value.path == "folder/x.txt"
    assert str(caught.value).startswith("folder/x.txt: ")


def test_a_folder_imports_its_text_files_recursively_with_ids_from_relative_paths(tmp_path, new_db) -> None:
    root = tmp_path / "corpus"
    (root / "2021" / "december").mkdir(parents=True)
    (root / "a.txt").write_text("الخبر الأول", encoding="utf-8")
    (root / "2021" / "b.TXT").write_bytes("الخبر الثاني".encode("cp1256"))
    (root / "2021" / "december" / "c.txt").write_bytes(codecs.BOM_UTF16_LE + "الخبر الثالث".encode("utf-16-le"))
    (root / "2021" / "notes.md").write_text("# not imported", encoding="utf-8")
    (root / "image.png").write_bytes(_png())
    db = new_db()
    result = _import(db, root)
    assert result.exit_code == 0, result.output
    docs = _documents(db)
    assert {k: v[0] for k, v in docs.items()} == {
        "a": "الخبر الأول",
        "2021/b": "الخبر الثاني",
        "2021/december/c": "الخبر الثالث",
    }
    assert "3 documents added" in result.stdout


def test_a_bad_file_inside_a_folder_fails_the_whole_folder(tmp_path, new_db, counts) -> None:
    root = tmp_path / "corpus"
    (root / "sub").mkdir(parents=True)
    (root / "a.txt").write_text("الخبر الأول", encoding="utf-8")
    (root / "sub" / "broken.txt").write_bytes(_random_bytes_with_nul())
    db = new_db()
    before = counts(db)
    result = _import(db, root)
    assert result.exit_code == 1
    assert str(root / "sub" / "broken.txt") in result.stderr
    assert counts(db) == before


@pytest.mark.parametrize(("newline", "style"), [("\r\n", "crlf"), ("\r", "cr")])
def test_crlf_and_cr_text_is_stored_with_lf_and_the_style_recorded(tmp_path, new_db, newline, style) -> None:
    lines = ["الكرملين", "قال ديمتري بيسكوف", "", "«الموقف متوتر»"]
    path = tmp_path / "windows.txt"
    path.write_bytes(newline.join(lines).encode("utf-8"))
    db = new_db()
    assert _import(db, path).exit_code == 0
    text, meta = _documents(db)["windows"]
    assert text == "\n".join(lines)
    assert meta["newlines"] == style


def test_lf_text_records_no_newline_style_and_the_title_is_the_first_line(tmp_path, new_db) -> None:
    path = tmp_path / "unix.txt"
    path.write_text("\n  عنوان الخبر  \nالنص", encoding="utf-8")
    db = new_db()
    assert _import(db, path).exit_code == 0
    with Project.open(db) as project:
        doc = project.document(project.document_ids()[0])
    assert "newlines" not in doc.meta
    assert doc.title == "عنوان الخبر"


def test_a_named_file_is_taken_whatever_its_extension(tmp_path, new_db) -> None:
    path = tmp_path / "article.news"
    path.write_text(ARABIC, encoding="utf-8")
    db = new_db()
    assert _import(db, path).exit_code == 0
    assert _documents(db)["article"][0] == ARABIC


def test_importing_the_same_text_twice_adds_it_once_and_a_changed_text_is_refused(tmp_path, new_db, counts) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARABIC, encoding="utf-8")
    db = new_db()
    with Project.open(db) as project:
        first = import_text(project, [path])
        again = import_text(project, [path])
    assert (first.documents_added, again.documents_added, again.documents_matched) == (1, 0, 1)
    before = counts(db)
    path.write_text(ARABIC + " (معدّل)", encoding="utf-8")
    result = _import(db, path)
    assert result.exit_code == 1
    assert "different text" in result.stderr and str(path) in result.stderr
    assert counts(db) == before


# -- property: any text of the awkward characters survives each Unicode encoding ---------------

TEXT_PIECES = [
    *"ابتثجحخدذرزسشصضطظعغفقكلمنهويءأإآةى",
    *"\u064b\u064e\u064f\u0650\u0651\u0652",
    "\u0640",
    "\u200c",
    "\u200d",
    "😀",
    "👍🏽",
    "🇸🇦",
    *"Az09٠٩ ،.«»\"'\\\t\n",
    "\u00a0",
    "\u2028",
    "\r\n",
]


@settings(max_examples=150, deadline=None)
@given(
    text=st.lists(st.sampled_from(TEXT_PIECES), min_size=2, max_size=60).map("".join),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le-bom", "utf-16-be-bom"]),
)
def test_unicode_encodings_are_detected_and_decode_to_the_original(text: str, encoding: str) -> None:
    data = {
        "utf-16-le-bom": codecs.BOM_UTF16_LE + text.encode("utf-16-le"),
        "utf-16-be-bom": codecs.BOM_UTF16_BE + text.encode("utf-16-be"),
    }.get(encoding) or text.encode(encoding)
    assert decode_bytes(data, path="p.txt").text == text


@settings(max_examples=150, deadline=None)
@given(
    text=st.lists(
        st.sampled_from([*"ابتثجحخدذرزسشصضطظعغفقكلمنهويءأإآةى", *"\u064e\u0651\u0640", *"Az09٠٩ ،.\t\n", "\r\n"]),
        min_size=2,
        max_size=60,
    ).map("".join)
)
def test_bomless_utf16_le_arabic_and_latin_is_detected(text: str) -> None:
    decoded = decode_bytes(text.encode("utf-16-le"), path="p.txt")
    assert (decoded.text, decoded.encoding) == (text, "utf-16-le")
