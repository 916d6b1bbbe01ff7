"""Keeping the search index in step with contacts and interactions.

The contact and interaction services (`mingel.contacts.services`) call `search_reindex`
with the contact they changed; nothing is done by signals. Anything that writes contacts,
tags or interactions another way must do the same when it is done:

- importers, the archive restore and the duplicate merge call
  `search_reindex(contact_ids=...)` with the ids they created or changed, once, after their
  bulk writes (a merge passes both the kept and the removed contact's id);
- code that writes a whole account at once, or a repair after bulk SQL, calls
  `search_reindex_all(owner=...)`; `mingel reindex [--user EMAIL]` does that from the shell.

Deleting a contact deletes its document by cascade (and the FTS5 triggers follow).
"""

from collections.abc import Iterable

from django.db import connection, transaction

from mingel.contacts.models import Contact, Interaction
from mingel.search import indexing
from mingel.search.models import SearchDocument


@transaction.atomic
def search_reindex(*, contact_ids: Iterable[int]) -> int:
    """Rewrites the search documents of these contacts (any owner's: the documents take
    the contact's owner). Returns how many were written; deleted ids are just dropped."""
    ids = sorted({int(i) for i in contact_ids})
    return indexing.reindex(
        ids,
        contact_model=Contact,
        interaction_model=Interaction,
        document_model=SearchDocument,
    )


@transaction.atomic
def search_reindex_all(*, owner=None) -> int:
    """Rebuilds the documents of every contact of `owner` (of everyone when None), in
    batches. Returns how many were written."""
    contacts = Contact.objects.all()
    documents = SearchDocument.objects.all()
    if owner is not None:
        contacts = contacts.filter(owner=owner)
        documents = documents.filter(owner=owner)
    documents.delete()
    ids = list(contacts.order_by("id").values_list("id", flat=True))
    written = indexing.reindex(
        ids,
        contact_model=Contact,
        interaction_model=Interaction,
        document_model=SearchDocument,
    )
    if connection.vendor == "sqlite":
        # Row-by-row trigger inserts leave many small index segments: merge them.
        with connection.cursor() as cursor:
            cursor.execute("INSERT INTO search_fts(search_fts) VALUES ('optimize')")
    return written
