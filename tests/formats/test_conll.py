"""CoNLL BIO export and import: exact boundaries, nesting columns, round trips, bad lines by number."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.errors import AnnotatorError, Cancelled, InputError
from annotator.core.model import Document, Relation, Span
from annotator.formats.conll import (
    LOST_BOUNDARIES,
    export_conll,
    export_conll_levels,
    import_conll,
    looks_like_conll,
    parse_tag_columns,
)
from annotator.formats.registry import detect_import_format
from annotator.formats.selection import ExportOptions
from annotator.formats.tokens import LOST_NO_TOKEN, LOST_OVERLAP, LOST_WIDENED
from annotator.store.project import Project

# Emoji, harakat, tatweel, ZWNJ, Arabic comma and question mark, guillemets, clitics (لروسيا, وبوتين).
TEXT = (
    "قال بُوتِين، في بيان: «نريد ضمانات لروسيا الآن» 😀👍🏽\n"
    "هل تتراجع مـــصر عن كتاب\u200cها؟ لا.\n"
    "وبوتين سافر إلى موسكو."
)


def at(text: str, word: str, occurrence: int = 1) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence):
        start = text.index(word, start + 1)
    return start, start + len(word)


def token_lines(path: Path) -> list[list[str]]:
    """The token lines of a CoNLL file as [token, tag, ...] (comments, DOCSTART and blanks left out)."""
    rows = []
    for line in path.read_text(encoding="utf-8").split("\n"):
        if not line.strip() or line.startswith("-DOCSTART-") or line.startswith("# "):
            continue
        rows.append(line.split("\t"))
    return rows


def sentences(path: Path) -> list[list[list[str]]]:
    """Token lines grouped by sentence (blank lines), per file order."""
    out: list[list[list[str]]] = [[]]
    for line in path.read_text(encoding="utf-8").split("\n"):
        if line.startswith("-DOCSTART-") or line.startswith("# "):
            continue
        if not line.strip():
            if out[-1]:
                out.append([])
            continue
        out[-1].append(line.split("\t"))
    return [s for s in out if s]


def build(db: Path, spans: list[tuple[str, str, int]], *, text: str = TEXT, ext_id: str = "kremlin") -> None:
    """One document with spans given as (word, label, occurrence), all in amal's layer."""
    with Project.open(db) as project:
        doc = project.add_document(Document(text=text, ext_id=ext_id))
        project.add_spans(doc, [Span(*at(text, word, n), label, "amal") for word, label, n in spans])


def tags_of(rows: list[list[str]], word: str) -> list[str]:
    return next(row[1:] for row in rows if row[0] == word)


# -- export ---------------------------------------------------------------------------------------


def test_clitic_entity_keeps_its_exact_boundary_with_the_arabic_tokenizer(tmp_path, new_db) -> None:
    db = new_db()
    build(db, [("روسيا", "GPE", 1), ("بوتين", "PER", 1), ("موسكو", "GPE", 1)])
    out = tmp_path / "out.conll"
    with Project.open(db) as project:
        report = export_conll(project, out)
    rows = token_lines(out)
    words = [r[0] for r in rows]
    # the proclitics are tokens of their own, the entities exactly their surface text
    assert words[words.index("روسيا") - 1] == "ل"
    assert words[words.index("بوتين") - 1] == "و"
    assert tags_of(rows, "ل") == ["O"] and tags_of(rows, "روسيا") == ["B-GPE"]
    assert tags_of(rows, "و") == ["O"] and tags_of(rows, "بوتين") == ["B-PER"]
    assert LOST_WIDENED not in report.lost and LOST_OVERLAP not in report.lost
    assert dict(report.spans) == {"GPE": 2, "PER": 1}
    # punctuation and emoji are tokens; harakat, tatweel and ZWNJ stay inside their words
    for token in ("،", "؟", "«", "»", "😀", "👍🏽", "بُوتِين", "مـــصر", "كتاب\u200cها"):
        assert token in words
    assert all(len(row) == 2 for row in rows)


def test_whitespace_tokenizer_widens_the_clitic_entity_and_counts_it(tmp_path, new_db) -> None:
    db = new_db()
    build(db, [("روسيا", "GPE", 1), ("بوتين", "PER", 1), ("موسكو", "GPE", 1)])
    out = tmp_path / "out.conll"
    with Project.open(db) as project:
        report = export_conll(project, out, ExportOptions(tokenizer="whitespace"))
    rows = token_lines(out)
    assert tags_of(rows, "لروسيا") == ["B-GPE"]
    assert tags_of(rows, "وبوتين") == ["B-PER"]
    assert tags_of(rows, "موسكو.") == ["B-GPE"]
    assert report.lost[LOST_WIDENED] == 3
    assert dict(report.spans) == {"GPE": 2, "PER": 1}


