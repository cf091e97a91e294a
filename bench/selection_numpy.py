"""The GEMMA selection of lib/selection (GEMMA settings) in vectorised numpy, for the speed comparison
of bench/selection.bench.ts. Reads the columns that the bench exported as raw little-endian float64
files (pyarrow is not needed), runs pulser, bad runs, noble gas, noise, audio (both events of a pair,
live-time ledger), channel calibration, weights against the noise gradient, Fourier chi^2,
anticoincidence, the noble-gas template pass, the cut-flow counts and the E~ histogram with the line
tallies, checks the result against the TypeScript one (reference.json) and prints events/s.

usage: python3 bench/selection_numpy.py DIR
"""
import json
import sys
import time

import numpy as np
from scipy.special import gammainc

BLOCK_S = 3 * 3600.0
NG_LINES = [(81.0, 1.5, 3.0), (249.8, 1.5, 3.0), (1293.6, 2.5, 5.0)]  # energy, h, side-band width w = 2h
P_THRESHOLD = 1e-3
MIN_DT, PERIOD, TOL, NMAX = 0.08, 0.02, 1e-4, 50
K = 3.0
EDGES = np.round(np.linspace(2.0, 60.0, 291) * 1e9) / 1e9
LT_LINES = [(238.632, 2.0), (1173.228, 3.0), (1332.492, 3.0), (1460.82, 3.0)]
NGC_LINES = [(80.997, 1.5), (249.794, 2.0), (1293.64, 3.0)]


def veto_windows():
    raw = [(0.0, MIN_DT)] + [(max(0.0, n * PERIOD - TOL), n * PERIOD + TOL) for n in range(1, NMAX + 1)]
    raw.sort()
    s, e = [], []
    for a, b in raw:
        if s and a <= e[-1]:
            e[-1] = max(e[-1], b)
        else:
            s.append(a)
            e.append(b)
    return np.array(s), np.array(e)


VS, VE = veto_windows()
VMAX = VE[-1]
FULL = float(np.sum(VE - VS))


def poisson_upper(n, mu):
    out = np.where(n <= 0, 1.0, 0.0)
    ok = (n > 0) & (mu > 0)
    out[ok] = gammainc(n[ok], mu[ok])
    return out


def robust_var(x, cut=5.0):
    med = np.median(x)
    mad = 1.4826 * np.median(np.abs(x - med))
    y = x[np.abs(x - med) <= cut * mad]
    return np.var(y, ddof=1) if y.size > 1 else 0.0


def solve_noise(v12, v13, v23):
    s = np.array([(v12 + v13 - v23) / 2, (v12 + v23 - v13) / 2, (v13 + v23 - v12) / 2])
    return np.maximum(np.sqrt(np.maximum(s, 0)), 0.01)


