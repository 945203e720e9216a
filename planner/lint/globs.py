"""Path patterns in gitignore syntax (``exclude``, ``per-file-ignores``, ``.gitignore`` files).

Patterns follow gitignore(5): ``!`` negates (the last matching pattern wins), a trailing ``/``
matches folders only, a pattern without an inner ``/`` matches a name at any depth, ``**``
spans folders, ``*``/``?``/``[...]`` stay inside one name, and a folder that matches covers
everything below it. ``pathspec`` is the reference these semantics are tested against
(tests/unit/test_globs.py); matching here is an NFA walk over names, so time is bounded by
pattern length x path length whatever the pattern (``pathspec``'s regular expressions
backtrack: ``*a*a...b`` against a long name never finishes). A malformed bracket matches
nothing, as in git, rather than raising.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Optional, Union

Token = Union[str, tuple[bool, str]]
"""One pattern character: a literal, ``?``/``*`` (as ``"?"``/``"*"`` marks), or a class."""

_ANY, _STAR = "\x00?", "\x00*"
_DEEP = "**"


@dataclass(frozen=True)
class Pattern:
    """One gitignore line, parsed: its name patterns (``**`` spans folders) and flags."""

    text: str
    names: tuple[Union[str, tuple[Token, ...]], ...]
    negated: bool
    folders_only: bool

    def matches(self, parts: Sequence[str], is_folder: bool) -> bool:
        """True when the relative path ``parts`` itself matches (not counting its folders)."""
        if self.folders_only and not is_folder:
            return False
        return _match_names(self.names, parts)


def parse(line: str) -> Optional[Pattern]:
    """One gitignore line as a :class:`Pattern`; None for blank lines and comments."""
    text = line.rstrip("\n").rstrip("\r")
    stripped = text.rstrip(" ")
    if stripped.endswith("\\") and len(stripped) < len(text):
        stripped += " "  # an escaped trailing space is kept
    if not stripped or stripped.startswith("#"):
        return None
    negated = stripped.startswith("!")
    body = stripped[1:] if negated else stripped
    if body.startswith(("\\!", "\\#")):
        body = body[1:]
    folders_only = body.endswith("/")
    body = body.rstrip("/")
    if body.startswith("./"):
        body = body[2:]
    if not body:
        return None
    anchored = "/" in body
    pieces = [piece for piece in body.split("/") if piece]
    if not anchored:
        pieces = [_DEEP, *pieces]
    names: list[Union[str, tuple[Token, ...]]] = []
    for piece in pieces:
        if piece == _DEEP:
            if not names or names[-1] != _DEEP:  # `**/**` is `**`
                names.append(_DEEP)
        else:
            names.append(_tokens(piece))
    if names[-1] == _DEEP and not folders_only:  # `a/**` matches what is in a, not a itself
        names[-1:] = [(_STAR,), _DEEP]
    return Pattern(text, tuple(names), negated, folders_only)


def _tokens(piece: str) -> tuple[Token, ...]:
    """The tokens of one name pattern; runs of ``*`` are one ``*``."""
    out: list[Token] = []
    index = 0
    while index < len(piece):
        char = piece[index]
        if char == "\\" and index + 1 < len(piece):
            out.append(piece[index + 1])
            index += 2
            continue
        if char == "*":
            if not out or out[-1] != _STAR:
                out.append(_STAR)
        elif char == "?":
            out.append(_ANY)
        elif char == "[":
            end = _class_end(piece, index)
            if end < 0:
                out.append("[")
            else:
                out.append(_class(piece[index + 1 : end]))
                index = end
        else:
            out.append(char)
        index += 1
    return tuple(out)


def _class_end(piece: str, start: int) -> int:
    """Where the bracket expression opened at ``start`` closes, or -1 when it never does."""
    index = start + 1
    if index < len(piece) and piece[index] in "!^":
        index += 1
    if index < len(piece) and piece[index] == "]":
        index += 1  # a `]` first in the class is literal
    while index < len(piece):
        if piece[index] == "\\":
            index += 2
            continue
        if piece[index] == "]":
            return index
        index += 1
    return -1


def _class(body: str) -> tuple[bool, str]:
    """A bracket expression as (negated, the characters it holds); ``z-a`` holds nothing."""
    negated = body[:1] in ("!", "^")
    if negated:
        body = body[1:]
    chars: set[str] = set()
    index = 0
    while index < len(body):
        char = body[index]
        if char == "\\" and index + 1 < len(body):
            index += 1
            char = body[index]
        if index + 2 < len(body) and body[index + 1] == "-":
            last = body[index + 2]
            # Ranges are kept to 4,096 characters: a pattern can't make the set huge.
            chars.update(
                chr(code) for code in range(ord(char), min(ord(last), ord(char) + 4096) + 1)
            )
            index += 3
            continue
        chars.add(char)
        index += 1
    return negated, "".join(sorted(chars))


def _match_name(tokens: tuple[Token, ...], name: str) -> bool:
    """Glob match of one name: the two-pointer method, at most len(tokens) x len(name) steps."""
    t = n = 0
    star_t, star_n = -1, 0
    while n < len(name):
        if t < len(tokens) and tokens[t] == _STAR:
            star_t, star_n = t, n
            t += 1
        elif t < len(tokens) and _one(tokens[t], name[n]):
            t += 1
            n += 1
        elif star_t >= 0:
            t, star_n = star_t + 1, star_n + 1
            n = star_n
        else:
            return False
    while t < len(tokens) and tokens[t] == _STAR:
        t += 1
    return t == len(tokens)


def _one(token: Token, char: str) -> bool:
    if isinstance(token, tuple):
        negated, chars = token
        return (char in chars) != negated
    return token in (_ANY, char)


def _match_names(names: Sequence[Union[str, tuple[Token, ...]]], parts: Sequence[str]) -> bool:
    """NFA walk: the set of pattern positions alive after each name of the path."""
    return bool(parts) and _prefix_matches(names, parts)[-1]


def _prefix_matches(
    names: Sequence[Union[str, tuple[Token, ...]]], parts: Sequence[str]
) -> list[bool]:
    """For each prefix ``parts[:k]`` (k = 1..len), whether the names match it: one NFA pass."""
    out: list[bool] = []
    alive = _closure({0}, names)
    for part in parts:
        following: set[int] = set()
        for index in alive:
            if index == len(names):
                continue
            name = names[index]
            if name == _DEEP:
                following.add(index)  # `**` takes this name and may take more
            elif _match_name(name, part):  # type: ignore[arg-type]
                following.add(index + 1)
        alive = _closure(following, names)
        out.append(len(names) in alive)
        if not alive:
            out.extend([False] * (len(parts) - len(out)))
            break
    return out


def _closure(states: Iterable[int], names: Sequence[Union[str, tuple[Token, ...]]]) -> set[int]:
    """Add the position after each ``**`` that is alive (``**`` may take no name)."""
    out = set(states)
    for index in sorted(out):
        while index < len(names) and names[index] == _DEEP:
            index += 1
            out.add(index)
    return out


class PathPatterns:
    """A list of gitignore patterns relative to ``root``, matched as git matches them."""

    def __init__(self, lines: Iterable[str], root: Path) -> None:
        self.patterns = tuple(p for p in (parse(line) for line in lines) if p is not None)
        self.root = Path(os.path.normpath(root.absolute()))

    def __bool__(self) -> bool:
        return bool(self.patterns)

    def verdict(self, parts: Sequence[str], is_folder: bool) -> Optional[bool]:
        """True (ignored), False (re-included by ``!``) or None (no pattern matches)."""
        for pattern in reversed(self.patterns):
            if pattern.matches(parts, is_folder):
                return not pattern.negated
        return None

    def matches_entry(self, path: Path, *, is_folder: bool) -> bool:
        """True when ``path`` itself is ignored; for walks, which already checked its folders."""
        return bool(self.patterns) and bool(
            self.verdict(_relative_parts(path, self.root), is_folder)
        )

    def matches(self, path: Path, *, is_folder: Optional[bool] = None) -> bool:
        """True when ``path`` or one of its folders (below ``root``) is ignored."""
        if not self.patterns:
            return False
        parts = _relative_parts(path, self.root)
        if not parts:
            return False
        if is_folder is None:
            is_folder = path.is_dir()
        # One NFA pass per pattern gives its verdict on every prefix: linear in the depth.
        verdicts: list[Optional[bool]] = [None] * len(parts)
        for pattern in self.patterns:
            for index, hit in enumerate(_prefix_matches(pattern.names, parts)):
                folder = is_folder or index < len(parts) - 1
                if hit and (folder or not pattern.folders_only):
                    verdicts[index] = not pattern.negated
        return any(verdicts)


def _relative_parts(path: Path, root: Path) -> tuple[str, ...]:
    """``path`` below ``root``; outside it, only its names (unanchored patterns still apply)."""
    absolute = Path(os.path.normpath(path.absolute()))
    try:
        return absolute.relative_to(root).parts
    except ValueError:
        return tuple(
            part for part in path.parts if part not in ("/", "..", ".") and part != path.anchor
        )


def matches(pattern: str, path: Path, root: Path) -> bool:
    """True when ``path`` or one of its folders matches the one gitignore ``pattern``."""
    return PathPatterns((pattern,), root).matches(path)
