"""Kept so that databases which ran it stay consistent; it does nothing now.

It used to create the covering index `progress_interaction_cover` on contacts_interaction
with plain SQL. The contacts app's model declares that index now and its migration 0002
creates it (unless this one did already).
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("contacts", "0001_initial")]

    operations = []
