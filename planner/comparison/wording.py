"""Everything the sync method comparison says, in English and Japanese."""

from __future__ import annotations

from collections.abc import Mapping

from planner.placeholders import render

_TEXT: dict[str, tuple[str, str]] = {
    "option.integration_user+all_records": (
        "integration user + all records",
        "インテグレーションユーザー + 全レコード",
    ),
    "option.integration_user+marketing_data_sharing": (
        "integration user + MDS",
        "インテグレーションユーザー + マーケティングデータ共有",
    ),
    "option.custom_user+all_records": (
        "custom user + all records",
        "カスタムコネクタユーザー + 全レコード",
    ),
    "option.custom_user+marketing_data_sharing": (
        "custom user + MDS",
        "カスタムコネクタユーザー + マーケティングデータ共有",
    ),
    "syncs.every_record": (
        "every record of the synced objects (F21)",
        "同期対象オブジェクトのすべてのレコード (F21)",
    ),
    "syncs.mds_rules": (
        "only records matching the MDS rules: {rules} (F28)",
        "マーケティングデータ共有ルールに一致するレコードのみ: {rules} (F28)",
    ),
    "syncs.custom_sharing": (
        "what the custom user's sharing lets it see (F23, F34)",
        "カスタムコネクタユーザーの共有設定で参照できるレコード (F23, F34)",
    ),
    "syncs.custom_mds": (
        "records matching the MDS rules that the custom user can also see: {rules} (F34)",
        "マーケティングデータ共有ルールに一致し、かつカスタムコネクタユーザーが参照できるレコード: "
        "{rules} (F34)",
    ),
    "syncs.rules_missing": ("rules not defined yet", "ルールは未定義"),
    "several.no": (
        "no: with several BUs the integration user needs MDS (F44)",
        "いいえ: 複数のビジネスユニットでは、インテグレーションユーザーにはマーケティングデータ共有"
        "が必要 (F44)",
    ),
    "several.yes": (
        "yes: each BU's rules select its own records (F36, F46)",
        "はい: ビジネスユニットごとのルールで各自のレコードを選択 (F36, F46)",
    ),
    "several.unproven": (
        "not shown: the BUs' MDS rules test different fields, so one record can match two BUs; "
        "use one shared picklist field (F36, F46)",
        "未確認: ビジネスユニットごとのマーケティングデータ共有ルールが異なる項目を判定するため、"
        "1 件のレコードが 2 つのビジネスユニットに一致する可能性があります。"
        "共通の選択リスト項目を 1 つ"
        "使用してください (F36, F46)",
    ),
    "several.conditional": (
        "only if the user's sharing gives each BU its own records (F46, F47)",
        "ユーザーの共有設定で各ビジネスユニットのレコードを分ける場合のみ (F46, F47)",
    ),
    "step.upgrade_to_v2": (
        "upgrade the connector to v2 first (described as one-way)",
        "先にコネクタを v2 にアップグレードする（元に戻せないとされています）",
    ),
    "step.set_up_mds": (
        "set up MDS before unpausing: one lead and one contact rule, each on one unmapped field, "
        "equals only, that the connector user can read and edit",
        "一時停止を解除する前にマーケティングデータ共有を設定する: リードと取引先責任者のルールを "
        "1 つずつ、"
        "Account Engagement に対応付けられていない項目 1 つに対して「等しい」のみで定義し、"
        "コネクタユーザーがその項目を参照・編集できるようにする",
    ),
    "step.pause_for_mds": (
        "pause the connector before creating MDS rules",
        "マーケティングデータ共有ルールを作成する前にコネクタを一時停止する",
    ),
    "step.engage_partner": (
        "engage an implementation partner (Salesforce strongly recommends one for MDS)",
        "導入パートナーを起用する（Salesforce は"
        "マーケティングデータ共有の設定にパートナーを強く推奨）",
    ),
    "step.custom_user_setup": (
        'create the connector user; assign the "Account Engagement Connector User" permission '
        "set, object permissions and field-level security on every synced field",
        "コネクタユーザーを作成し、「Pardot コネクタユーザー」"
        "（Account Engagement Connector User）権限セット、"
        "オブジェクト権限、"
        "同期するすべての項目の項目レベルセキュリティを付与する",
    ),
    "step.limit_sharing": (
        "limit the connector user's sharing (org-wide defaults, sharing rules) to this BU's "
        "records",
        "コネクタユーザーの共有設定（組織の共有設定、共有ルール）"
        "をこのビジネスユニットのレコードに限定する",
    ),
    "step.switch_in_lightning": (
        "switch to the integration user in the Account Engagement Lightning app",
        "Account Engagement Lightning アプリケーションでインテグレーションユーザーに切り替える",
    ),
    "need.mds_rules": (
        "define MDS rules (one per object: {objects}) in `sync.marketing_data_sharing`",
        "`sync.marketing_data_sharing` に{objects}のマーケティングデータ共有ルールを定義する",
    ),
    "need.custom_user": (
        "describe the custom user in `connector.custom_user` (username, licence, permission sets)",
        "`connector.custom_user` にカスタムコネクタユーザー（ユーザー名、ライセンス、権限セット）"
        "を記載する",
    ),
    "need.licence": (
        "a licence: record it in `connector.custom_user.license`",
        "ライセンス: `connector.custom_user.license` に記録する",
    ),
    "need.licence_count": (
        "say how many licences are free in `salesforce.crm_licenses_available`",
        "`salesforce.crm_licenses_available` に空きライセンス数を記載する",
    ),
    "object.lead": ("lead", "リード"),
    "object.contact": ("contact", "取引先責任者"),
    "object.opportunity": ("opportunity", "商談"),
    "list.and": (" and ", "と"),
    "list.comma": (", ", "、"),
    "list.semicolon": ("; ", "；"),
    "sentence.end": (". ", "。"),
    "licences.none": ("none", "不要"),
    "licences.unknown": ("{total} needed, free count unknown", "{total} 件必要（空き数不明）"),
    "licences.known": ("{total} needed, {available} free", "{total} 件必要、空き {available} 件"),
    "blocked.licences": (
        "licences ({total} needed, {available} free)",
        "ライセンス（{total} 件必要、空き {available} 件）",
    ),
    "change.set": ("`{setting}`: {before} → {after}", "`{setting}`: {before} → {after}"),
    "change.remove_rules": (
        "remove the {count} MDS rules (they would be ignored)",
        "マーケティングデータ共有ルール {count} 件を削除（使用されなくなるため）",
    ),
    "change.remove_rules_one": (
        "remove the MDS rule (it would be ignored)",
        "マーケティングデータ共有ルール 1 件を削除（使用されなくなるため）",
    ),
    "change.unset": ("(not set)", "（未設定）"),
    "none": ("none", "なし"),
    "as_written": ("as written", "プランどおり"),
    "changes.none": ("none (the plan as written)", "なし（プランどおり）"),
    "reason.best_as_written": (
        "The plan as written is already the best choice.",
        "現在のプランが既に最適な選択です。",
    ),
    "reason.all_blocked": (
        "Every option is blocked; this one has the fewest blocking findings.",
        "すべての選択肢がブロックされています。この選択肢のブロック要因が最も少なくなっています。",
    ),
    "reason.integration_user+marketing_data_sharing.multi": (
        "Several business units share this Salesforce org, so records must be split between them "
        "(a lead or contact syncs with one business unit only), and Salesforce recommends the "
        "integration user with Marketing Data Sharing.",
        "複数のビジネスユニットがこの Salesforce 組織を共有しているため、"
        "レコードをビジネスユニット間で"
        "分ける必要があり（リードや取引先責任者は 1 つのビジネスユニットとしか同期できません）、"
        "Salesforce はインテグレーションユーザーとマーケティングデータ共有の組み合わせを推奨してい"
        "ます。",
    ),
    "reason.integration_user+marketing_data_sharing.single": (
        "Marketing Data Sharing syncs only the records its rules select, and Salesforce recommends "
        "the integration user with it: it is preconfigured and needs no Sales Cloud licence.",
        "マーケティングデータ共有はルールで選択したレコードのみを同期し、Salesforce はその場合に"
        "インテグレーションユーザーを推奨しています。事前設定済みで Sales Cloud "
        "ライセンスも不要です。",
    ),
    "reason.integration_user+all_records.single": (
        "With one business unit the integration user can sync every record: it is preconfigured "
        "and needs no Sales Cloud licence.",
        "ビジネスユニットが 1 つなら、インテグレーションユーザーですべてのレコードを同期できます。"
        "事前設定済みで、Sales Cloud ライセンスも不要です。",
    ),
    "reason.integration_user+all_records.multi": (
        "The integration user syncs every record of the synced objects and needs no Sales Cloud "
        "licence.",
        "インテグレーションユーザーは同期対象オブジェクトのすべてのレコードを同期し、"
        "Sales Cloud ライセンスも不要です。",
    ),
    "reason.custom_user+all_records.single": (
        "A custom connector user syncs what its sharing lets it see and uses one Salesforce "
        "licence.",
        "カスタムコネクタユーザーは共有設定で参照できるレコードを同期し、Salesforce ライセンスを 1 "
        "つ使用します。",
    ),
    "reason.custom_user+all_records.multi": (
        "A custom connector user syncs what its sharing lets it see, so its sharing must give this "
        "business unit only its own records; it uses one Salesforce licence.",
        "カスタムコネクタユーザーは共有設定で参照できるレコードを同期するため、"
        "共有設定でこのビジネスユニットの"
        "レコードだけに限定する必要があります。Salesforce ライセンスを 1 つ使用します。",
    ),
    "reason.custom_user+marketing_data_sharing.single": (
        "Both the MDS rules and the custom user's sharing decide what syncs; it uses one "
        "Salesforce "
        "licence.",
        "マーケティングデータ共有ルールとカスタムコネクタユーザーの共有設定の両方で同期対象が決まり"
        "ます。"
        "Salesforce ライセンスを 1 つ使用します。",
    ),
    "reason.custom_user+marketing_data_sharing.multi": (
        "The MDS rules split the records between the business units, and the custom user's sharing "
        "limits them further; it uses one Salesforce licence.",
        "マーケティングデータ共有ルールでレコードをビジネスユニット間で分け、"
        "カスタムコネクタユーザーの"
        "共有設定でさらに制限します。Salesforce ライセンスを 1 つ使用します。",
    ),
    "whynot.blocked": ("blocked by {codes}", "{codes} によりブロック"),
    "whynot.more_blocked": ("more blocking findings: {codes}", "ブロック要因がより多い: {codes}"),
    "whynot.warnings": ("more warnings: {codes}", "警告がより多い: {codes}"),
    "whynot.steps": (
        "more set-up steps or licences: {count}, where the recommended option needs {best}",
        "設定手順またはライセンスがより多い: {count} 件（推奨の選択肢では {best} 件）",
    ),
    "whynot.salesforce": (
        "Salesforce recommends the integration user, with MDS when several business units share "
        "an org (F22, F44)",
        "Salesforce は、インテグレーションユーザーを推奨し、"
        "複数のビジネスユニットが組織を共有する場合は"
        "マーケティングデータ共有との組み合わせを推奨しています (F22, F44)",
    ),
    "whynot.as_written": ("as good, but it changes the plan", "同等ですが、プランの変更が必要です"),
    "whynot.order": ("as good; listed later", "同等（表の後方）"),
}

