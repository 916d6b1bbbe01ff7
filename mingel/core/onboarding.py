"""The first-run guide on the today page: three small steps that tick themselves off
from the user's data. Plain values in, plain values out."""

from dataclasses import dataclass

PROFILE = "profile"
START = "start"
FOLLOW_UP = "follow_up"
STEPS = (PROFILE, START, FOLLOW_UP)


@dataclass(frozen=True)
class Step:
    key: str
    done: bool
    skipped: bool

    @property
    def open(self) -> bool:
        """Still to do: neither done nor skipped."""
        return not (self.done or self.skipped)


def steps(
    *, profile: bool, started: bool, followed_up: bool, skipped: frozenset[str] = frozenset()
) -> list[Step]:
    """The three steps in order: tell Mingel about yourself (`profile`: what you do or
    your interests are filled in), plan an event or bring in contacts (`started`), send a
    first follow-up (`followed_up`). A step done counts as done even if it was skipped."""
    done = {PROFILE: profile, START: started, FOLLOW_UP: followed_up}
    return [Step(key, done[key], key in skipped and not done[key]) for key in STEPS]


def to_show(all_steps: list[Step], *, dismissed: bool) -> list[Step]:
    """The steps to show, or none: nothing once the guide is dismissed for good or every
    step is done or skipped."""
    if dismissed or not any(step.open for step in all_steps):
        return []
    return all_steps


def parse_skipped(raw: str) -> frozenset[str]:
    """The stored list of skipped steps (comma-separated); unknown names are dropped."""
    return frozenset(key for key in raw.split(",") if key in STEPS)


def with_skipped(raw: str, key: str) -> str:
    """The stored list with `key` added, in the steps' order. Raises ValueError for a
    step that does not exist."""
    if key not in STEPS:
        raise ValueError(f"unknown onboarding step {key!r}")
    skipped = parse_skipped(raw) | {key}
    return ",".join(step for step in STEPS if step in skipped)
