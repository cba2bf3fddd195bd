"""
Independent reference figures for the workbook plan tests (tests/workbook/plan.test.ts).

Run:  python3 tests/workbook/data/make_plan_reference.py > tests/workbook/data/plan-reference.json

Everything is computed here from the SPEC formulas with mpmath at 50 significant digits, without
the project's TypeScript: Black-Scholes-Merton Greeks of each iron condor (SPEC 3.1, 3.2),
Black-76 for the VIX call (Black 1976), EDR = bias*VIX/sqrt(days) (3.3), layers and coverage
decided on decimals (3.4), hedge contracts (3.5), the book's payoff at expiry and its zero
crossings found by bisection. Hedge expiries are taken from Cboe's published
2025 VIX expiration calendar (Apr 16, May 21), not computed. Time to expiry is counted in
fractional calendar days on New York's clock, from computedAt to the settlement time of day.
"""
import json
from mpmath import mp, mpf, sqrt, exp, log, ncdf, npdf, floor, ceil, nint

mp.dps = 50

SERIAL_2025_01_01 = 45658  # SPEC 2
# Settlement times of day on New York's clock: SPX PM-settled options at the 4:00 pm close, VIX
# options and futures at the 9:30 am special opening quotation (Cboe contract specifications).
SPX_SETTLEMENT = mpf(16) / 24
VIX_SETTLEMENT = mpf(19) / 48


def d(x):
    return mpf(str(x))


def bsm(kind, S, K, T, vol, r, q=0):
    S, K, T, vol, r, q = d(S), d(K), T, d(vol), d(r), d(q)
    if T == 0:
        price = max(S - K, 0) if kind == "call" else max(K - S, 0)
        delta = (1 if S > K else 0) if kind == "call" else (-1 if S < K else 0)
        return dict(price=price, delta=mpf(delta), gamma=mpf(0), vega=mpf(0), theta=mpf(0))
    sT = sqrt(T)
    d1 = (log(S / K) + (r - q + vol**2 / 2) * T) / (vol * sT)
    d2 = d1 - vol * sT
    disc_q, disc_r = exp(-q * T), exp(-r * T)
    gamma = disc_q * npdf(d1) / (S * vol * sT)
    vega = S * disc_q * npdf(d1) * sT / 100
    common = -S * disc_q * npdf(d1) * vol / (2 * sT)
    if kind == "call":
        price = S * disc_q * ncdf(d1) - K * disc_r * ncdf(d2)
        delta = disc_q * ncdf(d1)
        theta = common - r * K * disc_r * ncdf(d2) + q * S * disc_q * ncdf(d1)
    else:
        price = K * disc_r * ncdf(-d2) - S * disc_q * ncdf(-d1)
        delta = -disc_q * ncdf(-d1)
        theta = common + r * K * disc_r * ncdf(-d2) - q * S * disc_q * ncdf(-d1)
    return dict(price=price, delta=delta, gamma=gamma, vega=vega, theta=theta / 365)


def black76_call(F, K, T, vol, r):
    F, K, vol, r = d(F), d(K), d(vol), d(r)
    sT = sqrt(T)
    d1 = (log(F / K) + vol**2 / 2 * T) / (vol * sT)
    d2 = d1 - vol * sT
    disc = exp(-r * T)
    return dict(price=disc * (F * ncdf(d1) - K * ncdf(d2)), delta=disc * ncdf(d1))


def decimal_floor(x):
    """Floor decided on decimals: a value within 1e-25 of a whole number is that number."""
    n = nint(x)
    return n if abs(x - n) < mpf("1e-25") else floor(x)


def decimal_ceil(x):
    n = nint(x)
    return n if abs(x - n) < mpf("1e-25") else ceil(x)


def bisect(f, a, b):
    """Zero of f between a and b (f changes sign there), to the working precision."""
    fa = f(a)
    for _ in range(200):
        m = (a + b) / 2
        fm = f(m)
        if (fm < 0) == (fa < 0):
            a, fa = m, fm
        else:
            b = m
    return (a + b) / 2


def payoff(p, S):
    K1, K2, K3, K4, C = (d(p[k]) for k in ("longPut", "shortPut", "shortCall", "longCall", "credit"))
    per_share = C - max(K2 - S, 0) + max(K1 - S, 0) - max(S - K3, 0) + max(S - K4, 0)
    return per_share * 100 * p["contracts"]


