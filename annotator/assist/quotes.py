"""Quote suggestions for Arabic news: quoted passages, speech cues, and the nearest plausible speaker.

Pure text analysis, no storage: :func:`find_quotes` takes a document's text and the candidate
speakers (PER/ORG mentions already tagged in the layer, or found by the gazetteer) and returns
:class:`QuoteSuggestion` objects. Every offset is a code-point offset into the text as given
(diacritics, tatweel and clitics never shift anything: patterns tolerate the marks rather than
searching a normalised copy).

What is found:

- **Quoted passages** (:func:`quoted_passages`): « » (nested pairs kept whole; a passage may run
  on into the next paragraph when that one opens with the closing mark), “ ” and straight " pairs
  inside one paragraph. The passage is the text between the marks.
- **Speech cues** (:func:`speech_cues`): قال، أضاف، أوضح، أشار، أكد، ذكر، صرح، اعتبر، لفت، تابع،
  شدد، أعلن and a few more, with feminine, dual, plural and present forms, after an optional و or
  ف (the cue covers the verb only, never the clitic), and the active participles that continue a
  sentence (قائلاً، مضيفاً، مشيرةً، مؤكداً...).
- A cue **introduces** what follows it when, before the end of the sentence, comes a colon, an
  opening quote mark, or أن/إن (بأن، أنه، إنها...). A quoted passage right after the introducer
  is a *direct* quote; a colon gives a *direct* quote up to the end of the sentence; أن/إن gives
  an *indirect* quote (reported speech) from the next word to the end of the sentence. A cue
  right after a closing mark (``«...»، قال الوزير``) introduces the passage before it.
- Long quoted passages with no cue (at least ``min_uncued_words`` words) are proposed too, as
  direct quotes without a cue.

The speaker is chosen among the candidates: the first PER/ORG mention in the few words after the
verb (preferring a person named right after an organisation: "المتحدث باسم الكرملين ديمتري
بيسكوف"); else, for a verb without و/ف in mid-sentence, the mention just before it ("بيسكوف قال");
else the speaker of the previous quote when it ended shortly before (``وأضاف``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

# Marks that may sit on or between letters: harakat, shadda, sukun, dagger alef, Quranic marks, tatweel.
MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed\u0640"
_MARKS_CLASS = f"[{MARKS}]*"
_LETTER = r"[^\W\d_]"
_ALEFS = "اأإآٱ"

# Lemma -> the forms recognised (past: he, she, they two (m/f), they; present: he, she, they).
SPEECH_VERBS: dict[str, tuple[str, ...]] = {
    "قال": ("قال", "قالت", "قالا", "قالتا", "قالوا", "يقول", "تقول", "يقولون"),
    "أضاف": ("أضاف", "أضافت", "أضافا", "أضافتا", "أضافوا", "يضيف", "تضيف", "يضيفون"),
    "أوضح": ("أوضح", "أوضحت", "أوضحا", "أوضحتا", "أوضحوا", "يوضح", "توضح", "يوضحون"),
    "أشار": ("أشار", "أشارت", "أشارا", "أشارتا", "أشاروا", "يشير", "تشير", "يشيرون"),
    "أكد": ("أكد", "أكدت", "أكدا", "أكدتا", "أكدوا", "يؤكد", "تؤكد", "يؤكدون"),
    "ذكر": ("ذكر", "ذكرت", "ذكرا", "ذكرتا", "ذكروا", "يذكر", "تذكر", "يذكرون"),
    "صرح": ("صرح", "صرحت", "صرحا", "صرحتا", "صرحوا", "يصرح", "تصرح", "يصرحون"),
    "اعتبر": ("اعتبر", "اعتبرت", "اعتبرا", "اعتبرتا", "اعتبروا", "يعتبر", "تعتبر", "يعتبرون"),
    "لفت": ("لفت", "لفتت", "لفتا", "لفتتا", "لفتوا", "يلفت", "تلفت", "يلفتون"),
    "تابع": ("تابع", "تابعت", "تابعا", "تابعتا", "تابعوا"),
    "شدد": ("شدد", "شددت", "شددا", "شددتا", "شددوا", "يشدد", "تشدد", "يشددون"),
    "أعلن": ("أعلن", "أعلنت", "أعلنا", "أعلنتا", "أعلنوا", "يعلن", "تعلن", "يعلنون"),
    "أفاد": ("أفاد", "أفادت", "أفادا", "أفادتا", "أفادوا", "يفيد", "تفيد"),
    "أردف": ("أردف", "أردفت", "أردفوا"),
    "كشف": ("كشف", "كشفت", "كشفا", "كشفتا", "كشفوا", "يكشف", "تكشف"),
    "أورد": ("أورد", "أوردت", "أوردوا", "يورد", "تورد"),
    "نقل": ("نقل", "نقلت", "نقلوا", "ينقل", "تنقل"),  # "نقلت الصحيفة عن X أن": the speaker follows عن
    # Verbal nouns that report speech ("وتأكيده أن", "تأكيد الرئيس أن", "قوله إن").
    "تأكيد": ("تأكيد", "تأكيده", "تأكيدها", "تأكيدهم"),
    "قول": ("قوله", "قولها", "قولهم"),
}
# Active participles after a clause ("...، مضيفاً أن"): their subject is the sentence's speaker.
PARTICIPLES: dict[str, tuple[str, ...]] = {
    "قال": ("قائلا", "قائلة"),
    "أضاف": ("مضيفا", "مضيفة"),
    "أوضح": ("موضحا", "موضحة"),
    "أشار": ("مشيرا", "مشيرة"),
    "أكد": ("مؤكدا", "مؤكدة"),
    "اعتبر": ("معتبرا", "معتبرة"),
    "لفت": ("لافتا", "لافتة"),
    "شدد": ("مشددا", "مشددة"),
    "أعلن": ("معلنا", "معلنة"),
    "كشف": ("كاشفا", "كاشفة"),
}
# Verbs whose subject is usually the previous speaker when none follows ("وأضاف: ...").
CONTINUATION_VERBS = frozenset({"أضاف", "تابع", "أردف", "أوضح", "أكد", "أشار", "لفت", "شدد"})

TRIM = " \t\n.,،؛;:!?؟…-–—"

MAX_ZONE_WORDS = 25  # how far after a cue its introducer (أن، إن، colon, quote mark) may be
MAX_SUBJECT_GAP = 5  # words between the verb and the start of its subject (titles: "وقال وزير الخارجية X")
MAX_TITLE_GAP = 8  # the same when a noun follows the verb at once (a long title, "المتحدث الرسمي لمركز...")
MAX_CHAIN_GAP = 2  # words between a subject's mentions ("الكرملين ديمتري بيسكوف", "الوزارة، اللواء X")
MAX_BEFORE_GAP = 4  # words between a speaker named before the verb and the verb ("بيسكوف قال")
PREVIOUS_SPEAKER_CHARS = 600  # how far back a previous quote's speaker is reused
MIN_UNCUED_WORDS = 8  # a quoted passage without a cue is proposed from this many words on
MIN_INTRODUCED_WORDS = 2  # a quoted passage right after أن/إن is the quote from this many words on
MIN_ZONE_PASSAGE_WORDS = 4  # a passage inside the subject zone ("ذكرت صحيفة "ديلي ميل"") is a name below this


def _flexible(word: str) -> str:
    """A pattern for ``word`` that tolerates diacritics/tatweel after each letter and any alef form."""
    parts = []
    for ch in word:
        if ch in _ALEFS:
            parts.append(f"[{_ALEFS}]")
        elif ch in "يى":
            parts.append("[يى]")
        elif ch in "ؤئ":
            parts.append(f"[{ch}ءا]")
        else:
            parts.append(re.escape(ch))
        parts.append(_MARKS_CLASS)
    return "".join(parts)


def _forms_pattern() -> tuple[re.Pattern[str], dict[str, tuple[str, bool]]]:
    """One pattern for every form (longest first: قالت before قال), and group name -> (lemma, participle)."""
    forms = [(form, lemma, False) for lemma, all_forms in SPEECH_VERBS.items() for form in all_forms]
    forms += [(form, lemma, True) for lemma, all_forms in PARTICIPLES.items() for form in all_forms]
    forms.sort(key=lambda f: -len(f[0]))
    lemmas = {f"v{i}": (lemma, participle) for i, (_form, lemma, participle) in enumerate(forms)}
    body = "|".join(f"(?P<v{i}>{_flexible(form)})" for i, (form, _lemma, _p) in enumerate(forms))
    pattern = re.compile(rf"(?<![\w{MARKS}])(?P<prefix>[وف]{_MARKS_CLASS})?(?:{body})(?![\w{MARKS}])")
    return pattern, lemmas


_VERBS, _LEMMAS = _forms_pattern()
_WORD = re.compile(rf"[\w{MARKS}]+")
# أن/إن and their forms with a pronoun, and بأن: the word that opens reported speech.
_INTRODUCER = re.compile(
    rf"(?:ب{_MARKS_CLASS})?[أإا]{_MARKS_CLASS}ن{_MARKS_CLASS}(?:ن{_MARKS_CLASS})?"
    rf"(?:ه{_MARKS_CLASS}|ها|هم|هما|هن|نا|ني|ك|كم)?"
)
# Present forms that, right before أن with no subject, are impersonal ("يذكر أن": it is worth noting).
_IMPERSONAL = frozenset({"يذكر"})
# Words before أن that make it a conjunction, not reported speech ("بعد أن", "يجب أن"...).
# Words right after a verb that are not its subject: the subject is then left out (وأكد في...).
_NOT_SUBJECT = frozenset(
    {"في", "فى", "على", "عن", "إلى", "الى", "مع", "من", "خلال", "أمس", "امس", "اليوم", "أيضا", "ايضا"}
    | {"كذلك", "بدوره", "بدورها", "عبر", "لدى", "حول", "أثناء", "اثناء", "عقب", "ضمن", "قد", "إنه", "انه"}
    | {"للصحفيين", "للصحافيين", "لوسائل", "بيان", "تصريح", "تصريحات", "كلمة", "حديث"}
)
_NOT_REPORTING_BEFORE = frozenset(
    {"بعد", "قبل", "منذ", "دون", "بدون", "حتى", "يجب", "ينبغي", "يمكن", "يمكنه", "لابد", "بد", "بمجرد"}
    | {"إلا", "الا", "لو", "كما", "مثلما", "يريد", "تريد", "أراد", "أرادت", "عسى"}
)


@dataclass(frozen=True, slots=True)
class QuotedPassage:
    """Text between a pair of quote marks: ``start``/``end`` are the content, ``open``/``close``
    the positions of the marks."""

    start: int
    end: int
    open: int
    close: int
    mark: str

    def words(self, text: str) -> int:
        return len(_WORD.findall(text[self.start : self.end]))


@dataclass(frozen=True, slots=True)
class Cue:
    """A speech verb: ``start``/``end`` cover the verb without its و/ف prefix."""

    start: int
    end: int
    lemma: str
    prefixed: bool
    participle: bool = False


@dataclass(frozen=True, slots=True)
class Speaker:
    """A candidate speaker mention (an existing span, or a gazetteer match); ``ref`` is the
    caller's handle for it (a span id, an index...)."""

    start: int
    end: int
    label: str
    ref: object = None


