import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

from mingel.search import schema


def backfill(apps, schema_editor):
    # Historical models: the same code as the services, run on this migration's state.
    from mingel.search import indexing

    Contact = apps.get_model("contacts", "Contact")
    ids = Contact.objects.order_by("id").values_list("id", flat=True)
    indexing.reindex(
        list(ids),
        contact_model=Contact,
        interaction_model=apps.get_model("contacts", "Interaction"),
        document_model=apps.get_model("search", "SearchDocument"),
    )


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("contacts", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="SearchDocument",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("head", models.TextField(blank=True)),
                ("topics", models.TextField(blank=True)),
                ("body", models.TextField(blank=True)),
                ("contact", models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name="search_document", to="contacts.contact")),
                ("owner", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="+", to=settings.AUTH_USER_MODEL)),
            ],
        ),
        migrations.RunPython(schema.install, schema.uninstall),
        migrations.RunPython(backfill, migrations.RunPython.noop),
    ]
