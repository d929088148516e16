"""Deadlines in Vietnamese legal text: a small purpose-built grammar, not a general date parser.

``find_deadlines("... báo cáo Thủ tướng Chính phủ trước ngày 30/11/2025.")`` finds
``trước ngày 30/11/2025`` -> kind ``date``, due 2025-11-30. ``parse_deadline("Quý IV/2025")`` reads a
table cell -> ``quarter``, due 2025-12-31.

The patterns are assembled from the words in ``data/deadline_words.yaml``. Each pattern family
produces candidates; overlapping candidates are resolved longest-first (ties by family priority);
then candidates that are not deadlines are dropped.

Rules worth knowing (see also the annotation guide, "Deadlines"):

* ``due`` is the last day on which the task is on time: ``trước ngày 15/12/2025`` -> 2025-12-15,
  ``tháng 6/2025`` and ``trước tháng 6/2025`` -> 2025-06-30, ``Quý II`` -> 06-30, ``năm 2025`` -> 12-31,
  periods -> the end of the span (``giai đoạn 2025-2030`` -> 2030-12-31, ``4 tháng cuối năm 2025`` ->
  12-31, ``4 tháng đầu năm 2025`` -> 04-30, ``những tháng đầu năm`` -> 06-30).
* A date without a year takes ``issue_date``'s year (due ``None`` when the issue date is unknown).
* Invalid dates: a day past the month's end is clamped (``31/6/2025`` -> 2025-06-30); month 0 or > 12
  or day 0 is skipped.
* Recurrence: ``hằng tháng`` -> ``FREQ=MONTHLY``, ``hằng quý`` -> ``FREQ=MONTHLY;INTERVAL=3``,
  ``định kỳ 6 tháng`` -> ``FREQ=MONTHLY;INTERVAL=6``, ``trước ngày 25 hằng tháng`` ->
  ``FREQ=MONTHLY;BYMONTHDAY=25``, ``trước ngày 15 tháng 12 hằng năm`` ->
  ``FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=15``. Two year-less dates (``trước ngày 15 tháng 6 và trước
  ngày 01 tháng 12``) are recurring with an rrule only when the days agree
  (``FREQ=YEARLY;BYMONTH=6,12;BYMONTHDAY=15``). A bare ``trước ngày 25`` is kept only when a monthly
  recurrence stands in the same sentence.
* In running text (``find_deadlines``) a full date counts only after a trigger word (``trước``,
  ``chậm nhất``, ``hoàn thành``, ``hạn``, ``đến``, ...): bare dates are issue-date lines, dates of
  cited documents or events. Untriggered months, quarters, years and periods are kept unless they
  belong to a cited document (:func:`is_citation_date`), follow ``hiệu lực`` (effect clauses) or,
  when ``issue_date`` is known, end before it (``trước ngày 01 tháng 01 năm 1945`` in a 2025 decree
  is a condition, not a deadline; a triggered day at most ``late_notice_days`` before it stays: a notice
  records what its meeting decided). A point after ``từ`` / ``bắt đầu`` is where the work starts, not a due
  point. A day or a quarter of a year named relative to another (``trước ngày 20 tháng 11 năm trước``, ``trong quý I
  của năm liền kề``) recurs yearly. ``parse_deadline`` (a table cell) accepts bare ``2025``,
  ``2025 - 2030`` and ``12/2026`` and does not apply the issue-date filter.
* Every regex call carries a timeout; on timeout the candidates found so far are used. Nothing here
  raises on text.
"""

from __future__ import annotations

import bisect
import calendar
import datetime
import functools
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import regex
from pydantic import BaseModel, ConfigDict

from .data import load as load_data
from .textutil import fold_tones

__all__ = [
    "DeadlineMention",
    "DeadlineWords",
    "find_deadlines",
    "is_citation_date",
    "load_words",
    "parse_deadline",
    "pick_task_deadline",
]

TIMEOUT = 5.0
"""Seconds allowed for one pattern over one text (``regex`` ``timeout=``)."""
_SEG = 8
"""Segments of a document number matched around its upper-case part (``01/2025/NQ-CP`` has 3); bounding
them keeps the number patterns linear on runs such as ``1/1/1/...`` (3000 of them took 50 s)."""


@dataclass(frozen=True)
class DeadlineMention:
    """One deadline as written: ``trước ngày 25 hằng tháng`` -> recurring, ``FREQ=MONTHLY;BYMONTHDAY=25``.

    ``start``/``end`` are offsets into the string given to the finder; ``text == input[start:end]``.
    """

    start: int
    end: int
    text: str
    kind: str
    due: datetime.date | None
    rrule: str | None


class DeadlineWords(BaseModel):
    """``data/deadline_words.yaml``: the words the grammar is built from (``triggers: [trước, ...]``)."""

    model_config = ConfigDict(extra="forbid")

    triggers: list[str]
    day_of_words: list[str]
    ensure_words: list[str]
    start_of_operation_words: list[str]
    hour_words: list[str]
    date_word: str
    month_word: str
    quarter_words: list[str]
    year_word: str
    period_words: list[str]
    roman_numerals: dict[str, int]
    number_words: dict[str, int]
    half_year_positions: dict[str, str]
    some_months_words: list[str]
    every_words: list[str]
    periodic_words: list[str]
    yearly_words: list[str]
    relative_year_words: list[str]
    late_notice_days: int
    recurrence_units: dict[str, str]
    times_words: list[str]
    ongoing_words: list[str]
    ongoing_not_after: list[str] = []  # "(nguồn) chi thường xuyên": recurrent spending, no ongoing task
    following_years_words: list[str]
    relative_leads: list[str]
    duration_units: dict[str, str]
    since_words: list[str]
    issue_events: list[str]
    event_session: list[str]
    event_session_done: list[str]
    event_session_dated: list[str]
    event_same_time: list[str]
    event_when: list[str]
    event_verbs: list[str]
    event_rollout_words: list[str]
    cell_event_starts: list[str]
    not_deadline_words: list[str]
    document_type_words: list[str]
    title_breakers: list[str]
    effect_words: list[str]
    vision_words: list[str]


@functools.cache
def load_words() -> DeadlineWords:
    """Load and validate ``deadline_words.yaml`` (once)."""
    return DeadlineWords.model_validate(load_data("deadline_words.yaml"))


# --------------------------------------------------------------------------------------------------
# pattern assembly

_L = r"(?<![\p{L}\p{N}])"
_R = r"(?![\p{L}\p{N}])"
_YEAR = r"(?:19|20)\d\d"
_FLAGS = regex.IGNORECASE | regex.V0


def _word(word: str) -> str:
    """``"chậm nhất"`` -> ``chậm\\s+nhất`` (any whitespace between the words, tones folded)."""
    return r"\s+".join(regex.escape(part) for part in fold_tones(word).split())


def _alt(words: Iterable[str]) -> str:
    """Alternation of words, longest first, each bounded on the right by a non-letter."""
    uniq = sorted({w.strip() for w in words if w.strip()}, key=len, reverse=True)
    return "(?:" + "|".join(_word(w) for w in uniq) + ")"


def _bounded(words: Iterable[str]) -> str:
    return _L + _alt(words) + _R


@dataclass
class _Cand:
    start: int
    end: int
    kind: str  # a DeadlineKind, or "_block" / "_day" (internal)
    due: datetime.date | None = None
    rrule: str | None = None
    prio: int = 0
    trig: bool = False  # introduced by a trigger word
    check: bool = True  # subject to the citation / issue-date filters
    day: int | None = None  # for "_day"


