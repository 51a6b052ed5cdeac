"""Turn instrument mentions into agreements: merge mentions, find parties, dates, events.

The rules, in the order they run:

1. every mention of an instrument is found (:mod:`.mentions`);
2. mentions are merged into one cluster per instrument: named mentions by
   name, generic ones ("the deal") into the article's main agreement unless
   the words around them mark another one (another year, "bilateral" against
   "trilateral", "interim", "such a");
3. per cluster, parties come from the subjects of event verbs, "with X",
   "between X and Y", "X-Y deal" and plural references resolved to the states
   named before them; states after "on", "against" or "threats from" are what
   the agreement concerns; brokers, hosts and places are neither;
4. events come from the verbs in the sentences that mention the cluster, minus
   negated and modal ones, with the nearest date resolved at its precision.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace

from diplograph.extract.actors import ActorMention, find_actors
from diplograph.extract.dates import DateMention, find_dates
from diplograph.extract.lexicon import Lexicon
from diplograph.extract.mentions import InstrumentMention, find_instruments
from diplograph.extract.text import Sentence, split_sentences
from diplograph.model import AgreementFact, Article, Event, Evidence

_CONCERN_BEFORE = re.compile(
    r"(?:\b(?:on|against|about|regarding|targeting|toward|towards|over|deter|counter)\s+(?:the\s+)?"
    r"|\b(?:threats?|troops|forces|provocations?|missiles?|attacks?)\s+(?:\w+\s+)?(?:from|by)\s+(?:the\s+)?)$",
    re.I,
)
_CONCERN_AFTER = re.compile(
    r"(?:'s|’s)?-?\s?(?:related|linked|focused|centred|centered)\b"
)
_WITH_BEFORE = re.compile(r"\b(?:with|between|among|and)\s+(?:the\s+)?$", re.I)
_CLAUSE_BREAK = re.compile(
    r"(?:[;:]|\bthat\b|\bwhich\b|\bwho\b|\bwhile\b|\bafter\b|\bbefore\b|\bbecause\b|\bas\b|\bwhen\b|\bsince\b|—|--)",
    re.I,
)
_CONFLICT_WORDS = (
    ("bilateral", ("trilateral", "three-way", "multilateral", "regional")),
    ("trilateral", ("bilateral",)),
    ("interim", ()),
    ("previous", ()),
    ("earlier", ()),
    ("old", ()),
    ("another", ()),
)
_PARTY_EVENTS = {
    "signed",
    "agreed",
    "ratified",
    "withdrawn",
    "suspended",
    "extended",
    "in_force",
    "terminated",
    "implemented",
    "negotiation",
    "failed",
}
_ANNIVERSARY = re.compile(r"\b(\d+)(?:st|nd|rd|th) anniversary of (?:the )?$", re.I)


@dataclass
class Cluster:
    mentions: list[InstrumentMention] = field(default_factory=list)
    key: str | None = None
    name: str | None = None
    year_label: str | None = None
    listed: set[str] = field(
        default_factory=set
    )  # "participating countries include ..."

    def add(self, m: InstrumentMention) -> None:
        self.mentions.append(m)
        if m.key and not self.key:
            self.key, self.name = m.key, m.name
        if m.year_label and not self.year_label:
            self.year_label = m.year_label


@dataclass
class Context:
    article: Article
    lexicon: Lexicon
    sentences: list[Sentence]
    starts: list[int]
    actors: list[ActorMention]
    dates: dict[int, list[DateMention]]
    concern_starts: set[int] = field(default_factory=set)

    def sentence_of(self, offset: int) -> Sentence:
        return self.sentences[max(0, bisect.bisect_right(self.starts, offset) - 1)]

    def actors_in(self, start: int, end: int) -> list[ActorMention]:
        return [a for a in self.actors if start <= a.start and a.end <= end]


def extract_agreements(article: Article, lexicon: Lexicon) -> list[AgreementFact]:
    text = article.text
    sentences = split_sentences(text)
    actors = _with_groups(text, find_actors(text), lexicon)
    ctx = Context(article, lexicon, sentences, [s.start for s in sentences], actors, {})
    ctx.concern_starts = {
        a.start
        for a in ctx.actors
        if _CONCERN_BEFORE.search(text[max(0, a.start - 40) : a.start])
        or _CONCERN_AFTER.match(text, a.end)
    }
    mentions = [m for m in find_instruments(text, lexicon) if _keep(m, ctx)]
    for m in mentions:
        _refine(m, ctx)
    facts, respective = _respective(mentions, ctx)
    mentions = [m for m in mentions if id(m) not in respective]
    clusters = _cluster(mentions, ctx)
    _resolve_pronouns(clusters, ctx)
    if clusters:
        clusters[0].listed = _listed_participants(ctx)
    for cluster in clusters:
        facts.extend(_describe(cluster, clusters, ctx))
    return facts


def _respective(
    mentions: list[InstrumentMention], ctx: Context
) -> tuple[list[AgreementFact], set[int]]:
    """ "Egypt and Jordan signed their peace deals with Israel in 1979 and 1994,
    respectively": one agreement per subject, each with its own date."""
    text = ctx.article.text
    facts: list[AgreementFact] = []
    used: set[int] = set()
    for m in mentions:
        sentence = ctx.sentence_of(m.start)
        if not m.plural or "respectively" not in sentence.text:
            continue
        subjects = [
            a.code for a in ctx.actors_in(sentence.start, m.start)
            if not a.place and not a.weak and a.start not in ctx.concern_starts
        ]  # fmt: skip
        subjects = list(dict.fromkeys(subjects))
        partners: list[str] = []
        with_ = re.match(r"\s+with\s+(?:the\s+)?", text[m.end : sentence.end])
        if with_:
            partners = [
                a.code
                for a in ctx.actors_in(m.end, sentence.end)
                if a.start == m.end + with_.end()
            ]
        until = sentence.start + sentence.text.index("respectively")
        dates = [
            d.value
            for d in _dates(sentence, ctx, False)
            if m.end < d.start < until and d.value
        ]
        if len(subjects) < 2 or len(dates) != len(subjects):
            continue
        window = text[
            max(sentence.start, m.start - 100) : min(sentence.end, m.end + 120)
        ]
        topics = {
            t for pattern, t in ctx.lexicon.topic_keywords if pattern.search(window)
        }
        topics.update(ctx.lexicon.topics_by_kind.get(m.kind or "", ()))
        evidence = (Evidence(sentence.start, sentence.end, sentence.text),)
        for code, when in zip(subjects, dates, strict=True):
            facts.append(
                AgreementFact(
                    kind=m.kind or "agreement",
                    parties=tuple(sorted({code, *partners})),
                    signed=when,
                    topics=tuple(sorted(topics)),
                    events=(Event("signed", when, evidence=evidence),),
                    evidence=evidence,
                )  # fmt: skip
            )
        used.add(id(m))
    return facts, used