def test_nested_entity_in_a_quote_goes_to_a_second_tag_column(tmp_path, new_db) -> None:
    db = new_db()
    quote = "نريد ضمانات لروسيا الآن"
    build(db, [(quote, "QUOTE", 1), ("روسيا", "GPE", 1), ("بُوتِين", "PER", 1)])
    out = tmp_path / "out.conll"
    with Project.open(db) as project:
        report = export_conll(project, out)
    rows = token_lines(out)
    assert all(len(row) == 3 for row in rows)  # token + two tag columns on every line
    assert tags_of(rows, "نريد") == ["O", "B-QUOTE"]
    assert tags_of(rows, "ل") == ["O", "I-QUOTE"]
    assert tags_of(rows, "روسيا") == ["B-GPE", "I-QUOTE"]  # the entity in file column 2
    assert tags_of(rows, "الآن") == ["O", "I-QUOTE"]
    assert tags_of(rows, "بُوتِين") == ["B-PER", "O"]
    assert not report.lost
    assert dict(report.spans) == {"QUOTE": 1, "GPE": 1, "PER": 1}


def test_single_column_drops_the_quote_and_counts_it(tmp_path, new_db) -> None:
    db = new_db()
    build(db, [("نريد ضمانات لروسيا الآن", "QUOTE", 1), ("روسيا", "GPE", 1)])
    out = tmp_path / "out.conll"
    with Project.open(db) as project:
        report = export_conll(project, out, max_columns=1)
    rows = token_lines(out)
    assert all(len(row) == 2 for row in rows)
    assert tags_of(rows, "روسيا") == ["B-GPE"] and tags_of(rows, "نريد") == ["O"]
    assert report.lost[LOST_OVERLAP] == 1
    assert dict(report.spans) == {"GPE": 1}


def test_spans_beyond_the_column_cap_are_counted(tmp_path, new_db) -> None:
    db = new_db()
    claim = "«نريد ضمانات لروسيا الآن»"
    build(db, [(claim, "CLAIM", 1), ("نريد ضمانات لروسيا الآن", "QUOTE", 1), ("روسيا", "GPE", 1)])
    with Project.open(db) as project:
        three = export_conll(project, tmp_path / "three.conll")
        two = export_conll(project, tmp_path / "two.conll", max_columns=2)
    assert tags_of(token_lines(tmp_path / "three.conll"), "روسيا") == ["B-GPE", "I-QUOTE", "I-CLAIM"]
    assert not three.lost
    assert tags_of(token_lines(tmp_path / "two.conll"), "روسيا") == ["B-GPE", "I-QUOTE"]
    assert two.lost[LOST_OVERLAP] == 1 and dict(two.spans) == {"GPE": 1, "QUOTE": 1}
    with Project.open(db) as project, pytest.raises(AnnotatorError):
        export_conll(project, tmp_path / "none.conll", max_columns=0)


def test_every_line_of_a_file_has_the_same_columns(tmp_path, new_db) -> None:
    """A document without nesting is padded with O to the width another document needs."""
    db = new_db()
    build(db, [("روسيا", "GPE", 1)], ext_id="flat")
    build(db, [("نريد ضمانات لروسيا الآن", "QUOTE", 1), ("روسيا", "GPE", 1)], ext_id="nested")
    build(db, [("موسكو", "GPE", 1)], ext_id="flat-again")
    out = tmp_path / "out.conll"
    with Project.open(db) as project:
        export_conll(project, out)
    rows = token_lines(out)
    assert {len(row) for row in rows} == {3}
    assert [line for line in out.read_text(encoding="utf-8").split("\n") if line.startswith("# id")] == [
        "# id = flat",
        "# id = nested",
        "# id = flat-again",
    ]


def test_sentences_end_at_terminal_punctuation_and_line_breaks_but_never_inside_a_span(tmp_path, new_db) -> None:
    text = "قال بوتين: «نريد ضمانات. ولن نتراجع». وصل 1.5 مليون! هل انتهى؟ نعم\nسطر جديد"
    db = new_db()
    build(db, [("نريد ضمانات. ولن نتراجع", "QUOTE", 1)], text=text)
    out = tmp_path / "out.conll"
    with Project.open(db) as project:
        export_conll(project, out)
    got = [" ".join(row[0] for row in sentence) for sentence in sentences(out)]
    assert got == [
        "قال بوتين : « نريد ضمانات . ولن نتراجع » .",  # the full stop inside the quote does not end it
        "وصل 1 . 5 مليون !",  # a decimal point glued to digits does not end a sentence
        "هل انتهى ؟",
        "نعم",
        "سطر جديد",
    ]


