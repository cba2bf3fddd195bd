"""High-precision references for SPEC §3.8 scenarios (tests/core/scenario.test.ts, the SCENARIO
function and the risk view), written from the SPEC text alone with mpmath at 50 digits.

Each leg is priced with the textbook Black–Scholes–Merton closed form S·e^(−qT)·N(d1) − K·e^(−rT)·N(d2)
(intrinsic at T' = 0), the hedge with F' = θV + (VIX + ΔV − θV)·e^(−κτ') plus the quote's shift and,
for a call, Black-76 on F'. Results are rounded once to the nearest double.
Run from the repository root:
  python3 tests/core/references/scenario.py > tests/core/references/scenario.json
"""
import json
import re

from mpmath import mp, mpf, ncdf, log, sqrt, exp

mp.dps = 50

DEFAULT_X = ["-0.1", "-0.075", "-0.05", "-0.025", "0", "0.025", "0.05", "0.075", "0.1"]
DEFAULT_DV = ["-5", "0", "5", "10", "15", "20", "30"]


def bsm(is_call, S, K, T, vol, r, q):
    if T == 0:
        return max(S - K, 0) if is_call else max(K - S, 0)
    d1 = (log(S / K) + (r - q + vol**2 / 2) * T) / (vol * sqrt(T))
    d2 = d1 - vol * sqrt(T)
    if is_call:
        return S * exp(-q * T) * ncdf(d1) - K * exp(-r * T) * ncdf(d2)
    return K * exp(-r * T) * ncdf(-d2) - S * exp(-q * T) * ncdf(-d1)


def black76_call(F, K, T, vol, r):
    if T == 0:
        return max(F - K, 0)
    d1 = (log(F / K) + vol**2 / 2 * T) / (vol * sqrt(T))
    d2 = d1 - vol * sqrt(T)
    return exp(-r * T) * (F * ncdf(d1) - K * ncdf(d2))


def condor_pnl(pos, m, S1, dv, h):
    k1, k2, k3, k4 = (mpf(k) for k in pos["strikes"])
    vols = pos["vol"] if isinstance(pos["vol"], list) else [pos["vol"]] * 4
    lam = mpf(m.get("volBeta", "1"))
    r, q = mpf(m.get("rate", "0")), mpf(m.get("divYield", "0"))
    sig = [max(mpf(v) + lam * mpf(dv) / 100, mpf("0.01")) for v in vols]
    T = max(mpf(pos["dte"]) - mpf(h), 0) / 365
    mark = (bsm(False, S1, k2, T, sig[1], r, q) - bsm(False, S1, k1, T, sig[0], r, q)
            + bsm(True, S1, k3, T, sig[2], r, q) - bsm(True, S1, k4, T, sig[3], r, q))
    size = mpf(pos.get("multiplier", "100")) * mpf(pos["contracts"])
    return (mpf(pos["credit"]) - mark) * size


def hedge_pnl(hedge, m, dv, h):
    if hedge is None or mpf(hedge["contracts"]) == 0:
        return mpf(0)
    kappa, theta = mpf(m.get("kappa", "5.9")), mpf(m.get("longRunVix", "19.4"))
    vix, r = mpf(m["vix"]), mpf(m.get("rate", "0"))
    curve = lambda v, tau: theta + (v - theta) * exp(-kappa * tau)
    tau = mpf(hedge["days"]) / 365
    tau1 = max(tau - mpf(h) / 365, 0)
    shift = mpf(hedge["future"]) - curve(vix, tau) if "future" in hedge else mpf(0)
    f0, f1 = curve(vix, tau) + shift, curve(vix + mpf(dv), tau1) + shift
    if hedge["kind"] == "call":
        K, cv = mpf(hedge["strike"]), mpf(hedge["callVol"])
        v0, v1 = black76_call(f0, K, tau, cv, r), black76_call(f1, K, tau1, cv, r)
        mult = mpf(hedge.get("multiplier", "100"))
    else:
        v0, v1 = f0, f1
        mult = mpf(hedge.get("multiplier", "1000"))
    return mpf(hedge["contracts"]) * mult * (v1 - v0)


