"""Calendar arithmetic for deadlines: working days, months added, the first and last day of a period, and
the year of a date printed without one."""

from __future__ import annotations

import calendar
from datetime import date, timedelta


def add_working_days(start: date, n: int) -> date:
    """``start`` moved by ``n`` working days (Saturdays and Sundays skipped; the start day not counted).

    ``n == 0`` returns ``start``, rolled forward to Monday when it falls on a weekend.
    """
    day = start
    if n == 0:
        while day.weekday() >= 5:
            day += timedelta(days=1)
        return day
    step = timedelta(days=1 if n > 0 else -1)
    remaining = abs(n)
    full_weeks, remaining = divmod(remaining, 5)
    day += step * (7 * full_weeks)
    if full_weeks and day.weekday() >= 5:
        # landed on a weekend: walk back to the last working day counted
        while day.weekday() >= 5:
            day -= step
    while remaining:
        day += step
        if day.weekday() < 5:
            remaining -= 1
    return day


def period_end(
    year: int, month: int | None = None, quarter: int | None = None, half: int | None = None
) -> date:
    """Last day of a year, or of one of its months, quarters (1-4) or halves (1-2)."""
    if sum(x is not None for x in (month, quarter, half)) > 1:
        raise ValueError("give at most one of month, quarter, half")
    if quarter is not None:
        if not 1 <= quarter <= 4:
            raise ValueError(f"quarter must be 1..4, not {quarter}")
        month = 3 * quarter
    elif half is not None:
        if half not in (1, 2):
            raise ValueError(f"half must be 1 or 2, not {half}")
        month = 6 * half
    elif month is None:
        month = 12
    if not 1 <= month <= 12:
        raise ValueError(f"month must be 1..12, not {month}")
    return date(year, month, calendar.monthrange(year, month)[1])


def period_start(
    year: int, month: int | None = None, quarter: int | None = None, half: int | None = None
) -> date:
    """First day of the period that :func:`period_end` closes."""
    if quarter is not None:
        return date(year, 3 * quarter - 2, 1)
    if half is not None:
        return date(year, 6 * half - 5, 1)
    return date(year, month or 1, 1)


def add_months(start: date, n: int) -> date:
    """``start`` plus ``n`` calendar months, the day clamped to the month's length."""
    years, month0 = divmod(start.month - 1 + n, 12)
    year, month = start.year + years, month0 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def resolve_day(day: int, month: int, year: int | None, doc: date | None) -> tuple[bool, date | None]:
    """(valid, date): a missing year comes from ``doc`` (next year if that would precede it)."""
    if year is not None:
        try:
            return True, date(year, month, day)
        except ValueError:
            return False, None
    try:
        date(2000, month, day)  # leap year: accepts 29/2
    except ValueError:
        return False, None
    if doc is None:
        return True, None
    for candidate_year in range(doc.year, doc.year + 9):
        try:
            found = date(candidate_year, month, day)
        except ValueError:
            continue
        if found >= doc:
            return True, found
    return False, None


def shift(base: date | None, n: int, unit: str) -> date | None:
    """``base`` moved by ``n`` units ("day", "workday", "week", "month", "year")."""
    if base is None:
        return None
    try:
        if unit == "workday":
            return add_working_days(base, n)
        if unit == "week":
            return base + timedelta(weeks=n)
        if unit == "month":
            return add_months(base, n)
        if unit == "year":
            return add_months(base, 12 * n)
        return base + timedelta(days=n)
    except (OverflowError, ValueError):
        return None
