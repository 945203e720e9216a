"""Secrets in a plan: AE801 finds them, and every output masks them (F17 F18)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Optional

from planner import pointers

if TYPE_CHECKING:
    from planner.findings import Finding
    from planner.plan.source import LoadedPlan

MASK = "********"
_MARKER = r"-----(?:BEGIN|END) [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----"
_BEGIN = re.compile(r"-----BEGIN [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----")
_END = re.compile(r"-----END [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----")
_BLOCK = re.compile(_BEGIN.pattern + r".*?(?:" + _END.pattern + r"|\Z)", re.DOTALL)
_WORDS = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|[^A-Za-z0-9]+")
# Whole words (after trailing digits and a plural `s` are dropped) that name a secret.
_SECRET_WORDS = frozenset({
    "password", "passwd", "pwd", "pw", "pass", "passphrase", "passcode", "secret", "token",
    "apikey", "privatekey", "clientsecret", "credential", "creds", "cred",
})  # fmt: skip
# Run-together words that end in one of these name a secret: `accesstoken`, `secretkey`.
_SECRET_ENDINGS = ("password", "passwd", "passphrase", "secret", "token", "credential")
_KEY_PREFIXES = ("secret", "private", "api", "access", "signing", "encryption", "client", "master")
_SECRET_PAIRS = frozenset(
    (prefix, "key") for prefix in ("private", "api", "secret", "access", "signing", "encryption")
)
# Japanese key names as Salesforce's Japanese UI and admins write them.
_JAPANESE_SECRETS = ("パスワード", "秘密鍵", "秘密キー", "秘密の質問", "シークレット", "トークン",
                     "暗証番号", "認証情報", "資格情報", "プライベートキー", "アクセスキー",
                     "APIキー", "合言葉", "パスフレーズ")  # fmt: skip
_JAPANESE_METADATA = ("ポリシー", "有効期限", "期限", "URL", "名", "種類", "場所", "担当",
                      "所有者", "ファイル", "パス", "長さ")  # fmt: skip
# A key that names a secret's metadata (where it is, when it expires) does not hold the secret.
_METADATA_WORDS = frozenset({
    "url", "uri", "endpoint", "name", "type", "id", "expiry", "expires", "expiration",
    "policy", "length", "ttl", "rotation", "owner", "location", "path", "file",
})  # fmt: skip
#: Every word :func:`names_secret` accepts contains one of these (tests hold the list to it).
SECRET_HINTS = ("pw", "pass", "secret", "token", "key", "cred")
_MIN_FRAGMENT = 4
_TRAILING_DIGITS = re.compile(r"\d+$")


def _word(word: str) -> str:
    """A key word compared: lower case, without trailing digits or a plural ``s``."""
    word = _TRAILING_DIGITS.sub("", word.lower())
    if word.endswith("s") and len(word) > 3 and not word.endswith(("ss", "us")):
        word = word[:-1]
    return word


@lru_cache(maxsize=4096)
def names_secret(key: str) -> bool:
    """True when a key names a secret: ``password``, ``apiKey``, ``CLIENT_SECRET``, ``パスワード``.

    Plurals (``passwords``), trailing digits (``Password1``), run-together words
    (``accesstoken``, ``secretkey``), short forms (``pw``, ``pass``, ``creds``) and
    ``credentials`` count; a key naming a secret's metadata (``token_url``) does not.
    """
    if not key.isascii():
        return _japanese_secret(key) or names_secret(re.sub(r"[^\x00-\x7f]+", "_", key))
    words = [_word(word) for word in _WORDS.split(key) if word]
    words = [word for word in words if word]
    if not words or words[-1] in _METADATA_WORDS:
        return False
    for word in words:
        if word in _SECRET_WORDS or (word.endswith(_SECRET_ENDINGS) and not word.endswith("ary")):
            return True
        if word.endswith("key") and word[:-3] in _KEY_PREFIXES:
            return True
    return any(pair in _SECRET_PAIRS for pair in zip(words, words[1:]))


def may_name_secret(text: str) -> bool:
    """False only when no key inside ``text`` can name a secret (a cheap test before parsing).

    Every secret word, ending and ``…key`` form holds one of :data:`SECRET_HINTS` (lower case),
    and the Japanese names are searched as they are.
    """
    lowered = text.lower()
    if any(hint in lowered for hint in SECRET_HINTS):
        return True
    return not text.isascii() and any(term in text for term in _JAPANESE_SECRETS)


def _japanese_secret(key: str) -> bool:
    if not any(term in key for term in _JAPANESE_SECRETS):
        return False
    return not key.rstrip("_- 　0123456789").endswith(_JAPANESE_METADATA)


def holds_private_key(value: Any) -> bool:
    """True when a value holds a private key: a PEM or OpenSSH block, or a PuTTY key file."""
    if not isinstance(value, str):
        return False
    if "PRIVATE KEY" in value and _BEGIN.search(value) is not None:
        return True
    return "PuTTY-User-Key-File-" in value or "Private-Lines:" in value


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


def found_in(loaded: LoadedPlan) -> tuple[str, ...]:
    """:func:`secrets_in` the loaded plan's data, worked out once for every output that masks."""
    if loaded.secret_pointers is None:
        loaded.secret_pointers = tuple(secrets_in(loaded.data))
    return loaded.secret_pointers