_LABELS: dict[str, tuple[str, str]] = {
    "title": (
        'Sync method options for {file}: {count} business units on the Salesforce org "{org}".',
        "{file} の同期方法の選択肢: Salesforce 組織「{org}」のビジネスユニット {count} 個。",
    ),
    "title_one": (
        'Sync method options for {file}: 1 business unit on the Salesforce org "{org}".',
        "{file} の同期方法の選択肢: Salesforce 組織「{org}」のビジネスユニット 1 個。",
    ),
    "legend": (
        'Legend: * = recommended; "blocked by" = errors or missing licences that stop an option; '
        "findings that every option raises are listed once (run `aeplan lint` for all findings).",
        "凡例: * = 推奨、「ブロック要因」= その選択肢を妨げるエラーまたはライセンス不足。"
        "すべての選択肢に共通する指摘事項はまとめて 1 回だけ表示します（すべての指摘事項は `aeplan "
        "lint` で確認できます）。",
    ),
    "legend.report": (
        '"Blocked by" means errors or missing licences that stop an option; findings that every '
        "option raises are listed once, after the options.",
        "「ブロック要因」は、その選択肢を妨げるエラーまたはライセンス不足です。すべての選択肢に"
        "共通する指摘事項は、選択肢の後にまとめて 1 回だけ表示します。",
    ),
    "recommended.suffix": (" — recommended", "（推奨）"),
    "unit": ('Business unit "{name}"', "ビジネスユニット「{name}」"),
    "unit.written": ("as written: {option}", "プランの現在の選択: {option}"),
    "unit.undecided": (
        "the plan does not decide the sync method yet",
        "プランではまだ同期方法が決まっていません",
    ),
    "column.option": ("Option", "選択肢"),
    "column.blocked": ("Blocked by", "ブロック要因"),
    "column.warnings": ("Warnings", "警告"),
    "column.licences": ("Salesforce licences", "Salesforce ライセンス"),
    "column.syncs": ("What syncs", "同期されるレコード"),
    "column.several": ("Several BUs on one org", "1 つの組織で複数のビジネスユニット"),
    "column.needs": ("Missing from the plan", "プランに不足している情報"),
    "column.steps": ("Set-up steps added", "追加の設定手順"),
    "column.changes": ("Changes from the plan", "プランからの変更点"),
    "column.placeholders": (
        "Left out (caused only by missing data)",
        "除外（不足している情報のみが原因）",
    ),
    "several.short.yes": ("yes", "可"),
    "several.short.no": ("no", "不可"),
    "several.short.conditional": ("only with sharing rules", "共有設定次第"),
    "several.short.unproven": (
        "not shown (rules on different fields)",
        "未確認（異なる項目のルール）",
    ),
    "recommended": ("Recommended", "推奨"),
    "others": ("Other options", "その他の選択肢"),
    "every_option": (
        "In every option (not caused by the sync method)",
        "すべての選択肢に共通（同期方法によらない指摘事項）",
    ),
    "section": ("Sync method options", "同期方法の選択肢"),
}


def text(key: str, lang: str, **params: object) -> str:
    """A comparison sentence or label in ``lang``, with ``{name}`` placeholders filled."""
    if str(params.get("count")) == "1" and (f"{key}_one" in _TEXT or f"{key}_one" in _LABELS):
        key = f"{key}_one"  # "1 business unit", not "1 business unit(s)"
    english, japanese = _TEXT[key] if key in _TEXT else _LABELS[key]
    template = japanese if lang == "ja" else english
    return render(template, {name: str(value) for name, value in params.items()})


def join(items: list[str], lang: str) -> str:
    """Items joined with the language's comma."""
    return text("list.comma", lang).join(items)


def object_name(name: str, lang: str) -> str:
    """An MDS rule's object in words (custom objects keep their API name)."""
    key = f"object.{name}"
    return text(key, lang) if key in _TEXT else name


def keys() -> Mapping[str, tuple[str, str]]:
    """Every sentence, for tests that check both languages are present."""
    return {**_TEXT, **_LABELS}