def key(strike):
    """The strike as JavaScript's String(number) spells it (5500, 5537.65)."""
    return str(int(strike)) if strike == int(strike) else str(float(strike))


def figures(sc):
    st = {**DEFAULTS, **sc["settings"]}
    positions = sc["positions"]
    if sc["scope"]["kind"] == "position":
        positions = [p for p in positions if p["label"] == sc["scope"]["label"]]
    spot, vix = d(sc["market"]["spot"]), d(sc["market"]["vix"])
    at = d(sc["computedAt"])  # New York clock
    r = d(st["rate"])
    out = {"positions": []}
    tot = dict(delta=0, gamma=0, vega=0, theta=0, close=0, maxProfit=0, maxLoss=0)
    for p in positions:
        m_n = 100 * p["contracts"]
        dte = max(p["expiry"] + SPX_SETTLEMENT - at, 0)
        T = dte / 365
        legs = [
            (bsm("put", spot, p["longPut"], T, p["impliedVol"], r), +1),
            (bsm("put", spot, p["shortPut"], T, p["impliedVol"], r), -1),
            (bsm("call", spot, p["shortCall"], T, p["impliedVol"], r), -1),
            (bsm("call", spot, p["longCall"], T, p["impliedVol"], r), +1),
        ]
        g = {k: sum(sign * leg[k] for leg, sign in legs) * m_n for k in ("delta", "gamma", "vega", "theta")}
        mark = -sum(sign * leg["price"] for leg, sign in legs)  # debit to close, per share
        wing = max(d(p["shortPut"]) - d(p["longPut"]), d(p["longCall"]) - d(p["shortCall"]))
        mp_, ml = d(p["credit"]) * m_n, (wing - d(p["credit"])) * m_n
        # SPEC 3.2: a wing not wider than the credit never loses on that side: no break-even.
        C = d(p["credit"])
        lower = None if d(p["shortPut"]) - d(p["longPut"]) <= C else d(p["shortPut"]) - C
        upper = None if d(p["longCall"]) - d(p["shortCall"]) <= C else d(p["shortCall"]) + C
        out["positions"].append(
            dict(label=p["label"], dte=dte, **g, close=mark * m_n, maxProfit=mp_, maxLoss=ml, lower=lower, upper=upper)
        )
        for k in ("delta", "gamma", "vega", "theta"):
            tot[k] += g[k]
        tot["close"] += mark * m_n
        tot["maxProfit"] += mp_
        tot["maxLoss"] += ml
    out.update(tot)

    book = lambda S: sum(payoff(p, S) for p in positions)
    strikes = sorted({d(p[k]) for p in positions for k in ("longPut", "shortPut", "shortCall", "longCall")})
    out["pnlAtStrike"] = {key(k): book(k) for k in strikes}
    out["pnlFarLeft"], out["pnlFarRight"] = book(strikes[0] - 1000), book(strikes[-1] + 1000)
    out["pnlAtSpot"] = book(spot)
    values = [book(k) for k in strikes] + [out["pnlFarLeft"], out["pnlFarRight"]]
    out["worst"], out["best"] = min(values), max(values)
    if len(positions) == 1:
        out["lowerBE"], out["upperBE"] = out["positions"][0]["lower"], out["positions"][0]["upper"]
    else:
        grid = [strikes[0] - 1000] + strikes + [strikes[-1] + 1000]
        roots = []
        for a, b in zip(grid, grid[1:]):
            fa, fb = book(a), book(b)
            if (fa < 0) != (fb < 0):
                roots.append((bisect(book, a, b), fa < 0))
        ups = [x for x, up in roots if up]
        downs = [x for x, up in roots if not up]
        out["lowerBE"] = min(ups) if ups else None
        out["upperBE"] = max(downs) if downs else None

    theta_, step, per, cap = d(st["threshold"]), d(st["step"]), d(st["perLayer"]), d(st["cap"])
    days, bias = d(st["annualDays"]), d(st["bias"])
    edr = bias * vix / sqrt(days)
    layers = 0 if edr < theta_ and abs(edr - theta_) > mpf("1e-25") else int(decimal_floor((edr - theta_) / step)) + 1
    coverage = min(layers * per, cap)
    out.update(edr=edr, layers=layers, coverage=coverage, expectedMove=spot * vix / 100 * sqrt(1 / days))

    hedge_expiry = sc["reference"]["hedgeExpiry"]
    hedge_days = max(hedge_expiry + VIX_SETTLEMENT - at, 0)
    # SPEC 3.7: the quoted future when entered, else theta + (VIX - theta) e^(-kappa tau); beta
    # e^(-kappa tau) unless the trader set one.
    kappa, long_run = d(st["kappa"]), d(st["longRunVix"])
    decay = exp(-kappa * hedge_days / 365)
    estimated = "vixFuture" not in sc["market"]
    future = long_run + (vix - long_run) * decay if estimated else d(sc["market"]["vixFuture"])
    beta = d(st["beta"]) if "beta" in st else decay
    out.update(future=future, futureEstimated=estimated, beta=beta)
    if st["instrument"] == "call":
        strike = d(st["callStrike"]) if "callStrike" in st else ceil(future)
        call = black76_call(future, strike, hedge_days / 365, st["callVol"], r)
        hedge_delta, mult, unit = call["delta"], 100, call["price"]
        out["call"] = dict(strike=strike, price=call["price"], delta=call["delta"])
    else:
        hedge_delta, mult, unit = mpf(1), 1000, future - vix
    out.update(hedgeExpiry=hedge_expiry, hedgeDays=hedge_days, hedgeDelta=hedge_delta, multiplier=mult, unitCost=unit)

    exp_ml = tot["maxLoss"] / d(st["vixRise"])
    exp_vega = -tot["vega"]
    exposure = exp_vega if st["exposureMethod"] == "vega" else exp_ml
    # SPEC 3.5 direction: a book that gains on a VIX rise is sized on 0.
    sized = max(exposure, 0)
    denom = beta * hedge_delta * mult
    contracts = coverage * sized / denom
    cap_exact = cap * sized / denom

    def whole(x):
        """SPEC 3.5: rounded in the chosen mode, never above floor(cap contracts); 0 stays 0."""
        if x == 0:
            return 0
        if st["rounding"] == "up":
            w = int(decimal_ceil(x))
        elif st["rounding"] == "down":
            w = int(decimal_floor(x))
        else:
            w = int(nint(x)) if abs(x - nint(x)) < mpf("1e-25") else int(floor(x + mpf("0.5")))
        return min(w, int(decimal_floor(cap_exact)))

    def held(w):
        return w * denom / sized if sized else mpf(0)

    w_now = whole(contracts)
    out.update(exposureMaxLoss=exp_ml, exposureVega=exp_vega, exposure=exposure, hedgedExposure=sized,
               capContracts=cap_exact, contracts=contracts, whole=w_now, heldCoverage=held(w_now))
    rows = []
    count = int(decimal_ceil(cap / per))
    for k in range(1, count + 1):
        trigger = theta_ + (k - 1) * step
        cum, prev = min(k * per, cap), min((k - 1) * per, cap)
        exact = cum * sized / denom
        w = whole(exact)
        vix_trigger = trigger * sqrt(days) / bias
        rows.append(dict(layer=k, edrTrigger=trigger, vixTrigger=decimal_ceil(vix_trigger * 100) / 100,
                         vixTriggerExact=vix_trigger, cumulative=cum, added=cum - prev,
                         exact=exact, whole=w, held=held(w), cost=w * unit * mult,
                         status="active" if k <= layers else "next" if k == layers + 1 else ""))
    out["rows"] = rows
    return out