_LIST_INTRO = re.compile(r"\s*(?:-|–|—|:|\(|,\s+namely|,\s+i\.e\.,?)\s*(?:the\s+)?")


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


def _keep(m: InstrumentMention, ctx: Context) -> bool:
    """Leave out domestic laws and company contracts."""
    sentence = ctx.sentence_of(m.start).text
    if any(marker in sentence for marker in ctx.lexicon.domestic_markers) and not m.key:
        window = ctx.article.text[max(0, m.start - 60) : m.end + 60]
        if any(marker in window for marker in ctx.lexicon.domestic_markers):
            return False
    if not m.key and any(
        re.search(rf"\b{re.escape(c)}\b", sentence) for c in ctx.lexicon.company_markers
    ):
        s = ctx.sentence_of(m.start)
        if not [a for a in ctx.actors_in(s.start, s.end) if not a.place and not a.weak]:
            return False
    return True


def _refine(m: InstrumentMention, ctx: Context) -> None:
    text = ctx.article.text
    after = text[m.end : m.end + 40]
    if re.match(r"\s+to\s+(?:formally\s+)?normali[sz]e", after):
        m.kind = "normalization"
    anniversary = _ANNIVERSARY.search(text[max(0, m.start - 40) : m.start])
    if anniversary:
        m.year_label = str(ctx.article.published.year - int(anniversary.group(1)))


def _conflicts(m: InstrumentMention, cluster: Cluster) -> bool:
    if m.year_label and cluster.year_label and m.year_label != cluster.year_label:
        return True
    if (
        m.year_label
        and not cluster.year_label
        and cluster.key is None
        and cluster.mentions
    ):
        first = cluster.mentions[0]
        if first.determiner in ("a", "an") and m.determiner in ("a", "an"):
            return True
    words = m.modifiers
    for word, opposites in _CONFLICT_WORDS:
        if re.search(rf"\b{word}\b", words):
            if not opposites:
                return True
            if any(
                re.search(rf"\b{o}\b", c.modifiers)
                for c in cluster.mentions
                for o in opposites
            ):
                return True
    if m.kind == "normalization" and all(
        c.kind != "normalization" for c in cluster.mentions
    ):
        return True
    return False


