"""Reference replay of SPEC §6 for tests/core/replay/reference.test.ts, written from SPEC alone.

Independent of src/core/replay: pricing and strikes with mpmath at 40 digits (erfc, erfinv),
decimals typed as decimals, dates and holidays from vix_calendar.py (python-dateutil). The
synthetic histories are made here, deterministically, and stored with the results, so the test
replays exactly the rows this script did. CI never runs Python: the JSON is the reference.

Run: python3 scripts/references/replay.py > tests/core/references/replay.json
"""
import contextlib
import datetime as dt
import io
import json
import math
import os
import sys

from mpmath import mp, mpf, erfc, erfinv, exp, floor, ceil, log, sqrt

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
with contextlib.redirect_stdout(io.StringIO()):  # the calendar script prints its own table on import
    import vix_calendar as cal

mp.dps = 40
TOL = mpf("1e-9")  # SPEC §3.4/§3.5: within 1e-9 of a whole number counts as that number
EPOCH = dt.date(1899, 12, 30)


def serial(d):
    return (d - EPOCH).days


def date_of(s):
    return EPOCH + dt.timedelta(days=int(s))


# --- calendar (SPEC §6 monthly expirations, §3.6 VIX expiries) ---------------------------------

def monthly_expiration(year, month):
    friday = dt.date(year, month, 1)
    while friday.weekday() != 4:
        friday += dt.timedelta(days=1)
    friday += dt.timedelta(days=14)
    if not cal.business(friday):
        friday = cal.before(friday)
    return serial(friday)


def first_vix_expiry_after(s):
    d = date_of(s)
    year, month = d.year, d.month
    while True:
        e = serial(cal.expiry(year, month))
        if e > s:
            return e
        month += 1
        if month == 13:
            year, month = year + 1, 1


# --- pricing (SPEC §3.1, r = q = 0) ----------------------------------------------------------

def ncdf(x):
    return erfc(-x / sqrt(2)) / 2


def ninv(p):
    return sqrt(2) * erfinv(2 * p - 1)


def bs(call, s, k, sigma, t):
    sd = sigma * sqrt(t)
    d1 = (log(s / k) + sd * sd / 2) / sd
    d2 = d1 - sd
    if call:
        return s * ncdf(d1) - k * ncdf(d2)
    return k * ncdf(-d2) - s * ncdf(-d1)


def condor_mark(k, s, sigma, t):
    k1, k2, k3, k4 = k
    return bs(False, s, k2, sigma, t) - bs(False, s, k1, sigma, t) + bs(True, s, k3, sigma, t) - bs(True, s, k4, sigma, t)


def condor_payoff(k, s):
    k1, k2, k3, k4 = k
    pos = lambda x: x if x > 0 else mpf(0)
    return pos(k2 - s) - pos(k1 - s) + pos(s - k3) - pos(s - k4)


def round5(k, tie_up):
    q = k / 5
    lo = floor(q)
    frac = q - lo
    if frac > mpf("0.5") or (frac == mpf("0.5") and tie_up):
        lo += 1
    return lo * 5


def strikes(s, sigma, t, short_delta, wing_delta):
    sd = sigma * sqrt(t)
    put = lambda d: s * exp(sigma * sigma * t / 2 - sd * ninv(1 - d))
    call = lambda d: s * exp(sigma * sigma * t / 2 - sd * ninv(d))
    k2 = round5(put(short_delta), tie_up=False)
    k1 = round5(put(wing_delta), tie_up=False)
    k3 = round5(call(short_delta), tie_up=True)
    k4 = round5(call(wing_delta), tie_up=True)
    k1 = min(k1, k2 - 5)
    k3 = max(k3, k2 + 5)
    k4 = max(k4, k3 + 5)
    return [k1, k2, k3, k4]


# --- hedge sizing (SPEC §3.4, §3.5) ------------------------------------------------------------

def layers(edr, theta, step):
    if edr < theta:
        return 0
    q = (edr - theta) / step
    r = mp.nint(q)
    if abs(q - r) <= TOL:
        q = r
    return int(floor(q)) + 1


def whole_within_cap(exact, cap_exact):
    if exact == 0:
        return 0
    return min(int(ceil(exact - TOL)), int(floor(cap_exact + TOL)))


# --- the replay ------------------------------------------------------------------------------

VARIANTS = ["unhedged", "static", "alvh"]


