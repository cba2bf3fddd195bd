#!/usr/bin/env python3
"""High-precision reference values for the pricing engine (src/core/{bsm,black76,ironCondor}.ts).

Run from the repository root:  python3 scripts/references/pricing.py
It rewrites tests/core/references/pricing.json. CI never runs it: the JSON is the reference.

Every value is computed with mpmath at mp.dps = 50 from the textbook closed forms
(Black-Scholes-Merton with continuous dividend yield, Black-76), for inputs that are exact
binary doubles, then rounded once to the nearest double. Each value is recomputed at
mp.dps = 80 and must agree to 1e-30 relative, so cancellation inside the closed forms
(deep out-of-the-money wings) cannot leak into the reference.
Units follow SPEC section 2: T = dte / 365, vega per vol point, theta per calendar day,
rho per 1 %, position Greeks of the SHORT iron condor times multiplier and contracts.
"""
import json
import platform
from pathlib import Path

import mpmath
from mpmath import mp, mpf

DPS = 50
OUT = Path(__file__).resolve().parents[2] / "tests" / "core" / "references" / "pricing.json"


def ncdf(x):
    return mpmath.ncdf(x)


def npdf(x):
    return mpmath.exp(-x * x / 2) / mpmath.sqrt(2 * mpmath.pi)


def bsm(kind, S, K, dte, vol, r, q):
    S, K, vol, r, q = mpf(S), mpf(K), mpf(vol), mpf(r), mpf(q)
    T = mpf(dte) / 365
    sq = mpmath.sqrt(T)
    d1 = (mpmath.log(S / K) + (r - q + vol * vol / 2) * T) / (vol * sq)
    d2 = d1 - vol * sq
    dq, dr = mpmath.exp(-q * T), mpmath.exp(-r * T)
    gamma = dq * npdf(d1) / (S * vol * sq)
    vega = S * dq * npdf(d1) * sq
    if kind == "call":
        price = S * dq * ncdf(d1) - K * dr * ncdf(d2)
        delta = dq * ncdf(d1)
        theta = -S * dq * npdf(d1) * vol / (2 * sq) - r * K * dr * ncdf(d2) + q * S * dq * ncdf(d1)
        rho = K * T * dr * ncdf(d2)
    else:
        price = K * dr * ncdf(-d2) - S * dq * ncdf(-d1)
        delta = -dq * ncdf(-d1)
        theta = -S * dq * npdf(d1) * vol / (2 * sq) + r * K * dr * ncdf(-d2) - q * S * dq * ncdf(-d1)
        rho = -K * T * dr * ncdf(-d2)
    return {
        "price": price,
        "delta": delta,
        "gamma": gamma,
        "vega": vega / 100,
        "theta": theta / 365,
        "rho": rho / 100,
    }


def black76(kind, F, K, dte, vol, r):
    F, K, vol, r = mpf(F), mpf(K), mpf(vol), mpf(r)
    T = mpf(dte) / 365
    sq = mpmath.sqrt(T)
    d1 = (mpmath.log(F / K) + vol * vol * T / 2) / (vol * sq)
    d2 = d1 - vol * sq
    dr = mpmath.exp(-r * T)
    if kind == "call":
        price = dr * (F * ncdf(d1) - K * ncdf(d2))
        delta = dr * ncdf(d1)
    else:
        price = dr * (K * ncdf(-d2) - F * ncdf(-d1))
        delta = -dr * ncdf(-d1)
    gamma = dr * npdf(d1) / (F * vol * sq)
    vega = dr * F * npdf(d1) * sq
    # theta = dV/dt = -dV/dT with F held fixed
    theta = -dr * F * npdf(d1) * vol / (2 * sq) + r * price
    return {"price": price, "delta": delta, "gamma": gamma, "vega": vega / 100, "theta": theta / 365}


def iron_condor(strikes, mult, contracts, spot, dte, vols, r, q):
    k1, k2, k3, k4 = strikes
    legs = [("put", k1, -1, vols[0]), ("put", k2, 1, vols[1]), ("call", k3, 1, vols[2]), ("call", k4, -1, vols[3])]
    # sign +1 = the leg the trader is short; the mark (debit to close) adds short legs, subtracts long ones
    mark = mpf(0)
    greeks = {"delta": mpf(0), "gamma": mpf(0), "vega": mpf(0), "theta": mpf(0)}
    for kind, k, short, vol in legs:
        g = bsm(kind, spot, k, dte, vol, r, q)
        mark += short * g["price"]
        for name in greeks:
            greeks[name] -= short * g[name] * mpf(mult) * mpf(contracts)
    return {"mark": mark, **greeks}


