"""Task stage: who must do what, with whom, by when, from which text.

Walks the structure tree with an inherited context (actor, deadline, group heading), following
the annotation guide: one task per smallest unit carrying its own action (table row, lettered
point, numbered item, dash bullet, or a clause with its own actor in running prose); a unit that
only introduces sub-items ("… thực hiện các nhiệm vụ sau:", "1. Bộ Công an:") passes its actor
down instead; objectives, viewpoints, effect clauses and the closing formula are not tasks.

>>> from vbpl_extract.pipeline import extract_text
>>> g = extract_text("Điều 2. Giao Sở Tài chính chủ trì, phối hợp với Sở Nội vụ rà soát hồ sơ, "
...                  "báo cáo Ủy ban nhân dân tỉnh trước ngày 15/12/2025.")  # doctest: +SKIP
>>> g.tasks[0].lead[0].name, g.tasks[0].deadline.due  # doctest: +SKIP
('Sở Tài chính', '2025-12-15')
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache, cached_property
from itertools import islice, pairwise

import regex

from .agencies import AgencyMention, display_name, load_agency_data, office_title_end
from .annotate import Mentions, agency_ref, deadline_ref
from .clean import Fragment
from .data.schemas import TaskWords
from .deadlines import pick_task_deadline
from .ids import norm_num, unique
from .models import AgencyRef, Deadline, Node, Task
from .nlp import action_phrase, action_words, names_an_action, word_spans
from .structure import bold_actor_heading, unit_label
from .textutil import fold_tones, slugify

STAGE = "tasks"


@cache
def task_words() -> dict:
    """The task stage's words (``data/task_words.yaml``, validated by ``data.schemas.TaskWords``)."""
    return TaskWords.load().model_dump()


def _any(patterns: Iterable[str]) -> regex.Pattern[str]:
    return regex.compile("|".join(f"(?:{p})" for p in patterns), regex.IGNORECASE | regex.V1)


@cache
def _each(key: str) -> tuple[regex.Pattern[str], ...]:
    """The patterns of ``task_words.yaml``'s list ``key`` compiled one by one (as :func:`_any` does).

    Whether one of them occurs in a text is the same question as whether their alternation does, but
    searching them one by one is several times faster: the engine tries the whole alternation at every
    position, while a ``^``-anchored pattern alone fails at once after the start.
    """
    return tuple(regex.compile(p, regex.IGNORECASE | regex.V1) for p in task_words()[key])


def _occurs(key: str, text: str) -> bool:
    """Whether a pattern of ``task_words.yaml``'s list ``key`` matches somewhere in ``text``."""
    return any(p.search(text) for p in _each(key))


def _units_alt(w: dict) -> str:
    """``back_reference_units`` as one alternation, spaces matching any run of whitespace."""
    return "|".join(regex.escape(u).replace(r"\ ", r"\s+") for u in w["back_reference_units"]) or "(?!)"


@cache
def _res() -> dict[str, regex.Pattern[str]]:
    w = task_words()
    return {
        "non_task_heading": _any(w["non_task_headings"]),
        "amending_instruction": regex.compile(w["amending_instruction"], regex.IGNORECASE | regex.V1),
        "procedure_field": _any(w["procedure_record_fields"]),
        "procedure_step": regex.compile(w["procedure_step_cell"], regex.IGNORECASE),
        "duty_heading": regex.compile(w["duty_heading"], regex.IGNORECASE),
        "designation": regex.compile(w["designation_label"], regex.IGNORECASE | regex.V1),
        "basis": regex.compile(w["basis_clause"], regex.IGNORECASE | regex.V1),
        "role_defining_duty": regex.compile(w["role_defining_duty"], regex.IGNORECASE),
        # what makes an item more than a thing acted on: a fronted time, condition or basis ("Căn cứ …, tiến hành
        # …", "Trường hợp …") or a duty word ("… Cơ quan kiểm soát thủ tục hành chính có trách nhiệm …")
        "not_object": regex.compile(
            r"^(?:" + "|".join(w["fronted_adverbials"] + w["role_subject_fronted"]) + r")(?![\p{L}])|(?<![\p{L}])(?:"
            + w["role_subject_duty"] + r")(?![\p{L}])", regex.IGNORECASE | regex.V1),
        "role_subject": regex.compile(
            r"^\s*(?:(?:" + "|".join(w["fronted_adverbials"] + w["role_subject_fronted"]) + r")(?![\p{L}])[^,.;:]{0,160},\s*)?"
            r"(?:(?:" + "|".join(w["role_subject_titles"]) + r")\s+(?=(?:các|mọi)\s))?"
            r"(?P<role>(?:các\s+|mọi\s+)?(?:" + "|".join(regex.escape(h).replace(r"\ ", r"\s+") for h in w["role_subject_heads"])
            + r")(?![\p{L}])[^.;:]{0,160}?)\s+(?P<cue>" + w["role_subject_duty"] + r")(?![\p{L}])", regex.IGNORECASE),
        # a role head at the unit's start (after a fronted time or condition), for a role before an ordinary verb
        "role_action": regex.compile(
            r"^\s*(?:(?:" + "|".join(w["fronted_adverbials"] + w["role_subject_fronted"]) + r")(?![\p{L}])[^,.;:]{0,160},\s*)?"
            r"(?P<role>(?:các|mọi)\s+(?:" + "|".join(regex.escape(h).replace(r"\ ", r"\s+") for h in w["role_subject_heads"])
            + r"))(?![\p{L}])", regex.IGNORECASE),
        "role_not_duty": regex.compile(w["role_subject_not_duty"], regex.IGNORECASE),
        "role_bare": regex.compile(r"(?:các\s+)?(?:" + "|".join(regex.escape(h).replace(r"\ ", r"\s+") for h in w["role_subject_heads"])
                                   + r")(?:\s*,\s*(?:" + "|".join(regex.escape(h).replace(r"\ ", r"\s+") for h in w["role_subject_heads"])
                                   + r"))*", regex.IGNORECASE),
        "role_later_cue": regex.compile(r"\s(?:" + w["role_subject_duty"].replace(r"|chủ\s+trì", "") + r")(?![\p{L}])", regex.IGNORECASE),
        # two bodies: "Các chủ rừng và lực lượng Kiểm lâm", "Tổ chức hành nghề công chứng, Ủy ban nhân dân cấp xã"
        "role_join": regex.compile(r"\s+và\s+(?=(?:các\s+)?(?:" + "|".join(regex.escape(h).replace(r"\ ", r"\s+") for h in w["role_subject_heads"])
                                   + r")(?![\p{L}])|(?-i:\p{Lu}))|,\s+(?=(?-i:\p{Lu}))", regex.IGNORECASE),
        "role_stop": regex.compile(w["role_subject_stop"], regex.IGNORECASE),
        "partners_opening": regex.compile(w["partners_opening"], regex.IGNORECASE),
        "role_fillers": regex.compile("|".join(f"(?:{p})" for p in w["role_fillers"]) or "(?!)",
                                      regex.IGNORECASE | regex.MULTILINE),
        "role_filler_end": regex.compile(w["role_filler_end"]),
        "letter_request": regex.compile(w["letter_request_opener"], regex.IGNORECASE),
        "enclosure_header": regex.compile(w["enclosure_header"], regex.IGNORECASE),
        "enclosure_draft": regex.compile(w["enclosure_draft"], regex.IGNORECASE),
        "duty_heading_scope": regex.compile(w["duty_heading_scope"], regex.IGNORECASE),
        "established": regex.compile(
            r"(?:^|\n|Điều\s+1\.\s*)[ \t]*Thành\s+lập\s+(?P<name>(?:" + "|".join(regex.escape(h) for h in w["established_heads"])
            + r")\s(?:[^()\n;:.,]|,(?=\s*(?:xã|phường|thị\s+trấn|huyện|quận|thị\s+xã|thành\s+phố|tỉnh)\s+\p{Lu})){3,300}?)"
            r"\s*(?=[()\n;:.]|,(?!\s*(?:xã|phường|thị\s+trấn|huyện|quận|thị\s+xã|thành\s+phố|tỉnh)\s+\p{Lu})|\s+gồm\b|$)") if w["established_heads"] else regex.compile("(?!)"),
        "asked_role": regex.compile(r"(?:" + "|".join(regex.escape(r).replace(r"\ ", r"\s+") for r in w["role_filler_roles"])
                                    + r")(?![\p{L}])" if w["role_filler_roles"] else "(?!)", regex.IGNORECASE),
        "role_filler_head": regex.compile("(?:" + "|".join(regex.escape(h) for h in w["role_filler_heads"]) + r")\s",
                                          regex.IGNORECASE) if w["role_filler_heads"] else regex.compile("(?!)"),
        "role_list_stop": regex.compile("|".join(w["role_stop"]), regex.IGNORECASE),
        "duty_state_body": regex.compile(r"(?:các\s+)?(?:" + "|".join(regex.escape(b).replace(r"\ ", r"\s+")
                                                                     for b in w["duty_heading_state_bodies"]) + r")\b", regex.IGNORECASE),
        "duty_body": regex.compile(r"(?:các\s+)?(?:" + "|".join(regex.escape(b).replace(r"\ ", r"\s+")
                                                               for b in w["duty_heading_bodies"]) + r")\b", regex.IGNORECASE),
        "defines_short_form": regex.compile(rf"\(\s*[*_]*\s*(?:{w['group_definition']})\s*[“\"]?"
                                            r"(?P<short>[^()“”\"\n]{2,60}?(?:\n[^()“”\"\n]{1,40}?)?)[”\"]?\s*[*_]*\s*\)", regex.IGNORECASE),
        "assign": regex.compile(r"^(?:" + "|".join([*w["assign_words"], *w["delegation_words"]]) + r")\b\s*", regex.IGNORECASE),
        # "giao", "yêu cầu", "đề nghị" anywhere before the one asked; a delegation only at the clause's opening
        "assign_any": regex.compile(r"(?:\b(?:giao(?:\s+cho)?|yêu\s+cầu|đề\s+nghị)"
                                    + (r"|^[\s*_]*(?:" + "|".join(w["delegation_words"]) + ")" if w["delegation_words"] else "")
                                    + r")\s+(?=(?-i:\p{Lu})|các\s)", regex.IGNORECASE),
        # what may stand before "(i)" in a unit that only hands out the enumerated items: assignment words, and
        # bodies' names (a capitalised word, matched case-sensitively)
        "enumeration_assign_only": regex.compile(
            r"[\s,:;]*(?:(?:" + "|".join(w["enumeration_assign_words"]) + r"|(?-i:\p{Lu})[\p{L}\-&]*)(?![\p{L}])[\s,:;]*)*",
            regex.IGNORECASE | regex.V1),
        "enumeration_announced": regex.compile(w["enumeration_announced"], regex.IGNORECASE | regex.V1),
        "topic_heading": regex.compile(w["topic_heading"], regex.IGNORECASE),
        "scoped_heading": regex.compile(w["scoped_heading"], regex.IGNORECASE | regex.V1),
        "rules_for_heading": regex.compile(w["rules_for_heading"], regex.IGNORECASE | regex.V1),
        "role_duty_sentence": regex.compile(w["role_duty_sentence"], regex.IGNORECASE | regex.V1),
        "asked_duties": regex.compile(w["asked_duties"], regex.IGNORECASE | regex.V1),
        "listed_units": regex.compile(w["listed_units"], regex.IGNORECASE | regex.V1),
        "listed_unit_head": regex.compile(w["listed_unit_head"], regex.IGNORECASE | regex.V1),
        # "(các) đơn vị nêu trên": a unit noun of ``back_reference_units``, then ``group_back_reference``
        "unit_back_reference": regex.compile(rf"^(?:các\s+)?(?:{_units_alt(w)})\s+(?:{w['group_back_reference']})$",
                                             regex.IGNORECASE | regex.V1),
        # whom an asking verb that ends its sentence with a colon asks: a plural group, or the units named above
        "asked_at_end": regex.compile(r"(?<![\p{L}])(?:yêu\s+cầu|đề\s+nghị)\s+(?=(?:(?:các|những|quý)\s+|(?:"
                                      + _units_alt(w) + r")\s+(?:" + w["group_back_reference"] + r"))[^.;:]{0,120}:\s*$)",
                                      regex.IGNORECASE | regex.V1),
        "role_of_project": regex.compile(w["role_of_project"], regex.V1),
        "duty_title": regex.compile(r"^\s*(?:trách\s+nhiệm|nhiệm\s+vụ)(?![\p{L}])", regex.IGNORECASE),
        "completion_time": regex.compile(w["completion_time_label"], regex.IGNORECASE),
        "duty_lead_in": regex.compile(w["duty_lead_in"], regex.IGNORECASE),
        "counterpart_meeting": regex.compile(w["counterpart_meeting"], regex.V1),
        "reference_cell": regex.compile(w["reference_cell"], regex.IGNORECASE),
        "function": regex.compile(r"^[\s:,]*(?:" + "|".join(w["function_after_subject"]) + r")\b", regex.IGNORECASE),
        "statement": regex.compile(r"^\s*(?:" + "|".join(w["statement_after_subject"]) + r")\b", regex.IGNORECASE),
        "assign_after": regex.compile(r"^\s*(?:\p{Lu}\p{Ll}*\s+){0,3}(?:(?:" + "|".join(w["assign_adverbs"]) + r")\s+)*"
                                      r"(?:giao(?:\s+cho)?|yêu\s+cầu|đề\s+nghị)\s+", regex.V1),
        "prefix": regex.compile(r"^(?:\s|,|" + "|".join(w["subject_prefixes"]) + r")*$", regex.IGNORECASE),
        "fronted": regex.compile(r"^(?:" + "|".join(w["fronted_adverbials"] + w["condition_openers"]) + r")\b", regex.IGNORECASE),
        "sentence_role_rule": regex.compile(w["sentence_role_rule"], regex.IGNORECASE),
        "condition": regex.compile(r"^(?:" + "|".join(w["condition_openers"]) + r")\b", regex.IGNORECASE),
        "condition_end": regex.compile(r"(?<![\p{L}])(?:" + w["condition_consequent"] + r")\s+(?:(?:"
                                       + "|".join(w["condition_asking"]) + r")\s+)?", regex.IGNORECASE),
        "condition_closer": regex.compile(r"\s*(?:" + w["condition_closer"] + r")\s+(?:(?:"
                                          + "|".join(w["condition_asking"]) + r")\s+)?", regex.IGNORECASE),
        "fronted_end": regex.compile(r"(?:,|(?<![\p{L}])(?:" + w["condition_consequent"] + r"))\s*(?:(?:"
                                     + "|".join(w["condition_asking"]) + r")\s+)?$",
                                     regex.IGNORECASE),
        "reply_topic": regex.compile(w["reply_topic"], regex.IGNORECASE),
        "topic_end": regex.compile(r"^[^.;:]*(?:" + w["topic_closer"] + r")\s*(?:đề\s+nghị\s+|yêu\s+cầu\s+|giao\s+)?$",
                                   regex.IGNORECASE),
        "glue": regex.compile(r"^(?:\s|" + "|".join(w["subject_glue"]) + r")*$", regex.IGNORECASE),
        "qualifier": regex.compile(w["agency_qualifier"], regex.V1),
        "connective": regex.compile(r"^\s*(?:" + "|".join(w["clause_connectives"]) + r")\s*,?\s*", regex.IGNORECASE),
        "lead_marker": _any(w["lead_markers"]),
        # a name may stand between the office and the verb: "Phó Thủ tướng Chính phủ Mai Văn Chính kết luận"
        "speaker": regex.compile(r"^\s*(?:\p{Lu}\p{Ll}*\s+){0,4}(?:" + "|".join(w["speaker_verbs"]) + r")", regex.V1),
        "actor_head": regex.compile(r"^(?!(?:" + "|".join(regex.escape(h) for h in w["actor_heading_false_heads"]) + r")(?![\p{L}]))"
                                    r"(?:" + "|".join(regex.escape(h) for h in [
                                        *w["actor_heading_heads"],
                                        # a plural role ("Các chủ rừng là tổ chức (…)", 06/CT-UBND) heads one too
                                        *("Các " + r for r in w["role_subject_heads"])]) + r")(?![\p{L}])"),
        "actor_tail": regex.compile(w["actor_heading_tail"], regex.IGNORECASE),
        "imperative": _any(w["imperative_openers"]),
        "giao_mid": regex.compile(r"[,;]\s*(?:đồng\s+thời\s+|và\s+)?giao(?:\s+cho)?\s+(?=\p{Lu}|các\s)", regex.IGNORECASE),
        "coord": _any(w["coordinator_markers"]),
        "report": _any(w["report_markers"]),
        "report_far": _any(w["report_markers_far"]),
        "report_relay": regex.compile(w["report_relay"], regex.IGNORECASE),
        "report_via": regex.compile(w["report_via"], regex.IGNORECASE),
        "report_via_later": regex.compile(w["report_via_later"], regex.IGNORECASE),
        "dispatch_purpose": regex.compile(w["dispatch_purpose"], regex.IGNORECASE),
        "report_onward": regex.compile(w["report_onward"], regex.IGNORECASE),
        "report_product": regex.compile(w["report_product"], regex.IGNORECASE),
        "product_cited_title": regex.compile(w["product_cited_title"], regex.V1),
        "report_product_stop": regex.compile(w["report_product_stop"], regex.IGNORECASE),
        "recurrence_exception": regex.compile(w["recurrence_exception"], regex.IGNORECASE),
        "completion_sentence": regex.compile(w["completion_sentence"], regex.IGNORECASE),
        "purpose_after": regex.compile(w["purpose_after"], regex.IGNORECASE),
        "year_completion": regex.compile(w["year_completion_in_clause"], regex.IGNORECASE),
        "appendix_deadline": regex.compile(w["appendix_deadline_cue"], regex.IGNORECASE),
        "reference_appendix": regex.compile(w["reference_appendix"], regex.IGNORECASE),
        "listed_actors_duty": regex.compile(w["listed_actors_duty"], regex.IGNORECASE),
        "lead_in_target": regex.compile(w["lead_in_target"], regex.IGNORECASE),
        "span_cue_compounds": regex.compile(w["span_cue_compounds"], regex.IGNORECASE),
        "year_of_noun": regex.compile(w["year_of_noun"], regex.IGNORECASE),
        "recurrence_of_noun": regex.compile(w["recurrence_of_noun"], regex.IGNORECASE),
        "ongoing_heading": regex.compile(w["ongoing_heading"], regex.IGNORECASE),
        "product": regex.compile(
            r"(?:" + "|".join(w["product_verbs"]) + r")\s+(?P<p>(?P<h>" + "|".join(w["product_heads"]) + r")\b[^.;:]{0,160})",
            regex.IGNORECASE,
        ),
        **{f"col_{k}": regex.compile(v, regex.IGNORECASE) for k, v in w["columns"].items()},
        **{f"field_{k}": regex.compile(r"^\s*(?:" + v + r")\s*:\s*", regex.IGNORECASE) for k, v in w["field_labels"].items()},
        **{f"field_{k}_bare": regex.compile(r"\s*(?:" + v + r")(?P<more>\s*(?:,|và)\s*(?:phối\s+hợp|biện\s+pháp|giải\s+pháp|"
                                            r"nhiệm\s+vụ))?\s*:?\s*", regex.IGNORECASE) for k, v in w["field_labels"].items()},
    }


def _pick_deadline(mentions: list):
    """The deadline that governs when a text names several (``deadlines.pick_task_deadline``)."""
    return pick_task_deadline(mentions) if mentions else None


# --------------------------------------------------------------------------- roles in a text

_WORD = regex.compile(r"\w+")


def _words_upto(text: str, cap: int) -> int:
    """How many words ``text`` has, counted up to ``cap`` (a count never reads further than it needs).

    >>> _words_upto("Giao Sở Tài chính chủ trì", 3), _words_upto("Sở Nội vụ", 9)
    (3, 3)
    """
    return sum(1 for _ in islice(_WORD.finditer(text), cap))


def _dedupe(refs: list[AgencyRef]) -> list[AgencyRef]:
    seen: set[tuple[str | None, str]] = set()
    out = []
    for r in refs:
        key = (r.id, r.name.casefold())  # one id per kind of department: "Sở Y tế tỉnh A", "Sở Y tế tỉnh B"
        if key not in seen:
            seen.add(key)
            out.append(r)
    return out


_BRACKET_LIST_START = regex.compile(r"^[\p{L}\s,]{3,80}\(")
_OF_ONLY = regex.compile(r"^\s*của\s+$")
_LIST_COMMA = regex.compile(r"\s*,\s*")
_AGENT_BEFORE = regex.compile(r"(?<![\p{L}])do\s+[^.;:]{0,80}$", regex.IGNORECASE)
# after a body: the end of the clause, "và" + a common noun ("… và yêu cầu cải cách …") or a last word that closes
# the clause ("… giao.", "… giao, do Thủ tướng Chính phủ phân công")
_NOMINAL_AFTER = regex.compile(r"\s*(?:[.;]|$)|\s+(?:và\s+(?!các\s|những\s)\p{Ll}|\p{L}+\s*(?:[.;,]|$))")


def subject_mentions(text: str, mentions: list) -> tuple[list, int]:
    """Agencies that open the text as its subject, and where the subject ends.

    "Bộ Quốc phòng, Bộ Công an chỉ đạo …" -> both ministries; "Giao Sở Tài chính chủ trì …" -> Sở Tài chính.
    """
    r = _res()
    m = r["assign"].match(text)
    if m:
        subj, end = _subject_from(text, mentions, m.end())
        if subj or not r["fronted"].match(text):
            return subj, end
    elif not r["fronted"].match(text):
        subj, end = _subject_from(text, mentions, 0)
        if not subj and (late := _modal_subject_after_comma(text, mentions)) is not None:
            return [late], late.end
        return subj, end
    if m or r["condition"].match(text):
        # "Đối với nhà, công trình … thì Ủy ban nhân dân cấp tỉnh quy định …" (a topic, not the one asked),
        # "Trường hợp … thì Ủy ban nhân dân cấp tỉnh …": the subject stands right after the "thì" that closes
        # the condition (the bodies inside the condition are not it: "Trường hợp cơ quan, tổ chức, đơn vị mới
        # thành lập … thì do cấp có thẩm quyền …"); with no "thì", right after the condition's comma
        then = r["condition_end"].search(text)
        if then is None and not m and (stop := _SENTENCE_STOP.search(text)) is not None and text[stop.start()] == ":":
            # "Trường hợp cần điều chỉnh Danh mục …: Sở quản lý ngành, lĩnh vực đề xuất …": the condition's colon
            then = r["condition_closer"].match(text, stop.start())
        if then is not None:
            # a bare collective there names whoever is competent, no identifiable actor (guide rule 1): "… thì
            # cấp có thẩm quyền căn cứ …", "… thì cơ quan, đơn vị quản lý cấp trên trực tiếp xác nhận"
            at = [x for x in mentions if x.start == then.end() and not _unnamed_collective(x)]
            return _subject_from(text, mentions, then.end()) if at else ([], 0)
    # "Trên cơ sở nội dung …, các bộ, … theo chức năng, nhiệm vụ xây dựng …", "Trường hợp …, Ủy ban nhân dân
    # cấp tỉnh chỉ đạo …": the subject is the first agency right after a comma
    for k, mention in enumerate(mentions):
        if mention.start > 0 and (r["fronted_end"].search(text[:mention.start])
                                  or (not r["condition"].match(text) and (r["topic_end"].match(text[:mention.start])
                                                                          or r["reply_topic"].match(text[:mention.start])))):
            if (m or r["condition"].match(text)) and (_continues_list(text, mentions, mention) or _unnamed_collective(mention)):
                # "Đối với các chức vụ thuộc diện Bộ Chính trị, Ban Bí thư quản lý, …": a list inside the topic;
                # "Trường hợp …, cấp có thẩm quyền bổ nhiệm xem xét …": no identifiable actor
                return [], 0
            if (((k > 0 and _LIST_COMMA.fullmatch(text, mentions[k - 1].end, mention.start))
                 or _AGENT_BEFORE.search(text, 0, mention.start)) and _NOMINAL_AFTER.match(text, mention.end)):
                # "Trên cơ sở chỉ đạo của Chính phủ, Thủ tướng Chính phủ và yêu cầu …, Bộ Tư pháp xây dựng …",
                # "Thực hiện các nhiệm vụ khác do Chính phủ, Thủ tướng Chính phủ giao.": a body that goes on a list
                # inside the fronted phrase and ends in a noun or the phrase's own verb is no subject
                continue
            return _subject_from(text, mentions, mention.start)
    return [], 0


def _shared_head(gap: str, mention) -> bool:
    """Is ``gap`` only the head word a list shares with the body named after it, written without a colon: "Các Bộ "
    before "Quốc phòng, Công an: Chỉ đạo …" (225/CĐ-TTg), whose finder names "Bộ Quốc phòng"? Not "Các bộ, " before
    "Ủy ban nhân dân cấp tỉnh" (a collective of its own)."""
    if mention.origin != "list_split" or not mention.name.endswith(mention.text):
        return False
    head = fold_tones(mention.name[:len(mention.name) - len(mention.text)].strip()).casefold()
    written = fold_tones(" ".join(gap.split())).casefold()
    return bool(head) and written in (head, f"cac {head}", f"các {head}")


def _unnamed_collective(mention) -> bool:
    """A collective written in lower case with no "các" ("cơ quan, đơn vị", "cấp có thẩm quyền"): whoever is
    competent, not an identifiable actor ("Ủy ban nhân dân xã, phường, thị trấn", "các cơ quan, đơn vị" are)."""
    return mention.kind == "collective" and mention.text[:1].islower() and not mention.text.lower().startswith("các ")


def _continues_list(text: str, mentions: list, mention) -> bool:
    """Does ``mention`` follow another agency and a comma, as the next name of a list? Not after the name a "và"
    closed the list with: "… kể từ ngày nhận được ý kiến của Bộ Quốc phòng và Bộ Công an, Bộ Công Thương có văn bản
    trả lời …" (38/2025/TT-BCT)."""
    return any(x.end <= mention.start and not text[x.end:mention.start].strip(" ,") and "," in text[x.end:mention.start]
               and _closed_by_and().search(text, 0, x.start) is None for x in mentions)


@cache
def _closed_by_and() -> regex.Pattern[str]:
    """A list's last joining word right before a name (the lexicon's word ``conjunctions``: "và", "hoặc")."""
    words = sorted(w for w in action_words()["conjunctions"] if any(c.isalpha() for c in w))
    return regex.compile(r"(?<![\p{L}])(?:" + "|".join(regex.escape(w) for w in words) + r")\s+$", regex.IGNORECASE)


_MODAL_AFTER = regex.compile(r"\s+(?:phải|cần)(?![\p{L}])")
_SENTENCE_STOP = regex.compile(r"[.;:]")
_PLURAL_END = regex.compile(r"(?<![\p{L}])(?:các|những)\s+\S+(?:\s+\S+)?\s*$", regex.IGNORECASE)


def _modal_subject_after_comma(text: str, mentions: list):
    """The actor a unit names after the work it opens with, in its first sentence: "Khẩn trương khắc phục các công
    trình hạ tầng thiết yếu bị hư hại do mưa lũ (…), các địa phương phải huy động các lực lượng, …" (661/TB-VPCP,
    a conclusions notice): the body right after a comma and before "phải"/"cần", not one of a list.

    >>> from vbpl_extract.agencies import find_agencies
    >>> t = "Khẩn trương khắc phục các công trình bị hư hại, các địa phương phải huy động các lực lượng."
    >>> _modal_subject_after_comma(t, find_agencies(t)).name
    'Các địa phương'
    >>> t = "Chỉ đạo các Sở, các địa phương phải báo cáo."
    >>> _modal_subject_after_comma(t, find_agencies(t)) is None
    True
    """
    stop = _SENTENCE_STOP.search(text)
    for k, m in enumerate(mentions):
        if stop is not None and m.start > stop.start():
            break
        j = m.start  # the comma right before the mention, read in place (no copy of the text per mention)
        while j > 0 and text[j - 1].isspace():
            j -= 1
        if (j > 0 and text[j - 1] == "," and _MODAL_AFTER.match(text, m.end)
                and not (k > 0 and _LIST_COMMA.fullmatch(text, mentions[k - 1].end, m.start))
                and not _PLURAL_END.search(text, max(0, j - 41), j - 1)):  # "Chỉ đạo các Sở, các địa phương phải …"
            return m
    return None


@cache
def _leftover_re() -> regex.Pattern[str]:
    return regex.compile(r"\s*(?:,|\svà)\s*(?P<item>(?:các\s+|những\s+)?(?i:" + _collective_nouns()
                         + r")(?![\p{L}])(?P<rest>[^,;.:()\n]{0,60}?))\s*(?:,|\svà)\s*", regex.V1)


