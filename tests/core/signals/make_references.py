"""Exact references for tests/core/signals/*.test.ts: SPEC 3.9 computed in rational arithmetic.

Every input is the decimal as written (Fraction of its text), every operation is exact
(fractions.Fraction), and each result is rounded once to the nearest double (float() of a
Fraction is correctly rounded). This script shares no code with src/core/signals: it follows the
definitions of SPEC 3.9 word for word, with no running sums and no streaming state.

Series: a deterministic synthetic VIX-like daily series (a mean-reverting log process with
occasional spikes, closes rounded to cents, from random.Random(17)), synthetic advance/decline
counts, and small hand-checkable and edge-case series.
Run: python3 tests/core/signals/make_references.py > tests/core/signals/references.json
"""
import json
import math
import random
from fractions import Fraction as F


def vix_like(count, seed=17):
    rng = random.Random(seed)
    level, closes = 16.5, []
    for _ in range(count):
        # Mean reversion to 19.4 (kappa 5.9 a year, SPEC 3.7), vol of vol 110 % a year, and a
        # jump of +15..60 % on about one day in fifty, as VIX spikes.
        dt = 1 / 252
        drift = 5.9 * (math.log(19.4) - math.log(level)) * dt
        shock = 1.1 * math.sqrt(dt) * rng.gauss(0, 1)
        jump = math.log(1 + rng.uniform(0.15, 0.6)) if rng.random() < 0.02 else 0.0
        level = max(9.0, level * math.exp(drift + shock + jump))
        closes.append(f"{level:.2f}")
    return closes


def breadth(count, seed=23):
    rng = random.Random(seed)
    advances, declines = [], []
    for _ in range(count):
        total = rng.randint(2800, 3100)
        up = rng.randint(300, total - 300)
        advances.append(str(up))
        declines.append(str(total - up - rng.randint(0, 60)))
    return advances, declines


def sma(xs, n):
    # Mean of the last n values, defined from the n-th value.
    return [None if i < n - 1 else sum(xs[i - n + 1:i + 1]) / n for i in range(len(xs))]


def ema_from(xs, n, start=0):
    # xs[start:] are the values; the first EMA (at the n-th of them) is their SMA, then
    # alpha x + (1 - alpha) EMA_prev with alpha = 2/(n + 1). Entries before start stay None.
    alpha = F(2, n + 1)
    out = [None] * len(xs)
    for i in range(start + n - 1, len(xs)):
        if i == start + n - 1:
            out[i] = sum(xs[start:start + n]) / n
        else:
            out[i] = alpha * xs[i] + (1 - alpha) * out[i - 1]
    return out


def rsi(xs, n=14):
    # Wilder: first averages are the means of the first n gains/losses, then (prev (n-1) + new)/n;
    # RSI = 100 - 100/(1 + gain/loss), 100 when loss is 0 and gain is not, 50 when both are 0.
    out = [None] * len(xs)
    d = [xs[i] - xs[i - 1] for i in range(1, len(xs))]
    gains = [max(x, 0) for x in d]
    losses = [max(-x, 0) for x in d]
    gain = loss = None
    for i in range(n, len(xs)):
        if i == n:
            gain, loss = sum(gains[:n]) / n, sum(losses[:n]) / n
        else:
            gain = (gain * (n - 1) + gains[i - 1]) / n
            loss = (loss * (n - 1) + losses[i - 1]) / n
        if loss == 0:
            out[i] = F(50) if gain == 0 else F(100)
        else:
            out[i] = 100 - 100 / (1 + gain / loss)
    return out


def macd(xs, fast=12, slow=26, signal=9):
    f, s = ema_from(xs, fast), ema_from(xs, slow)
    line = [None if s[i] is None else f[i] - s[i] for i in range(len(xs))]
    sig = ema_from([0 if v is None else v for v in line], signal, start=slow - 1)
    hist = [None if sig[i] is None else line[i] - sig[i] for i in range(len(xs))]
    return line, sig, hist


def ad_line(advances, declines):
    out, total = [], F(0)
    for a, d in zip(advances, declines):
        total += a - d
        out.append(total)
    return out


def doubles(values):
    return [None if v is None else float(v) for v in values]


def state_by_day(xs):
    """Per day: RSI(14) and MACD(12, 26, 9) position ("above" when line > signal) and whether it
    changed from the day before (both days having a signal)."""
    r = rsi(xs) if len(xs) > 14 else [None] * len(xs)
    line, sig, _ = macd(xs)
    days, previous = [], None
    for i in range(len(xs)):
        position = None if sig[i] is None else ("above" if line[i] > sig[i] else "below")
        crossed = position is not None and previous is not None and position != previous
        days.append({"rsi": None if r[i] is None else float(r[i]), "position": position, "crossed": crossed})
        previous = position
    return days


text = {
    "vix": vix_like(400),
    "hand": ["1", "2", "1", "3", "2", "2", "4"],
    "rising": [str(10 + k) for k in range(30)],
    "risingThenFlat": [str(10 + min(k, 12)) for k in range(40)],
    "constant": ["17.25"] * 60,
}
advances, declines = breadth(300)
exact = {name: [F(v) for v in vs] for name, vs in text.items()}

cases_sma = [(s, n) for s, n in [("vix", 1), ("vix", 5), ("vix", 20), ("vix", 400), ("hand", 3), ("constant", 10)]]
cases_ema = [(s, n) for s, n in [("vix", 1), ("vix", 10), ("vix", 20), ("vix", 200), ("hand", 3), ("constant", 10)]]
cases_rsi = [(s, n) for s, n in [("vix", 14), ("vix", 2), ("vix", 50), ("hand", 2), ("rising", 14),
                                  ("risingThenFlat", 14), ("constant", 14)]]
cases_macd = [(s, p) for s, p in [("vix", (12, 26, 9)), ("vix", (5, 35, 5)), ("vix", (3, 10, 1)),
                                   ("hand", (2, 3, 2)), ("constant", (12, 26, 9))]]

out = {
    "madeBy": "python3 tests/core/signals/make_references.py (fractions.Fraction, exact; SPEC 3.9 word for word)",
    "series": {name: [float(F(v)) for v in vs] for name, vs in text.items()},
    "sma": [{"series": s, "n": n, "out": doubles(sma(exact[s], n))} for s, n in cases_sma],
    "ema": [{"series": s, "n": n, "out": doubles(ema_from(exact[s], n))} for s, n in cases_ema],
    "rsi": [{"series": s, "n": n, "out": doubles(rsi(exact[s], n))} for s, n in cases_rsi],
    "macd": [
        dict(zip(["series", "fast", "slow", "signal", "line", "signalLine", "histogram"],
                 [s, *p, *map(doubles, macd(exact[s], *p))]))
        for s, p in cases_macd
    ],
    "adLine": {
        "advances": [int(a) for a in advances],
        "declines": [int(d) for d in declines],
        "out": doubles(ad_line([F(a) for a in advances], [F(d) for d in declines])),
    },
    "stateByDay": state_by_day(exact["vix"]),
}
print(json.dumps(out, separators=(",", ":")))
