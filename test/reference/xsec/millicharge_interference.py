#!/usr/bin/env python3
"""Milli-charge / weak interference in anti-nu_e e scattering, computed independently of lib/.

Run from anywhere:  python3 test/reference/xsec/millicharge_interference.py
Writes millicharge_interference.json next to this script (standard library only).

Route (different from lib/xsec/millicharge.ts, which expands in g_V/g_A): the chiral form of the
anti-nu_e e cross section ('t Hooft, PLB 37 (1971) 195; Vogel and Engel, PRD 39 (1989) 3378),
  dsigma/dT = (2 G_F^2 m_e / pi) [ g_R^2 + g_L^2 (1-T/E)^2 - g_L g_R m_e T / E^2 ],
g_L = 1/2 + s, g_R = s, with the photon exchange of a neutrino charge q (units of e) added to the
electron's vector coupling: g_V -> g_V + d, i.e. g_L -> g_L + d/2 and g_R -> g_R + d/2, with
  d = -sqrt(2) pi alpha q / (G_F m_e T)
(the pole of the charge form factor, Giunti and Studenikin, RMP 87 (2015) 531). The pure term is
the Rutherford-like 2 pi alpha^2 q^2/(m_e T^2)[1 - T/E + T^2/2E^2 - m_e T/2E^2], and the
interference is total - weak - pure, found by finite differences in q (even/odd parts), not by
the closed form of lib/.
"""
import json
import math
import os

HERE = os.path.dirname(os.path.abspath(__file__))

GF = 1.1663787e-11  # MeV^-2 (PDG)
ME = 0.51099895  # MeV
ALPHA = 1 / 137.035999084
HBARC = 1.973269804e-11  # MeV cm
S = 0.23121  # sin^2 theta_W, MS-bar at M_Z (the project's default)


def chiral_anti(e, t, gl, gr):
    return 2 * GF**2 * ME / math.pi * (gr**2 + gl**2 * (1 - t / e) ** 2 - gl * gr * ME * t / e**2) * HBARC**2


def total(e, t, q):
    d = -math.sqrt(2) * math.pi * ALPHA * q / (GF * ME * t)
    return chiral_anti(e, t, 0.5 + S + d / 2, S + d / 2)


def pure(e, t, q):
    return 2 * math.pi * ALPHA**2 * q**2 / (ME * t**2) * (1 - t / e + t**2 / (2 * e**2) - ME * t / (2 * e**2)) * HBARC**2


def parts(e, t, q):
    """Odd and even parts in q of total(q) - total(0): interference and pure term."""
    w = total(e, t, 0.0)
    odd = (total(e, t, q) - total(e, t, -q)) / 2
    even = (total(e, t, q) + total(e, t, -q)) / 2 - w
    return odd, even


rows = []
for e in (1.0, 2.0, 4.0):
    for t_kev, q in ((0.3, 1e-12), (3.0, 3e-12), (10.0, 3e-12), (1.0, -2e-12)):
        t = t_kev * 1e-3
        odd, even = parts(e, t, q)
        rows.append({"eNuMeV": e, "tKeV": t_kev, "deltaQ_e": q, "interference": odd, "pure": even, "pureRutherford": pure(e, t, q), "weak": total(e, t, 0.0), "ratio": odd / even})

# T << E closed form of the ratio: -2 g_V T / (k q), k = sqrt(2) pi alpha / (G_F m_e).
k = math.sqrt(2) * math.pi * ALPHA / (GF * ME)
limit = {f"{t}keV_{q}": -2 * (0.5 + 2 * S) * t * 1e-3 / (k * q) for t, q in ((0.3, 1e-12), (3.0, 3e-12), (10.0, 3e-12))}

out = {"sin2ThetaW": S, "kMeV": k, "rows": rows, "ratioTllE": limit}
with open(os.path.join(HERE, "millicharge_interference.json"), "w") as f:
    json.dump(out, f, indent=1)
for r in rows:
    print(f"E={r['eNuMeV']} T={r['tKeV']} keV q={r['deltaQ_e']:.0e}: interference/pure = {r['ratio']:+.4f}, pure/Rutherford = {r['pure'] / r['pureRutherford']:.9f}")
print(limit)
