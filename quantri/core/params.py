"""Types for API parameters that reach the database: pydantic refuses a value out of range
with a 422 naming the parameter, where the database would fail (SQLite cannot hold an
integer past 2**63; a date's year stops at 9999)."""

from typing import Annotated

from pydantic import Field

Year = Annotated[int, Field(ge=1, le=9999)]
# A year that filters a date-time column (`received_at__year`): its first and last moments,
# read in local time, must still be date-times in UTC (year 1 in UTC+7 begins in year 0).
DateTimeYear = Annotated[int, Field(ge=2, le=9998)]
# JSON lets NaN and Infinity through (and 1e999 reads as Infinity); neither is a figure, and
# PostgreSQL's jsonb (SQLite's JSON check too) refuses them with a 500.
FiniteFloat = Annotated[float, Field(allow_inf_nan=False)]
