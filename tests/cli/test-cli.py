#!/usr/bin/env python3
"""bulwark-cli as a pipeline uses it: exit codes, messages, canonical output.

Usage: test-cli.py BULWARK_CLI DATA_DIR EXAMPLE  (prints TAP)
"""
import os
import subprocess
import sys
import tempfile

cli, data, example = sys.argv[1:4]
results = []


def check(name, ok, detail=""):
    results.append((name, ok, detail))


def run(*args):
    return subprocess.run([cli, *args], capture_output=True, text=True, timeout=60)


with tempfile.TemporaryDirectory() as tmp:
    # validate: 0 for valid files, 1 with the problem for invalid ones.
    for name in sorted(os.listdir(os.path.join(data, "valid"))):
        r = run("validate", os.path.join(data, "valid", name))
        check(f"validate valid/{name}", r.returncode == 0, r.stderr)
    for name in sorted(os.listdir(os.path.join(data, "invalid"))):
        if not name.endswith(".bulwark"):
            continue
        path = os.path.join(data, "invalid", name)
        expect = open(path[: -len(".bulwark")] + ".expect", encoding="utf-8").read().split("\n")
        r = run("validate", path)
        missing = [e for e in expect if e and e not in r.stderr]
        check(f"validate invalid/{name}", r.returncode == 1 and not missing and r.stderr.count("\n") >= 1,
              f"exit {r.returncode}, stderr {r.stderr!r}, missing {missing}")

    # validate several files: each problem on its own line, exit 1.
    r = run("validate", example, os.path.join(data, "invalid", "truncated.bulwark"),
            os.path.join(data, "invalid", "newer-version.bulwark"))
    check("validate reports each file", r.returncode == 1 and len(r.stderr.strip().split("\n")) == 2, r.stderr)

    # format: canonical corpus, in place and with -o; --check.
    canon = os.path.join(data, "canonical")
    for name in sorted(os.listdir(canon)):
        if not name.endswith(".in.json"):
            continue
        out = os.path.join(tmp, name + ".out")
        r = run("format", os.path.join(canon, name), "-o", out)
        want = open(os.path.join(canon, name[: -len(".in.json")] + ".out.bulwark"), "rb").read()
        got = open(out, "rb").read() if os.path.exists(out) else b""
        check(f"format canonical/{name}", r.returncode == 0 and got == want, r.stderr)
        r = run("format", out, "--check")
        check(f"format --check canonical/{name}", r.returncode == 0, r.stderr)

    copy = os.path.join(tmp, "compact.bulwark")
    with open(copy, "wb") as f:
        f.write(open(os.path.join(canon, "compact-example.in.json"), "rb").read())
    r = run("format", copy, "--check")
    check("format --check refuses a non-canonical file", r.returncode == 1 and "canonical" in r.stderr, r.stderr)
    r = run("format", copy)
    check("format rewrites in place", r.returncode == 0 and open(copy, "rb").read() == open(example, "rb").read(), r.stderr)

    # format never stamps: the generator of the example stays.
    r = run("format", example, "-o", "-")
    check("format never stamps", r.returncode == 0 and '"generator": "hand-written example"' in r.stdout, r.stderr)

    # info: counts per collection.
    r = run("info", example)
    check("info counts", r.returncode == 0 and "elements: 42" in r.stdout and "threats: 9" in r.stdout, r.stdout)

    # a refused file is named with its message; bad usage is exit 2.
    r = run("info", os.path.join(data, "invalid", "dangling-flow-source.bulwark"))
    check("info refuses an invalid file", r.returncode == 1 and "P-9" in r.stderr, r.stderr)
    r = run("frobnicate")
    check("unknown command", r.returncode == 2, r.stderr)

    # render: every format, and a clear error for an unknown diagram.
    for ext, magic in (("svg", b"<?xml"), ("png", b"\x89PNG"), ("pdf", b"%PDF")):
        out = os.path.join(tmp, "d2." + ext)
        r = run("render", example, "--diagram", "D-2", "-o", out)
        ok = r.returncode == 0 and os.path.exists(out) and open(out, "rb").read(8).startswith(magic[:4])
        check(f"render {ext}", ok, r.stderr)
    r = run("render", example, "--diagram", "D-99", "-o", os.path.join(tmp, "x.svg"))
    check("render unknown diagram", r.returncode == 1 and "D-99" in r.stderr, r.stderr)

print(f"1..{len(results)}")
for i, (name, ok, detail) in enumerate(results, 1):
    print(f"{'ok' if ok else 'not ok'} {i} {name}")
    if not ok:
        for line in str(detail).splitlines()[:10]:
            print(f"# {line}")
