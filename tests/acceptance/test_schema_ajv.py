"""The committed plan schema, checked by a second JSON Schema implementation (ajv, from npm)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from planner.init.plan_writer import Answers, render_plan
from tests.acceptance.test_samples import BAD, GOOD, expected_findings
from tests.conftest import REPO

SCHEMA = REPO / "schema" / "plan.schema.json"
NODE_PREFIX = REPO / "build" / "node"
AJV = NODE_PREFIX / "node_modules" / ".bin" / "ajv"
# Codes that mean "the plan does not fit the format", which a schema validator must see too.
# AE004 (duplicate key) is invisible once YAML is loaded; AE001 files do not load at all.
SCHEMA_CODES = {"AE002", "AE003", "AE005"}


@pytest.fixture(scope="module")
def ajv() -> Path:
    """ajv-cli 5, installed once into build/node (ignored by git) with the real npm client."""
    npm = shutil.which("npm")
    if npm is None or shutil.which("node") is None:
        pytest.skip("node and npm are not installed, so the ajv cross-check cannot run")
    if not AJV.exists():
        NODE_PREFIX.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [
                npm,
                "install",
                "--prefix",
                str(NODE_PREFIX),
                "--no-audit",
                "--no-fund",
                "--silent",
                "ajv-cli@5",
            ],
            check=True,
            capture_output=True,
            timeout=600,
        )
    return AJV


def _as_json(source: Path, folder: Path) -> Path:
    """PyYAML reads YAML 1.1 as aeplan does (``off`` is false); ajv then sees the same data."""
    target = folder / f"{source.parent.name}-{source.stem}.json"
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    target.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return target


def _verdicts(ajv: Path, files: list[Path]) -> dict[str, str]:
    """``file name -> "valid" | "invalid"`` from one ajv run over every file."""
    arguments = [str(ajv), "validate", "--spec=draft2020", "-s", str(SCHEMA)]
    for path in files:
        arguments += ["-d", str(path)]
    run = subprocess.run(arguments, capture_output=True, text=True, check=False, timeout=300)
    verdicts = {}
    for line in (run.stdout + run.stderr).splitlines():
        name, _, verdict = line.rpartition(" ")
        if verdict in ("valid", "invalid") and name:
            verdicts[Path(name).name] = verdict
    assert len(verdicts) == len(files), run.stdout + run.stderr
    return verdicts


def _loadable(path: Path) -> bool:
    return "AE001" not in {code for code, _ in expected_findings(path)}


@pytest.mark.slow
def test_ajv_agrees_with_aeplan_on_every_sample(ajv: Path, tmp_path: Path) -> None:
    bad = [path for path in BAD if _loadable(path)]
    files = [_as_json(path, tmp_path) for path in [*GOOD, *bad]]
    verdicts = _verdicts(ajv, files)
    for path in GOOD:
        assert verdicts[f"good-{path.stem}.json"] == "valid", path.name
    for path in bad:
        structural = SCHEMA_CODES & {code for code, _ in expected_findings(path)}
        wanted = "invalid" if structural else "valid"
        assert verdicts[f"bad-{path.stem}.json"] == wanted, path.name
    assert "invalid" in verdicts.values()


@pytest.mark.slow
def test_ajv_accepts_plans_written_by_aeplan_init(ajv: Path, tmp_path: Path) -> None:
    plans = {
        "one": Answers(sync_error_owner="Ops", salesforce_admin="Taro", ae_admins=("Hanako",)),
        "two": Answers(business_units=("Japan", "Korea"), scope="marketing_data_sharing",
                       connector_user="custom_user", person_accounts="instead_of_leads",
                       version=None, same_email=None, lang="ja"),
    }  # fmt: skip
    files = []
    for name, answers in plans.items():
        source = tmp_path / f"{name}.yaml"
        source.write_text(render_plan(answers), encoding="utf-8")
        files.append(_as_json(source, tmp_path))
    assert set(_verdicts(ajv, files).values()) == {"valid"}
