"""Hypothesis strategies for hostile plans: generated YAML, mutated samples, random bytes."""

from __future__ import annotations

from pathlib import Path

from hypothesis import strategies as st

from tests.conftest import SAMPLES

SAMPLE_TEXTS = tuple(path.read_text(encoding="utf-8") for path in sorted(SAMPLES.glob("*/*.yaml")))
YAML_PIECES = (
    "aeplan: 1\n",
    "salesforce:\n",
    "  org: x\n",
    "business_units:\n",
    "  - name: A\n",
    "    connector: {version: 2}\n",
    "- ",
    ": ",
    "[",
    "]",
    "{",
    "}",
    ",",
    "&a ",
    "*a",
    "<<: *a\n",
    "!!python/object:os.system ",
    "!custom ",
    "'",
    '"',
    "\t",
    "\r\n",
    "\n",
    "  ",
    "# c\n",
    "---\n",
    "...\n",
    "? ",
    "|\n",
    ">\n",
    "no",
    "off",
    "~",
    ".nan",
    ".inf",
    "0x1F",
    "1e999",
    "9" * 40,
    "\ufeff",
    "\x00",
    "\x1b[31m",
    "%YAML 1.1\n",
    "%TAG ! tag:x,2000:\n",
    "@",
    "`",
)

SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True),
    st.text(max_size=30),
    st.just("x" * 10_000),
    st.just(".nan"),
    st.just("off"),
)


@st.composite
def generated_yaml(draw: st.DrawFn) -> bytes:
    """Text stitched from YAML syntax pieces and random words."""
    pieces = draw(
        st.lists(st.one_of(st.sampled_from(YAML_PIECES), st.text(max_size=8)), max_size=40)
    )
    return "".join(pieces).encode("utf-8", "surrogatepass")


@st.composite
def mutated_sample(draw: st.DrawFn) -> bytes:
    """A shipped sample with lines dropped, duplicated, re-indented or values replaced."""
    lines = draw(st.sampled_from(SAMPLE_TEXTS)).splitlines()
    for _ in range(draw(st.integers(1, 6))):
        if not lines:
            break
        index = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(("drop", "dup", "indent", "value", "nest", "swap")))
        line = lines[index]
        if action == "drop":
            del lines[index]
        elif action == "dup":
            lines.insert(index, line)
        elif action == "indent":
            lines[index] = " " * draw(st.integers(0, 9)) + line.lstrip()
        elif action == "value" and ":" in line:
            key = line.split(":", 1)[0]
            lines[index] = f"{key}: {draw(SCALARS)!r}"
        elif action == "nest":
            depth = draw(st.integers(1, 200))
            lines[index] = line + " " + "[" * depth + "]" * depth
        else:
            other = draw(st.integers(0, len(lines) - 1))
            lines[index], lines[other] = lines[other], lines[index]
    text = "\n".join(lines) + "\n"
    encoding = draw(st.sampled_from(("utf-8", "utf-8-sig", "utf-16", "latin-1", "cp932")))
    return text.encode(encoding, errors="replace")


def any_plan_bytes() -> st.SearchStrategy[bytes]:
    """Every kind of hostile input, mixed."""
    return st.one_of(generated_yaml(), mutated_sample(), st.binary(max_size=400))


__all__ = ["Path", "any_plan_bytes", "generated_yaml", "mutated_sample"]
