"""Benchmark: the index engine on a PAPI-sized survey — 20,000 respondents × 120 indicators
(8 dimensions, 29 sub-dimensions), respondent weights, 1,000 bootstrap replicates — against the
row-by-row reference implementation (quantri/surveys/engine/reference.py) in the same run.

    .venv/bin/python bench/index_engine.py [--respondents 20000] [--indicators 120]
        [--units 40] [--replicates 1000] [--reference-replicates 2 12] [--seed 2026] [--repeat 3]

The engine is timed in wall-clock seconds (best of --repeat), its memory with tracemalloc (a
separate run) and the process's max RSS. The reference — Python loops over respondents, which
already computes each respondent's sub-dimension positions once rather than per replicate — is
timed in CPU seconds on the full data with a few replicates and extrapolated linearly (a fixed
part plus a per-replicate part); CPU time keeps other jobs on a shared machine out of that
extrapolation. Both are checked to give the same numbers on the same draws. Goal: the engine
under 1 s. No Django needed.
"""

import argparse
import resource
import sys
import time
import tracemalloc
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from quantri.surveys.engine import IndexSpec, bootstrap_units  # noqa: E402
from quantri.surveys.engine.reference import reference_bootstrap  # noqa: E402

# PAPI from 2018: sub-dimensions per dimension.
SHAPE = [4, 4, 3, 4, 4, 4, 3, 3]
KINDS = ["likert", "binary", "scale"]


def papi_like_spec(indicators: int) -> IndexSpec:
    subs = [(d + 1, s + 1, n) for d, n in enumerate(SHAPE) for s in range(n)]
    dims = []
    for d, parts in enumerate(SHAPE, start=1):
        width = 9 / parts
        dims.append({"code": str(d), "low": 1, "high": 10, "subdimensions": []})
        for s in range(1, parts + 1):
            dims[-1]["subdimensions"].append(
                {"code": f"{d}.{s}", "low": 1 / parts, "high": 1 / parts + width, "indicators": []}
            )
    flat = [sub for dim in dims for sub in dim["subdimensions"]]
    for k in range(indicators):
        kind = KINDS[k % len(KINDS)]
        indicator = {"code": f"q{k + 1}", "kind": kind, "weight": 1 + (k % 3)}
        if kind == "likert":
            indicator["points"] = 5
        elif kind == "scale":
            indicator.update(low=0, high=100, direction="lower" if k % 2 else "higher")
        flat[k % len(subs)]["indicators"].append(indicator)
    return IndexSpec.from_dict({"dimensions": dims})


def survey_data(spec: IndexSpec, respondents: int, units: int, seed: int):
    rng = np.random.default_rng(seed)
    columns = []
    for indicator in spec.indicators:
        if indicator.kind == "likert":
            columns.append(rng.integers(1, 6, respondents).astype(float))
        elif indicator.kind == "binary":
            columns.append((rng.random(respondents) < 0.7).astype(float))
        else:
            columns.append(rng.uniform(0, 100, respondents))
    answers = np.column_stack(columns)
    answers[rng.random(answers.shape) < 0.1] = np.nan  # 10% of answers skipped
    labels = np.array([f"U{k:03d}" for k in rng.integers(0, units, respondents)])
    weights = rng.lognormal(0, 0.3, respondents)
    return answers, labels, weights


def timed(function, *args, **kwargs):
    started = time.perf_counter()
    result = function(*args, **kwargs)
    return result, time.perf_counter() - started


def cpu_timed(function, *args, **kwargs):
    """CPU time of a single-threaded call: unlike wall time, other processes on a busy
    machine do not inflate it, which keeps the extrapolation from a few replicates sane."""
    started = time.process_time()
    result = function(*args, **kwargs)
    return result, time.process_time() - started


def traced_peak(function, *args, **kwargs) -> int:
    """Peak bytes numpy and Python allocated during the call. A separate run: tracing slows
    every allocation down, so it never overlaps a timed run."""
    tracemalloc.start()
    function(*args, **kwargs)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak


def max_rss_mb() -> float:
    # ru_maxrss is in kilobytes on Linux.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def agree(engine, reference) -> bool:
    for row, unit in enumerate(engine.units):
        for name in ("point", "lower", "upper"):
            expected = reference[unit][name]["total"]
            got = getattr(engine, name).total[row]
            if expected is None or abs(got - expected) > 1e-9:
                return False
    return True


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--respondents", type=int, default=20_000)
    parser.add_argument("--indicators", type=int, default=120)
    parser.add_argument("--units", type=int, default=40)
    parser.add_argument("--replicates", type=int, default=1000)
    parser.add_argument("--reference-replicates", type=int, nargs=2, default=[2, 12])
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    spec = papi_like_spec(args.indicators)
    answers, units, weights = survey_data(spec, args.respondents, args.units, args.seed)
    print(
        f"data: {args.respondents:,} respondents × {args.indicators} indicators "
        f"({len(spec.subdimensions)} sub-dimensions, {len(spec.dimensions)} dimensions), "
        f"{args.units} units, respondent weights, 10% answers missing"
    )
    bootstrap_units(spec, answers[:500], units[:500], weights[:500], replicates=5, seed=1)  # warm
    rss_before = max_rss_mb()
    runs = [
        timed(bootstrap_units, spec, answers, units, weights, replicates=args.replicates, seed=s)[1]
        for s in range(args.repeat)
    ]
    engine_s = min(runs)
    _, engine_cpu = cpu_timed(
        bootstrap_units, spec, answers, units, weights, replicates=args.replicates, seed=args.seed
    )
    engine_peak = traced_peak(
        bootstrap_units, spec, answers, units, weights, replicates=args.replicates, seed=args.seed
    )
    data_mb = (answers.nbytes + weights.nbytes) / 2**20
    print(
        f"engine (vectorised): {args.replicates:,} replicates in {engine_s:.3f} s "
        f"(best of {args.repeat}: {', '.join(f'{r:.3f}' for r in runs)}; CPU time, all BLAS "
        f"threads: {engine_cpu:.3f} s); "
        f"peak traced memory {engine_peak / 2**20:.1f} MB (input data {data_mb:.1f} MB); "
        f"max RSS {max_rss_mb():.0f} MB (before the runs: {rss_before:.0f} MB)"
    )
    print(f"  goal under 1 s: {'met' if engine_s < 1 else 'NOT met'}")

    few, many = args.reference_replicates
    ref_times = []
    for count in (few, many):
        # Best of two: the extrapolation multiplies any noise in the difference by ~100.
        runs = [
            cpu_timed(
                reference_bootstrap, spec, answers, units, weights, replicates=count, seed=args.seed
            )
            for _ in range(2)
        ]
        reference = runs[0][0]
        ref_times.append(min(seconds for _, seconds in runs))
    per_replicate = (ref_times[1] - ref_times[0]) / (many - few)
    fixed = max(ref_times[0] - few * per_replicate, 0.0)
    reference_s = fixed + per_replicate * args.replicates
    print(
        f"reference (row by row, CPU time): {few} replicates {ref_times[0]:.2f} s, "
        f"{many} replicates {ref_times[1]:.2f} s → {fixed:.2f} s + "
        f"{per_replicate:.3f} s per replicate; "
        f"{args.replicates:,} replicates ≈ {reference_s:.0f} s (extrapolated)"
    )
    check = bootstrap_units(spec, answers, units, weights, replicates=many, seed=args.seed)
    print(f"  same numbers on the same draws ({many} replicates): {agree(check, reference)}")
    print(f"speed-up: {reference_s / engine_s:,.0f}×")


if __name__ == "__main__":
    main()
