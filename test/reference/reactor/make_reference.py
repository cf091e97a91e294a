"""Reference numbers for test/reactor, computed independently of the TypeScript code.

Run from the project root:  python3 test/reference/reactor/make_reference.py
Writes test/reference/reactor/reference_numbers.json. Needs numpy and scipy.

Independent of lib/reactor: the spectrum coefficients are typed in here from the papers
(Huber PRC 84 024617 (2011) Table III, Mueller et al. PRC 83 054615 (2011) Table VI,
Vogel and Engel PRD 39 3378 (1989) Table 1), integrals use scipy.integrate.quad (adaptive
Gauss-Kronrod), the Fermi function uses scipy.special.loggamma of a complex argument.
"""
import json
import math
import os

import numpy as np
from scipy import integrate, special

COEFFS = {
    "huber/U235": [4.367, -4.577, 2.100, -0.5294, 0.06186, -0.002777],
    "huber/Pu239": [4.757, -5.392, 2.563, -0.6596, 0.07820, -0.003536],
    "huber/Pu241": [2.990, -2.882, 1.278, -0.3343, 0.03905, -0.001754],
    "mueller/U238": [0.4833, 0.1927, -0.1283, -0.006762, 0.002233, -0.0001536],
    "vogel-engel/U235": [0.870, -0.160, -0.0910],
    "vogel-engel/U238": [0.976, -0.162, -0.0790],
    "vogel-engel/Pu239": [0.896, -0.239, -0.0981],
    "vogel-engel/Pu241": [0.793, -0.080, -0.1085],
}


def spectrum(c, e):
    return math.exp(sum(a * e**k for k, a in enumerate(c)))


def quad(f, a, b):
    v, err = integrate.quad(f, a, b, epsabs=0, epsrel=1e-12, limit=200)
    return v


out = {"_comment": "made by test/reference/reactor/make_reference.py; do not edit by hand"}

# 1. Antineutrinos per fission in fixed energy windows (the fits alone).
windows = {"2-8": (2.0, 8.0), "1.8-8": (1.8, 8.0), "2-10": (2.0, 10.0), "0-2": (0.0, 2.0)}
out["fitIntegrals"] = {
    key: {w: quad(lambda e: spectrum(c, e), a, b) for w, (a, b) in windows.items()} for key, c in COEFFS.items()
}
out["fitValues"] = {key: {str(e): spectrum(c, e) for e in (2.0, 3.0, 5.0, 8.0)} for key, c in COEFFS.items()}
out["fitMeanEnergy2to8MeV"] = {
    key: quad(lambda e: e * spectrum(c, e), 2, 8) / quad(lambda e: spectrum(c, e), 2, 8) for key, c in COEFFS.items()
}

# 2. Fermi function F0(Z, W) (point nucleus at radius R), and allowed antineutrino spectra.
ALPHA = 1 / 137.035999084
ME = 0.51099895  # MeV
HBARC = 1.973269804e-11  # MeV cm
LAMBDA_E = HBARC / ME  # cm


def fermi(z, w, r_cm):
    g = math.sqrt(1 - (ALPHA * z) ** 2)
    p = math.sqrt(w * w - 1)
    eta = ALPHA * z * w / p
    rnat = r_cm / LAMBDA_E
    lnf = (
        math.log(2 * (1 + g))
        + (2 * g - 2) * math.log(2 * p * rnat)
        + math.pi * eta
        + 2 * special.loggamma(complex(g, eta)).real
        - 2 * special.gammaln(2 * g + 1)
    )
    return math.exp(lnf)


def radius_cm(a):
    return 1.2e-13 * a ** (1 / 3)


out["fermi"] = [
    {"z": z, "w": w, "a": a, "value": fermi(z, w, radius_cm(a))}
    for (z, a) in ((93, 239), (94, 239), (30, 70), (1, 3))
    for w in (1.01, 1.2, 2.0, 4.0)
]


def allowed(q, z, a):
    r = radius_cm(a)

    def un(e):
        if e <= 0 or e >= q:
            return 0.0
        w = 1 + (q - e) / ME
        p = math.sqrt(w * w - 1)
        return p * w * e * e * fermi(z, w, r)

    norm = quad(un, 0, q)
    mean = quad(lambda e: e * un(e), 0, q) / norm
    return {"q": q, "z": z, "a": a, "norm": norm, "meanEnergyMeV": mean,
            "values": {str(e): un(e) / norm for e in (0.1, 0.3, 0.6, 0.7)}}


out["allowed"] = {"U239": allowed(1.2617, 93, 239), "Np239": allowed(0.7226, 94, 239)}

# 3. Fission rate by hand: P / (Q_f * 1 MeV in J).
JOULE_PER_MEV = 1.602176634e-13
out["fissionRate3GW205MeV"] = 3e9 / (205 * JOULE_PER_MEV)
frac = {"U235": 0.564, "U238": 0.076, "Pu239": 0.304, "Pu241": 0.056}
qf = {"U235": 202.36, "U238": 205.99, "Pu239": 211.12, "Pu241": 214.26}
out["meanQDayaBayMa"] = sum(frac[i] * qf[i] for i in frac)

path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "reference_numbers.json")
with open(path, "w") as f:
    json.dump(out, f, indent=1, sort_keys=True)
    f.write("\n")
print("wrote", path)
