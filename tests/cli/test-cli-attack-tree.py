#!/usr/bin/env python3
"""bulwark-cli attack-tree: draw the example's AT-1 and evaluate it.

Usage: test-cli-attack-tree.py BULWARK_CLI EXAMPLE  (prints TAP)
"""
import json
import os
import subprocess
import sys
import tempfile

cli, example = sys.argv[1:3]
results = []


def check(name, ok, detail=""):
    results.append((name, ok, detail))


def run(*args):
    return subprocess.run([cli, *args], capture_output=True, timeout=60)


MAGIC = {"svg": b"<?xml", "png": b"\x89PNG\r\n\x1a\n", "pdf": b"%PDF-", "dot": b"digraph"}

with tempfile.TemporaryDirectory() as tmp:
    for ext, magic in MAGIC.items():
        out = os.path.join(tmp, "tree." + ext)
        r = run("attack-tree", example, "AT-1", "-o", out, "--values")
        data = open(out, "rb").read() if os.path.exists(out) else b""
        check(f"-o tree.{ext}", r.returncode == 0 and data.startswith(magic) and len(data) > 500, r.stderr)

    out = os.path.join(tmp, "lr.svg")
    r = run("attack-tree", example, "AT-1", "-o", out, "--lr")
    check("--lr", r.returncode == 0 and os.path.exists(out), r.stderr)

    r = run("attack-tree", example, "AT-1", "-o", os.path.join(tmp, "tree.gif"))
    check("an unknown extension is refused", r.returncode == 1 and b".svg" in r.stderr, r.stderr)

r = run("attack-tree", example, "AT-1", "--eval", "--format", "json")
try:
    doc = json.loads(r.stdout)
except ValueError as e:
    doc = None
    check("--eval --format json is JSON", False, f"{e}\n{r.stdout[:400]!r}")
if doc is not None:
    nodes = {n["id"]: n for n in doc["nodes"]}
    check("every node, in both views", len(nodes) == 12 and all("residual" in n and "target" in n for n in nodes.values()),
          list(nodes))
    root = nodes["N-1"]
    check("the root's residual values", root["residual"]["cost"] == 300 and root["residual"]["time_h"] == 4
          and root["residual"]["skill"] == 3 and root["residual"]["difficulty"] == "M", root)
    check("the root's target values", root["target"]["cost"] == 7000 and root["target"]["difficulty"] == "H", root)
    check("countermeasures are marked", nodes["N-5"]["countermeasure"] and nodes["N-5"]["implemented"]
          and not nodes["N-12"]["implemented"], nodes["N-12"])
    residual = doc["minimal_attacks"]["residual"]
    target = doc["minimal_attacks"]["target"]
    check("ranked minimal attacks", doc["minimal_attacks"]["rank_by"] == "cost"
          and [a["leaves"] for a in residual] == [["N-10", "N-11"], ["N-7", "N-8"], ["N-3", "N-4", "N-5"]]
          and [a["rank"] for a in residual] == [1, 2, 3], residual)
    check("the planned countermeasure counts in the target view",
          target[1]["leaves"] == ["N-10", "N-11", "N-12"] and target[1]["values"]["cost"] == 50300, target)
    check("exploitability from the mapping", doc["exploitability"] == {"residual": 3, "target": 2}, doc["exploitability"])
    check("no warnings", doc["warnings"] == [], doc["warnings"])

r = run("attack-tree", example, "AT-1", "--eval", "--rank-by", "time_h", "-k", "1")
text = r.stdout.decode()
check("--eval text, ranked by time", r.returncode == 0 and "Minimal attacks (residual view, by time_h)" in text
      and "N-10 Get physical access" in text, text[-600:])

r = run("attack-tree", example, "AT-9", "--eval")
check("an unknown tree is an error", r.returncode == 1 and b"AT-9" in r.stderr, r.stderr)
r = run("attack-tree", example, "AT-1")
check("nothing to do is a usage error", r.returncode == 2, r.stderr)
r = run("attack-tree", example, "AT-1", "--eval", "--rank-by", "beauty")
check("an unknown attribute is a usage error", r.returncode == 2, r.stderr)

print(f"1..{len(results)}")
for i, (name, ok, detail) in enumerate(results, 1):
    print(f"{'ok' if ok else 'not ok'} {i} {name}")
    if not ok:
        for line in str(detail).splitlines()[:10]:
            print(f"# {line}")
