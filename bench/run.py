"""`make bench`: aeplan side by side with the tools users already run in CI, on the same files."""

from __future__ import annotations

import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import write_inputs

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
RUNS = int(os.environ.get("AEPLAN_BENCH_RUNS", "7"))
FLOOR = (
    "import sys, yaml\n"
    "for path in sys.argv[1:]:\n"
    "    with open(path, encoding='utf-8') as handle:\n"
    "        yaml.load(handle, Loader=yaml.CSafeLoader)\n"
)
PEAK = (
    "import resource, sys\n"
    "from planner.cli import main\n"
    "sys.argv = ['aeplan'] + sys.argv[1:]\n"
    "try:\n    main()\nexcept SystemExit:\n    pass\n"
    "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)\n"
)


@dataclass(frozen=True)
class Timing:
    """Wall-clock seconds of several runs of one command."""

    label: str
    seconds: tuple[float, ...]

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    @property
    def spread(self) -> str:
        return f"{min(self.seconds):.3f}–{max(self.seconds):.3f}"


def measure(label: str, command: list[str], runs: int = RUNS) -> Timing:
    """Run ``command`` ``runs`` times (after a warm-up for the short cases) and keep each time."""
    if runs >= 3:
        subprocess.run(command, capture_output=True, check=False)
    seconds = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, capture_output=True, check=False)
        seconds.append(time.perf_counter() - started)
    return Timing(label, tuple(seconds))


def tool(name: str) -> str:
    found = BIN / name
    if found.exists():
        return str(found)
    located = shutil.which(name)
    if located is None:
        raise SystemExit(f"bench: {name} is not installed (make bench installs it)")
    return located


def peak_memory_mib(arguments: list[str]) -> float:
    completed = subprocess.run(
        [sys.executable, "-c", PEAK, *arguments], capture_output=True, text=True, check=False
    )
    return int(completed.stderr.strip().splitlines()[-1]) / 1024


def in_process_ms_per_plan(folder: Path) -> float:
    from planner.lint.linter import Linter

    linter = Linter()
    paths = sorted(folder.glob("*.yaml"))
    started = time.perf_counter()
    for path in paths:
        linter.analyse_file(path)
    return (time.perf_counter() - started) * 1000 / len(paths)


def main() -> None:
    aeplan, schema = tool("aeplan"), str(REPO / "schema" / "plan.schema.json")
    checker, yamllint = tool("check-jsonschema"), tool("yamllint")
    with tempfile.TemporaryDirectory(prefix="aeplan-bench-") as scratch:
        inputs = write_inputs(Path(scratch))
        realistic, many = str(inputs["realistic"]), inputs["many"]
        many_files = [str(path) for path in sorted(many.glob("*.yaml"))]
        rows = {
            "realistic": [
                measure("aeplan lint", [aeplan, "lint", "--fail-on", "never", realistic]),
                measure("check-jsonschema", [checker, "--schemafile", schema, realistic]),
                measure("yamllint", [yamllint, "-d", "relaxed", realistic]),
                measure("PyYAML C parse (floor)", [sys.executable, "-c", FLOOR, realistic]),
                measure("aeplan report", [aeplan, "report", realistic]),
            ],
            "1,000 plans": [
                measure("aeplan lint", [aeplan, "lint", "--fail-on", "never", str(many)], 2),
                measure("check-jsonschema", [checker, "--schemafile", schema, *many_files], 2),
                measure("yamllint", [yamllint, "-d", "relaxed", str(many)], 2),
                measure("PyYAML C parse (floor)", [sys.executable, "-c", FLOOR, *many_files], 2),
            ],
            "large plan": [
                measure(
                    f"aeplan lint {factor}x",
                    [aeplan, "lint", "--fail-on", "never", str(inputs[f"large-{factor}x"])],
                    3,
                )
                for factor in (1, 2, 4)
            ],
        }
        memory = peak_memory_mib(["lint", "--fail-on", "never", str(inputs["large-1x"])])
        per_plan = in_process_ms_per_plan(many)
    write_results(rows, memory, per_plan)


def ratio(rows: list[Timing], first: str, second: str) -> float:
    by_label = {timing.label: timing.median for timing in rows}
    return by_label[first] / by_label[second]


def write_results(rows: dict[str, list[Timing]], memory: float, per_plan: float) -> None:
    realistic, many, large = rows["realistic"], rows["1,000 plans"], rows["large plan"]
    large_1x, large_2x = large[0].median, large[1].median
    checks = [
        (
            "one plan: aeplan / check-jsonschema",
            ratio(realistic, "aeplan lint", "check-jsonschema"), 0.75,
        ),
        ("one plan: aeplan / yamllint", ratio(realistic, "aeplan lint", "yamllint"), 1.5),
        (
            "1,000 plans: aeplan / check-jsonschema",
            ratio(many, "aeplan lint", "check-jsonschema"), 0.5,
        ),
        (
            "1,000 plans: aeplan / C-parse floor",
            ratio(many, "aeplan lint", "PyYAML C parse (floor)"), 3.0,
        ),
        ("large plan: lint seconds", large_1x, 1.5),
        ("large plan: 2x input / 1x time", large_2x / large_1x, 2.2),
        ("large plan: peak memory MiB", memory, 150.0),
        (
            "report / lint on the realistic plan",
            ratio(realistic, "aeplan report", "aeplan lint"), 1.5,
        ),
    ]  # fmt: skip
    lines = [
        "# Benchmark results",
        "",
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, {platform.system()} "
        f"{platform.release()}; Python {platform.python_version()}; "
        f"date {time.strftime('%Y-%m-%d')}. Versions: {versions()}.",
        "",
        "| case | command | median s | spread s |",
        "|---|---|---|---|",
    ]
    for case, timings in rows.items():
        lines += [f"| {case} | {t.label} | {t.median:.3f} | {t.spread} |" for t in timings]
    lines += ["", f"In-process: {per_plan:.2f} ms per plan (1,000 plans, rules compiled once).", ""]
    lines += ["| target | measured | limit | met |", "|---|---|---|---|"]
    lines += [f"| {name} | {value:.2f} | ≤ {limit} | {'yes' if value <= limit else 'NO'} |"
              for name, value, limit in checks]  # fmt: skip
    text = "\n".join(lines) + "\n"
    (REPO / "bench" / "RESULTS.md").write_text(text, encoding="utf-8")
    print(text)


def versions() -> str:
    from importlib.metadata import version

    names = ("aeplan", "check-jsonschema", "yamllint", "PyYAML", "pydantic", "jsonschema")
    return ", ".join(f"{name} {version(name)}" for name in names)


if __name__ == "__main__":
    main()
