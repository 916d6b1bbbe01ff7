import datetime as dt

from mingel.core.progress import EventFacts, FollowUpMonth, Week
from mingel.progress import charts

D = dt.date


def test_event_bars_scale_to_the_largest_of_met_and_goal():
    events = [
        EventFacts(1, "A", D(2026, 11, 1), goal=2, met=4),
        EventFacts(2, "B", D(2026, 11, 8), goal=2, met=0),
    ]
    chart = charts.events_chart(events)
    assert [r.bar for r in chart.rows] == [250.0, 0.0]
    assert [r.mark for r in chart.rows] == [125.0, 125.0]
    assert [r.y for r in chart.rows] == [0, charts.EVENT_ROW]
    assert chart.height == 2 * charts.EVENT_ROW + 4


def test_follow_up_columns_run_from_zero_to_a_hundred_percent():
    months = [
        FollowUpMonth(D(2026, 10, 1), 2, 2),
        FollowUpMonth(D(2026, 11, 1), 4, 1),
        FollowUpMonth(D(2026, 12, 1), 0, 0),
    ]
    chart = charts.follow_up_chart(months)
    full, quarter, empty = chart.columns
    assert full.height == charts.PLOT_HEIGHT and full.top == charts.PLOT_TOP
    assert quarter.height == charts.PLOT_HEIGHT / 4
    assert empty.height == 0
    assert full.x < quarter.x < empty.x < charts.WIDTH
    assert chart.lines == [charts.PLOT_TOP + charts.PLOT_HEIGHT / 2, charts.PLOT_TOP]


def test_weeks_are_full_or_empty_squares():
    weeks = [Week(D(2026, 11, 9), 0), Week(D(2026, 11, 16), 5)]
    assert [c.height for c in charts.weeks_chart(weeks).columns] == [0, charts.PLOT_HEIGHT]


def test_stage_bars_survive_no_contacts_at_all():
    chart = charts.stages_chart(dict.fromkeys(charts.STAGE_LABELS, 0))
    assert [r.bar for r in chart.rows] == [0.0] * 5
    assert [r.item for r in chart.rows] == list(charts.STAGE_LABELS)


def test_stage_bars_scale_to_the_largest_stage():
    stages = {"met": 1, "followed_up": 4, "connected": 0, "in_touch": 2, "dormant": 0}
    chart = charts.stages_chart(stages)
    assert [r.bar for r in chart.rows] == [40.0, 160.0, 0.0, 80.0, 0.0]
    assert [r.value for r in chart.rows] == [1, 4, 0, 2, 0]
