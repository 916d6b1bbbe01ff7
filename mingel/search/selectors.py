"""Reads for the contact search: which contacts match a query, how well, and why.

`contacts_matching` keeps the contacts of a queryset that match and annotates each with
`search_rank`, a tier: 1 when every word of the query matches its name, company, role or
tags; 2 when every word matches those or what we talked about and where we met; 3 when it
takes the notes or interaction summaries too. `RANKED` orders by tier, then by name.

Tiers rather than bm25/ts_rank: the same order on SQLite and PostgreSQL (the two score
differently), a ranking users can predict, and cheaper: at 10,000 contacts SQLite's bm25
over a broad query costs more than the whole 30 ms budget (docs/figures/search.md).
"""

from dataclasses import dataclass

from django.db import connections
from django.db.models import IntegerField, QuerySet, Value
from django.db.models.expressions import RawSQL

from mingel.contacts.models import Contact, Interaction
from mingel.core import search_text
from mingel.core.search_text import Query

RANKED = ("search_rank", "name", "id")
HEAD = ("head",)
HEAD_AND_TOPICS = ("head", "topics")

SQLITE_MATCH = "SELECT rowid FROM search_fts WHERE search_fts MATCH %s"
POSTGRES_MATCH = (
    "SELECT contact_id FROM search_searchdocument WHERE vector @@ to_tsquery('simple', %s)"
)
SQLITE_TIERS = (
    f'CASE WHEN "contacts_contact"."id" IN ({SQLITE_MATCH}) THEN 1 '
    f'WHEN "contacts_contact"."id" IN ({SQLITE_MATCH}) THEN 2 ELSE 3 END'
)
# PostgreSQL reads each matching document's vector once here, instead of scanning every
# vector again per tier: about a quarter faster at 10,000 contacts.
POSTGRES_TIERS = (
    "(SELECT CASE WHEN d.vector @@ to_tsquery('simple', %s) THEN 1 "
    "WHEN d.vector @@ to_tsquery('simple', %s) THEN 2 ELSE 3 END "
    'FROM search_searchdocument d WHERE d.contact_id = "contacts_contact"."id")'
)


def contacts_matching(
    contacts: QuerySet[Contact], q: str, *, ranked: bool = True
) -> QuerySet[Contact]:
    """The contacts of `contacts` that match every word of `q`, with `search_rank` when
    `ranked` (leave it out when sorting by something else: it costs two index lookups).

    A `q` without a single word (only punctuation, say) matches nothing. The rank names
    the contacts table ("contacts_contact"), so order this queryset itself rather than
    nesting it, ranked, inside another query (where Django would alias the table)."""
    query = search_text.parse_query(q)
    if not query:
        contacts = contacts.none()
        return contacts.annotate(search_rank=Value(3)) if ranked else contacts
    if connections[contacts.db].vendor == "postgresql":
        match, tiers = POSTGRES_MATCH, POSTGRES_TIERS
        every, head, head_topics = (
            search_text.tsquery(query),
            search_text.tsquery(query, "A"),
            search_text.tsquery(query, "AB"),
        )
    else:
        match, tiers = SQLITE_MATCH, SQLITE_TIERS
        every, head, head_topics = (
            search_text.fts5_query(query),
            search_text.fts5_query(query, HEAD),
            search_text.fts5_query(query, HEAD_AND_TOPICS),
        )
    contacts = contacts.filter(pk__in=RawSQL(match, (every,)))
    if not ranked:
        return contacts
    rank = RawSQL(tiers, (head, head_topics), output_field=IntegerField())
    return contacts.annotate(search_rank=rank)


@dataclass(frozen=True)
class Match:
    """Why a contact matched, when its list row does not show it: the field (or the
    interaction) and an excerpt as (text, matched) parts."""

    field: str  # talked_about, where_met, notes or interaction
    parts: tuple[tuple[str, bool], ...]
    date: object = None  # the interaction's date


HIDDEN_FIELDS = ("talked_about", "where_met", "notes")


def _shown_words(contact: Contact) -> list[str]:
    shown = [contact.name, contact.company, contact.role, *(t.name for t in contact.tags.all())]
    return search_text.words(" ".join(shown))


def attach_matches(contacts: list[Contact], q: str) -> None:
    """Sets `search_match` (a Match, or None) on each contact of a result page: the first
    of its hidden fields, else its newest interaction summary, that matches a query word
    its name, company, role and tags do not. One query, for the interactions, at most."""
    query: Query = search_text.parse_query(q)
    pending: dict[int, tuple[Contact, Query]] = {}
    for contact in contacts:
        contact.search_match = None
        shown = _shown_words(contact)
        missing = Query(tuple(t for t in query.terms if not any(t.matches_word(w) for w in shown)))
        if not missing:
            continue
        for field in HIDDEN_FIELDS:
            parts = search_text.highlight(getattr(contact, field), missing)
            if parts:
                contact.search_match = Match(field, parts)
                break
        else:
            pending[contact.pk] = (contact, missing)
    if not pending:
        return
    interactions = (
        Interaction.objects.filter(contact_id__in=pending)
        .exclude(summary="")
        .order_by("-date", "-id")
        .values_list("contact_id", "summary", "date")
    )
    for contact_id, summary, date in interactions:
        if contact_id not in pending:
            continue
        contact, missing = pending[contact_id]
        parts = search_text.highlight(summary, missing)
        if parts:
            contact.search_match = Match("interaction", parts, date)
            del pending[contact_id]