@dataclass(slots=True)
class QuoteSuggestion:
    start: int
    end: int
    type: str  # "direct" or "indirect"
    cue: Cue | None = None
    speaker: Speaker | None = None
    how: str = ""  # what found it: "cue+passage", "cue+colon", "cue+an", "passage+cue", "passage"
    speaker_how: str = ""  # "after", "before", "previous" or ""
    notes: list[str] = field(default_factory=list)

    def surface(self, text: str) -> str:
        return text[self.start : self.end]


# -- quoted passages -------------------------------------------------------------------------


def _paragraphs(text: str) -> Iterable[tuple[int, int]]:
    start = 0
    while start <= len(text):
        end = text.find("\n", start)
        if end == -1:
            end = len(text)
        yield start, end
        start = end + 1


def _content(text: str, open_: int, close: int, mark: str) -> QuotedPassage | None:
    start, end = open_ + 1, close
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start >= end or not re.search(r"[^\W\d_]|\d", text[start:end]):
        return None
    return QuotedPassage(start, end, open_, close, mark)


def quoted_passages(text: str) -> list[QuotedPassage]:
    """Every quoted passage of ``text``, outermost only, in text order."""
    found: list[QuotedPassage] = []
    pending_open: int | None = None  # a « left open at the end of the previous paragraph
    for para_start, para_end in _paragraphs(text):
        stack: list[int] = []
        curly: list[int] = []
        straight: list[int] = []
        carried = pending_open
        pending_open = None
        for i in range(para_start, para_end):
            ch = text[i]
            if ch == "«":
                stack.append(i)
            elif ch == "»":
                if stack:
                    open_ = stack.pop()
                    if not stack:
                        passage = _content(text, open_, i, "«")
                        if passage:
                            found.append(passage)
                elif carried is not None:
                    passage = _content(text, carried, i, "«")
                    if passage:
                        found.append(passage)
                    carried = None
            elif ch in "“”":
                curly.append(i)
            elif ch == '"':
                straight.append(i)
        if stack and not any(text[j] == "»" for j in range(stack[0], para_end)):
            pending_open = stack[0]
        for marks, name in ((curly, "“"), (straight, '"')):
            for k in range(0, len(marks) - 1, 2):
                passage = _content(text, marks[k], marks[k + 1], name)
                if passage:
                    found.append(passage)
    found.sort(key=lambda p: (p.open, -p.close))
    outer: list[QuotedPassage] = []
    for passage in found:
        if outer and passage.open < outer[-1].close:
            continue  # nested in (or crossing) the one before: keep the outer one
        outer.append(passage)
    return outer