def test_relations_and_attributes_are_counted_as_lost(tmp_path, new_db) -> None:
    db = new_db()
    with Project.open(db) as project:
        doc = project.add_document(Document(text=TEXT, ext_id="k"))
        quote, person = project.add_spans(
            doc,
            [
                Span(*at(TEXT, "نريد ضمانات لروسيا الآن"), "QUOTE", "amal", {"type": "direct"}),
                Span(*at(TEXT, "بُوتِين"), "PER", "amal"),
            ],
        )
        project.add_relation(Relation(quote.id or 0, person.id or 0, "SAID_BY", "amal"))
        report = export_conll(project, tmp_path / "out.conll")
    assert report.lost["relations"] == 1 and report.lost["span attributes"] == 1
    assert report.relations == 0


def test_layers_selection_and_merged_layers(tmp_path, new_db) -> None:
    db = new_db()
    with Project.open(db) as project:
        doc = project.add_document(Document(text=TEXT, ext_id="k"))
        project.add_spans(
            doc,
            [
                Span(*at(TEXT, "روسيا"), "GPE", "amal"),
                Span(*at(TEXT, "روسيا"), "GPE", "omar"),  # the same span in a second layer
                Span(*at(TEXT, "موسكو"), "GPE", "omar"),
            ],
        )
        one = export_conll(project, tmp_path / "amal.conll", ExportOptions(layer="amal"))
        both = export_conll(project, tmp_path / "all.conll")
    assert dict(one.spans) == {"GPE": 1} and not one.lost
    assert tags_of(token_lines(tmp_path / "all.conll"), "روسيا") == ["B-GPE"]
    assert dict(both.spans) == {"GPE": 2}
    assert both.lost["identical spans written once"] == 1
    assert both.lost["annotator names (layers merged)"] == 2


def test_a_span_of_spaces_only_is_counted(tmp_path, new_db) -> None:
    db = new_db()
    with Project.open(db) as project:
        doc = project.add_document(Document(text="أ  ب", ext_id="k"))
        project.add_span(doc, Span(1, 3, "PER", "amal"))
        report = export_conll(project, tmp_path / "out.conll")
    assert report.lost[LOST_NO_TOKEN] == 1 and not report.spans


def test_cancelled_export_leaves_no_file(tmp_path, new_db) -> None:
    db = new_db()
    build(db, [("روسيا", "GPE", 1)], ext_id="a")
    build(db, [("روسيا", "GPE", 1)], ext_id="b")
    out = tmp_path / "out" / "data.conll"

    def cancel(done: int, total: int) -> None:
        if done == 2:
            raise Cancelled("stop")

    with Project.open(db) as project, pytest.raises(Cancelled):
        export_conll(project, out, progress=cancel)
    assert list(out.parent.iterdir()) == []


# -- round trips ----------------------------------------------------------------------------------

ROUND_TRIP = """\
# id = doc-1
-DOCSTART- -X- -X- O

قال\tO
بُوتِين\tB-PER
،\tO
«\tO
نريد\tO
ضمانات\tO
ل\tO
روسيا\tB-GPE
»\tO
😀👍🏽\tO
#\tO
هاشتاغ\tO
1.5\tO
U.S.\tB-GPE
\u0628\u0648\u062a\u064a\u0646\tB-PER
\u0644\u0627\u0641\u0631\u0648\u0641\tB-PER
.\tO

هل\tO
تتراجع\tO
مـــصر\tB-GPE
عن\tO
كتاب\u200cها\tO
؟\tO

# id = doc-2
-DOCSTART- -X- -X- O

و\tO
موسكو\tB-GPE
عاصمة\tO
الاتحاد\tB-GPE
الروسي\tI-GPE
!\tO

"""


def test_conll_db_conll_round_trip_is_identical(tmp_path, new_db) -> None:
    source = tmp_path / "in.conll"
    source.write_text(ROUND_TRIP, encoding="utf-8")
    db = new_db()
    with Project.open(db) as project:
        imported = import_conll(project, source)
        out = tmp_path / "out.conll"
        export_conll(project, out)
    assert imported.documents_added == 2 and imported.spans_added == 8
    assert out.read_text(encoding="utf-8") == ROUND_TRIP  # tokens, tags, sentences, ids: byte for byte


def test_round_trip_without_comments_keeps_tokens_and_tags(tmp_path, new_db) -> None:
    plain = "\n".join(line for line in ROUND_TRIP.split("\n") if not line.startswith("# "))
    plain = plain.replace("-DOCSTART- -X- -X- O", "-DOCSTART-\tO")
    source = tmp_path / "in.conll"
    source.write_text(plain, encoding="utf-8")
    db = new_db()
    with Project.open(db) as project:
        import_conll(project, source)
        out = tmp_path / "out.conll"
        export_conll(project, out, doc_ids=False)
        assert [project.document(i).ext_id for i in project.document_ids()] == ["in-1", "in-2"]
    assert token_lines(out) == token_lines(source)
    assert sentences(out) == sentences(source)