def _cluster(mentions: list[InstrumentMention], ctx: Context) -> list[Cluster]:
    clusters: list[Cluster] = []
    by_key: dict[str, Cluster] = {}
    main: Cluster | None = None
    last_in_sentence: dict[int, Cluster] = {}
    for m in mentions:
        sentence = ctx.sentence_of(m.start)
        target: Cluster | None = None
        if m.key:
            target = by_key.get(m.key)
            if target is None and main is not None and main.key is None:
                # the article's unnamed main agreement gets its name here, unless
                # the words set this one apart ("replaces the NAFTA", "the 1994 ...")
                before = ctx.article.text[max(0, m.start - 40) : m.start].lower()
                apart = re.search(
                    r"(?:replac\w*|succeed\w*|version of|than|like|instead of|under)\s+(?:the\s+)?$",
                    before,
                )
                if not apart and not m.year_label and _kind_compatible(m, main):
                    target = main
        elif m.year_label and any(c.year_label == m.year_label for c in clusters):
            target = next(c for c in clusters if c.year_label == m.year_label)
        elif m.kind == "normalization":
            target = next(
                (
                    c
                    for c in clusters
                    if any(x.kind == "normalization" for x in c.mentions)
                ),
                None,
            )
        else:
            same = last_in_sentence.get(sentence.index)
            if same is not None and m.determiner in (
                "such",
                "the",
                "that",
                "this",
                "its",
                "their",
            ):
                target = same
            elif (
                main is not None
                and not _conflicts(m, main)
                and not _other_signers(m, main, ctx)
            ):
                target = main
        if target is None:
            target = Cluster()
            clusters.append(target)
            if main is None:
                main = target
        target.add(m)
        if m.key:
            by_key[m.key] = target
        last_in_sentence[sentence.index] = target
    return clusters


_VERB_IT = re.compile(
    r"\b(?:ratified|signed|adopted|approved|extended|suspended|renewed|implemented|rejoined|"
    r"quit|scrapped|terminated|endorsed)\s+(it)\b"
)


_NUMBER_WORDS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve".split()
    )
}
_IN_EFFECT_FOR = re.compile(
    r"\b(?:been|was) in (?:effect|force|place) for (?:more than |nearly |almost |over |about )?(\d+|[a-z]+) years\b",
    re.I,
)


def _resolve_pronouns(clusters: list[Cluster], ctx: Context) -> None:
    """A sentence opening with "It" continues the agreement of the sentence before."""
    last: dict[int, Cluster] = {}
    for cluster in clusters:
        for m in cluster.mentions:
            index = ctx.sentence_of(m.start).index
            if index not in last or last[index].mentions[-1].start < m.start:
                last[index] = cluster
    recent: Cluster | None = None
    for sentence in ctx.sentences:
        if sentence.index in last:
            recent = last[sentence.index]
            continue
        if sentence.text.startswith("It ") and sentence.index - 1 in last:
            last[sentence.index - 1].mentions.append(
                InstrumentMention(sentence.start, sentence.start + 2, None, "It")
            )
        elif recent is not None:
            # "Mexico ratified it in December 2019": "it" after an event verb
            for match in _VERB_IT.finditer(sentence.text):
                start = sentence.start + match.start(1)
                recent.mentions.append(InstrumentMention(start, start + 2, None, "it"))


def _other_signers(m: InstrumentMention, cluster: Cluster, ctx: Context) -> bool:
    """ "a fisheries agreement" signed by states the main agreement never named
    is another agreement ("Separately, Norway and Iceland signed ...")."""
    if not m.indefinite:
        return False
    sentence = ctx.sentence_of(m.start)
    clause = _clause_start(ctx.article.text, sentence, m.start)
    actors = [a for a in ctx.actors_in(clause, m.start) if not a.place and not a.weak]
    subjects = {a.code for a in actors}
    if len(subjects) < 2 or not re.search(
        r"\b(?:signed|inked|concluded|reached|struck|agreed)\b",
        ctx.article.text[actors[-1].end : m.start],
    ):
        return False
    named: set[str] = set()
    for other in cluster.mentions:
        s = ctx.sentence_of(other.start)
        named.update(
            a.code for a in ctx.actors_in(s.start, s.end) if not a.place and not a.weak
        )
    return bool(named) and not subjects & named


def _kind_compatible(m: InstrumentMention, cluster: Cluster) -> bool:
    return m.kind != "normalization" and all(
        x.kind != "normalization" for x in cluster.mentions
    )


def _kind(cluster: Cluster, ctx: Context) -> str:
    """A name with a kind word decides; else the most specific word the text uses;
    else the kind the lexicon knows for the instrument ("JCPOA")."""
    lexicon = ctx.lexicon
    if cluster.name:
        for m in cluster.mentions:
            if (
                m.text == cluster.name
                and m.kind
                and lexicon.kind_pattern.search(m.text)
            ):
                return m.kind
        for inst in lexicon.instruments:
            if cluster.key == inst.id and lexicon.kind_pattern.search(inst.name):
                return inst.kind
    kinds = {
        m.kind
        for m in cluster.mentions
        if m.kind and (not m.key or lexicon.kind_pattern.search(m.text))
    }
    for kind in lexicon.kind_priority:
        if kind in kinds:
            return kind
    for inst in lexicon.instruments:
        if cluster.key == inst.id:
            return inst.kind
    return "agreement"


