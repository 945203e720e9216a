"""Untrusted metadata XML into small immutable trees that remember each element's line.

XML is parsed with ``defusedxml``: a DTD, entity declarations and external references are refused
(Salesforce metadata files never carry them), and size and depth are bounded so that a hostile
file ends in a :class:`MetadataFileError` rather than a hang or a read of another file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional
from xml.parsers import expat

from planner.errors import Said, os_reason, said
from planner.i18n import fill

MAX_FILE_BYTES = 32 * 1024 * 1024
"""Large profiles of real orgs reach a few megabytes; anything far larger is refused."""
MAX_DEPTH = 32
"""Metadata files nest five or six levels; deeper nesting is refused."""
MAX_ELEMENTS = 2_000_000


@dataclass(frozen=True)
class Node:
    """One XML element: local tag name (namespace dropped), text, 1-based line, child elements."""

    tag: str
    text: str
    line: int
    children: tuple[Node, ...] = ()

    def all(self, tag: str) -> list[Node]:
        """The children called ``tag``, in document order."""
        return [child for child in self.children if child.tag == tag]

    def first(self, tag: str) -> Optional[Node]:
        """The first child called ``tag``, or None."""
        return next((child for child in self.children if child.tag == tag), None)

    def value(self, tag: str) -> Optional[str]:
        """The stripped text of the first child called ``tag``, or None when it is absent."""
        child = self.first(tag)
        return child.text.strip() if child is not None else None

    def flag(self, tag: str) -> Optional[bool]:
        """A ``true``/``false`` child as a bool; None when absent or not a boolean."""
        text = (self.value(tag) or "").lower()
        return {"true": True, "false": False}.get(text)


class MetadataFileError(Exception):
    """A metadata file that cannot be read safely: ``reason`` is a key of ``REASONS``."""

    def __init__(self, reason: str, line: int = 0, detail: str = "") -> None:
        self.reason = reason
        self.line = line
        self.detail = detail
        super().__init__(f"{reason}: {detail}" if detail else reason)


class _Bounded(Exception):
    """Raised from inside the parser callbacks when a bound is crossed."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(reason)


class _Builder:
    """An ElementTree parser target that builds :class:`Node` trees and enforces the bounds."""

    def __init__(self) -> None:
        self.expat: Any = None
        self._stack: list[tuple[str, int, list[str], list[Node]]] = []
        self._count = 0
        self.root: Optional[Node] = None

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        self._count += 1
        if len(self._stack) >= MAX_DEPTH:
            raise _Bounded("too_deep")
        if self._count > MAX_ELEMENTS:
            raise _Bounded("too_many_elements")
        line = int(self.expat.CurrentLineNumber) if self.expat is not None else 0
        self._stack.append((tag.rpartition("}")[2], line, [], []))

    def data(self, text: str) -> None:
        if self._stack:
            self._stack[-1][2].append(text)

    def end(self, tag: str) -> None:
        name, line, texts, children = self._stack.pop()
        node = Node(name, "".join(texts), line, tuple(children))
        if self._stack:
            self._stack[-1][3].append(node)
        else:
            self.root = node

    def close(self) -> Optional[Node]:
        return self.root


def parse_bytes(raw: bytes) -> Node:
    """Parse one metadata document; any defect is a :class:`MetadataFileError`."""
    # Imported here: plans linted without metadata never pay for defusedxml's parser set-up.
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import DefusedXMLParser, ParseError

    builder = _Builder()
    parser = DefusedXMLParser(target=builder, forbid_dtd=True)
    builder.expat = parser.parser
    try:
        parser.feed(raw)
        root = parser.close()
    except _Bounded as bounded:
        raise MetadataFileError(bounded.reason, _line(builder)) from None
    except DefusedXmlException as refused:
        raise MetadataFileError(_refusal(refused), _line(builder)) from None
    except (ParseError, expat.ExpatError) as error:
        line = getattr(error, "position", (getattr(error, "lineno", 0), 0))[0]
        raise MetadataFileError("malformed", int(line or 0), _expat_text(error)) from None
    except RecursionError:  # pragma: no cover - the depth bound comes first
        raise MetadataFileError("too_deep", _line(builder)) from None
    if not isinstance(root, Node):
        raise MetadataFileError("malformed", 1, said("metadata.expat.empty"))
    return root


def read_document(path: Path) -> Node:
    """Read and parse one file, refusing huge files before reading them."""
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise MetadataFileError("too_large")
        raw = path.read_bytes()
    except OSError as error:
        raise MetadataFileError("unreadable", 0, os_reason(error)[0]) from None
    return parse_bytes(raw)


def _line(builder: _Builder) -> int:
    try:
        return int(builder.expat.CurrentLineNumber)
    except (AttributeError, TypeError, ValueError):  # pragma: no cover
        return 0


def _refusal(refused: Exception) -> str:
    name = type(refused).__name__
    return {"DTDForbidden": "dtd", "EntitiesForbidden": "entities"}.get(name, "external")


# expat's messages (``ErrorString``), each said by ``metadata.expat.<slug>``.
_EXPAT_PROBLEMS = {
    "syntax error": "syntax",
    "no element found": "empty",
    "not well-formed (invalid token)": "invalid_token",
    "unclosed token": "unclosed_token",
    "unclosed CDATA section": "unclosed_token",
    "mismatched tag": "mismatched_tag",
    "junk after document element": "junk_after",
    "duplicate attribute": "duplicate_attribute",
    "unbound prefix": "unbound_prefix",
    "undefined entity": "undefined_entity",
    "partial character": "encoding",
    "unknown encoding": "encoding",
    "encoding specified in XML declaration is incorrect": "encoding",
    "XML declaration not well-formed": "declaration",
    "XML or text declaration not at start of entity": "declaration",
    "reference to invalid character number": "bad_character",
}


def _expat_text(error: Exception) -> Said:
    """expat's reason in aeplan's words, in every language."""
    code = getattr(error, "code", None)
    text = str(expat.ErrorString(code)) if isinstance(code, int) else str(error).split(":")[0]
    return said(f"metadata.expat.{_EXPAT_PROBLEMS.get(text, 'other')}")


REASONS = (
    "malformed",
    "dtd",
    "entities",
    "external",
    "too_large",
    "too_deep",
    "too_many_elements",
    "unreadable",
    "outside",
    "not_found",
    "outside_cwd",
    "no_metadata",
    "bad_project",
    "not_folder",
    "several_projects",
)
"""Why a metadata file is refused; each is said by ``metadata.reason.<key>`` in the catalogue."""


def reason_text(reason: str, detail: str, lang: str) -> str:
    """A reason key (and optional parser detail) as words in ``lang``."""
    text = fill(f"metadata.reason.{reason}", lang) if reason in REASONS else reason
    if isinstance(detail, Said):  # an OS error's reason, already said in every language
        detail = detail.in_language(lang)
    if not detail:
        return text
    return f"{text}（{detail}）" if lang == "ja" else f"{text} ({detail})"
