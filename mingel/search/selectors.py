"""Reads for the contact search: which contacts match a query, how well, and why.

`contacts_matching` keeps the contacts of a queryset that match and annotates each with
`search_rank` (lower is better); `RANKED` orders by it. Field weights: name, company, role
and tags count 10, what we talked about and where we met 4, notes and interaction
summaries 1 (PostgreSQL: weights A, B, C = 1.0, 0.4, 0.1). The two databases score with
different formulas (SQLite's bm25, PostgreSQL's ts_rank), so ties and near-ties may order
differently; which contacts match is the same on both.
"""

from dataclasses import dataclass

from django.db import connections
from django.db.models import QuerySet

from mingel.contacts.models import Contact, Interaction
from mingel.core import search_text
from mingel.core.search_text import Query

RANKED = ("search_rank", "name", "id")

SQLITE_WEIGHTS = "10.0, 4.0, 1.0"
POSTGRES_WEIGHTS = "{0, 0.1, 0.4, 1.0}"  # D, C, B, A


def contacts_matching(contacts: QuerySet[Contact], q: str) -> QuerySet[Contact]:
    """The contacts of `contacts` that match every word of `q`, with `search_rank`.

    A `q` without a single word (only punctuation, say) matches nothing."""
    query = search_text.parse_query(q)
    if not query:
        return contacts.none()
    if connections[contacts.db].vendor == "postgresql":
        tsquery = search_text.tsquery(query)
        return contacts.extra(
            tables=["search_searchdocument"],
            where=[
                "search_searchdocument.contact_id = contacts_contact.id",
                "search_searchdocument.vector @@ to_tsquery('simple', %s)",
            ],
            params=[tsquery],
            select={
                "search_rank": f"-ts_rank('{POSTGRES_WEIGHTS}', search_searchdocument.vector, "
                "to_tsquery('simple', %s))"
            },
            select_params=[tsquery],
        )
    return contacts.extra(
        tables=["search_fts"],
        where=["search_fts.rowid = contacts_contact.id", "search_fts MATCH %s"],
        params=[search_text.fts5_query(query)],
        select={"search_rank": f"bm25(search_fts, {SQLITE_WEIGHTS})"},
    )


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
