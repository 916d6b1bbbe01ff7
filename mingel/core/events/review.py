"""How the review after an event reads. Every outcome is a step forward: the wording is
chosen by the templates from the outcome names returned here, never from a pass/fail."""

REACHED = "reached"  # met the goal, or more
STEP = "step"  # talked to someone, fewer than planned
SHOWED_UP = "showed-up"  # went, talked to no new person: going counts

ENERGY_UP = "up"
ENERGY_SAME = "same"
ENERGY_DOWN = "down"


def goal_reached(met: int, goal: int) -> bool:
    return met >= goal


def outcome(met: int, goal: int) -> str:
    """REACHED when `met` is at least `goal`, STEP for at least one person, else SHOWED_UP."""
    if goal_reached(met, goal):
        return REACHED
    return STEP if met > 0 else SHOWED_UP


def energy_change(before: int | None, after: int | None) -> str | None:
    """Whether the event gave or took energy; None unless both are known."""
    if before is None or after is None:
        return None
    if after > before:
        return ENERGY_UP
    return ENERGY_SAME if after == before else ENERGY_DOWN