def _dates(sentence: Sentence, ctx: Context, future: bool) -> list[DateMention]:
    key = sentence.index * 2 + future
    if key not in ctx.dates:
        ctx.dates[key] = find_dates(
            sentence.text, ctx.article.published, offset=sentence.start, future=future
        )
    return ctx.dates[key]


def _clause_start(text: str, sentence: Sentence, position: int) -> int:
    segment = text[sentence.start : position]
    breaks = list(_CLAUSE_BREAK.finditer(segment))
    return sentence.start + (breaks[-1].end() if breaks else 0)


def _role_positions(
    ctx: Context, sentence: Sentence, brokers_from: int | None
) -> dict[int, str]:
    """For each actor mention in the sentence: 'place', 'concern', 'broker' or ''."""
    text = ctx.article.text
    roles: dict[int, str] = {}
    for a in ctx.actors_in(sentence.start, sentence.end):
        before = text[max(sentence.start, a.start - 40) : a.start]
        chain = re.search(
            r"((?:[\w.'’-]+(?: [\w.'’-]+){0,2}, )*(?:[\w.'’-]+(?: [\w.'’-]+){0,2} )?and )$",
            before,
        )
        head = before[: len(before) - len(chain.group(1))] if chain else before
        if a.place:
            roles[a.start] = "place"
        elif a.start in ctx.concern_starts or (chain and _CONCERN_BEFORE.search(head)):
            roles[a.start] = "concern"
        elif brokers_from is not None and a.start > brokers_from:
            roles[a.start] = "broker"
        else:
            roles[a.start] = ""
    return roles


def _plural_parties(
    ctx: Context, upto: int, start: int, known: dict[str, int]
) -> list[tuple[int, list[str]]]:
    """Plural references in [start, upto) with the states they stand for.

    "the three countries" is the agreement's parties when three are known
    already, else the last three states named before it.
    """
    text = ctx.article.text
    found = []
    for pattern, count in ctx.lexicon.plural_refs:
        for match in pattern.finditer(text, start, upto):
            if known and (count == 0 or len(known) == count):
                found.append((match.start(), list(known)))
                continue
            group = _last_coordination(ctx, match.start(), count)
            if group:
                found.append((match.start(), group))
                continue
            earlier: list[str] = []
            for a in reversed([a for a in ctx.actors if a.end <= match.start()]):
                if (
                    a.place
                    or a.weak
                    or a.code in earlier
                    or a.start in ctx.concern_starts
                ):
                    continue
                earlier.append(a.code)
                if count and len(earlier) == count:
                    break
            if count and len(earlier) < count:
                continue
            if "koreas" in match.group().lower():
                earlier = ["KOR", "PRK"]
            found.append((match.start(), earlier))
    return found


def _last_coordination(ctx: Context, before: int, count: int) -> list[str]:
    """The last "A and B" / "A, B and C" group of ``count`` states before ``before``."""
    if count < 2:
        return []
    text = ctx.article.text
    usable = [
        a for a in ctx.actors
        if a.end <= before and before - a.start < 600 and not a.place and not a.weak
        and a.start not in ctx.concern_starts
    ]  # fmt: skip
    for end_index in range(len(usable) - 1, count - 2, -1):
        group = usable[end_index - count + 1 : end_index + 1]
        joins = [text[x.end : y.start] for x, y in zip(group, group[1:], strict=False)]
        if not re.fullmatch(r"\s+and\s+(?:the\s+)?", joins[-1]):
            continue
        if all(re.fullmatch(r",\s+(?:the\s+)?", j) for j in joins[:-1]):
            codes = list(dict.fromkeys(a.code for a in group))
            if len(codes) == count:
                return codes
    return []


_PARTICIPANTS = re.compile(
    r"\b(?:participating|member|signatory|partner|founding|negotiating)\s+(?:countries|nations|states|"
    r"economies|members|parties)\s+(?:include|includes|included|are|were)\b",
    re.I,
)
_MEMBERSHIP = re.compile(
    r"\s+(?:groups|comprises|includes|consists of|brings together|members are)\b"
)


def _listed_participants(ctx: Context) -> set[str]:
    """States listed as an agreement's participants, organizations read as their members.

    "Participating countries include the members of ASEAN and China" gives
    China plus the members of ASEAN if the text lists them ("ASEAN groups
    Brunei, Cambodia, ...").
    """
    text = ctx.article.text
    members: dict[str, list[str]] = {}
    for a in ctx.actors:
        if _MEMBERSHIP.match(text, a.end):
            sentence = ctx.sentence_of(a.start)
            members[a.code] = [
                b.code
                for b in ctx.actors_in(a.end, sentence.end)
                if not b.weak and not b.place
            ]
    listed: set[str] = set()
    for sentence in ctx.sentences:
        found = _PARTICIPANTS.search(sentence.text)
        if not found:
            continue
        for a in ctx.actors_in(sentence.start + found.end(), sentence.end):
            if a.weak or a.place:
                continue
            listed.update(members.get(a.code) or [a.code])
    return listed