# -- cues ------------------------------------------------------------------------------------


def speech_cues(text: str) -> list[Cue]:
    """Every speech verb of ``text`` (stem only: the و/ف prefix is left out)."""
    cues = []
    for match in _VERBS.finditer(text):
        group = match.lastgroup or ""
        lemma, participle = _LEMMAS[group]
        cues.append(Cue(match.start(group), match.end(group), lemma, match.group("prefix") is not None, participle))
    return cues


# -- helpers ---------------------------------------------------------------------------------


def _strip(ch: str) -> str:
    return re.sub(f"[{MARKS}]", "", ch)


def _is_introducer(word: str) -> bool:
    return _INTRODUCER.fullmatch(word) is not None


def _words_between(text: str, start: int, end: int) -> int:
    return len(_WORD.findall(text[start:end])) if end > start else 0


def _is_sentence_end(text: str, i: int) -> bool:
    """Whether ``text[i]`` ends a sentence: a newline, ! ? ؟, or a full stop that is not inside a
    number (3.5) or a Latin name (www.gdp.gov.sa); a missing space after it ("الخضار.وقال") is fine."""
    ch = text[i]
    if ch == "\n" or ch in "!?؟":
        return True
    if ch != ".":
        return False
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before.isdigit() and after.isdigit():
        return False
    return not (after.isascii() and after.isalnum())


