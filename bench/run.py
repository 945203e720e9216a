"""`make bench`: aeplan side by side with the tools users already run in CI, on the same files."""

from __future__ import annotations

import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import write_inputs

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
RUNS = int(os.environ.get("AEPLAN_BENCH_RUNS", "7"))
# One plan's cold start is a few tenths of a second: more runs, taken side by side (interleaved).
SIDE_BY_SIDE_RUNS = max(RUNS, 12)
# Timed as a user's install runs: with compiled bytecode (pip compiles on install), so the child
# processes may read and write it whatever the shell says.
ENV = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
# The honest floor: parse the same files into nodes with positions (what aeplan needs) with
# libyaml's composer, and nothing else.
FLOOR = (
    "import sys, yaml\n"
    "for path in sys.argv[1:]:\n"
    "    with open(path, encoding='utf-8') as handle:\n"
    "        yaml.compose(handle, Loader=yaml.CSafeLoader)\n"
)
README = REPO / "README.md"
SPEED_BEGIN, SPEED_END = "<!-- speed:begin -->", "<!-- speed:end -->"
PEAK = (
    "import resource, sys\n"
    "from planner.cli import main\n"
    "sys.argv = ['aeplan'] + sys.argv[1:]\n"
    "try:\n    main()\nexcept SystemExit:\n    pass\n"
    "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)\n"
)


@dataclass(frozen=True)
class Timing:
    """Wall-clock seconds of several runs of one command (and the CPU seconds, user + system)."""

    label: str
    seconds: tuple[float, ...]
    cpu: tuple[float, ...] = ()

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    @property
    def cpu_median(self) -> str:
        return f"{statistics.median(self.cpu):.3f}" if self.cpu else "—"

    @property
    def spread(self) -> str:
        return f"{min(self.seconds):.3f}–{max(self.seconds):.3f}"


def measure(label: str, command: list[str], runs: int = RUNS, cwd: Optional[Path] = None) -> Timing:
    """Run ``command`` ``runs`` times (after a warm-up for the short cases) and keep each time."""
    if runs >= 3:
        _run(command, cwd)
    seconds, cpu = [], []
    for _ in range(runs):
        wall, used = _run(command, cwd)
        seconds.append(wall)
        cpu.append(used)
    return Timing(label, tuple(seconds), tuple(cpu))


def side_by_side(commands: dict[str, list[str]], runs: int, cwd: Path) -> list[Timing]:
    """Each command once per round, ``runs`` rounds after a warm-up round: a load that comes and
    goes weighs on every command alike, so their ratios hold better than separate series."""
    times: dict[str, list[tuple[float, float]]] = {label: [] for label in commands}
    for round_number in range(runs + 1):
        for label, command in commands.items():
            taken = _run(command, cwd)
            if round_number:
                times[label].append(taken)
    return [
        Timing(label, tuple(wall for wall, _ in taken), tuple(cpu for _, cpu in taken))
        for label, taken in times.items()
    ]


def _run(command: list[str], cwd: Optional[Path]) -> tuple[float, float]:
    """Wall-clock and CPU (user + system) seconds of one run of ``command``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(command, capture_output=True, check=False, env=ENV, cwd=cwd)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return wall, cpu


def compile_bytecode() -> None:
    """Compile aeplan and the environment's packages once, as ``pip install`` does for a user."""
    import sysconfig

    folders = {str(REPO / "planner"), sysconfig.get_paths()["purelib"]}
    command = [sys.executable, "-m", "compileall", "-q", "-j", "0", *sorted(folders)]
    subprocess.run(command, capture_output=True, check=False, env=ENV)


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
    compile_bytecode()
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="aeplan-bench-") as scratch:
        inputs = write_inputs(Path(scratch))
        realistic, many = str(inputs["realistic"]), inputs["many"]
        many_files = [str(path) for path in sorted(many.glob("*.yaml"))]
        large = {factor: str(inputs[f"large-{factor}x"]) for factor in (1, 2, 4)}
        # Run where the plans are, as in a user's repository: not in aeplan's own source tree,
        # whose pyproject.toml names aeplan and so would be read as a configuration file.
        here = Path(scratch)
        one_plan = {
            "aeplan lint": [aeplan, "lint", "--fail-on", "never", realistic],
            "check-jsonschema": [checker, "--schemafile", schema, realistic],
            "yamllint": [yamllint, "-d", "relaxed", realistic],
            "PyYAML C compose (floor)": [sys.executable, "-c", FLOOR, realistic],
        }
        rows = {
            "realistic": [
                *side_by_side(one_plan, SIDE_BY_SIDE_RUNS, here),
                measure("aeplan report", [aeplan, "report", realistic], cwd=here),
            ],
            "1,000 plans": [
                measure("aeplan lint", [aeplan, "lint", "--fail-on", "never", str(many)], 2, here),
                measure("check-jsonschema", [checker, "--schemafile", schema, *many_files], 2,
                        here),
                measure("yamllint", [yamllint, "-d", "relaxed", str(many)], 1, here),
                measure("PyYAML C compose (floor)", [sys.executable, "-c", FLOOR, *many_files], 2,
                        here),
            ],
            "large plan": [
                *(measure(f"aeplan lint {n}x", [aeplan, "lint", "--fail-on", "never", large[n]], 3,
                          here) for n in (1, 2, 4)),
                *(measure(f"aeplan {command} {n}x", [aeplan, command, large[n]], 2, here)
                  for command in ("report", "compare") for n in (1, 2)),
            ],
        }  # fmt: skip
        memory = peak_memory_mib(["lint", "--fail-on", "never", large[1]])
        per_plan = in_process_ms_per_plan(many)
    import metadata as metadata_bench  # bench/metadata.py, beside this script

    metadata_text, metadata_added = metadata_bench.measure()
    (REPO / "bench" / "METADATA-RESULTS.md").write_text(metadata_text, encoding="utf-8")
    load = (load_before[0], os.getloadavg()[0])
    write_results(rows, memory, per_plan, load, metadata_added)


