import pytest

from mingel.core.events import review


@pytest.mark.parametrize(
    ("met", "goal", "outcome"),
    [
        pytest.param(0, 2, review.SHOWED_UP, id="nobody-yet"),
        pytest.param(1, 2, review.STEP, id="one-of-two"),
        pytest.param(2, 2, review.REACHED, id="exactly"),
        pytest.param(5, 2, review.REACHED, id="more"),
    ],
)
def test_every_outcome_has_a_name_and_none_is_a_failure(met, goal, outcome):
    assert review.outcome(met, goal) == outcome
    assert review.goal_reached(met, goal) == (outcome == review.REACHED)


@pytest.mark.parametrize(
    ("before", "after", "change"),
    [
        pytest.param(None, 3, None, id="unknown"),
        pytest.param(2, 4, review.ENERGY_UP, id="up"),
        pytest.param(3, 3, review.ENERGY_SAME, id="same"),
        pytest.param(4, 2, review.ENERGY_DOWN, id="down"),
    ],
)
def test_it_names_the_energy_change(before, after, change):
    assert review.energy_change(before, after) == change
