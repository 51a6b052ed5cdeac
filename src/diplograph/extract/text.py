"""How an article is read: the text as the patterns read it (same length as
the published one), and its sentences with character offsets, so every fact
can point back at its source."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from diplograph.model import Article

# Tokens that end in a full stop without ending a sentence.
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr st jan feb mar apr jun jul aug sep sept oct nov dec gen lt col "
    "sen rep gov jr sr no vs etc inc co corp ltd u.s u.n u.k e.u s n p.m a.m "
    "d.c dept fig approx min maj capt adm prof rev pres amb sgt mt ft".split()
)
# initials that end a sentence when one of these words opens the next
_INITIALS = frozenset({"u.s", "u.n", "u.k", "e.u"})
_STARTS_SENTENCE = re.compile(
    r"(?:The|It|This|That|These|Those|A|An|He|She|They|We|I|In|On|At|But|However|"
    r"Under|After|Before|Its|Their|His|Her)\b"
)
MAX_SENTENCE = 1000  # characters
_BOUNDARY = re.compile(r"[.!?][\"'”’)\]]*\s+|\n+")


def any_of(words: Iterable[str]) -> str:
    """A regular expression matching any of ``words`` as written, the longest
    first where several match at one place (as an alternation sorted longest
    first would, backtracking to a shorter one when what follows fails), but
    shared beginnings written once, as a trie: Python's engine tries every
    branch of an alternation at every position, and with the gazetteer's 1,600
    forms that was a quarter of extraction's time.

    Example:
        >>> re.findall(any_of(["Korea", "South Korea", "South Sudan"]), "South Korea")
        ['South Korea']
    """
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in filter(None, words):
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here

    def branch(node: dict) -> str:  # type: ignore[type-arg]
        options = [re.escape(c) + branch(rest) for c, rest in sorted(node.items()) if c]
        if not options:
            return ""
        joined = options[0] if len(options) == 1 else "(?:" + "|".join(options) + ")"
        if "" in node:  # may end here: the longer ones first, greedily
            return f"(?:{joined})?"
        return joined

    return "(?:" + branch(trie) + ")"


def words_between(text: str, start: int, end: int) -> str:
    """``text[start:end]`` without a word cut at its start: a window 45
    characters back from a verb must not read "African" as "can"."""
    start = max(0, start)
    while 0 < start < end and text[start - 1].isalnum() and text[start].isalnum():
        start += 1
    return text[start:end]


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str


# (never before an item of a list: "1. Memorandum on ...", "- MoU on ...", nor
# before a page's time stamp: "09:34, June 07, 2024" under its headline)
_WRAPPED = re.compile(
    r"(?<=[^\s.!?:;\"”’)\]])\n(?!\d+[.)]\s|\d\d?:\d\d\b)(?=[a-z0-9(“\"])"
)
_LINE_END_UNWRAPPED = re.compile(
    r"(?<=[^\s.!?:;\"”’)\]])\n(?!\d+[.)]\s|\d\d?:\d\d\b)(?=[^\s\-*•·])"
)


def unwrap(text: str) -> str:
    r"""``text`` with the line breaks of hard-wrapped paragraphs made spaces (same
    length, so every offset still points into the article as published): a wire
    copy wrapped at 70 characters breaks its sentences mid-clause ("will
    establish\ndiplomatic relations"). A break before a lower-case word is
    always one; in a text whose lines mostly run on without a full stop, every
    break after a word is.

    Example:
        >>> unwrap("Ghana and Togo will\nsign a pact.\nIt is new.")
        'Ghana and Togo will sign a pact.\nIt is new.'
    """
    lines = [line for line in text.split("\n") if line.strip()]
    running = [line for line in lines if not re.search(r"[.!?:;\"”’)\]]\s*$", line)]
    wrapped = (
        len(lines) >= 6
        and len(running) >= 0.5 * len(lines)
        and all(len(line) <= 100 for line in lines[len(lines) // 4 :])
    )
    return (_LINE_END_UNWRAPPED if wrapped else _WRAPPED).sub(" ", text)


def read_article(article: Article) -> tuple[Article, str]:
    """The article as the patterns read it (:func:`read_text`, a headline in
    capitals in title case) and its text as evidence quotes it: as published,
    lines unwrapped."""
    quoted = unwrap(article.text)
    title = read_capitals(article.title)
    return replace(article, text=read_text(quoted), title=title), quoted


def read_text(quoted: str) -> str:
    """The text as the patterns read it (same length, so offsets into one are
    offsets into the other): no scare quotes, compounds joined by hyphens."""
    return read_through_quotes(read_dashes_as_hyphens(quoted))


def read_dashes_as_hyphens(text: str) -> str:
    """``text`` with the dashes that join two words ("EU–Mercosur", "U.S.–China",
    a non-breaking hyphen) made hyphens (same length), as the patterns spell
    compounds; a dash with spaces around it, or an em dash, stays.

    Example:
        >>> read_dashes_as_hyphens("the Peru–Chile treaty — signed in 2004–05")
        'the Peru-Chile treaty — signed in 2004-05'
    """
    return _JOINING_DASH.sub("-", text)


_JOINING_DASH = re.compile(r"(?:(?<=\w)|(?<=[A-Z]\.))[\u2010-\u2013\u2212](?=\w)")


def read_capitals(title: str) -> str:
    """A headline set in capitals, read in title case (same length), as the
    patterns know names ("MODI SAYS INDIA WILL RATIFY PARIS AGREEMENT" reads
    "Modi Says India Will Ratify Paris Agreement"); any other, as it is.

    Example:
        >>> read_capitals("INDIA'S MODI TO RATIFY THE PARIS AGREEMENT ON OCTOBER 2")
        "India's Modi to Ratify the Paris Agreement on October 2"
    """
    if re.search(r"[a-z]", title) or len(re.findall(r"[A-Z]{2,}", title)) < 3:
        return title
    titled = _WORD.sub(lambda m: m[0][0] + m[0][1:].lower(), title)
    return _SMALL_WORD.sub(lambda m: m.group().lower(), titled)


_WORD = re.compile(r"[^\W\d_]+(?:['’]S\b)?")  # "INDIA'S" is one word, "D'IVOIRE" two


# words a headline in title case keeps in lower case, but first
_SMALL_WORD = re.compile(
    r"(?<=\s)(?:A|An|The|And|Or|Of|On|In|To|For|With|At|By|From|Over|As)\b"
)


def read_through_quotes(text: str) -> str:
    """``text`` with the quotation marks around a word or two inside a clause
    made spaces (same length), so that patterns read through them.

    Example:
        >>> read_through_quotes('Ghana quit the pact "permanently" on Monday.')
        'Ghana quit the pact  permanently  on Monday.'
        >>> read_through_quotes("Ghana signed a ‘historic’ pact.")
        'Ghana signed a  historic  pact.'
    """
    return _SCARE_QUOTES.sub(lambda m: f" {m.group(1) or m.group(2)} ", text)


# a word or two quoted inside a clause ('withdrew his country "permanently"
# from the pact', 'an earlier “memorandum” of 2019')
_SCARE_QUOTES = re.compile(
    r"(?<=[a-z,] )(?:[\"“]([a-z][\w-]*(?: [a-z][\w-]*)?)[\"”]"
    r"|‘([a-z][\w-]*(?: [a-z][\w-]*)?)’)(?= [a-z])"
)


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences; offsets index into ``text``.

    Example:
        >>> [s.text for s in split_sentences("The U.S. signed. Japan did too.")]
        ['The U.S. signed.', 'Japan did too.']
    """
    sentences: list[Sentence] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        cut = match.end()
        if "\n" not in match.group() and not ends_sentence(text, match.start(), cut):
            continue
        _append(sentences, text, start, cut)
        start = cut
    _append(sentences, text, start, len(text))
    return sentences


def ends_sentence(text: str, stop: int, cut: int) -> bool:
    """Whether the stop at ``stop`` ends a sentence (not "Sept.", "U.S." in
    one), ``cut`` where the next one would start."""
    if text[stop] != ".":
        return True
    word = re.search(r"([\w.]+)$", text[max(0, stop - 12) : stop])
    if word and word.group(1).lower() in _ABBREVIATIONS:
        # "with the U.S. The deal ...": a country's initials can end a sentence
        return word.group(1).lower() in _INITIALS and bool(
            _STARTS_SENTENCE.match(text, cut)
        )
    if word and len(word.group(1)) == 1 and word.group(1).isupper():
        return False  # an initial: "George W. Bush"
    following = text[cut : cut + 1]
    return bool(following) and (
        following.isupper() or following.isdigit() or following in "\"'“‘("
    )


def _append(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    # a "sentence" longer than any a reporter writes (a list, a dump without full
    # stops) is cut at its last comma or space before the limit, so that the
    # rules' work per sentence stays bounded
    while end - start > MAX_SENTENCE:
        limit = start + MAX_SENTENCE
        cut = max(text.rfind("; ", start, limit), text.rfind(", ", start, limit))
        if cut <= start + MAX_SENTENCE // 2:
            cut = text.rfind(" ", start, limit)
        cut = cut + 1 if cut > start else limit
        _append_one(sentences, text, start, cut)
        start = cut
    _append_one(sentences, text, start, end)


def _append_one(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if not stripped:
        return
    left = start + (len(chunk) - len(chunk.lstrip()))
    sentences.append(Sentence(len(sentences), left, left + len(stripped), stripped))


def outside(sentence: Sentence, span: tuple[int, int], text: str) -> str:
    """The sentence's words but those of ``span``."""
    start, end = max(span[0], sentence.start), min(span[1], sentence.end)
    if start >= end:
        return sentence.text
    return text[sentence.start : start] + text[end : sentence.end]


_NAME_GOES_ON = re.compile(
    r" (?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|And|The)\b)"
    r"[A-Z][a-z]"
)


def opens_a_name(text: str, start: int, end: int) -> bool:
    """Whether a capitalised word goes on from the word at ``start``: a longer
    proper name ("Sofia Mensah", "Tokyo Electric"), outside a headline in title
    case."""
    if not _NAME_GOES_ON.match(text, end):
        return False
    stop = text.find("\n", end)
    line = text[text.rfind("\n", 0, start) + 1 : stop if stop >= 0 else len(text)]
    # a title-case headline has few lower-case words; a line of news with many
    # names still has its verbs and nouns
    words = re.findall(r"\b\w{4,}", line)
    return sum(w[0].islower() for w in words) * 5 >= len(words)
