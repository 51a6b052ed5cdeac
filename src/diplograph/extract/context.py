"""What every extraction stage reads: the article cut into sentences and clauses,
its actor mentions with their standing roles, and dates resolved per sentence.

Built once per article by :func:`read_context`; the stages after it
(:mod:`.coref`, :mod:`.roles`, :mod:`.events`, :mod:`.describe`) only read it.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Any

from diplograph.extract.actors import ActorMention, find_actors
from diplograph.extract.dates import DateMention, find_dates
from diplograph.extract.lexicon import Lexicon
from diplograph.extract.text import Sentence, split_sentences
from diplograph.model import Article, Evidence

# An actor after these words is what an agreement is about, not a party to it:
# "a pact on North Korea", "threats from Pyongyang", "North Korea-related".
# what an instrument does against what it concerns: "to deter", "countering"
ACTS_AGAINST = r"(?:deter(?:s|red|ring)?|(?:counter|contain|curb)(?:s|ed|ing)?)"
# "a pact to fund Ukraine's reconstruction": what it does for a state
_ACTS_FOR = (
    r"to\s+(?:fund|finance|rebuild|reconstruct|support|aid|assist|help|protect|"
    r"defend|stabili[sz]e)|in\s+support\s+of|for\s+the\s+(?:reconstruction|"
    r"defen[cs]e|security)\s+of"
)
# "on northern Syria", "over eastern Ukraine": a part of the state
_COMPASS = r"(?:(?:north|south)?(?:east|west)ern|northern|southern|central)"
CONCERN_BEFORE = re.compile(
    # (not "reliance on Russia": whom the parties would do without)
    r"(?:(?<!reliance\s)(?<!dependence\s)(?<!dependency\s)(?<!dependent\s)"
    r"\b(?:on|against|about|regarding|concerning|covering|targeting|toward|"
    r"towards|over|"
    rf"(?:aimed\s+at\s+)?{ACTS_AGAINST}|aimed\s+at|{_ACTS_FOR})"
    rf"\s+(?:the\s+|an?\s+)?(?:{_COMPASS}\s+)?"
    r"|\b(?:threats?|troops|forces|provocations?|missiles?|attacks?)\s+(?:\w+\s+)?"
    r"(?:from|by)\s+(?:the\s+)?"
    # "the Houthi rebels in Yemen", "a truce for Syria's Idlib province"
    r"|\b(?:rebels?|militants?|insurgents?|fighters|separatists|militias?)\s+"
    r"(?:in|of|from)\s+(?:the\s+)?"
    # "the breakaway region of Somaliland": a territory, not a state that signs
    r"|\b(?:breakaway|separatist|rebel-held|self-declared|occupied)\s+"
    r"(?:region|republic|territory|province|enclave)\s+(?:of\s+)?(?:the\s+)?"
    r"|\b(?:ceasefire|cease-fire|truce|armistice)\s+(?:for|in)\s+(?:the\s+)?"
    # "a treaty on support for Ukraine", "sanctions on Russia", "a buffer zone
    # in Syria's Idlib province"
    r"|\b(?:support|aid|assistance|guarantees?|sanctions|zone)\s+"
    r"(?:for|to|on|against|in)\s+(?:the\s+)?"
    r"|\b(?:war|conflict|fighting|crisis|hostilities|peace|violence|situation|"
    rf"future|status|reconstruction)\s+(?:in|of|over)\s+(?:the\s+|{_COMPASS}\s+)?"
    r"|\b(?:cut|cuts|cutting|sever(?:s|ed|ing)?|broke|break|breaking|ended|ending)\s+"
    r"(?:off\s+)?(?:its\s+|their\s+)?[“\"]?(?:diplomatic\s+|official\s+)?"
    r"(?:ties|relations)[”\"]?\s+with\s+(?:the\s+)?)$",
    re.I,
)
_CONCERN_AFTER = re.compile(
    r"(?:'s|’s)?-?\s?(?:related|linked|focused|centred|centered)\b"
)
# Where a clause ends: one verb's subject never reaches back past these.
_CLAUSE_BREAK = re.compile(
    r"(?:[;:]|\bthat\b|\bwhich\b|\bwho\b|\bwhile\b|\bafter\b|\bbefore\b|\bbecause\b"
    r"|\bas\b|\bwhen\b|\bsince\b|\bbut\b|\bwhereas\b|\bunlike\b|—|--)",
    re.I,
)
_LIST_INTRO = re.compile(r"\s*(?:-|–|—|:|\(|,\s+namely|,\s+i\.e\.,?)\s*(?:the\s+)?")


@dataclass
class Context:
    article: Article
    lexicon: Lexicon
    sentences: list[Sentence]
    actors: list[ActorMention]
    concern_starts: set[int] = field(default_factory=set)
    names: list[tuple[int, int]] = field(default_factory=list)  # instruments' names
    # the sentences naming any instrument noun, kept or not ("has agreements
    # with 15 partners"): a step told there is told of those
    naming: set[int] = field(default_factory=set)
    _starts: list[int] = field(default_factory=list)
    _actor_starts: list[int] = field(default_factory=list)
    # per-sentence results the stages ask for more than once (dates, verbs, roles)
    memo: dict[tuple[str, int], Any] = field(default_factory=dict)
    # the text evidence quotes: ``text`` with the marks it reads through
    # (text.read_through_quotes), at the same offsets
    quoted: str = ""

    @property
    def text(self) -> str:
        return self.article.text

    def sentence_of(self, offset: int) -> Sentence:
        return self.sentences[max(0, bisect.bisect_right(self._starts, offset) - 1)]

    def actors_in(self, start: int, end: int) -> list[ActorMention]:
        found = []
        for a in self.actors[bisect.bisect_left(self._actor_starts, start) :]:
            if a.start >= end:
                break
            if a.end <= end:
                found.append(a)
        return found

    def standing(self, start: int, end: int) -> list[ActorMention]:
        """Actors in the span that can stand for a party: not a place ("in Seoul"),
        not a bare demonym ("Ukrainian ports"), not what something is about."""
        return [
            a
            for a in self.actors_in(start, end)
            if not a.place and not a.weak and a.start not in self.concern_starts
        ]

    def clause_start(self, sentence: Sentence, position: int) -> int:
        """Where the clause holding ``position`` begins within ``sentence``."""
        key = ("breaks", sentence.index)
        if key not in self.memo:
            self.memo[key] = [
                (b.start(), b.end())
                for b in _CLAUSE_BREAK.finditer(self.text, sentence.start, sentence.end)
            ]
        start = sentence.start
        for _, end in self.memo[key]:
            if end > position:
                break
            start = end
        return start

    def verbs(self, sentence: Sentence) -> list[tuple[str, int, int]]:
        """The sentence's event verbs: (event type, start, end), in pattern order;
        not the word a longer phrase of another step ends with ("ratification" in
        "revoking Russia's ratification")."""
        key = ("verbs kept", sentence.index)
        if key not in self.memo:
            found = self.matches(sentence, "verbs", self.lexicon.event_patterns)
            self.memo[key] = [
                (etype, start, end)
                for etype, start, end in found
                if not any(
                    other != etype and s < start and end == e for other, s, e in found
                )
            ]
        return self.memo[key]  # type: ignore[no-any-return]

    def matches(
        self,
        sentence: Sentence,
        name: str,
        patterns: tuple[tuple[re.Pattern[str], str], ...],
    ) -> list[tuple[str, int, int]]:
        """Every match of the labelled ``patterns`` in the sentence, as (label,
        start, end) in pattern order; scanned once per sentence and ``name``."""
        key = (name, sentence.index)
        if key not in self.memo:
            self.memo[key] = [
                (label, sentence.start + m.start(), sentence.start + m.end())
                for pattern, label in patterns
                for m in pattern.finditer(sentence.text)
            ]
        return self.memo[key]  # type: ignore[no-any-return]

    def dates(self, sentence: Sentence, *, future: bool) -> list[DateMention]:
        """The sentence's dates; ``future`` reads "Wednesday" as the next one."""
        key = ("dates ahead" if future else "dates", sentence.index)
        if key not in self.memo:
            self.memo[key] = find_dates(
                sentence.text,
                self.article.published,
                offset=sentence.start,
                future=future,
            )
        return self.memo[key]  # type: ignore[no-any-return]

    def span(self, start: int, end: int) -> Evidence:
        return Evidence(start, end, self.quoted[start:end])

    def sentence_span(self, sentence: Sentence) -> Evidence:
        return self.span(sentence.start, sentence.end)


