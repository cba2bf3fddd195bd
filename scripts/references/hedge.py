"""High-precision references for tests/core/{edr,hedge}.test.ts, made with mpmath at 50 digits.

Inputs are the decimals as typed; results rounded once to the nearest double (repr of float()).
Run: python3 scripts/references/hedge.py > tests/core/references/hedge.json
"""
import json

from mpmath import mp, mpf, sqrt, ceil

mp.dps = 50


def edr(vix, days=252, bias=1):
    return mpf(bias) * mpf(vix) / sqrt(mpf(days))


cases_edr = [[v, d, b, float(edr(v, d, b))] for v, d, b in [
    ("14.29", 252, "1"), ("15.87", 252, "1"), ("18", 252, "1"), ("18", 365, "1"), ("22.5", 252, "1.1"),
    ("9.14", 252, "1"), ("82.69", 252, "1"), ("35", 365, "0.95")]]
cases_move = [[s, v, d, a, float(mpf(s) * mpf(v) / 100 * sqrt(mpf(d) / mpf(a)))] for s, v, d, a in [
    ("5700.25", "18.5", "1", 252), ("4800", "14", "5", 252), ("6000", "30", "30", 365), ("5123.4", "12.1", "0.5", 252)]]


def schedule(exposure, per_layer="0.25", cap="0.6", theta="0.9", step="0.05", beta="1", delta="1", mult="1000"):
    per_layer, cap, theta, step = mpf(per_layer), mpf(cap), mpf(theta), mpf(step)
    n = int(ceil(cap / per_layer))
    rows, prev = [], mpf(0)
    for k in range(1, n + 1):
        trigger = theta + (k - 1) * step
        cum = min(k * per_layer, cap)
        exact = cum * abs(mpf(exposure)) / (mpf(beta) * mpf(delta) * mpf(mult))
        whole = int(ceil(exact - mpf("1e-9")))  # within 1e-9 of a whole counts as that whole
        rows.append([k, float(trigger), float(trigger * sqrt(252)), float(cum), float(cum - prev), float(exact), whole])
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
    ]
]
print(json.dumps({
    "madeBy": "python3 scripts/references/hedge.py (mpmath 50 digits; SPEC 3.3-3.5 formulas on the decimals as typed)",
    "edr": cases_edr, "expectedMove": cases_move, "schedule": cases_schedule,
}, separators=(",", ":")))