def _leftover_item(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Where the plural noun phrase between two bodies of a subject list (``text[start:end]``) stands, when the data
    knows no body by it and it names no action: ", tổ chức chính trị - xã hội, "; not ", tổ chức triển khai, ".

    >>> t = "Các sở, tổ chức chính trị - xã hội, Ủy ban"
    >>> s, e = _leftover_item(t, 6, 36); t[s:e], _leftover_item("Các sở, tổ chức triển khai, Ủy ban", 6, 28)
    ('tổ chức chính trị - xã hội', None)
    """
    m = _leftover_re().fullmatch(text, start, end)
    if m is None or lexicon_action([w for _, _, w in word_spans(m["rest"])]) is not None:
        return None
    return m.start("item"), m.end("item")


def _subject_from(text: str, mentions: list, pos: int) -> tuple[list, int]:
    """The agencies from ``pos`` on that form the subject, and where it ends."""
    r = _res()
    # "Các cơ quan đăng ký đầu tư (Sở Tài chính, Ban quản lý Khu Kinh tế …):" -> the bodies in brackets
    paren = _BRACKET_LIST_START.match(text[pos:])
    if paren and mentions and not any(pos <= m.start < pos + paren.end() - 1 for m in mentions):
        close = text.find(")", pos + paren.end())
        inside = [m for m in mentions if pos + paren.end() <= m.start and (close < 0 or m.end <= close)]
        if inside:
            return inside, (close + 1 if close >= 0 else inside[-1].end)
    subj: list = []
    for mention in mentions:
        if subj and mention.start == subj[-1].start:
            subj.append(mention)  # one place, two bodies ("các tỉnh: Khánh Hòa" -> Tỉnh ủy, UBND)
            continue
        if mention.start < pos:
            continue
        if subj and _OF_ONLY.match(text[pos:mention.start]):
            pos = mention.end  # "Ban Chỉ đạo của Chính phủ": the genitive belongs to the subject's name
            continue
        gap_start = pos
        if (subj and not r["fronted"].match(text) and (q := r["qualifier"].match(text, pos)) is not None
                and q.end() <= mention.start):
            gap_start = q.end()  # "Các sở, ban, ngành thuộc tỉnh, Công an tỉnh …": the name's qualifier
        gap = text[gap_start:mention.start]
        if subj and not r["glue"].match(fold_tones(gap)) and (item := _leftover_item(text, gap_start, mention.start)):
            # "Các sở, ban, ngành, tổ chức chính trị - xã hội, Ủy ban nhân dân các xã, phường căn cứ …": a plural noun
            # the data does not know goes on the list as a collective of its own ("Các tổ chức chính trị - xã hội")
            written = text[item[0]:item[1]]
            name = display_name(written if written.lower().startswith(("các ", "những ")) else f"các {written}")
            subj.append(AgencyMention(*item, written, f"unknown:{slugify(name)}", name, "collective", False, "leftover"))
            gap = ""
        if not r["glue"].match(fold_tones(gap)):
            # allow a short office-holder / title gap at the very start ("Đồng chí Bí thư tỉnh ủy và"),
            # or a list head ending with ':' ("Chủ tịch Ủy ban nhân dân các tỉnh: Khánh Hòa")
            list_head = gap.rstrip().endswith(":") and _words_upto(gap, 17) <= 16 and not subj
            honorific = not subj and bool(r["prefix"].match(fold_tones(gap)))
            if not (list_head or honorific or (not subj and _shared_head(gap, mention))):
                break
        subj.append(mention)
        pos = mention.end
    if subj and (defined := r["defines_short_form"].match(text, _SPACES.match(text, pos).end())):
        # "Ủy ban nhân dân xã, phường (sau đây gọi là cấp xã) chịu trách nhiệm …" (87/2025/QĐ-UBND): the short form
        # it defines is no part of the subject's sentence
        pos = defined.end()
    return subj, pos


_SPACES = regex.compile(r"\s*")
_LABEL_COLON = regex.compile(r"\s*:\s*(?=\p{Lu})")
# a person's name after an office that heads no body ("Phó Thủ tướng Chính phủ Hồ Đức Phớc"): two to five capitalised
# syllables
_PERSON_AFTER = regex.compile(r"(?:\s+\p{Lu}\p{Ll}*){2,5}(?=\s+\p{Ll})")
_CHAIR = regex.compile(r"chủ\s+trì", regex.IGNORECASE)
_ASKED_HEAD = regex.compile(r"^(?:đề\s+nghị|yêu\s+cầu|giao)\s+(?=các\s|\p{Lu})", regex.IGNORECASE)
_THEN = regex.compile(r"\sthì\s")
_LOWER_NEXT = regex.compile(r"\s+\p{Ll}")
# the duty a defined role takes ("… có trách nhiệm", "… chịu trách nhiệm", "… có nhiệm vụ")


def _acting_body(ref: AgencyRef) -> AgencyRef:
    """The body that acts for a lead the data says stands for another ("Các tỉnh, thành phố trực thuộc trung ương"
    -> their People's Committees)."""
    entries = load_agency_data().entries
    entry = entries.get(ref.id)
    if entry is None or entry.acts_as is None or (target := entries.get(entry.acts_as)) is None:
        return ref
    return ref.model_copy(update={"id": target.id, "name": target.name, "kind": target.kind})


def _chaired_work_end(text: str, pos: int) -> int:
    """End of the work a role "chủ trì" names, after "chủ trì" at ``pos``: its verb and object up to the
    next verb, the unit's own action ("Cơ quan chủ trì soạn thảo văn bản biên soạn tài liệu …" -> up to
    "văn bản"); ``pos`` itself when no verb follows the work within a few words."""
    lex = action_words()
    words = word_spans(text[pos:pos + 120])
    if not words or fold_tones(words[0][2]).lower() not in lex["verbs"]:
        return pos
    end = pos + words[0][1]
    for _s, e, w in words[1:7]:
        if fold_tones(w).lower() in lex["verbs"]:
            return end
        if not regex.fullmatch(r"[\p{L}\p{N}]+(?:\s+[\p{L}\p{N}]+)*", w) or w.lower() in {"và", "hoặc"}:
            return pos  # punctuation or a list before the next verb: no simple role name
        end = pos + e
    return pos


def role_subject(text: str) -> list[tuple[int, int]]:
    """Where the bodies a unit names by their role, as its subject before a duty, stand in ``text``; empty
    when the unit opens otherwise. "và" and a comma before a capital join two bodies.

    >>> t = "Hằng năm, Quỹ có trách nhiệm báo cáo Bộ Xây dựng về tình hình hoạt động."
    >>> [t[s:e] for s, e in role_subject(t)]
    ['Quỹ']
    >>> t = "Lực lượng phòng cháy, chữa cháy rừng khi nhận được lệnh huy động phải kịp thời điều động lực lượng."
    >>> [t[s:e] for s, e in role_subject(t)]
    ['Lực lượng phòng cháy, chữa cháy rừng']
    >>> t = "Các chủ rừng và lực lượng kiểm lâm có trách nhiệm tuần tra trên các vùng trọng điểm."
    >>> [t[s:e] for s, e in role_subject(t)]
    ['Các chủ rừng', 'lực lượng kiểm lâm']
    >>> t = "Cơ quan chủ trì soạn thảo gửi hồ sơ đến Sở Tư pháp để thẩm định."
    >>> [t[s:e] for s, e in role_subject(t)]
    ['Cơ quan chủ trì soạn thảo']
    >>> role_subject("Cơ quan chủ trì: Sở Khoa học và Công nghệ.")
    []
    >>> role_subject("Cơ quan có thẩm quyền chịu trách nhiệm trước pháp luật về quyết định của mình.")
    []
    """
    r = _res()
    m = r["role_subject"].match(text)
    if m is None:
        return _role_action_subject(text)
    start, end = m.span("role")
    cue_end = m.end()
    if r["role_bare"].fullmatch(text[start:end]) and _CHAIR.fullmatch(m["cue"]):
        # "Cơ quan chủ trì soạn thảo có trách nhiệm …": "chủ trì" is part of the role's name
        # (with no later duty, "Cơ quan chủ trì soạn thảo cung cấp dự thảo …": the role and "chủ trì" name it)
        later = r["role_later_cue"].search(text, m.end(), min(len(text), m.end() + 120))
        if later is not None:
            end, cue_end = later.start(), later.end()
        elif _LOWER_NEXT.match(text, m.end()):
            end = _chaired_work_end(text, m.end())
        else:
            return []  # "Cơ quan chủ trì: Sở Tư pháp.": a label
    if r["role_not_duty"].match(text, cue_end):
        return []
    if _words_upto(text[start:end], 25) > 24 or _THEN.search(text, start, end):
        return []  # "Đối với các công trình do sở, ban, ngành làm chủ đầu tư … thì ngân sách …": no subject
    if (stop := r["role_stop"].search(text, start, end)) is not None:
        end = stop.start()
    end = _before_modal(text, start, end)
    if _words_upto(text[start:end], 17) > 16:
        return []
    spans, s = [], start
    for sep in r["role_join"].finditer(text, start, end):
        spans.append((s, sep.start()))
        s = sep.end()
    spans.append((s, end))
    return [(a, b) for a, b in spans if b > a]


def _before_modal(text: str, start: int, end: int) -> int:
    """Where a role's name ends before the modal words that close it (``modals`` of the action lexicon): "Các
    doanh nghiệp viễn thông cần (phối hợp …)" -> "Các doanh nghiệp viễn thông".

    >>> t = "Các doanh nghiệp viễn thông cần"
    >>> t[:_before_modal(t, 0, len(t))]
    'Các doanh nghiệp viễn thông'
    """
    modals = action_words()["modals"]
    words = word_spans(text[start:end])
    while len(words) > 1 and fold_tones(words[-1][2]).lower() in modals:
        end = start + words[-1][0]
        words = words[:-1]
    while end > start and text[end - 1] in " \t\n":
        end -= 1
    return end


@cache
def _role_name_verbs() -> frozenset[str]:
    """The verbs that, right after a role's head noun, name the kind of body (``role_name_verbs``), tone-folded."""
    return frozenset(fold_tones(w).lower() for w in task_words()["role_name_verbs"])


@cache
def _role_head_keys() -> frozenset[str]:
    """The role heads of ``role_subject_heads`` as word keys, tone-folded ("cơ quan", "đơn vị" …)."""
    return frozenset(fold_tones(w).lower() for w in task_words()["role_subject_heads"])


_PLURAL_KEYS = frozenset(fold_tones(w) for w in ("các", "mọi", "những"))


def _role_action_subject(text: str) -> list[tuple[int, int]]:
    """Where the bodies a unit names as a group by their role stand when an ordinary verb of the action lexicon, not
    a duty word, follows them ("Các Trung tâm y tế giám sát tuyến xã …", "Các tổ chức nước ngoài thiết lập …");
    empty when the unit opens with an action itself ("Tổ chức tập huấn …"). Only a plural group ("các", "mọi"): a
    single role before an ordinary verb states a step of a procedure ("Hội đồng tuyển dụng thông báo công khai …",
    "Quỹ mở sổ kế toán …"), which annotators do not take as a task. A verb of ``role_name_verbs`` right after the
    head names the kind of body when another verb follows ("Các cơ quan thực hiện TTHC công khai …"); a verb of the
    lexicon that is also a noun ("cấp", "tổ chức") acts only before another verb, never after "các".

    >>> t = "Các cơ quan thực hiện TTHC công khai địa chỉ trụ sở làm việc."
    >>> [t[s:e] for s, e in _role_action_subject(t)]
    ['Các cơ quan thực hiện TTHC']
    >>> t = "Các Trung tâm y tế giám sát tuyến xã và báo cáo hằng ngày."
    >>> [t[s:e] for s, e in _role_action_subject(t)]
    ['Các Trung tâm y tế']
    >>> _role_action_subject("Hội đồng tuyển dụng thông báo công khai trên trang thông tin điện tử.")
    []
    >>> _role_action_subject("Tổ chức tập huấn cho cán bộ, công chức.")
    []
    """
    r = _res()
    m = r["role_action"].match(text)
    if m is None or opens_with_action(text[m.start("role"):]):
        return []
    lex = action_words()
    start, base = m.start("role"), m.end()
    window = regex.split(r"[.;:]", text[base:base + 200], maxsplit=1)[0]
    words = [(s, e, fold_tones(w).lower()) for s, e, w in word_spans(window)]
    keys = [k for _, _, k in words]

    def is_verb(k: int) -> bool:
        if keys[k] in lex["lead_adverbs"] or keys[k] in lex["modals"]:
            # "Các doanh nghiệp viễn thông cần phối hợp …": an adverb or a modal before the verb ends the subject
            return k + 1 < len(keys) and keys[k + 1] in lex["verbs"]
        if keys[k] not in lex["verbs"]:
            return False
        if keys[k] in lex["first_only"] and k > 0 and keys[k - 1] in _PLURAL_KEYS:
            return False  # "… các cấp thực hiện": a noun after a plural word
        return keys[k] not in lex["first_only"] or (k + 1 < len(keys) and keys[k + 1] in lex["verbs"])

    naming = _role_name_verbs()
    heads = _role_head_keys()
    cue, named = None, -1
    for k in range(min(len(words), 17)):
        if not is_verb(k):
            continue
        before = k - 2 if k > 1 and keys[k - 1] == "," else k - 1
        if keys[k] in naming and (k == 0 or keys[before] in heads or before == named) and any(
                is_verb(j) for j in range(k + 1, min(len(words), 17))):
            named = k  # "Cơ quan thanh tra quốc phòng … thực hiện", "đơn vị điều tra, khảo sát …": the kind of body
            continue
        cue = k
        break
    if cue is None:
        return []
    end = base + words[cue][0]
    while end > start and text[end - 1] in " ,":
        end -= 1
    if (stop := r["role_stop"].search(text, start, end)) is not None:
        end = stop.start()
    if end <= start or _words_upto(text[start:end], 17) > 16 or regex.search(r"(?<![\p{L}])(?:là|được)(?![\p{L}])", text[start:end]):
        return []
    spans, s = [], start
    for sep in r["role_join"].finditer(text, start, end):
        spans.append((s, sep.start()))
        s = sep.end()
    spans.append((s, end))
    return [(a, b) for a, b in spans if b > a]


def _non_agency_words(text: str, mentions: list) -> int:
    """Words of ``text`` outside every agency mention (glue words and punctuation aside)."""
    kept, pos = [], 0
    for m in sorted(mentions, key=lambda m: m.start):  # blank the mentions in one pass
        if m.end > pos:
            kept.append(text[pos:max(pos, m.start)] + " ")
            pos = m.end
    rest = "".join(kept) + text[pos:]
    words = [w for w in _WORD.findall(rest) if w.lower() not in {"và", "các", "cơ", "quan", "của", "có", "trách", "nhiệm", "đồng", "chí", "lãnh", "đạo"}]
    return len(words)


_SENTENCE_END = regex.compile(r"[.;!?…]\s*$")
# a single full stop closing a unit (not "…", not an abbreviation's "TP.")
_TRAILING_ASIDE = regex.compile(r"\s*\([^()]*\)[\s:.]*$")


def _without_aside(node: Node, text: str) -> str:
    """A heading over sub-items without the examples it gives in brackets at its end: "5. Các chủ rừng là tổ chức
    (các Ban quản lý rừng đặc dụng, rừng phòng hộ, các Công ty nông, lâm nghiệp…)" over its bullets (06/CT-UBND Quảng
    Trị) names the actor "Các chủ rừng là tổ chức".

    >>> _without_aside(Node(id="s5", kind="item", span=(0, 99), children=[Node(id="s5_1", kind="bullet", span=(80, 99))]),
    ...                "Các chủ rừng là tổ chức (các Ban quản lý rừng đặc dụng, rừng phòng hộ…)")
    'Các chủ rừng là tổ chức'
    """
    if node.children and (aside := _TRAILING_ASIDE.search(text)) is not None and aside.start() > 0:
        return text[:aside.start()]
    return text
_CLOSING_STOP = regex.compile(r"(?<![.\p{Lu}])\.$")


# the most words of a heading set wholly in bold (:meth:`TaskExtractor._bold_heading`)
_BOLD_HEADING_WORDS = 40


def _heading_like(text: str) -> bool:
    return len(text.split(None, 14)) <= 14 and not _SENTENCE_END.search(text) and "\n" not in text


def _shift(m, delta: int):
    """A copy of a mention with offsets moved by ``delta``."""
    from dataclasses import replace

    return replace(m, start=m.start + delta, end=m.end + delta)


# an article heading that names whose duties follow: "Nội dung …", "Nhiệm vụ của …", then the body, then at most
# "có trách nhiệm chủ trì" / "chủ trì, phối hợp" / "thực hiện"
@cache
def _delegated_heading() -> regex.Pattern[str]:
    """A heading that names what it delegates, then to whom (task_words.yaml ``delegated_heading_labels``, then
    ``delegation_words``): "Thẩm quyền của Ủy ban nhân dân cấp tỉnh phân cấp cho " up to the delegate.

    >>> _delegated_heading().match("Thẩm quyền của Ủy ban nhân dân cấp tỉnh phân cấp cho Chủ tịch Ủy ban nhân dân cấp xã").end()
    53
    """
    w = task_words()
    return regex.compile(r"^\s*(?:" + "|".join(w["delegated_heading_labels"]) + r")(?![\p{L}])[^.;:\n]{0,120}?(?<![\p{L}])(?:"
                         + "|".join(w["delegation_words"]) + r")\s+", regex.IGNORECASE | regex.V1)


_DUTY_LABEL = regex.compile(r"^(?:Nội\s+dung|Nhiệm\s+vụ|Trách\s+nhiệm)(?:\s+và\s+quyền\s+hạn)?(?:\s+của)?\s+", regex.IGNORECASE)
_DUTY_TAIL = regex.compile(r"[\s,.:;]*(?:(?:có\s+trách\s+nhiệm\s+)?(?:chủ\s+trì|phối\s+hợp|thực\s+hiện)"
                           r"(?:\s*,?\s*(?:và\s+)?(?:chủ\s+trì|phối\s+hợp|thực\s+hiện))*)?[\s,.:;]*", regex.IGNORECASE)
# an asking verb that ends its sentence with a colon, whom it asks unsaid: "Chủ tịch Ủy ban nhân dân tỉnh yêu cầu:"
_ASKS_ONLY = regex.compile(r"\s*(?:trân\s+trọng\s+|kính\s+)?(?:yêu\s+cầu|đề\s+nghị)\s*:\s*$", regex.IGNORECASE)
_SUBMIT_GAP = regex.compile(r"(?<![\p{L}])(?:trình|để)(?![\p{L}])", regex.IGNORECASE)


def _before_relay(text: str, reports: list, mentions: list) -> list:
    """The receivers up to the first one that passes the report on: "gửi Bộ X tổng hợp, báo cáo Chính phủ",
    "về Sở X để tổng hợp, báo cáo Ủy ban nhân dân tỉnh", "gửi Sở Tài chính báo cáo Ủy ban nhân dân tỉnh" -> the
    first; the onward report is the receiver's, not this task's. A receiver "(thông qua X)" is kept
    ("báo cáo UBND tỉnh (thông qua Sở Tài chính)"); a new clause after ";" reports on its own."""
    out: list = []
    for k, m in enumerate(reports):
        out.append(m)
        via = _res()["report_via"].match(text, m.end)
        if via is not None:
            out += [x for x in mentions if x.start == via.end() and x not in out]
        if k + 1 < len(reports):
            gap = text[m.end:reports[k + 1].start]
            if ";" not in gap and _res()["report_relay"].search(gap):
                break
    if out:
        # "báo cáo Ủy ban nhân dân tỉnh về kết quả … (qua Sở Nội vụ)": the body the report goes through, later in
        # the clause, before any onward report or the next receiver
        last = max(x.end for x in out)
        end = min([x.start for x in reports if x.start >= last] + [len(text)])
        region = regex.split(r"[.;]", text[last:end], maxsplit=1)[0]
        if (relay := _res()["report_relay"].search(region)) is not None:
            region = region[:relay.start()]
        for via in _res()["report_via_later"].finditer(region):
            # (a desk the data does not know is the receiver's own: "Sở Nội vụ (qua Phòng Thi đua, khen thưởng)")
            out += [x for x in mentions if x.start == last + via.end() and x.known and x not in out]
    return sorted(_dedupe_mentions(out), key=lambda x: x.start)


_REPORT_VERB = regex.compile(r"(?<![\p{L}])(?:báo\s+cáo|gửi)(?![\p{L}])", regex.IGNORECASE)


def _not_a_receiver(text: str, m) -> bool:
    """Is the body after a reporting verb the receiver of another body's report: the onward report of the body the
    task sends to ("… về Bộ Khoa học và Công nghệ để tổng hợp, phối hợp tháo gỡ, báo cáo cấp có thẩm quyền")?"""
    clause = regex.split(r"[.;]", text[:m.start])[-1]
    verbs = list(_REPORT_VERB.finditer(clause))
    # "… gửi Kho bạc Nhà nước tỉnh để kiểm soát chi và gửi Bộ Tài chính để báo cáo": a second sending is the task's own
    return (bool(verbs) and not verbs[-1].group().lower().startswith("gửi")
            and _res()["report_onward"].search(clause[:verbs[-1].start()]) is not None)


def _dispatched(text: str, m) -> bool:
    """Is the body after "gửi" sent something for its own work ("gửi Kho bạc Nhà nước để làm căn cứ kiểm soát chi"),
    not a report?"""
    clause = regex.split(r"[.;]", text[:m.start])[-1]
    verbs = list(_REPORT_VERB.finditer(clause))
    return (bool(verbs) and verbs[-1].group().lower().startswith("gửi")
            and _res()["dispatch_purpose"].match(text, m.end) is not None)


def _dedupe_mentions(ms: list) -> list:
    seen: set[tuple[int, int]] = set()
    return [m for m in ms if (m.start, m.end) not in seen and not seen.add((m.start, m.end))]


def _role_after(text: str, marker: regex.Pattern[str], mentions: list, *, max_gap_words: int = 2,
                parts_in_brackets: bool = False) -> list:
    """Agencies right after a marker ("phối hợp với Bộ Tài chính, Bộ Công an …").

    ``parts_in_brackets``: a body in brackets right after a named one is its part, not one more of the list.
    """
    out: list = []
    for m in marker.finditer(text):
        pos = m.end()
        for mention in mentions:
            if mention.start < pos:
                continue
            gap = text[pos:mention.start]
            if _words_upto(gap, max_gap_words + 1) > max_gap_words and not _res()["glue"].match(gap):
                break
            if out and _SUBMIT_GAP.search(gap):
                break  # "báo cáo Sở Nông nghiệp và Môi trường trình cấp có thẩm quyền": whom it submits to is not whom it reports to
            if out and _res()["role_list_stop"].search(gap):
                break  # "phối hợp với các đơn vị liên quan tham mưu Ủy ban nhân dân tỉnh": the action ends the list
            if (parts_in_brackets and out and out[-1].end == pos and mention.id is not None and out[-1].id is not None
                    and _APPOSITION.fullmatch(gap) and _parent_id(out[-1].id) == mention.id):
                # "phối hợp với Cục Cảnh sát quản lý hành chính về trật tự xã hội, Bộ Công an": the body it belongs
                # to, written after it, says where it sits, no partner of its own
                pos = mention.end
                continue
            if (out and out[-1].end == pos and out[-1].kind in ("prime_minister", *task_words()["named_office_kinds"])
                    and _DASH.fullmatch(gap) and office_title_end(text[mention.start:])):
                # one man with a second title after a dash (annotation guide, rule 5): the head of government stays as
                # written ("báo cáo Thủ tướng Chính phủ - Trưởng Ban Chỉ đạo của Chính phủ …", 126/QĐ-BCĐCP); a
                # Deputy Prime Minister, who heads no body of his own, stands for the body of his second title
                # ("báo cáo Phó Thủ tướng Chính phủ - Trưởng Ban Chỉ đạo 389 quốc gia", 11554/VPCP-V.I)
                if out[-1].kind != "prime_minister":
                    out[-1] = mention
                pos = mention.end
                continue
            if (parts_in_brackets and out and out[-1].end == pos and out[-1].kind != "collective"
                    and _OPEN_PAREN.fullmatch(gap)):
                # "phối hợp với Văn phòng UBND tỉnh (Trung tâm Phục vụ hành chính công tỉnh)": the part of the body
                # that does the work, in brackets after it, is no partner of its own
                close = text.find(")", mention.end)
                if close != -1:
                    pos = close + 1
                    continue
            out.append(mention)
            pos = mention.end
    return out


_OPEN_PAREN = regex.compile(r"\s*[*_]*\s*\(\s*[*_]*\s*")
_DASH = regex.compile(r"\s*[-–]\s*")
_APPOSITION = regex.compile(r"\s*(?:,|[-–])\s*")


def _parent_id(agency_id: str) -> str | None:
    entry = load_agency_data().entries.get(agency_id)
    return entry.parent if entry is not None else None


def _lone_role_first(name: str) -> int | None:
    """Where a heading's name that opens with a role standing alone ends that role, when another unit follows after a
    comma: "Chủ đầu tư, tổ chức, đơn vị điều tra …" -> 11; a chain of collective nouns ("Cơ quan, đơn vị …") is one.

    >>> _lone_role_first("Chủ đầu tư, tổ chức, đơn vị điều tra, khảo sát, rà phá bom mìn vật nổ")
    11
    >>> _lone_role_first("Cơ quan, đơn vị có liên quan") is None
    True
    """
    lone, heads = _lone_role_heads()
    lower = name.lower()
    for head in lone:
        if lower.startswith(head + ",") and lower[len(head) + 1:].lstrip().startswith(heads):
            return len(head) + 1
    return None


@cache
def _lone_role_heads() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The role heads that stand alone (not nouns of a collective chain, ``agencies.yaml``), longest first, and all."""
    data = load_agency_data()
    chain = {n.lower() for n in (*data.collective_chain_nouns, *data.collective_chain_more_nouns)}
    heads = tuple(sorted(task_words()["role_subject_heads"], key=len, reverse=True))
    return tuple(h for h in heads if h.lower() not in chain), heads


@cache
def _role_lead_in_re() -> regex.Pattern[str]:
    """A lead-in whose subject is one role or two ("chủ đầu tư hoặc đơn vị giám sát, kiểm tra"), after a fronted clause
    or at the start, then its verb and the items it announces ("… theo các nội dung sau:")."""
    heads = "|".join(regex.escape(h).replace(r"\ ", r"\s+") for h in sorted(task_words()["role_subject_heads"], key=len, reverse=True))
    role = rf"(?:{heads})(?:\s+[\p{{Ll}}]+){{0,4}}?(?:,\s+[\p{{Ll}}]+(?:\s+[\p{{Ll}}]+)?)?"
    return regex.compile(rf"(?:^|,\s+)(?P<roles>(?i:{role})(?:\s+(?:hoặc|và)\s+(?i:{role}))?)\s+(?:tổ\s+chức\s+thực\s+hiện|thực\s+hiện|"
                         r"tiến\s+hành)\b[^:;.]{0,80}?(?:các|những)\s+(?:nội\s+dung|công\s+việc|bước)\s+sau(?:\s+đây)?\s*:\s*$",
                         regex.V1)


@cache
def _collective_nouns() -> str:
    nouns = sorted(load_agency_data().collective_nouns, key=len, reverse=True)
    return "|".join(regex.escape(n).replace(r"\ ", r"\s+") for n in nouns)


@cache
def _collective_after_coord() -> regex.Pattern[str]:
    """"phối hợp (chặt chẽ) (với)" + a collective noun of the agency data ("các cơ quan", "đơn vị", "doanh nghiệp")."""
    # case-sensitive after "với": a capitalised word starts a name ("phối hợp với Tỉnh đoàn")
    return regex.compile(r"(?<![\p{L}])[Pp]hối\s+hợp\s+(?:chặt\s+chẽ\s+)?(?P<v>với\s+)?(?P<p>(?:các\s+|những\s+)?(?:"
                         + _collective_nouns() + r")(?![\p{L}]))", regex.V1)


@cache
def _starts_collective() -> regex.Pattern[str]:
    return regex.compile(r"\s+(?:các\s+|những\s+)?(?i:" + _collective_nouns() + r")(?![\p{L}])", regex.V1)


@cache
def _starts_collective_after_and() -> regex.Pattern[str]:
    return regex.compile(r"\s+và\s+(?=(?:các\s+|những\s+)?(?i:" + _collective_nouns() + r")(?![\p{L}]))", regex.V1)


@cache
def _collective_after_list() -> regex.Pattern[str]:
    """A collective that continues a list of named partners: "…, Sở Công Thương và các doanh nghiệp logistics"."""
    return regex.compile(r"(?:\s*,\s*(?:và\s+)?|\s+và\s+)(?P<p>(?:các\s+|những\s+)?(?i:" + _collective_nouns() + r")(?![\p{L}]))",
                         regex.V1)


_LIST_GAP = regex.compile(r"\s*(?:,\s*(?:và\s+)?|và\s+)", regex.IGNORECASE)
_NEW_COLLECTIVE = regex.compile(r"\s*(?:,\s*(?:và\s+)?|\s+và\s+)(?=các\s)", regex.IGNORECASE)
_PHRASE_WORD = regex.compile(r"[\s,]*(?:-\s*)?(?P<w>[\p{L}\p{N}&]+(?:\s+[\p{L}\p{N}&]+)?)")
_PHRASE_END = regex.compile(r"[.;:()\n]")


def _coordinated_collective(text: str, after: int | None = None) -> tuple[int, int] | None:
    """Where the collective after "phối hợp (với)" runs when the data knows no body there: up to the verb of
    the task (a verb right after a noun of the list names it: "các tổ chức chi trả dịch vụ", "các cơ quan,
    tổ chức có liên quan"), an adverb before the verb, a stop word of a role list or a punctuation mark.
    With ``after`` (the end of the named partners), the collective that goes on with their list.

    >>> t = "Chủ trì, phối hợp với các cơ quan, địa phương đánh giá nguyên nhân ngập lụt"
    >>> s, e = _coordinated_collective(t); t[s:e]
    'các cơ quan, địa phương'
    >>> t = "Phối hợp với các viện nghiên cứu để phát triển công nghệ mới"
    >>> s, e = _coordinated_collective(t); t[s:e]
    'các viện nghiên cứu'
    >>> t = "Phối hợp với cơ quan thanh tra khẩn trương hoàn thành việc rà soát"
    >>> s, e = _coordinated_collective(t); t[s:e]
    'cơ quan thanh tra'
    >>> t = "Phối hợp cơ quan báo chí tuyên truyền"
    >>> s, e = _coordinated_collective(t); t[s:e]
    'cơ quan báo chí'
    >>> _coordinated_collective("Phối hợp tổ chức các hoạt động kỷ niệm") is None
    True
    >>> t = "phối hợp với Sở Công Thương và các doanh nghiệp logistics triển khai"
    >>> s, e = _coordinated_collective(t, 27); t[s:e]
    'các doanh nghiệp logistics'
    """
    lex = action_words()
    if after is None:
        m = _collective_after_coord().search(text)
        if m is None:
            return None
    else:
        m = _collective_after_list().match(text, after)
        if m is None:
            return None
    plural = regex.match(r"(?:các|những)\s", m.group("p"), regex.IGNORECASE) is not None
    if (m.group("v") is None if after is None else not plural):
        # without "với" (or "các" in a list) the noun must not be a verb ("phối hợp tổ chức …", "phối hợp ban hành …",
        # "…, các đơn vị có liên quan tổ chức khảo sát")
        two = _PHRASE_WORD.match(text, m.start("p"))
        head = regex.sub(r"^(?:các|những)\s+", "", two.group("w"), flags=regex.IGNORECASE) if two else ""
        nxt = _PHRASE_WORD.match(text, m.end("p"))
        keys = {fold_tones(head.split()[0]).lower() if head else "", fold_tones(head).lower(),
                fold_tones(m.group("p").split()[-1] + " " + (nxt.group("w").split()[0] if nxt else "")).lower()}
        if keys & set(lex["verbs"]):
            return None
    stop = _any(task_words()["role_stop"])
    limit = (p.start() if (p := _PHRASE_END.search(text, m.end("p"))) is not None else len(text))
    # a verb right after the noun names the collective ("các tổ chức chi trả dịch vụ", "với cơ quan thanh tra") only
    # after "các" or "với", and not when a new object follows it ("chủ đầu tư thực hiện các …")
    end, pos, first = m.end("p"), m.end("p"), plural or (after is None and m.group("v") is not None)
    while pos < limit and (w := _PHRASE_WORD.match(text, pos, limit)) is not None:
        one, two, start = w.group("w").split()[0], w.group("w"), w.start("w")
        if one.lower() == "và" and not _starts_collective().match(text, start + len(one)):
            break  # "cơ quan báo chí và hệ thống truyền thông": "và" before a non-collective ends the phrase
        keys = (fold_tones(two).lower(), fold_tones(one).lower())
        if any(k in lex["lead_adverbs"] for k in keys):
            break
        is_verb = any(k in lex["verbs"] for k in keys)
        if is_verb and (not first or regex.match(r"\s+(?:các|những|việc|công\s+tác)\s", text[start + len(
                two if keys[0] in lex["verbs"] else one):], regex.IGNORECASE)):
            break
        if (not (is_verb and first) and not text[start:].lower().startswith(("có liên quan", "có thẩm quyền"))
                and (stop.match(text, start) is not None or one.lower() in ("có", "là", "được", "đang", "đã"))):
            break
        end = pos = start + (len(two) if keys[0] in lex["verbs"] else len(one))
        first = False
    if after is not None and not plural and end == m.end("p") and (
            _before_verb(text, end) or regex.match(r"\s*,|\s+được(?![\p{L}])", text[end:end + 10])):
        # "…, đơn vị cung cấp dịch vụ …", "…, đơn vị được lựa chọn …", "…, đơn vị, tổ chức thực hiện …": a bare noun
        # whose name goes on past what the phrase can read is no partner of the list
        return None
    return m.start("p"), end


def _product(text: str, agencies: Callable[[str], list]) -> str | None:
    """The output a task names: "trình ban hành Nghị định …" -> "Nghị định …"; "báo cáo tình hình …" -> "Báo cáo tình hình …"."""
    # (not the title of a document cited right before the verb: "Quyết định số 338/QĐ-TTg … phê duyệt Đề án …")
    m = next((x for x in _res()["product"].finditer(text)
              if not _res()["product_cited_title"].search(text, max(0, x.start() - 160), x.start())), None)
    if not m:
        r = _res()["report_product"].search(text)
        if not r:
            return None
        obj = r["p"]
        stop = _res()["report_product_stop"].search(obj)
        ms = agencies(obj)
        cut = min(stop.start() if stop else len(obj), ms[0].start if ms else len(obj))
        obj = obj[:cut].strip(" ,")
        return f"Báo cáo {obj}" if obj else None
    # the object ends at a purpose, a time or the next clause, after its head ("Tờ trình", "Quy trình" keep theirs)
    head, rest = m["h"], m["p"][len(m["h"]):]
    p = (head + regex.split(r"\s+(?:để|nhằm|trong|trước|theo|trình)\s+|,\s", rest)[0]).strip(" ,")
    return p[:1].upper() + p[1:] if p else None


_REPORTISH = regex.compile(r"(?:báo\s+cáo|gửi|tổng\s+hợp|cập\s+nhật)\W+(?:\w+\W+){0,8}$", regex.IGNORECASE)


def _before_verb(text: str, pos: int) -> bool:
    """Does an action word follow ``pos`` ("đơn vị cung cấp dịch vụ …")?"""
    nxt = regex.match(r"\s+(\w+)(?:\s+(\w+))?", text[pos:pos + 40])
    if nxt is None:
        return False
    verbs = action_words()["verbs"]
    return fold_tones(nxt.group(1)).lower() in verbs or (
        nxt.group(2) is not None and fold_tones(f"{nxt.group(1)} {nxt.group(2)}").lower() in verbs)


def governs_task(text: str, m) -> bool:
    """Is a deadline found in a task's text the task's own deadline?

    A recurrence governs when it opens the task ("Hằng tháng tổng hợp, báo cáo …"), carries a date
    ("trước ngày 25 hằng tháng") or follows a reporting verb; "định kỳ" alone, or "hằng năm"
    qualifying a noun deep inside the text ("kế hoạch công tác hằng năm"), does not.
    """
    if m.kind == "recurring":
        if _res()["recurrence_of_noun"].search(text[max(0, m.start - 30):m.start]):
            return False  # "… ra quyết định hưởng chế độ trợ cấp hàng tháng": a monthly allowance
        # "định kỳ báo cáo …", "Hằng tháng tổng hợp, báo cáo …", "… định kỳ hằng tháng báo cáo kết quả": a reporting cycle
        after = text[m.end:m.end + 40].lower()
        cycle = (bool(regex.match(r"^\W*(?:\w+\W+){0,2}?(?:gửi\s+)?(?:báo\s+cáo|tổng\s+hợp|cập\s+nhật)", after))
                 or bool(_res()["recurrence_exception"].match(after)))
        if not m.rrule:
            return cycle or m.start < 3
        # "bố trí kinh phí hằng năm để thực hiện …": the recurrence closes the action, before its purpose
        return (cycle or m.start < 40 or bool(regex.search(r"\d", m.text)) or bool(_REPORTISH.search(text[max(0, m.start - 80):m.start]))
                or m.end >= len(text.rstrip(" .;")) - 2  # "… xây dựng dự toán kinh phí hằng năm."
                or bool(_res()["purpose_after"].match(after)))
    if m.kind == "ongoing":
        return m.start < 40 or m.end >= len(text.rstrip(" .;")) - 2
    # "Tuyên truyền … trong năm 2025", "từ nay đến năm 2030": when the activity runs, not a deadline
    # (annotation guide, Genres: a time span is a deadline only when the task must be done by then)
    if _noun_year(text, m):
        return False  # "… các chỉ tiêu, kế hoạch năm 2025 đã đặt ra": the plan's year
    if m.kind not in _SPAN_KINDS or _COMPLETION.search(_cue_window(text, m)):
        return True
    # "… hoàn thành Dự án thành phần 1 thuộc Dự án cao tốc Biên Hòa - Vũng Tàu trong năm 2025": what must be finished
    # stands earlier in the clause than the window above reaches
    return (m.kind == "year" and regex.match(r"trong\s", m.text, regex.IGNORECASE) is not None
            and _res()["year_completion"].search(text[max(0, m.start - 300):m.start]) is not None)


_SPAN_KINDS = frozenset({"year", "period", "half_year"})
# what makes a time span a deadline: the task must be done by then. A target for the year ("phấn đấu …
# năm 2025 đạt …", "bảo đảm …") counts in a unit's own text, but a lead-in does not hand it down.
_COMPLETION_CUES = (r"hoàn\s+thành", r"trước", r"chậm\s+nhất", r"xong", r"kết\s+thúc", r"thời\s+hạn",
                    r"thời\s+gian\s+hoàn\s+thành", r"tổ\s+chức\s+thực\s+hiện\s+xong", r"trình", r"ban\s+hành",
                    r"hoàn\s+thiện")
_TARGET_CUES = (r"phấn\s+đấu", r"bảo\s+đảm", r"đảm\s+bảo", r"đạt")
_COMPLETION = regex.compile(r"\b(?:" + "|".join(_COMPLETION_CUES + _TARGET_CUES) + r")\b", regex.IGNORECASE)
_HANDED_DOWN = regex.compile(r"\b(?:" + "|".join(_COMPLETION_CUES) + r")\b", regex.IGNORECASE)


def _cue_window(text: str, m) -> str:
    """The 60 characters before a time span and the span itself, where its completion cue is looked for, with the
    words of which a cue is only a syllable blanked ("quá trình", "chương trình", "trước mắt")."""
    window = text[max(0, m.start - 60):m.start] + " " + m.text
    return _res()["span_cue_compounds"].sub(lambda c: " " * len(c.group()), window)


def _noun_year(text: str, m) -> bool:
    """Is ``m`` a bare "năm N" (no trigger word) that names the year of the plan noun right before it ("mục tiêu
    tăng trưởng năm 2025", "dự toán chi ngân sách nhà nước năm 2020")?"""
    return (m.kind == "year" and regex.match(r"năm\s+\d{4}$", m.text.strip(), regex.IGNORECASE) is not None
            and _res()["year_of_noun"].search(text[max(0, m.start - 60):m.start]) is not None)


_PERIODIC = regex.compile(r"\b(?:định\s+kỳ|hằng\s+năm|hàng\s+năm)\b", regex.IGNORECASE)


def _periodic_date(text: str, d: Deadline, found: list) -> Deadline:
    """A year-less date in a periodic duty ("định kỳ báo cáo … trước ngày 20/11") recurs every year."""
    if d.kind != "date" or regex.search(r"\d{4}", d.text) or not _PERIODIC.search(text) or not d.due:
        return d
    # "định kỳ 6 tháng (trước ngày 15/6) và hằng năm (trước ngày 15/12)": every year-less date is one of its
    # days; one rrule holds them only when they share the day of the month
    days = sorted({(x.month, x.day) for x in (dt.date.fromisoformat(str(m.due)) for m in found
                   if m.kind == "date" and m.due and not regex.search(r"\d{4}", m.text))} | {
                  (dt.date.fromisoformat(d.due).month, dt.date.fromisoformat(d.due).day)})
    rrule = (f"FREQ=YEARLY;BYMONTH={','.join(str(mo) for mo, _ in days)};BYMONTHDAY={days[0][1]}"
             if len({day for _, day in days}) == 1 else None)
    periodic = next((m for m in found if m.kind == "recurring"), None)
    last = next((m for m in reversed(found) if m.kind == "date" and not regex.search(r"\d{4}", m.text)), None)
    text_span = d.text if periodic is None else f"{periodic.text} … {d.text}"
    if len(days) > 1 and last is not None and last.text != d.text:
        text_span = f"{text_span} … {last.text}"
    return Deadline(kind="recurring", due=None, rrule=rrule, text=text_span, span=d.span, origin=d.origin)


def inheritable(m, text: str) -> bool:
    """Deadlines a lead-in or heading passes down: dated ones and clear recurrences, not "các nhiệm vụ
    thường xuyên"; a year or a period only when the items must be done by then ("hoàn thành trong năm
    2025"), not when it says when they run ("Nhiệm vụ trọng tâm năm 2025:")."""
    if m.kind == "ongoing" and _res()["ongoing_heading"].match(text.strip()):
        return True  # "3. Nhiệm vụ thường xuyên" over its items: the heading sorts them by time (guide, "ongoing")
    if m.kind == "ongoing" or (m.kind == "recurring" and not m.rrule):
        return False
    if _res()["lead_in_target"].search(text[max(0, m.start - 60):m.start]):
        return False  # "…, phấn đấu hoàn thành xây dựng trước ngày 30 tháng 11 năm 2025 …, yêu cầu:": the whole's target
    if _noun_year(text, m) or (m.kind == "recurring"
                               and _res()["recurrence_of_noun"].search(text[max(0, m.start - 30):m.start])):
        return False  # "Điều 7. … chế độ trợ cấp hàng tháng": the allowance's rhythm, not the items'
    return m.kind not in _SPAN_KINDS or bool(_HANDED_DOWN.search(_cue_window(text, m)))


def is_lead_in(text: str) -> bool:
    return _occurs("lead_in", fold_tones(text))


def is_non_task(text: str) -> bool:
    folded = fold_tones(text)
    return (_occurs("non_task_text", folded) or _res()["amending_instruction"].match(folded) is not None
            or is_closing_request(text))


def amended_wording(text: str) -> int | None:
    """Where the wording an amending instruction quotes starts in ``text`` (past its opening quote mark and the
    amended unit's number), else None: that wording is the amended text's own, read as any other.

    >>> t = "Sửa đổi, bổ sung khoản 1 Điều 3 như sau: “1. Trong thời hạn 05 ngày làm việc, Bộ Công Thương có văn bản …”"
    >>> t[amended_wording(t):][:30]
    'Trong thời hạn 05 ngày làm việ'
    >>> amended_wording("Bộ Công Thương sửa đổi quy định như sau: …") is None
    True
    """
    m = _res()["amending_instruction"].match(fold_tones(text))
    if m is None:
        return None
    opening = _AMENDED_OPENING.match(text, m.end())
    return opening.end() if opening else m.end()


def is_closing_request(text: str) -> bool:
    """The closing request that adds no action of its own (``task_words.yaml``'s ``closing_requests``).

    >>> is_closing_request("Sở Giáo dục và Đào tạo đề nghị Thủ trưởng các đơn vị nghiêm túc thực hiện./.")
    True
    >>> is_closing_request("Đề nghị các đơn vị nghiêm túc thực hiện chế độ báo cáo định kỳ.")
    False
    """
    return _occurs("closing_requests", fold_tones(text))


def is_content_lead_in(text: str) -> bool:
    """A lead-in whose items are contents, not duties.

    >>> is_content_lead_in("Quỹ phát triển dữ liệu quốc gia hoạt động theo nguyên tắc sau đây:")
    True
    >>> is_content_lead_in("Ủy ban nhân dân cấp tỉnh có trách nhiệm công khai các thông tin sau đây:")
    False
    """
    folded = fold_tones(text)
    return _occurs("content_lead_in", folded) and not _occurs("exception_tail", folded)


def is_part_list(text: str) -> bool:
    """A lead-in whose items are the parts of a record, a body or a check.

    >>> is_part_list("Hồ sơ gửi Bộ Tư pháp xem xét, đánh giá, gồm:")
    True
    >>> is_part_list("Sở Tài chính thực hiện các nhiệm vụ gồm:")
    False
    """
    return _occurs("part_list_lead_in", fold_tones(text))


_LAST_SENTENCE = regex.compile(r"(?<=\.)\s+(?=\p{Lu})")


def part_list_tail(text: str) -> bool:
    """A unit that does something and then lists the parts of it: its last sentence is a list of parts.

    >>> part_list_tail("Bộ Xây dựng tổ chức kiểm tra định kỳ hằng năm hoạt động của Quỹ. Nội dung kiểm tra bao gồm:")
    True
    >>> part_list_tail("Nội dung kiểm tra bao gồm:")
    False
    >>> part_list_tail("Quyết định cho thuê đất thu tiền thuê đất hằng năm cho các tổ chức, trừ các trường hợp sau đây:")
    True
    """
    if _occurs("exception_tail", fold_tones(text)):
        return True  # an action and the cases it leaves out: the cases are no tasks, the action is one
    parts = _LAST_SENTENCE.split(text.strip())
    return len(parts) > 1 and is_part_list(parts[-1])


def non_task_heading(text: str | None) -> bool:
    return bool(text) and bool(_res()["non_task_heading"].match(fold_tones(text.strip()).lower()))


def is_procedure_record(node: Node) -> bool:
    """A unit whose sub-units are the parts of an administrative procedure's record (two or more of
    "Trình tự thực hiện", "Cách thức thực hiện", "Thành phần, số lượng hồ sơ", "Thời hạn giải quyết" …):
    it describes standing steps, it assigns nothing.

    >>> from vbpl_extract import extract_text
    >>> record = "1. Cấp giấy phép\\n1.1. Trình tự thực hiện\\n- Bước 1: Sở Xây dựng tiếp nhận hồ sơ.\\n"
    >>> record += "1.2. Thời hạn giải quyết: 10 ngày làm việc.\\n"
    >>> graph = extract_text(record + "2. Sở Tài chính chủ trì tổng hợp kinh phí.")
    >>> [t.text for t in graph.tasks]
    ['Sở Tài chính chủ trì tổng hợp kinh phí.']
    """
    pattern = _res()["procedure_field"]
    fields = 0
    for child in node.children:
        label = (child.heading or child.text or "")[:120]
        if label and pattern.match(fold_tones(label.strip()).lower()):
            fields += 1
            if fields >= 2:
                return True
    return False


def is_step_table(table: Node) -> bool:
    """A table whose rows open with the steps of a procedure ("Bước 1", "Bước 2" …; or whose header
    says "Bước thực hiện"): the step table of an internal procedure, standing steps, not assignments.

    >>> from vbpl_extract import extract_text
    >>> rows = "| Bước | Nội dung công việc | Đơn vị thực hiện | Thời gian |\\n|---|---|---|---|\\n"
    >>> rows += "| Bước 1 | Tiếp nhận hồ sơ | Sở Nội vụ | 01 ngày |\\n| Bước 2 | Thẩm định hồ sơ | Sở Nội vụ | 05 ngày |"
    >>> extract_text(rows).tasks
    []
    """
    step = _res()["procedure_step"]

    def opens_with_step(cells: list[str] | None) -> bool:
        return any(step.match(fold_tones(c.strip()).lower()) for c in (cells or [])[:2] if c)

    if opens_with_step([h or "" for h in (table.header or [])]):
        return True
    steps = 0
    for child in table.children:
        for row in child.children if child.kind == "group" else [child]:
            if row.kind == "row" and opens_with_step(row.cells):
                steps += 1
                if steps >= 2:
                    return True
    return False


# --------------------------------------------------------------------------- the walk


@dataclass
class Context:
    lead: list[AgencyRef] = field(default_factory=list)
    lead_origin: str | None = None
    deadline: Deadline | None = None
    heading: str | None = None
    in_task_area: bool = True
    contents: bool = False  # the paragraph before said its items are contents ("… nguyên tắc sau đây:")
    parts: bool = False  # the paragraph before said its items are parts ("Hồ sơ … gồm:")
    # the coordinators a lead-in gives its lead ("Bộ Tài chính chủ trì, phối hợp với các Bộ, cơ quan liên quan:"),
    # kept with that very lead list: a heading that names another actor drops them
    lead_coordinators: tuple[list[AgencyRef], list[AgencyRef]] | None = None
    # the items of a head whose action they complete ("Thực hiện nghiêm túc các nội dung sau: (i) về nghĩa vụ tài chính
    # …"): an item is a task with no verb of its own
    objects_of_head: bool = False


# the quote mark that opens an amended wording and the number of the unit it amends: " “1. ", " “b) ", " "a. "
_AMENDED_OPENING = regex.compile(r"\s*[“\"'‘]?\s*(?:(?:\d{1,3}[a-zđ]?|[a-zđ])[.)]\s+)?")
def _bullet_title(text: str) -> str | None:
    """``text`` as the title of the bullets under it: no closing punctuation and no colon, or one sentence closed by a
    full stop (the stop dropped); else None.

    >>> _bullet_title("1. Tăng cường công tác lãnh đạo, chỉ đạo về bảo hiểm y tế.".split(" ", 1)[1])
    'Tăng cường công tác lãnh đạo, chỉ đạo về bảo hiểm y tế'
    >>> _bullet_title("Các sở, ngành thực hiện các nội dung sau:") is None
    True
    """
    if _CLOSING_STOP.search(text) and not _SENTENCE_GAP.search(text):
        text = text[:-1].rstrip()  # one sentence closed by a full stop over its bullets is still their title
    return None if _SENTENCE_END.search(text) or ":" in text else text


_EFFECT_CLAUSE = regex.compile(r"\bcó\s+hiệu\s+lực\b", regex.IGNORECASE)
# what a heading that hands its clauses to a body says after its name: "… thực hiện một số nhiệm vụ, quyền hạn sau"
_HEADING_DUTIES = regex.compile(r"\s*(?:thực\s+hiện\s+)?(?:một\s+số\s+|các\s+)?(?:nhiệm\s+vụ|quyền\s+hạn|nội\s+dung)"
                                r"(?:\s*(?:,|và)\s*(?:nhiệm\s+vụ|quyền\s+hạn))*(?:\s+(?:như\s+)?sau(?:\s+đây)?)?\s*[:.]?\s*",
                                regex.IGNORECASE)
_SENTENCE_GAP = regex.compile(r"[.;]\s+\S")
_SENTENCE_START = regex.compile(r"(?<=[\p{Ll}\d)”\"]\.)\s+(?=\p{Lu})")
_SENTENCE_SPLIT = regex.compile(r"(?<=[.;])\s+(?=\S)")
_LOWER_AFTER = regex.compile(r"\s*(?:\([^)]{0,80}\)\s*)?\p{Ll}")
_BULLET = regex.compile(r"^[-+•*]\s*")
_SCOPE_BRACKETS = regex.compile(r"\([^()]*\)")
# an action that opens, capitalised, right after the actor ("… Sở Nông nghiệp và Môi trường Khẩn trương …"), and
# the layout that puts them apart: a line break, a table cell or the end of a bold actor
_CAPITAL_NEXT = regex.compile(r"\s+(?=\p{Lu}\p{Ll})")
_LINE_GAP = regex.compile(r"\n|\||\*\*")
_EMPTY_LINE = regex.compile(r"\n[ \t]*\n")
# what may follow the actor of a heading that only names it: nothing, or its role in apposition
_ACTOR_LABEL_REST = regex.compile(r"\s*(?:[,(–-]\s*(?:là\s+)?(?:cơ\s+quan|đơn\s+vị)\s[^:;.]{0,80})?\)?\s*:\s*", regex.IGNORECASE)


# "Đề nghị Công ty Điện lực Đắk Lắk: Khẩn trương …", "Các doanh nghiệp viễn thông (VNPT, Viettel …): Bảo đảm …"
_LABEL_ACTOR = regex.compile(r"^\s*(?:(?:đề\s+nghị|giao|yêu\s+cầu)\s+)?(?P<name>[^:;.()\n]{3,140}?)\s*(?:\([^()]{0,120}\))?"
                             r"\s*:\s*(?P<rest>\S)", regex.IGNORECASE)

_DUTY_HEADING_WORDS = 32
_OPENING_CHARS = 3000  # how far into a document its opening (title, who met whom) reaches
# ", " and a capitalised word right after a collective in a duty heading: the next body of its list
_NEXT_LISTED_BODY = regex.compile(r"\s*[,;]\s*(?:và\s+)?(?=\p{Lu})")
"""The most words of a state body a heading "Trách nhiệm của …" names (14 for any other body)."""


class TaskExtractor:
    """Walks the annotated tree and collects tasks; ``mentions`` answers for parts of a node's text."""

    def __init__(self, source: str, mentions: Mentions, addressees: list[AgencyRef] | None = None,
                 issuer: AgencyRef | None = None, doc_type: str | None = None) -> None:
        self.source = source
        self.doc_type = doc_type
        self.mentions = mentions
        self.issue_date = mentions.issue_date
        self.addressees = addressees or []
        self.issuer = issuer
        self.tasks: list[Task] = []
        self._ids: set[str] = set()
        self._last_table_header: list[str] | None = None  # the header of the last task table read
        self.addressees_act = True  # the "Kính gửi" addressees are the actors of instructions that name nobody
        self.letter_end: int | None = None  # source offset of the closing block: an annex follows it
        self.reference_appendices: set[str] = set()  # appendices the body sends for reference ("*": all)
        self.letter = False  # a Công văn (or a text of unknown type): any verb-led unit instructs its addressees
        self._parents: dict[int, Node] = {}  # id(node) -> the node it is a child of, filled by run()

    # helpers ------------------------------------------------------------
    def frag(self, node: Node) -> Fragment:
        """The node's text with its offset map (the structure stage's; a bare one for hand-made nodes)."""
        if node.fragment is not None:
            return node.fragment
        return Fragment(node.text, [0] * len(node.text), [0] * len(node.text))

    def _new_id(self, base: str) -> str:
        return unique(f"task__{base}", self._ids)

    def _is_issuer(self, mentions: list) -> bool:
        """Every mention names the issuing body (or its head: "Chủ tịch Ủy ban nhân dân thành phố Cần Thơ")."""
        if self.issuer is None or not mentions:
            return False
        key = fold_tones(self.issuer.name).casefold()
        return all((m.id and m.id == self.issuer.id) or fold_tones(m.name).casefold() == key for m in mentions)

    def _lead_in_actors(self, text: str, mentions: list, subj: list, subj_end: int) -> list | None:
        """Who a lead-in hands its duty to, given the subject it opens with; ``None`` when nobody.

        "Chủ tịch Ủy ban nhân dân thành phố yêu cầu Giám đốc các sở … thực hiện các nhiệm vụ sau:" -> the
        ones asked; "Cục Thuế có ý kiến như sau:" or "Ủy ban nhân dân tỉnh ban hành Kế hoạch … như sau:"
        -> a speaker, nobody; "Các bộ, ngành cần tập trung …" -> the subject.
        """
        after = _res()["assign_after"].match(text[subj_end:])
        if after:
            start = subj_end + after.end()
            objs, _ = subject_mentions(text[start:], [_shift(m, -start) for m in mentions if m.start >= start])
            return [_shift(m, start) for m in objs] or None
        if (giao := _GIAO_LATER.search(text, subj_end)) is not None:
            # "Chính phủ cơ bản thống nhất …. Giao Bộ Công an chủ trì, …, bảo đảm một số yêu cầu sau:"
            start = giao.end()
            objs, _ = subject_mentions(text[start:], [_shift(m, -start) for m in mentions if m.start >= start])
            if objs:
                return [_shift(m, start) for m in objs]
        if _res()["speaker"].match(text[subj_end:]):
            return None
        if (self._is_issuer(subj) and not regex.search(r"\b(?:cần|phải|có\s+trách\s+nhiệm)\b", text[subj_end:], regex.IGNORECASE)
                and not _ACTOR_LABEL_REST.fullmatch(text[subj_end:])):
            # the issuer does not assign duties to itself: its items name their actors; but a heading that
            # only names it ("a) Bộ Nội vụ, cơ quan chủ trì triển khai Đề án:" under "Trách nhiệm thực hiện")
            # hands it the items below
            return None
        return subj

    def _asked_group(self, f: Fragment, start: int, node: Node) -> list[AgencyRef]:
        """Those a lead-in asks after ``start`` when no name there is the data's: a collective as written ("các
        doanh nghiệp:" -> "Các doanh nghiệp"), or the bodies a back-reference stands for when the document listed
        them before (annotation guide, rule 7: "đơn vị nêu trên" after "các đơn vị: Công ty A (…); Công ty B (…)").

        >>> src = ("1. Qua kiểm tra các đơn vị: Công ty cổ phần Xây dựng giao thông Yên Bái (Gói thầu số 13); Công ty "
        ...        "TNHH Hiệp Phú (Gói thầu số 15) cho thấy các đơn vị đã chấp hành tốt.\\n2. Sở Công Thương yêu cầu đơn vị nêu "
        ...        "trên thực hiện một số nội dung sau:")
        >>> from vbpl_extract.clean import clean_span
        >>> at = src.index("2. Sở")
        >>> f = clean_span(src, at, len(src))
        >>> finder = TaskExtractor.__new__(TaskExtractor); finder.source = src
        >>> [a.name for a in finder._asked_group(f, f.text.index("đơn vị nêu"), None)]
        ['Công ty cổ phần Xây dựng giao thông Yên Bái', 'Công ty TNHH Hiệp Phú']
        """
        text = f.text
        end = len(text.rstrip())
        duties = _res()["asked_duties"].search(text, start)
        stop = duties.start() if duties else end - 1 if text[:end].endswith(":") else end
        name = text[start:stop].strip(" ,")
        if not name or len(name.split()) > 10:
            return []
        if _res()["unit_back_reference"].match(name):
            at = f.to_source(start, start + 1)[0]
            listed = self._listed_units(at)
            if listed:
                return listed
        elif not regex.match(rf"(?:các|những)\s+(?i:{_collective_nouns()})(?![\p{{L}}])", name, regex.IGNORECASE | regex.V1):
            return []
        written = display_name(name[:1].upper() + name[1:])
        return [AgencyRef(id=f"unknown:{slugify(written)}", name=written, text=name, span=f.to_source(start, start + len(name)),
                          kind="collective", known=False, origin="asked in lead-in")]

    def _listed_units(self, before: int) -> list[AgencyRef]:
        """The bodies of the last "các đơn vị: A (…); B (…); C (…)" list before ``before`` in the source, each named
        as written up to its bracket (companies, cooperatives, branches)."""
        last = None
        for m in _res()["listed_units"].finditer(self.source, max(0, before - 4000), before):
            last = m
        if last is None:
            return []
        out: list[AgencyRef] = []
        pos = last.end()
        limit = min(before, pos + 2000)
        for part in regex.split(r";", self.source[pos:limit]):
            seg_start = pos
            pos += len(part) + 1
            stripped = part.lstrip()
            seg_start += len(part) - len(stripped)
            if not _res()["listed_unit_head"].match(stripped):
                break
            name = regex.split(r"\s*\(|\s+(?:cho\s+thấy|đã|đều)\s|[.:\n]\s*\n", stripped, maxsplit=1)[0]
            name = " ".join(name.split()).strip(" ,")
            if not name or len(name.split()) > 14:
                break
            out.append(AgencyRef(id=f"unknown:{slugify(name)}", name=name, text=name, span=(seg_start, seg_start + len(name)),
                                 kind="body", known=False, origin="group named by reference"))
            if regex.search(r"\)\s+(?:cho\s+thấy|đã|đều)\s|[.]\s", part):
                break
        return out if len(out) >= 2 else []

    def _role_lead_in(self, f: Fragment) -> list[AgencyRef]:
        """The roles a lead-in names before its verb when it hands out the items below ("…, chủ đầu tư hoặc đơn vị giám
        sát, kiểm tra tổ chức thực hiện kiểm tra theo các nội dung sau:"): each role as written, "hoặc"/"và" apart."""
        m = _role_lead_in_re().search(f.text)
        if m is None:
            return []
        refs = []
        for part in regex.split(r"\s+(?:hoặc|và)\s+", m["roles"]):
            at = f.text.index(part, m.start("roles"))
            name = part[:1].upper() + part[1:]
            refs.append(self._named_body(name, part, f.to_source(at, at + len(part)), "role", "role named in a lead-in"))
        return refs

    def _heading_actor(self, node: Node, f: Fragment, *, duty_scope: bool = False) -> list[AgencyRef]:
        """A short heading over sub-items that names a body the data does not know ("7. Báo và Phát thanh,
        Truyền hình thành phố"): that body, as written, ``known: false``. Under an article on duties (``duty_scope``:
        "Điều 18. Trách nhiệm trong quản lý an toàn …") a clause naming its actors may run longer: "1. Chủ đầu tư, tổ
        chức, đơn vị điều tra, khảo sát, rà phá bom mìn vật nổ" over its points (94/VBHN-BQP)."""
        text = f.text.strip()
        if node.children and _CLOSING_STOP.search(text):
            # "4. Các cơ quan, tổ chức, đơn vị còn lại." over "a) Cập nhật kịp thời dữ liệu …" (82/2025/QĐ-UBND): a
            # full stop closing a heading over its points ends no sentence
            text = text[:-1].rstrip()
        colon = text.endswith(":")
        text = _without_aside(node, text)
        # "6. Đề nghị các tổ chức cung cấp dịch vụ chi trả" over its points: the body asked
        off = ask.end() if (ask := _ASKED_HEAD.match(text)) is not None else 0
        # "9.2. Đối với các đơn vị thực hiện dịch vụ, thu gom, vận chuyển, xử lý chất thải rắn sinh hoạt:" over its
        # bullets (a Hà Nội letter on air quality): the group the items are for does them, named however long
        scope = _res()["scoped_heading"].match(text) if colon else None
        scope = scope or _res()["rules_for_heading"].match(text)
        scoped = off == 0 and scope is not None
        if scoped:
            off = scope.end()
        # "1. Thủ trưởng các cơ quan tham mưu, quản lý nhà nước thuộc Bộ" (6316/BVHTTDL-VP): the holder stands for the
        # bodies he heads (guide rule 5)
        if (held := office_title_end(text[off:])) and text[off + held:].lstrip()[:4].lower() == "các ":
            off += held + len(text[off + held:]) - len(text[off + held:].lstrip())
        body = text[off:off + 1].upper() + text[off + 1:]
        # a heading that ends in its duty ("12. Các tổ chức, cá nhân và hộ gia đình khai thác sử dụng tài nguyên
        # nước dưới đất trên địa bàn có trách nhiệm") names its actor however long, over a wrapped line
        duty = _res()["actor_tail"].search(body) is not None
        bold = self._bold_heading(node, text)
        longest = _BOLD_HEADING_WORDS if bold else 32 if scoped else 24 if duty or duty_scope else 14
        if not (_heading_like(text) or bold or ((duty or scoped or duty_scope) and _words_upto(text, longest + 6) <= longest + 5
                                                and not _SENTENCE_END.search(text))) or not _res()["actor_head"].match(body):
            return []
        name = _res()["actor_tail"].sub("", body).strip(" :;,.")
        if not name or len(name.split()) > longest or lexicon_action(name.split()[:1]) is not None:
            return []
        if not duty and off == 0 and self._among_topic_headings(node):
            return []
        named = Fragment(name, f.starts[off:off + len(name)], f.ends[off:off + len(name)])
        parts = self.mentions.split_agencies(name)
        if len(parts) > 1 and parts[0].start == 0 and all(
                regex.fullmatch(r"\s*(?:,|;|và|,\s*và)\s*", name[a.end:b.start]) for a, b in pairwise(parts)) and all(
                p.known or _res()["actor_head"].match(p.text) or p.text[:1].islower() for p in parts):
            # each part names a body: not "Báo và Phát thanh, Truyền hình thành phố" (one body)
            # "Các sở ngành liên quan, Viện Nghiên cứu phát triển Thành phố": one body each
            return [agency_ref(m, named, "actor heading") for m in parts]
        if (lone := _lone_role_first(name)) is not None:
            # "Chủ đầu tư, tổ chức, đơn vị điều tra, khảo sát, rà phá bom mìn vật nổ" (94/VBHN-BQP): a role of its own
            # ("Chủ đầu tư"), then the units the rest of the name qualifies
            k = lone
            rest = name[k:].lstrip(" ,")
            first, second = name[:k].rstrip(" ,"), rest[:1].upper() + rest[1:]
            at = off + len(name) - len(rest)
            return [AgencyRef(id=f"unknown:{slugify(n)}", name=display_name(n), text=t, span=sp, kind="role", known=False,
                              origin="actor heading")
                    for n, t, sp in ((first, first, f.to_source(off, off + len(first)) if f.text else None),
                                     (second, rest, f.to_source(at, at + len(rest)) if f.text else None))]
        kind = "collective" if name.startswith(("Các ", "các ")) else "body"
        span = f.to_source(off, off + len(name)) if f.text else None
        # abbreviations spelled out as in every name found by pattern ("… trong KCN" -> "… trong Khu công nghiệp")
        written, name = name, display_name(" ".join(name.split()))
        return [AgencyRef(id=f"unknown:{slugify(name)}", name=name, text=f.text.strip()[off:off + len(written)], span=span,
                          kind=kind, known=False, origin="actor heading")]

    def _bold_heading(self, node: Node, text: str) -> bool:
        """Is ``node`` a heading naming its actor set wholly in bold over its sub-items, however long: "**7. Các
        doanh nghiệp hoạt động trong lĩnh vực xây dựng, giao thông, vận tải, logistics và công nghệ thông tin trên
        địa bàn Tỉnh**" over its bullets (597/KH-UBND)? No closing punctuation, no colon, one paragraph, and its
        sub-items are its duties, with no actor of their own and no items under them: "**1. Ban Chỉ đạo các cấp được
        thành lập thống nhất từ Trung ương đến địa phương**" over "Chính phủ đã thành lập Ban Chỉ đạo …" is a finding
        of a report (402-CV/VPĐU)."""
        if not (node.children and "\n" not in text and _words_upto(text, _BOLD_HEADING_WORDS + 1) <= _BOLD_HEADING_WORDS
                and bold_actor_heading(self.source, text, node.text_span)):
            return False
        for child in node.children:
            own = self.frag(child).text
            if child.children or subject_mentions(own, self.mentions.agencies(own))[0]:
                return False  # "Chính phủ đã thành lập Ban Chỉ đạo …": the sub-item names its own actor
        return True

    def _among_topic_headings(self, node: Node) -> bool:
        """Is ``node`` one of a run of sibling headings over sub-items that all name topics, not actors? Then it
        names a topic too: "i) Doanh nghiệp số" beside "a) Thể chế", "b) Hạ tầng số", "d) Dữ liệu số" (179/KH-UBND,
        the pillars of a digital transformation plan), not a body called "Doanh nghiệp số"."""
        parent = self._parents.get(id(node))
        if parent is None:
            return False
        others = [c for c in parent.children if c is not node and c.kind == node.kind and c.children]
        if len(others) < 2:
            return False
        for other in others:
            text = (other.text or other.heading or "").strip()
            if not text or not _heading_like(text) or _res()["actor_tail"].search(text) is not None:
                return False
            found = self.mentions.agencies(text)
            if (found and found[0].start == 0) or _res()["actor_head"].match(text[:1].upper() + text[1:]):
                return False
        return True

    @cached_property
    def place(self) -> tuple[str, str] | None:
        """The province or city the document is about: the issuer's, else the one it names most
        ("tỉnh Điện Biên" in a conclusions notice of the Government Office). Read once per document."""
        found: dict[tuple[str, str], int] = {}
        names = ([self.issuer.name] if self.issuer is not None else []) + [self.source[:200_000]]
        for i, text in enumerate(names):
            for m in _PLACE.finditer(text):
                key = (m["level"].lower(), m["place"])
                found[key] = found.get(key, 0) + (10_000 if i == 0 else 1)
        return max(found, key=found.__getitem__) if found else None

    def _named_body(self, name: str, text: str, span: tuple[int, int] | None, kind: str, origin: str) -> AgencyRef:
        """A body named by words the unit builds ("Ủy ban nhân dân tỉnh Sơn La"): the data's entry when it knows the
        name, else that name as a body found by pattern (``known: false``) of ``kind``."""
        entry = self.mentions.lookup_agency(name)
        return AgencyRef(id=entry.id if entry else f"unknown:{slugify(name)}", name=entry.name if entry else name,
                         text=text, span=span, kind=entry.kind if entry else kind, known=entry is not None, origin=origin)

    @cached_property
    def counterpart(self) -> AgencyRef | None:
        """The People's Committee of the province a conclusions notice's meeting worked with ("… chủ trì buổi làm việc
        với lãnh đạo tỉnh Sơn La …", 655/TB-VPCP), the actor of its items that name no one; None in other documents."""
        if self.doc_type not in task_words()["counterpart_types"]:
            return None
        m = _res()["counterpart_meeting"].search(self.source[:_OPENING_CHARS])
        if m is None:
            return None
        name = f"Ủy ban nhân dân {' '.join(m['level'].lower().split())} {' '.join(m['place'].split())}"
        return self._named_body(name, self.source[m.start("level"):m.end("place")], (m.start("level"), m.end("place")),
                                "province", "counterpart of the meeting")

    def _place_actor(self, text: str, f: Fragment) -> list[AgencyRef]:
        """"Tỉnh căn cứ các quy định …", "Thành phố chủ động …": the place stands for its People's Committee;
        "Cấp ủy, chính quyền Thành phố phải …" (641/TB-VPCP) for its Party committee and its People's Committee
        (guide, Genres)."""
        if (both := _PARTY_AND_STATE_SUBJECT.match(text)) is not None and self.place is not None and (
                " ".join(both["level"].lower().split()) == self.place[0]):
            shift = len(f.text) - len(text) if f.text.endswith(text) else 0  # a topic cut off before ``text``
            span = f.to_source(shift + both.start("who"), shift + both.end("level")) if f.text else None
            party = "Thành ủy" if self.place[0] == "thành phố" else "Tỉnh ủy"
            return [self._named_body(name, text[both.start("who"):both.end("level")], span, "province",
                                     "place's Party committee and government named as actor")
                    for name in (f"{party} {self.place[1]}", f"Ủy ban nhân dân {self.place[0]} {self.place[1]}")]
        m = _PLACE_SUBJECT.match(text)
        if m is None or self.place is None or m["level"].lower() != self.place[0]:
            return []
        span = f.to_source(m.start("level"), m.end("level")) if f.text else None
        return [self._named_body(f"Ủy ban nhân dân {self.place[0]} {self.place[1]}", m["level"], span, "province",
                                 "place named as actor")]

    def _assigns(self, text: str) -> bool:
        """False for a unit that states rather than assigns: "Sở Tư pháp có chức năng tham mưu …", "Văn phòng
        Bộ là tổ chức thuộc Bộ …", or a count with no verb ("Ban Chỉ đạo bầu cử của tỉnh: Không quá 05 cá
        nhân;", "Bộ Tài chính 38 Văn bản;")."""
        subj, end = subject_mentions(text, self.mentions.agencies(text))
        rest = text[end:] if subj else text
        if subj and _res()["function"].match(rest):
            return False
        words = [w.group().lower() for w in islice(_WORD.finditer(rest), 11)]
        if len(words) <= 10 and any(w.isdigit() for w in words):
            verbs = action_words()["verbs"]
            keys = [fold_tones(w) for w in words]
            return any(k in verbs or f"{k} {k2}" in verbs for k, k2 in zip(keys, [*keys[1:], ""], strict=True))
        return True

    def _after_non_task_sentence(self, node: Node, path: list[Node], ctx: Context) -> None:
        """The sentences after a unit's first that is no task (an effect clause), when they name who acts: "Điều 4.
        Quyết định này có hiệu lực kể từ ngày ký. / Đề nghị Ủy ban Kiểm tra Tỉnh ủy, … phối hợp kiểm tra, giám sát …
        Thanh tra tỉnh, Công an tỉnh … tham mưu …" (2390/QĐ-UBND Lào Cai): each such sentence is a task."""
        f = self.frag(node)
        first = _SENTENCE_SPLIT.search(f.text)
        if (first is None or _EFFECT_CLAUSE.search(f.text[:first.start()]) is None or "“" in f.text
                or not is_non_task(f.text[:first.start()])):
            return  # only after an effect clause; never inside an amending text's quoted wording
        for s, e in _clauses(f.text, self.mentions.agencies):
            if s < first.end() - 1:
                continue
            sub = Fragment(f.text[s:e].rstrip(), f.starts[s:e], f.ends[s:e])
            if not sub.text.strip() or is_non_task(sub.text):
                continue
            mentions = self.mentions.agencies(sub.text)
            subj, _ = subject_mentions(sub.text, mentions)
            assign = _res()["assign_any"].match(sub.text.lstrip())
            if subj or (assign is not None and any(m.start >= assign.end() for m in mentions)):
                self._make_task(node, path, ctx, frag=sub, text=sub.text, id_base=f"{node.id}__s{s}")

    def _inline_items(self, text: str) -> list:
        """The marks of items enumerated inside one unit that are its tasks, else [].

        Roman marks ("Giao Đảng ủy Chính phủ: (i) Chỉ đạo …; (ii) …") when the text before them only names
        the actor; Arabic marks ("Bộ Công an: (1) Tiếp tục …; (2) Tham mưu …", "Khẩn trương xây dựng …: (1)
        Thanh tra Chính phủ ban hành …; (2) Bộ Công an chủ trì …") after a colon, when that text only names
        the actor or when the items name their own actors: each item carries its own action (guide rule 2).
        """
        for pattern, first in ((_INLINE_ENUM, ["i", "ii"]), (_INLINE_NUM, ["1", "2"])):
            marks = list(pattern.finditer(text))
            if len(marks) < 2 or [m["n"] for m in marks[:2]] != first:
                continue
            run = [marks[0]]
            for m in marks[1:]:
                if _item_number(m["n"]) == _item_number(run[-1]["n"]) + 1:
                    run.append(m)  # "(2)" after "(1)"; a later "(1)" of a list inside an item stays in it
            marks = run
            head = text[:marks[0].start()]
            if first == ["i", "ii"] and self._only_introduces(head):
                return marks
            if first == ["1", "2"] and head.rstrip().endswith(":"):
                subj, end = subject_mentions(head, self.mentions.agencies(head))
                if subj and _ACTOR_LABEL_REST.fullmatch(head[end:]):
                    return marks  # "Bộ Công an: (1) …; (2) …"
                segs = [text[m.end():marks[k + 1].start() if k + 1 < len(marks) else len(text)]
                        for k, m in enumerate(marks)]
                own = sum(bool((subj := subject_mentions(seg, self.mentions.agencies(seg))[0]) and subj[0].start <= 3)
                          for seg in segs)
                if own >= 2 and 2 * own >= len(segs):
                    return marks
        return []

    def _only_introduces(self, head: str) -> bool:
        """Is the text before "(i)" only an actor and an assignment ("Giao Đảng ủy Chính phủ:", "Bộ Công Thương
        chủ trì, phối hợp với …, cụ thể:"), not an action of its own ("Sửa đổi quy định pháp luật …: (i) …")?"""
        if ";" not in head and "(" not in head and is_lead_in(head):
            return True  # "Để làm tốt các nhiệm vụ sắp tới, đề nghị: (i) …" (653/TB-VPCP): a lead-in, in one clause
        subj, end = subject_mentions(head, self.mentions.agencies(head))
        rest = head[end:] if subj else _res()["assign"].sub("", head.lstrip(), count=1)
        return bool(_res()["enumeration_assign_only"].fullmatch(rest) or _res()["enumeration_announced"].search(rest))

    def _lead_in_place(self, f: Fragment) -> list[AgencyRef]:
        """A lead-in whose actor is a place: "…, tỉnh Đắk Lắk cần tập trung …" -> its People's Committee."""
        m = _PLACE_LEAD.search(f.text)
        if m is None:
            return []
        level = " ".join(m["level"].lower().split())
        place = m["place"] or (self.place[1] if self.place and self.place[0] == level else None)
        if not place:
            return []
        span = f.to_source(m.start("level"), m.end()) if f.text else None
        return [self._named_body(f"Ủy ban nhân dân {level} {place}", f.text[m.start("level"):m.end()].strip(), span,
                                 "province", "place named as actor")]

    def _role_actor(self, f: Fragment) -> list[AgencyRef]:
        """The bodies a unit names by their role before a duty ("Chủ đầu tư chịu trách nhiệm …"), as written
        (a name the data knows in its own form: "Ủy ban nhân dân cấp xã")."""
        refs = []
        for start, end in role_subject(f.text):
            phrase = f.text[start:end]
            name = phrase[:1].upper() + phrase[1:]
            kind = "collective" if name.startswith(("Các ", "Mọi ")) else "role"
            refs.append(self._named_body(name, phrase, f.to_source(start, end), kind, "role named as subject"))
        return refs

    def _defined_collective(self, f: Fragment, m) -> list[AgencyRef]:
        """A collective subject written bare (no "các") that the words after it define before the duty ("Cơ quan,
        đơn vị tổ chức lập quy hoạch khu vực TOD có trách nhiệm …"): the whole defined role, as written."""
        spans = role_subject(f.text)
        if len(spans) != 1 or spans[0][0] != m.start or spans[0][1] <= m.end or m.text.lower().startswith("các "):
            return []  # "Các sở, ban, ngành tỉnh có liên quan tới việc …": a plural collective is no defined role
        cue = _res()["role_subject"].match(f.text)
        # the short form it defines in brackets is no part of a role ("Ủy ban nhân dân xã, phường (sau đây gọi là cấp
        # xã) chịu trách nhiệm …", 87/2025/QĐ-UBND)
        between = _res()["defines_short_form"].sub(" ", f.text[m.end:spans[0][1]])
        if cue is None or not _res()["role_defining_duty"].fullmatch(cue["cue"]) or _words_upto(between, 3) < 2:
            return []
        return self._role_actor(f)

    def _label_actor(self, f: Fragment) -> list[AgencyRef]:
        """A unit that opens with a body the data does not know, as a label before its action: "Đề nghị Công ty
        Điện lực Đắk Lắk: Khẩn trương kiểm tra …", "Các cơ quan thông tin, truyền thông của tỉnh: Xây dựng Kế
        hoạch …" -> that body, as written (as an actor heading over sub-items names it)."""
        m = _LABEL_ACTOR.match(f.text)
        if m is None:
            return []
        name = " ".join(m["name"].split())
        body = name[:1].upper() + name[1:]
        if (not _res()["actor_head"].match(body) or len(name.split()) > 14 or lexicon_action(name.split()[:1]) is not None
                or self.mentions.agencies(m["name"])):
            return []
        rest = f.text[m.start("rest"):m.start("rest") + 80]
        if lexicon_action([w for _, _, w in word_spans(rest)][:6]) is None:
            return []  # "Cơ quan chủ trì: Sở Tư pháp", "Hội đồng: Không quá 05 cá nhân": a label, no action
        start = m.start("name")
        return [AgencyRef(id=f"unknown:{slugify(body)}", name=body, text=m["name"].strip(),
                          span=f.to_source(start, start + len(m["name"].rstrip())) if f.text else None,
                          kind="collective" if body.startswith("Các ") else "body", known=False, origin="labelled actor")]

    def _addressee_lead(self, text: str, node: Node | None = None, path: list[Node] | None = None) -> list[AgencyRef]:
        """The "Kính gửi" addressees, for an instruction that names no actor ("Khẩn trương …"); in a plan or
        report submitted to them, its issuer ("Tăng cường công tác quản lý thuế …" in a provincial People's
        Committee's plan "Kính gửi: Hội đồng nhân dân tỉnh").

        In a letter whose addressees act, any unit of the letter itself (not its annex) that opens with an action
        and has no sub-units is an instruction to them too ("- Hoàn thành công tác tuyển sinh năm học 2025 - 2026
        …", 6386/BVHTTDL); an item over sub-units is their title (guide rule 2), "Giao …" names its own actor."""
        if not self.addressees or (node is not None and self._in_annex(node, path)):
            return []  # an appendix, or what follows the signature, is no instruction to the addressees
        if not _res()["imperative"].search(fold_tones(text.strip()).lower()) and not (
                self._letter_instruction(text, node, path)):
            return []
        if not self.addressees_act:
            return [self.issuer.model_copy(update={"origin": "issuer of a plan submitted to its addressees"})] if self.issuer else []
        return [a.model_copy(update={"origin": "Kính gửi"}) for a in self.addressees]

    def _asked_role(self, f: Fragment, at: int) -> AgencyRef | None:
        """The role an asking verb names right after it when no body is named there: one of ``role_filler_roles``
        ("đề nghị Chủ đầu tư tổ chức khảo sát …" -> "Chủ đầu tư"), as written; a document that names the body filling
        it has it replaced by that body (``role_fillers``)."""
        m = _res()["asked_role"].match(f.text, at)
        if m is None:
            return None
        phrase = m.group()
        return self._named_body(phrase[:1].upper() + phrase[1:], phrase, f.to_source(m.start(), m.end()), "role",
                                "role named after an asking verb")

    def _letter_prose_instruction(self, node: Node, path: list[Node], text: str) -> bool:
        """Is a sentence of a letter's prose that names no one asked an instruction to its "Kính gửi" addressees? It
        asks (``letter_request_opener``: "Vì vậy, đề nghị địa phương căn cứ địa giới hành chính mới …", 1178/ĐCK-CTT),
        in the letter itself (guide, Genres: Công văn)."""
        return (self.letter and self.addressees_act and bool(self.addressees) and not self._in_annex(node, path)
                and not is_non_task(text) and _res()["letter_request"].match(text.strip()) is not None)

    def _letter_instruction(self, text: str, node: Node | None, path: list[Node] | None) -> bool:
        """Is this verb-led unit one of a letter's instructions to its addressees (see ``_addressee_lead``)?"""
        if not (self.letter and self.addressees_act) or node is None or node.children or _ASKED_HEAD.match(text.lstrip()):
            return False
        if self._in_annex(node, path):
            return False  # after the signature: the letter's annex (a criteria table, a form)
        return opens_with_action(" ".join(text.split()))

    def _in_annex(self, node: Node, path: list[Node] | None) -> bool:
        """Is ``node`` in an appendix or attachment, or after the letter's closing block?"""
        if any(p.kind in ("appendix", "attachment") for p in (path or [])) or node.kind in ("appendix", "attachment"):
            return True
        return self.letter_end is not None and node.span[0] >= self.letter_end

    def _letter_title_lead(self, node: Node, text: str, bullets: list[Node], ctx: Context) -> list[AgencyRef]:
        """The addressees, when ``node`` is a title over bullets in a letter: an item with no actor of its own or
        inherited, no closing punctuation but a full stop and no colon, that opens like an instruction, over two or more bullets of
        its own, at least half of which open like instructions too; else nothing. Its bullets are the tasks (guide
        rule 2), each an instruction to the "Kính gửi" addressees (Genres: Công văn)."""
        title = _bullet_title(text)
        if (not (self.letter and self.addressees_act and self.addressees) or ctx.lead or len(bullets) < 2
                or node.kind not in ("item", "point", "clause") or title is None):
            return []
        text = title
        if self.letter_end is not None and node.span[0] >= self.letter_end:
            return []
        if subject_mentions(text, self.mentions.agencies(text))[0] or _ASKED_HEAD.match(text) or not self._instruction(text):
            return []
        acting = sum(self._instruction(_BULLET.sub("", self.frag(b).text).strip()) for b in bullets)
        if 2 * acting < len(bullets):
            return []  # "- Tại khoản 9 Điều 71 Luật … quy định:": bullets that cite, not instruct (5680/CT-CS)
        return [a.model_copy(update={"origin": "Kính gửi"}) for a in self.addressees]

    def _letter_requirements(self, heading: str) -> bool:
        """Is ``heading`` a letter's requirements to its addressees ("1. Yêu cầu chung:" over "- Thực hiện và chỉ đạo
        các chủ đầu tư …", 6397/UBND-KT), whose items are its instructions, not a plan's aims (guide rule 8)?"""
        return (self.letter and self.addressees_act and bool(self.addressees)
                and any(p.search(heading.strip()) for p in _each("letter_requirement_headings")))

    @staticmethod
    def _instruction(text: str) -> bool:
        """Does the text open like an instruction: an imperative opener or an action verb of the lexicon?"""
        flat = " ".join(text.split())
        return bool(_res()["imperative"].search(fold_tones(flat).lower())) or opens_with_action(flat)

    # entry ----------------------------------------------------------------
    def run(self, nodes: list[Node]) -> list[Task]:
        stack = list(nodes)
        while stack:
            parent = stack.pop()
            for child in parent.children:
                self._parents[id(child)] = parent
            stack.extend(parent.children)
        self.reference_appendices = reference_appendices(self.source, nodes)
        self._walk(nodes, [], Context())
        return self.tasks

    def _walk(self, nodes: list[Node], path: list[Node], ctx: Context) -> None:
        local = Context(ctx.lead, ctx.lead_origin, ctx.deadline, ctx.heading, ctx.in_task_area)
        local.lead_coordinators = ctx.lead_coordinators
        before = len(self.tasks)
        listed, duty_at = self._listed_actors(nodes)
        for k, node in enumerate(nodes):
            if listed and k < duty_at and node.kind == "bullet":
                continue  # "- Sở Công Thương (đối với …);": one of the actors listed before "Có trách nhiệm:"
            if listed and k == duty_at:
                local.lead, local.lead_origin, local.lead_coordinators = listed, f"listed before {node.id}", None
                continue
            outer, self.mentions.node_id = self.mentions.node_id, node.id
            with self.mentions.diagnostics.guard(STAGE, node.id):  # the stage's boundary: one unit
                made = self.tasks[before:]
                before = len(self.tasks)
                if not (made and self._time_line_of(node, made)):
                    self._visit(node, path, local)
            self.mentions.node_id = outer

    def _listed_actors(self, nodes: list[Node]) -> tuple[list[AgencyRef], int]:
        """The bodies a run of two or more bullets names, each bullet a name (and its scope in brackets) only, right
        before a paragraph "Có trách nhiệm:" that hands them the points after it, and that paragraph's index
        ("Giao các sở quản lý nhà nước chuyên ngành về hạ tầng … gồm: - Sở Công Thương (đối với …); - Sở Xây dựng (…).
        Có trách nhiệm: a) …", 7103/UBND-TH); else nothing."""
        duty = _res()["listed_actors_duty"]
        for k, node in enumerate(nodes):
            if k < 2 or node.kind not in ("wrapup", "block", "intro") or not duty.match(node.text.strip()):
                continue
            if not any(n.kind in _LIST_ITEMS and n.kind != "bullet" for n in nodes[k + 1:]):
                return [], -1
            refs: list[AgencyRef] = []
            j = k - 1
            while j >= 0 and nodes[j].kind == "bullet":
                f = self.frag(nodes[j])
                text = _BULLET.sub("", f.text)
                shift = len(f.text) - len(text)
                named = _SCOPE_BRACKETS.sub(lambda m: " " * len(m.group()), text).rstrip(" ;.,")
                subj, end = subject_mentions(named, self.mentions.agencies(named))
                if not subj or named[end:].strip():
                    return [], -1
                refs = [*_dedupe([agency_ref(_shift(m, shift), f, "listed actor") for m in subj]), *refs]
                j -= 1
            return (refs, k) if k - j > 2 else ([], -1)
        return [], -1

    def _time_line_of(self, node: Node, made: list[Task]) -> bool:
        """Is ``node`` only a labelled time line ("Thời gian hoàn thành: Tháng 12/2025.") under the unit before it,
        whose tasks are ``made``? Then it is no task of its own; a completion time is their deadline (1627/QĐ-UBND:
        "- Phối hợp … hướng dẫn chỉ tiêu, biểu mẫu kiểm kê …" then "Thời gian hoàn thành: Tháng 12/2025.")."""
        if node.children or node.kind in ("table", "row", "heading") or node.heading:
            return False
        f = self.frag(node)
        text = _BULLET.sub("", f.text)
        m = _res()["field_deadline"].match(text)
        if m is None or len(text) - m.end() > 160:
            return False
        s = len(f.text) - len(text) + m.end()
        value = Fragment(f.text[s:], f.starts[s:], f.ends[s:])
        d = self.mentions.parse_deadline(value.text)
        if d is None and not value.text.strip(" .;"):
            return False
        if d is not None and _res()["completion_time"].match(text):
            ref = deadline_ref(d, value, f"labelled line after {made[0].id}")
            for task in made:
                if task.deadline is None:
                    task.deadline = ref
        return True  # "Thời gian thực hiện: Từ tháng 11/2025 đến khi kết thúc …": when it runs, not a task either

    def _visit(self, node: Node, path: list[Node], ctx: Context) -> None:
        kind = node.kind
        here = [*path, node]
        if kind == "table":
            self._table(node, here, ctx)
            return
        if kind == "appendix" and ("*" in self.reference_appendices
                                   or norm_num(node.num or "") in self.reference_appendices):
            return  # an appendix the body sends for reference: procedures, drafts, forms
        if kind in ("appendix", "attachment") and (ctx.lead_origin or "").startswith("inherited from lead-in"):
            # "… đề nghị Hội đồng nhân dân, Ủy ban nhân dân các tỉnh … thực hiện các nhiệm vụ sau:" hands its actors
            # to the letter's items, not to the procedures or draft texts of an appendix (a document of its own,
            # with its own headings and columns; 1153/BNNMT-QLĐĐ)
            ctx = Context(None, None, None, ctx.heading, ctx.in_task_area)
        heading = node.heading
        if heading and non_task_heading(heading) and not self._letter_requirements(heading):
            if (k := self._duty_lead_in(node)) is not None:
                # "I. ĐÁNH GIÁ CHUNG" whose last paragraph "Để tiếp tục …, thành phố Đà Nẵng cần tập trung thực hiện
                # tốt một số nhiệm vụ, giải pháp sau đây:" opens items 1 … 8 (641/TB-VPCP): from the lead-in on, the
                # items are tasks (guide, Genres); the assessment before it is not
                sub = Context(ctx.lead, ctx.lead_origin, ctx.deadline, heading, ctx.in_task_area)
                sub.lead_coordinators = ctx.lead_coordinators
                self._walk(node.children[k:], here, sub)
            return
        if node.children and is_procedure_record(node):
            return
        if kind in ("section", "chapter", "part", "appendix", "attachment", "subsection", "group") and heading:
            sub = Context(ctx.lead, ctx.lead_origin, ctx.deadline, heading, ctx.in_task_area)
            sub.lead_coordinators = ctx.lead_coordinators
            # "1. Sở Nông nghiệp và Môi trường" as a heading: an actor heading
            self._absorb_actor(node, node.heading or "", sub, heading_only=True)
            if fields := self._fields(node):
                # "I. CÔNG TÁC …" over "1. Nội dung, biện pháp", "2. Cơ quan chủ trì", "3. Thời gian thực hiện: …"
                self._fielded(node, here, sub, fields)
                return
            self._walk(node.children, here, sub)
            return
        text = node.text.strip()
        if ctx.contents and kind in _LIST_ITEMS:
            return  # an item of "… hoạt động theo nguyên tắc sau đây:"
        if ctx.parts and kind in _LIST_ITEMS and not self._acting_item(node):
            return  # an item of "Hồ sơ gửi Bộ Tư pháp xem xét, đánh giá, gồm:"
        if kind in ("intro", "block", "wrapup"):
            self._block(node, here, ctx)
            return
        if not text and not node.children:
            return
        if text and non_task_heading(text) and node.children and not self._letter_requirements(text):
            return
        if text and is_non_task(text) and not any(c.kind in _BIG_UNITS for c in node.children):
            self._after_non_task_sentence(node, here, ctx)
            self._amended(node, here, ctx)
            return  # an effect clause, a repeal …; a chapter title never hides its articles
        if text and is_content_lead_in(text) and not any(c.kind in _BIG_UNITS - {"clause"} for c in node.children):
            # "… hoạt động theo nguyên tắc sau đây:": its points and bullets are contents; a sentence after
            # them ("Chính phủ quy định chi tiết khoản này.") is read as usual
            self._walk([c for c in node.children if c.kind not in _LIST_ITEMS], here, ctx)
            return
        if (text and node.children and ((tail := part_list_tail(text)) or is_part_list(text))
                and not any(c.kind in _BIG_UNITS - {"clause"} for c in node.children)):
            # "Cơ cấu tổ chức của văn phòng, gồm:" over "a) Phòng;", "b) Đơn vị sự nghiệp công lập (nếu có).": its
            # items are parts; "Bộ Xây dựng … tổ chức kiểm tra … hoạt động của Quỹ. Nội dung kiểm tra bao gồm:" over
            # "1. Tình hình quản lý, sử dụng vốn …": the unit is the task, its items the parts of it
            if tail:
                self._make_task(node, here, ctx)
            self._walk([c for c in node.children if c.kind not in _LIST_ITEMS or self._acting_item(c)], here, ctx)
            return
        if node.children and (fields := self._fields(node)):
            self._fielded(node, here, ctx, fields)
            return
        if text.endswith(":") and self._object_items(node):
            # "Bộ Chỉ huy quân sự tỉnh … gửi báo cáo … về VNMAC … như sau:" over "a) Kết quả thực hiện các dự án …",
            # "b) Thông tin về các tai nạn …": the items name what it sends, not actions; the unit is the task
            self._make_task(node, here, ctx)
            self._walk([c for c in node.children if c.kind not in _LIST_ITEMS], here, ctx)
            return
        # a chapter's or part's long title ("QUY ĐỊNH VỀ CẤP DỰ BÁO CHÁY RỪNG VÀ …") never hides its articles
        has_sub_units = any(c.kind in _SUB_UNITS for c in node.children)
        tables = [c for c in node.children if c.kind == "table"]
        bullets = [c for c in node.children if c.kind == "bullet"]
        sub = Context(ctx.lead, ctx.lead_origin, ctx.deadline, ctx.heading, ctx.in_task_area)
        sub.lead_coordinators = ctx.lead_coordinators
        if node.children and (has_sub_units or self._is_container(node, sub)):
            # introduces sub-items: pass actor/deadline down
            self._absorb_actor(node, text, sub)
            if sub.lead and sub.lead is ctx.lead and _res()["partners_opening"].match(text):
                # "1. Sở Công Thương" / "a) Chủ trì, phối hợp với các sở, ban, ngành, UBND các xã, phường và cơ quan,
                # đơn vị có liên quan" over "- Tổ chức chương trình tập huấn …" (2954/QĐ-UBND): the partners work on
                # every item with the heading's actor (rule 4)
                f = self.frag(node)
                if partners := self._partners(f.text, self.mentions.agencies(f.text), []):
                    sub.lead_coordinators = (sub.lead, _dedupe([agency_ref(m, f, "lead-in") for m in partners]))
            if not text and node.heading:
                # "Điều 9. Trách nhiệm của Ủy ban nhân dân cấp tỉnh" over its clauses
                self._absorb_actor(node, node.heading, sub, heading_only=True)
            if text:
                sub.heading = text
            elif node.heading:
                sub.heading = node.heading  # "Điều 18. Trách nhiệm trong quản lý an toàn …" over its clauses
            self._walk(node.children, here, sub)
            return
        # a task unit (bullets, if any, are part of it); a table under it is read on its own
        if text:
            if not bullets and self._clause_tasks(node, here, ctx, self.frag(node)):
                pass  # "Các bộ rà soát …. Trên cơ sở đó, Bộ Tư pháp tổng hợp …": each actor's clause is a task (rule 3)
            elif bullets and (title_lead := self._letter_title_lead(node, text, bullets, ctx)):
                # "1. Tập trung hoàn thiện thể chế, cơ chế, …" (no full stop) over "- Tiếp tục rà soát …", "- Nghiên
                # cứu, hoàn thiện …" in a letter (6386/BVHTTDL): the title is no task, its bullets are the addressees'
                sub.lead, sub.lead_origin = title_lead, "'Kính gửi' addressees, under a title"
                self._walk(bullets, here, sub)
            elif bullets and self._title_over_mixed_bullets(text, bullets):
                # "1. Tăng cường công tác lãnh đạo, chỉ đạo … về bảo hiểm y tế" (no closing stop) over "- Uỷ ban nhân
                # dân cấp tỉnh, cấp xã đưa các chỉ tiêu …", "- Đổi mới nội dung, hình thức …" (844/QĐ-TTg): a title;
                # its bullets, each an action or an actor's, are the tasks (rule 2), the actionless ones of the
                # actor handed down
                self._walk(bullets, here, sub)
            elif bullets and self._own_actor_bullets(bullets):
                # "10. Các sở, ban, ngành nghiên cứu, ban hành … hướng dẫn tổ chức thực hiện các Dự án:" over
                # "- Công an tỉnh tham mưu …", "- Sở Y tế tham mưu …": each bullet carries its own actor and
                # action, a task of its own (rules 2, 3); the unit above keeps its own action
                self._make_task(node, here, ctx)
                self._walk(bullets, here, sub)
            elif bullets and self._action_bullets(bullets) and (task := self._make_task(node, here, ctx)) is not None:
                # "- Ban hành và tổ chức triển khai kế hoạch xác định Chỉ số CCHC hàng năm …" over "+ Tổ chức triển
                # khai công tác tự đánh giá …", "+ Tổng hợp, xử lý số liệu …": each sub-item carries an action of its
                # own, a task of the unit's actor (rule 2); the unit keeps its own action
                sub.lead, sub.lead_origin = task.lead, f"inherited from {node.id}"
                sub.lead_coordinators = (task.lead, task.coordinators)
                self._walk(bullets, here, sub)
            elif self._make_task(node, here, ctx, extra=bullets) is None and bullets and not ctx.lead:
                # "3. Nâng cao chất lượng … công tác theo dõi, đánh giá" (no actor) over "- Các bộ, các tỉnh: Phân
                # công …", "- Các bộ chủ trì …": the bullets that name an actor are the tasks (rule 2)
                self._walk(bullets, here, sub)
        for table in tables:
            self._table(table, [*here, table], sub)

    def _clause_tasks(self, node: Node, here: list[Node], ctx: Context, f: Fragment, id_base: str | None = None) -> bool:
        """Make a task of each actor's clause of ``f`` when it has more than one (rule 3): "Các bộ rà soát …. Trên cơ
        sở đó, Bộ Tư pháp tổng hợp …" -> two; False (nothing made) when the unit is one actor's."""
        clauses = self._actor_clauses(f)
        if len(clauses) < 2:
            return False
        base = id_base or node.id
        task: Task | None = None
        for k, (s, e, same) in enumerate(clauses):
            part = Fragment(f.text[s:e], f.starts[s:e], f.ends[s:e])
            if k and is_closing_request(part.text):
                continue  # "…. Ủy ban nhân dân tỉnh yêu cầu các cơ quan … nghiêm túc triển khai thực hiện./." (7360/KH-UBND)
            c = ctx
            if same and task is not None and task.lead:
                # a paragraph of its own that opens with its action: the actor of the paragraph before
                c = Context(task.lead, f"inherited from {node.id}", ctx.deadline, ctx.heading, ctx.in_task_area)
            made = self._make_task(node, here, c, frag=part, text=part.text, id_base=base if k == 0 else f"{base}__c{k}")
            task = made or task
        return True

    def _amended(self, node: Node, here: list[Node], ctx: Context) -> None:
        """The tasks of the wording an amending instruction quotes ("Sửa đổi, bổ sung khoản 1 Điều 3 như sau: “1. …
        Trong thời hạn 05 ngày làm việc, kể từ ngày nhận được hồ sơ …, Bộ Công Thương có văn bản lấy ý kiến Bộ Quốc
        phòng, Bộ Công an. …”", 38/2025/TT-BCT): the amended text's own units, in the instruction's unit and under
        it, read as any other; they inherit nothing from the amending article around them."""
        f = self.frag(node)
        if (k := amended_wording(f.text)) is None:
            return
        sub = Context(None, None, None, None, ctx.in_task_area)
        wording = Fragment(f.text[k:], f.starts[k:], f.ends[k:])
        if wording.text.strip() and not self._clause_tasks(node, here, sub, wording):
            self._make_task(node, here, sub, frag=wording, text=wording.text)
        self._walk(node.children, here, sub)

    def _duty_lead_in(self, node: Node) -> int | None:
        """The index of the paragraph inside an assessment unit ("I. ĐÁNH GIÁ CHUNG") that hands duties to the list
        items right after it ("…, thành phố Đà Nẵng cần tập trung thực hiện tốt một số nhiệm vụ, giải pháp sau đây:"),
        else None: a conclusions notice often ends its assessment with the lead-in of its tasks."""
        children = node.children
        for k, child in enumerate(children[:-1]):
            if child.kind not in ("intro", "block", "wrapup") or children[k + 1].kind not in _LIST_ITEMS:
                continue
            text = self.frag(child).text.strip()
            if (is_lead_in(text) and _res()["duty_lead_in"].search(text) is not None
                    and not is_content_lead_in(text) and not is_part_list(text)):
                return k
        return None

    def _actor_clauses(self, f: Fragment) -> list[tuple[int, int, bool]]:
        """The sentences and ';' clauses of a unit, grouped so that each group starts where another actor
        takes over: "Các bộ … gửi kết quả về Bộ Tư pháp. Trên cơ sở đó, Bộ Tư pháp tổng hợp, báo cáo …" -> two;
        or where a paragraph of its own opens with an action and no actor (the third value: it keeps the actor of
        the group before): "2. Các tỉnh ủy, thành ủy … cụ thể hóa hướng dẫn này …" / "Chỉ đạo các cấp ủy, tổ chức
        đảng trực thuộc hướng dẫn …" / "Bố trí kinh phí …" (37-HD/BTGDVTW) -> three."""
        text = f.text
        if len(text) > 5000 or not _SENTENCE_GAP.search(text):
            return []
        starts = [0]
        same: list[bool] = [False]
        first = _SENTENCE_SPLIT.search(text)
        actors = [self._sentence_actor(text[:first.start()] if first else text)]
        for m in _SENTENCE_SPLIT.finditer(text):
            s = m.end()
            raw = text[s:s + 400]
            head = _res()["connective"].sub("", raw, count=1)
            if head == raw and not raw[:1].isupper():
                continue  # "…; định kỳ báo cáo về Bộ Công an": the same clause goes on
            if _res()["condition"].match(head):
                continue  # "…, Ban Quản lý tổ chức đánh giá hồ sơ …; Trường hợp hồ sơ không đủ điều kiện …, Ban Quản lý
                # thông báo …", "… đơn vị đề nghị hỗ trợ có trách nhiệm hoàn thiện … . Trường hợp cần thiết, Ban Quản
                # lý tổ chức đánh giá …": an exception inside the same rule
            who = self._clause_actor(head)
            if who is None and (text[m.start() - 1] == "." or raw[:1].isupper()):
                # a new sentence or a clause opening with a capital (not a ';' clause going on with the same rule)
                # may name its actor after a fronted time or condition, or by its role
                nxt = _SENTENCE_SPLIT.search(head)
                who = self._sentence_actor(head[:nxt.start()] if nxt else head)
            before = text[starts[-1]:s]
            if text[m.start() - 1] == ";" and self._ends_with_agency(before):
                continue  # "… các cơ quan chuyên môn quản lý ngành, lĩnh vực cấp tỉnh; Ủy ban nhân dân xã, phường có
                # trách nhiệm cập nhật …" (84/2025/QĐ-UBND): a ';' between the names of one list of actors
            if (who and who != actors[-1] and names_an_action(head, self._names(head)) and self._assigns(head)
                    and (names_an_action(before, self._names(before)) or (text[m.start() - 1] == "." and actors[-1] is None))):
                # the clause before does something itself: not a list of actors split by ';'; or it is a sentence
                # with no actor of its own ("Chấm dứt hoạt động hộp thư …: Được áp dụng trong trường hợp …. Trong
                # thời hạn 15 ngày …, tổ chức quản lý trực tiếp có trách nhiệm …"): the task starts at the actor
                starts.append(s)
                actors.append(who)
                same.append(False)
            elif (who is None and actors[-1] is not None and text[m.start() - 1] == "." and raw[:1].isupper()
                  and self._paragraph_break(f, m.start(), s) and opens_with_action(head)
                  and not _res()["assign"].match(head) and not subject_mentions(head, self.mentions.agencies(head))[0]
                  and names_an_action(before, self._names(before))):
                starts.append(s)
                actors.append(actors[-1])
                same.append(True)
            elif (who is not None and who == actors[-1] and text[m.start() - 1] == "." and raw[:1].isupper()
                  and "\n" in self.source[f.ends[m.start() - 1]:f.starts[s]]
                  and subject_mentions(head, self.mentions.agencies(head))[0]
                  and names_an_action(head, self._names(head)) and self._assigns(head)
                  and names_an_action(before, self._names(before))):
                # "Bộ Nội vụ chịu trách nhiệm về nội dung giải trình, tiếp thu." then, on a line of its own, "Bộ Nội vụ
                # chủ trì, phối hợp với các Bộ, cơ quan liên quan tiếp thu …" (393/NQ-CP, Điều 1): a paragraph that
                # opens with its actor is a task of its own, even when the paragraph before had the same actor
                starts.append(s)
                actors.append(who)
                same.append(False)
        if len(starts) < 2:
            return []
        ends = [*starts[1:], len(text)]
        return [(s, e, k) for s, e, k in zip(starts, ends, same, strict=True)]

    def _ends_with_agency(self, text: str) -> bool:
        """Does ``text`` (a clause up to its ';') end with the name of an agency that is no object nor genitive, as the
        items of a list of actors separated by ';' do ("Các cơ quan chuyên môn quản lý ngành, lĩnh vực cấp tỉnh;")?"""
        body = text.rstrip(" ;\n")
        found = self.mentions.agencies(body)
        if not found or found[-1].end != len(body):
            return False
        # not the object of the clause's own action ("… phân bổ kinh phí … cho các bộ, cơ quan ngang bộ, cơ quan
        # trực thuộc Chính phủ; Ủy ban nhân dân cấp tỉnh trình …", 2530/QĐ-TTg)
        return found[-1] in _not_genitive(body, found)

    def _paragraph_break(self, f: Fragment, end: int, start: int) -> bool:
        """Does an empty line of the source stand between the text's ``end`` and ``start`` (a new paragraph)?"""
        if end <= 0 or start >= len(f.text):
            return False
        return bool(_EMPTY_LINE.search(self.source, f.ends[end - 1], f.starts[start]))

    def _acting_item(self, node: Node) -> bool:
        """Does an item of a list of parts name its own actor doing something ("2. Bộ Công an chủ trì xây dựng
        quy chế hoạt động của Ban Chỉ đạo.")?"""
        t = _BULLET.sub("", self.frag(node).text).strip()
        subj, end = subject_mentions(t, self.mentions.agencies(t))
        if not subj or subj[0].start > 0 or not self._assigns(t):
            return False  # the subject opens the item: "03 đơn vị sự nghiệp công lập: Trung tâm …" names units
        return opens_with_action(t[end:])

    def _object_items(self, node: Node) -> bool:
        """Does a unit that names its own actor and action end in ':' over two or more items (points, bullets),
        none of which opens with an action verb of the lexicon or names an actor of its own ("a) Kết quả thực
        hiện …", "b) Thông tin về …")? Then the items are what it acts on."""
        items = [c for c in node.children if c.kind in _LIST_ITEMS]
        if len(items) < 2 or any(c.children for c in items) or any(c.kind in _BIG_UNITS - {"clause"} for c in node.children):
            return False
        text = node.text.strip()
        subj, _end = subject_mentions(text, self.mentions.agencies(text))
        if not subj or not self._assigns(text) or not names_an_action(text, self._names(text)):
            return False
        for c in items:
            t = _BULLET.sub("", self.frag(c).text).strip()
            if not t or opens_with_action(t) or _res()["not_object"].search(t):
                return False
            if any(self._clause_actor(t[s:]) is not None for s in [0, *(m.end() for m in _SENTENCE_SPLIT.finditer(t))]):
                return False  # a sentence of its own actor: "… Ủy ban nhân dân các tỉnh: … khẩn trương gửi Báo cáo …"
        return True

    def _own_actor_bullets(self, bullets: list[Node]) -> bool:
        """Do two or more bullets under a task unit, and all of them, open with an actor of their own
        ("- Sở Y tế tham mưu …", "- Đề nghị Bộ Tư lệnh Vùng Cảnh sát biển 3 tham mưu …")?"""
        return len(bullets) >= 2 and all(
            (t := _BULLET.sub("", self.frag(b).text)) and self._clause_actor(t) is not None
            and names_an_action(t, self._names(t)) for b in bullets)

    def _title_over_mixed_bullets(self, text: str, bullets: list[Node]) -> bool:
        """Is ``text`` a title (one sentence, no colon, no closing stop but a full stop) over two or more bullets of
        which some open with an actor of their own and its action, some with an action, and most one way or the
        other?"""
        title = _bullet_title(text)
        if len(bullets) < 2 or title is None or _SENTENCE_GAP.search(title):
            return False
        own = actions = 0
        for b in bullets:
            t = _BULLET.sub("", self.frag(b).text)
            if self._clause_actor(t) is not None and names_an_action(t, self._names(t)):
                own += 1
            elif opens_with_action(_FOR_TOPIC.sub("", t, count=1)):
                actions += 1
        return own > 0 and actions > 0 and 2 * (own + actions) >= len(bullets)

    def _action_bullets(self, bullets: list[Node]) -> bool:
        """Do two or more bullets under a task unit, and all of them, open with an action verb of the lexicon
        (after a topic: "- Đối với dự án cao tốc Tân Phú – Bảo Lộc: Tập trung ưu tiên giải phóng mặt bằng …")?"""
        if len(bullets) < 2:
            return False
        return all(opens_with_action(_FOR_TOPIC.sub("", _BULLET.sub("", self.frag(b).text), count=1)) for b in bullets)

    def _designation(self, text: str) -> bool:
        """Does the unit only name who holds a role ("Cơ quan phê duyệt: Ủy ban nhân dân thành phố Hà Nội.")?"""
        m = _res()["designation"].match(text)
        if m is None:
            return False
        rest = text[m.end():]
        names = self._names(rest)
        if not names:
            return False
        left = "".join(rest[e:s] for (_, e), (s, _) in zip([(0, 0), *names], [*names, (len(rest), 0)], strict=True))
        # what is left: separators, or the name of the office holder ("Phó Thủ tướng Chính phủ Phạm Thị Thanh Trà")
        return not regex.sub(r"[\s,;.]+|\bvà\b|(?-i:\p{Lu}\p{Ll}*)", "", left)

    def _actor_on_its_own_line(self, f: Fragment) -> tuple[list, int] | None:
        """The agencies a unit opens with (after "giao"/"đề nghị") when they stand on a line or in a cell of their
        own and the unit's action starts, capitalised, on the next ("1.1. Giao Sở Nông nghiệp và Môi trường" /
        "Khẩn trương chia sẻ …"; "14. Tỉnh đoàn" / "Chỉ đạo hệ thống tổ chức Đoàn …"), and where the action
        starts; None otherwise."""
        text = f.text
        subj, end = subject_mentions(text, self.mentions.agencies(text))
        if not subj or subj[0].start > 12 or self._is_issuer(subj) or (m := _CAPITAL_NEXT.match(text, end)) is None:
            return None
        if not opens_with_action(text[m.end():]):
            return None
        gap = self.source[f.ends[end - 1]:f.starts[m.end()]] if end > 0 and m.end() < len(text) else ""
        return (subj, m.end()) if _LINE_GAP.search(gap) else None

    def _names(self, text: str) -> list[tuple[int, int]]:
        return [(m.start, m.end) for m in self.mentions.agencies(text)]

    def _sentence_actor(self, text: str) -> tuple[str, ...] | None:
        """The actor a sentence of a unit opens with: its subject agencies (after a fronted time or condition as
        far as it goes: "Trường hợp … thì Ủy ban nhân dân cấp tỉnh …"), or the bodies it names by their role
        before a duty ("Trong thời hạn 15 ngày …, tổ chức quản lý trực tiếp có trách nhiệm …"), else None."""
        who = self._clause_actor(text, reach=400 if _res()["fronted"].match(text) else 60)
        if who is not None:
            return who
        cue = _res()["role_subject"].match(text)
        if cue is None or _res()["sentence_role_rule"].fullmatch(cue["cue"]):
            return None  # "Bên bán điện phải có văn bản …": a rule of conduct, not a duty given to a body
        return tuple(fold_tones(text[s:e]).lower() for s, e in role_subject(text)) or None

    def _clause_actor(self, text: str, *, reach: int = 60) -> tuple[str, ...] | None:
        """The ids of the agencies a clause opens with as its subject (after "giao"/"đề nghị"), else None;
        never the issuer or a speaker ("Văn phòng Chính phủ thông báo để …", "Thủ tướng Chính phủ đề nghị …")."""
        mentions = self.mentions.agencies(text)
        subj, end = subject_mentions(text, mentions)
        if not subj or subj[0].start > reach or end >= len(text.rstrip(" .;")):
            return None
        if subj[0].start > 60 and _continues_list(text, mentions, subj[0]):
            return None  # "… của Quân ủy Trung ương, Đảng ủy Công an Trung ương được giao nộp …": a list inside the condition
        person = ""
        if subj[-1].kind in task_words()["named_office_kinds"] and (name := _PERSON_AFTER.match(text, end)) is not None:
            # "…; Phó Thủ tướng Chính phủ Hồ Đức Phớc đi kiểm tra, đôn đốc …" (225/CĐ-TTg): the office holder is the
            # person named, another actor than the Deputy Prime Minister of the clause before
            person, end = " ".join(name.group().split()), name.end()
        if self._is_issuer(subj) or _res()["speaker"].match(text[end:]) or _res()["statement"].match(text[end:]):
            return None
        if not _LOWER_AFTER.match(text[end:]) and not (
                subj[0].start <= 4 and (label := _LABEL_COLON.match(text, end)) is not None
                and lexicon_action([w for _, _, w in word_spans(text[label.end():label.end() + 60])][:4]) is not None):
            # "Đối với các Sở Tư pháp: …", "Sở Tư pháp; …": no verb follows the subject; but a sentence that opens
            # with its actor as a label ("… ngay khi nước rút. Bộ Giáo dục và Đào tạo: Chỉ đạo các cơ sở giáo dục …",
            # 225/CĐ-TTg) names it
            return None
        return tuple(m.id or m.name for m in subj) + ((person,) if person else ())

    # labelled lines ---------------------------------------------------------
    def _fields(self, node: Node) -> dict[str, tuple[Node, Fragment]]:
        """The children of ``node`` that are labelled cells ("- Cơ quan chủ trì: Sở Khoa học và Công nghệ.").

        A label with nothing after it groups the lines under it ("b) Cơ quan thực hiện:" then "- Đơn vị chủ
        trì: …", "- Đơn vị phối hợp: …"); "a) Nhiệm vụ:" over bullets makes each bullet a task.
        """
        found: dict[str, tuple[Node, Fragment]] = {}
        self._scan_fields(node.children, 0, found)
        if not ({"lead", "content"} & found.keys()):
            return {}
        if len(found) < 2 and not (set(found) == {"lead"} and found["lead"][0] is node.children[-1]
                                   and sum(c.kind == "bullet" for c in node.children) >= 2):
            # one labelled line is a field list only when it closes the bullets it names the actor of
            # ("- Quán triệt …", "- Phát huy …", then "Trách nhiệm chỉ đạo thực hiện: Đảng ủy …", 104-CTr/TU)
            return {}
        return found

    def _scan_fields(self, children: list[Node], depth: int, found: dict[str, tuple[Node, Fragment]]) -> None:
        """The labelled cells among ``children`` into ``found`` (:meth:`_fields`). A method, not a function
        nested in ``_fields``: a nested function that calls itself is a reference cycle, which kept each
        document's extractor (mentions, tasks) alive until the garbage collector ran."""
        for child in children:
            f = self.frag(child)
            text = _BULLET.sub("", f.text)
            cut = len(f.text) - len(text)
            for name in ("lead", "coordinators", "deadline", "product", "content"):
                m = _res()[f"field_{name}"].match(text)
                bare = None if m else _res()[f"field_{name}_bare"].fullmatch(text)
                if bare is not None and child.children:
                    # "2. Cơ quan chủ trì" over "- Ban Chỉ đạo quốc gia." …; "Cơ quan chủ trì, phối hợp" over
                    # "a) Cơ quan chủ trì" …; "1. Nội dung, biện pháp" over its points
                    if name == "content":
                        found.setdefault(name, (child, Fragment("", [], [])))
                    elif bare["more"] and depth == 0 and any(c.children for c in child.children):
                        self._scan_fields(child.children, depth + 1, found)
                    elif name == "lead" and any(not (t := self.frag(c).text).lstrip().startswith("(")
                                                and names_an_action(t, self._names(t)) and _words_upto(t, 9) > 8
                                                for c in child.children):
                        # "2. Trách nhiệm thực hiện" over "- Sở Nội vụ hướng dẫn khen thưởng …; phối hợp …":
                        # sentences that each name their actor and action, not a labelled list of names
                        pass
                    elif name not in found:
                        # a bracketed note under the list ("(Văn phòng Ban Chỉ đạo, cơ quan thường trực …)") is none of it
                        parts = [self.frag(c) for c in child.children if not c.children and self.frag(c).text
                                 and not self.frag(c).text.lstrip().startswith("(")]
                        found[name] = (child, _join_fragments(parts))
                    break
                if not m:
                    continue
                s = cut + m.end()
                value = Fragment(f.text[s:], f.starts[s:], f.ends[s:])
                if child.children:
                    if name == "content":
                        found.setdefault(name, (child, value))
                    elif not value.text.strip(" .;:") and depth == 0:
                        self._scan_fields(child.children, depth + 1, found)
                elif name not in found:
                    found[name] = (child, value)
                break

    def _fielded(self, node: Node, path: list[Node], ctx: Context, fields: dict[str, tuple[Node, Fragment]]) -> None:
        """A plan item whose actor, partners, time and product are labelled lines under it: one task (or one
        per item of its "Nhiệm vụ:" list)."""
        prov: dict[str, str] = {}
        sub = Context(ctx.lead, ctx.lead_origin, ctx.deadline, ctx.heading, ctx.in_task_area)
        sub.lead_coordinators = ctx.lead_coordinators
        coords: list[AgencyRef] = []
        if "lead" in fields:
            lf = fields["lead"][1]
            lead, coords, _ = self._roles(lf, Context(), prov)
            listed = [] if coords else self.mentions.split_agencies(lf.text)
            if not lead or (len(listed) > len(lead) and not names_an_action(lf.text, self._names(lf.text))
                            and {a.id for a in lead} <= {m.id for m in listed}):
                # "a) Cơ quan chủ trì" over "- Ban Chỉ đạo quốc gia.", "- Bộ Quốc phòng.", "- Các quân khu; các
                # tỉnh.": a list of names, one body each, known to the data or not (the subject of a sentence
                # stops at the first name the data does not know)
                lead = [agency_ref(m, lf, "labelled line") for m in listed]
            if lead:
                sub.lead, sub.lead_origin = lead, "labelled line 'Cơ quan chủ trì'"
        if "coordinators" in fields:
            cf = fields["coordinators"][1]
            coords = coords or [agency_ref(m, cf, "labelled line") for m in self.mentions.split_agencies(cf.text)]
        if "deadline" in fields:
            df = fields["deadline"][1]
            d = self.mentions.parse_deadline(df.text)
            if d is not None:
                sub.deadline = deadline_ref(d, df, "labelled line 'Thời gian'")
        listed = fields["content"][0].children if "content" in fields else []  # "a) Nhiệm vụ:" over its bullets
        items = [(child, self.frag(child)) for child in listed if self.frag(child).text.strip()]
        if not items and "content" not in fields:
            # "1. Rà soát, kiện toàn …" / "- Thường xuyên rà soát …" / "Đơn vị chủ trì thực hiện: …": the
            # unlabelled lines under the heading are the tasks
            labelled = {id(child) for child, _ in fields.values()}
            items = [(c, self.frag(c)) for c in node.children
                     if id(c) not in labelled and not c.children and c.kind in ("bullet", "block", "point", "item")
                     and self.frag(c).text.strip() and not any(_res()[f"field_{k}"].match(
                         _BULLET.sub("", self.frag(c).text)) for k in ("lead", "coordinators", "deadline",
                                                                                  "product", "content"))]
        if not items:
            own = self.frag(node)
            text_frag = own
            if "content" in fields and (_words_upto(own.text, 5) <= 4 or not own.text.strip()
                                        or fields["content"][1].text.strip()):
                text_frag = fields["content"][1]  # "b) Hoạt động 2" then "- Nội dung: Triển khai …"
            items = [(node, text_frag)]
        extra = [child for child, _ in fields.values()]
        for unit, text_frag in items:
            task = self._make_task(unit, [*path, unit] if unit is not node else path, sub, frag=text_frag,
                                   text=text_frag.text, extra=extra if unit is node else None)
            if task is None:
                continue
            task.coordinators = _dedupe([*task.coordinators, *coords])
            if "product" in fields and fields["product"][1].text.strip(" .;"):
                task.product = fields["product"][1].text.strip(" .;")
                task.provenance["product"] = "labelled line 'Sản phẩm'"
            if "coordinators" in fields or coords:
                task.provenance["coordinators"] = "labelled line 'Cơ quan phối hợp'"
        if "lead" in fields and not any(c.children and _res()["field_deadline"].match(_BULLET.sub("", self.frag(c).text))
                                        for c in node.children):
            # not when the time line splits the work by actor itself ("- Thời gian thực hiện:" over "+ Các bộ … gửi
            # kết quả rà soát về Bộ Công an trước ngày 15 tháng 12 năm 2025.", 2623/QĐ-TTg): those are its tasks
            self._fielded_clauses(fields["lead"][0], fields["lead"][1], path, sub)

    def _fielded_clauses(self, unit: Node, value: Fragment, path: list[Node], ctx: Context) -> None:
        """A labelled actor line written as sentences, each with its own actor and action ("- Cơ quan thực hiện:
        Sở Nội vụ chủ trì tham mưu … ban hành Kế hoạch; Sở Tư pháp và các sở, ban, ngành … chủ động tổ chức triển
        khai …", 172/KH-UBND; 7360/KH-UBND): each sentence is a task of its own actor, under the item's time line."""
        text = value.text
        clauses = self._completions_merged(text, _clauses(text, self.mentions.agencies))
        if len(clauses) < 2:
            return
        parts: list[tuple[int, Fragment]] = []
        for s, e in clauses:
            clause = text[s:e].strip()
            s += len(text[s:e]) - len(text[s:e].lstrip())
            sub = Fragment(clause, value.starts[s:s + len(clause)], value.ends[s:s + len(clause)])
            subj, end = subject_mentions(clause, self.mentions.agencies(clause))
            if not subj or not names_an_action(clause[end:]):
                return  # "Sở Nội vụ, các sở, ban, ngành …; các cơ quan, tổ chức khác có liên quan.": a list of names
            parts.append((s, sub))
        for s, sub in parts:
            self._make_task(unit, [*path, unit], ctx, frag=sub, text=sub.text, id_base=f"{unit.id}__s{s}")

    # containers -----------------------------------------------------------
    def _is_container(self, node: Node, ctx: Context) -> bool:
        text = node.text.strip()
        if not text:
            return True
        if is_lead_in(text):
            return True
        if (_heading_like(_without_aside(node, text)) or self._bold_heading(node, text)) and not _res()["lead_marker"].search(text):
            return True  # "1. Nội dung" / "2. Sở Tài chính": a label over its sub-units
        if (_res()["topic_heading"].match(text) and not _SENTENCE_END.search(text) and ":" not in text
                and any(c.kind in _LIST_ITEMS for c in node.children)):
            return True  # "1. Về tổ chức thực hiện chức năng, nhiệm vụ được phân cấp, phân quyền, …" over its bullets
        if ((_res()["scoped_heading"].match(text) and text.endswith(":")) or _res()["rules_for_heading"].match(text)) and any(
                c.kind in _LIST_ITEMS for c in node.children):
            return True  # "9.1. Đối với các cơ sở sản xuất có lưu lượng xả bụi, khí thải lớn …:" over its bullets
        f = self.frag(node)
        mentions = self.mentions.agencies(f.text)
        subj, end = subject_mentions(f.text, mentions)
        rest = f.text[end:].strip(" :;,.")
        if subj and _words_upto(rest, 5) <= 4:
            return True  # "1. Bộ Công an:" / "Trách nhiệm của Sở Tài chính": an actor heading
        if subj and node.children and _non_agency_words(f.text, mentions) <= 6:
            return True  # "(2) Bộ Khoa học và Công nghệ - Cơ quan thường trực Ban Chỉ đạo …" over bullets
        if text.endswith(":") and subj:
            return True
        # "Trách nhiệm của Sở …", "Giao Sở Tài chính:" head a list; "Giao Sở Tài chính chủ trì …." is a task
        return (regex.match(r"^(?:Trách\s+nhiệm\s+của|Nhiệm\s+vụ\s+của|Giao)\b", text, regex.IGNORECASE) is not None
                and (text.endswith(":") or _heading_like(text)))

    def _lead_in_sentence(self, f: Fragment) -> Fragment:
        """The last sentence of a unit that ends in a colon, when it names a subject of its own: the lead-in after an
        assessment ("Điều 2. Hội đồng nhân dân tỉnh cơ bản thống nhất với một số giải pháp …. Hội đồng nhân dân tỉnh
        đề nghị Ủy ban nhân dân tỉnh quan tâm chỉ đạo thực hiện một số công việc sau:", 95/NQ-HĐND Hà Giang); else
        the unit."""
        if not f.text.rstrip().endswith(":"):
            return f
        last = next(iter(deque(_SENTENCE_START.finditer(f.text), maxlen=1)), None)
        if last is None:
            return f
        k = last.end()
        tail = Fragment(f.text[k:], f.starts[k:], f.ends[k:])
        return tail if subject_mentions(tail.text, self.mentions.agencies(tail.text))[0] else f

    def _absorb_actor(self, node: Node, text: str, ctx: Context, *, heading_only: bool = False) -> None:
        if not text:
            return
        if heading_only:
            f = Fragment(text, [node.heading_span[0] if node.heading_span else node.span[0]] * len(text),
                         [node.heading_span[1] if node.heading_span else node.span[1]] * len(text))
        else:
            f = self._lead_in_sentence(self.frag(node))
        mentions = self.mentions.agencies(f.text)
        subj, end = subject_mentions(f.text, mentions)
        if heading_only:
            rest = f.text[end:].strip(" :;,.")
            if not subj or _words_upto(rest, 5) > 4:
                subj = []
            if not subj and (a := _res()["assign"].match(f.text)) is not None:
                # "Điều 4. Phân cấp cho Sở Y tế thực hiện một số nhiệm vụ, quyền hạn sau" (28/2025/QĐ-UBND), "Điều 2.
                # Giao Sở Tài chính các nhiệm vụ sau": the body the heading hands its clauses to
                named = [_shift(m, -a.end()) for m in mentions if m.start >= a.end()]
                own, own_end = subject_mentions(f.text[a.end():], named)
                if own and own[0].start == 0 and _HEADING_DUTIES.fullmatch(f.text[a.end() + own_end:]):
                    subj = [_shift(m, a.end()) for m in own]
            if not subj and (deleg := _delegated_heading().match(f.text)) is not None:
                # "Điều 3. Thẩm quyền của Ủy ban nhân dân cấp tỉnh phân cấp cho Chủ tịch Ủy ban nhân dân cấp xã": the
                # delegate named last does the clauses below
                named = [_shift(m, -deleg.end()) for m in mentions if m.start >= deleg.end()]
                own, own_end = subject_mentions(f.text[deleg.end():], named)
                rest = f.text[deleg.end() + own_end:]
                if own and own[0].start == 0 and (not rest.strip(" .:;") or _HEADING_DUTIES.fullmatch(rest)):
                    subj = [_shift(m, deleg.end()) for m in own]
            if not subj and (label := _DUTY_LABEL.match(f.text)) is not None:
                # "Điều 5. Nội dung Sở Dân tộc và Tôn giáo có trách nhiệm chủ trì" over its clauses
                named = [_shift(m, -label.end()) for m in mentions if m.start >= label.end()]
                own, own_end = subject_mentions(f.text[label.end():], named)
                if own and own[0].start == 0 and _DUTY_TAIL.fullmatch(f.text[label.end() + own_end:]):
                    subj = [_shift(m, label.end()) for m in own]
        elif subj and (_res()["condition"].match(f.text) or _res()["assign"].match(f.text)) and _res()["fronted"].match(f.text) \
                and _res()["fronted_end"].search(f.text[:subj[0].start]):
            # "Đối với các trường hợp … thì cơ quan bảo hiểm xã hội căn cứ … như sau:" over "a) Đối với người đang
            # hưởng lương hưu thì mức lương hưu mới được tính …": a conditional rule, its items say how, not tasks
            subj = []
        elif subj:
            subj = self._lead_in_actors(f.text, mentions, subj, end) or []
        duty_scope = bool(ctx.heading and _res()["duty_title"].match(ctx.heading)) and node.kind in ("clause", "item")
        if not subj and not heading_only and node.children and (roles := self._role_lead_in(f)):
            # "Sau khi nhận được …, trong thời gian không quá 05 ngày làm việc, chủ đầu tư hoặc đơn vị giám sát, kiểm tra
            # tổ chức thực hiện kiểm tra theo các nội dung sau:" over its points (43/2026/QĐ-UBND): the roles do them
            ctx.lead = roles
            ctx.lead_origin = f"inherited from heading {node.id}"
            ctx.lead_coordinators = None
            return
        if not subj and not (mentions and mentions[0].start == 0) and (
                unknown := self._heading_actor(node, f, duty_scope=duty_scope)):
            ctx.lead = unknown
            ctx.lead_origin = f"inherited from heading {node.id}"
        elif subj:
            ctx.lead = _dedupe([agency_ref(m, f, "inherited") for m in subj])
            ctx.lead_origin = f"inherited from heading {node.id}"
            coords = self._partners(f.text, mentions, subj)
            ctx.lead_coordinators = (ctx.lead, _dedupe([agency_ref(m, f, "inherited") for m in coords]))
        elif ((heading_only or (node.children and not _SENTENCE_END.search(f.text.rstrip().removesuffix("."))
                                and ":" not in f.text.rstrip().removesuffix(":")))  # "1. Trách nhiệm của nhà đầu tư:"
              # ("1. Trách nhiệm của cơ quan quyết định đầu tư." over its points, 43/2026/QĐ-UBND: a full stop closing a
              # heading ends no sentence)
              and (duty := _res()["duty_heading"].match(f.text)) is not None
              and (not mentions or (heading_only and len(mentions) == 1 and mentions[0].kind == "collective"
                                    and mentions[0].start == duty.end() and _words_upto(f.text[mentions[0].end:], 4) > 3))):
            # "Điều 13. Trách nhiệm của Đơn vị vận hành hệ thống điện và thị trường điện", "Trách nhiệm của Bên
            # mua điện", a clause "3. Trách nhiệm của tổ chức, đơn vị điều tra, khảo sát, rà phá bom mìn vật nổ"
            # over its points: whose duties follow, named as written even when the data does not know the body;
            # "Thủ trưởng các đơn vị thuộc Bộ …" is the units themselves
            start = duty.end()
            start += office_title_end(f.text[start:])
            phrase = f.text[start:].strip(" :;,.")
            phrase = _res()["duty_heading_scope"].split(phrase, maxsplit=1)[0]  # "… của nhà đầu tư trong việc …"
            start = f.text.index(phrase, start) if phrase else start
            # a heading that opens with a state body names it however long ("Điều 25. Trách nhiệm của cơ quan, đơn
            # vị trên địa bàn tỉnh có hệ thống thông tin, cơ sở dữ liệu chuyên ngành kết nối với …"); any other
            # stays short, as a heading
            longest = _DUTY_HEADING_WORDS if _res()["duty_state_body"].match(phrase) else 14
            known = mentions[0] if mentions else None
            if (known is not None and (nxt := _NEXT_LISTED_BODY.match(f.text, known.end)) is not None
                    and _res()["duty_body"].match(f.text, nxt.end()) and len(phrase.split()) <= longest):
                # "Điều 66. Nhiệm vụ và quyền hạn của Bộ, cơ quan ngang Bộ, Cơ quan quản lý công chức khác": a
                # capitalised body after the comma starts a second actor; it is written as the heading gives it
                rest = f.text[nxt.end():].strip(" :;,.")
                name = display_name(rest)
                ctx.lead = [agency_ref(known, f, "inherited"),
                            AgencyRef(id=f"unknown:{slugify(name)}", name=name, text=rest,
                                      span=f.to_source(nxt.end(), nxt.end() + len(rest)),
                                      kind="collective" if name.startswith("Các ") else "role", known=False,
                                      origin="duty heading")]
                ctx.lead_origin = f"inherited from heading {node.id}"
            elif phrase and len(phrase.split()) <= longest and _res()["duty_body"].match(phrase):
                name = display_name(phrase)
                ctx.lead = [AgencyRef(id=f"unknown:{slugify(name)}", name=name, text=phrase,
                                      span=f.to_source(start, start + len(phrase)),
                                      kind="collective" if name.startswith("Các ") else "role", known=False,
                                      origin="duty heading")]
                ctx.lead_origin = f"inherited from heading {node.id}"
        elif not heading_only and _heading_like(f.text) and (role := _ROLE_HEADING.match(f.text.strip())):
            # "2.2. Cơ quan chủ trì giải quyết thủ tục đầu tư dự án:" names its actor by role
            phrase = role.group("role").strip(" :;,.")
            span = f.to_source(role.start("role"), role.start("role") + len(phrase)) if f.text else None
            ctx.lead = [AgencyRef(id=f"unknown:{slugify(phrase)}", name=phrase[:1].upper() + phrase[1:], text=phrase,
                                  span=span, kind="role", known=False, origin="role heading")]
            ctx.lead_origin = f"inherited from heading {node.id}"
        dls = [m for m in self.mentions.deadlines(f.text) if inheritable(m, f.text)]
        d = _pick_deadline(dls)
        if d is not None and not heading_only:
            ctx.deadline = deadline_ref(d, f, f"inherited from {node.id}")

    # tasks ------------------------------------------------------------------
    def _roles(self, f: Fragment, ctx: Context, prov: dict[str, str], *, own_subject: bool = True):
        text = f.text
        mentions = self.mentions.agencies(text)
        subj, subj_end = subject_mentions(text, mentions) if own_subject else ([], 0)
        lead_ms = list(subj)
        if subj:
            # "Tổng Bí thư giao Ban Tuyên giáo … chủ trì": the one assigned is the lead
            after = _res()["assign_after"].match(text[subj[-1].end:])
            if after:
                start = subj[-1].end + after.end()
                objs, _ = subject_mentions(text[start:], [_shift(m, -start) for m in mentions if m.start >= start])
                if objs:
                    lead_ms = [_shift(m, start) for m in objs]
                    mentions = [m for m in mentions if m.start >= start]
            elif (mid := _res()["giao_mid"].search(text, subj[-1].end)) is not None:
                # "Bộ Chính trị, Ban Bí thư cơ bản nhất trí với Tờ trình …, giao Đảng ủy Chính phủ …"
                start = mid.end()
                objs, _ = subject_mentions(text[start:], [_shift(m, -start) for m in mentions if m.start >= start])
                if objs:
                    lead_ms = [_shift(m, start) for m in objs]
                    mentions = [m for m in mentions if m.start >= start]
            elif _res()["statement"].match(text[subj_end:]) and (ask := _res()["assign_any"].search(text, subj_end)) is not None:
                # "…, Bộ Nội vụ đã hướng dẫn Sở Nội vụ … . Vì vậy, đề nghị Ủy ban nhân dân các tỉnh, thành phố … căn cứ
                # …" (11208/BNV-KHTC): the subject states a fact; the one asked after it is the unit's actor
                start = ask.end()
                objs, _ = subject_mentions(text[start:], [_shift(m, -start) for m in mentions if m.start >= start])
                if objs and objs[0].start <= 3:
                    lead_ms = [_shift(m, start) for m in objs]
                    mentions = [m for m in mentions if m.start >= start]
        # "X chủ trì" anywhere: X is the lead
        if not lead_ms:
            ends = [x.end for x in mentions]
            for m in _res()["lead_marker"].finditer(text):
                k = bisect_right(ends, m.start()) - 1  # the last agency ending before "chủ trì"
                if k >= 0 and _words_upto(text[mentions[k].end:m.start()], 2) <= 1:
                    lead_ms = [mentions[k]]
                    break
        if not lead_ms and own_subject and (topic := _TOPIC.match(text)) is not None:
            # "Về đề nghị hỗ trợ …: Giao Bộ Tài chính chủ trì …": the reply after the colon names the actor
            start = topic.end()
            rest = [_shift(m, -start) for m in mentions if m.start >= start]
            objs, _ = subject_mentions(text[start:], rest)
            if objs:
                lead_ms = [_shift(m, start) for m in objs]
                if (after := _res()["assign_after"].match(text[lead_ms[-1].end:])) is not None:
                    s2 = lead_ms[-1].end + after.end()
                    objs2, _ = subject_mentions(text[s2:], [_shift(m, -s2) for m in mentions if m.start >= s2])
                    lead_ms = [_shift(m, s2) for m in objs2] or lead_ms
        run = _role_after(text, _res()["report"], mentions, max_gap_words=1)
        if lead_ms and run and all(m in run for m in lead_ms):
            lead_ms = []  # "… phản ánh về Bộ A, Bộ B và Bộ C để xem xét": a list after a reporting verb is its recipients
        coords = self._partners(text, mentions, lead_ms)
        reports = [m for m in run if m not in lead_ms and m not in coords]
        far = [m for m in _role_after(text, _res()["report_far"], mentions, max_gap_words=0)
               if m not in lead_ms and m not in coords and m not in reports]
        if far and (not reports or far[0].start < reports[0].start):
            # "báo cáo kết quả … về Bộ X để tổng hợp, báo cáo cấp có thẩm quyền": the first receiver is the task's
            reports = sorted([*far, *reports], key=lambda m: m.start)
        reports = _before_relay(text, [m for m in reports if not _not_a_receiver(text, m) and not _dispatched(text, m)],
                                mentions)
        place = [] if lead_ms or not own_subject else self._place_actor(_TOPIC.sub("", text, count=1), f)
        role = [] if lead_ms or place or not own_subject else self._role_actor(f)
        if own_subject and len(lead_ms) == 1 and lead_ms[0].kind == "collective" and (
                defined := self._defined_collective(f, lead_ms[0])):
            lead_ms, role = [], defined
        label = [] if lead_ms or place or role or not own_subject else self._label_actor(f)
        if lead_ms:
            lead = _dedupe([agency_ref(m, f, "subject") for m in lead_ms])
            prov["lead"] = "subject of the unit's text" if subj else "'chủ trì' clause"
        elif place:
            lead = place
            prov["lead"] = "place named as actor"
        elif role:
            lead = role
            prov["lead"] = "role named as subject"
        elif label:
            lead = label
            prov["lead"] = "body named as the unit's label"
        elif ctx.lead:
            lead = list(ctx.lead)
            prov["lead"] = ctx.lead_origin or "inherited"
        else:
            lead = []
        lead = [_acting_body(ref) for ref in lead]
        if coords:
            prov["coordinators"] = "'phối hợp với' clause"
        if reports:
            prov["report_to"] = "'báo cáo'/'gửi' clause"
        coord_refs = _dedupe([agency_ref(m, f) for m in coords])
        if (not coord_refs and ctx.lead_coordinators is not None and ctx.lead_coordinators[0] is ctx.lead
                and prov.get("lead") == ctx.lead_origin and ctx.lead_coordinators[1]):
            # the lead-in's "X chủ trì, phối hợp với Y:" gives each of its items X as lead and Y as coordinators
            coord_refs = list(ctx.lead_coordinators[1])
            prov["coordinators"] = "inherited from the lead-in's 'phối hợp với' clause"
        return lead, coord_refs, _dedupe([agency_ref(m, f) for m in reports])

    def _partners(self, text: str, mentions: list, actors: list) -> list:
        """The partners after "phối hợp (với)", the actors aside."""
        coords = [m for m in _role_after(text, _res()["coord"], mentions, parts_in_brackets=True) if m not in actors]
        if not coords and (phrase := _coordinated_collective(text)) is not None:
            # "phối hợp với các cơ quan, địa phương đánh giá …": a collective the data does not know
            coords = self._collectives(text, phrase)
            colon = regex.match(r"\s*:\s*", text[phrase[1]:])
            named = [m for m in mentions if m not in actors and colon is not None and m.start == phrase[1] + colon.end()]
            if named:
                # "phối hợp với các cơ quan chức năng: Sở Y tế, Bộ Chỉ huy quân sự tỉnh, …": the bodies it stands for
                coords = named
        if coords:
            # "phối hợp với Sở A, Sở B và các doanh nghiệp logistics …", "phối hợp các lực lượng và UBND các xã, phường
            # …": the list goes on, named bodies and collectives in turn
            coords += self._more_partners(text, coords[-1].end, [m for m in mentions if m not in actors])
        return coords

    def _more_partners(self, text: str, pos: int, mentions: list) -> list:
        out: list = []
        while True:
            nxt = next((m for m in mentions if m.start >= pos), None)
            if nxt is not None and _LIST_GAP.fullmatch(text, pos, nxt.start):
                prev = out[-1] if out else next((m for m in mentions if m.end == pos), None)
                if not (prev is not None and prev.id is not None and nxt.id is not None
                        and _APPOSITION.fullmatch(text, pos, nxt.start) and _parent_id(prev.id) == nxt.id):
                    out.append(nxt)  # not "Cục Cảnh sát …, Bộ Công an": the body a partner belongs to
                pos = nxt.end
            elif (phrase := _coordinated_collective(text, pos)) is not None:
                more = self._collectives(text, phrase)
                if not more:
                    break
                out += more
                pos = phrase[1]
            else:
                break
        return out

    def _collectives(self, text: str, phrase: tuple[int, int]) -> list:
        """The bodies of a collective phrase; a new "các" starts a new one ("các doanh nghiệp viễn thông, các
        doanh nghiệp công nghệ số" -> two)."""
        out: list = []
        start = phrase[0]
        chain = load_agency_data().collective_chain_nouns
        for cut in [*_NEW_COLLECTIVE.finditer(text, phrase[0], phrase[1]), None]:
            end = cut.start() if cut is not None else phrase[1]
            piece = regex.sub(r"^(?:các|những)\s+", "", text[start:end], flags=regex.IGNORECASE).lower()
            if not piece.startswith(chain) and (joint := _starts_collective_after_and().search(text, start, end)):
                # "Nhà đầu tư và địa phương": a collective of other nouns than state units ends at "và" (guide rule 7)
                out += [_shift(m, start) for m in self.mentions.split_agencies(text[start:joint.start()])]
                start = joint.end()
            out += [_shift(m, start) for m in self.mentions.split_agencies(text[start:end])]
            start = cut.end() if cut is not None else end
        return out

    def _deadline(self, f: Fragment, ctx: Context, prov: dict[str, str]) -> Deadline | None:
        found = [m for m in self.mentions.deadlines(f.text) if governs_task(f.text, m)]
        d = _pick_deadline(found)
        if d is not None and d.kind == "recurring" and not regex.search(r"\d{1,2}\s*(?:/|tháng)", d.text):
            # "định kỳ 6 tháng … trước ngày 15 tháng 6 và trước ngày 01 tháng 12": the dates say more
            dated = [m for m in found if m.kind == "recurring" and regex.search(r"\d{1,2}\s*(?:/|tháng)", m.text)]
            d = dated[0] if dated else d
        if d is not None:
            prov["deadline"] = "own text"
            ref = deadline_ref(d, f, "own text")
            return _periodic_date(f.text, ref, found)
        if ctx.deadline is not None:
            prov["deadline"] = ctx.deadline.origin or "inherited"
            return ctx.deadline
        return None

    def _item_tasks(self, node: Node, path: list[Node], ctx: Context, f: Fragment, marks: list, *,
                    unit: str | None, id_base: str | None) -> Task | None:
        """One task per "(i) …" / "(1) …" item of ``f`` (``marks`` from :meth:`_inline_items`), each with ``ctx``'s
        actor and time unless it names its own; the last task made, or None."""
        last = None
        for k, m in enumerate(marks):
            end = marks[k + 1].start() if k + 1 < len(marks) else len(f.text)
            seg = regex.sub(r"\s*(?:;|,)?\s*(?:và)?\s*$", "", f.text[m.end():end].rstrip(" ;,"))
            if _words_upto(seg, 3) < 3:
                continue
            part = Fragment(seg, f.starts[m.end():m.end() + len(seg)], f.ends[m.end():m.end() + len(seg)])
            last = self._make_task(node, path, ctx, frag=part, text=seg, unit=unit,
                                   id_base=f"{id_base or node.id}__{m['n']}") or last
        return last

    def _make_task(self, node: Node, path: list[Node], ctx: Context, *, extra: list[Node] | None = None,
                   frag: Fragment | None = None, text: str | None = None, id_base: str | None = None,
                   unit: str | None = None, doubt: str | None = None, own_subject: bool = True) -> Task | None:
        f = frag or self.frag(node)
        text = text if text is not None else f.text
        if not text.strip():
            return None
        if own_subject and text == f.text and (split := self._actor_on_its_own_line(f)) is not None:
            # "1.1. Giao Sở Nông nghiệp và Môi trường" on its line, "Khẩn trương chia sẻ …" on the next: the actor is
            # the item's heading, the task its action (guide rule 4)
            subj, k = split
            sub = Fragment(f.text[k:], f.starts[k:], f.ends[k:])
            c2 = Context(_dedupe([agency_ref(m, f, "subject") for m in subj]), "actor written on the line before its action",
                         ctx.deadline, ctx.heading, ctx.in_task_area)
            return self._make_task(node, path, c2, extra=extra, frag=sub, text=sub.text, id_base=id_base, unit=unit,
                                   doubt=doubt, own_subject=False)
        prov: dict[str, str] = {"task": f"{node.kind} unit"}
        lead, coords, reports = self._roles(f, ctx, prov, own_subject=own_subject)
        if not lead and (lead := self._addressee_lead(text, node, path)):
            prov["lead"] = "'Kính gửi' addressees"
        if not lead and self.counterpart is not None:
            lead = [self.counterpart]
            prov["lead"] = "counterpart of the meeting concluded"
        if not lead:
            if own_subject and frag is None and (marks := self._inline_items(text)):
                # "b) Để làm tốt các nhiệm vụ sắp tới, đề nghị: (i) Tập đoàn … báo cáo …; (ii) Chủ đầu tư phối hợp …"
                # (653/TB-VPCP): no actor for the whole unit, each item names its own (rule 2)
                return self._item_tasks(node, path, ctx, f, marks, unit=unit, id_base=id_base)
            return None  # no actor, own or inherited: not a task (guide rule 8)
        if self._designation(text):
            return None  # "Cơ quan thẩm định: Sở Quy hoạch - Kiến trúc Hà Nội;": who holds a role, no action
        if not self._assigns(text) or (prov.get("lead") != "role named as subject"  # its duty word is the action
                                       and not ctx.objects_of_head
                                       and not names_an_action(text, [(m.start, m.end) for m in self.mentions.agencies(text)])):
            return None  # a statement, a count, or a list of names and titles: nothing to do
        deadline = self._deadline(f, ctx, prov)
        marks = self._inline_items(text)
        if marks:
            # "Giao Đảng ủy Chính phủ: (i) Chỉ đạo Đảng ủy Bộ Y tế …; (ii) Chỉ đạo …": one task per item,
            # each with the unit's actor and deadline unless it names its own
            # a time the items share stands before the first mark or closes the last item ("…; (iv) Đề xuất
            # …; báo cáo Thủ tướng Chính phủ kết quả thực hiện trong tháng 11 năm 2025"); one written inside an
            # earlier item is that item's ("(2) … hoàn thành trước ngày 22 tháng 12 năm 2025; (3) …")
            inner = [f.to_source(m.start(), marks[k + 1].start()) for k, m in enumerate(marks[:-1])]
            shared = deadline if (prov.get("deadline") != "own text" or deadline is None or deadline.span is None
                                  or not any(s <= deadline.span[0] < e for s, e in inner)) else ctx.deadline
            sub = Context(lead, prov.get("lead"), shared, ctx.heading, ctx.in_task_area)
            sub.objects_of_head = names_an_action(text[:marks[0].start()], [])
            # a report that closes the last item after its ";" is the items' report, like the time they share
            # ("…; (iv) Đề xuất …; báo cáo Thủ tướng Chính phủ kết quả thực hiện trong tháng 11 năm 2025", 11520/VPCP-CN)
            close = f.text.rfind(";", marks[-1].end())
            close_at = f.to_source(close, close + 1)[0] if close >= 0 else None
            shared_reports = reports if close_at is not None and reports and all(
                r.span is not None and r.span[0] > close_at for r in reports) else []
            first = len(self.tasks)
            first_mark = f.to_source(marks[0].start(), marks[0].end())[0]
            if partners := [c for c in coords if c.span is None or c.span[0] < first_mark]:
                # "Bộ Công Thương chủ trì phối hợp với các Bộ, cơ quan liên quan …, cụ thể: (i) …; (ii) …": the
                # partners named before the first mark work on every item, like a lead-in's (rule 4)
                sub.lead_coordinators = (lead, partners)
            last = self._item_tasks(node, path, sub, f, marks, unit=unit, id_base=id_base)
            for t in self.tasks[first:]:
                if shared_reports and not t.report_to:
                    t.report_to = list(shared_reports)
                    t.provenance["report_to"] = "the report closing the unit's last item"
            if last is not None:
                return last

        product = _product(text, self.mentions.agencies)
        if product:
            prov["product"] = "object of 'ban hành'/'trình'"
        span = f.to_source(0, len(f.text))
        if extra:
            span = (span[0], max(span[1], *(c.span[1] for c in extra)))
        task = Task(
            id=self._new_id(id_base or node.id), text=text, unit=unit or unit_label(path), unit_id=node.id, span=span,
            action=_action(text, self.mentions.agencies(text)), lead=lead, coordinators=coords, report_to=reports, deadline=deadline,
            product=product, context=ctx.heading, provenance=prov, doubt=doubt,
        )
        self.tasks.append(task)
        return task

    # prose blocks ---------------------------------------------------------------
    def _block(self, node: Node, path: list[Node], ctx: Context) -> None:
        """A plain paragraph: a lead-in, or clauses with their own actor (news-style prose)."""
        f = self.frag(node)
        text = f.text
        # "Bộ Xây dựng … tổ chức kiểm tra … hoạt động của Quỹ. Nội dung kiểm tra bao gồm:": the paragraph is the
        # task, the items after it the parts of it
        tail = part_list_tail(text)
        ctx.contents = is_content_lead_in(text)
        ctx.parts = tail or is_part_list(text)
        if is_non_task(text) or ctx.contents or (ctx.parts and not tail):
            return
        if not tail and node.kind == "intro" and text.rstrip().endswith(":") and not is_lead_in(text):
            # "1.2. Hỗ trợ khẩn cấp về nhà ở" / "Ủy ban nhân dân các tỉnh, thành phố:" / "a) Huy động …"; "Bộ Tài
            # chính chỉ đạo Bảo hiểm xã hội Việt Nam:" over "a) Thực hiện chi trả …": the paragraph before a
            # unit's points names their actor (rules 2 and 4), it is no task of its own
            subj, _ = subject_mentions(text, self.mentions.agencies(text))
            if subj and subj[0].start <= 3:
                before = ctx.lead
                self._absorb_actor(node, text, ctx)
                if ctx.lead is not before:
                    return
        # an article's or clause's opening paragraph that ends in ':' introduces the points after it (guide rule 2):
        # "Trong thời hạn 05 ngày làm việc, …, Ủy ban nhân dân cấp xã hoàn thành việc:" over "a) Tổ chức hội nghị …"
        lead_in = is_lead_in(text) or (node.kind == "intro" and text.rstrip().endswith(":"))
        if not tail and (node.kind == "intro" or lead_in):
            # "… các Bộ, cơ quan …, Ủy ban nhân dân các tỉnh … cần … các nhiệm vụ sau đây:"
            mentions = self.mentions.agencies(text)
            if lead_in and (mentions or self._lead_in_place(f)):
                # "…, thành phố Đà Nẵng cần tập trung thực hiện tốt một số nhiệm vụ, giải pháp sau đây:" names no body
                # the data knows, only its place (641/TB-VPCP)
                # the actors are the agencies right before the modal verb
                duty = _DUTY.search(text)
                subj, subj_end = subject_mentions(text, mentions)
                if subj and _ASKS_ONLY.match(text, subj_end) and self.addressees and self.addressees_act:
                    # "…, Chủ tịch Ủy ban nhân dân tỉnh yêu cầu:" (5973/UBND-KT): who asks, naming nobody asked; the
                    # items go to the letter's "Kính gửi" addressees (guide, Genres: Công văn)
                    ctx.lead = [a.model_copy(update={"origin": "Kính gửi"}) for a in self.addressees]
                    ctx.lead_origin = f"inherited from lead-in {node.id} (the addressees)"
                    ctx.lead_coordinators = None
                    return
                if subj and regex.match(r"^\s*(?:ban\s+hành|phê\s+duyệt|xây\s+dựng\s+và\s+ban\s+hành)\b", text[subj_end:], regex.IGNORECASE):
                    subj = []  # "Ủy ban nhân dân tỉnh ban hành Kế hoạch … như sau:": the issuer, not an actor
                    mentions = []
                elif subj:
                    actors = self._lead_in_actors(text, mentions, subj, subj_end)
                    if actors is None:
                        subj, mentions = [], []
                    else:
                        subj = actors
                if not subj and (ask := _res()["asked_at_end"].search(text)) is not None:
                    # "Triển khai chỉ đạo …, Bộ Xây dựng yêu cầu các cơ quan, đơn vị:": whom it asks
                    subj = [m for m in mentions if m.start >= ask.end()]
                    if not subj and (asked := self._asked_group(f, ask.end(), node)):
                        # "… Sở Công Thương yêu cầu các doanh nghiệp:", "… yêu cầu đơn vị nêu trên thực hiện một số
                        # nội dung sau:": a group the data has no entry for, or the bodies it refers back to
                        ctx.lead, ctx.lead_origin = asked, f"inherited from lead-in {node.id}"
                        ctx.lead_coordinators = None
                        return
                ms = subj or [m for m in _not_genitive(text, mentions) if duty and m.end <= duty.start()]
                if ms and not subj and (_words_upto(text[ms[-1].end:duty.start()], 9) > 8
                           or regex.search(r"\bban\s+hành\b", text[ms[-1].end:duty.start()])):
                    ms = []
                if ms:
                    # keep the last run of adjacent agencies
                    run = [ms[-1]]
                    for m in reversed(ms[:-1]):
                        if _words_upto(text[m.end:run[0].start], 3) <= 2:
                            run.insert(0, m)
                        else:
                            break
                    ctx.lead = _dedupe([agency_ref(m, f, "lead-in") for m in run])
                    ctx.lead_origin = f"inherited from lead-in {node.id}"
                    coords = self._partners(text, mentions, run)
                    ctx.lead_coordinators = (ctx.lead, _dedupe([agency_ref(m, f, "lead-in") for m in coords]))
                elif place := self._lead_in_place(f):
                    # "…, tỉnh Đắk Lắk cần tập trung thực hiện các nhiệm vụ sau:"
                    ctx.lead, ctx.lead_origin = place, f"inherited from lead-in {node.id}"
                d = _pick_deadline([m for m in self.mentions.deadlines(text) if inheritable(m, text)])
                if d is not None:
                    ctx.deadline = deadline_ref(d, f, f"inherited from lead-in {node.id}")
                return
            if lead_in and (node.kind == "intro" or _res()["scoped_heading"].match(text)) and (role := self._heading_actor(node, f)):
                # "Cơ quan thực hiện số hóa thực hiện các hoạt động sau:" over "- Phân loại mức độ ưu tiên số hóa …"
                # (7197/BKHCN's guide): a body the data does not know, named by its role before the duty that hands
                # out the items, is their actor (rule 4), as written
                ctx.lead, ctx.lead_origin = role, f"inherited from lead-in {node.id}"
                ctx.lead_coordinators = None
                return
            if node.kind == "intro" and lead_in:
                return
        # split into sentences/clauses that open with their own actor
        for s, e in self._completions_merged(text, _clauses(text, self.mentions.agencies)):
            clause = text[s:e].strip()
            lead_ws = len(text[s:e]) - len(text[s:e].lstrip())
            s += lead_ws
            sub = Fragment(text[s:s + len(clause)], f.starts[s:s + len(clause)], f.ends[s:s + len(clause)])
            mentions = self.mentions.agencies(sub.text)
            subj, end = subject_mentions(sub.text, mentions)
            if subj and subj[0].start > 0 and _res()["basis"].match(sub.text[:subj[0].start]):
                # "Thực hiện ý kiến chỉ đạo của Thủ tướng Chính phủ …, Văn phòng Chính phủ trân trọng kính mời …":
                # the basis is not the task's own text, which starts at its actor
                k = subj[0].start
                s += k
                sub = Fragment(sub.text[k:], sub.starts[k:], sub.ends[k:])
                mentions = self.mentions.agencies(sub.text)
                subj, end = subject_mentions(sub.text, mentions)
            if s > 0 and is_non_task(sub.text):
                # a later sentence of running prose that is no task by itself: "… kiến nghị của Tỉnh. Cùng dự buổi
                # làm việc có lãnh đạo các Bộ, cơ quan: …" (634/TB-VPCP); the unit as a whole was checked above
                continue
            assign = _res()["assign_any"].search(sub.text)
            if not subj and not assign and (self._place_actor(sub.text, sub) or (
                    _res()["role_duty_sentence"].match(sub.text) and self._role_actor(sub))):
                # "Doanh nghiệp khai thác khoáng sản có trách nhiệm gửi kế hoạch …" as an article's only paragraph
                # (24/2025/TT-BCT, Điều 8): a body named by its role, as in a numbered clause
                self._make_task(node, path, ctx, frag=sub, text=sub.text, id_base=f"{node.id}__s{s}")
                continue
            if not subj and not assign:
                if (ctx.lead and ctx.lead_origin and (
                        "heading" in ctx.lead_origin
                        # "1. Công tác tuyên truyền, phổ biến" over "Tổ chức quán triệt, phổ biến …" under the
                        # letter's "… yêu cầu các sở, ban, ngành … thực hiện các nội dung sau:": the titled unit's
                        # body opens on its action, the lead-in's actors do it
                        or (node.kind == "intro" and "lead-in" in ctx.lead_origin and s == 0
                            and len(path) > 1 and _topic_title(path[-2].text) and opens_with_action(sub.text)))
                        and not is_non_task(sub.text)):
                    # "2. Sở Tài chính" then "Căn cứ chức năng, nhiệm vụ, phối hợp …": the heading's actor
                    self._make_task(node, path, ctx, frag=sub, text=sub.text, own_subject=False,
                                    id_base=f"{node.id}__s{s}")
                elif self._letter_prose_instruction(node, path, sub.text):
                    self._make_task(node, path, ctx, frag=sub, text=sub.text, id_base=f"{node.id}__s{s}")
                continue
            if assign and not subj:
                after = [m for m in mentions if m.start >= assign.end() and _words_upto(sub.text[assign.end():m.start], 3) <= 2]
                if not after:
                    if (asked := self._asked_role(sub, assign.end())) is not None:
                        # "Đề nghị Chủ đầu tư tổ chức khảo sát …" (6791/SNNMT-KHTC): the role asked, as written
                        c2 = Context([asked], "assignment verb", ctx.deadline, ctx.heading)
                        self._make_task(node, path, c2, frag=sub, text=sub.text, own_subject=False,
                                        id_base=f"{node.id}__s{s}")
                    elif self._letter_prose_instruction(node, path, sub.text):
                        self._make_task(node, path, ctx, frag=sub, text=sub.text, id_base=f"{node.id}__s{s}")
                    continue
                # lead = agencies right after "giao"/"yêu cầu"
                run = [after[0]]
                for m in after[1:]:
                    if _res()["glue"].match(sub.text[run[-1].end:m.start]):
                        run.append(m)
                    else:
                        break
                c2 = Context([agency_ref(m, sub, "object of assignment verb") for m in run], "assignment verb", ctx.deadline, ctx.heading)
                self._make_task(node, path, c2, frag=sub, text=sub.text, own_subject=False,
                                id_base=f"{node.id}__s{s}")
                continue
            if end >= len(sub.text) - 2:
                continue
            if _res()["statement"].match(sub.text[end:]):
                continue  # "Quốc hội đã thông qua …": a statement of fact
            if node.kind in ("intro", "block") and not regex.search(r"[.;:!?…]\s*$", sub.text) and len(sub.text) < 250 and s == 0 and e == len(text):
                continue  # a headline, not an assignment
            self._make_task(node, path, ctx, frag=sub, text=sub.text, id_base=f"{node.id}__s{s}",
                            doubt="prose clause" if node.kind in ("wrapup", "block") and not ctx.lead else None)

    def _completions_merged(self, text: str, clauses: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """A sentence that opens with a completion and names no actor ("… trên địa bàn tỉnh. Hoàn thành, báo cáo kết
        quả Ủy ban nhân dân tỉnh trong tháng 11/2025.") finishes the sentence before it: one clause, one task."""
        out: list[tuple[int, int]] = []
        for s, e in clauses:
            part = text[s:e].strip()
            if (out and _res()["completion_sentence"].match(part) and not _res()["assign_any"].search(part)
                    and not subject_mentions(part, self.mentions.agencies(part))[0]):
                out[-1] = (out[-1][0], e)
            else:
                out.append((s, e))
        return out

    # tables ---------------------------------------------------------------------
    def _table(self, table: Node, path: list[Node], ctx: Context) -> None:
        if is_step_table(table):
            return
        header = [h or "" for h in (table.header or [])]
        all_rows = [r for c in table.children for r in (c.children if c.kind == "group" else [c]) if r.kind == "row" and r.cells]
        if (header and header[0] and not header[-1] and all_rows
                and sum(bool(_NUMBERING_CELL.match((r.cells or [""])[0].strip())) for r in all_rows) * 2 > len(all_rows)
                and not _NUMBERING_CELL.match(header[0])):
            # a header repeated after a page break without its "STT" cell: "Nội dung | Đơn vị thực hiện | … | "
            # over rows "6.1 | Xây dựng … | Sở … | …": the header's cells sit one column to the left
            header = ["", *header[:-1]]
        cols = _map_columns(header)
        last = self._last_table_header
        if cols.get("task") is None and last is not None and len(last) == len(header) and _placeholder_header(header):
            # "Col1 | Col2 | … | Col7": a page of the task table before it, under a converter's stand-in header
            header, cols = last, _map_columns(last)
        if cols.get("task") is None or (cols.get("lead") is None and cols.get("indicator") is not None):
            return  # not a task table (e.g. indicators)
        self._last_table_header = header
        if cols.get("lead") is None and not ctx.lead:
            return
        width = len(header)  # a task column was found in it, so the table has a header
        above: tuple[list[str], list[Fragment]] | None = None  # the last full row of this group (or of the table)
        for child in table.children:
            rows = child.children if child.kind == "group" else [child]
            group = child.heading if child.kind == "group" else None
            if child.kind == "group":
                above = None
            if group and non_task_heading(group):
                continue
            for row in rows:
                if row.kind != "row" or not row.cells or _is_header_row(row.cells) or _spanned_row(row.cells):
                    continue
                cells, frags = list(row.cells), list(row.cell_fragments)
                task_col = cols["task"]
                if len(cells) >= width and above is not None and task_col and not any(c.strip() for c in cells[:task_col]):
                    # the same, kept as empty cells: "| | | | | - Rà soát, cập nhật … | … |"
                    cells[:task_col], frags[:task_col] = above[0][:task_col], above[1][:task_col]
                elif len(cells) >= width:
                    lead_col = cols.get("lead")
                    blank_from = next((k for k in range(len(cells), 0, -1) if cells[k - 1].strip()), 0)
                    num_col = cols.get("num") or 0
                    if (above is not None and lead_col is not None and task_col is not None
                            and task_col < blank_from <= lead_col < len(above[0]) and above[0][lead_col].strip()
                            and _numbering_shape(cells[num_col]) == _numbering_shape(above[0][num_col]) != ""):
                        # the row's last cells are empty from before its lead column on, the row above's are not:
                        # they are merged down from it (rowspan), as a flattened table writes them once: "1 | Số
                        # đơn vị hành chính | Chính thức | Tháng 6/2025 | Cổng … | Vụ Chính quyền địa phương" then
                        # "2 | Số đại biểu Hội đồng nhân dân | Chính thức | | |". Not a group row numbered otherwise
                        # than the row above ("4 | …" then "III.1.2 | Nhóm các nền tảng … | | |", 2629/QĐ-TTg)
                        cells = cells[:blank_from] + above[0][blank_from:len(cells)]
                        frags = frags[:blank_from] + above[1][blank_from:len(frags)]
                    else:
                        above = (cells, frags)
                elif above is not None and len(cells) >= 2 and task_col is not None and task_col >= width - len(cells):
                    # cells merged down from the row above (rowspan) are written once: "1 | Bộ Nông nghiệp và Môi
                    # trường | … | - Hoàn thiện Nghị định … | … | …" then "- Rà soát, cập nhật … | … | …"
                    k = width - len(cells)
                    cells, frags = above[0][:k] + cells, above[1][:k] + frags
                self._row(row, [*path, *( [child] if child.kind == "group" else []), row], cols, ctx, group,
                          cells=cells, frags=frags)

    def _row(self, row: Node, path: list[Node], cols: dict[str, int | None], ctx: Context, group: str | None,
             *, cells: list[str] | None = None, frags: list[Fragment] | None = None) -> None:
        cells = cells if cells is not None else (row.cells or [])
        frags = frags if frags is not None else row.cell_fragments

        def cell(name: str) -> tuple[str, Fragment | None]:
            i = cols.get(name)
            if i is None or i >= len(cells) or not cells[i]:
                return "", None
            return cells[i], frags[i]

        task_text, tf = cell("task")
        if not task_text or tf is None:
            return
        if (bullet := _CELL_BULLET.match(tf.text)) is not None and bullet.end() < len(tf.text):
            # "- Hoàn thiện Nghị định …": the cell's dash is no part of the task
            tf = Fragment(tf.text[bullet.end():], tf.starts[bullet.end():], tf.ends[bullet.end():])
            task_text = tf.text
        prov: dict[str, str] = {"task": "table row", "text": f"table column '{_header_name(cols, 'task', path)}'"}
        lead_text, lf = cell("lead")
        # "Theo phân công tại Quyết định số …": the lead is given elsewhere, not by this cell nor by the context
        by_reference = lf is not None and _res()["reference_cell"].match(lead_text) is not None
        lead = [agency_ref(m, lf, "table column") for m in self.mentions.split_agencies(lead_text)] if lf else []
        if by_reference:
            lead = []
        elif lead:
            prov["lead"] = "table column 'chủ trì'"
        elif ctx.lead:
            lead = list(ctx.lead)
            prov["lead"] = ctx.lead_origin or "inherited"
        else:
            lead_ms, _ = subject_mentions(tf.text, self.mentions.agencies(tf.text))
            lead = [agency_ref(m, tf, "subject") for m in lead_ms]
        if not lead and not by_reference:
            return
        co_text, cf = cell("coordinators")
        coords = [agency_ref(m, cf, "table column") for m in self.mentions.split_agencies(co_text)] if cf else []
        if coords:
            prov["coordinators"] = "table column 'phối hợp'"
        elif cols.get("coordinators") is None:
            # no partner column: the task cell names them ("Chủ trì, phối hợp với Bộ Khoa học và Công nghệ …")
            lead_ids = {a.id or a.name for a in lead}
            coords = [agency_ref(m, tf) for m in _role_after(tf.text, _res()["coord"], self.mentions.agencies(tf.text),
                                                             parts_in_brackets=True)
                      if (m.id or m.name) not in lead_ids]
            if coords:
                prov["coordinators"] = "own text"
        _, df = cell("deadline")
        deadline = None
        if df is not None:
            d = self.mentions.parse_deadline(df.text)
            if d is not None:
                deadline = deadline_ref(d, df, "table column")
                prov["deadline"] = "table column 'thời gian'"
        if deadline is None:
            d = _pick_deadline(self.mentions.deadlines(tf.text))
            if d is not None:
                deadline = deadline_ref(d, tf, "own text")
                prov["deadline"] = "own text"
        prod_text, pf = cell("product")
        product = prod_text or None
        if product:
            prov["product"] = "table column 'sản phẩm'"
        elif cols.get("product") is None and (product := _product(tf.text, self.mentions.agencies)):
            # a task table without a "Sản phẩm" column: the output its task cell names ("Xây dựng chương trình hỗ
            # trợ …", 552/KH-UBND), read as in a unit's text
            prov["product"] = "object of 'ban hành'/'trình' in the task cell"
        reports = [agency_ref(m, tf) for m in _role_after(tf.text, _res()["report"], self.mentions.agencies(tf.text), max_gap_words=1)]
        if pf is not None and not reports:
            # a product cell "Báo cáo Thủ tướng Chính phủ" names who receives the report
            reports = [agency_ref(m, pf) for m in _role_after(pf.text, _res()["report"], self.mentions.agencies(pf.text), max_gap_words=1)]
            if reports:
                prov["report_to"] = "table column 'sản phẩm' ('Báo cáo …')"
        task = Task(
            id=self._new_id(row.id), text=tf.text, unit=unit_label(path), unit_id=row.id, span=row.span,
            action=_action(tf.text, []), lead=_dedupe(lead), coordinators=_dedupe(coords), report_to=_dedupe(reports),
            deadline=deadline, product=product, context=group or ctx.heading, provenance=prov,
        )
        self.tasks.append(task)


_ROLE_HEADING = regex.compile(
    r"^(?:(?:Trách\s+nhiệm|Nhiệm\s+vụ)\s+của\s+|Đối\s+với\s+)?(?P<role>(?:các\s+)?(?:cơ\s+quan|đơn\s+vị)\b.*)$",
    regex.IGNORECASE,
)
_DUTY = regex.compile(r"\b(?:cần|phải|có\s+trách\s+nhiệm|chịu\s+trách\s+nhiệm|tập\s+trung|khẩn\s+trương|tổ\s+chức\s+thực\s+hiện|thực\s+hiện\s+các|triển\s+khai\s+các|triển\s+khai\s+thực\s+hiện)\b", regex.IGNORECASE)
# an agency right after these words is a genitive or an object, not the actor of a lead-in
# ("… thuộc phạm vi quản lý của Sở Nông nghiệp và Môi trường … cần …")
_OBJECT_BEFORE = regex.compile(r"\b(?:của|thuộc|cho|với|tại|đối\s+với|từ|về)\s*$", regex.IGNORECASE)
# a later sentence or clause that assigns: ". Giao Bộ Công an chủ trì …", ", giao Ủy ban nhân dân …"
_GIAO_LATER = regex.compile(r"[.;,]\s*(?:đồng\s+thời\s+)?[Gg]iao(?:\s+cho)?\s+(?=\p{Lu}|các\s)")
_PLACE = regex.compile(r"\b(?P<level>[Tt]ỉnh|[Tt]hành phố) (?P<place>\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+){0,3})")
# "Tỉnh căn cứ …", "Thành phố chủ động …" (a lower-case verb follows: not "Tỉnh ủy", not a place name)
def _not_genitive(text: str, mentions: list) -> list:
    """The mentions that can be a lead-in's actor: not after "của", "thuộc", "cho" …, nor joined by "và"
    or a comma to one that is ("… của Sở Nông nghiệp và Môi trường và UBND cấp xã …")."""
    out, prev_genitive, prev_end = [], False, 0
    for m in mentions:
        gap = text[prev_end:m.start]
        genitive = bool(_OBJECT_BEFORE.search(text, max(0, m.start - 40), m.start)) or (
            prev_genitive and bool(regex.fullmatch(r"\s*(?:,|và|,\s*và)\s*", gap)))
        if not genitive:
            out.append(m)
        prev_genitive, prev_end = genitive, m.end
    return out


def _join_fragments(parts: list[Fragment]) -> Fragment:
    """Fragments one after another, separated by "; " (mapped to the end of the part before it)."""
    text, starts, ends = "", [], []
    for f in parts:
        if text:
            text += "; "
            starts += [ends[-1]] * 2
            ends += [ends[-1]] * 2
        text += f.text.rstrip(" .;")
        n = len(f.text.rstrip(" .;"))
        starts += f.starts[:n]
        ends += f.ends[:n]
    return Fragment(text, starts, ends)


# items enumerated inside one unit: "(i) …; (ii) …; (iii) …"
_INLINE_ENUM = regex.compile(r"\((?P<n>i|ii|iii|iv|v|vi|vii|viii|ix|x)\)\s*")
_INLINE_NUM = regex.compile(r"(?<![\p{L}\p{N}])\((?P<n>[1-9]|1[0-9])\)\s*")
_ROMAN = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x")


def _item_number(n: str) -> int:
    """"3" -> 3, "iii" -> 3."""
    return int(n) if n.isdigit() else _ROMAN.index(n) + 1

_BIG_UNITS = frozenset({"part", "chapter", "section", "subsection", "article", "clause", "appendix"})
_SUB_UNITS = frozenset({"point", "item", "clause", "section", "subsection", "article", "chapter", "part"})
# the units a lead-in lists ("a) …", "1. …", "- …"): what a content lead-in's items are
_LIST_ITEMS = frozenset({"point", "item", "bullet", "clause"})
_PLACE_LEAD = regex.compile(
    r"(?:^|,\s*)(?P<level>[Tt]ỉnh|[Tt]hành\s+phố)(?:\s+(?P<place>\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){0,3}))?(?:\s*\(mới\))?"
    r"\s+(?=cần\b|phải\b|tập\s+trung|chủ\s+động|khẩn\s+trương|tiếp\s+tục)")
# "Cấp ủy, chính quyền Thành phố phải …": the place's Party committee and its People's Committee
_PARTY_AND_STATE_SUBJECT = regex.compile(r"^\s*(?P<who>[Cc]ấp\s+ủy(?:\s+đảng)?\s*(?:,|và)\s*chính\s+quyền)\s+"
                                         r"(?P<level>[Tt]ỉnh|[Tt]hành\s+phố)\s+(?=\p{Ll})")
_PLACE_SUBJECT = regex.compile(r"^\s*(?:(?:Đồng\s+thời|Trong\s+thời\s+gian\s+tới|Trước\s+mắt),\s*)?(?P<level>Tỉnh|Thành\s+phố)\s+(?!ủy\b|uỷ\b)(?=\p{Ll})")
# "Về đề nghị …:", "Về việc …:" — a reply's topic before its answer
# "Đối với dự án cao tốc Bảo Lộc – Liên Khương: …", "Về kinh phí: …" — the topic an item opens with
_FOR_TOPIC = regex.compile(r"^\s*(?:Đối\s+với|Về)\s+[^:]{3,200}:\s*", regex.IGNORECASE)
_TOPIC = regex.compile(r"^\s*Về\s+[^:]{3,300}:\s*", regex.IGNORECASE)


_CLAUSE_BREAK = regex.compile(r"(?<=[.;!?])\s+(?=\p{Lu}|\p{Ll})|\n")


def _clauses(text: str, agencies: Callable[[str], list]) -> list[tuple[int, int]]:
    """Sentence and ';' clause boundaries of a paragraph."""
    out: list[tuple[int, int]] = []
    start = 0
    for m in _CLAUSE_BREAK.finditer(text):
        seg = text[start:m.start()]
        if seg.strip():
            out.append((start, m.start()))
        start = m.end()
    if text[start:].strip():
        out.append((start, len(text)))
    # merge ';' clauses that do not open with an agency of their own into the previous one
    # ("… giao Công an tỉnh xây dựng báo cáo …; tham mưu Ủy ban nhân dân tỉnh trước ngày 12/12/2025")
    merged: list[tuple[int, int]] = []
    in_list = False  # the last clause ended on a name of a list that ";" separates
    for s, e in out:
        head = text[s:e][:80]
        after_semicolon = bool(merged) and text[merged[-1][1] - 1: merged[-1][1]] == ";"
        bare = after_semicolon and _names_only(text[s:e], agencies)
        if after_semicolon and (bare or in_list or not subject_mentions(head, agencies(head))[0]
                                or _res()["condition"].match(head)):
            # "…; trường hợp vượt thẩm quyền, Sở Khoa học và Công nghệ tổng hợp …": an exception of the same clause;
            # "… đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh; các Sở, ban, ngành của tỉnh; Công an tỉnh; … tổ chức
            # nghiên cứu …" (3320/SNNMT-CCMT): the names a ";" separates, up to the one the action follows
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
        in_list = bare or (not merged[:-1] and _names_only_after_ask(text[s:e], agencies))
    return merged


def _names_only(segment: str, agencies: Callable[[str], list]) -> bool:
    """Is a ";" segment a name of a list and nothing more ("các Sở, ban, ngành của tỉnh")?"""
    seg = segment.strip(" ;.\n")
    found = agencies(seg) if seg else []
    if not found or found[0].start > 0:
        return False
    left = seg
    for m in reversed(found):
        left = left[:m.start] + left[m.end:]
    return _words_upto(left.replace(",", " "), 2) == 0 or left.strip(" ,") in ("và",)


def _names_only_after_ask(segment: str, agencies: Callable[[str], list]) -> bool:
    """Does a clause end on the first name a ";" list of those asked opens with ("… đề nghị Ủy ban Mặt trận Tổ quốc
    Việt Nam tỉnh;")?"""
    seg = segment.rstrip(" \n")
    if not seg.endswith(";"):
        return False
    ask = _res()["assign_any"].search(seg)
    found = agencies(seg)
    return ask is not None and bool(found) and found[-1].start >= ask.end() and found[-1].end >= len(seg) - 2


def _header_name(cols: dict[str, int | None], name: str, path: list[Node]) -> str:
    """The header cell a column was mapped from ("Nhiệm vụ, giải pháp")."""
    table = next((n for n in reversed(path) if n.kind == "table"), None)
    i = cols.get(name)
    if table is None or i is None or not table.header or i >= len(table.header):
        return name
    return table.header[i]


_CELL_BULLET = regex.compile(r"^\s*[-–+•*]\s+")
_NUMBERING_CELL = regex.compile(r"^(?:\d{1,3}(?:\.\d{1,3}){0,3}\.?|[IVXLC]{1,6}\.?|[a-zđ]\))$")


_NUMBERING_ROMAN = regex.compile(r"(?<![A-Za-z])[IVXLC]+(?![A-Za-z])")
_NUMBERING_DIGITS = regex.compile(r"\d+")


def _numbering_shape(cell: str) -> str:
    """A row number with its numbers blanked: two rows of one list have the same shape.

    >>> _numbering_shape("17"), _numbering_shape("III.1.2"), _numbering_shape("2.")
    ('9', 'R.9.9', '9.')
    """
    return _NUMBERING_DIGITS.sub("9", _NUMBERING_ROMAN.sub("R", cell.strip()))


def _spanned_row(cells: list[str]) -> bool:
    """A group row whose one cell spans the table, written into every column by a converter: no task.

    >>> _spanned_row(["II", "Tăng cường an toàn mạng lưới", "Tăng cường an toàn mạng lưới", "Tăng cường an toàn mạng lưới"])
    True
    >>> _spanned_row(["1", "Rà soát quy hoạch", "Sở Xây dựng", "Sở Xây dựng"])
    False
    """
    filled = [c.strip() for c in cells[1:] if c.strip()]
    return len(filled) >= 3 and len(set(filled)) == 1


def _placeholder_header(header: list[str]) -> bool:
    """A converter's stand-in header ("Col1 | Col2 | …"), most of whose cells name no column.

    >>> _placeholder_header(["Col1", "Col2", "Col3", "- Xây dựng các trạm phát sóng", "Col5"])
    True
    >>> _placeholder_header(["TT", "Nhiệm vụ", "Đơn vị chủ trì", "Col4"])
    False
    """
    stand_in = _res()["col_placeholder"]
    return sum(bool(stand_in.match(h.strip())) for h in header) * 2 > len(header)


def _is_header_row(cells: list[str]) -> bool:
    """A row that repeats the column names ("Nội dung | Đơn vị thực hiện | Đơn vị phối hợp | …"): no task.

    >>> _is_header_row(["Nội dung", "Đơn vị thực hiện", "Đơn vị phối hợp", "Thời gian thực hiện"])
    True
    >>> _is_header_row(["6.1", "Xây dựng kế hoạch phát triển kinh tế số", "Sở Văn hóa, Thể thao và Du lịch", "2026"])
    False
    """
    cols = _map_columns(cells)
    named = [i for k, i in cols.items() if i is not None and k != "num" and len(cells[i].split()) <= 5]
    return len(named) >= 2 and sum(len(c.split()) <= 5 for c in cells if c) == len([c for c in cells if c])


def _map_columns(header: list[str]) -> dict[str, int | None]:
    r = _res()
    cols: dict[str, int | None] = {k: None for k in ("num", "task", "lead", "coordinators", "deadline", "product", "note",
                                                     "indicator", "group")}
    for i, h in enumerate(header):
        h2 = fold_tones(h).strip().lower()
        for name in ("num", "group", "coordinators", "lead", "deadline", "product", "note", "indicator", "task"):
            if cols[name] is None and r[f"col_{name}"].search(h2):
                if name == "lead" and r["col_coordinators"].search(h2):
                    continue
                cols[name] = i
                break
    return cols


@cache
def _lexicon_words() -> frozenset[str]:
    lex = action_words()
    return lex["verbs"] | lex["lead_adverbs"] | lex["modals"]


def _joined_tokens(words: list[str], keys: list[str]) -> tuple[list[str], list[str]]:
    """Two word tokens that make one word of the lexicon read as one ("Đẩy" + "nhanh", "Từng" + "bước"), in one pass.

    >>> _joined_tokens(["Đẩy", "nhanh", "tiến độ"], ["đẩy", "nhanh", "tiến độ"])[0]
    ['Đẩy nhanh', 'tiến độ']
    """
    known = _lexicon_words()
    out_words: list[str] = []
    out_keys: list[str] = []
    k = 0
    while k < len(keys):
        pair = f"{keys[k]} {keys[k + 1]}" if k + 1 < len(keys) else ""
        if pair and keys[k] not in known and pair in known:
            out_words.append(f"{words[k]} {words[k + 1]}")
            out_keys.append(pair)
            k += 2
        else:
            out_words.append(words[k])
            out_keys.append(keys[k])
            k += 1
    return out_words, out_keys


def lexicon_action(words: list[str]) -> str | None:
    """The leading verb phrase from word tokens and the lexicon, or None when the first word is unknown.

    >>> lexicon_action(["Xây dựng", ",", "trình", "ban hành", "và", "tổ chức", "triển khai", "chương trình"])
    'Xây dựng, trình ban hành và tổ chức triển khai'
    >>> lexicon_action(["Đẩy", "nhanh", "tiến độ", "thực hiện"])
    'Đẩy nhanh'
    """
    lex = action_words()
    keys = [fold_tones(w).lower() for w in words]
    words, keys = _joined_tokens(words, keys)
    i, n = 0, len(words)
    while i < n and keys[i] in lex["modals"]:
        i += 1
    start = i
    if i < n and keys[i] in lex["lead_adverbs"] and i + 1 < n and keys[i + 1] in lex["verbs"]:
        i += 1
    if i >= n or keys[i] not in lex["verbs"]:
        return None
    last = i
    i += 1
    while i < n and i - start < 14:
        follows = i + 1 < n and keys[i + 1] in lex["verbs"]
        if keys[i] in lex["verbs"] and (keys[i] not in lex["first_only"] or follows):
            last = i
        elif keys[i] in lex["conjunctions"] and follows and (
                keys[i + 1] not in lex["first_only"] or (i + 2 < n and keys[i + 2] in lex["verbs"])):
            last = i + 1
            i += 1
        else:
            break
        i += 1
    phrase = ""
    for w in words[start:last + 1]:
        phrase += w if w in (",", "/") or not phrase else " " + w
    return phrase


def reference_appendices(source: str, nodes: list[Node]) -> set[str]:
    """The appendices the body sends for reference (task_words.yaml ``reference_appendix``): their normalised
    numbers, or "*" for every one when the sentence names none.

    >>> src = "2. Bộ gửi các thủ tục hành chính để tham khảo (chi tiết tại Phụ lục kèm theo).\\nPHỤ LỤC I"
    >>> reference_appendices(src, [Node(id="item_2", kind="item", span=(0, 76)), Node(id="app_I", kind="appendix", num="I", span=(77, 87))])
    {'*'}
    """
    starts = [n.span[0] for n in nodes if n.kind == "appendix"]
    if not starts:
        return set()
    out: set[str] = set()
    for m in _res()["reference_appendix"].finditer(source[:min(starts)].lower()):
        nums = [x for x in regex.split(r"[\s,]+|\bvà\b|\bsố\b", "".join(m.captures("nums"))) if x.strip()]
        out |= {norm_num(x.upper()) for x in nums} if nums else {"*"}
    return out


def _topic_title(text: str) -> bool:
    """A unit's title that names a topic, not an actor: short, unpunctuated, no capitalised word after its first
    ("Công tác tuyên truyền, phổ biến"; not "Phó Giám đốc Sở - Hoàng Văn Thuân").

    >>> _topic_title("Công tác tuyên truyền, phổ biến"), _topic_title("Phó Giám đốc Sở - Hoàng Văn Thuân")
    (True, False)
    """
    words = text.split()
    return _heading_like(text) and not any(w[:1].isupper() for w in words[1:])


def opens_with_action(text: str) -> bool:
    """Does the text open with an action verb of the lexicon (read from its first ten words)?

    >>> opens_with_action("Rà soát, sửa đổi các quy định của pháp luật tạo điều kiện tháo gỡ khó khăn")
    True
    >>> opens_with_action("Kết quả thực hiện các nhiệm vụ được giao")
    False
    """
    head = " ".join(text.split(" ", 10)[:10])
    return lexicon_action([w for _, _, w in word_spans(head)]) is not None


def _action(text: str, mentions: list) -> str | None:
    """The leading verb phrase, read after the actor ("Bộ Tài chính chủ trì, …" -> "chủ trì, phối hợp").

    Word tokens come from underthesea (``nlp.word_spans``); the lexicon decides, and underthesea's POS
    tagger (``nlp.action_phrase``) is asked only when the first word is not in the lexicon.
    """
    subj, end = subject_mentions(text, mentions)
    start = end if subj else 0
    head = " ".join(text[start:].lstrip(" ,:;").split(" ", 14)[:14])
    words = [w for _, _, w in word_spans(head)]
    found = lexicon_action(words)
    return found if found is not None else action_phrase(head)


def extract_tasks(tree: list[Node], source: str, mentions: Mentions,
                  addressees: list[AgencyRef] | None = None, known_names: list[AgencyRef] | None = None,
                  issuer: AgencyRef | None = None, doc_type: str | None = None,
                  letter_end: int | None = None) -> list[Task]:
    """All tasks of an annotated tree (see :func:`vbpl_extract.annotate.annotate`), in document order.

    ``letter_end``: where the closing block (Nơi nhận, signature) starts in the source; what follows it (a
    criteria table, a form) is an annex, whose verb-led units are no instructions to the addressees.

    A unit that fails is recorded as a warning of this stage in ``mentions.diagnostics``; the others go on.

    ``known_names``: the agencies the document names in full anywhere (header, other units); a
    short form in a task ("Ban Chỉ đạo của Chính phủ" for the steering committee named in full in the
    header) is expanded to the full name when the source text around it says which one.
    """
    extractor = TaskExtractor(source, mentions, addressees, issuer, doc_type)
    # a plan, report or submission "Kính gửi" the council that receives it: the addressee acts on none of its items
    extractor.addressees_act = doc_type not in task_words()["addressee_receives_types"]
    extractor.letter_end = letter_end
    extractor.letter = doc_type is None or doc_type in task_words()["letter_instruction_types"]
    tasks = extractor.run(tree)
    if extractor.letter and letter_end is not None and (start := enclosure_start(source, letter_end)) is not None:
        tasks = [t for t in tasks if t.span is None or t.span[0] < start]
    _appendix_rows_deadline(tasks)
    groups = task_words()["addressee_groups"]
    place = extractor.place
    if place and issuer is not None and fold_tones(place[1]).casefold() in fold_tones(issuer.name).casefold():
        place = None  # the province's own document: "Ủy ban nhân dân tỉnh" is written as the document writes it
    named = NamedPlaceGroups(source, mentions, groups)
    words = task_words()
    backrefs = ({fold_tones(n).casefold() for n in words["addressee_back_references"]}
                if doc_type in words["addressee_back_reference_types"] else set())
    for t in tasks:
        # a letter's back-reference to its addressees is the one asked, never a partner (guide, Genres: Công văn)
        t.lead[:] = _dedupe([x for ref in t.lead for x in back_referenced_addressees(ref, addressees or [], backrefs)])
        for refs in (t.lead, t.coordinators):
            refs[:] = [plural_addressee(fuller_addressee(ref, addressees or []), addressees or [], source) for ref in refs]
            refs[:] = _dedupe([x for ref in refs for x in addressed_bodies(ref, addressees or [], groups)])
            refs[:] = _dedupe([x for ref in refs for x in named.expand(ref)])
            if place:
                refs[:] = [with_place(ref, place, mentions) for ref in refs]
    if short_forms := defined_short_forms(source, mentions):
        for t in tasks:
            for refs in (t.lead, t.coordinators, t.report_to):
                refs[:] = [with_defined_name(ref, short_forms, mentions, source) for ref in refs]
    if fillers := role_fillers(source):
        for t in tasks:
            for refs in (t.lead, t.coordinators, t.report_to):
                refs[:] = _dedupe([with_role_filler(ref, fillers) for ref in refs])
    known_names = [*(known_names or []), *established_bodies(source)]
    if known_names:
        for t in tasks:
            for refs in (t.lead, t.coordinators, t.report_to):
                for i, ref in enumerate(refs):
                    refs[i] = expand_short_form(ref, known_names, source, issuer)
    if extractor.place:
        written = WrittenForms(source)
        for t in tasks:
            for refs in (t.lead, t.coordinators, t.report_to):
                refs[:] = [with_written_place(with_own_level(ref, extractor.place, mentions), extractor.place, written,
                                              mentions) for ref in refs]
    return tasks


def _in_appendix(task: Task) -> bool:
    """Does the task come from a unit of an appendix ("app", "app_2__table_1__row_3")?"""
    return (task.unit_id or "").split("__")[0].startswith("app")


def _appendix_rows_deadline(tasks: list[Task]) -> None:
    """Give the appendix's table rows that state no deadline the deadline of the body's one unit that refers
    to the appendix and says, in the same sentence, by when it must be done ("… xử lý các kiến nghị cụ thể …
    (Phụ lục kèm theo), hoàn thành trước ngày 15/12/2025", 174/CV-BCĐ point 2.2). The deadline keeps its span
    in the referring unit. Nothing changes when several units of the body do so (which one the rows follow is
    not said).
    """
    cue = _res()["appendix_deadline"]
    givers: list[Deadline] = []
    for t in tasks:
        if _in_appendix(t) or t.deadline is None or t.deadline.due is None:
            continue
        for sentence in regex.split(r"(?<=[.;])\s+", t.text):
            if cue.search(sentence.lower()) and t.deadline.text in sentence:
                givers.append(t.deadline)
                break
    if len(givers) != 1:
        return
    for t in tasks:
        if _in_appendix(t) and t.deadline is None and t.provenance.get("task") == "table row":
            t.deadline = givers[0].model_copy(update={"origin": "body unit referring to the appendix"})
            t.provenance["deadline"] = "body unit referring to the appendix ('Phụ lục kèm theo')"


_PLACE_LIST = regex.compile(
    r"\b[Cc]ác\s+(?:tỉnh|thành\s+phố)(?:\s*,\s*thành\s+phố)?(?:\s+trực\s+thuộc\s+[Tt]rung\s+ương)?"
    r"\s*(?::|(?:bao\s+)?gồm\s*:?)[ \t]*(?P<list>(?:[^()\n;.:*]|\n(?![ \t]*\n)){3,400})(?:[\s*]*\((?P<short>[^()]{3,120})\))?")


class NamedPlaceGroups:
    """Provinces a document lists once and then names as a group (annotation guide, rule 7: "a group
    named by reference … is written as the bodies it stands for when the document itself lists them").

    >>> src = ("… bao gồm các tỉnh, thành phố trực thuộc Trung ương: Hà Tĩnh, Huế và Lâm Đồng (sau đây gọi tắt là "
    ...        "các tỉnh, thành phố). a) Ủy ban nhân dân các tỉnh, thành phố tiếp tục rà soát …")
    >>> found = Mentions(None)
    >>> [ref] = [AgencyRef(id="uy_ban_nhan_dan_cac_tinh_thanh_pho_truc_thuoc_trung_uong", text="Ủy ban nhân dân các tỉnh, thành phố",
    ...          name="Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương", span=(src.index("Ủy ban"), src.index(" tiếp")))]
    >>> [a.name for a in NamedPlaceGroups(src, found, task_words()["addressee_groups"]).expand(ref)]
    ['Ủy ban nhân dân tỉnh Hà Tĩnh', 'Ủy ban nhân dân thành phố Huế', 'Ủy ban nhân dân tỉnh Lâm Đồng']
    """

    def __init__(self, source: str, mentions: Mentions, groups: dict[str, str]) -> None:
        self.source, self.mentions, self.groups = source, mentions, groups

    @cached_property
    def lists(self) -> list[tuple[int, list, str | None]]:
        """(where, the People's Committees listed, the short form defined for them or None), in order."""
        words = task_words()
        defines = regex.compile(rf"^\s*{words['group_definition']}\s+(?P<short>.+?)\s*$", regex.IGNORECASE | regex.DOTALL)
        out = []
        for m in _PLACE_LIST.finditer(self.source):
            places = [a for a in self.mentions.agencies("Ủy ban nhân dân các tỉnh: " + m["list"].strip())
                      if a.kind == "province"]
            if len(places) < 2:
                continue
            d = defines.match(m["short"] or "")
            out.append((m.start(), places, _group_key(d["short"]) if d else None))
        return out

    def expand(self, ref: AgencyRef) -> list[AgencyRef]:
        if self.groups.get(ref.id or "") != "province" or ref.span is None or not self.lists:
            return [ref]
        said = _group_key(self.source[ref.span[0]:ref.span[1]])
        back = regex.match(rf"\s*(?:{task_words()['group_back_reference']})", self.source[ref.span[1]:ref.span[1] + 40],
                           regex.IGNORECASE)
        chosen = None
        for where, places, short in self.lists:
            if where >= ref.span[0]:
                break
            if (short and "trực thuộc" not in said and said.endswith(short)) or back:
                chosen = places
        if not chosen:
            return [ref]
        return [AgencyRef(id=p.id, name=p.name, text=ref.text, span=ref.span, kind=p.kind, known=p.known,
                          origin="group named by reference") for p in chosen]


def _group_key(text: str) -> str:
    """``"Ủy ban nhân dân các tỉnh, thành phố"`` -> ``"các tỉnh, thành phố"`` (lower case, one space)."""
    key = " ".join(fold_tones(text).casefold().split())
    at = key.find("các ")
    return key[at:] if at >= 0 else key


class WrittenForms:
    """Does the document write this name somewhere (any case, any spacing, with or without tone marks
    typed differently)? The folded text is built once, on first use.

    >>> WrittenForms("ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ …").says("Ủy ban nhân dân thành phố Cần Thơ")
    True
    """

    def __init__(self, source: str) -> None:
        self.source = source

    @cached_property
    def folded(self) -> str:
        return " ".join(fold_tones(self.source.replace("**", "").replace("|", " ")).casefold().split())

    def says(self, name: str) -> bool:
        return " ".join(fold_tones(name).casefold().split()) in self.folded


_LEVEL_AT_END = regex.compile(r"^(?!(?:các|cấp)\b)(?!.*\b(?:các|cấp)\s+(?:tỉnh|thành\s+phố)$).+\s(?P<level>tỉnh|thành\s+phố)$",
                              regex.IGNORECASE)


def with_own_level(ref: AgencyRef, place: tuple[str, str], mentions: Mentions) -> AgencyRef:
    """A body of the people's councils or committees named without its level ("Thường trực Hội đồng nhân
    dân", "các Ban của Hội đồng nhân dân" in a resolution of a city's council) is the document's own level:
    "Thường trực Hội đồng nhân dân thành phố".

    >>> ref = AgencyRef(id="thuong_truc_hoi_dong_nhan_dan", name="Thường trực Hội đồng nhân dân", text="Thường trực Hội đồng nhân dân")
    >>> with_own_level(ref, ("thành phố", "Huế"), Mentions(None)).name
    'Thường trực Hội đồng nhân dân thành phố'
    """
    if not ref.name.endswith("nhân dân"):
        return ref
    name = f"{ref.name} {place[0]}"
    entry = mentions.lookup_agency(name)
    return ref.model_copy(update={"name": entry.name if entry else name,
                                  "id": entry.id if entry else f"unknown:{slugify(name)}",
                                  "origin": f"{ref.origin or 'mention'} (the document's level)"})


def with_written_place(ref: AgencyRef, place: tuple[str, str], written: WrittenForms, mentions: Mentions) -> AgencyRef:
    """A body named by its level only ("Trung tâm Phục vụ hành chính công thành phố") is written in the
    fullest form the document gives, when the document gives it with its own place somewhere (a title
    "… của Trung tâm Phục vụ hành chính công thành phố Cần Thơ", the header "ỦY BAN NHÂN DÂN THÀNH PHỐ
    CẦN THƠ"); never with words the document does not give (annotation guide, Genres)."""
    m = _LEVEL_AT_END.match(ref.name)
    if m is None or " ".join(m["level"].lower().split()) != place[0]:
        return ref
    name = f"{ref.name} {place[1]}"
    if not written.says(name):
        return ref
    entry = mentions.lookup_agency(name)
    return ref.model_copy(update={"name": entry.name if entry else name,
                                  "id": entry.id if entry else f"unknown:{slugify(name)}",
                                  "origin": f"{ref.origin or 'mention'} (fullest form the document gives)"})


_BARE_LOCAL = regex.compile(r"^(?:Thường trực )?(?:Tỉnh ủy|Thành ủy|(?:Ủy ban nhân dân|Hội đồng nhân dân) (?:tỉnh|thành phố))$",
                            regex.IGNORECASE)


def with_place(ref: AgencyRef, place: tuple[str, str], mentions: Mentions) -> AgencyRef:
    """In a central document about one province (a conclusions notice of the Government Office), a bare
    "Tỉnh ủy" or "Ủy ban nhân dân tỉnh" is that province's: "Thường trực Tỉnh ủy" -> "Thường trực Tỉnh ủy
    Thanh Hóa" (annotation guide: write a body in the fullest form the document gives)."""
    if not _BARE_LOCAL.match(ref.name) or (ref.name.lower().endswith(("tỉnh", "thành phố"))
                                           and not ref.name.lower().endswith(place[0])):
        return ref
    name = f"{ref.name} {place[1]}"
    entry = mentions.lookup_agency(name)
    return ref.model_copy(update={"name": entry.name if entry else name,
                                  "id": entry.id if entry else f"unknown:{slugify(name)}",
                                  "origin": f"{ref.origin or 'mention'} (the document's province)"})


def role_fillers(source: str) -> dict[str, str]:
    """The roles a document fills with one named body (``role_fillers`` of ``task_words.yaml``): folded role -> name.

    >>> role_fillers("1. Nhà đầu tư\\n\\nTên doanh nghiệp: Công ty Cổ phần công nghiệp Linh Linh.\\n")
    {'chủ đầu tư': 'Công ty Cổ phần công nghiệp Linh Linh', 'nhà đầu tư': 'Công ty Cổ phần công nghiệp Linh Linh'}
    >>> role_fillers("Nhà đầu tư: các doanh nghiệp trong và ngoài nước.")
    {}
    """
    res = _res()
    names: set[str] = set()
    for m in res["role_fillers"].finditer(source):
        name = " ".join(res["role_filler_end"].split(m["name"], maxsplit=1)[0].split()).strip(" ,:”\"")
        if res["role_filler_head"].match(name) and len(name.split()) > 2:
            names.add(_as_written_elsewhere(name, source) if name.isupper() else name)
    if len(names) != 1:
        return {}  # none, or several investors: no one body fills the role
    name = names.pop()
    return {fold_tones(r).casefold(): name for r in task_words()["role_filler_roles"]}


def enclosure_start(source: str, letter_end: int) -> int | None:
    """Where the first document a letter encloses after its closing block begins: its national motto
    (``enclosure_header``), or None (none, or a draft sent for comment: ``enclosure_draft``).

    >>> src = "Kính gửi: UBND tỉnh\\nĐề nghị xem xét.\\nNơi nhận:\\n- Như trên.\\nỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    >>> src[enclosure_start(src, src.index("Nơi nhận")):][:8]
    'CỘNG HÒA'
    """
    m = _res()["enclosure_header"].search(source, letter_end)
    if m is None or _res()["enclosure_draft"].search(source, max(letter_end, m.start() - 300), m.start()):
        return None  # no enclosure, or a draft sent for comment: the letter's own proposal
    return m.start()


def established_bodies(source: str) -> list[AgencyRef]:
    """The bodies a decision establishes, by their full names (``established_heads``): "Điều 1. Thành lập Hội đồng
    … quản lý, gồm …"; "Thành lập Hội đồng và Tổ giúp việc Hội đồng đánh giá …" establishes both.

    >>> [a.name for a in established_bodies("Điều 1. Thành lập Hội đồng thẩm định Quy hoạch các khu\\ncông nghiệp tỉnh, gồm:")]
    ['Hội đồng thẩm định Quy hoạch các khu công nghiệp tỉnh']
    >>> [a.name for a in established_bodies("Điều 1. Thành lập Hội đồng và Tổ giúp việc Hội đồng đánh giá dự án (gọi tắt")]
    ['Hội đồng đánh giá dự án', 'Tổ giúp việc Hội đồng đánh giá dự án']
    """
    flat = regex.sub(r"[ \t]*\n[ \t]*(?=\S)", lambda m: "\n" if m.group().count("\n") > 1 else " ", source)
    flat = regex.sub(r"\n[ \t]*\n", "\n", flat)
    names: dict[str, None] = {}
    for m in _res()["established"].finditer(flat):
        name = " ".join(m["name"].split())
        both = regex.match(r"(?P<a>.+?) và (?P<b>.+?) (?P=a) (?P<rest>.+)$", name)
        for full in ([f"{both['a']} {both['rest']}", f"{both['b']} {both['a']} {both['rest']}"] if both else [name]):
            if len(full.split()) >= 3:
                names[full] = None
    return [AgencyRef(id=f"unknown:{slugify(n)}", name=n, text=n, known=False, kind="role",
                      origin="the body the decision establishes") for n in names]


def _as_written_elsewhere(name: str, source: str) -> str:
    """A name set in capitals, as the document writes it elsewhere in running text, else in sentence case.

    >>> _as_written_elsewhere("CÔNG TY CỔ PHẦN ABC", "Công ty cổ phần ABC nộp hồ sơ")
    'Công ty cổ phần ABC'
    """
    words = [regex.escape(w) for w in name.split()]
    for m in regex.finditer(r"(?<![\p{L}])" + r"\s+".join(words) + r"(?![\p{L}])", source, regex.IGNORECASE):
        if not m.group().isupper():
            return " ".join(m.group().split())
    low = name.lower()
    return low[:1].upper() + low[1:]


def with_role_filler(ref: AgencyRef, fillers: dict[str, str]) -> AgencyRef:
    """A role the document filled with one named body is that body ("Chủ đầu tư" -> "Công ty Cổ phần công nghiệp
    Linh Linh", 2336/QĐ-UBND), named as the document names it.

    >>> ref = AgencyRef(name="Chủ đầu tư", text="chủ đầu tư", known=False)
    >>> with_role_filler(ref, {"chủ đầu tư": "Công ty Cổ phần công nghiệp Linh Linh"}).name
    'Công ty Cổ phần công nghiệp Linh Linh'
    """
    key = regex.sub(r"^các\s+", "", fold_tones(" ".join(ref.name.split())).casefold())
    name = fillers.get(key)
    if name is None and (of_project := _res()["role_of_project"].match(key)) is not None:
        name = fillers.get(of_project["role"])  # "Nhà đầu tư thực hiện dự án": the role, of the one project
    if name is None:
        return ref
    return ref.model_copy(update={"id": f"unknown:{slugify(name)}", "name": name, "known": False, "kind": None,
                                  "origin": "the body the document names for the role"})


def fuller_addressee(ref: AgencyRef, addressees: list[AgencyRef]) -> AgencyRef:
    """A collective the "Kính gửi" list writes in a fuller form, its owner after "(trực) thuộc", is written so
    (annotation guide, Genres: the fullest form the document gives): "các sở, ban, ngành" under the addressee
    "Các sở, ban, ngành thuộc Thành phố" (6397/UBND-KT Hà Nội).

    >>> s = AgencyRef(id="cac_so_ban_nganh", name="Các sở, ban, ngành", text="các sở, ban, ngành", kind="collective")
    >>> to = [AgencyRef(name="Các sở, ban, ngành thuộc Thành phố", text="", kind="collective", known=False)]
    >>> fuller_addressee(s, to).name
    'Các sở, ban, ngành thuộc Thành phố'
    """
    if ref.kind != "collective":
        return ref
    key = fold_tones(ref.name).casefold()
    for a in addressees:
        rest = fold_tones(a.name).casefold()
        if a.kind == "collective" and rest.startswith(key) and _OWNER_AFTER.match(rest, len(key)):
            return a.model_copy(update={"span": ref.span, "text": ref.text, "origin": "addressee named in full"})
    return ref


_OWNER_AFTER = regex.compile(r"\s+(?:trực\s+)?thuộc\s")
_PLURAL_BEFORE = regex.compile(r"(?<![\p{L}])(?:các|những)\s+$", regex.IGNORECASE)


def plural_addressee(ref: AgencyRef, addressees: list[AgencyRef], source: str) -> AgencyRef:
    """The plural of a body the "Kính gửi" list names for every place is that addressee: "Tổng cục Thuế đề nghị các
    Cục Thuế …" under "Kính gửi: Cục Thuế các tỉnh, thành phố trực thuộc Trung ương" (586/TCT-TTKT).

    >>> src = "Tổng cục Thuế đề nghị các Cục Thuế tổ chức thực hiện"
    >>> ct = AgencyRef(id="cuc_thue", name="Cục Thuế", text="Cục Thuế", span=(26, 34), kind="ministry_department")
    >>> to = [AgencyRef(name="Cục Thuế các tỉnh, thành phố trực thuộc trung ương", text="", kind="collective")]
    >>> plural_addressee(ct, to, src).name
    'Cục Thuế các tỉnh, thành phố trực thuộc trung ương'
    >>> plural_addressee(ct, to, "Giao Cục Thuế tổ chức").name
    'Cục Thuế'
    """
    if ref.kind == "collective" or ref.span is None or not _PLURAL_BEFORE.search(source, max(0, ref.span[0] - 8), ref.span[0]):
        return ref
    key = fold_tones(ref.name + " các ").casefold()
    for a in addressees:
        if fold_tones(a.name).casefold().startswith(key):
            return a.model_copy(update={"span": ref.span, "text": source[ref.span[0]:ref.span[1]],
                                        "origin": "addressee named in full"})
    return ref


def back_referenced_addressees(ref: AgencyRef, addressees: list[AgencyRef], backrefs: set[str]) -> list[AgencyRef]:
    """A letter's bare "các cơ quan, đơn vị" is its "Kính gửi" addressees (annotation guide, Genres: Công văn;
    4240/UBND-VX: "Đề nghị các cơ quan, đơn vị khẩn trương triển khai, thực hiện").

    >>> cq = AgencyRef(id="cac_co_quan_don_vi", name="Các cơ quan, đơn vị", text="các cơ quan, đơn vị", kind="collective")
    >>> to = [AgencyRef(id=f"x{i}", name=n, text=n, kind="collective") for i, n in enumerate(("Các sở", "Các xã"))]
    >>> [a.name for a in back_referenced_addressees(cq, to, {fold_tones(cq.name).casefold()})]
    ['Các sở', 'Các xã']
    """
    if not addressees or ref.kind != "collective" or fold_tones(ref.name).casefold() not in backrefs:
        return [ref]
    return [a.model_copy(update={"span": ref.span, "text": ref.text, "origin": "addressees named by back-reference"})
            for a in addressees]


def addressed_bodies(ref: AgencyRef, addressees: list[AgencyRef], groups: dict[str, str]) -> list[AgencyRef]:
    """``Ủy ban nhân dân các tỉnh, thành phố`` in a Công điện addressed to "Chủ tịch Ủy ban nhân dân các
    tỉnh, thành phố: Đà Nẵng, Quảng Ngãi" -> the two People's Committees (annotation guide, rule 7).

    >>> ubnd = AgencyRef(id="uy_ban_nhan_dan_cac_tinh", name="Ủy ban nhân dân các tỉnh", text="…", kind="collective")
    >>> to = [AgencyRef(id=f"ubnd_{p}", name=f"Ủy ban nhân dân tỉnh {p}", text=p, kind="province") for p in ("Gia Lai", "Đắk Lắk")]
    >>> [a.name for a in addressed_bodies(ubnd, to, {"uy_ban_nhan_dan_cac_tinh": "province"})]
    ['Ủy ban nhân dân tỉnh Gia Lai', 'Ủy ban nhân dân tỉnh Đắk Lắk']
    """
    kind = groups.get(ref.id or "")
    named = [a for a in addressees if kind and a.kind == kind]
    if not named:
        # "Sở Lao động - Thương binh và Xã hội" in a letter to the departments of several provinces
        key = fold_tones(ref.name).casefold() + " "
        named = [a for a in addressees if fold_tones(a.name).casefold().startswith(key)]
    if len(named) < 2:
        return [ref]
    return [a.model_copy(update={"span": ref.span, "text": ref.text, "origin": "addressee named by the group"})
            for a in named]


def _name_before_definition(before: str, short: str) -> str | None:
    """The name a definition's bracket shortens, when the data does not know it: from the last "Quỹ …"
    (the short form, capitalised) to the bracket, at most ten words and no punctuation.

    >>> _name_before_definition("quy định về hoạt động của Quỹ nhà ở quốc gia", "Quỹ")
    'Quỹ nhà ở quốc gia'
    """
    short = " ".join(short.split())
    at = before.rfind(short + " ")
    if at < 0 or not short[:1].isupper() or (at > 0 and before[at - 1].isalpha()):
        return None
    name = " ".join(before[at:].split())
    if len(short.split()) >= 2 and len(name.split()) <= 80 and regex.search(r"[;:]|\.\s", name) is None:
        # a short form of two words or more that the name opens with: "Ban chỉ đạo Chương trình giảm phát thải khí
        # nhà kính thông qua nỗ lực hạn chế mất rừng …, bảo tồn … (UN-REDD) - giai đoạn II (sau đây gọi tắt là Ban chỉ
        # đạo Chương trình)" (1215/QĐ-BNN-TCCB): the whole name, commas and brackets and all, up to a sentence's end
        return name
    if len(name.split()) > 10 or regex.search(r"[,;.:()]", name):
        return None
    return name


def _name_runs_on(text: str, short: str) -> bool:
    """Is ``text`` (from a body's mention to a definition's bracket) one name that the short form shortens:
    it begins with the short form's head word and has no punctuation, at most 16 words?

    >>> _name_runs_on("Hội Thiện nguyện lan tỏa yêu thương Bình Thuận tỉnh Lâm Đồng", "Hội")
    True
    >>> _name_runs_on("Hội Nông dân tỉnh chủ trì, phối hợp với Sở Tư pháp", "Hội")
    False
    """
    words = text.split()
    head = short.split()[:1]
    return (bool(head) and head[0][:1].isupper() and words[:1] == head and len(words) <= 16
            and regex.search(r"[,;.:()\[\]]", text) is None)


_CALLED_SHORT = regex.compile(r"gọi\s+tắt", regex.IGNORECASE)
_LEVEL_SHORT = regex.compile(r"cấp (?:xã|huyện|tỉnh)")
_PEOPLES_COMMITTEE = fold_tones("ủy ban nhân dân")


def defined_short_forms(source: str, mentions: Mentions) -> dict[str, str]:
    """The short names a document defines for a body (Nghị định 30/2020/NĐ-CP: "(sau đây gọi tắt là …)",
    "(viết tắt là …)"), folded short form -> the full name; the short form keeps the full name's head word.

    >>> from vbpl_extract.annotate import Mentions
    >>> defined_short_forms("chỉ đạo Ban Chỉ huy phòng thủ dân sự (viết tắt là Ban chỉ huy) cấp xã", Mentions(None))
    {'ban chỉ huy': 'Ban Chỉ huy phòng thủ dân sự'}
    """
    out: dict[str, str] = {}
    for m in _res()["defines_short_form"].finditer(source):
        before = source[max(0, m.start() - 600):m.start()].rstrip(" *_\t\n")
        found = [a for a in mentions.agencies(before) if a.end >= len(before) - 1]
        cut = [a for a in mentions.agencies(before)[-1:] if _name_runs_on(before[a.start:], m["short"])]
        if found:
            full = " ".join(found[-1].name.split())
        elif cut:
            # "Hội Thiện nguyện lan tỏa yêu thương Bình Thuận tỉnh Lâm Đồng (sau đây gọi chung là Hội)": the name
            # the finder cut short runs on to the bracket (NĐ 30/2020: the full name stands right before it)
            full = " ".join(before[cut[0].start:].split())
        elif (named := _name_before_definition(before, m["short"])) is not None:
            # "Quỹ nhà ở quốc gia (sau đây gọi là Quỹ)": a body the data does not know, named by the words
            # from the short form to the bracket
            full = named
        else:
            continue
        short = fold_tones(" ".join(m["short"].split())).lower()
        if _CALLED_SHORT.search(m.group()) and (known := mentions.lookup_agency(" ".join(m["short"].split()))) is not None:
            # "UBND các xã, phường (sau đây gọi tắt là UBND cấp xã)" (78/2025/QĐ-UBND Bắc Ninh): a short form
            # ("gọi tắt") the data knows, abbreviation and all, stands for the body the finder names it ("Ủy ban nhân
            # dân cấp xã"); not a name a quoted rule gives in passing ("… Ủy ban nhân dân tỉnh, thành phố trực thuộc
            # trung ương (gọi là UBND tỉnh) …", 5402/CT-CS, whose "UBND tỉnh" is then the addressee's own)
            short = fold_tones(known.name).lower()
        folded_full = fold_tones(full).lower()
        if _LEVEL_SHORT.fullmatch(short) and folded_full.startswith(_PEOPLES_COMMITTEE + " "):
            # "Ủy ban nhân dân xã, phường (sau đây gọi là cấp xã)" (87/2025/QĐ-UBND Lai Châu): the level alone stands
            # for the committees, and "Ủy ban nhân dân cấp xã" is them
            short = f"{_PEOPLES_COMMITTEE} {short}"
        if short != folded_full and (folded_full.startswith(short.split()[0] + " ")
                                     or regex.match(rf"các {regex.escape(short)}\b", folded_full)):
            # "bộ, cơ quan ngang bộ (sau đây gọi chung là bộ)": a collective's head noun stands for all of it
            out[short] = full
    return out


def with_defined_organ(ref: AgencyRef, short_forms: dict[str, str], mentions: Mentions) -> AgencyRef:
    """An organ of the association a charter defines ("Hội … (sau đây gọi chung là Hội)"), named bare
    ("Ban Chấp hành") or with the short form ("Ban Chấp hành Hội", a name run on into lower-case words or
    cut inside the full name), is written with the body's full name (annotation guide, Genres: the fullest
    form the document gives).

    >>> forms = {"hội": "Hội Thiện nguyện lan tỏa yêu thương Bình Thuận tỉnh Lâm Đồng"}
    >>> ref = AgencyRef(name="Ban Chấp hành Hội quy định cụ thể", text="…", known=False)
    >>> with_defined_organ(ref, forms, Mentions(None)).name
    'Ban Chấp hành Hội Thiện nguyện lan tỏa yêu thương Bình Thuận tỉnh Lâm Đồng'
    """
    words = task_words()
    heads = {fold_tones(h).lower() for h in words["charter_bodies"]}
    bodies = [(short, full) for short, full in short_forms.items() if short in heads]
    name = ref.name.split()
    for organ in words["charter_organs"]:
        n = len(organ.split())
        if fold_tones(" ".join(name[:n])).lower() != fold_tones(organ).lower():
            continue
        rest = name[n:]
        said = fold_tones(" ".join(rest)).lower()
        chosen = [full for short, full in bodies if (not rest and len(bodies) == 1) or (
            rest and fold_tones(rest[0]).lower() == short
            and (fold_tones(full).lower().startswith(said) or not any(w[:1].isupper() for w in rest[1:2])))]
        if len(chosen) != 1:
            return ref
        full_name = f"{organ} {chosen[0]}"
        entry = mentions.lookup_agency(full_name)
        return ref.model_copy(update={
            "name": entry.name if entry else full_name, "id": entry.id if entry else f"unknown:{slugify(full_name)}",
            "known": entry is not None, "origin": f"{ref.origin or 'mention'} (organ of the body the document defines)"})
    return ref


@cache
def _support_organs() -> tuple[str, ...]:
    """task_words.yaml ``support_organs``, folded, longest first ("văn phòng thường trực" before "văn phòng")."""
    return tuple(sorted((fold_tones(o).lower() for o in task_words()["support_organs"]), key=len, reverse=True))


def with_defined_name(ref: AgencyRef, short_forms: dict[str, str], mentions: Mentions, source: str = "") -> AgencyRef:
    """A body named by the short form the document defined gets its full name back: "Ban Chỉ huy cấp xã"
    after "Ban Chỉ huy phòng thủ dân sự (viết tắt là Ban chỉ huy)" -> "Ban Chỉ huy phòng thủ dân sự cấp xã"; so do
    its support organs ("Văn phòng Ban Chỉ đạo") and its members ("Thành viên Ban Chỉ đạo", ``source`` before the span).

    >>> from vbpl_extract.annotate import Mentions
    >>> forms = {"ban chỉ đạo": "Ban Chỉ đạo Nhà nước về Du lịch"}
    >>> with_defined_name(AgencyRef(name="Văn phòng Ban Chỉ đạo", text="…", known=False), forms, Mentions(None)).name
    'Văn phòng Ban Chỉ đạo Nhà nước về Du lịch'
    >>> src = "3. Thành viên Ban Chỉ đạo có trách nhiệm"
    >>> ref = AgencyRef(name="Ban Chỉ đạo", text="Ban Chỉ đạo", span=(14, 25), known=False)
    >>> with_defined_name(ref, forms, Mentions(None), src).name
    'Các thành viên Ban Chỉ đạo Nhà nước về Du lịch'
    """
    charter_organ = with_defined_organ(ref, short_forms, mentions)
    if charter_organ is not ref:
        return charter_organ
    words = ref.name.split()
    key = fold_tones(" ".join(words)).lower()
    for short, full in short_forms.items():
        collective = fold_tones(full).lower().startswith("các ")
        support = next((o for o in _support_organs() if key == f"{o} {short}"), None) if not collective else None
        if support is not None:
            # "Văn phòng Ban Chỉ đạo": the office of the body the short form stands for
            name = " ".join([*words[:len(support.split())], full])
        elif ((key == short or (key.startswith(short + " ") and not collective
                                and _LEVEL_AFTER_SHORT.match(" ".join(words[len(short.split()):]))))
                and not key.startswith(fold_tones(full).lower())):
            # a name the finder cut inside the full name ("Hội Thiện nguyện lan tỏa") is the full name itself
            cut_inside = fold_tones(full).lower().startswith(key + " ")
            name = full if cut_inside else " ".join([full, *words[len(short.split()):]])
            if ref.span is not None and _MEMBERS_BEFORE.search(source[max(0, ref.span[0] - 20):ref.span[0]]):
                name = "Các thành viên " + name  # "Thành viên Ban Chỉ đạo có trách nhiệm …": its members act
        else:
            continue
        entry = mentions.lookup_agency(name)
        return ref.model_copy(update={
            "name": entry.name if entry else name, "id": entry.id if entry else f"unknown:{slugify(name)}",
            "known": entry is not None, "origin": f"{ref.origin or 'mention'} (short form the document defines)"})
    return ref


# a body's head with nothing after it, as a document shortens a name it gave in full ("Ban Quản lý",
# "Ban Chỉ đạo", "Tổ công tác", "Hội đồng thẩm định")
_BARE_HEAD = regex.compile(r"(?:Ban|Tổ|Hội đồng|Đoàn|Ủy ban|Trung tâm|Cục|Viện|Quỹ)(?:\s+\p{L}+){0,2}")
# what may follow a defined short form inside one name: a level or place ("Ban Chỉ huy cấp xã"), a capitalised
# word; not words of another body's name ("Ban Chỉ đạo phát triển du lịch các địa phương")
_LEVEL_AFTER_SHORT = regex.compile(r"(?:các|cấp|tỉnh|thành phố|huyện|quận|thị xã|xã|phường|đặc khu|trung ương)\b|\p{Lu}")
_MEMBERS_BEFORE = regex.compile(r"(?:các\s+)?thành\s+viên\s+$", regex.IGNORECASE)


def expand_short_form(ref: AgencyRef, names: list[AgencyRef], source: str,
                      issuer: AgencyRef | None = None) -> AgencyRef:
    """``Ban Chỉ đạo`` (not in the data) -> the one full name of the document that it begins and that the
    words after it in the source agree with; "Các thành viên …" when the mention follows "thành viên".

    >>> full = AgencyRef(id="bcd", name="Ban Chỉ đạo của Chính phủ về phát triển khoa học", text="…")
    >>> src = "Các thành viên Ban Chỉ đạo của Chính phủ có trách nhiệm"
    >>> expand_short_form(AgencyRef(name="Ban Chỉ đạo", text="Ban Chỉ đạo", span=(15, 26), known=False), [full], src).name
    'Các thành viên Ban Chỉ đạo của Chính phủ về phát triển khoa học'
    """
    if ref.known or ref.span is None or len(ref.name.split()) > 6:
        return ref
    short = fold_tones(ref.name).lower()
    after = " ".join(fold_tones(source[ref.span[1]:ref.span[1] + 120]).lower().split())
    candidates = {}
    longer = {}  # every full name of the document that the short form begins
    for n in names:
        long = fold_tones(n.name).lower()
        if not long.startswith(short + " "):
            continue
        longer[n.name] = n
        rest = long[len(short) + 1:].split()
        said = after.split()
        agree = 0
        while agree < min(len(rest), len(said)) and rest[agree].strip(",") == said[agree].strip(","):
            agree += 1
        if agree >= 2:
            candidates[n.name] = n
    if not candidates and len(longer) == 1 and _BARE_HEAD.fullmatch(ref.name):
        # "Ban Quản lý" where the document names one "Ban Quản lý các khu chế xuất và công nghiệp Cần Thơ"
        candidates = longer
    if not candidates and issuer is not None and fold_tones(issuer.name).lower().startswith(short + " "):
        # "Ban Chỉ đạo quốc gia" in a plan issued by "Ban Chỉ đạo quốc gia về tìm kiếm, quy tập hài cốt liệt sĩ"
        candidates[issuer.name] = issuer
    if len(candidates) != 1:
        return ref
    full = next(iter(candidates.values()))
    name = full.name
    if _MEMBERS_BEFORE.search(source[max(0, ref.span[0] - 20):ref.span[0]]):
        name = "Các thành viên " + name
    return ref.model_copy(update={"name": name, "id": full.id if name == full.name else f"unknown:{slugify(name)}",
                                  "origin": f"{ref.origin or 'mention'} (short form)"})
