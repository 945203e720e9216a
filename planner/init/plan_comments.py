"""The comments ``aeplan init`` writes into a new plan, in English and Japanese (with fact ids)."""

from __future__ import annotations

_COMMENTS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "header": (
        (
            "Integration plan written by `aeplan init`. "
            "Check it with `aeplan lint` before you unpause",
            "the connector; `aeplan schema > plan.schema.json` "
            "gives editors completion (docs/editors.md).",
        ),
        (
            "`aeplan init` で作成した導入計画です。"
            "コネクタの一時停止を解除する前に `aeplan lint` で確認してください。",
            "`aeplan schema > plan.schema.json` を実行すると、"
            "エディタで補完と検証が使えます（docs/editors.md）。",
        ),
    ),
    "org": (
        ("The Salesforce org that every business unit below connects to.",),
        ("以下のすべてのビジネスユニットが接続する Salesforce 組織です。",),
    ),
    "person_accounts_org": (
        ("Person accounts must be enabled in the Salesforce org before they can sync [F78].",),
        (
            "個人取引先を同期するには、先に Salesforce "
            "組織で個人取引先を有効にする必要があります [F78]。",
        ),
    ),
    "ae_admins": (
        (
            "People with the Account Engagement Administrator "
            "role: they can see the connector version,",
            "edit connector settings and configure Marketing Data Sharing [F02, F30].",
        ),
        (
            "Account Engagement 管理者ロールを持つ担当者です。"
            "コネクタバージョンの確認、コネクタ設定の編集、",
            "マーケティングデータ共有の設定に必要です [F02, F30]。",
        ),
    ),
    "salesforce_admin": (
        (
            "The Salesforce admin completes Account Engagement "
            "setup; only then can Account Engagement",
            "log in through the integration user [F17].",
        ),
        (
            "Salesforce 管理者が Account Engagement の設定を完了して初めて、Account Engagement は",
            "インテグレーションユーザーでログインできます [F17]。",
        ),
    ),
    "sync_errors": (
        (
            "Who monitors the connector sync queue and sync errors, and how often; if nobody does,",
            "some records will not sync and fields will not update [F52, F55].",
        ),
        (
            "コネクタの同期キューと同期エラーを監視する担当者と頻度です。誰も監視しないと、",
            "一部のレコードが同期されず、項目も更新されません [F52, F55]。",
        ),
    ),
    "partner": (
        ("Salesforce strongly recommends a partner for configuring Marketing Data Sharing [F11].",),
        (
            "Salesforce はマーケティングデータ共有の設定に"
            "パートナーの利用を強く推奨しています [F11]。",
        ),
    ),
    "same_email": (
        (
            "Allow multiple prospects with the same email "
            "address (AMPSEA): records match by CRM ID.",
            "On by default for business units created after "
            "14 June 2016; cannot be turned off [F59, F63].",
        ),
        (
            "メールアドレスが同一の複数のプロスペクトを許可するアカウント: "
            "CRM ID でレコードを照合します。",
            "2016 年 6 月 14 日以降に作成されたビジネスユニットでは既定で有効で、"
            "無効にはできません [F59, F63]。",
        ),
    ),
    "version": (
        (
            "Connector version: Account Engagement Settings > Account Settings, "
            '"Connector Version";',
            "seeing it needs the Account Engagement Administrator role. "
            "Bought after 11 Feb 2019: v2 [F01, F02].",
        ),
        (
            "コネクタバージョン: Account Engagement 設定の「アカウント設定」ページで確認します。",
            "確認には Account Engagement 管理者ロールが必要です。"
            "2019 年 2 月 11 日以降の購入なら v2 です [F01, F02]。",
        ),
    ),
    "state.paused": (
        (
            "A v2 connector is created paused: keep it paused "
            "until rollout.before_unpause is done [F09, F11].",
        ),
        (
            "v2 コネクタは一時停止の状態で作成されます。"
            "rollout.before_unpause の手順が完了するまで",
            "一時停止を解除しないでください [F09, F11]。",
        ),
    ),
    "state.active": (
        (
            "Practitioners report that a v1 connector has no pause button; it syncs while it is",
            "connected [F03, medium confidence].",
        ),
        (
            "実務者の報告によると、v1 コネクタには一時停止ボタンがなく、",
            "接続している間は同期されます [F03、確度: 中]。",
        ),
    ),
    "user.integration_user": (
        (
            "The integration user (B2BMA Integration) is "
            "preconfigured and needs no Sales Cloud licence;",
            "it sees every record that can sync, so several "
            "business units need MDS with it [F16, F21, F44].",
        ),
        (
            "インテグレーションユーザー（B2BMA "
            "インテグレーションユーザー）は事前設定済みで、Sales Cloud ライセンスは",
            "不要です。同期可能なすべてのレコードにアクセスできるため、複数のビジネスユニットでは",
            "マーケティングデータ共有と組み合わせる必要があります [F16, F21, F44]。",
        ),
    ),
    "user.custom_user": (
        (
            "A custom connector user is a normal Salesforce "
            "user: it consumes a CRM licence, and its",
            "sharing, object permissions and field-level security decide what syncs [F23].",
        ),
        (
            "カスタムコネクタユーザーは通常の Salesforce "
            "ユーザーです。CRM ライセンスを 1 つ消費し、",
            "その共有設定、オブジェクト権限、"
            "項目レベルセキュリティによって同期対象が決まります [F23]。",
        ),
    ),
    "user.undecided": (
        (
            "Connector user still to decide: integration_user "
            "(recommended with MDS) or custom_user [F22].",
        ),
        (
            "コネクタユーザーは未決定です: integration_user（マーケティングデータ共有では推奨）",
            "または custom_user [F22]。",
        ),
    ),
    "scope.all_records": (
        ("Every record the connector user can see syncs with this business unit [F21].",),
        (
            "コネクタユーザーがアクセスできるすべてのレコー"
            "ドがこのビジネスユニットと同期されます [F21]。",
        ),
    ),
    "scope.marketing_data_sharing": (
        (
            "Marketing Data Sharing: only records whose "
            "field equals this business unit's value sync.",
            "Rules are needed for both leads and contacts; "
            "pause the connector before editing them [F12, F35].",
        ),
        (
            "マーケティングデータ共有: "
            "項目の値がこのビジネスユニットの値と等しいレコードだけが同期されます。",
            "ルールはリードと取引先責任者の両方に必要です。"
            "編集する前にコネクタを一時停止してください [F12, F35]。",
        ),
    ),
    "person_accounts.none": (
        ("Person accounts are not synced with this business unit.",),
        ("このビジネスユニットでは個人取引先を同期しません。",),
    ),
    "person_accounts.sync": (
        (
            "Leads and person accounts: leads are still "
            "created; a lead converted to a person account",
            "then syncs as that person account [F75]. Decide "
            "this before configuring the connector [F103].",
        ),
        (
            "リードと個人取引先: リードは引き続き作成され、個人取引先に取引開始されたリードは",
            "その個人取引先として同期されます [F75]。コネクタを設定する前に決めてください [F103]。",
        ),
    ),
    "person_accounts.instead_of_leads": (
        (
            "Person accounts instead of leads: needs a "
            "default person-account record type and Create",
            "permission on Account for the connector user "
            "[F76]. Decide this before configuring [F103].",
        ),
        (
            "リードの代わりに個人取引先を作成: "
            "デフォルトの個人取引先レコードタイプと、コネクタユーザーの",
            "取引先の作成権限が必要です [F76]。コネクタを設定する前に決めてください [F103]。",
        ),
    ),
    "rollout": (
        (
            "Steps to finish while the connector is still "
            "paused, then the checks after unpausing [F102].",
        ),
        ("コネクタを一時停止したまま完了する手順と、一時停止を解除した後の確認です [F102]。",),
    ),
}


def comment(key: str, lang: str) -> tuple[str, ...]:
    """The lines of one plan comment in ``lang`` (``en`` or ``ja``)."""
    english, japanese = _COMMENTS[key]
    return japanese if lang == "ja" else english
