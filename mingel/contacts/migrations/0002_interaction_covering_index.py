"""The covering index for the progress page, now in the model's state.

The progress app's first migration used to create it with plain SQL, outside the model
state (where a later table rebuild on SQLite would have dropped it silently). Databases
that ran that migration have the index already, hence IF NOT EXISTS; the state learns of
it either way. SQLite and PostgreSQL both accept the statements.
"""

from django.db import migrations, models

INDEX = "progress_interaction_cover"


class Migration(migrations.Migration):
    dependencies = [("contacts", "0001_initial")]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.RunSQL(
                    f"CREATE INDEX IF NOT EXISTS {INDEX} "
                    "ON contacts_interaction (contact_id, date, kind, direction)",
                    reverse_sql=f"DROP INDEX IF EXISTS {INDEX}",
                ),
            ],
            state_operations=[
                migrations.AddIndex(
                    model_name="interaction",
                    index=models.Index(
                        fields=["contact", "date", "kind", "direction"], name=INDEX
                    ),
                ),
            ],
        ),
    ]
