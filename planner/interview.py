"""The questions ``aeplan init`` asks (the Trailhead unit's, in order) and its sentences, EN/JA."""

from __future__ import annotations

from planner.engine import render

QUESTION_ORDER = (
    "org", "version", "bu_count", "bu_name", "connector_user", "custom_username", "custom_license",
    "scope", "mds_lead_field", "mds_contact_field", "same_email", "person_accounts_enabled", "person_accounts",
    "person_account_record_type", "ae_admins", "salesforce_admin", "sync_error_owner",
    "sync_error_review", "partner",
)  # fmt: skip

_QUESTIONS: dict[str, tuple[str, str]] = {
    "lang": ("Language of the questions and the plan / 質問とプランの言語", "質問とプランの言語"),
    "org": ("Label of the Salesforce org", "Salesforce 組織の名前"),
    "version": ("Connector version", "コネクタバージョン"),
    "bu_count": (
        "How many business units connect to this Salesforce org",
        "この Salesforce 組織に接続するビジネスユニットの数",
    ),
    "bu_name": ("Name of business unit {number}", "ビジネスユニット {number} の名前"),
    "connector_user": ("Connector user", "コネクタユーザー"),
    "custom_username": (
        "Salesforce username of the connector user (blank: not known yet)",
        "コネクタユーザーの Salesforce ユーザー名（空欄: 未定）",
    ),
    "custom_license": (
        "Salesforce licence of the connector user",
        "コネクタユーザーの Salesforce ライセンス",
    ),
    "scope": ("Which records sync", "同期するレコード"),
    "mds_lead_field": (
        "Lead field that names the business unit (MDS rule)",
        "ビジネスユニットを示すリードの項目（マーケティングデータ共有ルール）",
    ),
    "mds_contact_field": (
        "Contact field that names the business unit (MDS rule)",
        "ビジネスユニットを示す取引先責任者の項目（マーケティングデータ共有ルール）",
    ),
    "same_email": (
        "Allow multiple prospects with the same email address (AMPSEA)",
        "メールアドレスが同一の複数のプロスペクトを許可",
    ),
    "person_accounts_enabled": (
        "Are person accounts enabled in the Salesforce org",
        "Salesforce 組織で個人取引先が有効になっていますか",
    ),
    "person_accounts": ("How person accounts sync", "個人取引先の同期方法"),
    "person_account_record_type": (
        "Default person-account record type",
        "デフォルトの個人取引先レコードタイプ",
    ),
    "ae_admins": (
        "Who holds the Account Engagement Administrator role (comma-separated)",
        "Account Engagement 管理者ロールを持つ担当者（カンマ区切り）",
    ),
    "salesforce_admin": (
        "Salesforce admin who completes Account Engagement setup",
        "Account Engagement の設定を完了する Salesforce 管理者",
    ),
    "sync_error_owner": (
        "Who watches the sync queue and sync errors (person or team)",
        "同期キューと同期エラーを監視する担当者（個人またはチーム）",
    ),
    "sync_error_review": ("How often are sync errors reviewed", "同期エラーを確認する頻度"),
    "partner": ("Implementation partner (blank: none)", "導入パートナー（空欄: なし）"),
}

_HINTS: dict[str, tuple[str, str]] = {
    "version": (
        'Find it on Account Engagement Settings > Account Settings, row "Connector Version" '
        "(needs the Account Engagement Administrator role). "
        "Bought after 11 February 2019: usually 2.",
        "Account Engagement 設定の「アカウント設定」ページの「コネクタバージョン」で確認できます"
        "（Account Engagement 管理者ロールが必要です）。"
        "2019 年 2 月 11 日以降の購入なら通常は 2 です。",
    ),
    "connector_user": (
        "integration_user: the preconfigured integration "
        "user, no Sales Cloud licence (recommended with "
        "MDS); custom_user: your own Salesforce user, which consumes a licence.",
        "integration_user: 事前設定済みのインテグレーションユーザー。Sales Cloud ライセンス不要"
        "（マーケティングデータ共有では推奨）。custom_user: "
        "独自の Salesforce ユーザー。ライセンスを消費します。",
    ),
    "scope": (
        "all_records: every record the connector user "
        "sees; marketing_data_sharing (MDS): only records "
        "whose field names the business unit (needed when "
        "several business units share the integration user).",
        "all_records: コネクタユーザーがアクセスできるすべてのレコード。"
        "marketing_data_sharing: 項目の値で"
        "ビジネスユニットを選ぶマーケティングデータ共有（複"
        "数のビジネスユニットでインテグレーションユーザーを"
        "使う場合は必須）。",
    ),
    "same_email": (
        "On by default for business units created after 14 June 2016, and it cannot be turned off.",
        "2016 年 6 月 14 日以降に作成されたビジネスユニットでは既定で有効で、無効にはできません。",
    ),
    "person_accounts": (
        "none; sync: leads and person accounts; instead_of_leads: "
        "create person accounts instead of leads.",
        "none: 同期しない。sync: リードと個人取引先。"
        "instead_of_leads: リードの代わりに個人取引先を作成。",
    ),
}