def _sentence_end(text: str, start: int, passages: Sequence[QuotedPassage]) -> int:
    """Where the sentence that ``start`` is in ends (exclusive), jumping over quoted passages."""
    i = start
    by_open = {p.open: p for p in passages}
    n = len(text)
    while i < n:
        passage = by_open.get(i)
        if passage is not None:
            i = passage.close + 1
            continue
        if _is_sentence_end(text, i):
            return i
        i += 1
    return n


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in TRIM:
        start += 1
    while end > start and text[end - 1] in TRIM:
        end -= 1
    # A mark that opens or closes nothing inside the span is cut off the ends.
    for _ in range(2):
        inner = text[start:end]
        if end > start and inner[-1] in '»”"' and not _balanced(inner):
            end -= 1
        if end > start and text[start] in '«“"' and not _balanced(text[start:end]):
            start += 1
        while start < end and text[start] in TRIM:
            start += 1
        while end > start and text[end - 1] in TRIM:
            end -= 1
    return start, end


def _balanced(s: str) -> bool:
    return s.count("«") == s.count("»") and s.count('"') % 2 == 0 and s.count("“") + s.count("”") in (0, 2, 4, 6)


_MEDIA = frozenset({"وكالة", "صحيفة", "جريدة", "قناة", "موقع", "مجلة", "تلفزيون", "إذاعة", "اذاعة", "شبكة"})


def _is_addressee(text: str, speaker: Speaker) -> bool:
    """Who was spoken to, not the speaker: a mention with ل attached (لـ«عكاظ», للصحيفة), or one
    right after a medium with ل ("لوكالة فرانس")."""
    i = speaker.start - 1
    while i >= 0 and text[i] in '«“"ـ' + "\u0640":
        i -= 1
    if i >= 0 and text[i] == "ل" and (i == 0 or not text[i - 1].isalpha() or text[i - 1] in "وف"):
        return True
    words = _WORD.findall(text[max(0, speaker.start - 30) : speaker.start])
    return bool(words) and words[-1].startswith("ل") and _strip(words[-1][1:]) in _MEDIA