# No beta: by default it is e^(-kappa tau) of the hedge month's future (SPEC 3.7).
DEFAULTS = dict(threshold=0.9, step=0.05, perLayer=0.25, cap=0.6, instrument="future", vixRise=10, rounding="up",
                exposureMethod="maxLoss", callVol=0.9, rate=0, annualDays=252, bias=1, kappa=5.9, longRunVix=19.4)

P1 = dict(label="SPX Mar 5550/5850", expiry=45737, longPut=5500, shortPut=5550, shortCall=5850, longCall=5900, credit=12.35,
          contracts=2, entryDate=45700, impliedVol=0.16, notes="")
P2 = dict(label="SPX Apr 5400/6000", expiry=45764, longPut=5350, shortPut=5400, shortCall=6000, longCall=6075, credit=18.4,
          contracts=3, entryDate=None, impliedVol=0.155, notes="wider call wing")
P3 = dict(label="=SUM(A1)", expiry=45793, longPut=5200, shortPut=5300, shortCall=6100, longCall=6200, credit=21.0,
          contracts=1, entryDate=None, impliedVol=0.17, notes="+x -x @x")
# Issue 14's worked example: SPX 6000, 5850/5900/6100/6150, credit 15, 5 lots.
WORKED = dict(label="Worked 5900/6100", expiry=45737, longPut=5850, shortPut=5900, shortCall=6100, longCall=6150,
              credit=15, contracts=5, entryDate=None, impliedVol=0.16, notes="")
