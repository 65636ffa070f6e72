"""The quote finder on real Arabic: quoted passages, speech cues (stem only), introducers, speakers."""

from __future__ import annotations

import json

import pytest

from annotator.assist.quotes import Speaker, find_quotes, quoted_passages, speech_cues
from annotator.resources import seeds_dir

SEED = "000_4eac77a9dcfe3750"


def seed_text() -> str:
    return (seeds_dir() / f"{SEED}.txt").read_text(encoding="utf-8").replace("\r\n", "\n").replace("\r", "\n")


def demo_record() -> dict:
    return json.loads((seeds_dir() / f"{SEED}.demo.jsonl").read_text(encoding="utf-8").splitlines()[0])


def mentions(text: str, *pairs: tuple[str, str]) -> list[Speaker]:
    """Every occurrence of each (surface, label) as a candidate speaker."""
    out = []
    for surface, label in pairs:
        start = text.find(surface)
        while start >= 0:
            out.append(Speaker(start, start + len(surface), label))
            start = text.find(surface, start + 1)
    return out


def said(text: str, quotes) -> list[tuple[str, str | None, str | None, str]]:
    return [
        (
            q.surface(text),
            text[q.cue.start : q.cue.end] if q.cue else None,
            text[q.speaker.start : q.speaker.end] if q.speaker else None,
            q.type,
        )
        for q in quotes
    ]


def test_seed_article_quotes_have_the_demo_speakers() -> None:
    """The demo layer's two quoted statements: الكرملين said the first (وأوضح الكرملين ... أن "..."),
    ديمتري بيسكوف the second (وقال المتحدث باسم الكرملين ديمتري بيسكوف، "...")."""
    text = seed_text()
    record = demo_record()
    assert record["text"] == text
    spans = {s["id"]: s for s in record["spans"]}
    speakers = [Speaker(s["start"], s["end"], s["label"]) for s in spans.values() if s["label"] in ("PER", "ORG")]
    # The gazetteer would add the other mentions of الكرملين (tagged once in the demo layer).
    speakers += mentions(text, ("الكرملين", "ORG"))
    quotes = find_quotes(text, speakers)
    found = {(q.start, q.end): q for q in quotes}
    for relation in record["relations"]:
        if relation["label"] != "SAID_BY":
            continue
        quote, speaker = spans[relation["head"]], spans[relation["child"]]
        q = found[(quote["start"], quote["end"])]
        assert (q.speaker.start, q.speaker.end) == (speaker["start"], speaker["end"])
        cue = next(
            spans[r["head"]] for r in record["relations"] if r["label"] == "CUE_OF" and r["child"] == quote["id"]
        )
        assert (q.cue.start, q.cue.end) == (cue["start"], cue["end"])
    assert text[found[(265, 483)].speaker.start : found[(265, 483)].speaker.end] == "الكرملين"
    assert text[found[(919, 1035)].speaker.start : found[(919, 1035)].speaker.end] == "ديمتري بيسكوف"
    # وأضاف، "..." goes on with the previous speaker; the cue never covers the و.
    added = next(q for q in quotes if q.surface(text).startswith("نرى خطاباً"))
    assert text[added.cue.start : added.cue.end] == "أضاف"
    assert text[added.speaker.start : added.speaker.end] == "ديمتري بيسكوف"
    assert added.speaker_how == "previous"
    for q in quotes:
        assert text[q.start : q.end] == q.surface(text)
        assert q.surface(text) == q.surface(text).strip()


def test_seed_reported_speech_is_indirect_and_ends_with_the_sentence() -> None:
    text = seed_text()
    quotes = find_quotes(text, mentions(text, ("الكرملين", "ORG"), ("بيسكوف", "PER"), ("بوتين", "PER")))
    by_surface = {q.surface(text): q for q in quotes}
    q = by_surface["روسيا تحتاج إلى ضمانات أمنية ملزمة قانوناً من الغرب"]
    assert q.type == "indirect" and text[q.speaker.start : q.speaker.end] == "بوتين"
    # "يرفض الكرملين هذه الاتهامات ويقول إن": no subject after the verb, the sentence's subject said it.
    q = next(q for q in quotes if q.surface(text).startswith("روسيا خلافاً لذلك"))
    assert text[q.cue.start : q.cue.end] == "يقول" and text[q.speaker.start : q.speaker.end] == "الكرملين"
    # A speech verb inside a quotation ("بوتين أشار إلى...") is part of what was said.
    assert not any(q.cue and 265 <= q.cue.start < 483 for q in quotes)


def test_quoted_passages_in_every_style() -> None:
    text = 'قال الوزير: «لن نتراجع عن «الإصلاح» أبداً». وأضاف "نحن ملتزمون". ورد المتحدث “الأمر محسوم”\nسطر "بلا إغلاق'
    passages = [text[p.start : p.end] for p in quoted_passages(text)]
    assert passages == ["لن نتراجع عن «الإصلاح» أبداً", "نحن ملتزمون", "الأمر محسوم"]


def test_guillemets_may_run_on_into_the_next_paragraph() -> None:
    text = "وقال: «الفقرة الأولى من التصريح\nوالفقرة الثانية منه». انتهى"
    (passage,) = quoted_passages(text)
    assert text[passage.start : passage.end] == "الفقرة الأولى من التصريح\nوالفقرة الثانية منه"


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("وقال", "قال"),
        ("فقالت", "قالت"),
        ("وأضافت", "أضافت"),
        ("وَأَضَافَ", "أَضَافَ"),  # diacritised
        ("واضاف", "اضاف"),  # alef without hamza
        ("ويقولون", "يقولون"),
        ("مضيفاً", "مضيفاً"),
        ("ومشيرةً", "مشيرةً"),
    ],
)
def test_speech_cues_cover_the_verb_without_its_clitic(text: str, cue: str) -> None:
    (found,) = speech_cues(text + " إن الأمر")
    assert (text + " إن الأمر")[found.start : found.end] == cue


