# Two set-up-free entry points: `make demo` and `make test` create .venv when needed.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.aeplan-installed

.PHONY: demo test lint typecheck imports deadcode coverage check schema docs bench clean golden

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test,dev]'
	@touch $(STAMP)

demo: $(STAMP)
	@echo "== aeplan lint samples/good (plans that lint clean)"
	@$(BIN)/aeplan lint samples/good
	@echo
	@echo "== aeplan lint samples/bad (plans with findings; exit code 1 is expected)"
	@$(BIN)/aeplan lint samples/bad; status=$$?; test $$status -eq 1 || { echo "unexpected exit code $$status"; exit 1; }
	@echo
	@echo "== aeplan lint samples/good/two-bu-mds.yaml --metadata samples/metadata/globex-dx (checked against the org's metadata)"
	@$(BIN)/aeplan lint samples/good/two-bu-mds.yaml --metadata samples/metadata/globex-dx
	@$(BIN)/aeplan lint samples/good/two-bu-mds.yaml --metadata samples/metadata/globex-mdapi --quiet && echo "The same org in Metadata API format (samples/metadata/globex-mdapi): no findings either."
	@echo
	@echo "== the same plan against broken metadata: a missing field, no edit access, an inactive record type, person accounts (exit code 1 is expected)"
	@$(BIN)/aeplan lint samples/good/two-bu-mds.yaml --metadata samples/metadata/globex-broken-dx --select AEM; status=$$?; test $$status -eq 1 || { echo "unexpected exit code $$status"; exit 1; }
	@echo
	@echo "== aeplan report samples/good/*.yaml (implementation reports, in each plan's language)"
	@mkdir -p build
	@for plan in samples/good/*.yaml; do \
	  name=$$(basename $$plan .yaml); \
	  $(BIN)/aeplan report $$plan -o build/$$name.md && \
	  $(BIN)/aeplan report $$plan -o build/$$name.html || exit 1; \
	  echo "   build/$$name.md  build/$$name.html"; \
	done
	@echo
	@echo "demo finished: the good plans are clean, the bad plans show their findings,"
	@echo "and the reports are in build/ (open the .html files in a browser)."

# The whole suite under line coverage of planner/; fails under [tool.coverage.report] fail_under.
test: $(STAMP)
	@$(BIN)/python -m coverage run -m pytest
	@$(BIN)/python -m coverage report

# What CI runs (`.ci/run`): the checks that are quick first, then the suite under coverage.
check: lint typecheck imports deadcode test

LINTED := planner tests tools bench

lint: $(STAMP)
	@$(BIN)/ruff check $(LINTED)
	@$(BIN)/ruff format --check $(LINTED)

typecheck: $(STAMP)
	@$(BIN)/mypy --strict planner

# The stage layering of docs/architecture.md, as import-linter contracts in pyproject.toml.
imports: $(STAMP)
	@$(BIN)/lint-imports

deadcode: $(STAMP)
	@$(BIN)/vulture

coverage: test

# Refresh every golden file (report, lint formats, compare) after an intended change; review the diff.
golden: $(STAMP)
	@AEPLAN_UPDATE_GOLDEN=1 $(BIN)/python -m pytest -q tests/acceptance/test_report_golden.py \
	  tests/acceptance/test_output_golden.py
	@git status --short tests/golden

schema: $(STAMP)
	@$(BIN)/aeplan schema --lang en > schema/plan.schema.json.tmp && mv schema/plan.schema.json.tmp schema/plan.schema.json
	@$(BIN)/aeplan schema --lang ja > schema/plan.schema.ja.json.tmp && mv schema/plan.schema.ja.json.tmp schema/plan.schema.ja.json
	@$(BIN)/aeplan schema --lang en --draft 7 > schema/plan.schema.draft-07.json.tmp && mv schema/plan.schema.draft-07.json.tmp schema/plan.schema.draft-07.json
	@$(BIN)/python -c "from planner.plan.shape_export import module_text; print(module_text(), end='')" > planner/plan/shape_data.py.tmp && mv planner/plan/shape_data.py.tmp planner/plan/shape_data.py

docs: $(STAMP)
	@$(BIN)/python -m planner.catalogue.rules_docs docs
	@$(BIN)/python -m planner.rules.index
	@$(BIN)/python -m planner.i18n

fuzz: $(STAMP)
	@minutes=$${AEPLAN_FUZZ_MINUTES:-30}; share=$$(( minutes * 60 / 9 )); \
	for test in tests/property/test_hostile_input.py::test_lint_never_raises_and_every_format_renders \
	    tests/property/test_hostile_input.py::test_report_and_compare_end_in_output_or_one_line_error \
	    tests/security/test_untrusted_files.py::test_any_configuration_bytes_give_a_result_or_one_line \
	    tests/security/test_untrusted_files.py::test_any_organisation_rule_bytes_give_a_result_or_one_line \
	    tests/property/test_hostile_files.py::test_generated_organisation_rules_give_a_result_or_one_line \
	    tests/property/test_hostile_files.py::test_generated_configuration_gives_a_result_or_one_line \
	    tests/property/test_hostile_files.py::test_generated_baselines_give_a_result_or_one_line \
	    tests/property/test_hostile_files.py::test_folder_shapes_give_a_result_or_one_line \
	    tests/property/test_hostile_files.py::test_output_size_is_linear_in_input_size; do \
	  echo "fuzzing $$test for $$share s"; \
	  AEPLAN_FUZZ_RANDOM=1 AEPLAN_FUZZ_EXAMPLES=100000000 timeout $$share $(BIN)/python -m pytest -q -x -p no:cacheprovider $$test; \
	  status=$$?; test $$status -eq 0 -o $$status -eq 124 || exit $$status; \
	done; echo "fuzz: no failure found in $$minutes minutes"

bench: $(STAMP)
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[bench]'
	@$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) build dist .pytest_cache
