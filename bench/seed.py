"""A heavy user's data, seeded fast with bulk inserts: 10,000 contacts, 100,000
interactions, 40 tags, 60 events, plus a light second user so owner scoping is exercised.

Benchmarks call `setup_django()` first, then `heavy_user()`. Names, companies and topics
come from fixed word lists with a fixed random seed, so every run sees the same data.
"""

import datetime as dt
import os
import random
import statistics
import time
from collections.abc import Callable

CONTACTS = 10_000
INTERACTIONS = 100_000
HEAVY_EMAIL = "heavy@example.com"

FIRST = [
    "Anna",
    "Erik",
    "Sara",
    "Johan",
    "Maria",
    "Karl",
    "Emma",
    "Lars",
    "Elin",
    "Oskar",
    "Lina",
    "Ahmed",
    "Fatima",
    "Noah",
    "Alice",
    "Hugo",
    "Maja",
    "Liam",
    "Ella",
    "William",
    "Olivia",
    "Ali",
    "Wilma",
    "Lucas",
    "Ebba",
    "Elias",
    "Saga",
    "Adam",
    "Alva",
    "Leo",
    "Astrid",
    "Priya",
    "Chen",
    "Mei",
    "Juan",
    "Sofia",
    "Mohammed",
    "Amira",
    "Jonas",
    "Nora",
]
LAST = [
    "Andersson",
    "Johansson",
    "Karlsson",
    "Nilsson",
    "Eriksson",
    "Larsson",
    "Olsson",
    "Persson",
    "Svensson",
    "Gustafsson",
    "Pettersson",
    "Jonsson",
    "Jansson",
    "Hansson",
    "Bengtsson",
    "Lindberg",
    "Lindqvist",
    "Berg",
    "Lund",
    "Holm",
    "Nguyen",
    "Ali",
    "Hassan",
    "Kowalski",
    "Smith",
    "Garcia",
    "Müller",
    "Rossi",
    "Virtanen",
    "Haddad",
]
COMPANIES = [
    "Spotify",
    "Klarna",
    "Ericsson",
    "Volvo Cars",
    "King",
    "Mojang",
    "Truecaller",
    "Tink",
    "Northvolt",
    "Scania",
    "IKEA",
    "H&M",
    "Telia",
    "SEB",
    "Handelsbanken",
    "Sandvik",
    "ABB",
    "Saab",
    "Epidemic Sound",
    "Kry",
    "Voi",
    "Einride",
    "Sinch",
    "Zettle",
    "Paradox",
    "Embark",
    "Netlight",
    "Knowit",
    "Sigma",
    "Cygni",
    "Omegapoint",
    "Avanza",
    "Bokio",
    "Fortnox",
    "Visma",
    "CGI",
    "Tietoevry",
    "Accenture",
    "Capgemini",
]
ROLES = [
    "developer",
    "backend developer",
    "frontend developer",
    "data engineer",
    "data scientist",
    "product manager",
    "UX designer",
    "SRE",
    "security engineer",
    "tech lead",
    "recruiter",
    "engineering manager",
    "student",
    "intern",
    "architect",
    "QA engineer",
]
TOPICS = [
    "cloud migrations and Kubernetes",
    "migrering av gamla system till molnet",
    "machine learning in healthcare",
    "maskininlärning för prognoser",
    "Rust for embedded systems",
    "accessibility testing",
    "tillgänglighet i webbappar",
    "open source maintainership",
    "the thesis project on recommender systems",
    "examensarbete om rekommendationssystem",
    "game engines and shaders",
    "säkerhet och penetrationstester",
    "data pipelines with Kafka",
    "summer internships at fintechs",
    "sommarjobb och praktik",
    "TypeScript monorepos",
    "mentorskap för juniora utvecklare",
    "batteries and electric trucks",
    "CI/CD and platform teams",
    "UX research with students",
]
TAGS = [f"tag{i:02d}" for i in range(35)] + ["mentor", "alumni", "recruiter", "kth", "meetup"]
KINDS = ["met", "message", "email", "call", "meeting", "coffee", "linkedin", "note"]


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mingel.settings")
    os.environ.setdefault("MINGEL_ALLOWED_HOSTS", "testserver,127.0.0.1,localhost")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)


