"""Test helper: turn a source-format (SFDX) project into a Metadata API retrieve folder.

The conversion follows what `sf project convert source` does for the types aeplan reads: an
object folder becomes one ``objects/<Object>.object`` file with ``<fields>`` and ``<recordTypes>``
inline; profiles and permission sets lose their ``-meta.xml`` suffix; a ``package.xml`` is added.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ElementTree
from pathlib import Path

NS = "http://soap.sforce.com/2006/04/metadata"
_SUFFIXES = {"profiles": ".profile", "permissionsets": ".permissionset"}


def _children(path: Path) -> list[ElementTree.Element]:
    return list(ElementTree.parse(path).getroot())


def _element(tag: str, children: list[ElementTree.Element]) -> ElementTree.Element:
    element = ElementTree.Element(f"{{{NS}}}{tag}")
    element.extend(children)
    return element


def _write(element: ElementTree.Element, target: Path) -> None:
    ElementTree.register_namespace("", NS)
    ElementTree.indent(element, space="    ")
    target.parent.mkdir(parents=True, exist_ok=True)
    text = ElementTree.tostring(element, encoding="unicode")
    target.write_text('<?xml version="1.0" encoding="UTF-8"?>\n' + text + "\n", encoding="utf-8")


def convert(project: Path, target: Path) -> Path:
    """Write the Metadata API form of ``project`` into ``target``; returns ``target``."""
    document = json.loads((project / "sfdx-project.json").read_text(encoding="utf-8"))
    members: dict[str, list[str]] = {"CustomObject": [], "Profile": [], "PermissionSet": []}
    for entry in document["packageDirectories"]:
        base = project / entry["path"]
        for folder in sorted(base.rglob("objects")):
            for object_folder in sorted(p for p in folder.iterdir() if p.is_dir()):
                name = object_folder.name
                own = object_folder / f"{name}.object-meta.xml"
                children = _children(own) if own.is_file() else []
                for kind, tag in (("fields", "fields"), ("recordTypes", "recordTypes")):
                    for path in sorted((object_folder / kind).glob("*-meta.xml")):
                        children.append(_element(tag, _children(path)))
                _write(_element("CustomObject", children), target / "objects" / f"{name}.object")
                members["CustomObject"].append(name)
        for kind, suffix in _SUFFIXES.items():
            for folder in sorted(base.rglob(kind)):
                for path in sorted(folder.glob(f"*{suffix}-meta.xml")):
                    name = path.name[: -len(f"{suffix}-meta.xml")]
                    (target / kind).mkdir(parents=True, exist_ok=True)
                    (target / kind / f"{name}{suffix}").write_bytes(path.read_bytes())
                    members["Profile" if kind == "profiles" else "PermissionSet"].append(name)
    for entry in document["packageDirectories"]:
        for folder in sorted((project / entry["path"]).rglob("leadConvertSettings")):
            for path in sorted(folder.glob("*-meta.xml")):
                (target / "LeadConvertSettings").mkdir(parents=True, exist_ok=True)
                name = "LeadConvertSettings.LeadConvertSetting"
                (target / "LeadConvertSettings" / name).write_bytes(path.read_bytes())
    types = "".join(
        f"    <types>\n{''.join(f'        <members>{m}</members>{chr(10)}' for m in names)}"
        f"        <name>{kind}</name>\n    </types>\n"
        for kind, names in members.items()
        if names
    )
    (target / "package.xml").write_text(
        f'<?xml version="1.0" encoding="UTF-8"?>\n<Package xmlns="{NS}">\n{types}'
        "    <version>62.0</version>\n</Package>\n",
        encoding="utf-8",
    )
    return target
