#!/usr/bin/env python3
"""bulwark-cli sbom import and vulns, as a pipeline uses them.

Usage: test-cli-sbom.py BULWARK_CLI SBOM_DATA_DIR EXAMPLE  (prints TAP)
"""
import csv
import io
import os
import shutil
import subprocess
import sys
import tempfile

cli, data, example = sys.argv[1:4]
results = []


def check(name, ok, detail=""):
    results.append((name, ok, detail))


def run(*args):
    return subprocess.run([cli, *args], capture_output=True, text=True, timeout=60)


def read(path):
    with open(path, "rb") as f:
        return f.read()


with tempfile.TemporaryDirectory() as tmp:
    project = os.path.join(tmp, "pump.bulwark")
    shutil.copy(example, project)
    original = read(project)

    # --dry-run reports and leaves the file alone.
    r = run("sbom", "import", project, os.path.join(data, "cyclonedx-1.5.json"), "--dry-run")
    check("sbom import --dry-run reports", r.returncode == 0 and "4 added, 0 removed, 2 changed, 0 unchanged" in r.stdout,
          r.stdout + r.stderr)
    check("sbom import --dry-run writes nothing", read(project) == original)

    r = run("sbom", "import", project, os.path.join(data, "cyclonedx-1.5.json"))
    check("sbom import adds and changes",
          r.returncode == 0 and "added C-3 lwIP 2.2.0" in r.stdout and "changed C-2 FreeRTOS kernel" in r.stdout,
          r.stdout + r.stderr)
    r2 = run("format", project, "--check")
    check("sbom import writes canonical text", r2.returncode == 0, r2.stderr)
    r2 = run("info", project)
    check("sbom import: components counted", "components: 6" in r2.stdout, r2.stdout)

    r = run("sbom", "import", project, os.path.join(data, "cyclonedx-1.5-v2.json"))
    check("sbom re-import merges", r.returncode == 0 and "1 added, 1 removed, 1 changed, 4 unchanged" in r.stdout
          and "removed C-2 FreeRTOS kernel" in r.stdout, r.stdout + r.stderr)

    # Malformed SBOMs: exit 1, the path of the problem, the project untouched.
    before = read(project)
    for name, message in (("truncated.json", "not valid JSON (line 1"),
                          ("cyclonedx-1.3.json", "CycloneDX “1.3” is not supported"),
                          ("wrong-type-version.json", "components[1].version: expected a string, found a number"),
                          ("spdx-2.1.json", "Bulwark reads SPDX 2.2 and 2.3")):
        r = run("sbom", "import", project, os.path.join(data, name))
        check(f"sbom import refuses {name}", r.returncode == 1 and message in r.stderr and read(project) == before,
              r.stderr)
    r = run("sbom", "import", project)
    check("sbom import without SBOM is a usage error", r.returncode == 2, r.stderr)
    r = run("sbom", "frobnicate", project, os.path.join(data, "spdx-2.3.json"))
    check("sbom without import is a usage error", r.returncode == 2, r.stderr)

    # vulns: imports in order, then the listing; the file is written back.
    r = run("vulns", project, "--import", os.path.join(data, "osv-single.json"),
            "--import", os.path.join(data, "osv-scanner.json"), "--import", os.path.join(data, "vex.json"),
            "--import", os.path.join(data, "kev.json"))
    check("vulns --import lists", r.returncode == 0 and "GHSA-zz11-aaaa-bbbb" in r.stdout and "CVE-2099-3333" in r.stdout,
          r.stdout + r.stderr)
    check("vulns --import reports unmatched packages", "no component for PyPI requests 2.31.0" in r.stderr, r.stderr)
    check("vulns --import writes canonical text", run("format", project, "--check").returncode == 0)

    r = run("vulns", project, "--csv")
    rows = list(csv.reader(io.StringIO(r.stdout, newline="")))
    header = rows[0] if rows else []
    check("vulns --csv header", header[:4] == ["component_id", "component", "version", "vulnerability"], str(header))
    by_id = {row[3]: dict(zip(header, row)) for row in rows[1:]}
    zlib = by_id.get("GHSA-zz11-aaaa-bbbb", {})
    check("vulns --csv: VEX status, KEV flag and CVSS score",
          zlib.get("status") == "not_affected" and zlib.get("kev") == "yes" and zlib.get("cvss_score") == "9.8"
          and zlib.get("cvss_rating") == "Critical", str(zlib))
    raw = subprocess.run([cli, "vulns", project, "--csv"], capture_output=True, timeout=60).stdout
    check("vulns --csv: RFC 4180 line ends", raw.endswith(b"\r\n") and raw.count(b"\r\n") == len(rows),
          repr(raw[:200]))
    check("vulns --csv: a plain field is not quoted",
          '"Fictitious example entry: the affected TLS server code is compiled out."' not in r.stdout
          and any("compiled out" in row[-1] for row in rows[1:]), r.stdout)

    # A justification with a comma and quotes survives the CSV round trip.
    tricky = os.path.join(tmp, "tricky.bulwark")
    text = read(project).decode("utf-8").replace(
        "Fictitious example entry: the affected TLS server code is compiled out.",
        'Compiled out, see \\"config.h\\"')
    with open(tricky, "w", encoding="utf-8") as f:
        f.write(text)
    r = run("vulns", tricky, "--csv")
    rows = list(csv.reader(io.StringIO(r.stdout, newline="")))
    check("vulns --csv quotes commas and quotes", any(row[-1] == 'Compiled out, see "config.h"' for row in rows),
          r.stdout)

    before = read(project)
    r = run("vulns", project, "--import", os.path.join(data, "vex-bad-state.json"))
    check("vulns refuses a malformed VEX", r.returncode == 1 and "analysis.state" in r.stderr and read(project) == before,
          r.stderr)
    r = run("vulns", project, "--dry-run", "--import", os.path.join(data, "osv-list.json"))
    check("vulns --dry-run writes nothing", r.returncode == 0 and read(project) == before
          and "OSV-2099-0001" not in r.stdout, r.stderr)
    r = run("vulns")
    check("vulns without FILE is a usage error", r.returncode == 2, r.stderr)

print(f"1..{len(results)}")
for i, (name, ok, detail) in enumerate(results, 1):
    print(f"{'ok' if ok else 'not ok'} {i} {name}")
    if not ok and detail:
        for line in str(detail).splitlines():
            print(f"# {line}")