_Handler = Callable[["regex.Match[str]", "datetime.date | None"], "_Cand | None"]

# How a family relates to trigger words in front of it (looked up behind the match, which is much
# faster than starting every pattern with the trigger alternation).
_NONE, _OPT, _REQ = 0, 1, 2  # ignore / take it into the span when present / required

# What a family's every match contains, checked on the whole text before the (slow, position by
# position) pattern runs: a text without it cannot match, so the family is skipped. Each need is
# either _DIGIT (a ``\d``), _YEAR_DIGITS (a year: ``(?:19|20)\d\d``) or the lower-cased first words of the alternatives of a word list the
# pattern requires (one of them must occur in the lower-cased text).
_DIGIT = "digit"
_YEAR_DIGITS = "year"
_Need = str | tuple[str, ...]
_Family = tuple[str, "regex.Pattern[str]", _Handler, int, tuple[_Need, ...]]
_ANY_DIGIT = regex.compile(r"\d")  # the patterns' \d (any Unicode decimal digit)
_ANY_YEAR = regex.compile(_YEAR)  # the patterns' _YEAR, anywhere (2 of 3 texts with a digit hold none)
# Characters that match a letter of the grammar's words case-insensitively but lower() to something
# else ("İ" ~ "i" -> "i̇", "ſ" ~ "s"); a text holding one is not word-gated (tests.test_deadlines checks
# there are no others for the words of deadline_words.yaml).
_LOWER_ODD = ("\u0130", "\u017f")


def _need(*word_lists: Iterable[str]) -> tuple[_Need, ...]:
    """The gate of a family that requires a word of each list: ``[["trước", "chậm nhất"]]`` -> ``(("chậm", "trước"),)``.

    An empty list requires nothing (its alternation matches the empty string).
    """
    firsts = (tuple(sorted({fold_tones(w).split()[0].lower() for w in words if w.strip()})) for words in word_lists)
    return tuple(alts for alts in firsts if alts)


def _admits(needs: tuple[_Need, ...], key: str | None, has_digit: bool, has_year: bool) -> bool:
    """Whether a text (``key``: its lower-cased folded form, None when not word-gated) may match a family."""
    for alts in needs:
        if type(alts) is str:  # _DIGIT or _YEAR_DIGITS
            if not (has_digit if alts == _DIGIT else has_year):
                return False
        elif key is not None:
            for a in alts:  # a loop, not any() over a generator: this runs ~30 times per text
                if a in key:
                    break
            else:
                return False
    return True


@dataclass(frozen=True)
class _Grammar:
    families: tuple[_Family, ...]
    cell_families: tuple[_Family, ...]
    trig_start: regex.Pattern[str]
    trig_before: regex.Pattern[str]
    cell_event: regex.Pattern[str]
    type_words_rev: regex.Pattern[str]
    breakers: regex.Pattern[str]
    effect: regex.Pattern[str]
    clause_cut_rev: regex.Pattern[str]
    place_line: regex.Pattern[str]
    after_number: regex.Pattern[str]
    monthly_sentence_break: regex.Pattern[str]
    starts_from: regex.Pattern[str]


def _mkdate(y: int | None, m: int, d: int | None = None, issue: datetime.date | None = None) -> datetime.date | None:
    """A date, clamping the day to the month's end; ``d=None`` -> the month's last day; year-less -> issue year."""
    if y is None:
        if issue is None:
            return None
        y = issue.year
    if not (1 <= m <= 12) or not (1 <= y <= 9999):
        return None
    last = calendar.monthrange(y, m)[1]
    if d is None:
        return datetime.date(y, m, last)
    if d < 1 or d > 31:
        return None
    return datetime.date(y, m, min(d, last))


def _int(text: str | None) -> int | None:
    if text is None:
        return None
    text = " ".join(fold_tones(text).lower().split())
    if text.isdigit():
        return int(text)
    words = load_words()
    if text in words.number_words:
        return words.number_words[text]
    return words.roman_numerals.get(text)


def _add_months(day: datetime.date, months: int) -> datetime.date:
    total = day.year * 12 + day.month - 1 + months
    year, month = divmod(total, 12)
    year = max(1, min(9999, year))
    return datetime.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def _add_workdays(day: datetime.date, n: int) -> datetime.date:
    """``n`` working days (Monday to Friday) after ``day``, counted one by one from the next day.

    >>> _add_workdays(datetime.date(2025, 11, 22), 5)  # a Saturday: Monday 24 … Friday 28
    datetime.date(2025, 11, 28)
    """
    while n > 0:
        day += datetime.timedelta(days=1)
        if day.weekday() < 5:
            n -= 1
    return day


def _g(m: regex.Match[str], name: str) -> str | None:
    """A named group's text, ``None`` when the pattern has no such group or it did not take part."""
    return m.groupdict().get(name)


