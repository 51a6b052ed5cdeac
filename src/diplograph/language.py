"""Which language an article is in, so that only English ones are extracted.

The extraction rules read English: an article in another language would give
wrong facts or none, so it is left out with its language named
(:class:`~diplograph.errors.NotEnglishError`), before extraction, in the one place
every article passes on its way there (:func:`diplograph.pipeline.in_parallel`).

py3langid, measured against lingua on 38 short news paragraphs in 11
languages (``tests/benchmarks/language_identifiers.py``): 37 right against
34, 22,000 paragraphs/s against 82, a 4.6 MB wheel against 96 MB, its model
inside the wheel. fasttext-langdetect downloads its model at run time.

Short or ambiguous texts are kept: an article is left out only when the
identifier names another language with at least :data:`MIN_CONFIDENCE`
(normalised probability) on at least :data:`MIN_LETTERS` letters (a CJK
character counts as three). English
headlines that are lists of names score low for any language ('Kenya, Ghana
sign trade MoU': Nigerian Pidgin at 0.18), the shortest foreign paragraphs
of the samples 0.62 or more.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from diplograph.errors import NotEnglishError
from diplograph.model import Article

MIN_CONFIDENCE = 0.5
MIN_LETTERS = 20
SAMPLE = 2000  # characters of title and text looked at: enough, and fast
# what py3langid may call English text (Scots, Nigerian Pidgin) is English here
ENGLISH = frozenset({"en", "sco", "pcm"})


@lru_cache(maxsize=1)
def _identifier() -> Any:
    """py3langid's identifier, loaded once a process (0.6 s)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def identify(text: str) -> tuple[str, float]:
    """The ISO 639-1 code of ``text``'s language and how sure, 0 to 1.

    Example:
        >>> identify("Norway and Chile signed a fisheries agreement on Tuesday.")[0]
        'en'
    """
    code, probability = _identifier().classify(text[:SAMPLE])
    return str(code), float(probability)


def require_english(article: Article) -> None:
    """Raise :class:`NotEnglishError` if ``article`` is surely in another language.

    Example:
        >>> from datetime import date
        >>> day = date(2024, 3, 12)
        >>> require_english(Article("Kenya, Ghana sign trade MoU", "T", day, "a"))
        >>> require_english(Article("Deutschland und Polen haben ein Abkommen "
        ...     "unterzeichnet.", "Abkommen", day, "a.txt"))
        Traceback (most recent call last):
        ...
        diplograph.errors.NotEnglishError: a.txt: not English: ... 'de' ...
    """
    sample = f"{article.title}\n{article.text[:SAMPLE]}"
    if not _has_letters(sample, MIN_LETTERS):
        return
    code, probability = identify(sample)
    if code in ENGLISH or probability < MIN_CONFIDENCE:
        return
    raise NotEnglishError(
        article.source,
        f"not English: its language is {code!r} ({probability:.0%} sure)",
        "diplograph extracts English news only, so it was left out",
    )


def _has_letters(text: str, enough: int) -> bool:
    """Whether ``text`` has ``enough`` letters, a Chinese, Japanese or Korean
    character counted as three: each says about as much as a short word.
    Counts until there are enough: a whole sample of 2,000 characters took
    0.09 ms an article, a tenth of telling its language."""
    found = 0
    for c in text:
        if c.isalpha():
            found += 3 if "\u2e80" <= c <= "\u9fff" or "\uac00" <= c <= "\ud7af" else 1
            if found >= enough:
                return True
    return False


__all__ = ["MIN_CONFIDENCE", "MIN_LETTERS", "identify", "require_english"]
