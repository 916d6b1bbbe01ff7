"""The full-text index next to `SearchDocument`, per database. Called from migrations.

SQLite: `search_fts`, an FTS5 table over the document's three columns whose rowid is the
contact id, with the document table as its external content and triggers that mirror every
insert, update and delete (Django's cascade deletes included). The tokens are already
normalised and stemmed in Python, so the tokenizer only splits on spaces and keeps them as
they are; `prefix='2 3'` keeps short prefix queries ("ku*") fast, and `detail=column`
(no word positions: every token is there once per column anyway) keeps the index a quarter
of the size and its queries faster.

PostgreSQL: a generated `vector` column (the same three columns as weights A, B, C, with
the 'simple' configuration, which neither stems nor drops words) and a GIN index on it.
The 'swedish' and 'english' configurations are not used, so both databases match exactly
the same tokens; their Snowball stemmers are the same algorithms we run in Python.

Caution for later migrations that alter `SearchDocument`: on SQLite Django rebuilds an
altered table, which drops its triggers, so such a migration must call `install` again; on
PostgreSQL a column the generated vector depends on cannot change type without dropping
the vector first (`uninstall`, alter, `install`).
"""

SQLITE_INSTALL = [
    """CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5(
        head, topics, body,
        content='search_searchdocument', content_rowid='contact_id',
        tokenize='unicode61 remove_diacritics 0', prefix='2 3', detail=column)""",
    """CREATE TRIGGER IF NOT EXISTS search_fts_insert AFTER INSERT ON search_searchdocument
    BEGIN
        INSERT INTO search_fts(rowid, head, topics, body)
        VALUES (new.contact_id, new.head, new.topics, new.body);
    END""",
    """CREATE TRIGGER IF NOT EXISTS search_fts_delete AFTER DELETE ON search_searchdocument
    BEGIN
        INSERT INTO search_fts(search_fts, rowid, head, topics, body)
        VALUES ('delete', old.contact_id, old.head, old.topics, old.body);
    END""",
    """CREATE TRIGGER IF NOT EXISTS search_fts_update AFTER UPDATE ON search_searchdocument
    BEGIN
        INSERT INTO search_fts(search_fts, rowid, head, topics, body)
        VALUES ('delete', old.contact_id, old.head, old.topics, old.body);
        INSERT INTO search_fts(rowid, head, topics, body)
        VALUES (new.contact_id, new.head, new.topics, new.body);
    END""",
    # Index whatever rows exist already (none in a fresh database).
    "INSERT INTO search_fts(search_fts) VALUES ('rebuild')",
]
SQLITE_UNINSTALL = [
    "DROP TRIGGER IF EXISTS search_fts_insert",
    "DROP TRIGGER IF EXISTS search_fts_delete",
    "DROP TRIGGER IF EXISTS search_fts_update",
    "DROP TABLE IF EXISTS search_fts",
]
POSTGRES_INSTALL = [
    """ALTER TABLE search_searchdocument ADD COLUMN IF NOT EXISTS vector tsvector
    GENERATED ALWAYS AS (
        setweight(to_tsvector('simple'::regconfig, head), 'A')
        || setweight(to_tsvector('simple'::regconfig, topics), 'B')
        || setweight(to_tsvector('simple'::regconfig, body), 'C')
    ) STORED""",
    """CREATE INDEX IF NOT EXISTS search_searchdocument_vector
    ON search_searchdocument USING gin (vector)""",
]
POSTGRES_UNINSTALL = [
    "DROP INDEX IF EXISTS search_searchdocument_vector",
    "ALTER TABLE search_searchdocument DROP COLUMN IF EXISTS vector",
]


def _run(schema_editor, statements: dict[str, list[str]]) -> None:
    for sql in statements.get(schema_editor.connection.vendor, []):
        schema_editor.execute(sql, params=None)


def install(apps, schema_editor) -> None:
    _run(schema_editor, {"sqlite": SQLITE_INSTALL, "postgresql": POSTGRES_INSTALL})


def uninstall(apps, schema_editor) -> None:
    _run(schema_editor, {"sqlite": SQLITE_UNINSTALL, "postgresql": POSTGRES_UNINSTALL})