def test_db_conll_db_round_trip_with_document_text_keeps_exact_offsets(tmp_path, new_db) -> None:
    db = new_db()
    build(db, [("روسيا", "GPE", 1), ("بوتين", "PER", 1), ("نريد ضمانات لروسيا الآن", "QUOTE", 1)])
    out = tmp_path / "out.conll"
    with Project.open(db) as project:
        export_conll(project, out, doc_text=True)
        before = {(s.start, s.end, s.label) for s in project.spans(1)}
    again = new_db()
    with Project.open(again) as project:
        import_conll(project, out)
        document = project.document(1)
        assert document.text == TEXT and document.ext_id == "kremlin"
        assert {(s.start, s.end, s.label) for s in project.spans(1)} == before
        assert document.text[slice(*at(TEXT, "روسيا"))] == "روسيا"
        second = tmp_path / "second.conll"
        export_conll(project, second, doc_text=True)
    assert second.read_bytes() == out.read_bytes()


# -- import ---------------------------------------------------------------------------------------


def test_import_builds_text_from_tokens_and_sentences(tmp_path, new_db) -> None:
    source = tmp_path / "news.conll"
    source.write_text(
        "-DOCSTART- -X- -X- O\n\nقال O\nبوتين B-PER\n\nسافر O\nإلى O\nموسكو B-GPE\n\n"
        "-DOCSTART- -X- -X- O\n\nو O\nروسيا B-GPE\n",
        encoding="utf-8",
    )
    db = new_db()
    with Project.open(db) as project:
        report = import_conll(project, source, annotator="amal")
        first, second = project.document_ids()
        assert project.document(first).text == "قال بوتين\nسافر إلى موسكو"
        assert project.document(first).ext_id == "news-1"
        assert project.document(second).text == "و روسيا"
        spans = project.spans(first)
        assert [(project.document(first).text[s.start : s.end], s.label, s.annotator) for s in spans] == [
            ("بوتين", "PER", "amal"),
            ("موسكو", "GPE", "amal"),
        ]
    assert report.documents_added == 2 and report.spans_added == 3 and not report.notes


def test_several_tag_columns_become_nested_spans(tmp_path, new_db) -> None:
    source = tmp_path / "nested.conll"
    source.write_text(
        "# id = n1\n-DOCSTART- -X- -X- O\n\n"
        "قال\tO\tO\tO\nبوتين\tB-PER\tO\tO\n:\tO\tO\tO\n"
        "نريد\tO\tB-QUOTE\tB-CLAIM\nضمانات\tO\tI-QUOTE\tI-CLAIM\nل\tO\tI-QUOTE\tI-CLAIM\n"
        "روسيا\tB-GPE\tI-QUOTE\tI-CLAIM\n",
        encoding="utf-8",
    )
    db = new_db()
    with Project.open(db) as project:
        report = import_conll(project, source)
        text = project.document(1).text
        got = sorted((text[s.start : s.end], s.label) for s in project.spans(1))
    assert got == sorted(
        [
            ("بوتين", "PER"),
            ("روسيا", "GPE"),
            ("نريد ضمانات ل روسيا", "QUOTE"),
            ("نريد ضمانات ل روسيا", "CLAIM"),
        ]
    )
    assert report.spans_added == 4


def test_document_text_comment_aligns_tokens_to_the_text(tmp_path, new_db) -> None:
    text = "قال بُوتِين، لروسيا: «نعم» 😀"
    source = tmp_path / "aligned.conll"
    source.write_text(
        f"# id = t1\n# text = {text}\n-DOCSTART- -X- -X- O\n\n"
        "قال\tO\nبُوتِين\tB-PER\n،\tO\nل\tO\nروسيا\tB-GPE\n:\tO\n«\tO\nنعم\tO\n»\tO\n😀\tO\n",
        encoding="utf-8",
    )
    db = new_db()
    with Project.open(db) as project:
        import_conll(project, source)
        document = project.document(1)
        assert document.text == text
        assert sorted((text[s.start : s.end], s.label) for s in project.spans(1)) == [
            ("بُوتِين", "PER"),
            ("روسيا", "GPE"),
        ]
        out = tmp_path / "out.conll"
        export_conll(project, out)
    assert token_lines(out) == token_lines(source)


