"""Reference cubic splines from scipy for the fit stage (lib/fit/naturalSpline.ts, smoothingSpline.ts).

- Natural cubic spline interpolation: scipy.interpolate.CubicSpline(bc_type="natural").
- Smoothing spline: scipy.interpolate.make_smoothing_spline(x, y, w, lam), which minimises
  sum_i w_i (y_i - f(x_i))^2 + lam int f''(u)^2 du (weights not squared): our objective with
  w_i = 1 / variance_i. With lam=None scipy picks lam by GCV (Wahba 1990; unweighted residuals,
  so we compare the GCV choice only for equal weights).

Data: fixed, written into the JSON so that the tests use exactly these numbers.
Run: python3 smoothing_spline.py > smoothing_spline.json
"""
import json

import numpy as np
import scipy
from scipy.interpolate import CubicSpline, make_smoothing_spline

rng = np.random.RandomState(3)
n = 40
x = np.cumsum(0.5 + rng.random_sample(n))  # unequal spacing
truth = 3 * np.exp(-x / 6) + 1 + 0.02 * x
sigma = 0.05 + 0.05 * rng.random_sample(n)
y = truth + sigma * rng.standard_normal(n)

knots = x[:8]
vals = y[:8]
query = np.linspace(knots[0], knots[-1], 15)
cs = CubicSpline(knots, vals, bc_type="natural")

w = 1 / sigma**2
out = {
    "source": "smoothing_spline.py (scipy " + scipy.__version__ + ")",
    "x": x.tolist(),
    "y": y.tolist(),
    "sigma": sigma.tolist(),
    "natural": {"knots": knots.tolist(), "values": vals.tolist(), "query": query.tolist(), "spline": cs(query).tolist()},
    "weighted": [],
}
for lam in (0.5, 20.0, 1000.0):
    f = make_smoothing_spline(x, y, w=w, lam=lam)
    out["weighted"].append({"lam": lam, "fitted": f(x).tolist()})
g = make_smoothing_spline(x, y)  # equal weights, lam by GCV
out["gcvEqualWeights"] = {"fitted": g(x).tolist()}
print(json.dumps(out, indent=1))