@functools.cache
def _grammar() -> _Grammar:
    w = load_words()
    trig1 = _alt(w.triggers) + _R
    trig = rf"{trig1}(?:\s*[:,]?\s*{trig1}){{0,2}}"
    # "trước 14 giờ ngày 08 tháng 10 năm 2025", "trước 15h00, ngày 11/01/2026": the hour of the due day
    hour = rf"\d{{1,2}}\s*{_alt(w.hour_words)}(?:\s*\d{{1,2}}(?:\s*phút)?)?{_R}\s*,?\s*"
    trigp_req = rf"{_L}{trig}\s*[:,]?\s*(?:là\s+)?(?:{hour})?"
    ngay = _word(w.date_word)
    thang = _word(w.month_word)
    nam = _word(w.year_word)
    quy = _alt(w.quarter_words)
    numw = _alt(w.number_words)
    every = _alt(w.every_words)
    units = r"(?:ngày|tuần|tháng|quý|năm)"
    no_year_after = rf"(?!\s*(?:,?\s*{nam}\s+\d|[/.\-]\s*\d))"
    # "Trong vòng 02 ngày làm việc, sau khi nhận được hồ sơ …": the days count from that event, not from the
    # document's date (a procedure step)
    event_after = regex.compile(rf"[\s,]*(?:\([^()]{{0,30}}\)[\s,]*)?(?:{_alt(w.event_when)}|{_alt(w.since_words)}\s+"
                                rf"(?:khi|{ngay}\s+nhận)){_R}", _FLAGS)

    numdate = rf"(?P<d>\d{{1,2}})\s?[/.\-]\s?(?P<m>\d{{1,2}})\s?[/.\-]\s?(?P<y>{_YEAR})(?![\p{{N}}/])"
    worddate = rf"(?P<d>\d{{1,2}})\s+{thang}\s+(?P<m>\d{{1,2}})(?:\s*,?\s*{nam}\s+(?P<y>{_YEAR}))?{_R}"
    shortdate = rf"(?P<d>\d{{1,2}})\s?/\s?(?P<m>\d{{1,2}}){_R}(?![/.\-]\s?\d)"
    # A point in time, without groups (for "từ X đến Y").
    point = (
        rf"(?:(?:{ngay}\s+)?\d{{1,2}}\s?[/.\-]\s?\d{{1,2}}\s?[/.\-]\s?{_YEAR}"
        rf"|(?:{ngay}\s+)?\d{{1,2}}\s+{thang}\s+\d{{1,2}}\s*,?\s*{nam}\s+{_YEAR}"
        rf"|{thang}\s+\d{{1,2}}(?:\s*[/\-]\s*|\s*,?\s*{nam}\s+){_YEAR}"
        rf"|{quy}\s+(?:iv|iii|ii|i|0?[1-4]){_R}\s*(?:[/\-]|,?\s*{nam})\s*{_YEAR}"
        rf"|{nam}\s+{_YEAR}|\d{{1,2}}/{_YEAR}|{_YEAR}){_R}"
    )

    def c(pattern: str) -> regex.Pattern[str]:
        return regex.compile(pattern, _FLAGS)

    # ---------------------------------------------------------------- handlers
    def h_date(m: regex.Match[str], issue: datetime.date | None) -> _Cand | None:
        y = int(_g(m, "y")) if _g(m, "y") else None
        d, mo = int(m.group("d")), int(m.group("m"))
        if y is None and issue is None:
            if not (1 <= mo <= 12 and 1 <= d <= 31):
                return None
            return _Cand(m.start(), m.end(), "date", None, prio=6, trig=True, check=False)
        due = _mkdate(y, mo, d, issue)
        if due is None:
            return None
        return _Cand(m.start(), m.end(), "date", due, prio=6, trig=True, check=y is not None)

    ensure_rev = regex.compile(_L + _alt(w.ensure_words) + _R + r"[^.;!?\n]{0,300}$", _FLAGS)

    def h_date_operating(m: regex.Match[str], issue: datetime.date | None) -> _Cand | None:
        # "bảo đảm để … chính thức hoạt động từ ngày 01 tháng 7 năm 2025": the work is due the day the thing runs
        if not ensure_rev.search(m.string, max(0, m.start() - 300), m.start(), timeout=TIMEOUT):
            return None
        return h_date(m, issue)

    def h_day(m: regex.Match[str], issue: datetime.date | None) -> _Cand | None:
        d = int(m.group("d"))
        if not 1 <= d <= 31:
            return None
        return _Cand(m.start(), m.end(), "_day", None, prio=1, trig=True, check=False, day=d)

    def h_month(m: regex.Match[str], issue: datetime.date | None) -> _Cand | None:
        y = int(_g(m, "y")) if _g(m, "y") else None
        due = _mkdate(y, int(m.group("m")), None, issue)
        if due is None and (y is not None or not 1 <= int(m.group("m")) <= 12):
            return None
        return _Cand(m.start(), m.end(), "month", due, prio=5, trig=False, check=y is not None)

    def h_quarter(m: regex.Match[str], issue: datetime.date | None) -> _Cand | None:
        q = _int(m.group("q"))
        if q is None or not 1 <= q <= 4:
            return None
        y = int(_g(m, "y")) if _g(m, "y") else None
        due = _mkdate(y, q * 3, None, issue)
        return _Cand(m.start(), m.end(), "quarter", due, prio=5, trig=False, check=y is not None)

    def h_half(m: regex.Match[str], issue: datetime.date | None) -> _Cand | None:
        n = _int(_g(m, "n")) if _g(m, "n") else None
        if n is not None and not 1 <= n <= 12:
            return None
        pos = w.half_year_positions.get(fold_tones(m.group("pos")).lower(), "last")
        y = int(_g(m, "y")) if _g(m, "y") else None
        month = 12 if pos == "last" else (n if n is not None else 6)
        due = _mkdate(y, month, None, issue)
        kind = "half_year" if n == 6 else "period"
        return _Cand(m.start(), m.end(), kind, due, prio=6, trig=False, check=y is not None)

    def h_year(m: regex.Match[str], issue: datetime.date | None) -> _Cand | None:
        due = _mkdate(int(m.group("y")), 12)
        return _Cand(m.start(), m.end(), "year", due, prio=3, trig=False)

    def h_period_years(m: regex.Match[str], issue: datetime.date | None) -> _Cand | None:
        y1, y2 = int(m.group("y1")), int(m.group("y2"))
        if not y1 < y2 <= y1 + 50:
            return None
        return _Cand(m.start(), m.end(), "period", _mkdate(y2, 12), prio=8, trig=False)

    def h_period_to_year(m: regex.Match[str], issue: datetime.date | None) -> _Cand | None:
        # untriggered on purpose: "Chiến lược ... đến năm 2030" is a title, checked like a bare period
        return _Cand(m.start(), m.end(), "period", _mkdate(int(m.group("y")), 12), prio=8)

    def h_period_points(m: regex.Match[str], issue: datetime.date | None) -> _Cand | None:
        end = _point_end(m.group("to"), issue)
        if end is None:
            return None
        return _Cand(m.start(), m.end(), "period", end, prio=8, trig=False)

    def h_relative(m: regex.Match[str], issue: datetime.date | None) -> _Cand | None:
        lead = " ".join(fold_tones(m.group("lead")).lower().split())
        has_since = m.group("since") is not None
        if lead in ("trong", "sau") and not has_since:
            return None
        n = _int(m.group("n"))
        if n is None or n > 3650:
            return None
        unit = w.duration_units.get(" ".join(fold_tones(m.group("u")).lower().split()), "days")
        due = None
        # "trong thời hạn 03 ngày làm việc" with no starting event: from the document's date; not a duration that opens
        # the text before a comma ("Trong thời gian 02 (hai) ngày làm việc, Ủy ban nhân dân cấp xã tiếp nhận …",
        # 125/2025/QĐ-UBND): the time a step of a procedure takes, counted from the step before it
        opens = not m.string[:m.start()].strip(" \t\n*-+•") and regex.match(r"\s*,", m.string[m.end():]) is not None
        from_issue = (lead not in ("trong", "sau") and unit in ("days", "workdays") and not has_since and not opens
                      and not event_after.match(m.string, m.end(), min(len(m.string), m.end() + 40)))
        if (m.group("ev") or from_issue) and issue is not None:
            if unit == "days":
                due = issue + datetime.timedelta(days=n)
            elif unit == "workdays":
                due = _add_workdays(issue, n)
            elif unit == "weeks":
                due = issue + datetime.timedelta(weeks=n)
            elif unit == "months":
                due = _add_months(issue, n)
            else:
                due = _add_months(issue, 12 * n)
        return _Cand(m.start(), m.end(), "relative", due, prio=7, trig=True, check=False)

    def h_event(m: regex.Match[str], issue: datetime.date | None) -> _Cand | None:
        return _Cand(m.start(), m.end(), "relative", None, prio=7, trig=False, check=False)

    session_done = regex.compile(rf"(?<!để\s+){_L}{_alt(w.event_session_done)}\s*$", _FLAGS)
    session_dated = regex.compile(rf"{_alt(w.event_session_dated)}$", _FLAGS)

    def h_event_session(m: regex.Match[str], issue: datetime.date | None) -> _Cand | None:
        # "được ban hành tại Kỳ họp thứ 10", "Tại phiên họp ngày 14/11/2025": where something was done, not by when
        if session_dated.fullmatch(m.group("s")) or session_done.search(m.string, max(0, m.start() - 40), m.start()):
            return None
        return h_event(m, issue)

    def rec(rrule: str | None, trig: bool = False) -> _Handler:
        def handler(m: regex.Match[str], issue: datetime.date | None) -> _Cand | None:
            return _Cand(m.start(), m.end(), "recurring", None, rrule, prio=9, trig=trig, check=False)

        return handler

    def h_rec_monthday(m: regex.Match[str], issue: datetime.date | None) -> _Cand | None:
        d = int(m.group("d"))
        if not 1 <= d <= 31:
            return None
        return _Cand(m.start(), m.end(), "recurring", None, f"FREQ=MONTHLY;BYMONTHDAY={d}", 9, trig=True, check=False)

    def h_rec_yearday(m: regex.Match[str], issue: datetime.date | None) -> _Cand | None:
        d, mo = int(m.group("d")), int(m.group("m"))
        if _mkdate(2000, mo, d) is None:
            return None
        rrule = f"FREQ=YEARLY;BYMONTH={mo};BYMONTHDAY={d}"
        return _Cand(m.start(), m.end(), "recurring", None, rrule, 9, trig=True, check=False)

    def h_rec_quarter(m: regex.Match[str], issue: datetime.date | None) -> _Cand | None:
        q = _int(m.group("q"))
        if q is None or not 1 <= q <= 4:
            return None
        last = calendar.monthrange(2001, q * 3)[1]
        return _Cand(m.start(), m.end(), "recurring", None, f"FREQ=YEARLY;BYMONTH={q * 3};BYMONTHDAY={last}", 9,
                     check=False)

    def h_rec_pair(m: regex.Match[str], issue: datetime.date | None) -> _Cand | None:
        d1, m1, d2, m2 = (int(m.group(g)) for g in ("d1", "m1", "d2", "m2"))
        if _mkdate(2000, m1, d1) is None or _mkdate(2000, m2, d2) is None:
            return None
        rrule = None
        if d1 == d2 and m1 != m2:
            rrule = f"FREQ=YEARLY;BYMONTH={min(m1, m2)},{max(m1, m2)};BYMONTHDAY={d1}"
        return _Cand(m.start(), m.end(), "recurring", None, rrule, 9, trig=True, check=False)

    def _unit_rule(unit: str, n: int | None = None) -> str | None:
        base = w.recurrence_units.get(fold_tones(unit).lower())
        if base is None:
            return None
        if n is None or n == 1:
            return base
        if unit.lower() in ("quý", "quí"):
            return f"FREQ=MONTHLY;INTERVAL={3 * n}"
        return f"{base};INTERVAL={n}"

    def h_rec_periodic(m: regex.Match[str], issue: datetime.date | None) -> _Cand | None:
        rrule = None
        if m.group("u"):
            n = _int(m.group("n"))
            if n is None or not 1 <= n <= 120:
                return None
            rrule = _unit_rule(m.group("u"), n)
        elif m.group("u2"):
            rrule = _unit_rule(m.group("u2"))
        return _Cand(m.start(), m.end(), "recurring", None, rrule, prio=9, check=False)

    def h_rec_every(m: regex.Match[str], issue: datetime.date | None) -> _Cand | None:
        return _Cand(m.start(), m.end(), "recurring", None, _unit_rule(m.group("u")), prio=9, check=False)

    def h_rec_times(m: regex.Match[str], issue: datetime.date | None) -> _Cand | None:
        n = _int(m.group("n"))
        if n is None or not 1 <= n <= 120:
            return None
        return _Cand(m.start(), m.end(), "recurring", None, _unit_rule(m.group("u"), n), prio=9, check=False)

    def h_ongoing(m: regex.Match[str], issue: datetime.date | None) -> _Cand | None:
        return _Cand(m.start(), m.end(), "ongoing", None, prio=6, check=False)

    def h_block(m: regex.Match[str], issue: datetime.date | None) -> _Cand | None:
        return _Cand(m.start(), m.end(), "_block", prio=0, check=False)

    # ---------------------------------------------------------------- families
    ev_issue = _alt(w.issue_events)
    fam: list[tuple[str, str, _Handler] | tuple[str, str, _Handler, int]] = [
        # trước ngày 15/12/2025, chậm nhất ngày 15 tháng 12 năm 2025, trước 30/6/2025, trước ngày 15/6
        # "hoàn thành trước 31/12": a day and month after a trigger, without "ngày" (the issue year); "24/7" is
        # round the clock
        ("date", rf"{_L}(?:{ngay}\s+(?:{numdate}|{worddate}|{shortdate})|{numdate}|(?!24\s?/\s?7{_R}){shortdate})", h_date, _REQ),
        # bảo đảm để … chính thức hoạt động từ ngày 01 tháng 7 năm 2025
        ("date_operating", rf"{_L}{_alt(w.start_of_operation_words)}\s+(?:kể\s+)?từ\s+{ngay}\s+(?:{numdate}|{worddate})",
         h_date_operating),
        # khởi công vào ngày 19 tháng 12 năm 2025
        ("date_on", rf"{_L}{_alt(w.day_of_words)}\s+{ngay}\s+(?:{numdate}|{worddate})", h_date),
        # trước ngày 25 (kept only beside "hằng tháng")
        ("day", rf"{_L}{ngay}\s+(?P<d>\d{{1,2}}){_R}(?!\s*(?:{thang}|của|[/.\-]\s*\d|,?\s*{nam}))", h_day, _REQ),
        # tháng 01/2025, trong tháng 01 năm 2025, 12/2026, trong tháng 6; a span of months is due at its end:
        # "Tháng 11 - 12/2025" -> 2025-12-31 (1627/QĐ-UBND), not the day 11/12/2025
        (
            "month",
            rf"{_L}{thang}\s+\d{{1,2}}\s*(?:[-–—]|đến)\s*(?:{thang}\s+)?(?P<m>\d{{1,2}})(?:\s*[/\-]\s*|\s*,?\s*{nam}\s+)"
            rf"(?P<y>{_YEAR}){_R}(?![/\-]\d)"
            rf"|{_L}{thang}\s+(?P<m>\d{{1,2}})(?:\s*[/\-]\s*|\s*,?\s*{nam}\s+)(?P<y>{_YEAR}){_R}(?![/\-]\d)"
            rf"|(?<![\p{{L}}\p{{N}}/.\-])(?P<m>0?[1-9]|1[0-2])\s?/\s?(?P<y>{_YEAR})(?![\p{{N}}/\-]|\.\d)",
            h_month,
            _OPT,
        ),
        (
            "month_yearless",
            rf"{_L}{thang}\s+(?P<m>\d{{1,2}}){_R}(?!\s*(?:[/\-]\s*\d|,?\s*{nam}\s+\d|{every}|đầu|cuối))",
            h_month,
            _REQ,
        ),
        # Quý IV/2025, quý 4 năm 2025, trong quý III
        (
            "quarter",
            rf"{_L}{quy}\s+(?P<q>iv|iii|ii|i|0?[1-4]){_R}"
            rf"(?:(?:\s*[/\-]\s*|\s*,?\s*{nam}\s+|\s+)(?P<y>{_YEAR}){_R})?",
            h_quarter,
            _OPT,
        ),
        # 6 tháng đầu năm 2025, 4 tháng cuối năm 2025, những tháng cuối năm 2025
        (
            "half",
            rf"{_L}(?:(?P<n>\d{{1,2}}|{numw})|{_alt(w.some_months_words)})\s+{thang}\s+"
            rf"(?P<pos>{_alt(w.half_year_positions)})\s+{nam}(?:\s+(?P<y>{_YEAR}))?{_R}",
            h_half,
            _OPT,
        ),
        # năm 2025, trong năm 2025, cuối năm 2025, trước 2030
        (
            "year",
            rf"{_L}(?:(?:cuối|hết)\s+)?{nam}\s+(?P<y>{_YEAR}){_R}(?!\s*[-–—]\s*\d|/)",
            h_year,
            _OPT,
        ),
        ("year_trig", rf"(?<![\p{{L}}\p{{N}}/.\-])(?P<y>{_YEAR}){_R}(?![/\-.]\d|\s*[-–—]\s*\d)", h_year, _REQ),
        # giai đoạn 2025-2030, năm 2025 - 2026, 2026-2030
        (
            "period_years",
            rf"{_L}(?:{_alt(w.period_words)}\s+(?:từ\s+)?)?(?:{nam}\s+)?(?<![\p{{N}}/.\-])(?P<y1>{_YEAR})"
            rf"\s*(?:[-–—]|đến(?:\s+hết)?|tới)\s*(?:{nam}\s+)?(?P<y2>{_YEAR})(?![\p{{N}}/\-])",
            h_period_years,
            _OPT,
        ),
        # đến năm 2030, từ nay đến hết năm 2025
        ("period_to", rf"{_L}(?:từ\s+nay\s+)?đến\s+(?:hết\s+)?{nam}\s+(?P<y>{_YEAR}){_R}", h_period_to_year),
        # giai đoạn từ 01/7/2025 đến hết tháng 12/2025
        (
            "period_points",
            rf"{_L}(?:{_alt(w.period_words)}\s+)?(?:kể\s+)?từ\s+(?:nay|bây\s+giờ|{point})\s*,?\s*"
            rf"(?:đến|tới|[-–])\s+(?:hết\s+)?(?P<to>{point})",
            h_period_points,
            _OPT,
        ),
        # trong vòng 30 ngày kể từ ngày ký
        (
            "relative",
            rf"{_L}(?P<lead>{_alt(w.relative_leads)})\s+(?:là\s+)?(?P<n>\d{{1,4}}|{numw})(?:\s*\([^()\n]{{1,30}}\))?"
            rf"\s+(?P<u>{_alt(w.duration_units)}){_R}"
            rf"(?:\s*,?\s*(?P<since>{_alt(w.since_words)})\s+(?:{ngay}|khi|thời\s+điểm)\s+"
            rf"(?:(?P<ev>{ev_issue}){_R}(?:\s+(?:văn\s+bản|quyết\s+định|kế\s+hoạch|nghị\s+quyết|chỉ\s+thị)\s+này)?"
            rf"|\p{{L}}+(?:\s+\p{{L}}+){{0,4}}))?",
            h_relative,
        ),
        # tại Kỳ họp thứ 10
        (
            "event_session",
            rf"{_L}(?:{_alt(w.event_verbs)}\s+)?{_alt(w.event_session)}\s+(?:thứ\s+)?(?P<s>[\p{{L}}\p{{N}}]+)"
            rf"(?:\s*,?\s*(?:của\s+)?(?:quốc\s+hội|hội\s+đồng\s+nhân\s+dân)(?:\s+(?:khóa|nhiệm\s+kỳ)\s+[\p{{L}}\p{{N}}]+)?)?",
            h_event_session,
        ),
        # hoàn thành cùng thời điểm luật có hiệu lực thi hành
        (
            "event_same",
            rf"{_L}(?:{_alt(w.event_verbs)}\s+)?{_alt(w.event_same_time)}\s+[^\n.;,]{{1,80}}?"
            rf"(?:có\s+hiệu\s+lực(?:\s+thi\s+hành)?|được\s+ban\s+hành|ban\s+hành){_R}",
            h_event,
        ),
        # trình ngay sau khi Chính phủ ban hành Nghị định
        ("event_when", rf"{_L}{_alt(w.event_verbs)}\s+(?:ngay\s+)?{_alt(w.event_when)}\s+[^\n.;,()]{{3,80}}", h_event),
        # (khi Bộ Y tế có văn bản triển khai): a task that waits for another body's roll-out
        ("event_rollout", rf"(?<=\()\s*(?:ngay\s+)?(?:sau\s+)?khi\s+[^()\n]{{3,80}}?{_alt(w.event_rollout_words)}{_R}[^()\n]{{0,60}}?"
                          rf"(?=\))", h_event),
        # trước ngày 25 hằng tháng
        ("rec_monthday", rf"{_L}{ngay}\s+(?P<d>\d{{1,2}})\s+(?:của\s+)?{every}\s+{thang}{_R}", h_rec_monthday, _REQ),
        # hằng tháng, trước ngày 25
        (
            "rec_monthday2",
            rf"{_L}{every}\s+{thang}\s*[,:]?\s*{trigp_req}{ngay}\s+(?P<d>\d{{1,2}}){_R}(?!\s*(?:{thang}|[/.\-]\s*\d))",
            h_rec_monthday,
        ),
        # trước ngày 15 tháng 12 hằng năm
        (
            "rec_yearday",
            rf"{_L}{ngay}\s+(?P<d>\d{{1,2}})\s*(?:{thang}\s+|/\s?)(?P<m>\d{{1,2}})\s+(?:của\s+)?{every}\s+{nam}{_R}",
            h_rec_yearday,
            _REQ,
        ),
        # trước ngày 20 tháng 11 năm trước, trước ngày 30 tháng 01 của năm tiếp theo, trước ngày 31/01 năm liền kề
        (
            "rec_yearday_rel",
            rf"{_L}{ngay}\s+(?P<d>\d{{1,2}})\s*(?:{thang}\s+|/\s?)(?P<m>\d{{1,2}})\s+(?:của\s+)?{nam}\s+"
            rf"{_alt(w.relative_year_words)}{_R}(?!\s+khi{_R})",
            h_rec_yearday,
            _REQ,
        ),
        # trước ngày 05 của tháng liền kề: a day of the month after (or before) the one reported on recurs monthly
        (
            "rec_monthday_rel",
            rf"{_L}{ngay}\s+(?P<d>\d{{1,2}})\s+(?:của\s+)?{thang}\s+{_alt(w.relative_year_words)}{_R}(?!\s+khi{_R})",
            h_rec_monthday,
            _REQ,
        ),
        # trong quý I của năm liền kề, quý IV năm trước: a quarter named by its place next to another year recurs yearly
        (
            "rec_quarter_rel",
            rf"{_L}{quy}\s+(?P<q>iv|iii|ii|i|0?[1-4]){_R}\s+(?:của\s+)?{nam}\s+{_alt(w.relative_year_words)}{_R}(?!\s+khi{_R})",
            h_rec_quarter,
            _OPT,
        ),
        # hằng năm, trước ngày 15 tháng 12
        (
            "rec_yearday2",
            rf"{_L}{every}\s+{nam}\s*[,:]?\s*{trigp_req}{ngay}\s+(?P<d>\d{{1,2}})\s*(?:{thang}\s+|/\s?)"
            rf"(?P<m>\d{{1,2}}){_R}{no_year_after}",
            h_rec_yearday,
        ),
        # trước ngày 15 tháng 6 và trước ngày 01 tháng 12 (hằng năm)
        (
            "rec_pair",
            rf"{_L}{ngay}\s+(?P<d1>\d{{1,2}})\s*(?:{thang}\s+|/\s?)(?P<m1>\d{{1,2}}){_R}{no_year_after}"
            rf"\s*(?:,|và|hoặc)\s*(?:{trig}\s+)?(?:{ngay}\s+)?(?P<d2>\d{{1,2}})\s*(?:{thang}\s+|/\s?)"
            rf"(?P<m2>\d{{1,2}}){_R}{no_year_after}(?:\s+(?:của\s+)?{every}\s+{nam}{_R})?",
            h_rec_pair,
            _REQ,
        ),
        # định kỳ, định kỳ 6 tháng, định kỳ hằng quý, định kỳ 03 tháng/lần
        (
            "rec_periodic",
            rf"{_L}{_alt(w.periodic_words)}(?:\s+(?:(?P<n>\d{{1,3}}|{numw})\s+(?P<u>{units}){_R}"
            rf"(?:\s*(?:/\s*|\s+)(?:{_alt(w.times_words)}){_R})?|{every}\s+(?P<u2>{units}){_R}))?{_R}",
            h_rec_periodic,
        ),
        # hằng tháng, hàng năm, hằng quý
        ("rec_every", rf"{_L}{every}\s+(?P<u>{units}){_R}(?!\s+(?:\d|tiếp\s+theo))", h_rec_every),
        # 6 tháng/lần, 3 tháng một lần
        (
            "rec_times",
            rf"{_L}(?P<n>\d{{1,3}}|{numw})\s+(?P<u>{units})\s*(?:/\s*|\s+)(?:{_alt(w.times_words)}){_R}",
            h_rec_times,
        ),
        ("rec_yearly", _bounded(w.yearly_words), rec("FREQ=YEARLY")),
        # thường xuyên, Nhiệm vụ thường xuyên, liên tục
        ("ongoing", (rf"(?<!(?:{_alt(w.ongoing_not_after)})\s+)" if w.ongoing_not_after else "") + _bounded(w.ongoing_words),
         h_ongoing),
        # năm 2025 và những năm tiếp theo, từ năm 2026 trở đi
        (
            "ongoing_years",
            rf"{_L}(?:(?:giai\s+đoạn|từ)\s+)?(?:{thang}\s+\d{{1,2}}\s*/\s*{_YEAR}|(?:{nam}\s+)?(?<![\p{{N}}/.\-])"
            rf"(?:{_YEAR}\s*(?:-|–|đến(?:\s+{nam})?)\s*)?(?:{_YEAR}))\s*,?\s*{_alt(w.following_years_words)}{_R}",
            h_ongoing,
            _OPT,
        ),
        # not deadlines, but they hide what they contain: issue-date lines and cited dates,
        # document numbers, "tầm nhìn đến năm 2045"
        (
            "block_date",
            rf"{_L}(?:{ngay}\s+)?(?:\d{{1,2}}\s*(?:,|và|-|–|đến)\s*){{0,3}}"
            rf"(?:\d{{1,2}}\s?[/.\-]\s?\d{{1,2}}\s?[/.\-]\s?{_YEAR}|\d{{1,2}}\s+{thang}\s+\d{{1,2}}\s*,?\s*{nam}\s+{_YEAR}){_R}",
            h_block,
        ),
        (
            "block_number",
            rf"{_L}(?:số\s+)?\d+(?:[/.\-][\p{{L}}\p{{N}}&]+){{0,{_SEG}}}?[/\-](?-i:\p{{Lu}})[\p{{L}}\p{{N}}&]*"
            rf"(?:[/\-][\p{{L}}\p{{N}}&]+){{0,{_SEG}}}",
            h_block,
        ),
        ("block_vision", rf"{_L}{_alt(w.vision_words)}\s+(?:đến\s+)?(?:{nam}\s+)?{_YEAR}{_R}", h_block),
        # when work runs, up to an event: "Từ tháng 11/2025 đến khi kết thúc Tổng kiểm kê" (1627/QĐ-UBND) is no
        # deadline, and its start is none either
        ("block_until_event", rf"{_L}{_alt(w.since_words)}\s+{point}\s*,?\s*(?:đến|tới)\s+{_alt(w.event_when)}{_R}",
         h_block),
    ]
    cell_fam: list[tuple[str, str, _Handler, int]] = [
        # a bare year in a cell: "2025"
        ("cell_year", rf"(?<![\p{{L}}\p{{N}}/.\-])(?P<y>{_YEAR})(?![\p{{N}}/\-]|\.\d)", h_year, _NONE),
    ]

    # what every match of a family contains (see _admits); a family not named here always runs
    d, y, date_w, month_w, year_w = _DIGIT, _YEAR_DIGITS, [w.date_word], [w.month_word], [w.year_word]
    needs: dict[str, tuple[_Need, ...]] = {
        "date": (d,), "date_on": (d, *_need(w.day_of_words, date_w)),
        "date_operating": (d, *_need(w.ensure_words, w.start_of_operation_words, date_w)), "day": (d, *_need(date_w)), "month": (y,), "month_yearless": (d, *_need(month_w)),
        "quarter": _need(w.quarter_words), "half": _need(month_w, w.half_year_positions, year_w),
        "year": (y, *_need(year_w)), "year_trig": (y,), "period_years": (y,), "period_to": (y, *_need(year_w)),
        "period_points": (d,), "relative": _need(w.relative_leads, w.duration_units),
        "event_session": _need(w.event_session), "event_same": _need(w.event_same_time),
        "event_when": _need(w.event_verbs, w.event_when),
        "event_rollout": _need(w.event_rollout_words),
        "rec_monthday": (d, *_need(date_w, w.every_words, month_w)),
        "rec_monthday2": (d, *_need(w.every_words, month_w, w.triggers, date_w)),
        "rec_yearday": (d, *_need(date_w, w.every_words, year_w)),
        "rec_yearday2": (d, *_need(w.every_words, year_w, w.triggers, date_w)),
        "rec_yearday_rel": (d, *_need(date_w, year_w, w.relative_year_words)),
        "rec_monthday_rel": (d, *_need(date_w, month_w, w.relative_year_words)),
        "rec_quarter_rel": _need(w.quarter_words, year_w, w.relative_year_words),
        "rec_pair": (d, *_need(date_w)), "rec_periodic": _need(w.periodic_words), "rec_every": _need(w.every_words),
        "rec_times": _need(w.times_words), "rec_yearly": _need(w.yearly_words), "ongoing": _need(w.ongoing_words),
        "ongoing_years": (y, *_need(w.following_years_words)), "block_date": (y,), "block_number": (d,),
        "block_vision": (d, *_need(w.vision_words)), "block_until_event": (d, *_need(w.since_words, w.event_when)),
        "cell_year": (y,),
    }

    def build(spec: tuple) -> _Family:  # type: ignore[type-arg]
        name, pattern, handler, *mode = spec
        return name, c(pattern), handler, mode[0] if mode else _NONE, needs.get(name, ())

    return _Grammar(
        families=tuple(build(spec) for spec in fam),
        cell_families=tuple(build(spec) for spec in cell_fam),
        trig_start=c(rf"\s*(?:[*_]+\s*)?{trig1}"),
        trig_before=regex.compile(trigp_req, _FLAGS | regex.REVERSE),  # .match() ends at endpos
        cell_event=c(rf"\s*(?:[*_]+\s*)?{_alt(w.cell_event_starts)}{_R}"),
        type_words_rev=regex.compile(_L + _alt(w.document_type_words) + _R, regex.REVERSE),  # case-sensitive
        breakers=c(_L + _alt([*w.title_breakers, *w.triggers]) + _R),
        effect=regex.compile(_alt(w.effect_words) + r"(?:\s+thi\s+hành)?(?:\s+(?:kể\s+)?từ)?\s*", _FLAGS | regex.REVERSE),
        clause_cut_rev=regex.compile(r"[.;!?:](?=\s)|\n\s*\n|\|", regex.REVERSE),
        place_line=c(r"(?:^|\n)[^\S\n]*[\p{L}][\p{L} .'\-]{1,40},[^\S\n]*$"),
        after_number=regex.compile(
            rf"(?:số\s+)?\d+(?:[/.\-][\p{{L}}\p{{N}}&]+){{0,{_SEG}}}?[/\-](?-i:\p{{Lu}})[\p{{L}}\p{{N}}&]*"
            rf"(?:[/\-][\p{{L}}\p{{N}}&]+){{0,{_SEG}}}"
            r"\s*,?\s*(?:(?:được\s+)?ban\s+hành\s+)?",
            _FLAGS | regex.REVERSE,
        ),
        monthly_sentence_break=c(r"[.;!?](?=\s)|\n\s*\n"),
        # where the work starts, in a deadline column's cell: "Từ 01/7/2025"
        starts_from=c(rf"{_L}(?:{_alt(w.since_words)}|bắt\s+đầu)\s*(?:(?:{ngay}|{thang})\s*)?$"),
    )


