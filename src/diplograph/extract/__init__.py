"""Step 2, extract: :class:`~diplograph.model.Article` ->
:class:`~diplograph.model.ArticleFacts`.

Rules over sentences and clauses, in stages a reader can follow (see
:mod:`.agreements`): mentions (:mod:`.mentions`, :mod:`.nouns`, :mod:`.names`,
:mod:`.actors`, :mod:`.dates`, :mod:`.context`) -> which mentions are one
instrument (:mod:`.coref`, :mod:`.apart`, :mod:`.years`, :mod:`.pronouns`,
:mod:`.sets`) -> roles per instrument and clause (:mod:`.roles`,
:mod:`.performers`, :mod:`.references`, :mod:`.brokers`) -> events and dates
(:mod:`.events`, :mod:`.acts`, :mod:`.retyped`, :mod:`.notice`, :mod:`.when`,
:mod:`.reported`, :mod:`.filed`)
-> kind, name, topics (:mod:`.describe`). Each fact carries why it was
extracted (:mod:`.explain`). The knowledge is in data files (:mod:`.lexicon`,
:mod:`diplograph.gazetteer`); the default path needs nothing beyond the package.
"""

from __future__ import annotations

from diplograph.extract.agreements import extract_agreements
from diplograph.extract.lexicon import load_lexicon
from diplograph.model import Article, ArticleFacts
from diplograph.settings import Settings

# what an article's graph was made by: `reload` makes again those made before
# 0.3.0: staged extraction, told-apart instruments kept apart, and an article
# that reports none typed dg:ArticleWithoutAgreement
EXTRACTOR_VERSION = "0.3.0"


def extract(article: Article, *, lexicon_dir: str | None = None) -> ArticleFacts:
    """The agreements one article reports, each mentioned instrument once.

    ``lexicon_dir``: extra lexicon files; by default the settings' (gathered
    here, in each worker process, as extraction runs on all cores).

    Example:
        >>> from datetime import date
        >>> text = "Japan and South Korea signed a trade agreement on Wednesday."
        >>> facts = extract(Article(text, "T", date(2015, 6, 25), "a.txt"))
        >>> [(a.kind, a.parties, a.signed) for a in facts.agreements]
        [('agreement', ('JPN', 'KOR'), '2015-06-24')]
    """
    lexicon = load_lexicon(lexicon_dir or Settings.gather().lexicon)
    return ArticleFacts(article, tuple(extract_agreements(article, lexicon)))
