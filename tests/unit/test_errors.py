"""OS errors in plain words in both languages, never Python's English ``strerror``."""

from __future__ import annotations

import errno

import pytest

from planner.errors import PlannerError, Said, os_reason, said
from planner.i18n import catalogue

MAPPED = (
    "EACCES", "ENOENT", "EISDIR", "ENOTDIR", "ENOSPC", "EROFS", "ELOOP", "ENAMETOOLONG", "EMFILE",
    "EBUSY", "ETXTBSY", "EPERM", "EFBIG", "EIO", "EDQUOT", "ENFILE", "EEXIST", "EXDEV",
)  # fmt: skip


@pytest.mark.parametrize("symbol", [name for name in MAPPED if hasattr(errno, name)])
def test_common_errnos_have_plain_words(symbol: str) -> None:
    code = getattr(errno, symbol)
    reason, key = os_reason(OSError(code, "Python's English strerror"))
    assert key.startswith("reason.") and key.removeprefix("reason.") in {
        name.removeprefix("reason.") for name in catalogue("en") if name.startswith("reason.")
    }
    assert "strerror" not in reason and "strerror" not in reason.in_language("ja")
    assert reason.in_language("ja") != str(reason)


def test_any_other_errno_is_named_by_its_symbol() -> None:
    reason, key = os_reason(OSError(errno.ECHILD, "No child processes"))
    assert key == ""
    assert str(reason) == "the operating system reported error ECHILD"
    assert reason.in_language("ja") == "オペレーティングシステムがエラー ECHILD を報告しました"
    unnumbered, _ = os_reason(OSError("no errno at all"))
    assert "OSError" in unnumbered and "no errno" not in unnumbered


def test_a_planner_error_says_said_params_in_its_language() -> None:
    reason, key = os_reason(OSError(errno.ECHILD, "No child processes"))
    error = PlannerError.keyed("file.unreadable", file="a.yaml", reason=reason, reason_key=key)
    assert error.one_line() == "a.yaml: cannot read: the operating system reported error ECHILD"
    assert error.one_line("ja") == (
        "a.yaml: 読み込めません: オペレーティングシステムがエラー ECHILD を報告しました"
    )


def test_said_is_english_as_text() -> None:
    text = said("reason.busy")
    assert isinstance(text, Said) and isinstance(text, str)
    assert f"{text}" == "the file is busy (in use by another program)"
    assert text.in_language("fr") == str(text)
