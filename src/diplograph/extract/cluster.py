"""The mentions of one instrument: what :mod:`.coref` groups and the later
stages read, and the helpers that find a mention's instrument by its place:
"a ceasefire deal" (one), the instruments told lately, the one "the first such
agreement" describes."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from diplograph.extract.context import Context
from diplograph.extract.mentions import InstrumentMention
from diplograph.model import Evidence


@dataclass
class Cluster:
    """The mentions of one instrument, with its name and year label when known."""

    mentions: list[InstrumentMention] = field(default_factory=list)
    key: str | None = None
    name: str | None = None
    year_label: str | None = None
    listed: dict[str, Evidence] = field(default_factory=dict)  # "members include"
    kinds: set[str] = field(default_factory=set)  # the kind words of its mentions

    def add(self, m: InstrumentMention, *, first: bool = False) -> None:
        self.mentions.insert(0, m) if first else self.mentions.append(m)
        if m.kind:
            self.kinds.add(m.kind)
        if m.key and not self.key:
            self.key, self.name = m.key, m.name
        if m.year_label and len(m.year_label) > len(self.year_label or ""):
            self.year_label = m.year_label  # the most precise: "2018-09" over "2018"

    @property
    def background(self) -> bool:
        """Named by a year ("the 2000 treaty"): told about, not the news itself."""
        return self.year_label is not None


def compounded(
    m: InstrumentMention, clusters: list[Cluster], text: str
) -> Cluster | None:
    """The instrument whose last word stands right before ``m``: "a ceasefire
    deal", "a trade agreement memorandum" are one instrument in two words."""
    return next(
        (c for c in clusters if text[c.mentions[-1].end : m.start] == " "), None
    )


def told_lately(clusters: list[Cluster]) -> list[Cluster]:
    """The instruments told about lately, the last told last: the last 20 bound
    the work on a text that names hundreds."""
    return sorted(clusters, key=lambda c: c.mentions[-1].start)[-20:]


_FIRST_SUCH = re.compile(
    r"\b(?:the|its|their)\s+(?:first|only|second|third|largest|biggest)\s+such\s+$",
    re.I,
)


def first_such(
    m: InstrumentMention, clusters: list[Cluster], ctx: Context
) -> Cluster | None:
    """ "signed a memorandum on defence ..., the first such agreement between
    Israel and an Arab country": it describes the instrument of its sentence."""
    if not _FIRST_SUCH.search(ctx.text, max(0, m.start - 30), m.start):
        return None
    sentence = ctx.sentence_of(m.start)
    before = [
        (x.start, c)
        for c in clusters
        for x in c.mentions
        if sentence.start <= x.start < m.start
    ]
    return max(before, key=lambda pair: pair[0])[1] if before else None