def _speakers_end(text: str, clause: int, verb: int, lexicon: Lexicon) -> int:
    """Skip the speakers of "X and Y say the deal is in force": they report, not act.

    Speakers stay subjects when a pronoun takes them up ("they had extended").
    """
    said = list(lexicon.reporting.finditer(text, clause, verb))
    if not said:
        return clause
    after = text[said[-1].end() : verb]
    if re.match(r"(?:\s+(?:on\s+)?\w+day)?(?:\s+that)?\s+(?:they|it|we|both)\b", after):
        return clause
    return said[-1].end()


def _opening_group(
    ctx: Context, sentence: Sentence, roles: dict[int, str]
) -> list[str]:
    """ "Iran and Britain, China, France, Germany and Russia have ...": the states."""
    text = ctx.article.text
    group: list[ActorMention] = []
    position = sentence.start
    for a in ctx.actors_in(sentence.start, sentence.end):
        gap = text[position : a.start]
        if a.start < position:
            continue
        if not re.fullmatch(
            r"(?:the\s+)?" if not group else r",?\s+(?:and\s+)?(?:the\s+)?|,\s+", gap
        ):
            break
        if a.weak or roles.get(a.start):
            break
        group.append(a)
        position = a.end
    codes = list(dict.fromkeys(a.code for a in group))
    if len(codes) < 2 or not re.match(
        r"\s+(?:have|has|had|are|were|will|would|on|formally|signed|agreed|jointly|also)\b",
        text[position : position + 20],
    ):
        return []
    return codes


_TALKS = re.compile(
    r"\b(?:talks|negotiations|negotiation|negotiated|negotiating)\b", re.I
)


def _talks(
    cluster: Cluster, clusters: list[Cluster], parties: dict[str, int], ctx: Context
) -> list[Event]:
    """Talks between the main agreement's parties, told in sentences that do not
    name the agreement ("after 18 days of marathon talks between Tehran and ...")."""
    named = {ctx.sentence_of(m.start).index for c in clusters for m in c.mentions}
    found = []
    for sentence in ctx.sentences:
        if sentence.index in named or not _TALKS.search(sentence.text):
            continue
        actors = {
            a.code
            for a in ctx.actors_in(sentence.start, sentence.end)
            if not a.place and not a.weak
        }
        if not actors & set(parties):
            continue
        for pattern, etype in ctx.lexicon.event_patterns:
            if etype != "negotiation":
                continue
            for match in pattern.finditer(sentence.text):
                event = _event(
                    etype,
                    match.group(),
                    sentence.start + match.start(),
                    sentence.start + match.end(),
                    sentence,
                    "agreement",
                    ctx,
                )
                if event is not None:
                    found.append(event)
    return found


