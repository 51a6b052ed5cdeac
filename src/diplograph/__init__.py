"""diplograph: news articles about diplomatic agreements -> a validated knowledge graph.

The public API follows the data flow: :func:`read_articles` -> :func:`extract`
-> :func:`build_graph` -> :func:`validate` -> :func:`open_store` ->
:func:`run_query`; :func:`load` runs the whole chain into a store, as the
``load`` command does.
"""

from __future__ import annotations

__version__ = "0.1.0"

from diplograph.articles import read_articles  # noqa: E402
from diplograph.build import build_graph  # noqa: E402
from diplograph.extract import extract  # noqa: E402
from diplograph.pipeline import load  # noqa: E402
from diplograph.queries import run_query  # noqa: E402
from diplograph.store import open_store  # noqa: E402
from diplograph.validate import validate  # noqa: E402

__all__ = [
    "__version__",
    "build_graph",
    "extract",
    "load",
    "open_store",
    "read_articles",
    "run_query",
    "validate",
]