def grid(case):
    m = case["market"]
    xs, dvs, h = case.get("spxMoves", DEFAULT_X), case.get("vixMoves", DEFAULT_DV), case.get("horizonDays", "0")
    out = {"condor": [], "hedge": [], "net": []}
    for x in xs:
        S1 = mpf(m["spot"]) * (1 + mpf(x))
        rows = {"condor": [], "hedge": [], "net": []}
        for dv in dvs:
            c = sum((condor_pnl(p, m, S1, dv, h) for p in case["positions"]), mpf(0))
            g = hedge_pnl(case.get("hedge"), m, dv, h)
            rows["condor"].append(float(c))
            rows["hedge"].append(float(g))
            rows["net"].append(float(c + g))
        for key in out:
            out[key].append(rows[key])
    return {**case, "spxMoves": [float(x) for x in xs], "vixMoves": [float(v) for v in dvs],
            "horizonDays": float(h), "expected": out}


WORKED = {"strikes": ["5850", "5900", "6100", "6150"], "credit": "15", "contracts": "5", "dte": "45", "vol": "0.18"}
WORKED_MARKET = {"spot": "6000", "vix": "18"}
WORKED_HEDGE = {"kind": "future", "contracts": "2", "days": "77"}

CASES = [
    {"name": "issue 15 worked example", "positions": [WORKED], "market": WORKED_MARKET, "hedge": WORKED_HEDGE},
    {"name": "worked example, 10 days on", "positions": [WORKED], "market": WORKED_MARKET,
     "hedge": WORKED_HEDGE, "horizonDays": "10"},
    {"name": "worked example at the condor's expiry", "positions": [WORKED], "market": WORKED_MARKET,
     "hedge": WORKED_HEDGE, "horizonDays": "45"},
    {"name": "worked example past the hedge's expiry", "positions": [WORKED], "market": WORKED_MARKET,
     "hedge": WORKED_HEDGE, "horizonDays": "90"},
    {"name": "four vols, vol beta, own curve, custom moves, no hedge",
     "positions": [{"strikes": ["5400", "5500", "5900", "6000"], "credit": "12.35", "contracts": "2", "dte": "30.5",
                    "vol": ["0.22", "0.19", "0.13", "0.12"]}],
     "market": {"spot": "5700", "vix": "16.2", "volBeta": "0.8", "kappa": "4", "longRunVix": "21"},
     "spxMoves": ["-0.2", "-0.03", "0", "0.015", "0.12"], "vixMoves": ["-3", "2.5", "40"], "horizonDays": "7.5"},
    {"name": "vol floor at 0.01, rates and dividends, quoted future",
     "positions": [{"strikes": ["4700", "4750", "4850", "4900"], "credit": "20", "contracts": "3", "dte": "12",
                    "vol": "0.06"}],
     "market": {"spot": "4800", "vix": "12", "rate": "0.045", "divYield": "0.013"},
     "hedge": {"kind": "future", "contracts": "4", "days": "40", "future": "13.85"},
     "spxMoves": ["-0.05", "0", "0.05"], "vixMoves": ["-11", "-6", "0", "8"], "horizonDays": "3"},
    {"name": "VIX call hedge, quoted future, rate",
     "positions": [WORKED], "market": {"spot": "6000", "vix": "18", "rate": "0.04"},
     "hedge": {"kind": "call", "contracts": "10", "days": "77", "future": "19.5", "strike": "20", "callVol": "0.9"},
     "horizonDays": "5"},
    {"name": "two-position book, the first past its expiry at the horizon",
     "positions": [WORKED, {"strikes": ["5700", "5800", "6200", "6300"], "credit": "22.5", "contracts": "1",
                            "dte": "80", "vol": "0.2", "multiplier": "50"}],
     "market": WORKED_MARKET, "hedge": {"kind": "future", "contracts": "1", "days": "105"}, "horizonDays": "50"},
]

text = json.dumps({"note": __doc__.strip().splitlines()[0], "cases": [grid(c) for c in CASES]}, indent=1)
# One grid row per line: readable, and small diffs when a case changes.
print(re.sub(r"\[\s+([-\d.e, \s\"]+?)\s+\]", lambda g: "[" + " ".join(g.group(1).split()) + "]", text))