def _describe(
    cluster: Cluster, clusters: list[Cluster], ctx: Context
) -> list[AgreementFact]:
    text = ctx.article.text
    lexicon = ctx.lexicon
    kind = _kind(cluster, ctx)
    parties: dict[str, int] = {}
    concerns: dict[str, int] = {}
    events: list[Event] = []
    evidence: list[Evidence] = []
    topics: set[str] = set(lexicon.topics_by_kind.get(kind, ()))
    aliases: list[str] = []
    for inst in lexicon.instruments:
        if cluster.key == inst.id:
            topics.update(inst.topics)
    sentences = sorted({ctx.sentence_of(m.start).index for m in cluster.mentions})
    own = {id(m) for m in cluster.mentions}
    others = [m for c in clusters if c is not cluster for m in c.mentions]
    for index in sentences:
        sentence = ctx.sentences[index]
        evidence.append(Evidence(sentence.start, sentence.end, sentence.text))
        mine = [m for m in cluster.mentions if sentence.start <= m.start < sentence.end]
        rivals = [m for m in others if sentence.start <= m.start < sentence.end]
        for m in mine:
            for alias in m.aliases:
                if alias not in aliases and alias != cluster.name:
                    aliases.append(alias)
        broker = lexicon.broker_markers.search(sentence.text)
        roles = _role_positions(
            ctx, sentence, sentence.start + broker.start() if broker else None
        )
        sentence_actors = [
            a for a in ctx.actors_in(sentence.start, sentence.end) if not a.weak
        ]
        for a in sentence_actors:
            if roles.get(a.start) == "concern":
                concerns[a.code] = concerns.get(a.code, 0) + 1
        for m in mine:
            # topics from the words around the mention: "an intelligence-sharing pact
            # on North Korea's missile programs", not from the rest of the sentence
            window = text[
                max(sentence.start, m.start - 100) : min(sentence.end, m.end + 120)
            ]
            for pattern, topic in lexicon.topic_keywords:
                if pattern.search(window):
                    topics.add(topic)
        # parties named around each mention
        for m in mine:
            for a in sentence_actors:
                role = roles.get(a.start, "")
                if role:
                    continue
                gap = text[m.end : a.start] if a.start >= m.end else None
                if (
                    gap is not None
                    and len(gap) < 70
                    and re.search(r"\b(?:with|between|among)\b", gap)
                    and not re.search(r"[.;]", gap)
                ):
                    parties[a.code] = parties.get(a.code, 0) + 2
                elif (
                    m.start <= a.start
                    and a.end <= m.end
                    and a.role not in ("capital", "seat")
                ):
                    parties[a.code] = (
                        parties.get(a.code, 0) + 2
                    )  # inside a name: "EU-Japan"
                elif (
                    a.end <= m.start
                    and a.role not in ("capital", "seat")
                    and re.fullmatch(
                        r"(?:\s*-\s*|\s+)(?:[\w-]+\s+){0,2}", text[a.end : m.start]
                    )
                    and not re.search(
                        r"\b(?:with|in|at|on|of|to|for|from|by|and|the|a|an)\b",
                        text[a.end : m.start],
                    )
                ):
                    parties[a.code] = (
                        parties.get(a.code, 0) + 2
                    )  # "U.S.-Taliban deal", "Iran nuclear deal"
                elif a.end <= m.start and re.match(
                    r"(?:'s|’s)\s+(?:[\w-]+\s+){0,3}$", text[a.end : m.start]
                ):
                    parties[a.code] = parties.get(a.code, 0) + 2  # "Japan's pact with"
            for start, codes in _plural_parties(
                ctx, sentence.end, sentence.start, parties
            ):
                gap_ok = abs(start - m.start) < 200
                if gap_ok:
                    for code in codes:
                        parties[code] = parties.get(code, 0) + 1
        # a coordinated subject opening a sentence about the agreement
        for code in _opening_group(ctx, sentence, roles):
            parties[code] = parties.get(code, 0) + 1
        # events and the subjects that perform them
        for pattern, etype in lexicon.event_patterns:
            for match in pattern.finditer(sentence.text):
                v_start = sentence.start + match.start()
                v_end = sentence.start + match.end()
                if any(m.start <= v_start < m.end for m in mine + rivals):
                    continue
                if rivals:
                    nearest = min(
                        mine + rivals,
                        key=lambda m: min(abs(m.start - v_end), abs(v_start - m.end)),
                    )
                    if id(nearest) not in own:
                        continue
                event = _event(
                    etype, match.group(), v_start, v_end, sentence, kind, ctx
                )
                if event is not None:
                    events.append(event)
                # who signs, ratifies or quits is a party, even of a postponed signing
                if etype in _PARTY_EVENTS and etype not in ("negotiation", "failed"):
                    clause = _speakers_end(
                        text, _clause_start(text, sentence, v_start), v_start, lexicon
                    )
                    for a in sentence_actors:
                        if (
                            clause <= a.start
                            and a.end <= v_start
                            and not roles.get(a.start)
                        ):
                            parties[a.code] = parties.get(a.code, 0) + 2
                    for start, codes in _plural_parties(ctx, v_start, clause, parties):
                        for code in codes:
                            parties[code] = parties.get(code, 0) + 2
    if cluster is clusters[0]:
        events += _talks(cluster, clusters, parties, ctx)
    for code in cluster.listed:
        parties[code] = parties.get(code, 0) + 1
    if not parties:
        first = ctx.sentence_of(cluster.mentions[0].start)
        broker = lexicon.broker_markers.search(first.text)
        roles = _role_positions(
            ctx, first, first.start + broker.start() if broker else None
        )
        for a in ctx.actors_in(first.start, first.end):
            if not a.weak and not roles.get(a.start):
                parties[a.code] = 1
    if not parties:
        return []
    for m in cluster.mentions:
        since = _IN_EFFECT_FOR.search(text, m.end, min(len(text), m.end + 80))
        if since and not re.search(r"[.;]", text[m.end : since.start()]):
            years = (
                int(since.group(1))
                if since.group(1).isdigit()
                else _NUMBER_WORDS.get(since.group(1).lower(), 0)
            )
            if years:
                events.append(
                    Event("in_force", str(ctx.article.published.year - years))
                )
    merged = _merge_events(events)
    signings = [
        e.date for e in merged if e.type == "signed" and e.date and not e.scheduled
    ]
    signed = max(signings, key=len) if signings else None  # the most precise
    if signed is None and cluster.year_label:
        signed = cluster.year_label
        merged += (Event("signed", signed),)
    fact = AgreementFact(
        kind=kind,
        parties=tuple(sorted(parties)),
        name=cluster.name,
        aliases=tuple(aliases),
        signed=signed,
        concerns=tuple(sorted(c for c in concerns if c not in parties)),
        topics=tuple(sorted(topics)),
        events=merged,
        evidence=tuple(evidence),
    )
    partners = _partner_list(cluster, ctx)
    if len(partners) < 2 or not set(partners) <= set(parties):
        return [fact]
    # "agreements to normalize ties with the UAE and Bahrain": one per partner
    shared = [code for code in fact.parties if code not in partners]
    return [replace(fact, parties=tuple(sorted({*shared, code}))) for code in partners]