def replay(dates, spx, vix, p, gate=None):
    """gate: one bool per row, or None. Where it is False, ALVH adds no layer (it holds the layers
    it had); layers fall whenever the EDR falls. It changes only ALVH's layers."""
    n = len(dates)
    short_delta, wing_delta = mpf(p["shortDelta"]), mpf(p["wingDelta"])
    rise, theta, step = mpf(p["vixRiseAtMaxLoss"]), mpf(p["threshold"]), mpf(p["step"])
    per_layer, cap, kappa = mpf(p["perLayer"]), mpf(p["cap"]), mpf(p["kappa"])
    long_run, fee = mpf(p["longRunVix"]), mpf(p["feePerContract"])
    S = [mpf(x) for x in spx]
    V = [mpf(x) for x in vix]
    edr = [v / sqrt(252) for v in V]
    lay, kept = [], 0
    for i, e in enumerate(edr):
        active = layers(e, theta, step)
        kept = active if active <= kept or gate is None or gate[i] else kept
        lay.append(kept)

    first, last = date_of(dates[0]), date_of(dates[-1])
    exps = []
    y, m = first.year, first.month
    while (y, m) <= (last.year, last.month):
        exps.append(monthly_expiration(y, m))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)

    def last_row_at_or_before(day):
        i = n - 1
        while dates[i] > day:
            i -= 1
        return i

    daily = {v: [mpf(0)] * n for v in VARIANTS}
    held = {v: [0] * n for v in VARIANTS}
    traded = {v: 0 for v in VARIANTS}
    hedge_pnl = {v: mpf(0) for v in VARIANTS}
    cycles = []
    for j in range(len(exps) - 1):
        e0, e1 = exps[j], exps[j + 1]
        if e0 < dates[0] or e1 > dates[-1]:
            continue
        entry, settle = last_row_at_or_before(e0), last_row_at_or_before(e1)
        if entry == settle:
            continue
        sigma = V[entry] / 100
        t0 = mpf(e1 - dates[entry]) / 365
        k = strikes(S[entry], sigma, t0, short_delta, wing_delta)
        credit = condor_mark(k, S[entry], sigma, t0)
        if credit <= 0:
            continue
        marks = {}
        for i in range(entry, settle + 1):
            if i == settle:
                marks[i] = condor_payoff(k, S[i])
            else:
                marks[i] = condor_mark(k, S[i], V[i] / 100, mpf(e1 - dates[i]) / 365)
        max_loss = (max(k[1] - k[0], k[3] - k[2]) - credit) * 100
        exposure = max_loss / rise
        h = first_vix_expiry_after(e1)
        fut, beta = {}, {}
        for i in range(entry, settle + 1):
            tau = mpf(h - dates[i]) / 365
            beta[i] = exp(-kappa * tau)
            fut[i] = long_run + (V[i] - long_run) * beta[i]
        cycle = {
            "entry": dates[entry], "expiry": e1, "settlement": dates[settle],
            "strikes": [float(x) for x in k], "credit": float(credit), "hedgeExpiry": h, "pnl": {},
        }
        for v in VARIANTS:
            contracts = {}
            for i in range(entry, settle):
                if v == "unhedged":
                    c = mpf(0)
                elif v == "static":
                    c = cap
                else:
                    c = min(lay[i] * per_layer, cap)
                exact = c * abs(exposure) / (beta[i] * 1000)
                cap_exact = cap * abs(exposure) / (beta[i] * 1000)
                contracts[i] = whole_within_cap(exact, cap_exact)
            contracts[settle] = 0
            pnl = -fee * contracts[entry]
            daily[v][entry] -= fee * contracts[entry]
            hedge_pnl[v] -= fee * contracts[entry]
            traded[v] += contracts[entry]
            for i in range(entry + 1, settle + 1):
                condor = -(marks[i] - marks[i - 1]) * 100
                hedge = contracts[i - 1] * 1000 * (fut[i] - fut[i - 1])
                change = abs(contracts[i] - contracts[i - 1])
                row = condor + hedge - fee * change
                pnl += row
                daily[v][i] += row
                hedge_pnl[v] += hedge - fee * change
                traded[v] += change
            for i in range(entry, settle):
                held[v][i] = contracts[i]
            cycle["pnl"][v] = pnl
        cycles.append((entry, settle, cycle))

    summary, days = {}, {"date": dates, "spx": spx, "vix": vix, "edr": [float(e) for e in edr], "layers": lay}
    first_entry, last_settle = cycles[0][0], cycles[-1][1]
    for v in VARIANTS:
        cum, peak, drawdown, curve = mpf(0), mpf(0), mpf(0), []
        for i in range(n):
            cum += daily[v][i]
            peak = max(peak, cum)
            drawdown = max(drawdown, peak - cum)
            curve.append(float(cum))
        pnls = [c[2]["pnl"][v] for c in cycles]
        hedged = sum(1 for i in range(first_entry, last_settle) if held[v][i] > 0)
        summary[v] = {
            "cycles": len(cycles),
            "totalPnl": float(cum),
            "hedgePnl": float(hedge_pnl[v]),
            "maxDrawdown": float(drawdown),
            "worstCycle": float(min(pnls)),
            "winningCycles": len([x for x in pnls if x > 0]) / len(pnls),
            "contractsTraded": traded[v],
            "daysHedged": hedged / (last_settle - first_entry),
        }
        days[f"contracts_{v}"] = held[v]
        days[f"equity_{v}"] = curve
    out_cycles = []
    for _, _, c in cycles:
        c["pnl"] = {v: float(x) for v, x in c["pnl"].items()}
        out_cycles.append(c)
    return {"summary": summary, "days": days, "cycles": out_cycles}


