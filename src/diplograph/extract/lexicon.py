"""The extractor's knowledge, loaded from data files a user can extend.

Everything the rules know about words (kinds of instruments, event verbs,
topic keywords, plural references, well-known instruments) lives in JSON files
under ``diplograph/data/lexicon``. Point ``DIPLOGRAPH_LEXICON`` (or
``extract(..., lexicon_dir=...)``) at a folder holding files of the same names
to add entries: dictionaries are merged key by key, lists are extended, and
``instruments.jsonl`` lines are appended.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from diplograph.resources import data_dir

_FILES = (
    "kinds.json", "events.json", "topics.json", "references.json", "coreference.json",
)  # fmt: skip


@dataclass(frozen=True)
class Instrument:
    """A well-known instrument: its canonical name, other names and kind."""

    id: str
    name: str
    aliases: tuple[str, ...]
    kind: str
    topics: tuple[str, ...]


@dataclass(frozen=True)
class Lexicon:
    kind_priority: tuple[str, ...]
    kind_nouns: tuple[tuple[re.Pattern[str], str], ...]
    kind_pattern: re.Pattern[str]
    kind_words: str  # kind_pattern's alternation alone: the WARC prefilter's words
    name_heads: tuple[tuple[re.Pattern[str], str], ...]
    object_nouns: re.Pattern[str]  # one group per noun: "n0", "n1", ...
    signed_passive: re.Pattern[str]  # "were signed", "has been inked"
    object_noun_before: re.Pattern[str]  # an object noun ending where searched
    object_kinds: dict[str, str]  # group name -> kind
    not_before: frozenset[str]
    not_after: tuple[str, ...]
    bodies: frozenset[str]
    domestic_markers: tuple[str, ...]
    company_markers: tuple[str, ...]
    event_patterns: tuple[tuple[re.Pattern[str], str], ...]
    negation: re.Pattern[str]
    modality: re.Pattern[str]
    failure_before: re.Pattern[str]
    reporting: re.Pattern[str]
    decision: re.Pattern[str]
    topic_keywords: tuple[tuple[re.Pattern[str], str], ...]
    topics_by_kind: dict[str, tuple[str, ...]]
    plural_refs: tuple[tuple[re.Pattern[str], int], ...]
    organization_refs: re.Pattern[str]
    auspices: frozenset[str]
    acts: re.Pattern[str]
    speaker_after: re.Pattern[str]
    apart_words: tuple[tuple[str, tuple[str, ...]], ...]
    attached: re.Pattern[str]
    apart_before: re.Pattern[str]
    apart_in_time: re.Pattern[str]
    other_time_clause: re.Pattern[str]
    classes: re.Pattern[str]
    # a class word opening a bare plural's noun phrase: "under other arms control
    # treaties" (the words before it are another phrase's)
    classes_before: re.Pattern[str]
    broker_markers: re.Pattern[str]
    groups: re.Pattern[str]
    # armed groups and unrecognised entities -> the state their agreements concern
    non_state: tuple[tuple[re.Pattern[str], str], ...]
    instruments: tuple[Instrument, ...]

    def topics_in(self, words: str) -> set[str]:
        """The topics whose keywords ``words`` hold."""
        return {
            topic for pattern, topic in self.topic_keywords if pattern.search(words)
        }

    def kind_of_noun(self, noun: str) -> str | None:
        """The kind of instrument a noun names ("memoranda" -> MoU), if any."""
        for pattern, kind in self.kind_nouns:
            if pattern.match(noun):
                return kind
        return None

    def kind_of_name(self, name: str) -> str | None:
        """The kind the noun heading a name gives it: the last kind noun before
        the words after "of", "on", "under"... ("Agreement under the United
        Nations Convention on ...": agreement; "the Paris Agreement"), else the
        first one ("Status of Forces Agreement")."""
        cut = _POST_MODIFIER.search(name)
        head = cut.start() if cut else len(name)
        nouns = [m.group() for m in self.kind_pattern.finditer(name, 0, head)]
        nouns = nouns or [m.group() for m in self.kind_pattern.finditer(name)][:1]
        return self.kind_of_noun(nouns[-1]) if nouns else None


_POST_MODIFIER = re.compile(
    r"\s(?:of|on|under|to|for|between|among|concerning|regarding|relating|with)\s|$"
)


def _merge(base: Any, extra: Any) -> Any:
    if isinstance(base, dict) and isinstance(extra, dict):
        merged = dict(base)
        for key, value in extra.items():
            merged[key] = _merge(base[key], value) if key in base else value
        return merged
    if isinstance(base, list) and isinstance(extra, list):
        return base + [x for x in extra if x not in base]
    return extra


def _words(items: list[str]) -> re.Pattern[str]:
    """Any of the words, in any case; one written "=may" only in that case (the
    verb, not the month May)."""
    alternatives = sorted(
        (
            rf"(?-i:{re.escape(w[1:])})" if w.startswith("=") else re.escape(w)
            for w in items
        ),
        key=len,
        reverse=True,
    )
    return re.compile(r"(?<![\w'])(?:" + "|".join(alternatives) + r")(?![\w'])", re.I)


def _read(extra_dir: str | None) -> tuple[dict[str, Any], tuple[Instrument, ...]]:
    """The JSON files and the instruments, the user's merged over the package's."""
    base = data_dir() / "lexicon"
    extra = Path(extra_dir) if extra_dir else None
    data: dict[str, Any] = {}
    for name in _FILES:
        content = json.loads((base / name).read_text(encoding="utf-8"))
        if extra and (extra / name).exists():
            content = _merge(
                content, json.loads((extra / name).read_text(encoding="utf-8"))
            )
        data[name] = content
    lines = (base / "instruments.jsonl").read_text(encoding="utf-8").splitlines()
    if extra and (extra / "instruments.jsonl").exists():
        lines += (extra / "instruments.jsonl").read_text(encoding="utf-8").splitlines()
    instruments = tuple(
        Instrument(
            r["id"],
            r["name"],
            tuple(r.get("aliases", ())),
            r["kind"],
            tuple(r.get("topics", ())),
        )  # fmt: skip
        for r in (json.loads(line) for line in lines if line.strip())
    )
    return data, instruments


@lru_cache(maxsize=8)
def load_lexicon(extra_dir: str | None = None) -> Lexicon:
    """Read the packaged lexicon, merged with ``extra_dir`` when given."""
    data, instruments = _read(extra_dir)
    return Lexicon(
        **_kinds(data["kinds.json"]),
        **_events(data["events.json"]),
        **_topics(data["topics.json"]),
        **_references(data["references.json"], data["events.json"]),
        **_coreference(data["coreference.json"]),
        instruments=instruments,
    )


# "Several documents were signed after the talks": a noun that the passive
# signs is an instrument as the object of "signed" is
SIGNED_PASSIVE = (
    r"\s+(?:were|was|have\s+been|has\s+been|had\s+been)\s+(?:also\s+)?"
    r"(?:signed|inked|exchanged|concluded|sealed|initiall?ed|reached|struck)\b"
)


def _kinds(kinds: dict[str, Any]) -> dict[str, Any]:
    nouns = "|".join(f"(?:{p})" for p in kinds["nouns"])
    signing = (
        r"(?:\b(?:signed|inked|reached|struck|agreed|adopted|accepted|concluded|sealed|"
        r"initiall?ed)(?:\s+(?:late\s+|early\s+)?(?:on\s+)?\w+day)?(?:\s+(?:on|upon|to))?\s+"
        r"(?:an?|the|a new|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+"
        r"(?:[\w-]+\s+){0,5}?"
        # "exchanged documents on incident prevention": signed them
        r"|\bexchanged\s+(?:the\s+)?(?:signed\s+)?"
        # "ratified the African Continental Free Trade Area": a name, by its step
        r"|\b(?:ratified|joined|acceded\s+to|withdr[ae]w\s+from|quit|exited(?:\s+from)?|"
        r"left|pulled\s+out\s+of)\s+the\s+(?=(?-i:[A-Z]))(?:[\w-]+\s+){0,5}?)"
    )
    objects = "(?:" + "|".join(
        f"(?P<n{i}>{p})" for i, p in enumerate(kinds.get("object_nouns", {"(?!)": ""}))
    )
    return {
        "kind_priority": tuple(kinds["priority"]),
        "kind_nouns": tuple(
            (re.compile(rf"^(?:{pattern})$", re.I), kind)
            for pattern, kind in kinds["nouns"].items()
        ),
        "kind_pattern": re.compile(rf"(?<![\w-])(?:{nouns})(?![\w-])", re.I),
        "kind_words": nouns,
        # one pass over the text for all of them: the group says which noun
        "object_nouns": re.compile(signing + objects + r")\b", re.I),
        # "Several documents were signed": the passive first (a word the regex
        # engine can look for), then the noun it ends on
        "signed_passive": re.compile(SIGNED_PASSIVE, re.I),
        "object_noun_before": re.compile(objects + r")\b\s*$", re.I),
        "object_kinds": {
            f"n{i}": kind
            for i, kind in enumerate(kinds.get("object_nouns", {"(?!)": ""}).values())
        },
        "name_heads": tuple(
            (re.compile(rf"(?<![\w-])(?:{p})(?![\w-])"), kind)
            for p, kind in kinds.get("name_heads", {}).items()
        ),
        "not_before": frozenset(w.lower() for w in kinds["not_instrument_before"]),
        "not_after": tuple(kinds["not_instrument_after"]),
        "bodies": frozenset(kinds.get("bodies", ())),
        "domestic_markers": tuple(kinds["domestic_markers"]),
        "company_markers": tuple(kinds["company_markers"]),
    }


def _events(events: dict[str, Any]) -> dict[str, Any]:
    return {
        "event_patterns": tuple(
            (re.compile(rf"(?<![\w-])(?:{p})(?![\w-])", re.I), t)
            for p, t in events["patterns"].items()
        ),
        "negation": _words(events["negation"]),
        "modality": _words(events["modality"]),
        "failure_before": _words(events["failure_before"]),
        "reporting": _words(events["reporting_verbs"]),
        "decision": _words(events.get("decision_before", [])),
    }


def _topics(topics: dict[str, Any]) -> dict[str, Any]:
    return {
        "topic_keywords": tuple(
            (re.compile(rf"(?<![\w-])(?:{p})", re.I), t)
            for p, t in topics["keywords"].items()
        ),
        "topics_by_kind": {k: tuple(v) for k, v in topics["by_kind"].items()},
    }


def _references(refs: dict[str, Any], events: dict[str, Any]) -> dict[str, Any]:
    reporting = "|".join(map(re.escape, events["reporting_verbs"]))
    groups = "|".join(refs.get("groups", ["(?!)"]))
    return {
        "plural_refs": tuple(
            (re.compile(rf"\b(?:{p})\b", re.I), n) for p, n in refs["plural"].items()
        ),
        "organization_refs": re.compile(
            r"\b(?:" + "|".join(refs.get("organization", ["(?!)"])) + r")\b", re.I
        ),
        "auspices": frozenset(refs.get("auspices", ())),
        "acts": re.compile(r"(?:\w+\s+)?(?:" + "|".join(refs["acts"]) + r")\b", re.I),
        "speaker_after": re.compile(rf"(?:\s+\w+){{0,2}}\s+(?:{reporting})\b"),
        "broker_markers": _words(refs["broker_markers"]),
        "groups": re.compile(rf"(?<![\w-])(?:{groups})(?![\w-])", re.I),
        "non_state": tuple(
            (re.compile(rf"(?<![\w-])(?:{p})(?![\w-])"), code)
            for p, code in refs.get("non_state", {}).items()
        ),
    }


def _coreference(coref: dict[str, Any]) -> dict[str, Any]:
    before = "|".join(coref["apart_before"] + coref["apart_in_time"])
    in_time = "|".join(coref["apart_in_time"])
    return {
        "apart_words": tuple(
            (word, tuple(others)) for word, others in coref["apart"].items()
        )
        + tuple((word, ()) for word in coref["attached"]),
        "attached": re.compile(r"\b(?:" + "|".join(coref["attached"]) + r")\b"),
        "apart_before": re.compile(
            rf"(?:{before})\s+(?:the\s+|its\s+|their\s+)?$", re.I
        ),
        "apart_in_time": re.compile(rf"(?:{in_time})\s+(?:the\s+)?$", re.I),
        # ", a year after they normalised ties under a deal": a clause of its own time
        "other_time_clause": re.compile(
            rf",\s+(?:[\w-]+\s+){{0,2}}?(?:{in_time})\b", re.I
        ),
        "classes": re.compile(r"^(?:" + "|".join(coref["classes"]) + r")\b", re.I),
        "classes_before": re.compile(
            r"\b(?:" + "|".join(coref["classes_before"]) + r")\s+(?:[\w-]+\s+){0,3}$",
            re.I,
        ),
    }
