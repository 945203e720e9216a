"""Everything aeplan itself says (not the rules), in English and Japanese."""

from __future__ import annotations

from collections.abc import Mapping

from planner.placeholders import render

_KINDS = {
    "text": ("text", "文字列"),
    "integer": ("a whole number", "整数"),
    "number": ("a number", "数値"),
    "boolean": ("true or false", "true または false"),
    "list": ("a list", "リスト"),
    "mapping": ("a mapping (key: value)", "マッピング（キー: 値）"),
    "null": ("an empty value (null)", "空の値（null）"),
}

_DETAILS: dict[str, tuple[str, str]] = {
    "AE001.parse": ("the YAML cannot be parsed: {detail}", "YAML を解析できません: {detail}"),
    "AE001.encoding": (
        "the file is not {encoding} text: {detail}",
        "ファイルが {encoding} のテキストではありません: {detail}",
    ),
    "AE001.tag": (
        "the YAML tag `{tag}` is not allowed in a plan (aeplan never builds objects from tags)",
        "YAML タグ `{tag}` はプランでは使用できません"
        "（aeplan はタグからオブジェクトを生成しません）",
    ),
    "AE001.documents": (
        "a plan is one YAML document, but this file holds several (separated by ---)",
        "プランは 1 つの YAML ドキュメントである必要がありますが、このファイルには複数（--- "
        "区切り）あります",
    ),
    "AE002.empty": (
        "the plan is empty: it needs at least `aeplan`, `salesforce` and `business_units`",
        "プランが空です。少なくとも `aeplan`、`salesforce`、`business_units` が必要です",
    ),
    "AE002.not_mapping": (
        "a plan is a mapping of keys to values, but this file holds {got}",
        "プランはキーと値のマッピングである必要がありますが、このファイルは{got}です",
    ),
    "AE002.missing": ("required key `{key}` is missing", "必須キー `{key}` がありません"),
    "AE002.enum": (
        "`{value}` is not allowed here; use one of: {allowed}",
        "`{value}` はここでは使用できません。次のいずれかを指定してください: {allowed}",
    ),
    "AE002.bool_word": (
        "`{word}` is read as true/false by YAML 1.1, not as a word; write one of: {allowed}",
        "`{word}` は YAML 1.1 では語ではなく真偽値として読み込まれます。"
        "次のいずれかを指定してください: {allowed}",
    ),
    "AE002.type": (
        "expected {expected}, found {got}",
        "{expected}が必要ですが、{got}が指定されています",
    ),
    "AE002.ge": ("must be at least {bound}", "{bound} 以上である必要があります"),
    "AE002.gt": ("must be greater than {bound}", "{bound} より大きい必要があります"),
    "AE002.le": ("must be at most {bound}", "{bound} 以下である必要があります"),
    "AE002.empty_text": ("must not be empty", "空にできません"),
    "AE002.too_few": (
        "needs at least {count} entry (found none)",
        "少なくとも {count} 件のエントリが必要です（0 件です）",
    ),
    "AE002.complex_key": (
        "keys must be plain words, not lists or mappings",
        "キーは単純な語である必要があります（リストやマッピングは使用できません）",
    ),
    "AE002.merge_not_mapping": (
        "a merge key `<<` must refer to a mapping",
        "マージキー `<<` はマッピングを参照する必要があります",
    ),
    "AE002.other": ("{detail}", "{detail}"),
    "AE003.suggest": (
        "unknown key `{key}`; did you mean `{suggestion}`?",
        "不明なキー `{key}` です。`{suggestion}` のことですか?",
    ),
    "AE003.plain": (
        "unknown key `{key}`; the keys allowed here are listed in docs/plan-format.md",
        "不明なキー `{key}` です。ここで使用できるキーは docs/plan-format.md を参照してください",
    ),
    "AE004.plain": (
        "key `{key}` appears twice in this mapping (plain YAML loaders silently keep the last)",
        "キー `{key}` がこのマッピング内で重複しています"
        "（一般的な YAML ローダーは最後の値を黙って採用します）",
    ),
    "AE005.missing": (
        "the plan format version `aeplan:` is missing; add `aeplan: 1` as the first key",
        "プラン形式のバージョン `aeplan:` がありません。最初のキーとして `aeplan:"
        " 1` を追加してください",
    ),
    "AE005.unsupported": (
        "plan format version `{value}` is not supported; this aeplan reads version 1",
        "プラン形式のバージョン `{value}` はサポートされていません。この aeplan "
        "はバージョン 1 を読み込みます",
    ),
    "AE006.bytes": (
        "the file is larger than the limit of {value} bytes",
        "ファイルが上限の {value} バイトを超えています",
    ),
    "AE006.depth": (
        "the plan nests deeper than the limit of {value} levels",
        "プランの入れ子が上限の {value} 階層を超えています",
    ),
    "AE006.problems": (
        "more than {value} structural problems ({count} in all); the first {value} are shown",
        "構造上の問題が {value} 件を超えています（全 {count} 件）。最初の {value} 件のみ表示します",
    ),
    "AE006.nodes": (
        "the plan expands to more than {value} values (aliases or sheer size); reading stopped",
        "プランが {value} 個を超える値に展開されます（エイリアスまたはサイズ）。"
        "読み込みを中止しました",
    ),
    "AE902.unused_line": (
        "`{codes}` suppresses nothing: no such finding on line {target}; remove it so suppressions "
        "do not outlive their reason",
        "`{codes}` は何も抑制していません（{target} 行目にその指摘事項はありません）。"
        "理由がなくなった抑制を残さないよう削除してください",
    ),
    "AE902.unused_file": (
        "`{codes}` suppresses nothing: no such finding in this file; remove it so suppressions "
        "do not outlive their reason",
        "`{codes}` は何も抑制していません（このファイルにその指摘事項はありません）。"
        "理由がなくなった抑制を残さないよう削除してください",
    ),
    "AE902.unknown": (
        "`{codes}` is not the code or code prefix of any rule, so it suppresses nothing",
        "`{codes}` はどのルールのコードやコードの接頭辞でもないため、何も抑制しません",
    ),
    "AE902.unsuppressible": (
        "`{codes}` cannot be suppressed by a comment; use `ignore` or `per-file-ignores` in the "
        "configuration instead",
        "`{codes}` はコメントでは抑制できません。代わりに設定ファイルの `ignore` または "
        "`per-file-ignores` を使用してください",
    ),
    "AE902.malformed": (
        "this `# aeplan:` comment is not understood, so it suppresses nothing; write "
        "`# aeplan: ignore[CODE] reason` or `# aeplan: ignore-file[CODE] reason`",
        "この `# aeplan:` コメントは解釈できないため、何も抑制しません。"
        "`# aeplan: ignore[CODE] 理由` または `# aeplan: ignore-file[CODE] 理由` "
        "と記述してください",
    ),
}

