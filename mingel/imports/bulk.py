"""Multi-row INSERTs for an import's already clean rows.

Why not `bulk_create`: it builds a model instance per row and prepares every value
through the field API, which was about two thirds of a 30,000-row import's time. These
rows come from the planner, checked against the table's limits already; only dates need
adapting to the backend. Used inside the import's transaction, like any other query.
"""

import datetime as dt

from django.db import connection, models
from django.utils import timezone


def _adapter(field):
    ops = connection.ops
    if isinstance(field, models.DateTimeField):
        return ops.adapt_datetimefield_value
    if isinstance(field, models.DateField):
        return ops.adapt_datefield_value
    return None


def _columns(model):
    """(attname, column, default, adapter, db type) for every column but the primary key;
    the default already adapted."""
    now = timezone.now()
    result = []
    for field in model._meta.concrete_fields:
        if field.primary_key:
            continue
        adapt = _adapter(field)
        if isinstance(field, models.DateTimeField) and (field.auto_now or field.auto_now_add):
            default = now
        else:
            default = field.get_default()
        if adapt is not None and isinstance(default, dt.date):
            default = adapt(default)
        result.append((field.attname, field.column, default, adapt, field.db_type(connection)))
    return result


def insert(model, rows: list[dict], *, batch_size: int = 1000) -> list[int]:
    """Inserts the rows (attname -> value; missing columns get their default) and returns
    the new primary keys in the rows' order."""
    if not rows:
        return []
    columns = _columns(model)
    if connection.vendor == "postgresql":
        return _insert_unnest(model, columns, rows, batch_size)
    quote = connection.ops.quote_name
    width = len(columns)
    # Within the backend's limit on bound parameters (SQLite has one; PostgreSQL's wire
    # protocol allows 65,535).
    limit = connection.features.max_query_params or 65535
    batch_size = max(1, min(batch_size, limit // width))
    head = (
        f"INSERT INTO {quote(model._meta.db_table)} "
        f"({', '.join(quote(c[1]) for c in columns)}) VALUES "
    )
    one = "(" + ", ".join(["%s"] * width) + ")"
    returning = f" RETURNING {quote(model._meta.pk.column)}"
    ids: list[int] = []
    with connection.cursor() as cursor:
        for start in range(0, len(rows), batch_size):
            batch = rows[start : start + batch_size]
            params = []
            for row in batch:
                for attname, _column, default, adapt, _type in columns:
                    if attname not in row:
                        params.append(default)
                    elif adapt is not None and isinstance(row[attname], dt.date):
                        params.append(adapt(row[attname]))
                    else:
                        params.append(row[attname])
            cursor.execute(head + ", ".join([one] * len(batch)) + returning, params)
            ids.extend(r[0] for r in cursor.fetchall())
    return ids


def _insert_unnest(model, columns, rows, batch_size) -> list[int]:
    """PostgreSQL: one array per column, so the statement stays short. (psycopg parses a
    statement with 16,000 placeholders on every batch, which was most of the time.)"""
    quote = connection.ops.quote_name
    sql = (
        f"INSERT INTO {quote(model._meta.db_table)} "
        f"({', '.join(quote(c[1]) for c in columns)}) "
        f"SELECT * FROM unnest({', '.join(f'%s::{c[4]}[]' for c in columns)}) "
        f"RETURNING {quote(model._meta.pk.column)}"
    )
    ids: list[int] = []
    with connection.cursor() as cursor:
        for start in range(0, len(rows), batch_size):
            batch = rows[start : start + batch_size]
            arrays = [[row.get(c[0], c[2]) for row in batch] for c in columns]
            cursor.execute(sql, arrays)
            ids.extend(r[0] for r in cursor.fetchall())
    return ids


def update(model, fields: list[str], rows: list[tuple]) -> None:
    """Sets `fields` (attnames) on many rows: each row is (pk, value, value, ...). One
    prepared statement run for every row, instead of bulk_update's CASE per field."""
    if not rows:
        return
    meta = model._meta
    quote = connection.ops.quote_name
    adapters = [_adapter(meta.get_field(f)) for f in fields]
    assignments = ", ".join(f"{quote(meta.get_field(f).column)} = %s" for f in fields)
    sql = f"UPDATE {quote(meta.db_table)} SET {assignments} WHERE {quote(meta.pk.column)} = %s"
    params = [
        [
            adapt(value) if adapt is not None and isinstance(value, dt.date) else value
            for adapt, value in zip(adapters, values, strict=True)
        ]
        + [pk]
        for pk, *values in rows
    ]
    with connection.cursor() as cursor:
        cursor.executemany(sql, params)