def _partner_list(cluster: Cluster, ctx: Context) -> list[str]:
    """The states listed after "with" or "between" following a plural mention."""
    text = ctx.article.text
    for m in cluster.mentions:
        if not m.plural:
            continue
        sentence = ctx.sentence_of(m.start)
        found = re.search(
            r"\b(?:with|between)\s+(?:the\s+)?",
            text[m.end : min(sentence.end, m.end + 80)],
        )
        if not found:
            continue
        position = m.end + found.end()
        group: list[str] = []
        for a in ctx.actors_in(position, sentence.end):
            if a.start != position:
                break
            group.append(a.code)
            join = re.match(
                r"(?:\s*\([^)]*\))?(?:,\s+|\s+and\s+)(?:the\s+)?", text[a.end :]
            )
            if not join:
                break
            position = a.end + join.end()
        codes = list(dict.fromkeys(group))
        if len(codes) >= 2:
            return codes
    return []


def _merge_events(events: list[Event]) -> tuple[Event, ...]:
    """One event per type and date; an undated event is dropped when a dated one exists."""
    merged: dict[tuple[str, str | None], Event] = {}
    for e in events:
        key = (e.type, e.date)
        if key in merged:
            old = merged[key]
            merged[key] = Event(
                e.type,
                e.date,
                old.scheduled and e.scheduled,
                old.actors,
                old.evidence + e.evidence,
            )
        else:
            merged[key] = e
    dated = {t for t, d in merged if d}
    # "signed last year" and "signed in December 2015" are one signing: keep 2015-12
    refined = {
        (t, d)
        for t, d in merged
        for t2, d2 in merged
        if d and d2 and t == t2 and d2 != d and d2.startswith(d)
    }
    return tuple(
        e
        for (t, d), e in merged.items()
        if (d or t not in dated) and (t, d) not in refined
    )


def _event(
    etype: str,
    verb: str,
    v_start: int,
    v_end: int,
    sentence: Sentence,
    kind: str,
    ctx: Context,
) -> Event | None:
    text = ctx.article.text
    lexicon = ctx.lexicon
    if (
        etype == "signed"
        and verb.lower() in ("adopted", "issued", "released")
        and kind not in ("joint_statement", "declaration")
    ):
        if verb.lower() != "adopted" or re.search(
            r"(?i)parliament|congress|senate|assembly|duma|legislature",
            text[max(sentence.start, v_start - 45) : v_start],
        ):
            return None  # a parliament adopting it is its ratification
        etype = "agreed"  # adopting a treaty text concludes it
    if etype == "signed":
        after = text[v_end : v_end + 40]
        if re.match(r"\s+(?:it\s+|the\s+\w+\s+)?into law", after):
            etype = "ratified"  # a leader signing the ratification law
        elif re.match(
            r"\s+(?:an?\s+|the\s+)?(?:\w+\s+)?(?:executive order|decree|bill|order)",
            after,
        ):
            return None
    window = text[max(sentence.start, v_start - 45) : v_start]
    clause = text[_clause_start(text, sentence, v_start) : v_start]
    scope = window if len(window) < len(clause) else clause
    # a parenthetical between commas ("The pact, due to expire on Friday, was
    # extended") neither negates nor qualifies the verb after it
    if scope.count(",") >= 2:
        scope = scope.rsplit(",", 1)[-1]
    if lexicon.failure_before.search(window[-25:]) and etype in (
        "signed",
        "agreed",
        "ratified",
    ):
        etype = "failed"
    elif lexicon.negation.search(scope):
        return None
    if re.search(
        r"\b(?:about|against|of|on|over|from|for)\s+$",
        text[max(sentence.start, v_start - 9) : v_start],
    ) and verb.lower().endswith("ing"):
        return None  # "sentiment about signing such a pact"
    if lexicon.kind_pattern.match(text, v_end + 1) and text[v_end : v_end + 1] == " ":
        return None  # "the withdrawal agreement", "an extension deal": a name, not an event
    if re.match(
        r"[^.;]{0,60}\b(?:postponed|delayed|put off|called off|shelved)\b",
        text[v_end : sentence.end],
    ):
        return None
    if re.match(
        r"\s+(?:\w+\s+){0,2}(?:annually|every year|each year|automatically|unless)\b",
        text[v_end : v_end + 40],
    ):
        return None  # "is renewed annually unless...": how it works, not what happened
    if etype == "failed" and not lexicon.failure_before.search(window[-25:]):
        clause = _clause_start(text, sentence, v_start)
        subject = (
            text[max(sentence.start, clause - 30) : v_start]
            if re.search(r"\bwhich\s*$", text[:clause])
            else text[clause:v_start]
        )
        if not lexicon.kind_pattern.search(subject) and not re.search(
            r"\b(?:talks|negotiations|it)\b", subject
        ):
            return (
                None  # "Russia failed to comply": the party failed, not the instrument
            )
    if (
        etype == "terminated"
        and verb.lower().startswith(("terminat", "scrap", "cancel"))
        and lexicon.decision.search(scope)
    ):
        # one party deciding to end an agreement gives notice: a withdrawal, dated
        # when it is announced, whatever "would" says about the end itself
        dates = _dates(sentence, ctx, future=False)
        when = _pick_date(dates, v_start, v_end, sentence, ctx, "withdrawn")
        return Event(
            "withdrawn",
            when,
            False,
            (),
            (Evidence(sentence.start, sentence.end, sentence.text),),
        )
    modal = bool(lexicon.modality.search(scope))
    dates = _dates(sentence, ctx, future=modal)
    when = _pick_date(dates, v_start, v_end, sentence, ctx, etype)
    if modal and (when is None or etype in ("signed", "agreed")):
        return (
            None  # "will sign" is no signing; "will take effect on July 1" is scheduled
        )
    evidence = (Evidence(sentence.start, sentence.end, sentence.text),)
    return Event(etype, when, modal, (), evidence)


