"""Builds and writes search documents for contact ids. Takes the model classes as
arguments, so the data migration can run it on historical models; everyone else goes
through `services`."""

from collections import defaultdict
from collections.abc import Iterable, Iterator
from itertools import islice

from django.db import connections, router

from mingel.core import search_text

BATCH = 1000


def batches(ids: Iterable[int], size: int = BATCH) -> Iterator[list[int]]:
    it = iter(ids)
    while batch := list(islice(it, size)):
        yield batch


def build(contact_rows, tag_rows, summary_rows) -> list[tuple]:
    """(owner_id, contact_id, head, topics, body) rows from (id, owner_id, name, company,
    role, talked_about, where_met, notes) rows, (contact_id, tag name) rows and
    (contact_id, summary) rows."""
    tags = defaultdict(list)
    for contact_id, name in tag_rows:
        tags[contact_id].append(name)
    summaries = defaultdict(list)
    for contact_id, summary in summary_rows:
        summaries[contact_id].append(summary)
    docs = []
    for cid, owner_id, name, company, role, talked_about, where_met, notes in contact_rows:
        docs.append(
            (
                owner_id,
                cid,
                search_text.document([name, company, role, *tags[cid]]),
                search_text.document([talked_about, where_met], keep_stopwords=False),
                search_text.document([notes, *summaries[cid]], keep_stopwords=False),
            )
        )
    return docs


def reindex(contact_ids: Iterable[int], *, contact_model, interaction_model, document_model):
    """Rewrites the documents of these contacts; ids of deleted contacts lose theirs.
    Returns the number of documents written."""
    written = 0
    through = contact_model.tags.through
    db = router.db_for_write(document_model)
    insert = (
        f"INSERT INTO {document_model._meta.db_table} (owner_id, contact_id, head, topics, body) "
        "VALUES (%s, %s, %s, %s, %s)"
    )
    for ids in batches(contact_ids):
        contact_rows = contact_model.objects.filter(pk__in=ids).values_list(
            "id", "owner_id", "name", "company", "role", "talked_about", "where_met", "notes"
        )
        tag_rows = through.objects.filter(contact_id__in=ids).values_list("contact_id", "tag__name")
        summary_rows = (
            interaction_model.objects.filter(contact_id__in=ids)
            .exclude(summary="")
            .values_list("contact_id", "summary")
        )
        docs = build(contact_rows, tag_rows, summary_rows)
        document_model.objects.filter(contact_id__in=ids).delete()
        # A plain executemany: bulk_create's per-object work was half the cost of indexing
        # a 30,000-row import.
        with connections[db].cursor() as cursor:
            cursor.executemany(insert, docs)
        written += len(docs)
    return written
