"""A JSON index of the built-in rule files, so start-up need not parse ~80 YAML files.

The index holds a digest of the rule files it was built from; when any file differs (a rule being
edited), the digest no longer matches and the rules are read from YAML as usual.
"""

from __future__ import annotations

import json
import sys
import zlib
from pathlib import Path
from typing import Any, Optional

from planner.atomic import write_text_atomically
from planner.rules.rulebook import (
    builtin_rule_files,
    builtin_rules_dir,
    read_rule_yaml,
    rule_from_raw,
)

INDEX_NAME = "index.json"


def files_digest(paths: list[Path]) -> str:
    """A digest of the names and bytes of ``paths``: their length and CRC-32 (it detects an edited
    rule file; zlib, unlike hashlib, costs nothing to import)."""
    size, crc = 0, 0
    for path in paths:
        chunk = path.name.encode() + b"\0" + path.read_bytes() + b"\0"
        size, crc = size + len(chunk), zlib.crc32(chunk, crc)
    return f"{size}:{crc:08x}"


def build_index_text(paths: list[Path]) -> str:
    """The index of ``paths`` (rule files) as committed JSON text."""
    rules = {path.name: read_rule_yaml(path) for path in paths}
    for path in paths:  # only valid rule files enter the index
        rule_from_raw(rules[path.name], path)
    document = {"digest": files_digest(paths), "rules": rules}
    return json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def cached_rules(folder: Path, paths: list[Path]) -> Optional[dict[str, Any]]:
    """Raw rule data by file name from the index, or None when it is missing or stale."""
    index = folder / INDEX_NAME
    try:
        document = json.loads(index.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(document, dict) or document.get("digest") != files_digest(paths):
        return None
    rules = document.get("rules")
    return rules if isinstance(rules, dict) else None


def main() -> None:
    """Write the index of the built-in rules (``make docs`` runs this)."""
    target = builtin_rules_dir() / INDEX_NAME
    write_text_atomically(target, build_index_text(builtin_rule_files()))
    print(f"wrote {target}", file=sys.stdout)


if __name__ == "__main__":
    main()