# --- deterministic synthetic histories -------------------------------------------------------

class Lcg:
    """Numerical Recipes' 32-bit LCG and Box–Muller: the same numbers on every machine."""

    def __init__(self, seed):
        self.state = seed

    def uniform(self):
        self.state = (1664525 * self.state + 1013904223) % 2 ** 32
        return (self.state + 0.5) / 2 ** 32

    def normal(self):
        u, v = self.uniform(), self.uniform()
        return math.sqrt(-2 * math.log(u)) * math.cos(2 * math.pi * v)


def business_days(start, count):
    out, d = [], start
    while len(out) < count:
        if cal.business(d):
            out.append(serial(d))
        d += dt.timedelta(days=1)
    return out


def synthetic(start, count, seed):
    """SPX and VIX closes (2 decimals, like Cboe's files) with a calm stretch and a crash."""
    rng = Lcg(seed)
    dates = business_days(start, count)
    spx, vix = [], []
    s, v = 4500.0, 18.0
    for i in range(count):
        phase = i / count
        if 0.25 <= phase < 0.45:      # calm: VIX held near 12.5, below the first trigger (14.29)
            target, shock, drift = 12.5, 0.0, 0.0004
        elif 0.60 <= phase < 0.63:    # crash: SPX falls ≈ 25 % in three weeks, VIX to the 40s–50s
            target, shock, drift = 48.0, 0.0, -0.017
        else:
            target, shock, drift = 18.0, 1.0, 0.0003
        v = max(9.5, v + 0.12 * (target - v) + shock * 0.9 * rng.normal())
        daily_vol = v / 100 / math.sqrt(252)
        s = s * math.exp(drift + 0.6 * daily_vol * rng.normal())
        spx.append(round(s, 2))
        vix.append(round(v, 2))
    return dates, spx, vix


def hand_checkable():
    """Two cycles (2025-01-17 → 02-21 → 03-21) over flat SPX 5000 and VIX 20; the second
    settles at 4700, inside its put spread."""
    dates = [d for d in business_days(dt.date(2025, 1, 2), 60) if d <= serial(dt.date(2025, 3, 21))]
    spx = [5000.0] * len(dates)
    vix = [20.0] * len(dates)
    spx[-1] = 4700.0
    return dates, spx, vix


DEFAULT = {
    "shortDelta": "0.2", "wingDelta": "0.05", "vixRiseAtMaxLoss": "10", "threshold": "0.9",
    "step": "0.05", "perLayer": "0.25", "cap": "0.6", "kappa": "5.9", "longRunVix": "19.4",
    "feePerContract": "0",
}


def case(name, history, overrides=None):
    params = dict(DEFAULT, **(overrides or {}))
    dates, spx, vix = history
    return {"name": name, "params": {k: float(v) for k, v in params.items()},
            "history": {"dates": dates, "spx": spx, "vix": vix}, **replay(dates, spx, vix, params)}


synthetic_history = synthetic(dt.date(2022, 1, 3), 660, seed=20260101)
if __name__ == "__main__":
    print(json.dumps({
      "madeBy": "python3 scripts/references/replay.py (mpmath 40 digits, python-dateutil calendar)",
      "cases": [
          case("synthetic", synthetic_history),
          case("synthetic, fees and a tighter grid", synthetic_history,
               {"feePerContract": "2.5", "threshold": "0.85", "step": "0.1", "perLayer": "0.2", "cap": "0.5"}),
          case("synthetic, other condor", synthetic_history,
               {"shortDelta": "0.3", "wingDelta": "0.1", "vixRiseAtMaxLoss": "15", "kappa": "3", "longRunVix": "22"}),
          case("hand-checkable", hand_checkable()),
      ],
  }, separators=(",", ":")))