def test_a_token_that_starts_with_hash_is_not_a_comment(tmp_path, new_db) -> None:
    source = tmp_path / "hash.conll"
    source.write_text("#\tO\nروسيا\tB-GPE\n# a comment line\n#\tB-PER\n", encoding="utf-8")
    db = new_db()
    with Project.open(db) as project:
        import_conll(project, source)
        text = project.document(1).text
        assert text == "# روسيا #"
        assert sorted((s.start, s.end, s.label) for s in project.spans(1)) == [(2, 7, "GPE"), (8, 9, "PER")]


# Each bad file: (content, line, field, words in the message). Line 1 is a good token line, so the
# column count of the file is 2 (token and one tag column).
BAD_LINES = [
    ("روسيا\tB-GPE\n\tO\n", 2, "token", "empty token"),
    ("روسيا\tB-GPE\nو\tO\nموسكو\tI-GPE\n", 3, "tag column 1", "I- without B-"),
    ("روسيا\tB-GPE\n\nموسكو\tI-GPE\n", 3, "tag column 1", "I- without B-"),  # a span never crosses a blank line
    ("روسيا\tB-GPE\nو\tO\tO\n", 2, "columns", "3 columns, expected 2"),
    ("روسيا\tB-GPE\nو\n", 2, "columns", "1 column, expected 2"),
    ("روسيا\tB-GPE\nو\tPER\n", 2, "tag column 1", "malformed tag"),
    ("روسيا\tB-XYZ\n", 1, "tag column 1", "unknown label 'XYZ'"),
    ("# text = قال بوتين\nقال\tO\nموسكو\tB-GPE\n", 3, "token", "not found in the document text"),
]


@pytest.mark.parametrize(("content", "line", "field", "words"), BAD_LINES)
def test_bad_lines_are_reported_with_file_line_and_field(tmp_path, new_db, counts, content, line, field, words) -> None:
    db = new_db()
    good = tmp_path / "good.conll"
    good.write_text("# id = kept\n-DOCSTART- -X- -X- O\n\nقال\tO\nبوتين\tB-PER\n", encoding="utf-8")
    with Project.open(db) as project:
        import_conll(project, good)
    before = counts(db)
    source = tmp_path / "bad.conll"
    # two good documents first: a failed import must roll them back too
    source.write_text(
        "# id = g1\n-DOCSTART- -X- -X- O\n\nقال\tO\n\n# id = g2\n-DOCSTART- -X- -X- O\n\nبوتين\tB-PER\n\n"
        "-DOCSTART- -X- -X- O\n\n" + content,
        encoding="utf-8",
    )
    offset = 12  # the lines before the bad document
    with Project.open(db) as project, pytest.raises(InputError) as caught:
        import_conll(project, source)
    error = caught.value
    assert (error.line, error.field) == (line + offset, field)
    assert words in error.message and str(source) in str(error)
    assert counts(db) == before


def test_the_first_token_line_needs_a_tag_column(tmp_path, new_db) -> None:
    source = tmp_path / "words.conll"
    source.write_text("# id = w\n-DOCSTART- -X- -X- O\n\nروسيا\nو\tO\n", encoding="utf-8")
    db = new_db()
    with Project.open(db) as project, pytest.raises(InputError) as caught:
        import_conll(project, source, repair=True)
    assert (caught.value.line, caught.value.field) == (4, "columns")
    assert "needs a token and at least one tag column" in caught.value.message


def test_undecodable_bytes_name_the_line(tmp_path, new_db) -> None:
    source = tmp_path / "cp1256.conll"
    source.write_bytes("قال\tO\n".encode() + "بوتين\tB-PER\n".encode("cp1256"))
    db = new_db()
    with Project.open(db) as project, pytest.raises(InputError) as caught:
        import_conll(project, source)
    assert caught.value.line == 2 and "UTF-8" in caught.value.message


def test_repair_mode_repairs_and_lists_every_repair(tmp_path, new_db) -> None:
    source = tmp_path / "messy.conll"
    source.write_text(
        "روسيا\tB-GPE\n"  # 1
        "و\tO\n"  # 2
        "موسكو\tI-GPE\n"  # 3: I- without B- starts a span
        "\tO\n"  # 4: empty token, skipped
        "بوتين\tB-PER\tO\n"  # 5: extra column cut
        "قال\tPER\n"  # 6: malformed tag read as O
        "\n"
        "كييف\n",  # 8: missing column padded with O
        encoding="utf-8",
    )
    db = new_db()
    with Project.open(db) as project:
        report = import_conll(project, source, repair=True)
        text = project.document(1).text
        got = sorted((text[s.start : s.end], s.label) for s in project.spans(1))
    assert text == "روسيا و موسكو بوتين قال\nكييف"
    assert got == [("بوتين", "PER"), ("روسيا", "GPE"), ("موسكو", "GPE")]
    assert [note.split(": ")[1] for note in report.notes] == ["line 3", "line 4", "line 5", "line 6", "line 8"]
    assert all(note.startswith(str(source)) and "repaired" in note for note in report.notes)