def pop(spot, lower, upper, dte, vol, r, q):
    S, lo, up, vol, r, q = mpf(spot), mpf(lower), mpf(upper), mpf(vol), mpf(r), mpf(q)
    T = mpf(dte) / 365

    def d2(k):
        return (mpmath.log(S / k) + (r - q - vol * vol / 2) * T) / (vol * mpmath.sqrt(T))

    a, b = d2(lo), d2(up)
    # N(a) - N(b) is the same number as N(-b) - N(-a); take the form whose terms are not both near 1
    return {"pop": ncdf(-b) - ncdf(-a) if b > 0 else ncdf(a) - ncdf(b)}


def normal(x):
    x = mpf(x)
    return {"cdf": ncdf(x), "pdf": npdf(x)}


def normal_cases():
    return [-38.4, -37.5, -30, -20.25, -12, -8.125, -5, -3, -1.5, -1, -0.5, -1e-9, 0, 1e-9, 0.25, 0.75,
            1, 2.5, 5, 8, 8.25, 12, 20, 38]


def exact(fn, *args):
    """Evaluate at DPS and at DPS + 30; refuse any value the two precisions disagree on."""
    with mp.workdps(DPS):
        low = fn(*args)
    with mp.workdps(DPS + 30):
        high = fn(*args)
    out = {}
    for name, value in low.items():
        scale = max(abs(high[name]), mpf(10) ** -300)
        assert abs(value - high[name]) <= mpf(10) ** -30 * scale, (fn.__name__, args, name)
        out[name] = float(value)
    return out


def bsm_cases():
    strikes = [4000, 5000, 5400, 5650, 5750, 5790, 5800, 5810, 5850, 5950, 6200, 6800, 7600]
    vols = [0.08, 0.16, 0.35, 0.9]
    dtes = [0.01, 1, 7, 45, 365, 730]
    rates = [(0, 0), (0.045, 0.013), (-0.005, 0.03)]
    for kind in ("call", "put"):
        for k in strikes:
            for vol in vols:
                for dte in dtes:
                    for r, q in rates:
                        yield kind, 5800, k, dte, vol, r, q
    # other spots and awkward corners: S far from K, near-zero time, very high vol, S/K just off 1
    yield from [
        ("call", 42, 40, 182.5, 0.2, 0.1, 0),
        ("put", 42, 40, 182.5, 0.2, 0.1, 0),
        ("call", 100, 100, 0.001, 0.2, 0.05, 0),
        ("put", 100, 100.0001, 0.01, 0.12, 0.02, 0.01),
        ("call", 5812.37, 5812.5, 0.25, 0.11, 0.043, 0.014),
        ("put", 5812.37, 5812.5, 0.25, 0.11, 0.043, 0.014),
        ("call", 1, 1000, 3650, 1.2, 0.03, 0),
        ("put", 1000, 1, 3650, 1.2, 0.03, 0),
        ("call", 1000, 1, 30, 4.9, 0.03, 0.02),
        ("put", 250.5, 180, 120, 2.5, 0.08, 0.05),
        ("call", 5800, 5800, 730, 0.08, 0.05, 0.05),
        ("put", 5800, 5000, 730, 0.08, 0.1, 0),
    ]


def black76_cases():
    futures = [15.35, 24.9]
    strikes = [10, 13, 15, 17.5, 20, 25, 40, 80]
    vols = [0.5, 0.9, 1.5]
    dtes = [0.01, 1, 7, 30, 120]
    rates = [0, 0.045]
    for kind in ("call", "put"):
        for f in futures:
            for k in strikes:
                for vol in vols:
                    for dte in dtes:
                        for r in rates:
                            yield kind, f, k, dte, vol, r
    yield from [
        ("call", 19, 19, 273.75, 0.28, 0.1),
        ("put", 70, 70, 91.25, 0.28, 0.05),
        ("call", 16, 16, 0.01, 1.5, 0.05),
        ("put", 16, 16, 0.01, 1.5, 0.05),
        ("call", 14, 100, 365, 3, 0.04),
        ("put", 60, 12, 365, 3, 0.04),
    ]


