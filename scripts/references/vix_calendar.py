"""Reference VIX expiries and exchange holidays for tests/core/calendar.test.ts.

Independent of src/core/calendar.ts: holidays come from python-dateutil's rrule/relativedelta
and easter() (the Western computus of the dateutil project), dates from Python's datetime.
Run: python3 scripts/references/vix_calendar.py > tests/core/references/calendar.json
"""
import datetime as dt
import json

from dateutil.easter import easter
from dateutil.relativedelta import FR, MO, TH, relativedelta

UNSCHEDULED = {
    dt.date(1994, 4, 27), dt.date(2001, 9, 11), dt.date(2001, 9, 12), dt.date(2001, 9, 13),
    dt.date(2001, 9, 14), dt.date(2004, 6, 11), dt.date(2007, 1, 2), dt.date(2012, 10, 29),
    dt.date(2012, 10, 30), dt.date(2018, 12, 5), dt.date(2025, 1, 9),
}


def observed(d, move_saturday=True):
    if d.weekday() == 5:
        return d - dt.timedelta(days=1) if move_saturday else None
    if d.weekday() == 6:
        return d + dt.timedelta(days=1)
    return d


def holidays(year):
    jan1 = dt.date(year, 1, 1)
    days = {
        observed(jan1, move_saturday=False),
        jan1 + relativedelta(weekday=MO(+3)) if year >= 1998 else None,
        dt.date(year, 2, 1) + relativedelta(weekday=MO(+3)),
        easter(year) - dt.timedelta(days=2),
        dt.date(year, 5, 31) + relativedelta(weekday=MO(-1)),
        observed(dt.date(year, 6, 19)) if year >= 2022 else None,
        observed(dt.date(year, 7, 4)),
        dt.date(year, 9, 1) + relativedelta(weekday=MO(+1)),
        dt.date(year, 11, 1) + relativedelta(weekday=TH(+4)),
        observed(dt.date(year, 12, 25)),
    }
    days.discard(None)
    return days | {d for d in UNSCHEDULED if d.year == year}


def business(d):
    return d.weekday() < 5 and d not in holidays(d.year)


def before(d):
    d -= dt.timedelta(days=1)
    while not business(d):
        d -= dt.timedelta(days=1)
    return d


def expiry(year, month):
    first_next = dt.date(year, month, 1) + relativedelta(months=1)
    friday = first_next + relativedelta(weekday=FR(+3))
    if not business(friday):
        friday = before(friday)
    wednesday = friday - dt.timedelta(days=30)
    return wednesday if business(wednesday) else before(wednesday)


def serial(d):
    return (d - dt.date(1899, 12, 30)).days


years = range(2000, 2031)
print(json.dumps({
    "madeBy": "python3 scripts/references/vix_calendar.py (python-dateutil rrule/easter, datetime)",
    "expiries": [[y, m, expiry(y, m).isoformat(), serial(expiry(y, m))] for y in years for m in range(1, 13)],
    "holidays": sorted(d.isoformat() for y in years for d in holidays(y)),
}, separators=(",", ":")))
