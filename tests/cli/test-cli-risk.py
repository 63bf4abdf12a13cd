#!/usr/bin/env python3
"""bulwark-cli check, cvss and trace as a pipeline uses them.

Usage: test-cli-risk.py BULWARK_CLI EXAMPLE  (prints TAP)
"""
import csv
import io
import itertools
import json
import math
import os
import random
import subprocess
import sys
import tempfile

cli, example = sys.argv[1:3]
results = []


def check(name, ok, detail=""):
    results.append((name, ok, detail))


def run(*args):
    return subprocess.run([cli, *args], capture_output=True, text=True, timeout=60)


# An independent CVSS v3.1 base score (FIRST's specification, appendix A).
W = {
    "AV": {"N": 0.85, "A": 0.62, "L": 0.55, "P": 0.2},
    "AC": {"L": 0.77, "H": 0.44},
    "UI": {"N": 0.85, "R": 0.62},
    "CIA": {"H": 0.56, "L": 0.22, "N": 0.0},
}
ORDER = ["AV", "AC", "PR", "UI", "S", "C", "I", "A"]
VALUES = {"AV": "NALP", "AC": "LH", "PR": "NLH", "UI": "NR", "S": "UC", "C": "HLN", "I": "HLN", "A": "HLN"}


def roundup(x):
    i = int(round(x * 100000))
    return i / 100000.0 if i % 10000 == 0 else (math.floor(i / 10000) + 1) / 10.0


def score(m):
    changed = m["S"] == "C"
    pr = {"N": 0.85, "L": 0.68 if changed else 0.62, "H": 0.5 if changed else 0.27}[m["PR"]]
    iss = 1 - (1 - W["CIA"][m["C"]]) * (1 - W["CIA"][m["I"]]) * (1 - W["CIA"][m["A"]])
    impact = 7.52 * (iss - 0.029) - 3.25 * (iss - 0.02) ** 15 if changed else 6.42 * iss
    expl = 8.22 * W["AV"][m["AV"]] * W["AC"][m["AC"]] * pr * W["UI"][m["UI"]]
    if impact <= 0:
        return 0.0
    return roundup(min(1.08 * (impact + expl), 10)) if changed else roundup(min(impact + expl, 10))


def rating(s):
    return "None" if s == 0 else "Low" if s < 4 else "Medium" if s < 7 else "High" if s < 9 else "Critical"


def parse_output(text):
    return dict(line.split(": ", 1) for line in text.strip().split("\n"))