# -- the finder ------------------------------------------------------------------------------


@dataclass(slots=True)
class _Zone:
    """What comes between a cue and its introducer."""

    how: str  # "passage", "colon" or "an"
    start: int  # where the quote starts
    after: int  # just after the introducer
    end: int  # where the subject zone ends (the introducer's start)
    passage: QuotedPassage | None
    explicit_subject: bool  # a word other than a preposition/adverb follows the verb at once


_CONTINUATION = re.compile(
    rf"[\s\"»”،,]*(و{_MARKS_CLASS}(?:ب{_MARKS_CLASS})?[أإا]{_MARKS_CLASS}ن{_MARKS_CLASS}[\w{MARKS}]*)"
)


class _Finder:
    def __init__(
        self,
        text: str,
        speakers: Sequence[Speaker],
        min_uncued_words: int,
        speaker_labels: Sequence[str],
    ) -> None:
        self.text = text
        self.speakers = sorted(
            {(s.start, s.end, s.label): s for s in speakers if s.label in speaker_labels}.values(),
            key=lambda s: (s.start, -s.end),
        )
        self.passages = quoted_passages(text)
        self.passage_at_open = {p.open: p for p in self.passages}
        self.min_uncued_words = min_uncued_words

    def inside_passage(self, pos: int) -> QuotedPassage | None:
        for p in self.passages:
            if p.open < pos < p.close:
                return p
            if p.open > pos:
                break
        return None

    def _skip_spaces(self, j: int) -> int:
        while j < len(self.text) and self.text[j] in " \t":
            j += 1
        return j

    def introducer(self, cue: Cue, cue_starts: set[int]) -> _Zone | None:
        """The first أن/إن, colon or opening quote after the cue, before the sentence ends."""
        text = self.text
        i = cue.end
        words = 0
        previous_word = ""
        explicit: bool | None = None
        n = len(text)
        while i < n and words <= MAX_ZONE_WORDS:
            ch = text[i]
            if _is_sentence_end(text, i):
                return None
            if ch == ":":
                j = self._skip_spaces(i + 1)
                passage = self.passage_at_open.get(j)
                if passage is not None:
                    return _Zone("passage", passage.start, passage.end, i, passage, bool(explicit))
                return _Zone("colon", j, j, i, None, bool(explicit))
            passage = self.passage_at_open.get(i)
            if passage is not None:
                size = passage.words(text)
                if size >= MIN_ZONE_PASSAGE_WORDS or words == 0 or previous_word == ",":
                    return _Zone("passage", passage.start, passage.end, passage.open, passage, bool(explicit))
                if explicit is None:
                    explicit = True
                i = passage.close + 1  # a name in quotes (صحيفة "ديلي ميل"): part of the zone
                words += size
                previous_word = "»"
                continue
            match = _WORD.match(text, i)
            if match is None:
                if ch in "،,":
                    previous_word = ","
                i += 1
                continue
            word = match.group()
            if words > 0 and match.start() in cue_starts:
                return None  # another speech verb comes first
            bare = _strip(word)
            if _is_introducer(bare) and words == 0 and _strip(text[cue.start : cue.end]) in _IMPERSONAL:
                return None  # "يذكر أن": "it is worth noting that", the writer's own words
            if _is_introducer(bare) and previous_word not in _NOT_REPORTING_BEFORE:
                j = self._skip_spaces(match.end())
                passage = self.passage_at_open.get(j)
                if passage is not None and passage.words(text) >= MIN_INTRODUCED_WORDS:
                    return _Zone("passage", passage.start, passage.end, match.start(), passage, bool(explicit))
                return _Zone("an", j, j, match.start(), None, bool(explicit))
            if explicit is None:
                explicit = bare not in _NOT_SUBJECT and not bare.startswith("لـ") and not bare.startswith("ل\u0640")
            previous_word = bare
            words += 1
            i = match.end()
        return None

    def _gap(self, start: int, end: int) -> int:
        """Words between ``start`` and ``end`` that are not inside a candidate mention."""
        count = 0
        for match in _WORD.finditer(self.text, start, end):
            if not any(s.start <= match.start() < s.end for s in self.speakers):
                count += 1
        return count

    def after(self, cue: Cue, zone: _Zone) -> Speaker | None:
        text = self.text
        candidates = [
            s for s in self.speakers if s.start >= cue.end and s.end <= zone.end and not _is_addressee(text, s)
        ]
        if cue.lemma == "نقل":
            # "نقلت الصحيفة عن الوزير قوله": the one after عن said it (see _quote: عن is required).
            for speaker in candidates:
                words = _WORD.findall(text[cue.end : speaker.start])
                if words and _strip(words[-1]) == "عن":
                    return speaker
        limit = MAX_TITLE_GAP if zone.explicit_subject else MAX_SUBJECT_GAP
        chain: list[Speaker] = []
        for speaker in candidates:
            if not chain:
                if self._gap(cue.end, speaker.start) > limit:
                    break
                chain.append(speaker)
            elif speaker.start >= chain[-1].end:
                if self._gap(chain[-1].end, speaker.start) > MAX_CHAIN_GAP:
                    break
                chain.append(speaker)
        if not chain:
            return None
        return next((s for s in chain if s.label == "PER"), chain[0])

    def before(self, cue: Cue) -> Speaker | None:
        text = self.text
        best = None
        for speaker in self.speakers:
            if speaker.end > cue.start:
                break
            best = speaker
        if best is None or _is_addressee(text, best):
            return None
        between = text[best.end : cue.start]
        if any(ch in between for ch in ".!?؟\n،,;؛:") or _words_between(text, best.end, cue.start) > MAX_BEFORE_GAP:
            return None
        return best

    def sentence_subject(self, cue: Cue) -> Speaker | None:
        """The first mention of the sentence before ``cue`` (for وقال with no subject after it:
        "يرفض الكرملين هذه الاتهامات ويقول إن...")."""
        text = self.text
        start = cue.start
        while start > 0 and not _is_sentence_end(text, start - 1):
            start -= 1
        for speaker in self.speakers:
            if speaker.start >= cue.start:
                break
            if speaker.start >= start and not _is_addressee(text, speaker):
                return speaker
        return None

    def _quote(self, cue: Cue, zone: _Zone) -> QuoteSuggestion | None:
        text = self.text
        if cue.lemma == "نقل" and "عن" not in {_strip(w) for w in _WORD.findall(text[cue.end : zone.end])}:
            return None  # نقل reports speech only as "نقل عن X" (else: to move, transport)
        if zone.how == "passage":
            assert zone.passage is not None
            return QuoteSuggestion(zone.passage.start, zone.passage.end, "direct", cue, how="cue+passage")
        end = _sentence_end(text, zone.after, self.passages)
        s, e = _trim(text, zone.after, end)
        if s >= e or (zone.how == "an" and _words_between(text, s, e) < 2):
            return None
        return QuoteSuggestion(s, e, "direct" if zone.how == "colon" else "indirect", cue, how=f"cue+{zone.how}")

    def _continuations(self, first: QuoteSuggestion) -> list[QuoteSuggestion]:
        """ "...، وأن ..." right after a reported statement goes on with the same speaker."""
        text = self.text
        out: list[QuoteSuggestion] = []
        current = first
        while True:
            end = current.end
            if end < len(text) and text[end] in '»”"':
                end += 1
            match = _CONTINUATION.match(text, end)
            if match is None or not _is_introducer(_strip(match.group(1))[1:]):
                return out
            j = self._skip_spaces(match.end(1))
            passage = self.passage_at_open.get(j)
            if passage is not None and passage.words(text) >= MIN_INTRODUCED_WORDS:
                nxt = QuoteSuggestion(passage.start, passage.end, "direct", current.cue, how="continued")
            else:
                s, e = _trim(text, j, _sentence_end(text, j, self.passages))
                if s >= e or _words_between(text, s, e) < 2:
                    return out
                nxt = QuoteSuggestion(s, e, "indirect", current.cue, how="continued")
            nxt.speaker, nxt.speaker_how = current.speaker, current.speaker_how
            out.append(nxt)
            current = nxt

    def find(self) -> list[QuoteSuggestion]:
        text = self.text
        cues = [c for c in speech_cues(text) if not self.inside_passage(c.start)]  # a verb inside a quotation was said
        cue_starts = {c.start for c in cues} | {c.start - 1 for c in cues if c.prefixed}
        out: list[QuoteSuggestion] = []
        used_passages: set[int] = set()
        for cue in cues:
            zone = self.introducer(cue, cue_starts)
            if zone is None:
                continue
            suggestion = self._quote(cue, zone)
            if suggestion is None:
                continue
            # A participle or a new و-verb inside the previous reported statement ends it there
            # ("...، مشيرةً إلى أن", "... وأضاف أن").
            cut = cue.start - (1 if cue.prefixed else 0)
            for earlier in out:
                if (
                    (cue.participle or cue.prefixed)
                    and earlier.how in ("cue+an", "cue+colon", "continued")
                    and earlier.start < cut < earlier.end
                ):
                    s, e = _trim(text, earlier.start, cut)
                    earlier.end = e if e > s else earlier.end
            if any(q.start < suggestion.end and suggestion.start < q.end for q in out):
                continue
            if suggestion.how == "cue+passage" and zone.passage is not None:
                if zone.passage.open in used_passages:
                    continue
                used_passages.add(zone.passage.open)
            self.choose_speaker(suggestion, zone, out)
            out.append(suggestion)
            for nxt in self._continuations(suggestion):
                if any(q.start < nxt.end and nxt.start < q.end for q in out):
                    break
                out.append(nxt)
                passage = self.passage_at_open.get(nxt.start - 1)
                if passage is not None:
                    used_passages.add(passage.open)
        # Passages followed by a cue ("«...»، قال الوزير"), then long passages without one.
        by_start = {c.start: c for c in cues if not c.prefixed}
        for passage in self.passages:
            if passage.open in used_passages:
                continue
            if any(q.start < passage.end and passage.start < q.end for q in out):
                continue
            j = passage.close + 1
            while j < len(text) and text[j] in " \t،,":
                j += 1
            cue = by_start.get(j)
            if cue is not None and passage.words(text) >= MIN_INTRODUCED_WORDS:
                suggestion = QuoteSuggestion(passage.start, passage.end, "direct", cue, how="passage+cue")
                zone_end = _sentence_end(text, cue.end, self.passages)
                zone = _Zone("passage", passage.start, passage.end, zone_end, passage, True)
                self.choose_speaker(suggestion, zone, out)
            elif passage.words(text) >= self.min_uncued_words:
                suggestion = QuoteSuggestion(passage.start, passage.end, "direct", None, how="passage")
                self.choose_speaker(suggestion, None, out)
            else:
                continue
            used_passages.add(passage.open)
            out.append(suggestion)
        out.sort(key=lambda q: q.start)
        return out

    def choose_speaker(
        self, suggestion: QuoteSuggestion, zone: _Zone | None, earlier: Sequence[QuoteSuggestion]
    ) -> None:
        cue = suggestion.cue
        anchor = cue.start if cue is not None else suggestion.start
        previous = [q for q in earlier if q.speaker is not None and q.end <= anchor]
        recent = previous[-1].speaker if previous and anchor - previous[-1].end <= PREVIOUS_SPEAKER_CHARS else None
        if cue is not None and cue.participle:
            # "...، مضيفاً أن": the speaker of the sentence, said before.
            if recent is not None:
                suggestion.speaker, suggestion.speaker_how = recent, "previous"
                return
            speaker = self.sentence_subject(cue)
            if speaker is not None:
                suggestion.speaker, suggestion.speaker_how = speaker, "before"
            return
        if cue is not None and zone is not None:
            speaker = self.after(cue, zone)
            if speaker is not None:
                suggestion.speaker, suggestion.speaker_how = speaker, "after"
                return
            if zone.explicit_subject:
                return  # "وقال المسؤول إن": someone not tagged said it
            speaker = self.sentence_subject(cue) if cue.prefixed else self.before(cue)
            if speaker is not None:
                suggestion.speaker, suggestion.speaker_how = speaker, "before"
                return
        if recent is not None and (cue is None or cue.lemma in CONTINUATION_VERBS or cue.prefixed):
            suggestion.speaker, suggestion.speaker_how = recent, "previous"


def find_quotes(
    text: str,
    speakers: Sequence[Speaker] = (),
    *,
    min_uncued_words: int = MIN_UNCUED_WORDS,
    speaker_labels: Sequence[str] = ("PER", "ORG"),
) -> list[QuoteSuggestion]:
    """Quote suggestions for ``text``, in text order, never overlapping one another.

    ``speakers`` are the mentions a speaker may be chosen from; only those labelled with one of
    ``speaker_labels`` are considered.
    """
    return _Finder(text, speakers, min_uncued_words, speaker_labels).find()