def test_unknown_labels_can_be_added_to_the_scheme(tmp_path, new_db) -> None:
    source = tmp_path / "misc.conll"
    source.write_text("روسيا\tB-MISC\nو\tO\n", encoding="utf-8")
    db = new_db()
    with Project.open(db) as project:
        report = import_conll(project, source, add_labels=True)
        assert "MISC" in project.scheme().span_label_names
    assert report.labels_added == ["MISC"]


def test_repeated_import_adds_nothing(tmp_path, new_db, counts) -> None:
    source = tmp_path / "again.conll"
    source.write_text(ROUND_TRIP, encoding="utf-8")
    db = new_db()
    with Project.open(db) as project:
        import_conll(project, source)
    before = counts(db)
    with Project.open(db) as project:
        report = import_conll(project, source)
    assert counts(db) == before
    assert report.documents_matched == 2 and report.spans_skipped == 8


def test_import_progress_and_cancel(tmp_path, new_db, counts) -> None:
    source = tmp_path / "two.conll"
    source.write_text(ROUND_TRIP, encoding="utf-8")
    db = new_db()
    before = counts(db)
    seen: list[tuple[int, int]] = []

    def cancel(done: int, total: int) -> None:
        seen.append((done, total))
        raise Cancelled("stop")

    with Project.open(db) as project, pytest.raises(Cancelled):
        import_conll(project, source, progress=cancel)
    assert counts(db) == before
    assert seen and seen[0][1] == source.stat().st_size


def test_looks_like_conll(tmp_path) -> None:
    good = tmp_path / "a.txt"
    good.write_text(ROUND_TRIP, encoding="utf-8")
    prose = tmp_path / "b.txt"
    prose.write_text("قال بوتين إن روسيا تريد ضمانات\n", encoding="utf-8")
    assert looks_like_conll(good) and not looks_like_conll(prose)
    conll_2003 = tmp_path / "c.txt"
    conll_2003.write_text(CONLL_2003, encoding="utf-8")
    ragged = tmp_path / "d.txt"
    ragged.write_text("قال O\nبوتين NNP B-PER\n", encoding="utf-8")
    short_lines = tmp_path / "e.txt"
    short_lines.write_text("عاجل\nقال بوتين O\n", encoding="utf-8")
    assert looks_like_conll(conll_2003) and not looks_like_conll(ragged) and not looks_like_conll(short_lines)
    named = tmp_path / "d.conll"  # by its name: its bad line is then reported, not read as text
    named.write_text("قال O\nبوتين NNP B-PER\n", encoding="utf-8")
    assert [detect_import_format(p) for p in (named, ragged, conll_2003, prose)] == ["conll", "text", "conll", "text"]


TEXT_CHARS = st.sampled_from(
    [
        *"بوتين روسيا لـ،؛؟«»!.# \n\t",
        *("\u064e", "\u200c", "\u2028", "\u00a0", "\x1c"),
        *("😀", "🏽", "a", "1", "-", "O"),
    ]
)
RAW_SPANS = st.lists(
    st.tuples(st.integers(0, 30), st.integers(1, 10), st.sampled_from(["PER", "GPE", "QUOTE"])), max_size=5
)


@settings(max_examples=60, deadline=None)
@given(st.text(TEXT_CHARS, min_size=1, max_size=30), RAW_SPANS)
def test_db_conll_db_keeps_text_and_spans_exactly_for_any_text(text: str, raw: list[tuple[int, int, str]]) -> None:
    """With the Arabic tokenizer every span whose edges are not spaces survives exactly (three
    columns hold up to three nesting levels), and a second export is identical to the first."""
    spans = []
    for start, length, label in raw:
        end = min(start + length, len(text))
        if start < end and not regex.match(r"\s", text[start]) and not regex.match(r"\s", text[end - 1]):
            spans.append(Span(start, end, label, "amal"))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        with Project.create(folder / "a.db") as project:
            doc = project.add_document(Document(text=text, ext_id="d"))
            if spans:
                project.add_spans(doc, spans)
            report = export_conll(project, folder / "a.conll", doc_text=True)
        with Project.create(folder / "b.db") as project:
            import_conll(project, folder / "a.conll")
            assert project.document(1).text == text  # also a text of spaces only, without tokens
            got = {(s.start, s.end, s.label) for s in project.spans(1)}
            export_conll(project, folder / "b.conll", doc_text=True)
        assert (folder / "b.conll").read_bytes() == (folder / "a.conll").read_bytes()
        if not report.lost[LOST_OVERLAP] and not report.lost[LOST_NO_TOKEN]:
            assert got == {(s.start, s.end, s.label) for s in spans}
            assert not report.lost[LOST_WIDENED]


