import pytest

from mingel.core import onboarding


def keys(steps):
    return [(s.key, s.done, s.skipped) for s in steps]


def test_a_new_account_has_three_open_steps():
    steps = onboarding.steps(profile=False, started=False, followed_up=False)
    assert keys(steps) == [
        ("profile", False, False),
        ("start", False, False),
        ("follow_up", False, False),
    ]
    assert onboarding.to_show(steps, dismissed=False) == steps


def test_steps_tick_themselves_off_from_the_data():
    steps = onboarding.steps(profile=True, started=True, followed_up=False)
    assert [s.open for s in steps] == [False, False, True]


def test_a_step_done_after_being_skipped_counts_as_done():
    steps = onboarding.steps(
        profile=True, started=False, followed_up=False, skipped=frozenset({"profile", "start"})
    )
    assert keys(steps)[:2] == [("profile", True, False), ("start", False, True)]


@pytest.mark.parametrize(
    ("profile", "started", "followed_up", "skipped", "dismissed", "shown"),
    [
        pytest.param(True, True, True, "", False, False, id="all-done"),
        pytest.param(True, False, False, "start,follow_up", False, False, id="rest-skipped"),
        pytest.param(False, False, False, "", True, False, id="dismissed"),
        pytest.param(True, True, False, "", False, True, id="one-left"),
    ],
)
def test_it_hides_when_nothing_is_left_or_dismissed(
    profile, started, followed_up, skipped, dismissed, shown
):
    steps = onboarding.steps(
        profile=profile,
        started=started,
        followed_up=followed_up,
        skipped=onboarding.parse_skipped(skipped),
    )
    assert bool(onboarding.to_show(steps, dismissed=dismissed)) is shown


def test_skipping_keeps_the_stored_list_in_order_and_refuses_unknown_steps():
    assert onboarding.with_skipped("", "follow_up") == "follow_up"
    assert onboarding.with_skipped("follow_up", "profile") == "profile,follow_up"
    assert onboarding.with_skipped("profile", "profile") == "profile"
    assert onboarding.parse_skipped("profile,nonsense,") == frozenset({"profile"})
    with pytest.raises(ValueError, match="unknown onboarding step"):
        onboarding.with_skipped("", "nonsense")
