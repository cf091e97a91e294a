"""Reference Feldman-Cousins intervals for a unit Gaussian with mu >= 0 (PRD 57 (1998) 3873, Sec. IV.B).

Independent of the library's grid construction: here the acceptance interval of each mu is solved
in closed form. The likelihood-ratio ordering accepts {x : ln R(x) >= c}, with
ln R = -(x - mu)^2/2 for x >= 0 and x mu - mu^2/2 for x < 0, so for a threshold c < 0:
  x2 = mu + sqrt(-2c);  x1 = mu - sqrt(-2c) if that is >= 0, else (c + mu^2/2)/mu,
and c solves Phi(x2 - mu) - Phi(x1 - mu) = CL (scipy brentq). The interval for an observed x0 is
{mu : x1(mu) <= x0 <= x2(mu)}, its ends again by brentq.

Run: python3 feldman_cousins.py > feldman_cousins.json
"""
import json
import math

from scipy.optimize import brentq
from scipy.stats import norm


def acceptance(mu, cl):
    if mu == 0:
        return -math.inf, norm.ppf(cl)

    def ends(c):
        r = math.sqrt(-2 * c)
        x2 = mu + r
        x1 = mu - r if mu - r >= 0 else (c + mu * mu / 2) / mu
        return x1, x2

    def coverage(c):
        x1, x2 = ends(c)
        return norm.cdf(x2 - mu) - norm.cdf(x1 - mu) - cl

    c = brentq(coverage, -200.0, -1e-14, xtol=1e-15, rtol=1e-15, maxiter=500)
    return ends(c)


def interval(x0, cl):
    up = brentq(lambda mu: acceptance(mu, cl)[0] - x0, 1e-9, max(x0, 0) + 10, xtol=1e-12)
    lo = 0.0
    if acceptance(0, cl)[1] < x0:
        lo = brentq(lambda mu: acceptance(mu, cl)[1] - x0, 1e-9, x0, xtol=1e-12)
    return lo, up


out = {"source": "feldman_cousins.py (scipy " + __import__("scipy").__version__ + ")", "rows": []}
for cl in (0.9, 0.95):
    for k in range(-30, 31):
        x0 = k / 10
        lo, up = interval(x0, cl)
        out["rows"].append({"cl": cl, "x": x0, "lower": round(lo, 6), "upper": round(up, 6)})
print(json.dumps(out, indent=1))
