"""Reference upper limits by the GEMMA/PDG renormalisation (keep X >= 0, renormalise, CL quantile).

1. Gaussian x +- sigma, closed form X_up = x + sigma Phi^-1(1 - (1 - CL) Phi(x/sigma)) (scipy.stats.norm).
2. Curves with an X-proportional systematic evaluated at the hypothesis X,
   p(X) = exp(-(x - X)^2 / (2 s^2)) / s,  s^2 = dx^2 + (rel X)^2,
   their products (periods) and weighted sums of normalised products (analysis alternatives),
   integrated with scipy.integrate.quad (adaptive) and inverted with brentq: independent of the
   library's grid integration.

Run: python3 pdg_limits.py > pdg_limits.json
"""
import json
import math

import scipy
from scipy.integrate import quad
from scipy.optimize import brentq
from scipy.stats import norm


def gauss_limit(x, sigma, cl):
    return x + sigma * norm.ppf(1 - (1 - cl) * norm.cdf(x / sigma))


def curve(x, dx, rel):
    def p(X):
        s2 = dx * dx + (rel * X) ** 2
        return math.exp(-((x - X) ** 2) / (2 * s2)) / math.sqrt(s2)
    return p


def product(ps):
    return lambda X: math.prod(p(X) for p in ps)


def norm_total(p, lo, hi):
    return quad(p, lo, hi, limit=500, epsabs=0, epsrel=1e-12)[0]


def limit(p, cl, hi):
    total = norm_total(p, 0, hi)
    return brentq(lambda u: norm_total(p, 0, u) / total - cl, 1e-9, hi, xtol=1e-12)


out = {"source": "pdg_limits.py (scipy " + scipy.__version__ + ")", "gaussian": [], "curves": []}
for cl in (0.9, 0.95):
    for x in (-3.0, -1.0, 0.0, 0.5, 1.0, 2.0):
        out["gaussian"].append({"x": x, "sigma": 1.0, "cl": cl, "limit": gauss_limit(x, 1.0, cl)})
out["gaussian"].append({"x": 0.3, "sigma": 6.2, "cl": 0.9, "limit": gauss_limit(0.3, 6.2, 0.9)})

# Deep below zero: the lower-tail form x - sigma Phi^-1((1 - CL) Phi(x/sigma)) with scipy's ndtri,
# accurate for tiny probabilities; and ln Phi / Phi^-1 themselves.
out["tail"] = [
    {"x": x, "sigma": 1.0, "cl": 0.9, "limit": x - norm.ppf(0.1 * norm.cdf(x))} for x in (-8.0, -12.0, -20.0, -35.0)
]
out["logcdf"] = [{"z": z, "logcdf": float(norm.logcdf(z))} for z in (-5.0, -10.0, -29.0, -31.0, -40.0, -100.0)]
out["ppf"] = [{"p": p, "z": float(norm.ppf(p))} for p in (1e-10, 1e-16, 1e-20, 1e-100, 1e-300)]

cases = [
    {"name": "single, GEMMA-like", "alternatives": [{"weight": 1, "periods": [[0.0, 6.0]]}], "rel": 0.04},
    {"name": "single, large syst", "alternatives": [{"weight": 1, "periods": [[1.0, 1.0]]}], "rel": 0.3},
    {"name": "three periods", "alternatives": [{"weight": 1, "periods": [[-2.0, 9.0], [3.0, 11.0], [1.0, 14.0]]}], "rel": 0.04},
    {
        "name": "two alternatives, weights 2:1",
        "alternatives": [
            {"weight": 2, "periods": [[-2.0, 9.0], [3.0, 11.0]]},
            {"weight": 1, "periods": [[1.0, 10.0], [4.0, 12.0]]},
        ],
        "rel": 0.04,
    },
]
for c in cases:
    lo, hi = -150.0, 150.0
    prods = [product([curve(x, dx, c["rel"]) for x, dx in a["periods"]]) for a in c["alternatives"]]
    norms = [norm_total(p, lo, hi) for p in prods]
    wsum = sum(a["weight"] for a in c["alternatives"])

    def total(X, prods=prods, norms=norms, c=c, wsum=wsum):
        return sum(a["weight"] * p(X) / n for a, p, n in zip(c["alternatives"], prods, norms)) / wsum

    for cl in (0.9, 0.95):
        out["curves"].append({**c, "cl": cl, "limit": limit(total, cl, hi)})
print(json.dumps(out, indent=1))