_POINT_DATE = regex.compile(r"(?:ngày\s+)?(\d{1,2})\s?[/.\-]\s?(\d{1,2})\s?[/.\-]\s?(\d{4})", regex.I)
_POINT_YEAR = regex.compile(r"(?:năm\s+)?((?:19|20)\d\d)", regex.I)


def _point_end(text: str, issue: datetime.date | None) -> datetime.date | None:
    """End of a point in time: ``hết tháng 12/2025`` -> 2025-12-31, ``01/7/2025`` -> 2025-07-01."""
    for name, pattern, handler, _mode, _needs in _grammar().families:
        if name not in ("date", "month", "quarter", "year"):
            continue
        m = pattern.fullmatch(text.strip(), timeout=TIMEOUT)
        if m:
            cand = handler(m, issue)
            if cand is not None:
                return cand.due
    m = _POINT_DATE.fullmatch(text.strip())
    if m:
        return _mkdate(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    m = _POINT_YEAR.fullmatch(text.strip())
    if m:
        return _mkdate(int(m.group(1)), 12)
    return None


# --------------------------------------------------------------------------------------------------
# context checks


def is_citation_date(text: str, start: int) -> bool:
    """True when a date or period starting at ``start`` belongs to a cited document or the issue line.

    Looks back over the same clause (at most 150 characters): ``Quyết định số 942/QĐ-TTg ngày 15
    tháng 6 năm 2021`` (right after a số hiệu), ``Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015`` and
    ``Chương trình mục tiêu quốc gia ... giai đoạn 2021-2025`` (a capitalised document type word with no
    trigger word in between), ``Hà Nội, ngày 09 tháng 01 năm 2025`` (place line).
    """
    start = max(0, min(start, len(text)))
    lo = max(0, start - 150)
    return _citation(fold_tones(text[lo:start]), 0, start - lo)


def _citation(folded: str, lo: int, start: int) -> bool:
    """:func:`is_citation_date` on already-folded text, looking at ``folded[lo:start]`` only."""
    g = _grammar()
    lo = max(lo, start - 150, 0)
    cut = g.clause_cut_rev.search(folded, lo, start, timeout=TIMEOUT)
    if cut is not None:
        lo = cut.end()
    if folded.count(",", lo, start) == 1 and g.place_line.search(folded, lo, start, timeout=TIMEOUT):
        return True
    if g.after_number.match(folded, lo, start, timeout=TIMEOUT):
        return True
    last = g.type_words_rev.search(folded, lo, start, timeout=TIMEOUT)
    if last is None:
        return False
    return g.breakers.search(folded, last.end(), start, timeout=TIMEOUT) is None


def _is_effect_clause(folded: str, start: int) -> bool:
    """``có hiệu lực (thi hành) (kể) từ`` just before ``start``."""
    return _grammar().effect.match(folded, max(0, start - 50), start, timeout=TIMEOUT) is not None


# --------------------------------------------------------------------------------------------------
# candidates, overlap resolution, filters


def _fold(text: str) -> str:
    folded = fold_tones(text)
    return folded if len(folded) == len(text) else text


# Families that need a trigger word in running text but not in a deadline column's cell.
_CELL_TRIGGERED = frozenset({"date", "month_yearless"})


def _candidates(text: str, issue: datetime.date | None, *, cell: bool) -> list[_Cand]:
    g = _grammar()
    folded = _fold(text)
    families = g.families + (g.cell_families if cell else ())
    key = None if any(c in folded for c in _LOWER_ODD) else folded.lower()
    has_digit = _ANY_DIGIT.search(folded) is not None
    has_year = has_digit and _ANY_YEAR.search(folded) is not None
    out: list[_Cand] = []
    for name, pattern, handler, mode, needs in families:
        if not _admits(needs, key, has_digit, has_year):
            continue
        try:
            for m in pattern.finditer(folded, timeout=TIMEOUT):
                try:
                    cand = handler(m, issue)
                except (ValueError, OverflowError, TypeError):
                    cand = None
                if cand is None or cand.end <= cand.start:
                    continue
                if mode != _NONE:
                    t = g.trig_before.match(folded, max(0, cand.start - 48), cand.start, timeout=TIMEOUT)
                    if t is not None:
                        cand.start, cand.trig = t.start(), True
                    elif mode == _REQ:
                        if cell and name in _CELL_TRIGGERED:
                            # a deadline column's cell: the column is the trigger ("18/10/2025"), unless
                            # the date is where the work starts ("Từ 01/7/2025") or a cited document's
                            # ("Quyết định số 1441/QĐ-UBND ngày 25/9/2025", checked in _finish)
                            if g.starts_from.search(folded, max(0, cand.start - 20), cand.start):
                                continue
                            cand.trig = False
                        elif name != "date":
                            continue
                        else:
                            cand.kind = "_block"  # a bare full date: cited, issue line or event
                out.append(cand)
        except TimeoutError:
            continue
    return out


def _resolve(cands: list[_Cand]) -> list[_Cand]:
    """Non-overlapping subset: within each cluster of overlapping candidates, longest first, then priority."""
    cands.sort(key=lambda c: (c.start, -c.end))
    chosen: list[_Cand] = []
    i = 0
    while i < len(cands):
        j, end = i + 1, cands[i].end
        while j < len(cands) and cands[j].start < end:
            end = max(end, cands[j].end)
            j += 1
        base = cands[i].start
        cluster = sorted(cands[i:j], key=lambda c: (-(c.end - c.start), -c.prio, c.start))
        used = bytearray(end - base)  # linear even when a cluster chains thousands of candidates
        taken: list[_Cand] = []
        for cand in cluster:
            if 1 not in used[cand.start - base : cand.end - base]:
                used[cand.start - base : cand.end - base] = b"\x01" * (cand.end - cand.start)
                taken.append(cand)
        chosen.extend(sorted(taken, key=lambda c: c.start))
        i = j
    return chosen


def _attach_days(folded: str, chosen: list[_Cand]) -> None:
    """``hằng tháng ... trước ngày 25`` in one sentence: the bare day becomes ``BYMONTHDAY=25``."""
    g = _grammar()
    monthly = [
        c for c in chosen
        if c.kind == "recurring" and c.rrule and c.rrule.startswith("FREQ=MONTHLY") and "BYMONTHDAY" not in c.rrule
    ]
    starts = [c.start for c in monthly]
    for cand in chosen:
        if cand.kind != "_day":
            continue
        k = bisect.bisect_left(starts, cand.start)
        for other in monthly[max(0, k - 1) : k + 1]:
            lo, hi = (other.end, cand.start) if other.start < cand.start else (cand.end, other.start)
            if hi - lo > 200 or g.monthly_sentence_break.search(folded, lo, max(lo, hi), timeout=TIMEOUT):
                continue
            cand.kind = "recurring"
            cand.rrule = f"{other.rrule};BYMONTHDAY={cand.day}"
            break


def _finish(text: str, cands: list[_Cand], issue: datetime.date | None, *, cell: bool) -> list[DeadlineMention]:
    folded = _fold(text)
    chosen = _resolve(cands)
    _attach_days(folded, chosen)
    out: list[DeadlineMention] = []
    for cand in chosen:
        if cand.kind.startswith("_"):
            continue
        if cand.check:
            if (not cell and issue is not None and cand.due is not None and cand.due < issue
                    and not (cand.trig and (issue - cand.due).days <= load_words().late_notice_days)):
                # a due day a few days before the issue date is still a deadline: a notice records what a meeting
                # decided days earlier ("báo cáo Phó Thủ tướng trước ngày 15 tháng 11 năm 2025" in a notice of 18/11)
                continue
            if cand.kind != "relative" and _is_effect_clause(folded, cand.start):
                continue
            if not cand.trig and _citation(folded, 0, cand.start):
                continue
        if (not cand.trig and cand.kind in _CALENDAR
                and _grammar().starts_from.search(folded, max(0, cand.start - 20), cand.start) is not None):
            # "bắt đầu thực hiện từ tháng 01/2026", a deadline column's "Triển khai từ năm 2026 và thực hiện thường
            # xuyên, liên tục" (2530/QĐ-TTg, Phụ lục I): where the work starts, not when it is due
            continue
        out.append(DeadlineMention(cand.start, cand.end, text[cand.start : cand.end], cand.kind, cand.due, cand.rrule))
    return _merge_ranges(text, out)


_CALENDAR = frozenset({"date", "month", "quarter", "half_year", "year", "period"})
_MORE_QUARTERS = regex.compile(r"(?:\s*(?:,|và|[-–—])\s*(?:quý\s+)?(?:IV|III|II|I|[1-4])(?![\p{L}\p{N}/]))*"
                               r"\s*(?:,|và|[-–—])\s*(?:quý\s+)?(?P<q>IV|III|II|I|[1-4])\s*(?:/|,?\s*năm)\s*(?P<y>(?:19|20)\d\d)",
                               regex.IGNORECASE)
_RANGE_GLUE = regex.compile(r"\s*(?:[-–—]|đến|tới|,|và)\s*", regex.IGNORECASE)
_RANGE_WORD = regex.compile(r"[-–—]|đến|tới", regex.IGNORECASE)


def _merge_ranges(text: str, mentions: list[DeadlineMention]) -> list[DeadlineMention]:
    """A range or list of points in time is due at its end (annotation guide, Genres):
    "Quý IV/2025 – Quý II/2026" -> 2026-06-30; "Quý III, IV/2026" -> 2026-12-31.

    >>> [(d.kind, str(d.due)) for d in find_deadlines("hoàn thành trong Quý IV/2025 - Quý II/2026")]
    [('quarter', '2026-06-30')]
    >>> [(d.kind, str(d.due)) for d in find_deadlines("hoàn thành trong Quý III, IV/2026")]
    [('quarter', '2026-12-31')]
    """
    out: list[DeadlineMention] = []
    for m in mentions:
        if out and m.start < out[-1].end:
            continue  # already inside the range before it
        if m.kind == "quarter" and (more := _MORE_QUARTERS.match(text, m.end)) is not None:
            # "Quý III, IV/2026": the quarters share the year written after the last one
            q = {"i": 1, "ii": 2, "iii": 3, "iv": 4}.get(more["q"].lower()) or int(more["q"])
            due = _mkdate(int(more["y"]), q * 3, None, None)
            if due is not None:
                m = DeadlineMention(m.start, more.end(), text[m.start:more.end()], "quarter", due, None)
        prev = out[-1] if out else None
        glue = _RANGE_GLUE.fullmatch(text, prev.end, m.start) if prev is not None else None
        if (glue is not None and prev.kind in _CALENDAR and m.kind in _CALENDAR and prev.due and m.due
                and _grammar().trig_start.match(fold_tones(m.text), timeout=TIMEOUT) is None
                and (_RANGE_WORD.search(glue.group()) or prev.kind == m.kind)):
            end = m if m.due >= prev.due else prev
            out[-1] = DeadlineMention(prev.start, m.end, text[prev.start:m.end], end.kind, end.due, end.rrule)
            continue
        out.append(m)
    return out


def find_deadlines(text: str, issue_date: datetime.date | None = None) -> list[DeadlineMention]:
    """All deadline mentions in running text, non-overlapping, in order.

    >>> [(d.text, d.kind, str(d.due)) for d in find_deadlines("báo cáo Bộ Nội vụ trước ngày 30/11/2025.")]
    [('trước ngày 30/11/2025', 'date', '2025-11-30')]
    """
    if not text:
        return []
    return _finish(text, _candidates(text, issue_date, cell=False), issue_date, cell=False)


_KIND_RANK = {
    "date": 9, "month": 8, "quarter": 7, "half_year": 6, "recurring": 5,
    "relative": 4, "period": 3, "year": 2, "ongoing": 1,
}


def _rank(mention: DeadlineMention) -> tuple[int, int]:
    triggered = _grammar().trig_start.match(fold_tones(mention.text), timeout=TIMEOUT) is not None
    explicit = 2 if triggered and mention.due is not None else 1 if triggered else 0
    kind = _KIND_RANK.get(mention.kind, 0)
    if mention.kind == "relative" and mention.due is None:
        kind = 1
    return explicit, kind


def pick_task_deadline(mentions: Sequence[DeadlineMention]) -> DeadlineMention | None:
    """The mention that governs a task when several are found.

    Rule: a mention introduced by a trigger word with a due date (``trước ngày 30/11/2025``,
    ``hoàn thành trong năm 2025``) beats one with a trigger but no due date (``trước ngày 25 hằng
    tháng``), which beats untriggered ones. Within a level, by kind: date > month > quarter >
    half_year > recurring > relative with a due date > period > year > event-bound relative =
    ongoing. Ties go to the earliest mention. So ``hằng năm`` beats a bare ``năm 2025``, and
    ``trước ngày 30/11/2025`` beats both.
    """
    best: DeadlineMention | None = None
    best_rank: tuple[int, int] = (-1, -1)
    for mention in mentions:
        rank = _rank(mention)
        if rank > best_rank:
            best, best_rank = mention, rank
    return best


def parse_deadline(text: str, issue_date: datetime.date | None = None) -> DeadlineMention | None:
    """The deadline of a table cell (or any short text), or ``None``.

    ``"Quý IV/2025"`` -> quarter 2025-12-31; ``"2025 - 2030"`` -> period 2030-12-31; ``"Thường xuyên"`` ->
    ongoing; ``"Hằng năm"`` -> recurring ``FREQ=YEARLY``; ``"Sau khi Luật được thông qua"`` -> relative.
    Offsets are into ``text``.

    >>> parse_deadline("Quý IV/2025").due
    datetime.date(2025, 12, 31)
    """
    if not text or not text.strip():
        return None
    found = _finish(text, _candidates(text, issue_date, cell=True), issue_date, cell=True)
    best = pick_task_deadline(found)
    if best is not None:
        return best
    g = _grammar()
    if g.cell_event.match(fold_tones(text), timeout=TIMEOUT):
        start = len(text) - len(text.lstrip())
        end = len(text.rstrip())
        return DeadlineMention(start, end, text[start:end], "relative", None, None)
    return None