def _scalars(data: Any, pointer: str) -> Iterator[tuple[str, Any]]:
    if isinstance(data, dict):
        for key, child in data.items():
            yield from _scalars(child, pointers.join(pointer, key))
    elif isinstance(data, list):
        for index, child in enumerate(data):
            yield from _scalars(child, pointers.join(pointer, index))
    else:
        yield pointer, data


def secret_scalars(data: Any, found: Optional[Iterable[str]] = None) -> list[tuple[str, Any]]:
    """Every scalar (pointer, value) that is, or lies below, a secret (``found``: the secrets'
    pointers, when already known)."""
    scalars: list[tuple[str, Any]] = []
    for pointer in secrets_in(data) if found is None else found:
        scalars.extend(_scalars(pointers.resolve(data, pointer)[1], pointer))
    return scalars


def fragments(scalars: Iterable[tuple[str, Any]]) -> list[str]:
    """Pieces of the secret text in ``scalars`` (see :func:`secret_scalars`) to mask wherever
    they appear, longest first."""
    pieces: set[str] = set()
    for _, value in scalars:
        if value is None or isinstance(value, bool):
            continue
        text = str(value)
        pieces.add(text.strip())
        pieces.update(line.strip() for line in text.splitlines())
        pieces.update(text.split())
    kept = (piece for piece in pieces if len(piece) >= _MIN_FRAGMENT)
    return sorted(kept, key=lambda piece: (-len(piece), piece))


class Redactor:
    """Masks private-key blocks and a plan's secret pieces in any text, in time linear in it.

    The pieces are matched together by RE2 (one automaton for all of them), so masking costs
    the same whether a plan holds one secret or fifty thousand: never findings × secrets.
    """

    _GROUP = 5000  # pieces per automaton: keeps each one well inside RE2's memory budget

    def __init__(self, pieces: Sequence[str] = ()) -> None:
        import re2

        options = re2.Options()
        options.log_errors = False
        options.max_mem = 64 << 20
        ordered = sorted(set(pieces), key=lambda piece: (-len(piece), piece))
        self._automata = [
            re2.compile("|".join(re2.escape(piece) for piece in ordered[at : at + self._GROUP]),
                        options)
            for at in range(0, len(ordered), self._GROUP)
        ]  # fmt: skip

    def __bool__(self) -> bool:
        return bool(self._automata)

    def __call__(self, text: str) -> str:
        """``text`` with private-key blocks and every piece replaced by :data:`MASK`."""
        if "PRIVATE KEY" in text:
            text = _BLOCK.sub(MASK, text)
        if "PuTTY-User-Key-File-" in text or "Private-Lines:" in text:
            text = MASK
        for automaton in self._automata:
            if automaton.search(text) is not None:
                text = automaton.sub(MASK, text)
        return text


def redacted_findings(findings: Iterable[Finding], loaded: LoadedPlan) -> list[Finding]:
    """Findings whose message and fix echo no secret of the plan."""
    findings = list(findings)
    if not findings:
        return findings
    redactor = Redactor(fragments(secret_scalars(loaded.data, found_in(loaded))))
    if not redactor and not any(
        "PRIVATE KEY" in f.message or "PRIVATE KEY" in (f.fix or "") or "PuTTY" in f.message
        for f in findings
    ):
        return findings
    return [
        replace(f, message=redactor(f.message), fix=redactor(f.fix) if f.fix else f.fix)
        for f in findings
    ]


