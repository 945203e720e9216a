"""Everything aeplan itself says about plans (not the rules), read from the message catalogue."""

from __future__ import annotations

from collections.abc import Mapping

from planner import i18n

_KINDS = frozenset(("text", "integer", "number", "boolean", "list", "mapping", "null"))


def kind(name: str, lang: str) -> str:
    """A YAML kind (``text``, ``list``…) in words."""
    return i18n.fill(f"kind.{name}", lang) if name in _KINDS else name


def _detail_key(code: str, params: Mapping[str, str]) -> str:
    reason = params.get("reason", "")
    if code == "AE001" and not reason:
        reason = "encoding" if "encoding" in params else "parse"
    if code == "AE003":
        reason = "suggest" if params.get("suggestion") else "plain"
    if code == "AE004":
        reason = "plain"
    if code == "AE006":
        reason = params.get("limit", "nodes")
    key = f"detail.{code}.{reason}"
    return key if key in i18n.catalogue("en") else "detail.AE002.other"


def structural_detail(code: str, params: Mapping[str, str], lang: str) -> str:
    """The message of a structural finding (AE001–AE006, AE902)."""
    params = i18n.said(params, lang)  # lists joined as the language joins them
    if code == "AE002" and params.get("reason") == "type":
        return _type_detail(params, lang)
    values = dict(params)
    if "got" in values:
        values["got"] = kind(values["got"], lang)
    if code == "AE003":
        values["parent"] = _dotted_parent(values.get("pointer", ""))
    if code == "AE001" and values.get("reason") == "yaml":
        return explained_yaml(values, lang)[0]
    return i18n.fill(_detail_key(code, values), lang, **values)


def structural_fix(code: str, params: Mapping[str, str], lang: str) -> str:
    """A fix line specific to this structural problem, or ``""`` to keep the rule's own."""
    params = i18n.said(params, lang)
    reason = params.get("reason", "")
    if code == "AE001" and reason == "yaml":
        return explained_yaml(params, lang)[1]
    key = f"fixline.{code}.{reason}"
    if code == "AE002" and reason == "type" and params.get("suggestion"):
        kind = "list_for_text" if params.get("expected") == "list" else "quoted_number"
        key = f"fixline.AE002.{kind}"
    if code == "AE001" and "encoding" in params:
        key = "fixline.AE001.shift_jis" if params.get("shift_jis") else "fixline.AE001.encoding"
    if code == "AE003":
        key = "fixline.AE003.suggest" if params.get("suggestion") else "fixline.AE003.plain"
    pointer = params.get("pointer", "")
    if reason == "missing":
        pointer = pointer.rstrip("/") + "/" + params.get("key", "")
    values = {**params, "dotted": _dotted(pointer), "parent": _dotted_parent(pointer)}
    if code == "AE002" and reason == "type" and "expected" in params:
        values["expected"] = _expected(params, lang)
    return i18n.fill(key, lang, **values) if key in i18n.catalogue("en") else ""


def explained_yaml(params: Mapping[str, str], lang: str) -> tuple[str, str]:
    """A YAML syntax problem in plain words and its fix, from ``plan.yaml_errors`` params."""
    cause = params.get("cause", "generic")
    values = dict(params)
    if cause == "generic":
        values["problem"] = translated_problem(params.get("problem", ""), lang)
    said = i18n.fill(f"yaml.{cause}", lang, **values)
    return said, i18n.fill(f"yaml.{cause}_fix", lang, **values)


def _expected(params: Mapping[str, str], lang: str) -> str:
    expected_kinds = [name for name in params.get("expected", "").split("|") if name]
    if expected_kinds == ["one_of"]:
        return i18n.fill("kind.one_of", lang, allowed=params.get("allowed", ""))
    return i18n.fill("kind.joiner", lang).join(kind(name, lang) for name in expected_kinds)