def ratio(rows: list[Timing], first: str, second: str) -> float:
    by_label = {timing.label: timing.median for timing in rows}
    return by_label[first] / by_label[second]


def growth(rows: list[Timing], command: str) -> float:
    return ratio(rows, f"{command} 2x", f"{command} 1x")


Target = tuple[str, Optional[float], float]


def targets(rows: dict[str, list[Timing]], memory: float, metadata: float) -> list[Target]:
    """Issue 18's targets: (what, measured or None when another stage measures it, limit)."""
    one, many, large = rows["realistic"], rows["1,000 plans"], rows["large plan"]
    floor, lint, checker = "PyYAML C compose (floor)", "aeplan lint", "check-jsonschema"
    return [
        ("large plan: report / lint", ratio(large, "aeplan report 1x", "aeplan lint 1x"), 3.0),
        ("large plan: compare / lint", ratio(large, "aeplan compare 1x", "aeplan lint 1x"), 3.0),
        ("large plan: report 2x / 1x input", growth(large, "aeplan report"), 2.2),
        ("large plan: compare 2x / 1x input", growth(large, "aeplan compare"), 2.2),
        ("large plan: lint 2x / 1x input", ratio(large, "aeplan lint 2x", "aeplan lint 1x"), 2.2),
        ("one plan: aeplan lint / yamllint", ratio(one, lint, "yamllint"), 1.0),
        ("one plan: aeplan lint / check-jsonschema", ratio(one, lint, checker), 0.5),
        ("1,000 plans: aeplan lint / C-compose floor", ratio(many, lint, floor), 4.0),
        ("1,000 plans: aeplan lint / check-jsonschema", ratio(many, lint, checker), 0.2),
        ("large plan: lint peak memory MiB", memory, 150.0),
        ("metadata check adds, s (5,000 fields, 200 profiles)", metadata, 0.5),
    ]  # fmt: skip


def write_results(
    rows: dict[str, list[Timing]],
    memory: float,
    per_plan: float,
    load: tuple[float, float],
    metadata: float,
) -> None:
    checks = targets(rows, memory, metadata)
    lines = [
        "# Benchmark results",
        "",
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, {platform.system()} "
        f"{platform.release()}; Python {platform.python_version()}; "
        f"date {time.strftime('%Y-%m-%d')}; load average {load[0]:.1f} at the start, "
        f"{load[1]:.1f} at the end (ratios are of runs side by side, so they hold better than "
        f"seconds). Versions: {versions()}.",
        "",
        "| case | command | median s | spread s | median CPU s |",
        "|---|---|---|---|---|",
    ]
    for case, timings in rows.items():
        lines += [
            f"| {case} | {t.label} | {t.median:.3f} | {t.spread} | {t.cpu_median} |"
            for t in timings
        ]
    lines += ["", f"In-process: {per_plan:.2f} ms per plan (1,000 plans, rules compiled once).", ""]
    lines += target_table(checks)
    notes = REPO / "bench" / "NOTES.md"
    if notes.exists():  # where the time goes for targets not met, and what would close them
        lines += ["", notes.read_text(encoding="utf-8").rstrip()]
    text = "\n".join(lines) + "\n"
    (REPO / "bench" / "RESULTS.md").write_text(text, encoding="utf-8")
    update_readme(target_table(checks))
    print(text)


def target_table(checks: list[Target]) -> list[str]:
    lines = ["| target | measured | limit | met |", "|---|---|---|---|"]
    for name, value, limit in checks:
        if value is None:
            lines.append(f"| {name} | measured by #15 | ≤ {limit} | — |")
        else:
            met = "met" if value <= limit else "NOT met"
            lines.append(f"| {name} | {value:.2f} | ≤ {limit} | {met} |")
    return lines


def update_readme(table: list[str]) -> None:
    """Replace the README's Speed table (between its markers) with this run's."""
    text = README.read_text(encoding="utf-8")
    if SPEED_BEGIN not in text or SPEED_END not in text:
        return
    head, rest = text.split(SPEED_BEGIN, 1)
    tail = rest.split(SPEED_END, 1)[1]
    body = "\n".join(["", *table, ""])
    README.write_text(head + SPEED_BEGIN + body + SPEED_END + tail, encoding="utf-8")


def versions() -> str:
    from importlib.metadata import version

    names = ("aeplan", "check-jsonschema", "yamllint", "PyYAML", "pydantic", "jsonschema")
    return ", ".join(f"{name} {version(name)}" for name in names)


if __name__ == "__main__":
    main()
