#!/usr/bin/env python3
"""Reference numbers for test/xsec and test/detector, computed independently of lib/ with numpy/scipy.

Run from anywhere:  python3 test/reference/xsec/make_reference.py
Writes reference.json next to this script. Formulas are re-typed from the papers (not from lib/),
constants are CODATA 2018 / PDG, and the tables are read from data/germanium/.
Where lib/ uses a closed form, this script uses a different route (numerical integration, the
generic g_V/g_A formula, scipy splines, root finding, numerical derivatives).
"""
import json
import math
import os

import numpy as np
from scipy import integrate, optimize, special
from scipy.interpolate import CubicSpline

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "..", "..", "data", "germanium")

# Constants (PDG / CODATA 2018)
GF = 1.1663787e-11  # MeV^-2
ME = 0.51099895  # MeV
ALPHA = 1 / 137.035999084
HBARC = 1.973269804e-11  # MeV cm
R0 = 2.8179403262e-13  # cm
AMU = 931.49410242  # MeV
NA = 6.02214076e23
HC2 = HBARC**2
A_GE = 72.630
Z_GE = 32


def tmax(e, m=ME):
    return 2 * e * e / (m + 2 * e)


# --- nu-e scattering through generic vector/axial couplings (Vogel-Engel form) ---
def ds_generic(e, t, gv, ga, anti):
    """(G^2 m/2pi)[(gv+ga)^2 + (gv-ga)^2 (1-T/E)^2 - (gv^2-ga^2) m T/E^2], ga -> -ga for antineutrinos.
    G is the contact coupling in units of G_F (returned in MeV^-3 per G_F^2)."""
    if t <= 0 or t > tmax(e):
        return 0.0
    if anti:
        ga = -ga
    return (ME / (2 * math.pi)) * ((gv + ga) ** 2 + (gv - ga) ** 2 * (1 - t / e) ** 2 - (gv * gv - ga * ga) * ME * t / e**2)


def weak(e, t, s):
    # nu_e-bar e: g_V = 1/2 + 2s, g_A = 1/2 (NC + CC)
    return GF**2 * ds_generic(e, t, 0.5 + 2 * s, 0.5, True) * HC2


def magnetic_fe(e, t, mu):
    if t <= 0 or t > tmax(e):
        return 0.0
    return math.pi * R0**2 * mu**2 * (1 / t - 1 / e)


def millicharge_fe(e, t, dq):
    # photon exchange as a T-dependent vector contact coupling: G_F g_V / sqrt(2) = e^2 dq / (2 Q^2),
    # Q^2 = 2 m_e T, e^2 = 4 pi alpha  =>  (G g_V)^2 = 2 (4 pi alpha dq / (2 * 2 m_e T))^2
    geff2 = 2 * (4 * math.pi * ALPHA * dq / (4 * ME * t)) ** 2
    return geff2 * ds_generic(e, t, 1.0, 0.0, True) * HC2


# --- photoabsorption ---
def read_csv(name):
    rows = [l.strip() for l in open(os.path.join(DATA, name)) if l.strip() and not l.startswith("#")]
    return np.array([[float(x) for x in r.split(",")] for r in rows[1:]])


elam = read_csv("ge_photoabsorption_elam.csv")
kissel = read_csv("ge_photoabsorption_kissel.csv")
CM2G_TO_CM2ATOM = A_GE / NA


def segments(e):
    cuts = [i + 1 for i in range(len(e) - 1) if e[i + 1] == e[i]]
    starts = [0] + cuts
    ends = cuts + [len(e)]
    return list(zip(starts, ends))


ELAM_SEGS = segments(elam[:, 0])


def elam_cm2g(ekev, kind="spline"):
    e, s = elam[:, 0], elam[:, 1]
    for a, b in reversed(ELAM_SEGS):
        if e[a] <= ekev:
            x, y = np.log(e[a:b]), np.log(s[a:b])
            if kind == "linear" or b - a < 3:
                return float(np.exp(np.interp(math.log(ekev), x, y)))
            return float(np.exp(CubicSpline(x, y, bc_type="natural")(math.log(ekev))))
    return float("nan")


def kissel_barn(ekev):
    return float(np.exp(np.interp(math.log(ekev), np.log(kissel[:, 0]), np.log(kissel[:, 1]))))


def sigma_gamma_cm2(tmev):
    return elam_cm2g(tmev * 1e3) * CM2G_TO_CM2ATOM


def epa(e, t, mu):
    # GEMMA (11): (r0^2/(pi alpha)) mu^2 (E^2/T) sigma_gamma with r0 -> r0/(hbar c)
    if t <= 0 or t > tmax(e):
        return 0.0
    return (R0 / HBARC) ** 2 / (math.pi * ALPHA) * mu**2 * e * e / t * sigma_gamma_cm2(t)


# --- shells ---
SHELLS_BOOKLET = [(2, 11103), (2, 1414.6), (2, 1248.1), (4, 1217.0), (2, 180.1), (2, 124.9), (4, 120.8), (4, 29.8), (6, 29.2), (4, 5.0)]


def active(tev):
    return sum(n for n, b in SHELLS_BOOKLET if tev >= b)


# --- CEvNS ---
ISOTOPES = [  # (A, abundance, atomic mass u): NIST abundances, AME2016 masses
    (70, 0.2057, 69.92424875),
    (72, 0.2745, 71.922075826),
    (73, 0.0775, 72.923458956),
    (74, 0.3650, 73.921177761),
    (76, 0.0773, 75.921402726),
]
HBARC_FM = 197.3269804


def helm(q, a):
    s = 0.9
    c = 1.23 * a ** (1 / 3) - 0.60
    rn = math.sqrt(c * c + 7 / 3 * math.pi**2 * 0.52**2 - 5 * s * s)
    x = q * rn / HBARC_FM
    return 3 * special.spherical_jn(1, x) / x * math.exp(-((q * s / HBARC_FM) ** 2) / 2)