def _type_detail(params: Mapping[str, str], lang: str) -> str:
    expected = _expected(params, lang)
    got = kind(params.get("got", ""), lang)
    if params.get("suggestion"):
        key = "detail.AE002.quoted_number" if params.get("got") == "text" else "detail.AE002.type"
        if params.get("expected") == "list":
            key = "detail.AE002.list_for_text"
        return i18n.fill(key, lang, **{**params, "expected": expected, "got": got})
    return i18n.fill("detail.AE002.type", lang, expected=expected, got=got)


def _dotted(pointer: str) -> str:
    """``/business_units/0/sync`` as the plan key ``business_units.sync`` (indexes dropped)."""
    parts = [part for part in pointer.strip("/").split("/") if part and not part.isdigit()]
    return ".".join(parts) or "plan"


def _dotted_parent(pointer: str) -> str:
    return _dotted(pointer.rsplit("/", 1)[0]) if pointer.count("/") > 1 else "plan"


def tool(key: str, lang: str, /, **params: object) -> str:
    """One of aeplan's own sentences, filled in (an int ``count`` picks the singular form)."""
    count = params.get("count")
    if isinstance(count, int):
        rest = {name: value for name, value in params.items() if name != "count"}
        return i18n.plural(key, lang, count, **rest)
    return i18n.fill(key, lang, **params)


def counted(noun: str, lang: str, count: int) -> str:
    """``1 file``, ``2 files``; ``1 ファイル`` — a count with its noun (``count.<noun>``)."""
    return i18n.plural(f"count.{noun}", lang, count)


# libyaml's and PyYAML's phrases, for the rare error without a more specific cause.
_JAPANESE = (
    ("found unexpected end of stream", "ファイルが途中で終わっています"),
    ("found undefined alias", "定義されていないエイリアスがあります"),
    ("found duplicate anchor", "アンカーが重複しています"),
    ("found character that cannot start any token", "トークンを開始できない文字があります"),
    ("did not find expected key", "想定したキーが見つかりません"),
    ("did not find expected node content", "想定した値が見つかりません"),
    (
        "did not find expected alphabetic or numeric character",
        "英数字が必要な位置に別の文字があります",
    ),
    ("could not find expected ':'", "想定した `:` が見つかりません"),
    ("mapping values are not allowed", "ここではマッピングの値を使用できません"),
    ("found a tab character", "タブ文字があります"),
    ("found unknown escape character", "不明なエスケープ文字があります"),
    ("expected <document start>", "ドキュメントの開始が必要です"),
    ("found incompatible YAML document", "互換性のない YAML ドキュメントです"),
    ("did not find expected '-' indicator", "リストの項目（`-`）が想定した位置にありません"),
    ("did not find expected ',' or ']'", "`,` または `]` が見つかりません"),
    ("did not find expected ',' or '}'", "`,` または `}` が見つかりません"),
    ("block sequence entries are not allowed", "ここではリストの項目（`- `）を使用できません"),
    ("mapping keys are not allowed", "ここではマッピングのキーを使用できません"),
    ("did not find expected comment or line break", "値の後に想定外の文字があります"),
    ("found unexpected ':'", "想定外の `:` があります"),
    (
        "found unexpected document indicator",
        "想定外のドキュメント区切り（--- または ...）があります",
    ),
    ("found undefined tag handle", "定義されていないタグハンドルがあります"),
    ("expected a single document", "ドキュメントは 1 つだけにしてください"),
)
_UNKNOWN_JAPANESE = "YAML の構文が正しくありません"


def translated_problem(problem: str, lang: str) -> str:
    """PyYAML's English ``problem`` in ``lang``: in Japanese a known translation, else a plain
    "the syntax is wrong" (never PyYAML's English in a Japanese sentence)."""
    # A lookup keyed by PyYAML's English text, not aeplan's wording: only Japanese translates.
    if lang != "ja":
        return problem
    for english, japanese in _JAPANESE:
        if english in problem:
            return japanese
    return _UNKNOWN_JAPANESE