def heavy_user(today: dt.date | None = None):
    """The heavy user, seeded on first call and reused after (the seed is deterministic)."""
    from mingel.accounts.models import User

    user = User.objects.filter(email=HEAVY_EMAIL).first()
    return user or _seed(today or dt.date.today())


def _seed(today: dt.date):
    from django.db import transaction

    from mingel.accounts.models import User
    from mingel.contacts.models import Contact, Interaction, Tag
    from mingel.events.models import Event

    rng = random.Random(20261129)
    started = time.perf_counter()
    with transaction.atomic():
        user = User.objects.create_user(
            HEAVY_EMAIL, "heavy-user-password", display_name="Heavy User", language="sv"
        )
        light = User.objects.create_user("light@example.com", "light-user-password")
        tags = Tag.objects.bulk_create(
            [
                Tag(owner=user, name=n, keep_in_touch_days=60 if n == "mentor" else None)
                for n in TAGS
            ]
        )
        events = Event.objects.bulk_create(
            [
                Event(
                    owner=user,
                    name=f"Meetup {i}",
                    date=today + dt.timedelta(days=14 - 7 * i),
                    goal_new_people=rng.randint(1, 4),
                )
                for i in range(60)
            ]
        )
        contacts = []
        for i in range(CONTACTS):
            met = today - dt.timedelta(days=rng.randint(0, 5 * 365))
            contacts.append(
                Contact(
                    owner=user,
                    name=f"{rng.choice(FIRST)} {rng.choice(LAST)}",
                    company=rng.choice(COMPANIES),
                    role=rng.choice(ROLES),
                    email=f"contact{i}@example.com" if i % 3 else "",
                    linkedin_url=f"https://www.linkedin.com/in/contact-{i}" if i % 2 else "",
                    met_on=met,
                    where_met=rng.choice(["KTH", "Chalmers", "a meetup", "Tekniska mässan"]),
                    talked_about=rng.choice(TOPICS),
                    notes=rng.choice(["", "", "Knows a lot about " + rng.choice(TOPICS)]),
                    keep_in_touch_days=rng.choice([None, None, None, 30, 90, 180]),
                    event=rng.choice(events) if i % 10 == 0 else None,
                )
            )
        contacts = Contact.objects.bulk_create(contacts, batch_size=2000)
        through = Contact.tags.through
        through.objects.bulk_create(
            [
                through(contact_id=c.id, tag_id=t.id)
                for c in contacts
                for t in rng.sample(tags, rng.choice([0, 1, 1, 2]))
            ],
            batch_size=5000,
        )
        last: dict[int, dt.date] = {}
        rows = []
        for _ in range(INTERACTIONS):
            c = contacts[rng.randrange(CONTACTS)]
            date = c.met_on + dt.timedelta(days=rng.randint(0, max(0, (today - c.met_on).days)))
            last[c.id] = max(last.get(c.id, date), date)
            rows.append(
                Interaction(
                    owner=user,
                    contact_id=c.id,
                    kind=rng.choice(KINDS),
                    date=date,
                    summary=f"Talked about {rng.choice(TOPICS)}",
                    direction=rng.choice(["sent", "received", "none"]),
                )
            )
        Interaction.objects.bulk_create(rows, batch_size=5000)
        for c in contacts:
            c.last_interaction_on = last.get(c.id)
        Contact.objects.bulk_update(contacts, ["last_interaction_on"], batch_size=2000)
        Contact.objects.bulk_create(
            [Contact(owner=light, name=f"Light contact {i}") for i in range(50)]
        )
    print(
        f"seeded {CONTACTS} contacts, {INTERACTIONS} interactions "
        f"in {time.perf_counter() - started:.1f} s",
        flush=True,
    )
    return user


def percentiles(fn: Callable[[], object], runs: int = 100, warmup: int = 5) -> dict[str, float]:
    """Calls fn `runs` times after `warmup` calls; returns p50/p95/p99/max in milliseconds."""
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    q = statistics.quantiles(times, n=100, method="inclusive")
    return {"p50": q[49], "p95": q[94], "p99": q[98], "max": max(times), "runs": runs}


def logged_in_client(user):
    from django.test import Client

    client = Client()
    client.force_login(user)
    return client


def machine() -> str:
    import platform

    return (
        f"{platform.python_implementation()} {platform.python_version()} on "
        f"{platform.machine()}, {os.cpu_count()} cores"
    )
