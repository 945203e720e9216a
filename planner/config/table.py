"""The configuration table's format (pydantic): imported only when a configuration file is read."""

from __future__ import annotations

from typing import Annotated, Dict, List, Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

# A rule code or code prefix (AE402, AE4), or a rule name (secret-in-plan).
Code = Annotated[str, StringConstraints(pattern=r"^[A-Za-z][A-Za-z0-9]*(-[A-Za-z0-9]+)*$")]
Glob = Annotated[str, StringConstraints(min_length=1)]
Level = Literal["error", "warning", "info"]


def _kebab(name: str) -> str:
    return name.replace("_", "-")


class ConfigFile(BaseModel):
    """The keys of an aeplan configuration table (kebab-case in TOML)."""

    model_config = ConfigDict(
        extra="forbid", strict=True, frozen=True, alias_generator=_kebab, populate_by_name=False
    )

    select: Optional[List[Code]] = None
    ignore: Optional[List[Code]] = None
    extend_select: Optional[List[Code]] = None
    severity: Optional[Dict[Code, Level]] = None
    per_file_ignores: Optional[Dict[Glob, List[Code]]] = None
    exclude: Optional[List[Glob]] = None
    fail_on: Optional[Literal["error", "warning", "info", "never"]] = None
    lang: Optional[Literal["en", "ja"]] = None
    rules: Optional[List[Glob]] = None
    metadata: Optional[Glob] = None
    max_file_size: Optional[int] = Field(default=None, gt=0)
    max_depth: Optional[int] = Field(default=None, gt=0)
    max_nodes: Optional[int] = Field(default=None, gt=0)
