"""High-precision references for tests/core/{edr,hedge}.test.ts, made with mpmath at 50 digits.

Inputs are the decimals as typed; results rounded once to the nearest double (repr of float()).
Run: python3 scripts/references/hedge.py > tests/core/references/hedge.json
"""
import json

from mpmath import mp, mpf, sqrt, ceil, floor

mp.dps = 50


def edr(vix, days=252, bias=1):
    return mpf(bias) * mpf(vix) / sqrt(mpf(days))


cases_edr = [[v, d, b, float(edr(v, d, b))] for v, d, b in [
    ("14.29", 252, "1"), ("15.87", 252, "1"), ("18", 252, "1"), ("18", 365, "1"), ("22.5", 252, "1.1"),
    ("9.14", 252, "1"), ("82.69", 252, "1"), ("35", 365, "0.95")]]
cases_move = [[s, v, d, a, float(mpf(s) * mpf(v) / 100 * sqrt(mpf(d) / mpf(a)))] for s, v, d, a in [
    ("5700.25", "18.5", "1", 252), ("4800", "14", "5", 252), ("6000", "30", "30", 365), ("5123.4", "12.1", "0.5", 252)]]


def exposure_is_zero(exposure):
    return mpf(exposure) == 0


def schedule(exposure, per_layer="0.25", cap="0.6", theta="0.9", step="0.05", beta="1", delta="1", mult="1000"):
    per_layer, cap, theta, step = mpf(per_layer), mpf(cap), mpf(theta), mpf(step)
    n = int(ceil(cap / per_layer))
    size = mpf(beta) * mpf(delta) * mpf(mult)
    cap_exact = cap * abs(mpf(exposure)) / size
    rows, prev = [], mpf(0)
    for k in range(1, n + 1):
        trigger = theta + (k - 1) * step
        cum = min(k * per_layer, cap)
        exact = cum * abs(mpf(exposure)) / size
        # SPEC 3.5: rounded up (within 1e-9 of a whole counts as that whole), never above the cap
        whole = 0 if exact == 0 else min(int(ceil(exact - mpf("1e-9"))), int(floor(cap_exact + mpf("1e-9"))))
        held = 0 if exposure_is_zero(exposure) else whole * size / abs(mpf(exposure))
        rows.append([k, float(trigger), float(trigger * sqrt(252)), float(cum), float(cum - prev), float(exact), whole,
                     float(held)])
        prev = cum
    return rows


cases_schedule = [
    {"exposure": e, "params": p, "rows": schedule(e, **p)}
    for e, p in [
        ("4800", {}),
        ("10000", {}),
        ("-2345.67", {"beta": "0.6"}),
        ("12500", {"per_layer": "0.1", "cap": "0.3", "mult": "100", "delta": "0.42"}),
        ("7777", {"per_layer": "0.2", "cap": "0.5", "theta": "1.1", "step": "0.1", "beta": "0.8"}),
        # issue 14's condor: 5850/5900/6100/6150, credit 15, 5 lots, max loss 17500 over a 10-point rise
        ("1750", {}),
        ("875", {}),
        ("0", {}),
        ("4800", {"beta": "0.6"}),
    ]
]
print(json.dumps({
    "madeBy": "python3 scripts/references/hedge.py (mpmath 50 digits; SPEC 3.3-3.5 formulas on the decimals as typed; rows: layer, EDR, VIX trigger, cumulative, added, exact, whole within the cap, held coverage)",
    "edr": cases_edr, "expectedMove": cases_move, "schedule": cases_schedule,
}, separators=(",", ":")))