def ic_cases():
    condors = [
        ((5500, 5550, 6050, 6100), 100, 1),
        ((5600, 5700, 5900, 6000), 100, 3),
        ((4000, 5000, 6600, 7600), 100, 2),
        ((5750, 5800, 5800, 5850), 100, 1),
        ((95, 100, 110, 115), 100, 10),
    ]
    markets = [
        (5800, 45, 0.16, 0.045, 0.013),
        (5800, 0.01, 0.12, 0.045, 0.013),
        (5900, 7, 0.35, 0, 0),
        (5650, 365, 0.9, 0.02, 0.03),
        (104, 30, 0.25, 0.04, 0.0),
    ]
    skews = [None, (0.21, 0.18, 0.14, 0.13)]
    for strikes, mult, n in condors:
        for spot, dte, vol, r, q in markets:
            if (spot < 1000) != (strikes[0] < 1000):
                continue
            for skew in skews:
                vols = skew if skew is not None else (vol,) * 4
                yield strikes, mult, n, spot, dte, vols, skew is not None, r, q


def pop_cases():
    for spot in (5800, 5600, 6100):
        for lower, upper in ((5600, 6000), (5740.5, 5859.5), (4000, 7600), (5790, 5810)):
            for dte in (0.01, 1, 45, 365):
                for vol in (0.08, 0.2, 0.9):
                    yield spot, lower, upper, dte, vol, 0.045, 0.013


def table(rows):
    """Column names once, then one array per row: a third of the size of repeated keys."""
    columns = list(rows[0])
    return {"columns": columns, "rows": [[row[c] for c in columns] for row in rows]}


def main():
    bsm_rows = [
        {"type": k, "spot": s, "strike": x, "dte": d, "vol": v, "rate": r, "divYield": q, **exact(bsm, k, s, x, d, v, r, q)}
        for k, s, x, d, v, r, q in bsm_cases()
    ]
    b76_rows = [
        {"type": k, "future": f, "strike": x, "dte": d, "vol": v, "rate": r, **exact(black76, k, f, x, d, v, r)}
        for k, f, x, d, v, r in black76_cases()
    ]
    ic_rows = [
        {
            "legs": list(strikes),
            "multiplier": m,
            "contracts": n,
            "spot": s,
            "dte": d,
            "vol": list(vols) if per_leg else vols[0],
            "rate": r,
            "divYield": q,
            **exact(iron_condor, strikes, m, n, s, d, vols, r, q),
        }
        for strikes, m, n, s, d, vols, per_leg, r, q in ic_cases()
    ]
    pop_rows = [
        {"spot": s, "lower": lo, "upper": up, "dte": d, "vol": v, "rate": r, "divYield": q, **exact(pop, s, lo, up, d, v, r, q)}
        for s, lo, up, d, v, r, q in pop_cases()
    ]
    normal_rows = [{"x": x, **exact(normal, x)} for x in normal_cases()]
    header = {
        "madeBy": "python3 scripts/references/pricing.py",
        "mpmath": mpmath.__version__,
        "python": platform.python_version(),
        "dps": DPS,
        "method": "closed forms evaluated in mpmath at mp.dps=50 on exact double inputs, checked against mp.dps=80 "
        "to 1e-30 relative, rounded once to the nearest double; T = dte/365; vega per vol point, theta per "
        "calendar day, rho per 1 %; icGreeks rows are SHORT-condor position totals (x multiplier x contracts), "
        "mark = P(K2) - P(K1) + C(K3) - C(K4) per share; each table lists its columns once, then one array per row",
    }
    data = {
        "header": header,
        "normal": table(normal_rows),
        "bsm": table(bsm_rows),
        "black76": table(b76_rows),
        "ironCondor": table(ic_rows),
        "pop": table(pop_rows),
    }
    OUT.write_text(json.dumps(data, separators=(",", ":")) + "\n")
    print(f"wrote {OUT}: {len(normal_rows)} normal, {len(bsm_rows)} BSM, {len(b76_rows)} Black-76, {len(ic_rows)} condor, {len(pop_rows)} POP rows")


if __name__ == "__main__":
    main()