def test_documents_without_tokens(tmp_path, new_db) -> None:
    """With its text a document without tokens comes back; without, it is named in the notes."""
    db = new_db()
    with Project.open(db) as project:
        project.add_document(Document(text="", ext_id="empty"))
        project.add_document(Document(text=" \n ", ext_id="spaces"))
        export_conll(project, tmp_path / "text.conll", doc_text=True)
        export_conll(project, tmp_path / "ids.conll")
    again = new_db()
    with Project.open(again) as project:
        import_conll(project, tmp_path / "text.conll")
        assert [(project.document(i).ext_id, project.document(i).text) for i in project.document_ids()] == [
            ("empty", ""),
            ("spaces", " \n "),
        ]
    third = new_db()
    with Project.open(third) as project:
        report = import_conll(project, tmp_path / "ids.conll")
        assert project.document_ids() == []
    assert [note.split(": ", 1)[1] for note in report.notes] == [
        "line 1: document empty has no tokens and no # text; not imported",
        "line 4: document spaces has no tokens and no # text; not imported",
    ]


# -- CoNLL-2003 files: token, part of speech, chunk and entity columns ----------------------------

CONLL_2003 = (
    "-DOCSTART- -X- -X- O\n\n"
    "قال VBD B-VP O\n"
    "فلاديمير NNP B-NP B-PER\n"
    "بوتين NNP I-NP I-PER\n"
    "إن IN B-SBAR O\n"
    "روسيا NNP B-NP B-GPE\n"
    "مستعدة JJ B-ADJP O\n"
    ". . O O\n"
)


def test_a_conll_2003_file_takes_its_tags_from_the_entity_column_only(tmp_path, new_db) -> None:
    source = tmp_path / "eng.conll"
    source.write_text(CONLL_2003, encoding="utf-8")
    with Project.open(new_db()) as project:
        report = import_conll(project, source)  # no --add-labels: chunk labels (NP, VP) would be refused
        text = project.document(1).text
        got = sorted((text[s.start : s.end], s.label) for s in project.spans(1))
    assert text == "قال فلاديمير بوتين إن روسيا مستعدة ."
    assert got == [("روسيا", "GPE"), ("فلاديمير بوتين", "PER")]
    assert [note.split(": ", 1)[1] for note in report.notes] == [
        "line 3: column 2 does not hold BIO tags (part of speech?): read as CoNLL-2003, tags from the last "
        "column (4) only, columns 2, 3 ignored; choose the tag columns with --tag-columns"
    ]


def test_chosen_tag_columns_are_read_and_the_others_ignored(tmp_path, new_db) -> None:
    source = tmp_path / "eng.conll"
    source.write_text(CONLL_2003, encoding="utf-8")
    with Project.open(new_db()) as project:
        report = import_conll(project, source, tag_columns=[3, -1], add_labels=True)
        text = project.document(1).text
        got = sorted((text[s.start : s.end], s.label) for s in project.spans(1))
    assert ("فلاديمير بوتين", "NP") in got and ("فلاديمير بوتين", "PER") in got and ("قال", "VP") in got
    assert len(got) == 7 and not [n for n in report.notes if "BIO tags" in n]  # 5 chunks, 2 entities


def test_the_last_of_several_tag_columns_can_be_read_alone(tmp_path, new_db) -> None:
    source = tmp_path / "nested.conll"
    source.write_text("قال\tO\tO\nبوتين\tB-PER\tO\nنعم\tO\tB-QUOTE\n", encoding="utf-8")
    with Project.open(new_db()) as project:
        import_conll(project, source, tag_columns=[-1])
        assert [s.label for s in project.spans(1)] == ["QUOTE"]


@pytest.mark.parametrize("spec", ["1", "0", "x", "3,", "2-4"])
def test_tag_columns_that_cannot_be_tags_are_refused(spec: str) -> None:
    with pytest.raises(AnnotatorError, match="tag columns"):
        parse_tag_columns(spec)
    assert parse_tag_columns("4") == [4] and parse_tag_columns("3, -1") == [3, -1]


def test_a_tag_column_the_file_does_not_have_names_the_first_token_line(tmp_path, new_db, counts) -> None:
    source = tmp_path / "eng.conll"
    source.write_text(CONLL_2003, encoding="utf-8")
    db = new_db()
    before = counts(db)
    with Project.open(db) as project, pytest.raises(InputError) as caught:
        import_conll(project, source, tag_columns=[5])
    assert (caught.value.line, caught.value.field) == (3, "columns")
    assert "tag column 5 is not in the file: its token lines have 4 columns" in caught.value.message
    assert counts(db) == before


