"""High-precision reference values for tests/functions (CI does not run Python).

Run from the repository root:  python3 tests/functions/data/make-references.py
It rewrites tests/functions/data/references.json. Prices come from the closed forms of SPEC §3
(Black–Scholes–Merton with dividend yield, Black-76, lognormal probability of profit); every
Greek is the numerical derivative of that price at 50 significant digits (mpmath.diff), so the
references do not share the engine's Greek formulas. Units follow SPEC §2: vega per vol point,
theta per calendar day (time passing), rho per 1 %.
"""
import json
from pathlib import Path

import mpmath as mp

mp.mp.dps = 50
N = mp.ncdf


def bsm_price(kind, S, K, T, vol, r, q):
    d1 = (mp.log(S / K) + (r - q + vol**2 / 2) * T) / (vol * mp.sqrt(T))
    d2 = d1 - vol * mp.sqrt(T)
    if kind == "call":
        return S * mp.e ** (-q * T) * N(d1) - K * mp.e ** (-r * T) * N(d2)
    return K * mp.e ** (-r * T) * N(-d2) - S * mp.e ** (-q * T) * N(-d1)


def black76_price(kind, F, K, T, vol, r):
    d1 = (mp.log(F / K) + vol**2 / 2 * T) / (vol * mp.sqrt(T))
    d2 = d1 - vol * mp.sqrt(T)
    if kind == "call":
        return mp.e ** (-r * T) * (F * N(d1) - K * N(d2))
    return mp.e ** (-r * T) * (K * N(-d2) - F * N(-d1))


def bsm_all(kind, S, K, dte, vol, r, q):
    S, K, vol, r, q = map(mp.mpf, (S, K, vol, r, q))
    T = mp.mpf(dte) / 365
    f = lambda s=S, t=T, v=vol, rr=r: bsm_price(kind, s, K, t, v, rr, q)
    return {
        "price": f(),
        "delta": mp.diff(lambda s: f(s=s), S),
        "gamma": mp.diff(lambda s: f(s=s), S, 2),
        "vega": mp.diff(lambda v: f(v=v), vol) / 100,
        "theta": -mp.diff(lambda t: f(t=t), T) / 365,
        "rho": mp.diff(lambda rr: f(rr=rr), r) / 100,
    }


def black76_all(kind, F, K, dte, vol, r):
    F, K, vol, r = map(mp.mpf, (F, K, vol, r))
    T = mp.mpf(dte) / 365
    f = lambda x=F, t=T, v=vol: black76_price(kind, x, K, t, v, r)
    return {
        "price": f(),
        "delta": mp.diff(lambda x: f(x=x), F),
        "gamma": mp.diff(lambda x: f(x=x), F, 2),
        "vega": mp.diff(lambda v: f(v=v), vol) / 100,
        "theta": -mp.diff(lambda t: f(t=t), T) / 365,
    }


def iron_condor_greeks(spot, strikes, dte, vols, contracts, rate, div, multiplier):
    # Position: long K1 put, short K2 put, short K3 call, long K4 call.
    legs = [("put", strikes[0], +1), ("put", strikes[1], -1), ("call", strikes[2], -1), ("call", strikes[3], +1)]
    size = mp.mpf(multiplier) * contracts
    per_leg = [bsm_all(kind, spot, k, dte, v, rate, div) for (kind, k, _), v in zip(legs, vols)]
    mark = -sum(sign * g["price"] for (_, _, sign), g in zip(legs, per_leg))
    total = lambda name: size * sum(sign * g[name] for (_, _, sign), g in zip(legs, per_leg))
    return [mark, total("delta"), total("gamma"), total("vega"), total("theta")]


def pop(spot, lower, upper, dte, vol, r, q):
    spot, lower, upper, vol, r, q = map(mp.mpf, (spot, lower, upper, vol, r, q))
    T = mp.mpf(dte) / 365
    d2 = lambda k: (mp.log(spot / k) + (r - q - vol**2 / 2) * T) / (vol * mp.sqrt(T))
    return N(d2(lower)) - N(d2(upper))


def num(x):
    return float(mp.nstr(x, 20))


cases = {
    "BS": [
        {"note": "Hull, Options Futures and Other Derivatives: S=42 K=40 r=10% vol=20% T=0.5 -> call 4.76",
         "args": ["call", 42, 40, 182.5, 0.2, 0.1, 0], "values": bsm_all("call", 42, 40, 182.5, 0.2, 0.1, 0)},
        {"note": "Hull's example, put -> 0.81",
         "args": ["put", 42, 40, 182.5, 0.2, 0.1, 0], "values": bsm_all("put", 42, 40, 182.5, 0.2, 0.1, 0)},
        {"note": "SPX put with dividend yield",
         "args": ["put", 5700, 5600, 30, 0.16, 0.045, 0.013], "values": bsm_all("put", 5700, 5600, 30, 0.16, 0.045, 0.013)},
    ],
    "BLACK76": [
        {"note": "VIX call on the future",
         "args": ["call", 20, 22, 35, 0.9, 0.045], "values": black76_all("call", 20, 22, 35, 0.9, 0.045)},
        {"note": "VIX put on the future",
         "args": ["put", 18.5, 17, 20, 0.75, 0.04], "values": black76_all("put", 18.5, 17, 20, 0.75, 0.04)},
    ],
    "ICGREEKS": [
        {"note": "one vol for every leg",
         "args": [5700, 5400, 5500, 5900, 6000, 30, 0.16, 2, 0.045, 0.013, 100],
         "row": iron_condor_greeks(5700, [5400, 5500, 5900, 6000], 30, [0.16] * 4, 2, 0.045, 0.013, 100)},
        {"note": "one vol per leg (skew), default contracts/rate/divYield/multiplier",
         "args": [5700, 5400, 5500, 5900, 6000, 30, [[0.22, 0.19, 0.13, 0.12]]],
         "row": iron_condor_greeks(5700, [5400, 5500, 5900, 6000], 30, [0.22, 0.19, 0.13, 0.12], 1, 0, 0, 100)},
    ],
    "POP": [
        {"note": "break-evens of a 5500/5900 condor for 12.35 credit",
         "args": [5700, 5487.65, 5912.35, 30, 0.16, 0.045, 0.013],
         "value": pop(5700, 5487.65, 5912.35, 30, 0.16, 0.045, 0.013)},
    ],
    "EXPECTEDMOVE": [
        {"note": "S * VIX/100 * sqrt(d/252)", "args": [5700, 18, 5],
         "value": mp.mpf(5700) * mp.mpf(18) / 100 * mp.sqrt(mp.mpf(5) / 252)},
        {"note": "one day on a 365-day year", "args": [5000, 16, None, 365],
         "value": mp.mpf(5000) * mp.mpf(16) / 100 * mp.sqrt(mp.mpf(1) / 365)},
    ],
    "EDR": [
        {"note": "bias * VIX / sqrt(365)", "args": [18, 365, 1.1], "value": mp.mpf("1.1") * 18 / mp.sqrt(365)},
    ],
}

for fn, items in cases.items():
    for item in items:
        if "values" in item:
            item["values"] = {k: num(v) for k, v in item["values"].items()}
        if "row" in item:
            item["row"] = [num(v) for v in item["row"]]
        if "value" in item:
            item["value"] = num(item["value"])

out = Path(__file__).with_name("references.json")
out.write_text(json.dumps(cases, indent=2) + "\n")
print(f"wrote {out}")
