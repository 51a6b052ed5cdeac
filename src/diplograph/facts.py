"""The facts format of the evaluation guidelines, read back from an article's graph.

``diplograph extract --format facts`` writes this, and it comes from a SPARQL
query over the RDF graph, not from the extractor's dataclasses, so it shows
exactly what the store would hold.
"""

from __future__ import annotations

from typing import Any, cast

from rdflib import RDF, Graph
from rdflib.query import ResultRow

from diplograph import sparql
from diplograph.namespaces import DG
from diplograph.vocabulary import vocabulary


def graph_to_facts(graph: Graph, *, article_id: str) -> dict[str, Any]:
    """The article and its agreements in the guidelines' JSON shape."""
    words = vocabulary()
    article: dict[str, Any] = {"id": article_id}
    agreements: dict[str, dict[str, Any]] = {}
    for result in graph.query(sparql.text("facts-article")):
        row = cast(ResultRow, result)
        article.update(
            url=str(row.url or ""), publisher=str(row.publisher or ""),
            published=str(row.published), title=str(row.title),
        )  # fmt: skip
        if row.agreement is None:
            continue
        record = agreements.setdefault(
            str(row.agreement),
            {"name": None, "aliases": [], "kind": None, "parties": [], "signed": None,
             "concerns": [], "topics": [], "events": []},
        )  # fmt: skip
        p, o = str(row.p), row.o
        if p == str(DG.name):
            record["name"] = str(o)
        elif p == str(DG.alias):
            record["aliases"].append(str(o))
        elif p == str(RDF.type) and words.kind_of(str(o)):
            record["kind"] = words.kind_of(str(o))
        elif p == str(DG.party):
            record["parties"].append(str(row.code))
        elif p == str(DG.concerns):
            record["concerns"].append(str(row.code))
        elif p == str(DG.topic):
            topic = words.topic_of(str(o))
            # a graph not validated yet may hold a topic concept no one defined
            record["topics"].append(topic or str(o).rsplit("#topic_", 1)[-1])
        elif p == str(DG.signingDate):
            record["signed"] = str(o)
    for result in graph.query(sparql.text("facts-events")):
        row = cast(ResultRow, result)
        found = agreements.get(str(row.agreement))
        event = words.event_of(str(row.type))
        if found is not None and event is not None:
            found["events"].append(
                {
                    "type": event,
                    "date": str(row.date) if row.date else None,
                }
            )
    for record in agreements.values():
        for key in ("aliases", "parties", "concerns", "topics"):
            record[key] = sorted(set(record[key]))
        record["events"].sort(key=lambda e: (e["type"], e["date"] or ""))
    ordered = sorted(
        agreements.values(), key=lambda r: (r["name"] or "", r["kind"], r["parties"])
    )
    return {"article": article, "agreements": ordered}
