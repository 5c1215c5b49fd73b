"""When a person in a sensitive post is due to be rotated, and who is overdue. Plain Python.

Due: the day the period in post (2 to 5 years, Law 36/2018/QH14 art. 25) is complete. A person
not yet rotated is overdue once either that day or the day the plan set has passed: a plan may
bring a rotation forward, never push it past the period the rules allow."""

import datetime


def add_years(day: datetime.date, years: int) -> datetime.date:
    """The same day `years` later; 29 February becomes 28 February in a common year."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def due_on(in_post_since: datetime.date, period_years: int) -> datetime.date:
    return add_years(in_post_since, period_years)


def is_overdue(
    *,
    in_post_since: datetime.date,
    period_years: int,
    planned_on: datetime.date,
    done_on: datetime.date | None,
    today: datetime.date,
) -> bool:
    if done_on is not None:
        return False
    return today > planned_on or today > due_on(in_post_since, period_years)