def test_words_that_merely_contain_a_verb_are_not_cues() -> None:
    assert speech_cues("المقال والمقالات مقالة قالب") == []


def test_speaker_after_a_title_and_the_addressee_is_not_the_speaker() -> None:
    text = "وقال وزير الخارجية عادل الجبير لـ«عكاظ» إن المملكة ماضية في دعم اليمن."
    speakers = mentions(text, ("عادل الجبير", "PER"), ("عكاظ", "ORG"))
    (q,) = find_quotes(text, speakers)
    assert said(text, [q]) == [("المملكة ماضية في دعم اليمن", "قال", "عادل الجبير", "indirect")]
    text = "وقال مسؤول تركي لوكالة فرانس برس: «نؤكد أن منفذ الهجوم رجل في العشرين»"
    (q,) = find_quotes(text, mentions(text, ("فرانس برس", "ORG")))
    assert q.speaker is None and q.surface(text) == "نؤكد أن منفذ الهجوم رجل في العشرين"


def test_participle_goes_on_with_the_speaker_and_ends_the_previous_statement() -> None:
    text = (
        "أكدت المتحدثة آمنة الغامدي أن الوزارة حددت العام الدراسي، مشيرةً إلى أن الزي الجديد إلزامي. "
        'وقال الفريدي إن المزارع استفاد، مضيفا: "هذه ميزة لا يجدها المستهلك في السوق".'
    )
    quotes = find_quotes(text, mentions(text, ("آمنة الغامدي", "PER"), ("الفريدي", "PER")))
    assert said(text, quotes) == [
        ("الوزارة حددت العام الدراسي", "أكدت", "آمنة الغامدي", "indirect"),
        ("الزي الجديد إلزامي", "مشيرةً", "آمنة الغامدي", "indirect"),
        ("المزارع استفاد", "قال", "الفريدي", "indirect"),
        ("هذه ميزة لا يجدها المستهلك في السوق", "مضيفا", "الفريدي", "direct"),
    ]


def test_an_unnamed_subject_gets_no_speaker() -> None:
    """ "وقال المسؤول إن": somebody untagged said it; the previous speaker is not reused."""
    text = "وقال الوزير خالد الفالح إن الإنتاج مستقر. وقال المسؤول إن الأسعار سترتفع قريبا."
    quotes = find_quotes(text, mentions(text, ("خالد الفالح", "PER")))
    assert said(text, quotes) == [
        ("الإنتاج مستقر", "قال", "خالد الفالح", "indirect"),
        ("الأسعار سترتفع قريبا", "قال", None, "indirect"),
    ]


def test_a_name_in_quotes_inside_the_subject_is_not_the_quote() -> None:
    text = 'وذكرت صحيفة "ديلي ميل" أمس أن "الضحايا في الحادث كانوا الطيار وثلاثة ركاب".'
    (q,) = find_quotes(text, mentions(text, ("ديلي ميل", "ORG")))
    assert said(text, [q]) == [("الضحايا في الحادث كانوا الطيار وثلاثة ركاب", "ذكرت", "ديلي ميل", "direct")]


def test_a_coordinated_that_clause_continues_the_statement() -> None:
    text = 'وأضافت الهيئة أن "مكتب التحقيقات عين ممثلا معتمدا"، وأن الحادث أدى إلى تدمير 15 سيارة.'
    quotes = find_quotes(text, mentions(text, ("الهيئة", "ORG")))
    assert said(text, quotes) == [
        ("مكتب التحقيقات عين ممثلا معتمدا", "أضافت", "الهيئة", "direct"),
        ("الحادث أدى إلى تدمير 15 سيارة", "أضافت", "الهيئة", "indirect"),
    ]


def test_conjunction_an_is_not_reported_speech() -> None:
    assert find_quotes("وأكد الوزير بعد أن وصل إلى الرياض") == []
    assert find_quotes("يذكر أن المهرجان انطلق قبل عشرين عاما.") == []  # impersonal: the writer's words
    (q,) = find_quotes("يذكر المسؤول أن المهرجان انطلق قبل عشرين عاما.")
    assert q.surface("يذكر المسؤول أن المهرجان انطلق قبل عشرين عاما.") == "المهرجان انطلق قبل عشرين عاما"
    assert find_quotes("قال الوزير في المؤتمر الصحفي اليوم") == []  # no أن/إن, colon or quote


def test_a_long_quoted_passage_without_cue_is_proposed_a_short_one_not() -> None:
    text = 'رفع المحتجون شعار "لا للفساد" وكتبوا «نريد دولة القانون والمؤسسات والعدالة للجميع بلا استثناء».'
    quotes = find_quotes(text)
    assert [q.surface(text) for q in quotes] == ["نريد دولة القانون والمؤسسات والعدالة للجميع بلا استثناء"]
    assert quotes[0].cue is None and quotes[0].how == "passage"


def test_diacritics_and_tatweel_never_shift_offsets() -> None:
    text = "وَقَالَ الرَّئِيسُ إِنَّ الاتـفـاق تـاريخي 😀 ومُهِمّ."
    (q,) = find_quotes(text)
    assert q.surface(text) == "الاتـفـاق تـاريخي 😀 ومُهِمّ"
    assert text[q.cue.start : q.cue.end] == "قَالَ"