_DATELINE = re.compile(r"^[A-Z][A-Z .'/-]+,\s*$")
_YEAR_LABEL_AFTER = re.compile(
    r"(?:'s)?\s+(?:[\w-]+\s+){0,3}(?:deal|agreement|treaty|pact|accord|accords|agreements|"
    r"convention|protocol|arrangement|declaration)\b",
    re.I,
)


def _verb_spans(sentence: Sentence, ctx: Context) -> list[tuple[int, int]]:
    return [
        (sentence.start + m.start(), sentence.start + m.end())
        for pattern, _ in ctx.lexicon.event_patterns
        for m in pattern.finditer(sentence.text)
    ]


def _pick_date(
    dates: list[DateMention],
    v_start: int,
    v_end: int,
    sentence: Sentence,
    ctx: Context,
    etype: str,
) -> str | None:
    text = ctx.article.text
    best: tuple[int, str | None] | None = None
    verbs = _verb_spans(sentence, ctx)
    for d in dates:
        if d.value is None:
            continue
        low, high = (v_end, d.start) if d.start >= v_end else (d.end, v_start)
        if any(
            low <= vs and ve <= high for vs, ve in verbs if (vs, ve) != (v_start, v_end)
        ):
            continue  # another event verb stands between: the date is its own
        if _DATELINE.match(text[sentence.start : d.start]):
            continue  # "SEOUL, Jan. 20 (Wire) --" dates the report, not the event
        if d.kind == "year" and _YEAR_LABEL_AFTER.match(text, d.end):
            continue  # "the 2015 deal": a year label, not this event's date
        before = text[max(sentence.start, d.start - 25) : d.start]
        reported = ctx.lexicon.reporting.search(before)
        if (
            reported
            and etype in ("withdrawn", "terminated", "suspended")
            and re.search(r"\b(?:announced|declared)\b", before)
        ):
            reported = None  # announcing a withdrawal is withdrawing
        if d.start >= v_end:
            between = text[v_end : d.start]
            if len(between) > 100 or re.search(
                r"[;]|\b(?:but|while|after|which|who|and\s+\w+ed)\b", between
            ):
                continue
            if reported or re.search(
                r"\b(?:to|until|till|through|by)\s+(?:the\s+)?(?:end\s+of\s+)?$",
                text[max(sentence.start, d.start - 20) : d.start],
            ):
                continue  # "extended to Feb. 5, 2026" gives the new end, not the event
            distance = len(between)
        else:
            between = text[d.end : v_start]
            said_that = reported and re.match(r"\W*(?:\([^)]*\)\W*)?that\b", between)
            if len(between) > (250 if said_that else 90):
                continue
            if reported and not re.search(r"\bthat\b", between):
                continue
            opening = re.fullmatch(
                r"\s*(?:(?:on|in|by|since|last|earlier)\s*)?",
                text[sentence.start : d.start],
                re.I,
            )
            if "," in between and not opening and not re.search(r"\bthat\b", between):
                continue  # "Biden, who was sworn in on Jan. 20, acted to extend it"
            distance = len(between) + 10
        if best is None or distance < best[0]:
            best = (distance, d.value)
    return best[1] if best else None
