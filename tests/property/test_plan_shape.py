"""The pydantic-free reading of a plan (``planner.plan.shape``) agrees with the model exactly.

On every plan it accepts, its data is the model's ``model_dump(mode="json", exclude_none=True)``,
key order included; when it declines, the linter asks pydantic, so findings never change.
"""

from __future__ import annotations

import copy
import os
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from planner.limits import Limits
from planner.plan.events import load_text
from planner.plan.model import Plan
from planner.plan.shape import normalised
from tests.property import test_schema_agreement as agreement

ODD = (float("inf"), float("nan"), -float("inf"), "\udc80", "caf\u00e9", "日本", True, 3, 3.0,
       (1, 2), b"x", {1: "a"}, {"a": None}, [None], 2**70)  # fmt: skip


def _model(data: Any) -> Any:
    try:
        return Plan.model_validate(data).model_dump(mode="json", exclude_none=True)
    except ValidationError:
        return None


def _agree(data: Any) -> None:
    if not isinstance(data, dict):
        return
    candidate = {**data, "aeplan": 1}
    fast = normalised(copy.deepcopy(candidate))
    if fast is not None:
        assert repr(fast) == repr(_model(candidate)), yaml.safe_dump(data)


@settings(
    max_examples=int(os.environ.get("AEPLAN_AGREEMENT_EXAMPLES", "600")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(agreement.plans())
def test_read_through_yaml_it_agrees_with_the_model(plan: Any) -> None:
    text = yaml.safe_dump(plan, allow_unicode=True, sort_keys=False)
    _agree(load_text(text, Limits()).data)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(agreement.plans(), st.data())
def test_with_values_yaml_cannot_spell_it_still_agrees(plan: Any, data: st.DataObject) -> None:
    places = [p for p in agreement._places(plan) if isinstance(agreement._at(plan, p), dict)]
    path = data.draw(st.sampled_from(places))
    parent = agreement._at(plan, path)
    key = data.draw(st.sampled_from([*sorted(parent), "extra"]))
    parent[key] = data.draw(st.sampled_from(ODD))
    _agree(plan)


def test_every_good_sample_is_read_without_pydantic() -> None:
    for plan in agreement.GOOD:
        fast = normalised({**plan, "aeplan": 1})
        assert fast is not None
        assert repr(fast) == repr(_model({**plan, "aeplan": 1}))