with tempfile.TemporaryDirectory() as tmp:
    # check: the example's findings, one per line, exit 1.
    r = run("check", example)
    lines = r.stdout.strip().split("\n")
    check("check example exits 1", r.returncode == 1, r.stderr)
    check("check reports T-9 as a silent decision",
          any(l.startswith("silent-decision\tT-9\t") for l in lines), r.stdout)
    check("check reports O-6 without requirement",
          any(l.startswith("objective-without-requirement\tO-6\t") for l in lines), r.stdout)
    check("check lines are kind, ID, message", all(len(l.split("\t")) == 3 for l in lines), r.stdout)
    check("check summary on stderr", "33 findings, 33 counted" in r.stderr, r.stderr)

    # --fail-on picks which kinds count.
    r = run("check", example, "--fail-on", "silent-decision")
    check("--fail-on silent-decision exits 1", r.returncode == 1 and "33 findings, 1 counted" in r.stderr, r.stderr)
    r = run("check", example, "--fail-on", "kev-not-fixed,invalid-cvss")
    check("--fail-on kinds absent exits 0", r.returncode == 0 and len(r.stdout.strip().split("\n")) == 33, r.stderr)
    r = run("check", example, "--fail-on=objective-without-requirement")
    check("--fail-on=KIND", r.returncode == 1 and "33 findings, 1 counted" in r.stderr, r.stderr)
    r = run("check", example, "--fail-on", "no-such-kind")
    check("--fail-on unknown kind is a usage error", r.returncode == 2 and "no-such-kind" in r.stderr, r.stderr)
    r = run("check")
    check("check without a file is a usage error", r.returncode == 2, r.stderr)

    # --format json.
    r = run("check", example, "--format", "json", "--fail-on", "silent-decision")
    try:
        doc = json.loads(r.stdout)
        t9 = [f for f in doc["findings"] if f["kind"] == "silent-decision"]
        ok = (r.returncode == 1 and len(doc["findings"]) == 33 and doc["counted"] == 1
              and t9 and t9[0]["id"] == "T-9" and t9[0]["path"] == "threats[8].rationale" and t9[0]["counted"])
    except (ValueError, KeyError):
        ok = False
    check("check --format json", ok, r.stdout[:500])
    r = run("check", example, "--format", "xml")
    check("check --format unknown is a usage error", r.returncode == 2, r.stderr)

    # A project without findings exits 0 and prints nothing.
    clean = os.path.join(tmp, "clean.bulwark")
    with open(clean, "w", encoding="utf-8") as f:
        f.write('{"format": "bulwark", "format_version": 1}\n')
    r = run("check", clean)
    check("check clean project exits 0", r.returncode == 0 and r.stdout == "", r.stdout + r.stderr)

    # A refused file: exit 1 with the loader's message.
    broken = os.path.join(tmp, "broken.bulwark")
    with open(broken, "w", encoding="utf-8") as f:
        f.write('{"format": "bulwark", "format_version": 1, "threats": [{"id": "T-1", "target": "P-9", "category": "S"}]}')
    r = run("check", broken)
    check("check refuses an invalid file", r.returncode == 1 and "P-9" in r.stderr, r.stderr)

    # cvss: METHOD.md's known answers.
    known = [
        ("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "9.8", "Critical"),
        ("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H", "10.0", "Critical"),
        ("CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:H", "8.1", "High"),
        ("CVSS:3.1/AV:P/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "6.8", "Medium"),
        ("CVSS:3.1/AV:L/AC:H/PR:H/UI:R/S:U/C:L/I:N/A:N", "1.8", "Low"),
        ("CVSS:3.1/AV:A/AC:L/PR:N/UI:R/S:C/C:H/I:L/A:H", "8.7", "High"),
        ("CVSS:3.1/AV:N/AC:L/PR:H/UI:R/S:C/C:H/I:H/A:L", "8.3", "High"),
    ]
    for vector, want_score, want_rating in known:
        r = run("cvss", vector)
        out = parse_output(r.stdout) if r.returncode == 0 else {}
        check(f"cvss {vector}", r.returncode == 0 and out.get("score") == want_score
              and out.get("rating") == want_rating and out.get("vector") == vector, r.stdout + r.stderr)

    r = run("cvss", "CVSS:3.1/A:L/I:H/C:H/S:C/UI:R/PR:H/AC:L/AV:N")
    check("cvss normalizes the order",
          r.returncode == 0 and "vector: CVSS:3.1/AV:N/AC:L/PR:H/UI:R/S:C/C:H/I:H/A:L" in r.stdout, r.stdout)

    # Invalid vectors: exit 1 and the metric named.
    for vector, needle in [
        ("CVSS:3.1/AV:N/AC:X/PR:N/UI:N/S:U/C:H/I:H/A:H", "AC: “X” is not one of L, H"),
        ("CVSS:3.1/AV:N/AC:L/UI:N/S:U/C:H/I:H/A:H", "PR is missing"),
        ("CVSS:3.1/AV:N/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "AV is given more than once"),
        ("AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "CVSS:3.1/"),
    ]:
        r = run("cvss", vector)
        check(f"cvss refuses {vector}", r.returncode == 1 and needle in r.stderr and r.stdout == "", r.stderr)
    r = run("cvss")
    check("cvss without a vector is a usage error", r.returncode == 2, r.stderr)
    r = run("cvss", "--guidance")
    check("cvss --guidance", r.returncode == 0 and "Attack Vector" in r.stdout and "Bluetooth" in r.stdout, r.stderr)

    # The calculator agrees with an independent implementation.
    rng = random.Random(5)
    combos = list(itertools.product(*[VALUES[m] for m in ORDER]))
    bad = []
    for combo in rng.sample(combos, 120):
        m = dict(zip(ORDER, combo))
        vector = "CVSS:3.1/" + "/".join(f"{k}:{m[k]}" for k in ORDER)
        r = run("cvss", vector)
        out = parse_output(r.stdout) if r.returncode == 0 else {}
        want = score(m)
        if out.get("score") != f"{want:.1f}" or out.get("rating") != rating(want):
            bad.append((vector, out, want))
    check("cvss agrees with an independent implementation (120 vectors)", not bad, bad[:5])

    # trace: text and CSV.
    r = run("trace", example)
    text_rows = r.stdout.strip().split("\n")
    check("trace text", r.returncode == 0 and "A-1 → DF-8 → T-1 (Uncontrolled → Controlled) → O-1 → R-1 (test TC-101)" in r.stdout,
          r.stdout[:800])
    check("trace marks gaps", "A-1 → DS-2 → T-8 (Controlled → Controlled) → O-6 → —  [gaps: no requirement]" in r.stdout,
          r.stdout[:800])
    r = run("trace", example, "--csv")
    rows = list(csv.DictReader(io.StringIO(r.stdout, newline="")))
    t1 = [row for row in rows if row["threat"] == "T-1"]
    check("trace --csv", r.returncode == 0 and len(rows) == len(text_rows) and t1
          and t1[0]["outcome_before"] == "uncontrolled" and t1[0]["outcome_after"] == "controlled"
          and t1[0]["verification_ref"] == "TC-101", r.stdout[:800])
    raw = subprocess.run([cli, "trace", example, "--csv"], capture_output=True, timeout=60).stdout
    check("trace --csv uses CRLF", raw.count(b"\r\n") == len(rows) + 1 and raw.count(b"\n") == raw.count(b"\r\n"),
          repr(raw[:300]))
    r = run("trace")
    check("trace without a file is a usage error", r.returncode == 2, r.stderr)

print(f"1..{len(results)}")
for i, (name, ok, detail) in enumerate(results, 1):
    print(f"{'ok' if ok else 'not ok'} {i} {name}")
    if not ok:
        for line in str(detail).splitlines()[:10]:
            print(f"# {line}")
