"""factory_boy factories for tests and benchmarks (a dev dependency; never imported by the app)."""

import datetime as dt

import factory

from mingel.accounts.models import User
from mingel.contacts.models import Contact, Interaction, Tag
from mingel.events.models import Event

PASSWORD = "correct-horse-battery-staple"


def reindex(contact_id) -> None:
    from mingel.search.services import search_reindex

    search_reindex(contact_ids=[contact_id])


def run_queued_tasks() -> None:
    """Runs django-tasks-db's worker command once over the tasks that are ready, as
    `mingel worker --batch` does, then returns. Needs a transactional test: the worker
    commits its claims. The command takes over the process's signals for a graceful stop;
    they are given back afterwards."""
    import signal

    from django.core.management import call_command

    names = ("SIGINT", "SIGTERM", "SIGQUIT")
    saved = {n: signal.getsignal(getattr(signal, n)) for n in names if hasattr(signal, n)}
    try:
        call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
    finally:
        for name, handler in saved.items():
            signal.signal(getattr(signal, name), handler)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("email",)

    email = factory.Sequence(lambda n: f"user{n}@example.com")
    display_name = factory.Faker("name")
    language = "en"
    password = factory.django.Password(PASSWORD)


class TagFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Tag

    owner = factory.SubFactory(UserFactory)
    name = factory.Sequence(lambda n: f"tag{n}")


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    owner = factory.SubFactory(UserFactory)
    name = factory.Sequence(lambda n: f"Meetup {n}")
    kind = "meetup"
    date = factory.LazyFunction(lambda: dt.date.today() + dt.timedelta(days=3))


class ContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contact
        skip_postgeneration_save = True

    owner = factory.SubFactory(UserFactory)
    name = factory.Faker("name")
    company = factory.Faker("company")
    role = factory.Faker("job")
    talked_about = "cloud migrations"

    # Factory-made contacts are searchable, like the services' (tags set afterwards are
    # not: call mingel.search.services.search_reindex after changing them).
    search_index = factory.PostGeneration(lambda obj, create, extracted, **kw: reindex(obj.pk))


class InteractionFactory(factory.django.DjangoModelFactory):
    """Note: bypasses the services, so `last_interaction_on` is not kept; tests of that
    behaviour call `interaction_create` instead."""

    class Meta:
        model = Interaction
        skip_postgeneration_save = True

    contact = factory.SubFactory(ContactFactory)
    owner = factory.LazyAttribute(lambda o: o.contact.owner)
    kind = "email"
    date = factory.LazyFunction(dt.date.today)
    summary = "Sent a thank-you note"
    direction = "sent"

    search_index = factory.PostGeneration(
        lambda obj, create, extracted, **kw: reindex(obj.contact_id)
    )


class ImportJobFactory(factory.django.DjangoModelFactory):
    """A previewed LinkedIn import whose upload is already gone (enough for page tests)."""

    class Meta:
        model = "imports.ImportJob"

    owner = factory.SubFactory(UserFactory)
    source = "linkedin"
    filename = "Connections.csv"
    status = "preview"
    preview = factory.LazyFunction(
        lambda: {"created": 1, "updated": 0, "skipped": 0, "errors": [], "error_count": 0}
    )
