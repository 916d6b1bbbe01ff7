"""Geometry for the progress page's inline SVG charts; the texts are in the template.

Every chart is drawn in a 320-unit-wide view box, the width of a 375 px phone screen less
the page's padding, so one unit is about one CSS pixel on a phone and the labels stay
readable; on wider screens the CSS caps the chart's width.
"""

from dataclasses import dataclass, field

from django.utils.translation import pgettext_lazy

from mingel.core import cadence, progress

WIDTH = 320
# With a context: "Met" alone is already an interaction kind in another catalog.
STAGE_LABELS = {
    "met": pgettext_lazy("contact stage", "Met"),
    "followed_up": pgettext_lazy("contact stage", "Followed up"),
    "connected": pgettext_lazy("contact stage", "Connected"),
    "in_touch": pgettext_lazy("contact stage", "In touch"),
    "dormant": pgettext_lazy("contact stage", "Resting"),
}


def scale(value: float, largest: float, length: float) -> float:
    return round(length * value / largest, 1) if largest else 0.0


@dataclass
class Row:
    """One horizontal bar: `y` is the top of the row, `bar` the bar's length."""

    y: float
    bar: float
    item: object = None
    mark: float | None = None  # where the goal line sits, for events
    label: object = ""
    value: int = 0


@dataclass
class Column:
    """One vertical bar: `x` is its left edge, `top` and `height` in view box units."""

    x: float
    center: float
    top: float
    height: float
    item: object = None
    label_y: float = 0.0


@dataclass
class Chart:
    height: float
    rows: list[Row] = field(default_factory=list)
    columns: list[Column] = field(default_factory=list)
    lines: list[float] = field(default_factory=list)  # y of the 50 % and 100 % lines


EVENT_ROW = 44
EVENT_BAR = 250


def events_chart(events: list[progress.EventFacts]) -> Chart:
    """Met per event as a bar, the goal as a line across it."""
    largest = max((max(e.met, e.goal) for e in events), default=1)
    rows = [
        Row(
            y=n * EVENT_ROW,
            bar=scale(e.met, largest, EVENT_BAR),
            mark=scale(e.goal, largest, EVENT_BAR),
            item=e,
            value=e.met,
        )
        for n, e in enumerate(events)
    ]
    return Chart(height=len(events) * EVENT_ROW + 4, rows=rows)


PLOT_TOP = 18
PLOT_HEIGHT = 110


def columns(values: list[tuple[object, float]], largest: float) -> list[Column]:
    slot = WIDTH / max(len(values), 1)
    result = []
    for n, (item, value) in enumerate(values):
        height = scale(value, largest, PLOT_HEIGHT)
        result.append(
            Column(
                x=round(n * slot + slot * 0.15, 1),
                center=round(n * slot + slot / 2, 1),
                top=round(PLOT_TOP + PLOT_HEIGHT - height, 1),
                height=height,
                item=item,
                label_y=round(PLOT_TOP + PLOT_HEIGHT - height - 4, 1),
            )
        )
    return result


def follow_up_chart(months: list[progress.FollowUpMonth]) -> Chart:
    """The share followed up within two days per month, 0 to 100 %."""
    values = [(m, m.share or 0.0) for m in months]
    return Chart(
        height=PLOT_TOP + PLOT_HEIGHT + 22,
        columns=columns(values, 1.0),
        lines=[PLOT_TOP + PLOT_HEIGHT / 2, PLOT_TOP],
    )


def weeks_chart(weeks: list[progress.Week]) -> Chart:
    """Networking actions per week; a week with any action gets a full square."""
    values = [(w, 1.0 if w.actions else 0.0) for w in weeks]
    return Chart(height=60, columns=columns(values, 1.0))


STAGE_ROW = 30
STAGE_BAR = 160


def stages_chart(stages: dict[cadence.Stage, int]) -> Chart:
    largest = max(stages.values(), default=0)
    rows = [
        Row(
            y=n * STAGE_ROW,
            bar=scale(count, largest, STAGE_BAR),
            item=stage,
            label=STAGE_LABELS[stage],
            value=count,
        )
        for n, (stage, count) in enumerate(stages.items())
    ]
    return Chart(height=len(rows) * STAGE_ROW, rows=rows)


def build(data) -> dict[str, Chart]:
    return {
        "events": events_chart(data.events),
        "follow_ups": follow_up_chart(data.follow_up_months),
        "stages": stages_chart(data.stages),
        "weeks": weeks_chart(data.weeks),
    }
