#!/usr/bin/env python3
"""The caseload's trends in vectorised numpy, for the side-by-side run of benchmarks/caseload/run.sh (issue 18,
part 5): per episode the OLS slope and intercept over sessions 1..S and the reliable change index first to last
(Jacobson & Truax 1991); drops from the previous session of at least 1 point; and sudden gains and losses by Tang &
DeRubeis (1999)'s three criteria (absolute change at least the reliable change value, at least 25 % of the pregain
score, and the two-sided t test of the means of up to three sessions either side), as the library's
SuddenGainsAndLossesCriteria defines them.

    python3 numpy_trends.py generate DATA EPISODES SESSIONS   # writes DATA (float64, episodes x sessions)
    python3 numpy_trends.py time DATA EPISODES SESSIONS REPS  # prints a JSON line: median seconds and the results
"""
import json
import sys
import time

import numpy as np

SD, RELIABILITY, Z = 6.5, 0.85, 1.959963984540054
SDIFF = np.sqrt(2.0) * SD * np.sqrt(1.0 - RELIABILITY)
ABSOLUTE = Z * SDIFF          # the reliable change value, criterion 1
RELATIVE, DROP = 0.25, 1.0
# Two-sided 5 % critical t for df = 1..4 (the intervals have 2 + 2 to 3 + 3 values): R qt(0.975, df).
T_CRIT = {1: 12.706204736174694, 2: 4.302652729749462, 3: 3.182446305283708, 4: 2.776445105197793}


def generate(path, episodes, sessions):
    """SRS-like series as the library's TrendBenchmarks makes them: a level of 30-38, +0.15 a session, 5 % dips of 6, noise."""
    rng = np.random.default_rng(7)
    level = 30 + rng.random((episodes, 1)) * 8
    s = np.arange(sessions)
    dip = np.where(rng.random((episodes, sessions)) < 0.05, 6.0, 0.0)
    y = np.clip(np.round(level + 0.15 * s - dip + rng.random((episodes, sessions)) * 2 - 1, 1), 0, 40)
    y.astype("<f8").tofile(path)


def trends(y):
    episodes, sessions = y.shape
    t = np.arange(1, sessions + 1, dtype=np.float64)
    tc = t - t.mean()
    my = y.mean(axis=1)
    slope = (y - my[:, None]) @ tc / (tc @ tc)
    intercept = my - slope * t.mean()
    rci = (y[:, -1] - y[:, 0]) / SDIFF
    d = y[:, :-1] - y[:, 1:]
    drops = int(np.count_nonzero(d >= DROP - 1e-6))
    gains = losses = 0
    for n in range(1, sessions - 1):
        pre = y[:, max(0, n - 2):n + 1]
        post = y[:, n + 1:min(sessions, n + 4)]
        if post.shape[1] < 2:
            continue
        xn, xn1 = y[:, n], y[:, n + 1]
        change = xn1 - xn
        n_pre, n_post = pre.shape[1], post.shape[1]
        df = n_pre + n_post - 2
        pooled = np.sqrt(((n_pre - 1) * pre.var(axis=1, ddof=1) + (n_post - 1) * post.var(axis=1, ddof=1)) / df)
        mean_pre, mean_post = pre.mean(axis=1), post.mean(axis=1)
        gain = change > 0
        shift = np.where(gain, mean_post - mean_pre, mean_pre - mean_post)
        ok = (change != 0) & (np.abs(change) >= ABSOLUTE) & (np.abs(change) >= RELATIVE * xn) & (shift > T_CRIT[df] * pooled)
        gains += int(np.count_nonzero(ok & gain))
        losses += int(np.count_nonzero(ok & ~gain))
    return {
        "slopeSum": float(slope.sum()), "interceptSum": float(intercept.sum()), "rciSum": float(rci.sum()),
        "improved": int(np.count_nonzero(rci > Z)), "deteriorated": int(np.count_nonzero(rci < -Z)),
        "drops": drops, "gains": gains, "losses": losses,
    }


def main():
    command, path, episodes, sessions = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    if command == "generate":
        generate(path, episodes, sessions)
        return
    reps = int(sys.argv[5])
    y = np.fromfile(path, dtype="<f8").reshape(episodes, sessions)
    trends(y)  # warm-up
    times = []
    for _ in range(reps):
        start = time.perf_counter()
        result = trends(y)
        times.append(time.perf_counter() - start)
    result["seconds"] = float(np.median(times))
    result["runs"] = times
    result["numpy"] = np.__version__
    print(json.dumps(result))


if __name__ == "__main__":
    main()
