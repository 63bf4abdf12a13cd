#!/usr/bin/env python3
"""bulwark-cli report (and check's CI groups) as a pipeline uses them.

Usage: test-cli-report.py BULWARK_CLI EXAMPLE SMALL  (prints TAP)
"""
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

cli, example, small = sys.argv[1:4]
results = []


def check(name, ok, detail=""):
    results.append((name, ok, detail))


def run(*args):
    return subprocess.run([cli, *args], capture_output=True, text=True, timeout=120)


example_json = json.load(open(example, encoding="utf-8"))
threat_ids = [t["id"] for t in example_json["threats"] if not t["archived"]]
requirement_ids = [r["id"] for r in example_json["requirements"]]
canonical = subprocess.run([cli, "format", example, "-o", "-"], capture_output=True, timeout=60).stdout
sha = hashlib.sha256(canonical).hexdigest()


def has_id(text, ident):
    return re.search(r"(?<![A-Za-z0-9])" + re.escape(ident) + r"(?![0-9])", text) is not None


with tempfile.TemporaryDirectory() as tmp:
    # Every document in every format.
    for document in ["final", "concept", "analysis", "vulnerabilities", "retirement"]:
        for fmt in ["html", "md", "csv", "pdf"]:
            out = os.path.join(tmp, f"{document}.{fmt}")
            r = run("report", example, "--document", document, "--format", fmt, "-o", out)
            if document == "retirement" and fmt == "csv":
                check("retirement as CSV: exit 1 with a reason", r.returncode == 1 and "no table" in r.stderr, r.stderr)
                continue
            check(f"{document} as {fmt}: exit 0, file written",
                  r.returncode == 0 and os.path.getsize(out) > 0, r.stderr)

    html = open(os.path.join(tmp, "final.html"), encoding="utf-8").read()
    md = open(os.path.join(tmp, "final.md"), encoding="utf-8").read()
    for name, text in [("HTML", html), ("Markdown", md)]:
        missing = [i for i in threat_ids + requirement_ids if not has_id(text, i)]
        check(f"final {name} names every threat and requirement", not missing, missing)
        check(f"final {name} holds the canonical file's SHA-256", sha in text, sha)
        for section in ["Security concept", "Security analysis", "Vulnerability analysis", "Retirement plan",
                        "Traceability matrix", "Completeness checks", "Residual-risk conclusion", "Design history"]:
            check(f"final {name} has “{section}”", section in text)
    check("HTML is one file: SVG inline, nothing linked", "<svg" in html and "<link" not in html and "<img" not in html)
    check("Markdown links its pictures beside it",
          "](final-figures/D-1.svg)" in md and os.path.isfile(os.path.join(tmp, "final-figures", "D-1.svg"))
          and os.path.isfile(os.path.join(tmp, "final-figures", "AT-1.svg")))

    threats_csv = open(os.path.join(tmp, "final.csv"), encoding="utf-8").read()
    check("CSV: the threats, one row each", threats_csv.startswith("Element,STRIDE,ID,Threat,")
          and all(f",{i}," in threats_csv for i in threat_ids), threats_csv[:200])
    check("CSV: the traceability matrix beside it",
          open(os.path.join(tmp, "final-traceability.csv"), encoding="utf-8").read().startswith("Asset,Element,Threat,"))

    if shutil.which("pdftotext") and shutil.which("pdfinfo"):
        pdf = os.path.join(tmp, "final.pdf")
        info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
        pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
        text = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True).stdout
        check("PDF pages carry “Page X of N”", f"Page 1 of {pages}" in text and f"Page {pages} of {pages}" in text, info)
        check("PDF text names every threat and requirement",
              all(has_id(text, i) for i in threat_ids + requirement_ids))
    else:
        print("# pdftotext/pdfinfo not found (poppler-utils): PDF text not checked")

    # The format from the extension; --format=VALUE.
    out = os.path.join(tmp, "x.pdf")
    r = run("report", example, "--document=concept", "-o", out)
    check("format taken from the extension", r.returncode == 0 and open(out, "rb").read(4) == b"%PDF", r.stderr)

    # Escaping: a name that is markup stays text.
    out = os.path.join(tmp, "small.html")
    r = run("report", small, "--format", "html", "-o", out)
    small_html = open(out, encoding="utf-8").read()
    check("a <script> name is text in HTML", r.returncode == 0 and "<script>" not in small_html
          and "&lt;script&gt;alert(1)&lt;/script&gt;" in small_html, r.stderr)
    out = os.path.join(tmp, "small.md")
    r = run("report", small, "--format", "md", "-o", out)
    small_md = open(out, encoding="utf-8").read()
    check("a <script> name and a | are text in Markdown",
          "<script>" not in small_md and "Bolus \\| command" in small_md, small_md[:300])

    # Wrong usage: exit 2 and a message; bad input: exit 1.
    for args, what in [(["--document", "summary"], "document"), (["--format", "docx"], "format"),
                       (["--frobnicate"], "option")]:
        r = run("report", example, *args, "-o", os.path.join(tmp, "y.html"))
        check(f"unknown {what}: exit 2 with a message", r.returncode == 2 and r.stderr.strip() != "", r.stderr)
    r = run("report", example)
    check("no -o: exit 2 with the usage", r.returncode == 2 and "Usage" in r.stderr, r.stderr)
    r = run("report", example, "-o", os.path.join(tmp, "noext"))
    check("no format and no extension: exit 2", r.returncode == 2 and "--format" in r.stderr, r.stderr)
    r = run("report", os.path.join(tmp, "missing.bulwark"), "-o", os.path.join(tmp, "z.html"))
    check("missing project: exit 1", r.returncode == 1 and r.stderr.strip() != "", r.stderr)
    r = run("report", example, "-o", os.path.join(tmp, "no-such-dir", "z.html"))
    check("unwritable output: exit 1 naming the file", r.returncode == 1 and "z.html" in r.stderr, r.stderr)
    r = run("report", "--help")
    check("--help lists documents and formats", r.returncode == 0 and "retirement" in r.stderr and "pdf" in r.stderr)

# check: the groups a CI gate names (issue 7).
r = run("check", example, "--fail-on", "uncontrolled,silent,incomplete,open")
check("check --fail-on uncontrolled,silent,incomplete,open exits 1 with the list",
      r.returncode == 1 and "33 findings, 33 counted" in r.stderr and "silent-decision\tT-9" in r.stdout, r.stderr)
r = run("check", example, "--fail-on", "uncontrolled")
check("--fail-on uncontrolled counts the uncontrolled residual", r.returncode == 1 and "1 counted" in r.stderr, r.stderr)
r = run("check", example, "--fail-on", "open", "--format", "json")
data = json.loads(r.stdout)
counted = {f["kind"] for f in data["findings"] if f["counted"]}
check("--fail-on open --format json counts the untriaged threats", r.returncode == 1 and counted == {"threat-not-triaged"}
      and data["counted"] == 2, r.stdout[:300])
r = run("check", example, "--fail-on", "silent,kev-not-fixed")
check("groups and kinds mix", r.returncode == 1 and "1 counted" in r.stderr, r.stderr)

print(f"1..{len(results)}")
for i, (name, ok, detail) in enumerate(results, 1):
    print(f"{'ok' if ok else 'not ok'} {i} - {name}")
    if not ok and detail:
        for line in str(detail).splitlines()[:10]:
            print(f"# {line}")
