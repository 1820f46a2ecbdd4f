"""Diagnostics page fixes from the second trial: account of a full username, bundles taken in twice,
Go to time without timestamps, findings in the CLI's order, banner and status wording."""

from __future__ import annotations

from pathlib import Path

from console.services import bundles
from console.views.diagnostics_page import DiagnosticsPage
from tests.services.conftest_bundles import TWS_LOG
from tests.views.test_diagnostics_trial import _log, _take_in, page  # noqa: F401 - the page fixture


def test_full_username_files_the_bundle_under_its_account(qtbot, page: DiagnosticsPage,  # noqa: F811
                                                           tmp_path: Path) -> None:
    from console.services.sls.demo import load_demo

    load_demo(page.ctx.ready_database())
    form = page.intake
    form.user_edit.setText("daniel_wong")  # typed in full, not picked from the completer
    form.check_client()
    qtbot.waitUntil(lambda: form.client_label.text().startswith("✓"), timeout=10_000)
    assert form.account_edit.text() == ""
    form.files.clear()
    result = _take_in(qtbot, page, [_log(tmp_path)])
    summary = bundles.get_bundle(page.ctx.ready_database(), result.id).bundle
    expected = bundles.check_client(page.ctx.ready_database(), "daniel_wong").account_of_user
    assert expected and summary.username == "daniel_wong" and summary.account == expected


def test_same_files_twice_asks_and_can_remove_the_copy(qtbot, page: DiagnosticsPage,  # noqa: F811
                                                       tmp_path: Path) -> None:
    log = _log(tmp_path)
    first = _take_in(qtbot, page, [log])
    assert first.duplicate_of is None and page.duplicate_box is None
    second = _take_in(qtbot, page, [log])
    assert second.duplicate_of == first.id
    box = page.duplicate_box
    assert box is not None and box.isVisible() and f"bundle {first.id}" in box.text()
    remove = next(b for b in box.buttons() if b.text() == f"Remove bundle {second.id}")
    remove.click()
    qtbot.waitUntil(lambda: [b.id for b in bundles.list_bundles(page.ctx.ready_database())] == [first.id],
                    timeout=10_000)


def test_go_to_time_is_off_for_a_file_without_timestamps(qtbot, page: DiagnosticsPage,  # noqa: F811
                                                         tmp_path: Path) -> None:
    viewer = page.viewer
    plain = tmp_path / "settings.txt"
    plain.write_text("proxy=on\nlayout=classic\n")
    viewer.open_file(plain, "settings.txt")
    assert not viewer.time_button.isEnabled() and not viewer.time_edit.isEnabled()
    assert "no timestamps" in viewer.time_button.toolTip()
    viewer.open_file(_log(tmp_path), "tws.log")
    assert viewer.time_button.isEnabled() and viewer.time_edit.dateTime().toString("yyyy-MM-dd") == "2024-03-05"


def test_findings_start_in_the_clis_order(qtbot, page: DiagnosticsPage, tmp_path: Path) -> None:  # noqa: F811
    result = _take_in(qtbot, page, [_log(tmp_path)])
    panel = page.bundles_panel
    qtbot.waitUntil(lambda: panel.finding_proxy.rowCount() > 1, timeout=10_000)
    shown = [panel.finding_proxy.index(r, 0).data() for r in range(panel.finding_proxy.rowCount())]
    groups = bundles.bundle_finding_groups(page.ctx.ready_database(), page.store_dir, result.id)
    assert shown == [str(g.code) for g in groups]


def test_banner_and_status_wording(qtbot, page: DiagnosticsPage, tmp_path: Path) -> None:  # noqa: F811
    assert "without a restart" in page.intake.banner.text() and "restart the console" not in page.intake.banner.text()
    messages: list[str] = []
    page.status_message.connect(messages.append)
    page.intake.reason_edit.setPlainText("ATTENTION: 12345678 frozen")
    page.open_paths([_log(tmp_path)])
    assert messages[-1].startswith("1 item added") and "fill in the ticket" not in messages[-1]
    page.intake.reason_edit.clear()
    page.open_paths([_log(tmp_path, "a.log"), _log(tmp_path, "b.log", TWS_LOG)])
    assert messages[-1].startswith("2 items added") and "fill in the ticket" in messages[-1]