def noise_cut(t, row, e3, active, run_active_ev, rlive, rdur):
    """Seconds with more than 5 active events above 2 keV; returns keep mask, live removed per row, removed (row, second) keys."""
    sec = np.floor(t)
    key = row * 10000 + sec
    count_mask = active & run_active_ev & (e3 > 2)
    uk, inv = np.unique(key, return_inverse=True)
    n = np.bincount(inv, weights=count_mask.astype(float), minlength=uk.size)
    bad = n > 5
    keep = ~(bad[inv] & active & run_active_ev)
    bk = uk[bad]
    brow = (bk // 10000).astype(np.int64)
    bsec = bk % 10000
    length = np.maximum(0, np.minimum(bsec + 1, rdur[brow]) - bsec)
    lost = np.bincount(brow, weights=length * rlive[brow] / rdur[brow], minlength=rlive.size)
    return keep, lost, bk


def union_pieces(tl, tr, has_l, has_r):
    """Union of (tL + V) and (tR - V) inside each gap: pieces (gap index, start, end) as arrays."""
    g = tr - tl
    nw = VS.size
    # after-windows of L
    a0 = tl[:, None] + VS[None, :]
    a1 = tl[:, None] + np.minimum(VE[None, :], g[:, None])
    va = has_l[:, None] & (VS[None, :] < g[:, None])
    b0 = tr[:, None] - np.minimum(VE[None, :], g[:, None])
    b1 = tr[:, None] - VS[None, :]
    vb = has_r[:, None] & (VS[None, :] < g[:, None])
    s = np.concatenate([a0, b0], axis=1)
    e = np.concatenate([a1, b1], axis=1)
    v = np.concatenate([va, vb], axis=1)
    s = np.where(v, s, np.inf)
    e = np.where(v, e, -np.inf)
    o = np.argsort(s, axis=1, kind="stable")
    s = np.take_along_axis(s, o, axis=1)
    e = np.take_along_axis(e, o, axis=1)
    cm = np.maximum.accumulate(e, axis=1)
    prev = np.concatenate([np.full((s.shape[0], 1), -np.inf), cm[:, :-1]], axis=1)
    start = np.maximum(s, prev)
    ok = np.isfinite(s) & (e > start)
    gi = np.nonzero(ok)
    return gi[0], start[ok], e[ok]


def _tables():
    """Vetoed measure of a gap g (one or both sides) at the window edges and their pairwise sums: piecewise linear in between."""
    edges = np.concatenate([VS, VE])
    out = {}
    for sides in (1, 2):
        pts = np.concatenate([[0.0, sides * VMAX], edges] + ([np.add.outer(edges, edges).ravel()] if sides == 2 else []))
        pts = np.unique(pts[pts <= sides * VMAX])
        g = pts[pts > 0]
        gi, ps, pe = union_pieces(np.zeros(g.size), g, np.ones(g.size, bool), np.full(g.size, sides == 2))
        y = np.zeros(pts.size)
        y[pts > 0] = np.bincount(gi, weights=pe - ps, minlength=g.size)
        out[sides] = (pts, y)
    return out


TABLES = _tables()


def audio_cut(t, row, pulser, active, run_active_row, rlive, rdur, dead_keys):
    """Both events of a vetoed pair; vetoed time of every gap between consecutive references (ledger)."""
    ref = (pulser == 0) & run_active_row[row]
    idx = np.nonzero(ref)[0]
    tr_, rr = t[idx], row[idx]
    same = rr[1:] == rr[:-1]
    dt = tr_[1:] - tr_[:-1]
    n = np.round(dt / PERIOD)
    vet = same & ((dt < MIN_DT) | ((n >= 1) & (n <= NMAX) & (np.abs(dt - n * PERIOD) <= TOL)))
    keep = np.ones(t.size, bool)
    later, earlier = idx[1:][vet], idx[:-1][vet]
    keep[later[active[later]]] = False
    keep[earlier[active[earlier]]] = False
    # Gaps: run start -> first ref, between refs of a run, last ref -> run end.
    first = np.r_[True, ~same]
    last = np.r_[~same, True]
    tl = np.concatenate([np.zeros(first.sum()), tr_[:-1][same], tr_[last]])
    tg = np.concatenate([tr_[first], tr_[1:][same], rdur[rr[last]]])
    hl = np.concatenate([np.zeros(first.sum(), bool), np.ones(same.sum(), bool), np.ones(last.sum(), bool)])
    hr = np.concatenate([np.ones(first.sum(), bool), np.ones(same.sum(), bool), np.zeros(last.sum(), bool)])
    grow = np.concatenate([rr[first], rr[1:][same], rr[last]])
    g = tg - tl
    sides = hl.astype(int) + hr.astype(int)
    lost_gap = np.zeros(g.size)
    # Gaps whose vetoed windows can meet a removed second (at most three seconds on each side).
    dk = np.sort(dead_keys)

    def is_dead(keys):
        i = np.searchsorted(dk, keys)
        return (i < dk.size) & (dk[np.minimum(i, dk.size - 1)] == keys) if dk.size else np.zeros(keys.size, bool)

    near_dead = np.zeros(g.size, bool)
    if dk.size:
        span = np.minimum(g, VMAX)
        for k in range(3):
            near_dead |= hl & is_dead(grow * 10000 + np.floor(tl) + k) & (np.floor(tl) + k < tl + span)
            near_dead |= hr & is_dead(grow * 10000 + np.floor(tg - span) + k) & (np.floor(tg - span) + k < tg)
    fast = (g >= sides * VMAX) & ~near_dead
    lost_gap[fast] = sides[fast] * FULL
    for k in (1, 2):
        m = ~fast & ~near_dead & (sides == k) & (g > 0)
        lost_gap[m] = np.interp(g[m], *TABLES[k])
    # A gap inside one removed second loses nothing more.
    inside = near_dead & (np.floor(tl) == np.floor(tg)) & is_dead(grow * 10000 + np.floor(tl)) if dk.size else near_dead & False
    slow = np.nonzero(near_dead & ~inside & (g > 0))[0]
    for c in range(0, slow.size, 4000):
        sl = slow[c : c + 4000]
        gi, ps, pe = union_pieces(tl[sl], tg[sl], hl[sl], hr[sl])
        length = pe - ps
        if dk.size:
            r = grow[sl][gi]
            for k in range(3):  # a piece (< 2.1 s) meets at most three seconds
                sec = np.floor(ps) + k
                hit = is_dead(r * 10000 + sec)
                length -= np.where(hit, np.maximum(0, np.minimum(pe, sec + 1) - np.maximum(ps, sec)), 0)
        lost_gap[sl] = np.bincount(gi, weights=length, minlength=sl.size)
    lost = np.bincount(grow, weights=lost_gap, minlength=rlive.size) * rlive / rdur
    return keep, lost


def line_tally(e, mask, lines):
    out = []
    for e0, h in lines:
        x = e[mask] - e0
        pk = np.count_nonzero((x >= -h) & (x < h))
        sd = np.count_nonzero(((x >= -2 * h) & (x < -h)) | ((x >= h) & (x < 2 * h)))
        out.append((pk, sd))
    return out


def select(c):
    t, row, e1, e2, e3 = c["time_s"], c["row"], c["e1_kev"], c["e2_kev"], c["e3_kev"]
    nai, veto, pulser = c["nai_kev"], c["veto"], c["pulser"]
    rlive0, rdur, start = c["runs_live_time_s"], c["runs_duration_s"], c["runs_start_utc"]
    nrun = rlive0.size
    removed = {}
    # pulser, bad runs
    active = pulser == 0
    removed["pulser"] = np.count_nonzero(~active)
    bad_run = (c["runs_ln2_fill"] > 0) | (c["runs_site_work"] > 0)
    run_active = ~bad_run
    live = np.where(run_active, rlive0, 0.0)
    ev_bad = bad_run[row]
    removed["bad-runs"] = np.count_nonzero(active & ev_bad)
    s1_active = active & ~ev_bad
    # calibration (runs not bad, first 50 000 samples as in lib/selection)
    cal_mask = ~ev_bad
    m = (e1 + e2 + e3) / 3
    gsel = np.nonzero(cal_mask & (pulser == 0) & (veto == 0) & (m >= 50) & (m <= 2900))[0][:50000]
    gm = np.array([np.median(e[gsel] / m[gsel]) for e in (e1, e2, e3)])
    gains = gm / ((gm[0] + gm[1] + gm[2]) / 3)
    psel = np.nonzero(cal_mask & (pulser == 1))[0][:50000]
    sig = solve_noise(robust_var(e1[psel] - e2[psel]), robust_var(e1[psel] - e3[psel]), robust_var(e2[psel] - e3[psel]))
    # noble gas (period reference, leave one out, anticoincidence spectrum of the calibrated E3)
    e3c = e3 * (1 / gains[2])
    t0 = start[np.nonzero(run_active)[0][0]]
    rblock = np.where(run_active, np.floor((start - t0) / BLOCK_S), -1).astype(np.int64)
    nb = rblock.max() + 1
    blive = np.bincount(rblock[run_active], weights=live[run_active], minlength=nb)
    anti = (veto == 0) & (nai <= 0)
    evb = rblock[row]
    flag_block = np.zeros(nb, bool)
    cnt_mask = s1_active & anti & (evb >= 0)
    for e0, h, w in NG_LINES:
        x = e3c - e0
        obs = np.bincount(evb[cnt_mask & (x >= -h) & (x < h)], minlength=nb).astype(float)
        flagged = np.zeros(nb, bool)
        for _ in range(20):
            refn, refl = obs[~flagged].sum(), blive[~flagged].sum()
            nn = refn - np.where(flagged, 0, obs)
            ll = refl - np.where(flagged, 0, blive)
            mu = np.where(ll > 0, nn / np.where(ll > 0, ll, 1) * blive, 0)
            new = poisson_upper(obs, mu) < P_THRESHOLD
            if np.array_equal(new, flagged):
                break
            flagged = new
        flag_block |= flagged
    ng_run = run_active & (rblock >= 0) & flag_block[np.maximum(rblock, 0)]
    removed["noble-gas"] = np.count_nonzero(s1_active & ng_run[row])
    live_s1 = live.copy()
    live = np.where(ng_run, 0.0, live)
    run_active2 = run_active & ~ng_run
    s2_active = s1_active & ~ng_run[row]

    def event_cuts(act, ract, lv, w=None):
        keep_n, lost_n, dead = noise_cut(t, row, e3, act, ract[row], rlive0, rdur)
        lost_n = np.minimum(np.where(ract, lost_n, 0), lv)
        a3 = act & keep_n
        lv3 = lv - lost_n
        keep_a, lost_a = audio_cut(t, row, pulser, a3, ract, rlive0, rdur, dead)
        lost_a = np.minimum(np.where(ract, lost_a, 0), lv3)
        a4 = a3 & keep_a
        x = np.stack([e1 * (1 / gains[0]), e2 * (1 / gains[1]), e3 * (1 / gains[2])])
        v = sig**2
        wv = 1 / v
        est = (wv[:, None] * x).sum(0) / wv.sum()
        chi2 = (wv[:, None] * (x - est) ** 2).sum(0)
        if w is None:
            mean = x.mean(0)
            sel = a4 & (mean < 5) & (chi2 > K * K)
            xs = x[:, sel]
            mm = xs @ xs.T / xs.shape[1]
            val, vec = np.linalg.eigh(mm)
            nvec = vec[:, -1] * (1 if vec[:, -1].sum() >= 0 else -1)
            s_ = nvec.sum()
            p = 1 - s_ * nvec
            w = p / p.sum()
        ecomb = w[0] * x[0] + w[1] * x[1] + w[2] * x[2]
        a5 = a4 & (chi2 <= K * K)
        a6 = a5 & anti
        return dict(a3=a3, a4=a4, a5=a5, a6=a6, w=w, e=ecomb, live=lv3 - lost_a)

    main = event_cuts(s2_active, run_active2, live)
    # the noble-gas runs through the same event cuts (template sample)
    event_cuts(s1_active & ng_run[row], ng_run, np.where(ng_run, live_s1, 0.0), main["w"])
    removed["noise"] = np.count_nonzero(s2_active & ~main["a3"])
    removed["audio"] = np.count_nonzero(main["a3"] & ~main["a4"])
    removed["fourier"] = np.count_nonzero(main["a4"] & ~main["a5"])
    removed["anticoincidence"] = np.count_nonzero(main["a5"] & ~main["a6"])
    # cut-flow by reactor state, histogram and line tallies of the kept events
    st = c["runs_state"][row].astype(np.int64)
    np.bincount(st[main["a6"]], minlength=3)
    h, _ = np.histogram(main["e"][main["a6"]], bins=EDGES)
    line_tally(main["e"], main["a6"], LT_LINES)
    line_tally(main["e"], main["a6"], NGC_LINES)
    return dict(kept=int(main["a6"].sum()), live=float(main["live"].sum()), removed=removed, weights=main["w"], gains=gains, sigma=sig, hist=int(h.sum()))


def main():
    d = sys.argv[1]
    names = ["time_s", "run", "e1_kev", "e2_kev", "e3_kev", "nai_kev", "veto", "pulser", "runs_run", "runs_start_utc", "runs_duration_s", "runs_live_time_s", "runs_state", "runs_ln2_fill", "runs_site_work"]
    c = {k: np.fromfile(f"{d}/{k}.f64", dtype="<f8") for k in names}
    c["row"] = np.searchsorted(c["runs_run"], c["run"])
    for k in ("veto", "pulser"):
        c[k] = c[k].astype(np.int64)
    ref = json.load(open(f"{d}/reference.json"))
    r = select(c)
    n = c["time_s"].size
    reps, t0 = 0, time.perf_counter()
    while time.perf_counter() - t0 < 2.0:
        select(c)
        reps += 1
    dt = (time.perf_counter() - t0) / reps
    print(f"numpy: {n} events, {1000 * dt:.1f} ms per selection, events/s {n / dt:.3e}")
    ts_removed = {x["name"]: x["events_removed"] for x in ref["cuts"]}
    print("check against TypeScript: kept", r["kept"], "vs", ref["events_kept"], "| live kept", f"{r['live']:.6f}", "vs", f"{ref['live_time_kept_s']:.6f} s")
    print("  removed per cut (numpy / TypeScript):", ", ".join(f"{k} {r['removed'][k]}/{ts_removed[k]}" for k in r["removed"]))
    print("  weights", np.round(r["weights"], 6).tolist(), "vs", np.round(ref["weights"], 6).tolist(), "| histogram", r["hist"], "vs", ref["histogram_sum"])


if __name__ == "__main__":
    main()
