from django.conf import settings
from django.db import models


class SearchDocument(models.Model):
    """One contact as the search sees it: the index tokens of its fields (see
    `mingel.core.search_text.document`), in three columns by weight.

    The full-text index itself lives outside Django's model state (see `schema.py`): on
    SQLite an FTS5 table kept in sync with these rows by triggers, on PostgreSQL a generated
    tsvector column with a GIN index. Rows are written only by `services.search_reindex`."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    contact = models.OneToOneField(
        "contacts.Contact", on_delete=models.CASCADE, related_name="search_document"
    )
    # name, company, role, tags: who the person is
    head = models.TextField(blank=True)
    # what we talked about, where we met
    topics = models.TextField(blank=True)
    # notes and the summaries of every interaction
    body = models.TextField(blank=True)

    def __str__(self):
        return f"search document of contact {self.contact_id}"