# -- nesting levels: each line lists its token's tags, outermost first (Wojood's nested NER) --------

LEVELS = (
    "حضر O\n"
    "وفد B-ORG\n"
    "جامعة I-ORG B-ORG\n"
    "بيرزيت I-ORG I-ORG B-GPE\n"
    "مؤتمر O\n"
    "القاهرة B-EVENT B-GPE\n"
    "للسلام I-EVENT\n"
    ". O\n"
)


def test_lines_listing_their_tags_by_nesting_level_import_as_nested_spans(tmp_path, new_db) -> None:
    source = tmp_path / "wojood.txt"
    source.write_text(LEVELS, encoding="utf-8")
    assert detect_import_format(source) == "conll"
    with Project.open(new_db()) as project:
        report = import_conll(project, source, add_labels=True)
        text = project.document(1).text
        got = sorted((text[s.start : s.end], s.label) for s in project.spans(1))
        out = tmp_path / "out.conll"
        export_conll(project, out)  # nested spans written to tag columns of their own
    assert got == [
        ("القاهرة", "GPE"),
        ("القاهرة للسلام", "EVENT"),
        ("بيرزيت", "GPE"),
        ("جامعة بيرزيت", "ORG"),
        ("وفد جامعة بيرزيت", "ORG"),
    ]
    assert any("read as nesting levels" in note and "line 3" in note for note in report.notes)
    with Project.open(new_db()) as again:
        import_conll(again, out, add_labels=True)
        text = again.document(1).text
        assert sorted((text[s.start : s.end], s.label) for s in again.spans(1)) == got


def test_an_o_among_several_tags_is_a_malformed_line_not_a_level(tmp_path, new_db) -> None:
    source = tmp_path / "bad.txt"
    source.write_text("حضر O\nوفد B-ORG O\n", encoding="utf-8")
    with Project.open(new_db()) as project, pytest.raises(InputError) as caught:
        import_conll(project, source)
    assert (caught.value.line, caught.value.field) == (2, "columns")


def test_bilou_tags_import_like_bioes(tmp_path, new_db) -> None:
    source = tmp_path / "bilou.conll"
    source.write_text("قال\tO\nفلاديمير\tB-PER\nبوتين\tL-PER\nفي\tO\nموسكو\tU-GPE\n", encoding="utf-8")
    assert looks_like_conll(source.with_suffix(".conll"))
    plain = tmp_path / "bilou.txt"
    plain.write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    assert detect_import_format(plain) == "conll"
    with Project.open(new_db()) as project:
        import_conll(project, plain)
        text = project.document(1).text
        assert sorted((text[s.start : s.end], s.label) for s in project.spans(1)) == [
            ("فلاديمير بوتين", "PER"),
            ("موسكو", "GPE"),
        ]



def test_the_levels_layout_writes_each_tokens_tags_outermost_first_and_reads_back(tmp_path, new_db) -> None:
    source = tmp_path / "wojood.txt"
    source.write_text(LEVELS, encoding="utf-8")
    with Project.open(new_db()) as project:
        import_conll(project, source, add_labels=True)
        out = tmp_path / "out.txt"
        report = export_conll_levels(project, out)
    assert out.read_text(encoding="utf-8") == LEVELS + "\n"  # a blank line ends the sentence (and the file)
    assert report.lost == {LOST_BOUNDARIES: 1} and sum(report.spans.values()) == 5


def test_the_levels_layout_drops_and_counts_crossing_spans(tmp_path, new_db) -> None:
    text = "زار وفد جامعة بيرزيت القاهرة"
    db = new_db()
    with Project.open(db) as project:
        doc = project.add_document(Document(text=text, ext_id="a"))
        project.add_document(Document(text="نص ثان", ext_id="b"))
        project.add_spans(
            doc,
            [
                Span(*at(text, "وفد جامعة"), "ORG", "amal"),
                Span(at(text, "جامعة")[0], len(text), "EVENT", "amal"),  # crosses the ORG's end
                Span(*at(text, "بيرزيت"), "GPE", "amal"),
            ],
        )
        report = export_conll_levels(project, tmp_path / "out.txt", ExportOptions(layer="amal"))
    assert report.lost == {LOST_OVERLAP: 1, LOST_BOUNDARIES: 2}
    assert [line.split() for line in (tmp_path / "out.txt").read_text(encoding="utf-8").split("\n") if line][:5] == [
        ["زار", "O"],
        ["وفد", "B-ORG"],
        ["جامعة", "I-ORG"],
        ["بيرزيت", "B-GPE"],
        ["القاهرة", "O"],
    ]
