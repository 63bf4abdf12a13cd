#!/usr/bin/env python3
"""bulwark-cli import and export as a user runs them.

Usage: test-cli-import.py BULWARK_CLI IMPORT_FIXTURES EXAMPLE  (prints TAP)
"""
import json
import os
import subprocess
import sys
import tempfile

cli, fixtures, example = sys.argv[1:4]
results = []


def check(name, ok, detail=""):
    results.append((name, ok, detail))


def run(*args):
    return subprocess.run([cli, *args], capture_output=True, text=True, timeout=60)


with tempfile.TemporaryDirectory() as tmp:
    # Each format imports into a project that validates, and the report is printed.
    for name, fmt, elements in [("td-v1-small.json", "Threat Dragon v1", 6),
                                ("td-v2-small.json", "Threat Dragon v2", 5),
                                ("otm-small.json", "Open Threat Model", 7),
                                ("tm7-small.tm7", "Threat Modeling Tool", 7)]:
        out = os.path.join(tmp, name + ".bulwark")
        r = run("import", os.path.join(fixtures, name), "-o", out)
        check(f"import {name} exits 0", r.returncode == 0, r.stderr)
        check(f"import {name} names the format", fmt in r.stdout, r.stdout)
        ok = r.returncode == 0 and os.path.exists(out)
        check(f"import {name} writes a valid project", ok and run("validate", out).returncode == 0)
        if ok:
            with open(out, encoding="utf-8") as f:
                n = len(json.load(f)["elements"])
            check(f"import {name} has {elements} elements", n == elements, str(n))
    r = run("import", os.path.join(fixtures, "td-v2-small.json"), "-o", os.path.join(tmp, "x.bulwark"))
    check("the mapping report lists the loose flow", "Mapping report" in r.stdout and "Loose end" in r.stdout, r.stdout)

    # Refusals: exit 1, a message naming the path, nothing written.
    bad_out = os.path.join(tmp, "bad.bulwark")
    r = run("import", os.path.join(fixtures, "td-wrong-type.json"), "-o", bad_out)
    check("a wrong type is refused", r.returncode == 1, r.stderr)
    check("the refusal names the path", "detail.diagrams[0].cells" in r.stderr, r.stderr)
    check("a refused import writes nothing", not os.path.exists(bad_out))
    r = run("import", "-o", bad_out)
    check("import without input is a usage error", r.returncode == 2)

    # Export, and back.
    for to, marker in [("threat-dragon", '"detail"'), ("otm", '"otmVersion"')]:
        out = os.path.join(tmp, "example." + to + ".json")
        r = run("export", example, "--to", to, "-o", out)
        check(f"export --to {to} exits 0", r.returncode == 0, r.stderr)
        with open(out, encoding="utf-8") as f:
            text = f.read()
        check(f"export --to {to} writes its format", marker in text)
        check(f"export --to {to} says what it cannot hold", "note:" in r.stderr, r.stderr)
        back = os.path.join(tmp, "back." + to + ".bulwark")
        r = run("import", out, "-o", back)
        check(f"the {to} export imports again", r.returncode == 0 and run("validate", back).returncode == 0, r.stderr)
    with open(example, encoding="utf-8") as f:
        before = json.load(f)
    with open(os.path.join(tmp, "back.threat-dragon.bulwark"), encoding="utf-8") as f:
        after = json.load(f)
    check("the Threat Dragon round trip keeps the elements",
          sorted((e["kind"], e["name"]) for e in before["elements"]) == sorted((e["kind"], e["name"]) for e in after["elements"]))
    check("the Threat Dragon round trip keeps the threats",
          sorted((t["category"], t["title"], t["status"]) for t in before["threats"])
          == sorted((t["category"], t["title"], t["status"]) for t in after["threats"]))
    r = run("export", example, "--to", "word", "-o", os.path.join(tmp, "x"))
    check("an unknown export format is a usage error", r.returncode == 2)
    r = run("export", example, "--to", "otm", "-o", "-")
    check("export -o - writes to stdout", r.returncode == 0 and json.loads(r.stdout)["otmVersion"] == "0.2.0")

print(f"1..{len(results)}")
for i, (name, ok, detail) in enumerate(results, 1):
    print(f"{'ok' if ok else 'not ok'} {i} - {name}")
    if not ok and detail:
        for line in str(detail).splitlines()[:10]:
            print(f"# {line}")
sys.exit(0)
