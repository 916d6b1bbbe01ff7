import datetime as dt

from mingel.core.importers.model import Record, RowError
from mingel.core.importers.plan import Person, Planner, Summary


def rec(line, name, **fields):
    return Record(line=line, name=name, **fields)


def run(planner, records):
    summary = Summary()
    outcomes = [planner.take(r) for r in records]
    for o in outcomes:
        summary.count(o)
    return outcomes, summary


def test_new_people_are_created_once_per_person_in_the_file():
    planner = Planner()
    outcomes, summary = run(
        planner,
        [
            rec(2, "Anna Berg", email="anna@example.com"),
            rec(3, "Anna Berg", company="Acme", email="ANNA@example.com"),
            rec(4, "Anna Berg", company="Acme AB", phone="070"),
            rec(5, "Bo Ek", linkedin_url="https://www.linkedin.com/in/boek"),
            rec(6, "B. Ek", linkedin_url="https://se.linkedin.com/in/BoEk/"),
        ],
    )
    assert [o.kind for o in outcomes] == ["create", "duplicate", "duplicate", "create", "duplicate"]
    assert outcomes[1].match.line == 2
    anna, bo = planner.take_pending()
    # The later rows filled in what the first one lacked; the name stays the first one's.
    assert (anna.company, anna.phone, anna.email) == ("Acme", "070", "anna@example.com")
    assert bo.name == "Bo Ek"
    assert (summary.created, summary.updated, summary.skipped) == (2, 0, 3)


def test_existing_contacts_are_filled_in_never_overwritten():
    existing = Person(id=7, name="Anna Berg", company="Acme", email="anna@example.com", role="CTO")
    planner = Planner([existing])
    (outcome,) = [
        planner.take(
            rec(2, "Anna Berg", email="anna@example.com", role="Intern", phone="070", tags=("X",))
        )
    ]
    assert outcome.kind == "update" and outcome.changes == ("phone", "tags")
    assert (existing.role, existing.phone, existing.new_tags) == ("CTO", "070", ("X",))
    assert planner.take_dirty() == [existing] and planner.take_pending() == []


def test_nothing_new_is_a_duplicate():
    existing = Person(
        id=7,
        name="Anna Berg",
        company="Acme",
        tag_keys=("x",),
        linkedin_dates=(dt.date(2024, 1, 1),),
        has_notes=True,
    )
    planner = Planner([existing])
    outcome = planner.take(
        rec(
            2,
            "ANNA  BERG",
            company="Acme AB",
            tags=("x",),
            notes="hi",
            connected_on=dt.date(2024, 1, 1),
        )
    )
    assert outcome.kind == "duplicate" and outcome.match is existing
    assert planner.take_dirty() == []


def test_a_new_connection_date_is_an_interaction_and_may_move_the_last_one():
    existing = Person(
        id=1, name="Anna", email="a@example.com", last_interaction_on=dt.date(2023, 5, 1)
    )
    planner = Planner([existing])
    planner.take(rec(2, "Anna", email="a@example.com", connected_on=dt.date(2022, 1, 1)))
    assert existing.last_interaction_on == dt.date(2023, 5, 1)
    planner.take(rec(3, "Anna", email="a@example.com", connected_on=dt.date(2024, 1, 1)))
    assert existing.new_dates == (dt.date(2022, 1, 1), dt.date(2024, 1, 1))
    assert existing.last_interaction_on == dt.date(2024, 1, 1)
    assert "last_interaction_on" in existing.dirty


def test_a_name_alone_matches_only_a_name_alone():
    planner = Planner([Person(id=1, name="Anna Berg"), Person(id=2, name="Bo Ek", company="X")])
    assert planner.take(rec(2, "anna berg", phone="070")).kind == "update"
    assert planner.take(rec(3, "Bo Ek")).kind == "create"
    assert planner.take(rec(4, "Anna Berg", company="Acme")).kind == "create"


def test_errors_are_counted_and_kept_with_their_line():
    planner = Planner()
    _, summary = run(planner, [RowError(4, "no_name"), rec(5, "A")])
    assert summary.error_count == 1 and summary.errors == [RowError(4, "no_name")]
    assert summary.to_dict()["errors"] == [{"line": 4, "code": "no_name", "params": {}}]


def test_two_profiles_under_one_name_and_company_are_two_people():
    planner = Planner([Person(id=1, name="Anna Berg", company="Acme", linkedin_url="")])
    first = planner.take(
        rec(2, "Anna Berg", company="Acme", linkedin_url="https://www.linkedin.com/in/anna-1")
    )
    assert first.kind == "update"  # the existing Anna had no profile: now she has this one
    second = planner.take(
        rec(3, "Anna Berg", company="Acme", linkedin_url="https://www.linkedin.com/in/anna-2")
    )
    assert second.kind == "create"


def test_planning_40000_tags_for_one_person_is_linear():
    import time

    planner = Planner()
    tags = tuple(f"tagg{i}" for i in range(40_000))
    started = time.perf_counter()
    planner.take(rec(2, "Ada", email="ada@example.com", tags=tags[:25]))
    for start in range(25, 40_000, 25):
        planner.take(rec(start, "Ada", email="ada@example.com", tags=tags[start : start + 25]))
    seconds = time.perf_counter() - started
    (ada,) = planner.take_pending()
    assert ada.new_tags == tags[:50]
    assert seconds < 2, seconds  # a guard only