_TOOL: dict[str, tuple[str, str]] = {
    "summary.clean": (
        "No findings in {files} file(s).",
        "{files} ファイルで指摘事項はありません。",
    ),
    "summary.found": (
        "Found {total} finding(s) in {files} file(s): {errors} error(s), {warnings} warning(s), "
        "{infos} info.",
        "{files} ファイルで {total} 件の指摘事項: エラー {errors} 件、警告 {warnings} "
        "件、情報 {infos} 件。",
    ),
    "summary.skipped": (
        "{count} file(s) have structural errors; fix them to run the other rules on those files.",
        "{count} ファイルに構造エラーがあります。"
        "修正すると、そのファイルに他のルールも適用されます。",
    ),
    "summary.suppressed": (
        "{count} finding(s) suppressed by `# aeplan: ignore` comments.",
        "{count} 件の指摘事項を `# aeplan: ignore` コメントで抑制しました。",
    ),
    "summary.baselined": (
        "{count} finding(s) already in the baseline are not shown.",
        "ベースラインに記録済みの {count} 件の指摘事項は表示していません。",
    ),
    "label.fix": ("fix", "修正方法"),
    "label.help": ("help", "ヘルプ"),
    "label.see": ("see", "参照"),
    "severity.error": ("error", "エラー"),
    "severity.warning": ("warning", "警告"),
    "severity.info": ("info", "情報"),
    "output.why": ("Why it matters", "重要な理由"),
    "output.how_to_fix": ("How to fix", "修正方法"),
    "output.caveat": ("Caveat", "注意事項"),
    "output.references": ("References", "参考資料"),
    "output.summary_title": ("aeplan findings", "aeplan の指摘事項"),
    "output.location": ("Location", "場所"),
    "output.code": ("Code", "コード"),
    "output.severity": ("Severity", "重大度"),
    "output.message": ("Message", "メッセージ"),
    "output.more": (
        "… and {count} more finding(s): see the job log or the SARIF report.",
        "…ほか {count} 件の指摘事項があります。"
        "ジョブのログまたは SARIF レポートを確認してください。",
    ),
}


def _pick(pair: tuple[str, str], lang: str) -> str:
    return pair[1] if lang == "ja" else pair[0]


def _fill(template: str, params: Mapping[str, str]) -> str:
    return render(template, params)


def kind(name: str, lang: str) -> str:
    """A YAML kind (``text``, ``list``…) in words."""
    return _pick(_KINDS.get(name, (name, name)), lang)


def structural_detail(code: str, params: Mapping[str, str], lang: str) -> str:
    """The message of a structural finding (AE001–AE006)."""
    reason = params.get("reason", "")
    if code == "AE001" and not reason:
        reason = "encoding" if "encoding" in params else "parse"
    if code == "AE002" and reason == "type":
        return _type_detail(params, lang)
    if code == "AE003":
        reason = "suggest" if params.get("suggestion") else "plain"
    if code == "AE004":
        reason = "plain"
    if code == "AE006":
        reason = params.get("limit", "nodes")
    values = dict(params)
    if "got" in values:
        values["got"] = kind(values["got"], lang)
    template = _DETAILS.get(f"{code}.{reason}", _DETAILS["AE002.other"])
    return _fill(_pick(template, lang), values)


def _type_detail(params: Mapping[str, str], lang: str) -> str:
    expected_kinds = [name for name in params.get("expected", "").split("|") if name]
    if expected_kinds == ["one_of"]:
        expected = ("one of: " if lang != "ja" else "次のいずれか: ") + params.get("allowed", "")
    else:
        joiner = " or " if lang != "ja" else "または"
        expected = joiner.join(kind(name, lang) for name in expected_kinds)
    got = kind(params.get("got", ""), lang)
    return _fill(_pick(_DETAILS["AE002.type"], lang), {"expected": expected, "got": got})


def tool(key: str, lang: str, **params: object) -> str:
    """One of aeplan's own sentences, filled in."""
    return _fill(_pick(_TOOL[key], lang), {name: str(value) for name, value in params.items()})
