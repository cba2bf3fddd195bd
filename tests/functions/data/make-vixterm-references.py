"""High-precision references for VIXTERM and the broken-wing BREAKEVEN/POP (SPEC §3.2, §3.7).

Run from the repository root:  python3 tests/functions/data/make-vixterm-references.py
It rewrites tests/functions/data/vixterm-references.json. mpmath at 50 significant digits on the
decimals as typed; each result rounded once to the nearest double.

- VIXTERM: F = θV + (VIX − θV)·exp(−κ·days/365), β = exp(−κ·days/365) (SPEC §3.7).
- Broken wing (issue 14, observation 3): the condor 5800/5900/6100/6125 for a credit of 30 never
  loses above 6100 (its call wing, 25, is narrower than the credit), so its probability of profit
  is P(S_T > 5870) alone; the old answer used the false upper break-even 6130. Lognormal,
  risk-neutral, SPEC §3.2: P(S_T > K) = N(d2(K)), d2(K) = (ln(S/K) + (r − q − σ²/2)T)/(σ√T).
"""
import json
from pathlib import Path

import mpmath as mp

mp.mp.dps = 50


def vixterm(vix, days, kappa="5.9", long_run="19.4"):
    vix, days, kappa, long_run = map(mp.mpf, (vix, days, kappa, long_run))
    beta = mp.e ** (-kappa * days / 365)
    return long_run + (vix - long_run) * beta, beta


VIXTERM_CASES = [
    ("18", "60", None, None),
    ("18", "77", None, None),
    ("30", "20", None, None),
    ("12", "365", None, None),
    ("19.4", "45", None, None),
    ("45.5", "0", None, None),
    ("45.5", "0.5", None, None),
    ("16.25", "91", "4.2", "21"),
    ("25", "30", "0", "19.4"),
    ("80", "120", "12.5", "18"),
]


def d2(spot, strike, dte, vol, rate="0", div="0"):
    spot, strike, vol, rate, div = map(mp.mpf, (spot, strike, vol, rate, div))
    t = mp.mpf(dte) / 365
    return (mp.log(spot / strike) + (rate - div - vol**2 / 2) * t) / (vol * mp.sqrt(t))


def pop_between(spot, lower, upper, dte, vol):
    above_lower = mp.ncdf(d2(spot, lower, dte, vol)) if lower is not None else mp.mpf(1)
    above_upper = mp.ncdf(d2(spot, upper, dte, vol)) if upper is not None else mp.mpf(0)
    return above_lower - above_upper


BROKEN_WING = {"spot": "6000", "dte": "45", "vol": "0.18", "credit": "30",
               "longPut": "5800", "shortPut": "5900", "shortCall": "6100", "longCall": "6125"}
lower = mp.mpf(BROKEN_WING["shortPut"]) - mp.mpf(BROKEN_WING["credit"])
false_upper = mp.mpf(BROKEN_WING["shortCall"]) + mp.mpf(BROKEN_WING["credit"])
args = (BROKEN_WING["spot"], BROKEN_WING["dte"], BROKEN_WING["vol"])

out = {
    "madeBy": "python3 tests/functions/data/make-vixterm-references.py (mpmath, 50 digits)",
    "vixterm": [
        {"vix": v, "days": d, "kappa": k, "longRunVix": l,
         "future": float(vixterm(v, d, *(x for x in (k, l) if x is not None))[0]),
         "beta": float(vixterm(v, d, *(x for x in (k, l) if x is not None))[1])}
        for v, d, k, l in VIXTERM_CASES
    ],
    "brokenWing": {
        **BROKEN_WING,
        "lowerBreakEven": float(lower),
        "pop": float(pop_between(args[0], lower, None, args[1], args[2])),
        "popWithFalseUpper": float(pop_between(args[0], lower, false_upper, args[1], args[2])),
    },
}
path = Path(__file__).with_name("vixterm-references.json")
path.write_text(json.dumps(out, indent=2) + "\n")
