"""Bench: what `--metadata` adds to one lint, on a generated org of 5,000 fields and 200 profiles.

Run: `.venv/bin/python bench/metadata.py` (writes bench/METADATA-RESULTS.md). The generated tree is
a Salesforce DX project: 5,000 custom fields over 23 objects (1,500 on Lead, 1,500 on Contact),
Campaign record types, and 200 profiles that each carry field permissions for every Lead and
Contact field (as a full retrieve does), one of them the integration user's.
"""

from __future__ import annotations

import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from planner.lint.linter import Linter, LintOptions  # noqa: E402

RUNS = int(os.environ.get("AEPLAN_BENCH_RUNS", "7"))
PLAN = REPO / "samples" / "good" / "two-bu-mds.yaml"
NS = 'xmlns="http://soap.sforce.com/2006/04/metadata"'
HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n'
OBJECTS = {"Lead": 1500, "Contact": 1500, "Account": 1000, **{f"Obj{n}__c": 50 for n in range(20)}}


def _field(name: str) -> str:
    return (
        f"{HEAD}<CustomField {NS}>\n    <fullName>{name}</fullName>\n    <label>{name}</label>\n"
        "    <length>80</length>\n    <trackHistory>false</trackHistory>\n    <type>Text</type>\n"
        "</CustomField>\n"
    )


def generate(root: Path) -> int:
    """Write the tree; returns the number of field files."""
    (root / "sfdx-project.json").write_text('{"packageDirectories": [{"path": "force-app"}]}')
    base = root / "force-app" / "main" / "default"
    count = 0
    flagged = []
    for obj, fields in OBJECTS.items():
        folder = base / "objects" / obj / "fields"
        folder.mkdir(parents=True)
        names = ["Marketing_BU__c"] if obj in ("Lead", "Contact") else []
        names += [f"Field_{n:04d}__c" for n in range(fields - len(names))]
        for name in names:
            (folder / f"{name}.field-meta.xml").write_text(_field(name))
            count += 1
            if obj in ("Lead", "Contact"):
                flagged.append(f"{obj}.{name}")
    types = base / "objects" / "Campaign" / "recordTypes"
    types.mkdir(parents=True)
    for label in ("Japan Campaign", "Korea Campaign"):
        name = label.replace(" ", "_")
        (types / f"{name}.recordType-meta.xml").write_text(
            f"{HEAD}<RecordType {NS}>\n    <fullName>{name}</fullName>\n    <active>true</active>\n"
            f"    <label>{label}</label>\n</RecordType>\n"
        )
    permissions = "".join(
        f"    <fieldPermissions>\n        <editable>true</editable>\n        <field>{f}</field>\n"
        "        <readable>true</readable>\n    </fieldPermissions>\n"
        for f in flagged
    )
    profile = f"{HEAD}<Profile {NS}>\n{permissions}</Profile>\n"
    folder = base / "profiles"
    folder.mkdir()
    for n in range(199):
        (folder / f"Profile {n:03d}.profile-meta.xml").write_text(profile)
    (folder / "B2BMA Integration User.profile-meta.xml").write_text(profile)
    return count


def _in_process(metadata: Path | None) -> list[float]:
    seconds = []
    for _ in range(RUNS):
        linter = Linter(LintOptions(metadata=metadata))  # a fresh linter: nothing cached
        started = time.perf_counter()
        analysis = linter.analyse_file(PLAN)
        seconds.append(time.perf_counter() - started)
        assert not [f for f in analysis.findings if f.code.startswith("AEM")], analysis.findings
    return seconds


def _cli(metadata: Path | None) -> list[float]:
    command = [sys.executable, "-m", "planner", "lint", str(PLAN)]
    command += ["--metadata", str(metadata)] if metadata else []
    seconds = []
    for _ in range(RUNS):
        started = time.perf_counter()
        subprocess.run(command, capture_output=True, check=False, cwd=REPO)
        seconds.append(time.perf_counter() - started)
    return seconds


def measure() -> tuple[str, float]:
    """The results page and what ``--metadata`` adds to one CLI lint (median seconds)."""
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        started = time.perf_counter()
        fields = generate(root)
        size = sum(p.stat().st_size for p in root.rglob("*") if p.is_file()) / 2**20
        made = time.perf_counter() - started
        rows = []
        added = 0.0
        for label, timed in (("in-process analyse", _in_process), ("CLI lint", _cli)):
            without, with_ = timed(None), timed(root)
            added = statistics.median(with_) - statistics.median(without)
            rows.append(
                f"| {label} | {statistics.median(without):.3f} | {statistics.median(with_):.3f}"
                f" | {added:+.3f} |"
            )
    text = "\n".join([
        "# `--metadata` bench",
        "",
        f"Machine: {platform.machine()}, {os.cpu_count()} cores;"
        f" Python {platform.python_version()}."
        f" Generated DX project: {fields:,} fields over {len(OBJECTS)} objects, 200 profiles"
        f" ({size:.0f} MiB, written in {made:.1f} s). Plan: samples/good/two-bu-mds.yaml."
        f" Median of {RUNS} runs.",
        "",
        "| measure | without --metadata s | with --metadata s | added s |",
        "|---|---|---|---|",
        *rows,
        "",
    ])  # fmt: skip
    return text, added


def main() -> None:
    """Measure, write bench/METADATA-RESULTS.md and print it."""
    text, _ = measure()
    (REPO / "bench" / "METADATA-RESULTS.md").write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