_GERUND_AFTER = re.compile(
    r"(?:\s+and\s+(?:the\s+)?(?-i:[A-Z])[\w.'’-]*(?:\s+(?-i:[A-Z])[\w.'’-]*)?)?\s+"
    r"(?:joining|becoming|entering|acceding|leaving|quitting|gaining|obtaining|"
    r"acquiring|building|developing|deploying|sending|supplying|receiving)\b"
)


def read_context(article: Article, lexicon: Lexicon, *, quoted: str = "") -> Context:
    """Sentences and actor mentions of one article, with what each actor is about;
    ``quoted``: the text its evidence quotes, if not the article's."""
    text = article.text
    sentences = split_sentences(text)
    actors = _with_groups(text, find_actors(text), lexicon)
    ctx = Context(article, lexicon, sentences, actors, quoted=quoted or text)
    ctx._starts = [s.start for s in sentences]
    ctx._actor_starts = [a.start for a in actors]
    ctx.concern_starts = {
        a.start
        for a in actors
        if (
            CONCERN_BEFORE.search(text[max(0, a.start - 40) : a.start])
            or _CONCERN_AFTER.match(text, a.end)
        )
        # "an agreement on the China-Kyrgyzstan-Uzbekistan railway": the states
        # joined by hyphens name what they build together
        and not re.match(r"[-–][A-Z]", text[a.end : a.end + 2])
        # "its veto over Finland and Sweden joining NATO": who acts, not what about
        and not _GERUND_AFTER.match(text, a.end)
    }
    return ctx


def _with_groups(
    text: str, actors: list[ActorMention], lexicon: Lexicon
) -> list[ActorMention]:
    """Add the members of groupings ("world powers") where the text lists them."""
    groups = list(lexicon.groups.finditer(text))
    members: list[str] = []
    for group in groups:
        intro = _LIST_INTRO.match(text, group.end())
        if not intro:
            continue
        position = intro.end()
        for a in actors:
            if a.start < position:
                continue
            gap = text[position : a.start]
            if members and not re.fullmatch(
                r",?\s+and\s+(?:the\s+)?|,\s*(?:the\s+)?", gap
            ):
                break
            if not members and not re.fullmatch(r"(?:the\s+)?", gap):
                break
            members.append(a.code)
            position = a.end
    if not members:
        return actors
    added = [
        ActorMention(g.start(), g.end(), code, "group", g.group())
        for g in groups
        for code in dict.fromkeys(members)
    ]
    return sorted(actors + added, key=lambda a: a.start)
