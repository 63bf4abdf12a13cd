#!/usr/bin/env python3
"""bulwark-cli derive as a pipeline uses it.

Usage: test-cli-derive.py BULWARK_CLI EXAMPLE RULES_DIR  (prints TAP)
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

cli, example, rules_dir = sys.argv[1:4]
results = []


def check(name, ok, detail=""):
    results.append((name, ok, detail))


def run(*args):
    return subprocess.run([cli, *args], capture_output=True, text=True, timeout=60)


def summary(out):
    return out.strip().splitlines()[-1]


with tempfile.TemporaryDirectory() as tmp:
    model = os.path.join(tmp, "pump.bulwark")
    shutil.copy(example, model)
    original = open(model, "rb").read()

    # Without --write: prints the plan, changes nothing.
    r = run("derive", model)
    lines = r.stdout.strip().splitlines()
    added = [l for l in lines if l.startswith("added ")]
    check("dry run exits 0", r.returncode == 0, r.stderr)
    check("dry run lists additions with ID, target, rule and title",
          any(l.split()[1] == "T-10" and "stride." in l for l in added) and
          any("Spoofing of Pump firmware" in l for l in added), "\n".join(lines[:5]))
    check("dry run summary", summary(r.stdout).startswith("%d added, 0 obsolete" % len(added)), summary(r.stdout))
    check("dry run leaves the file alone", open(model, "rb").read() == original)

    # --write applies and saves canonically, stamped.
    r = run("derive", model, "--write")
    check("write exits 0", r.returncode == 0, r.stderr)
    doc = json.load(open(model))
    keys = [(t["rule"], t["target"], json.dumps(t["interaction"])) for t in doc["threats"] if t["origin"] == "derived"]
    check("written: no duplicate keys", len(keys) == len(set(keys)))
    check("written: the additions are in the file", len(doc["threats"]) == 9 + len(added), str(len(doc["threats"])))
    check("written: stamped", doc["generator"].startswith("Bulwark") and doc["model"]["modified"].endswith("Z"))
    check("written: canonical", run("format", model, "--check").returncode == 0)
    check("written: valid", run("validate", model).returncode == 0)
    t1 = [t for t in doc["threats"] if t["id"] == "T-1"][0]
    check("T-1's triage untouched", t1["status"] == "addressed" and t1["treatment"] == "mitigate" and
          t1["history"] == [{"at": "2026-11-20T09:00:00Z", "event": "derived", "by": "A. Engineer", "detail": ""}])

    # Derive twice changes nothing.
    before = open(model, "rb").read()
    r = run("derive", model, "--write")
    check("second derive: nothing to change", summary(r.stdout).startswith("0 added, 0 obsolete, 0 revived, 0 superseded"),
          summary(r.stdout))
    check("second derive: file untouched", open(model, "rb").read() == before)

    # An extra rule file, recorded relative to the project.
    extra = os.path.join(tmp, "extra.json")
    shutil.copy(os.path.join(rules_dir, "extra.json"), extra)
    r = run("derive", model, "--rules", extra, "--write")
    check("extra rules add their threats", "acme.uart_console" in r.stdout and summary(r.stdout).startswith("1 added"),
          r.stdout + r.stderr)
    doc = json.load(open(model))
    check("extra library recorded", {"id": "acme.extra", "version": "1", "path": "extra.json"} in doc["rule_libraries"],
          str(doc["rule_libraries"]))
    # A newer version of a recorded library is recorded, nothing else changes.
    lib = json.load(open(extra))
    lib["version"] = "2"
    json.dump(lib, open(extra, "w"), indent=2)
    r = run("derive", model, "--rules", extra, "--write")
    doc = json.load(open(model))
    check("new library version recorded", r.returncode == 0 and
          {"id": "acme.extra", "version": "2", "path": "extra.json"} in doc["rule_libraries"] and
          summary(r.stdout).startswith("0 added"), r.stdout + r.stderr + str(doc["rule_libraries"]))
    # Recorded libraries load by themselves; missing ones leave their threats alone.
    r = run("derive", model)
    check("recorded library loads", summary(r.stdout).startswith("0 added, 0 obsolete"), r.stdout + r.stderr)
    os.remove(extra)
    r = run("derive", model)
    check("missing library reported, its threats untouched",
          summary(r.stdout).startswith("0 added, 0 obsolete") and "acme.extra" in r.stderr, r.stdout + r.stderr)

    # A library whose rule IDs clash with the built-in one is refused.
    r = run("derive", model, "--rules", os.path.join(rules_dir, "duplicate.json"))
    check("duplicate rule IDs refused naming both sources",
          r.returncode == 1 and "stride.process.spoofing" in r.stderr and "duplicate.json" in r.stderr
          and "bulwark-builtin.json" in r.stderr, r.stderr)
    # Bad rules are reported and skipped.
    r = run("derive", model, "--rules", os.path.join(rules_dir, "bad-rules.json"))
    check("bad rules reported with id and path", r.returncode == 0 and
          "test.exploitability: rules[11].exploitability" in r.stderr, r.stderr)
    r = run("derive", model, "--rules", os.path.join(rules_dir, "not-json.json"))
    check("a file that is not JSON is refused with line and column", r.returncode == 1 and "line 4, column" in r.stderr,
          r.stderr)
    r = run("derive")
    check("usage without FILE", r.returncode == 2)

print("1..%d" % len(results))
for i, (name, ok, detail) in enumerate(results, 1):
    print("%s %d - %s" % ("ok" if ok else "not ok", i, name))
    if not ok and detail:
        for line in str(detail).splitlines()[:20]:
            print("# " + line)