def cevns_iso(e, t, a, m_u, s, ff):
    m = m_u * AMU - Z_GE * ME
    if t <= 0 or t > tmax(e, m):
        return 0.0
    qw = (a - Z_GE) - (1 - 4 * s) * Z_GE
    f2 = helm(math.sqrt(2 * m * t), a) ** 2 if ff else 1.0
    return GF**2 * m / (4 * math.pi) * qw**2 * (1 - m * t / (2 * e * e)) * f2 * HC2


def cevns(e, t, s, ff=False):
    return sum(ab * cevns_iso(e, t, a, mu, s, ff) for a, ab, mu in ISOTOPES)


def lindhard_f(er_mev, k=0.157, z=32):
    eps = 11.5 * z ** (-7 / 3) * er_mev * 1e3
    g = 3 * eps**0.15 + 0.7 * eps**0.6 + eps
    return k * g / (1 + k * g)


def eee(er):
    return lindhard_f(er) * er


# --- folding reference: flat-top spectrum on [a, b] with energy-dependent sigma, by quadrature ---
def fold_box(eprime, a, b, sigma0, fano, w):
    def integrand(e):
        s = math.sqrt(sigma0**2 + fano * w * e)
        return math.exp(-0.5 * ((eprime - e) / s) ** 2) / (s * math.sqrt(2 * math.pi))

    val, _ = integrate.quad(integrand, a, b, epsabs=0, epsrel=1e-12, limit=200)
    return val


def main():
    ref = {}
    s = 0.2312
    ref["weak"] = [
        {"eNuMeV": e, "tMeV": t, "sin2": s2, "value": weak(e, t, s2)}
        for (e, t, s2) in [(1.0, 0.01, s), (2.0, 0.001, s), (3.0, 0.5, 0.23867), (0.5, 0.2, s), (8.0, 7.0, s)]
    ]
    ref["magneticFE"] = [{"eNuMeV": e, "tMeV": t, "mu": 1e-10, "value": magnetic_fe(e, t, 1e-10)} for (e, t) in [(1.0, 0.01), (2.0, 0.001), (0.5, 0.3)]]
    ref["millichargeFE"] = [
        {"eNuMeV": e, "tMeV": t, "deltaQ": 1e-12, "value": millicharge_fe(e, t, 1e-12)} for (e, t) in [(1.0, 0.001), (2.0, 1e-4), (1.0, 0.5), (4.0, 3.0)]
    ]
    ref["elam_cm2PerG"] = [{"keV": k, "spline": elam_cm2g(k), "linear": elam_cm2g(k, "linear")} for k in [0.15, 0.5, 1.0, 1.2, 1.5, 2, 3, 5, 8.5, 10, 11.0, 12, 20, 50, 400]]
    ref["kissel_barnPerAtom"] = [{"keV": k, "value": kissel_barn(k)} for k in [0.01, 0.1, 1.0, 1.5, 3.0, 10.0, 12.0, 100.0]]
    ref["epa"] = [{"eNuMeV": e, "tMeV": t, "mu": 1e-11, "value": epa(e, t, 1e-11)} for (e, t) in [(1.0, 0.001), (2.0, 0.002), (3.0, 0.005), (2.0, 0.012)]]
    ref["activeElectrons"] = [{"eV": t, "n": active(t)} for t in [3, 10, 29.5, 100, 122, 150, 500, 1230, 1300, 2000, 12000]]
    e = 3.0
    ref["cevns"] = [
        {"eNuMeV": e, "tMeV": t, "sin2": s, "none": cevns(e, t, s), "helm": cevns(e, t, s, True)} for (e, t) in [(3.0, 1e-5), (3.0, 1e-4), (8.0, 1e-3), (8.0, 1.8e-3)]
    ]
    # total CEvNS cross section at E = 5 MeV by quadrature (no form factor)
    tot = 0.0
    for a, ab, mu in ISOTOPES:
        m = mu * AMU - Z_GE * ME
        val, _ = integrate.quad(lambda t: cevns_iso(5.0, t, a, mu, s, False), 0, tmax(5.0, m), epsrel=1e-12)
        tot += ab * val
    ref["cevnsTotal5MeV_cm2"] = tot
    ref["lindhard"] = [{"recoilMeV": er, "f": lindhard_f(er)} for er in [1e-4, 1e-3, 1e-2, 5e-2]]
    # inverse and Jacobian: brentq and a centred difference
    ref["lindhardInverse"] = []
    for ee in [1e-4, 5e-4, 2e-3]:
        er = optimize.brentq(lambda x: eee(x) - ee, ee, 20 * ee, xtol=1e-18, rtol=1e-14)
        h = er * 1e-5
        jac = (eee(er + h) - eee(er - h)) / (2 * h)
        ref["lindhardInverse"].append({"eeMeV": ee, "recoilMeV": er, "jacobian": jac})
    ref["chargeRadiusShift_perCm2"] = math.sqrt(2) * math.pi * ALPHA / (3 * GF * HC2)
    sig0, fano, w = 50e-6, 0.1, 2.96e-6
    ref["foldBox"] = {
        "a": 2e-3,
        "b": 4e-3,
        "sigma0MeV": sig0,
        "fano": fano,
        "pairMeV": w,
        "points": [{"eMeV": x, "value": fold_box(x, 2e-3, 4e-3, sig0, fano, w)} for x in [1.8e-3, 1.95e-3, 2e-3, 2.05e-3, 3e-3, 3.98e-3, 4.1e-3]],
    }
    with open(os.path.join(HERE, "reference.json"), "w") as f:
        json.dump(ref, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
