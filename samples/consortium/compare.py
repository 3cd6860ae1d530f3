#!/usr/bin/env python3
"""Checks that two `alliance stats --json` outputs agree: the same statistics, in the same order, with the same n,
and values equal to 1e-9 (relative to the value, or absolute below 1). Exits with 1 on any difference.

    python3 compare.py single.json merged.json
"""
import json
import sys


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        expected = json.load(f)["statistics"]
    with open(sys.argv[2], encoding="utf-8") as f:
        actual = json.load(f)["statistics"]
    failures = 0
    if len(expected) != len(actual):
        print(f"!! {len(expected)} statistics single-process, {len(actual)} merged")
        failures += 1
    for e, a in zip(expected, actual):
        key = (e["instrument"], e["scope"], e["statistic"])
        if key != (a["instrument"], a["scope"], a["statistic"]) or e["n"] != a["n"]:
            print(f"!! {key} n={e['n']} single-process, {(a['instrument'], a['scope'], a['statistic'])} n={a['n']} merged")
            failures += 1
        elif (e["value"] is None) != (a["value"] is None) or (
                e["value"] is not None and abs(e["value"] - a["value"]) > 1e-9 * max(1.0, abs(e["value"]))):
            print(f"!! {key}: {e['value']} single-process, {a['value']} merged")
            failures += 1
    print(f"{len(expected)} statistics compared, {failures} differ")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
