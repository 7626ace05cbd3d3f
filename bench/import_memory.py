"""Benchmark: peak memory of an investment import preview (CSV and XLSX, 100,000 rows), and of an XLSX
that declares the whole sheet (A1:XFD1048576) in 31 KB.

    PYTHONPATH=src .venv/bin/python bench/import_memory.py            # 100,000 rows
    PYTHONPATH=src .venv/bin/python bench/import_memory.py --rows 10000

Measured here (2 cores, SQLite): CSV 100,000 rows 445 MB peak (baseline 187 MB), XLSX 408 MB (178 MB),
declared A1:XFD1048576 +0 MB (was +230 MB for the issue's file). A file whose every row is in error
stores longer rows (the messages): about 540 MB for the CSV.

Each measurement runs in a fresh process on a fresh SQLite database (the peak resident set size,
ru_maxrss, is per process). Baseline, measured in the same run: a process that does everything but the
preview (Django set up, database migrated, reference data loaded, the file read into memory). Target:
peak for 100,000 rows <= 500 MB, and the declared-dimension XLSX within 50 MB of the baseline.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

TARGET_MB = 500


def company_csv(rows: int) -> bytes:
    rng = random.Random(7)
    sectors = ["battery", "ev", "automotive", "solar", "wind"]
    lines = ["name,hq_country,sectors,capabilities,employees,revenue_musd,export_markets,tags,website"]
    for i in range(rows):
        lines.append(
            f'Company {i} Co Ltd,CN,{rng.choice(sectors)},"cells, packs and modules line {i}",'
            f"{rng.randint(10, 90000)},{rng.randint(1, 9000)},EU;TR,tag{i % 50},https://c{i}.example"
        )
    return ("\n".join(lines) + "\n").encode()


def company_xlsx(rows: int) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    rng = random.Random(7)
    sheet.append(["name", "hq_country", "sectors", "capabilities", "employees", "revenue_musd"])
    for i in range(rows):
        sheet.append([f"Company {i} Co Ltd", "CN", "battery", f"cells line {i}", rng.randint(10, 9000), 12.5])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def declared_whole_sheet_xlsx(rows: int = 300) -> bytes:
    """A small workbook whose sheet claims the dimension A1:XFD1048576 (what a hostile file can say)."""
    source = io.BytesIO(company_xlsx(rows))
    out = io.BytesIO()
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename.startswith("xl/worksheets/sheet"):
                text = data.decode()
                if "<dimension" in text:
                    start = text.index("<dimension")
                    end = text.index("/>", start) + 2
                    text = text[:start] + '<dimension ref="A1:XFD1048576"/>' + text[end:]
                else:
                    text = text.replace("<sheetData", '<dimension ref="A1:XFD1048576"/><sheetData', 1)
                data = text.encode()
            zout.writestr(item, data)
    return out.getvalue()


CHILD = r"""
import os, sys, json, time, resource
os.environ["DJANGO_SETTINGS_MODULE"] = "kopru.settings"
import django
django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0)
call_command("load_reference", verbosity=0)  # countries and sectors, as on a real desk
from django.contrib.auth import get_user_model
from kopru.invest.domain.imports import preview_import
from kopru.invest.models import ImportBatch
user = get_user_model().objects.create_user("bench")
name, path, run = sys.argv[1], sys.argv[2], sys.argv[3] == "1"
content = open(path, "rb").read()
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
started = time.perf_counter()
summary, errors = None, None
if run:
    batch = preview_import(ImportBatch.Kind.COMPANIES, name, content, user=user)
    summary, errors = batch.summary, batch.file_errors
print(json.dumps({"peak_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, "before_kb": before,
                  "seconds": time.perf_counter() - started, "summary": summary, "file_errors": errors}))
"""


def measure(name: str, content: bytes, run: bool) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(content)
        env = {**os.environ, "KOPRU_DATABASE_URL": f"sqlite:///{folder}/bench.sqlite3"}
        done = subprocess.run(
            [sys.executable, "-c", CHILD, name, str(path), "1" if run else "0"],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    args = parser.parse_args()
    cases = [
        ("companies.csv", company_csv(args.rows)),
        ("companies.xlsx", company_xlsx(args.rows)),
        ("declared-A1-XFD.xlsx", declared_whole_sheet_xlsx()),
    ]
    print(
        f"{'file':<24} {'size':>10} {'rows':>8} {'baseline MB':>12} {'peak MB':>9} {'growth MB':>10} {'s':>6}"
    )
    failed = False
    for name, content in cases:
        baseline = measure(name, content, run=False)
        result = measure(name, content, run=True)
        rows = (result["summary"] or {}).get("rows")
        growth = (result["peak_kb"] - baseline["peak_kb"]) / 1024
        print(
            f"{name:<24} {len(content):>10,} {rows or 0:>8,} {baseline['peak_kb'] / 1024:>12.0f} "
            f"{result['peak_kb'] / 1024:>9.0f} {growth:>10.0f} {result['seconds']:>6.1f}"
        )
        if result["file_errors"]:
            print(f"  file errors: {result['file_errors']}")
        limit = 50 if name.startswith("declared") else TARGET_MB
        value = growth if name.startswith("declared") else result["peak_kb"] / 1024
        if value > limit:
            print(f"  FAIL: {value:.0f} MB > {limit} MB")
            failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