# A broken call wing: 6100/6125 with a credit of 30 never loses above 6100 (SPEC 3.2).
BROKEN = dict(label="Broken call wing", expiry=45737, longPut=5800, shortPut=5900, shortCall=6100, longCall=6125,
              credit=30, contracts=1, entryDate=None, impliedVol=0.16, notes="")
WIDE = dict(label="Boundary", expiry=45737, longPut=5450, shortPut=5500, shortCall=5900, longCall=5950, credit=10,
            contracts=12, entryDate=None, impliedVol=0.16, notes="")

SCENARIOS = [
    dict(name="single position, VIX future", positions=[P1, P2], scope=dict(kind="position", label=P1["label"]),
         settings={}, market=dict(spot=5712.5, vix=18.0), computedAt=45707.4375,
         reference=dict(hedgeExpiry=45763)),
    dict(name="book of three, VIX call, vega method", positions=[P1, P2, P3], scope=dict(kind="book"),
         settings=dict(instrument="call", exposureMethod="vega", rounding="nearest", beta=0.8, callVol=0.95, rate=0.04),
         market=dict(spot=5712.5, vix=21.3, vixFuture=22.15), computedAt=45707.4375,
         reference=dict(hedgeExpiry=45798)),
    # annualDays 256 makes sqrt(annualDays) exactly 16, so VIX 15.2 and 16 sit exactly on a layer boundary.
    dict(name="EDR exactly 0.95 (two layers) and 4 whole contracts", positions=[WIDE], scope=dict(kind="book"),
         settings=dict(annualDays=256, beta=0.6), market=dict(spot=5700, vix=15.2), computedAt=45707.5,
         reference=dict(hedgeExpiry=45763)),
    dict(name="EDR exactly 1.00 (three layers)", positions=[WIDE], scope=dict(kind="book"),
         settings=dict(annualDays=256, beta=0.6, rounding="down"), market=dict(spot=5700, vix=16), computedAt=45707.5,
         reference=dict(hedgeExpiry=45763)),
    # Hedge expiry 2025-04-16 from Cboe's 2025 calendar (after the condor's 2025-03-21 expiry).
    dict(name="worked example: VIX 18, estimated future", positions=[WORKED], scope=dict(kind="book"),
         settings={}, market=dict(spot=6000, vix=18), computedAt=45707.4375, reference=dict(hedgeExpiry=45763)),
    dict(name="worked example, beta 1: the cap holds layer 3 at 1", positions=[WORKED], scope=dict(kind="book"),
         settings=dict(beta=1), market=dict(spot=6000, vix=18), computedAt=45707.4375,
         reference=dict(hedgeExpiry=45763)),
    dict(name="one lot: the cap allows no contract", positions=[dict(WORKED, contracts=1)], scope=dict(kind="book"),
         settings=dict(beta=1), market=dict(spot=6000, vix=18, vixFuture=19.5), computedAt=45707.4375,
         reference=dict(hedgeExpiry=45763)),
    dict(name="broken call wing, backwardation", positions=[BROKEN], scope=dict(kind="book"),
         settings={}, market=dict(spot=6000, vix=30, vixFuture=26), computedAt=45707.4375,
         reference=dict(hedgeExpiry=45763)),
    dict(name="breached above the long call: positive vega, no hedge", positions=[WORKED], scope=dict(kind="book"),
         settings=dict(exposureMethod="vega"), market=dict(spot=6300, vix=18), computedAt=45707.4375,
         reference=dict(hedgeExpiry=45763)),
    dict(name="below the threshold", positions=[WIDE], scope=dict(kind="book"),
         settings=dict(annualDays=256), market=dict(spot=5700, vix=14), computedAt=45707.5,
         reference=dict(hedgeExpiry=45763)),
]


def plain(x):
    if isinstance(x, dict):
        return {k: plain(v) for k, v in x.items()}
    if isinstance(x, list):
        return [plain(v) for v in x]
    if isinstance(x, type(mpf(0))):
        return float(x)
    return x


print(json.dumps([plain(dict(**sc, expected=figures(sc))) for sc in SCENARIOS], indent=1))