_SAYINGS: dict[str, tuple[str, str]] = {
    "exists": (
        "already exists; use --force to replace it",
        "既に存在します。置き換えるには --force を指定してください",
    ),
    "written": ("Wrote {path}.", "{path} を作成しました。"),
    "clean": (
        "It lints clean. Next: aeplan lint {path}",
        "指摘事項はありません。次は: aeplan lint {path}",
    ),
    "left": ("Left to decide:", "未決定の項目:"),
    "findings": (
        "What aeplan lint says about it now:",
        "現時点での aeplan lint の指摘事項:",
    ),
    "aborted": (
        "stopped before every question was answered; nothing was written",
        "すべての質問に回答する前に終了しました。ファイルは作成されていません",
    ),
    "no_names": ("--bus needs at least one name", "--bus には少なくとも 1 つの名前が必要です"),
    "schema_written": (
        "Wrote {path}, the plan format that the first line points to, so editors check the plan "
        "as you type.",
        "{path} を作成しました。1 行目が参照するプラン形式で、エディターが入力中にプランを確認します。",
    ),
    "duplicate_names": (
        "each business unit needs its own name; repeated: {names}",
        "ビジネスユニットにはそれぞれ別の名前が必要です。重複: {names}",
    ),
    "orphan": (
        "{flag} applies only when {needs} is {value}",
        "{flag} は {needs} が {value} の場合にのみ指定できます",
    ),
}

_OPEN: dict[str, tuple[str, str]] = {
    "version": (
        "the connector version (connector.version)",
        "コネクタバージョン（connector.version）",
    ),
    "connector_user": ("the connector user (connector.user)", "コネクタユーザー（connector.user）"),
    "custom_username": (
        "the connector user's username (custom_user.username)",
        "コネクタユーザーのユーザー名（custom_user.username）",
    ),
    "same_email": (
        "same-email (AMPSEA) mode (allow_multiple_prospects_same_email)",
        "メールアドレスが同一の複数のプロスペクトの許可（allow_multiple_prospects_same_email）",
    ),
    "salesforce_admin": (
        "the Salesforce admin (team.salesforce_admin)",
        "Salesforce 管理者（team.salesforce_admin）",
    ),
    "ae_admins": (
        "the Account Engagement admins (team.account_engagement_admins)",
        "Account Engagement 管理者（team.account_engagement_admins）",
    ),
    "sync_error_owner": (
        "who watches sync errors (team.sync_error_owner)",
        "同期エラーの監視担当者（team.sync_error_owner）",
    ),
}


def _pick(pair: tuple[str, str], lang: str) -> str:
    return pair[1] if lang == "ja" else pair[0]


def question(key: str, lang: str, **params: object) -> str:
    """The prompt for one question."""
    return render(
        _pick(_QUESTIONS[key], lang), {name: str(value) for name, value in params.items()}
    )


def hint(key: str, lang: str) -> str:
    """A line shown before a question, or "" when the question explains itself."""
    return _pick(_HINTS[key], lang) if key in _HINTS else ""


def saying(key: str, lang: str, **params: object) -> str:
    """One of ``aeplan init``'s own sentences."""
    return render(_pick(_SAYINGS[key], lang), {name: str(value) for name, value in params.items()})


def open_question(key: str, lang: str) -> str:
    """What an undecided answer leaves open, naming the plan key."""
    return _pick(_OPEN[key], lang)
