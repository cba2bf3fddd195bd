"""Reference for issue 17's MACD layer gate, for tests/core/replay/gate.test.ts, written from SPEC.

MACD(12, 26, 9) of the VIX closes in exact rational arithmetic (fractions.Fraction, each close
read as the decimal it prints as), independent of src/core/signals: SPEC §3.9's EMAs seeded with
the SMA of their first n values, the signal an EMA(9) of the line seeded with the SMA of its first
9 values. The gate is True where the line is strictly above its signal and False where the signal
is not defined. The replay itself is replay.py's (mpmath, written from SPEC §6), run with and
without the gate on its synthetic history. CI never runs Python: the JSON is the reference.

Run: python3 scripts/references/replay_gated.py > tests/core/references/replay-gated.json
"""
import json
import os
import sys
from fractions import Fraction

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import replay as ref  # noqa: E402  (prints nothing on import)


def ema(values, n):
    """SPEC §3.9 EMA over a list of Fractions or None: None until the n-th defined value."""
    out, seed, prev = [], [], None
    alpha = Fraction(2, n + 1)
    for x in values:
        if x is None:
            out.append(None)
            continue
        if prev is None:
            seed.append(x)
            if len(seed) == n:
                prev = sum(seed) / n
            out.append(prev)
            continue
        prev = alpha * x + (1 - alpha) * prev
        out.append(prev)
    return out


def macd_gate(vix, fast=12, slow=26, signal=9):
    closes = [Fraction(str(v)) for v in vix]
    f, s = ema(closes, fast), ema(closes, slow)
    line = [None if b is None else a - b for a, b in zip(f, s)]
    sig = ema(line, signal)
    gate = [l is not None and g is not None and l > g for l, g in zip(line, sig)]
    margins = [abs(l - g) for l, g in zip(line, sig) if g is not None]
    return gate, float(min(margins))


def case(name, history, overrides=None):
    params = dict(ref.DEFAULT, **(overrides or {}))
    dates, spx, vix = history
    gate, margin = macd_gate(vix)
    plain = ref.replay(dates, spx, vix, params)
    gated = ref.replay(dates, spx, vix, params, gate)
    return {
        "name": name,
        "params": {k: float(v) for k, v in params.items()},
        "history": {"dates": dates, "spx": spx, "vix": vix},
        "gate": gate,
        # The least |line − signal| where both exist: far above float rounding, so a float MACD
        # must give the same gate.
        "leastMargin": margin,
        "plain": plain["summary"]["alvh"],
        "macdGated": gated["summary"]["alvh"],
        "gatedLayers": gated["days"]["layers"],
        "gatedContracts": gated["days"]["contracts_alvh"],
    }


if __name__ == "__main__":
    print(json.dumps({
        "madeBy": "python3 scripts/references/replay_gated.py (Fraction MACD, replay.py's mpmath replay)",
        "cases": [
            case("synthetic", ref.synthetic_history),
            case("synthetic, fees and a tighter grid", ref.synthetic_history,
                 {"feePerContract": "2.5", "threshold": "0.85", "step": "0.1", "perLayer": "0.2", "cap": "0.5"}),
        ],
    }, separators=(",", ":")))