class MaskedSource:
    """The plan's source lines with every secret value masked, for reporters that quote source.

    Besides the values the parsed data places on a line, each line is also read as text: a
    ``key: value`` whose key names a secret is masked from the value on even when the YAML does
    not parse (the parser's error then points at the very line that holds the secret).

    Each line is masked when first asked for, so quoting a few lines of a long plan costs a few
    lines. A private-key block spans lines, so a plan holding one is masked whole, at once; every
    other line's mask depends on that line alone (the secret values on it, in document order).
    """

    def __init__(self, loaded: LoadedPlan) -> None:
        self._loaded = loaded
        self._lines = loaded.text.splitlines()
        self._masked: dict[int, str] = {}
        self._cuts: dict[int, list[int]] = {}
        self._redactor: Optional[Redactor] = None

    def __len__(self) -> int:
        return len(self._lines)

    def __iter__(self) -> Iterator[str]:
        return (self[index] for index in range(len(self._lines)))

    def __getitem__(self, index: int) -> str:
        """Line ``index`` (0-based; negative counts from the end), masked."""
        if index < 0:
            index += len(self._lines)
        if not 0 <= index < len(self._lines):
            raise IndexError(index)
        if self._redactor is None:
            self._prepare()
            assert self._redactor is not None
        if index not in self._masked:
            line = self._lines[index]
            for column in self._cuts.get(index, ()):
                line = line[: column - 1] + MASK
            self._masked[index] = self._redactor(_mask_secret_keys(line))
        return self._masked[index]

    def _prepare(self) -> None:
        loaded = self._loaded
        scalars = secret_scalars(loaded.data, found_in(loaded))
        for pointer, _ in scalars:
            position = loaded.values.get(pointer)
            if position is not None and 0 < position.line <= len(self._lines):
                self._cuts.setdefault(position.line - 1, []).append(position.column)
        self._redactor = Redactor(fragments(scalars))
        if "PRIVATE KEY" in loaded.text:
            self._mask_blocks()

    def _mask_blocks(self) -> None:
        inside_block = False
        for number in range(len(self._lines)):
            line = self._lines[number]
            for column in self._cuts.get(number, ()):
                line = line[: column - 1] + MASK
            if "PRIVATE KEY" in line or inside_block:
                begins, ends = _BEGIN.search(line), _END.search(line)
                if inside_block or begins:
                    start = begins.start() if begins else len(line) - len(line.lstrip())
                    line = line[:start] + MASK
                inside_block = (inside_block or begins is not None) and ends is None
            assert self._redactor is not None
            self._masked[number] = self._redactor(_mask_secret_keys(line))


def _mask_secret_keys(line: str) -> str:
    """``line`` cut after the first ``key:`` that names a secret (text only, one pass, no regex).

    A key is the text between the last ``{``, ``,``, ``[`` or the line's start and a colon that
    ends the line or is followed by a space, as YAML's block and flow mappings write it.
    """
    if ":" not in line or not may_name_secret(line):
        return line
    start = 0
    for index, char in enumerate(line):
        if char in "{,[":
            start = index + 1
        elif char == "#" and (index == 0 or line[index - 1] == " "):
            return line
        elif char == ":" and (index + 1 == len(line) or line[index + 1] in " \t"):
            key = line[start:index].strip().lstrip("-?").strip().strip("\"'")
            if key and names_secret(key):
                return line[: index + 1] + " " + MASK
            start = index + 1
    return line


def refuse_secrets(loaded: LoadedPlan, name: str, action: str) -> None:
    """Raise :class:`PlannerError` at the first secret in the plan's *data* (not its findings).

    ``report`` and ``compare`` quote plan values, so they refuse a plan holding a secret even
    when AE801 is switched off, selected away or suppressed: configuration may hide the
    finding, never unmask the value. ``action`` (``report`` or ``compare``) names the command
    that refuses.
    """
    from planner.errors import PlannerError

    found = found_in(loaded)  # the lint has looked already: its masking reads the same list
    if not found:
        return
    pointer = found[0]
    position = loaded.position(pointer)
    raise PlannerError.keyed(
        f"secrets.refused_{action}", where=dotted(pointer) or "aeplan",
        file=name, line=position.line, column=position.column,
    )  # fmt: skip


def dotted(pointer: str) -> str:
    """A pointer as a dotted path: ``business_units[0].connector.password``."""
    text = ""
    for segment in pointers.split(pointer):
        text += f"[{segment}]" if segment.isdigit() else (f".{segment}" if text else segment)
    return text
