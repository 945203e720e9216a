"""Secrets in a plan: AE801 finds them, and every output masks them (F17 F18)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from planner import pointers
from planner.checks import Hit, PlanContext, check

if TYPE_CHECKING:
    from planner.findings import Finding
    from planner.loading import LoadedPlan

MASK = "********"
_MARKER = r"-----(?:BEGIN|END) [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----"
_BEGIN = re.compile(r"-----BEGIN [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----")
_END = re.compile(r"-----END [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----")
_BLOCK = re.compile(_BEGIN.pattern + r".*?(?:" + _END.pattern + r"|\Z)", re.DOTALL)
_WORDS = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|[^A-Za-z0-9]+")
_SECRET_WORDS = frozenset({
    "password", "passwd", "pwd", "passphrase", "secret", "secrets", "token", "tokens",
    "apikey", "apikeys", "privatekey", "clientsecret",
})  # fmt: skip
_SECRET_PARTS = ("pass", "pwd", "secret", "token", "key")
_SECRET_PAIRS = frozenset(
    {("private", "key"), ("private", "keys"), ("api", "key"), ("api", "keys")}
)
# A key that names a secret's metadata (where it is, when it expires) does not hold the secret.
_METADATA_WORDS = frozenset({
    "url", "uri", "endpoint", "name", "type", "id", "expiry", "expires", "expiration",
    "policy", "length", "ttl", "rotation", "owner", "location", "path", "file",
})  # fmt: skip
_MIN_FRAGMENT = 4


@lru_cache(maxsize=4096)
def names_secret(key: str) -> bool:
    """True when a key names a secret: ``password``, ``apiKey``, ``CLIENT_SECRET``, ``token``."""
    lowered = key.lower()
    if not any(part in lowered for part in _SECRET_PARTS):
        return False
    words = [word.lower() for word in _WORDS.split(key) if word]
    if not words or words[-1] in _METADATA_WORDS:
        return False
    if any(word in _SECRET_WORDS for word in words):
        return True
    return any(pair in _SECRET_PAIRS for pair in zip(words, words[1:]))


def holds_private_key(value: Any) -> bool:
    """True when a value is text holding a private-key block (``-----BEGIN … PRIVATE KEY-----``)."""
    return isinstance(value, str) and "PRIVATE KEY" in value and _BEGIN.search(value) is not None


def _has_value(value: Any) -> bool:
    if isinstance(value, bool) or value is None:
        return False
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, dict):
        return any(_has_value(child) for child in value.values())
    if isinstance(value, list):
        return any(_has_value(child) for child in value)
    return True


def secrets_in(data: Any, pointer: str = "") -> Iterator[str]:
    """Pointers of the outermost secrets in raw plan data, in document order."""
    for path in _secret_paths(data, ()):
        yield pointers.join(pointer, *path) if path else pointer


def _secret_paths(data: Any, path: tuple[Any, ...]) -> Iterator[tuple[Any, ...]]:
    # Paths are built as tuples and turned into pointers only for the (rare) hits.
    if isinstance(data, dict):
        for key, child in data.items():
            if isinstance(child, (dict, list)):
                if names_secret(str(key)) and _has_value(child):
                    yield (*path, key)
                else:
                    yield from _secret_paths(child, (*path, key))
            elif (names_secret(str(key)) and _has_value(child)) or holds_private_key(child):
                yield (*path, key)
    elif isinstance(data, list):
        for index, child in enumerate(data):
            if isinstance(child, (dict, list)):
                yield from _secret_paths(child, (*path, index))
            elif holds_private_key(child):
                yield (*path, index)
    elif holds_private_key(data):
        yield path


def _scalars(data: Any, pointer: str) -> Iterator[tuple[str, Any]]:
    if isinstance(data, dict):
        for key, child in data.items():
            yield from _scalars(child, pointers.join(pointer, key))
    elif isinstance(data, list):
        for index, child in enumerate(data):
            yield from _scalars(child, pointers.join(pointer, index))
    else:
        yield pointer, data


def secret_scalars(data: Any) -> list[tuple[str, Any]]:
    """Every scalar (pointer, value) that is, or lies below, a secret."""
    found: list[tuple[str, Any]] = []
    for pointer in secrets_in(data):
        found.extend(_scalars(pointers.resolve(data, pointer)[1], pointer))
    return found


def fragments(data: Any) -> list[str]:
    """Pieces of secret text to mask wherever they appear, longest first."""
    pieces: set[str] = set()
    for _, value in secret_scalars(data):
        if value is None or isinstance(value, bool):
            continue
        text = str(value)
        pieces.add(text.strip())
        pieces.update(line.strip() for line in text.splitlines())
        pieces.update(text.split())
    kept = (piece for piece in pieces if len(piece) >= _MIN_FRAGMENT)
    return sorted(kept, key=lambda piece: (-len(piece), piece))


def redact(text: str, pieces: Iterable[str] = ()) -> str:
    """``text`` with private-key blocks and the given secret pieces masked."""
    text = _BLOCK.sub(MASK, text)
    for piece in pieces:
        text = text.replace(piece, MASK)
    return text


def redacted_findings(findings: Iterable[Finding], data: Any) -> list[Finding]:
    """Findings whose message and fix echo no secret of the plan."""
    pieces = fragments(data)
    if not pieces and not any(
        "PRIVATE KEY" in f.message or "PRIVATE KEY" in (f.fix or "") for f in findings
    ):
        return list(findings)
    return [
        replace(f, message=redact(f.message, pieces), fix=redact(f.fix, pieces) if f.fix else f.fix)
        for f in findings
    ]


def masked_lines(loaded: LoadedPlan) -> list[str]:
    """The plan's source lines with every secret value masked, for reporters that quote source."""
    lines = loaded.text.splitlines()
    if "PRIVATE KEY" not in loaded.text and not any(True for _ in secrets_in(loaded.data)):
        return lines
    for pointer, _ in secret_scalars(loaded.data):
        position = loaded.values.get(pointer)
        if position is not None and 0 < position.line <= len(lines):
            line = lines[position.line - 1]
            lines[position.line - 1] = line[: position.column - 1] + MASK
    inside_block = False
    pieces = fragments(loaded.data)
    for number, line in enumerate(lines):
        begins, ends = _BEGIN.search(line), _END.search(line)
        if inside_block or begins:
            start = begins.start() if begins else len(line) - len(line.lstrip())
            lines[number] = line[:start] + MASK
        inside_block = (inside_block or begins is not None) and ends is None
        lines[number] = redact(lines[number], pieces)
    return lines


def _dotted(pointer: str) -> str:
    text = ""
    for segment in pointers.split(pointer):
        text += f"[{segment}]" if segment.isdigit() else (f".{segment}" if text else segment)
    return text


@check("secret_in_plan", on_invalid_plans=True, per_unit=True)
def secret_in_plan(context: PlanContext) -> Iterator[Hit]:
    """A value under a key that names a secret, or any value holding a private-key block."""
    for pointer in secrets_in(context.raw):
        yield Hit(pointer, {"path": _dotted(pointer)})
