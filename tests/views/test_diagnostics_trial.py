"""Diagnostics page fixes from the new-user trial (offscreen Qt, real SQLite, a real unreachable PostgreSQL URL)."""

from __future__ import annotations

import itertools
import zipfile
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QHeaderView, QMessageBox

from console import workers
from console.services import bundles
from console.views.diagnostics_models import RecordRole
from console.views.diagnostics_page import DiagnosticsPage
from tests.services.conftest_bundles import TWS_LOG, good_zip

FARM = "2024-03-05 09:{m:02d}:00.000 [JTS-Farm] INFO  - quokka farm note errorCode=2104\n"


@pytest.fixture
def page(qtbot, ctx):
    p = DiagnosticsPage(ctx)
    qtbot.addWidget(p)
    p.resize(1400, 900)
    p.set_database_ready(True)
    yield p
    p.shutdown()
    workers.wait_for_all()


def _boxes(widget) -> list[QMessageBox]:
    return [b for b in widget.findChildren(QMessageBox) if b.isVisible()]


def _take_in(qtbot, page: DiagnosticsPage, paths: list[Path]) -> bundles.IngestResult:
    page.open_paths(paths)
    with qtbot.waitSignal(page.intake.ingested, timeout=20_000) as blocker:
        page.intake.ingest_button.click()
    return blocker.args[0]


def _log(tmp_path: Path, name: str = "tws.log", extra: str = "") -> Path:
    path = tmp_path / name
    path.write_text(TWS_LOG + extra)
    return path


# ---------------------------------------------------------------------- database unavailable
def test_database_down_intake_and_search_say_so_and_recover(qtbot, ctx, monkeypatch, tmp_path: Path) -> None:
    from console.views import crash_dialog

    crashes: list[str] = []
    monkeypatch.setattr(crash_dialog, "report_crash", lambda text, *a, **k: crashes.append(text))
    monkeypatch.setattr(ctx.settings, "db_url", "postgresql+psycopg://nobody@127.0.0.1:1/none", raising=False)
    ctx._database = None
    page = DiagnosticsPage(ctx)
    qtbot.addWidget(page)
    page.set_database_ready(False)
    intake, search = page.intake, page.search_panel
    assert not intake.banner.isHidden() and not search.banner.isHidden()
    assert "database is not available" in intake.banner.text()
    assert not intake.ingest_button.isEnabled()
    assert not search.search_button.isEnabled() and not search.query_edit.isEnabled()
    page.open_paths([_log(tmp_path)])
    assert intake.ingest() is None  # refused up front, nothing started

    # The database is said to be back, but it is not: the worker's error path reports it, then re-enables.
    page.set_database_ready(True)
    assert intake.banner.isHidden() and search.banner.isHidden() and search.search_button.isEnabled()
    assert intake.ingest_button.isEnabled()
    worker = intake.ingest()
    assert worker is not None and not intake.ingest_button.isEnabled()
    qtbot.waitUntil(lambda: bool(_boxes(intake)), timeout=10_000)
    box = _boxes(intake)[0]
    assert box.windowTitle() == "Database unavailable"
    qtbot.waitUntil(intake.ingest_button.isEnabled)
    assert crashes == [] and intake.files.count() == 1
    box.done(0)
    page.shutdown()
    workers.wait_for_all()


# ---------------------------------------------------------------------- unknown client
def test_unknown_client_is_marked_and_confirmed(qtbot, page: DiagnosticsPage, tmp_path: Path) -> None:
    from console.services.sls.demo import load_demo

    load_demo(page.ctx.ready_database())
    form = page.intake
    page.open_paths([_log(tmp_path)])
    form.user_edit.setText("dan")
    form.check_client()
    qtbot.waitUntil(lambda: "not found in the client data" in form.client_label.text(), timeout=10_000)
    assert form.client_label.text().startswith("⚠")

    form.ingest_button.click()
    assert form.confirm_box is not None and form.confirm_box.isVisible()
    assert "Username dan not found in the client data" in form.confirm_box.text()
    form.confirm_box.button(QMessageBox.StandardButton.Cancel).click()
    assert bundles.list_bundles(page.ctx.ready_database()) == [] and form.files.count() == 1

    form.ingest_button.click()
    with qtbot.waitSignal(form.ingested, timeout=20_000) as blocker:
        form.confirm_box.button(QMessageBox.StandardButton.Yes).click()
    assert bundles.get_bundle(page.ctx.ready_database(), blocker.args[0].id).bundle.username == "dan"
    # The bundle stays marked on the Bundles tab.
    qtbot.waitUntil(lambda: "Username dan not found in the client data" in page.bundles_panel.detail_label.text(),
                    timeout=10_000)
    # Let every pending check answer (no cancelling), deliver the answers: the mark is there once.
    assert workers.reader_pool().waitForDone(10_000)
    QApplication.processEvents()
    assert page.bundles_panel.detail_label.text().count("not found in the client data") == 1


def test_unknown_client_typed_just_before_ingest_is_still_checked(qtbot, page: DiagnosticsPage,
                                                                 tmp_path: Path) -> None:
    from console.services.sls.demo import load_demo

    load_demo(page.ctx.ready_database())
    form = page.intake
    page.open_paths([_log(tmp_path)])
    form.user_edit.setText("nobody_here")
    form.ingest_button.click()  # no check has answered yet: the form asks first, then confirms
    qtbot.waitUntil(lambda: form.confirm_box is not None and form.confirm_box.isVisible(), timeout=10_000)
    form.confirm_box.button(QMessageBox.StandardButton.Cancel).click()
    qtbot.waitUntil(form.ingest_button.isEnabled)

    form.user_edit.setText("alice_chen")
    form.confirm_box = None
    result = _take_in(qtbot, page, [])
    assert form.confirm_box is None and result.files == 1


# ---------------------------------------------------------------------- search
def test_search_says_when_the_limit_is_hit_and_shows_more(qtbot, page: DiagnosticsPage, tmp_path: Path) -> None:
    _take_in(qtbot, page, [_log(tmp_path, extra="".join(FARM.format(m=m) for m in range(40, 47)))])
    panel = page.search_panel
    panel.query_edit.setText("quokka")
    panel.limit_box.setValue(3)
    panel.search()
    qtbot.waitUntil(lambda: "Showing the first 3 matches" in panel.summary.text())
    assert panel.model.rowCount() == 3
    assert panel.more_button.isVisibleTo(panel)
    panel.more_button.click()
    qtbot.waitUntil(lambda: panel.summary.text().startswith("7 matching lines"))
    assert panel.limit_box.value() == 15 and panel.model.rowCount() == 7
    assert not panel.more_button.isVisibleTo(panel)


def test_no_stale_viewer_text_in_the_status_bar(qtbot, page: DiagnosticsPage, tmp_path: Path) -> None:
    messages: list[str] = []
    page.status_message.connect(messages.append)
    page.viewer.open_file(_log(tmp_path), "tws.log")
    qtbot.waitUntil(lambda: page.viewer.model.file_index.complete)
    page.viewer.filter_edit.setText("nothing-like-this")
    page.viewer.apply_filter()
    qtbot.waitUntil(lambda: page.viewer.model.filtered)
    assert not any("match" in m for m in messages)
    assert page.viewer.count_label.text() == f"0 of {TWS_LOG.count(chr(10))} lines match"
    page.tabs.setCurrentWidget(page.search_panel)
    assert messages[-1] == ""


# ---------------------------------------------------------------------- log viewer polish
def test_viewer_empty_state_and_time_default(qtbot, page: DiagnosticsPage, tmp_path: Path) -> None:
    viewer = page.viewer
    assert viewer.time_edit.dateTime().toPython().year == 2000  # nothing open yet
    viewer.open_file(_log(tmp_path), "tws.log")
    assert viewer.time_edit.dateTime().toPython() == datetime(2024, 3, 5, 9, 30, 0)
    viewer.filter_edit.setText("zzz-not-there")
    viewer.apply_filter()
    qtbot.waitUntil(lambda: viewer.pane.currentWidget() is viewer.empty_label)
    assert "no line matches “zzz-not-there”" in viewer.empty_label.text()
    viewer.clear_filter()
    assert viewer.pane.currentWidget() is viewer.table

    viewer.regex_box.setChecked(True)
    viewer.filter_edit.setText("[unclosed")
    viewer.apply_filter()
    qtbot.waitUntil(lambda: bool(_boxes(viewer)), timeout=10_000)
    assert _boxes(viewer)[0].windowTitle() == "Invalid filter"
    _boxes(viewer)[0].done(0)


def test_timeline_time_default_and_histogram_axis(qtbot, page: DiagnosticsPage, tmp_path: Path) -> None:
    extra = "".join(FARM.format(m=m) for m in range(40, 59))
    result = _take_in(qtbot, page, [_log(tmp_path, extra=extra)])
    page.open_timeline(result.id)
    qtbot.waitUntil(lambda: page.viewer.model.rowCount() > 8)
    viewer = page.viewer
    assert viewer.time_edit.dateTime().toPython() == datetime(2024, 3, 5, 9, 30, 0)
    from console.views.log_histogram import LogHistogram

    hist = LogHistogram()
    qtbot.addWidget(hist)
    hist.set_bins(viewer.histogram.bins)
    hist.resize(600, hist.sizeHint().height())
    labels = hist.axis_labels()
    assert labels[0] == (0, "2024-03-05 09:30") and labels[1][1] != "" and ":" in labels[1][1]
    # Labels never overlap: each is at least its own width apart.
    width = hist.width() / len(hist.bins)
    fm = hist.fontMetrics()
    assert all((b[0] - a[0]) * width >= fm.horizontalAdvance(a[1]) for a, b in itertools.pairwise(labels))
    assert hist.gaps() == [4]  # 09:33 -> 09:40 skipped quiet minutes
    image = hist.grab().toImage()
    assert image.width() == 600


# ---------------------------------------------------------------------- bundles tab
def test_findings_grouped_columns_sized_and_expand_only_for_archives(qtbot, page: DiagnosticsPage,
                                                                    tmp_path: Path) -> None:
    nested = tmp_path / "inner.zip"
    with zipfile.ZipFile(nested, "w") as zf:
        zf.writestr("old.log", TWS_LOG)
    extra = "".join(FARM.format(m=m) for m in range(40, 59))
    src = tmp_path / "b.zip"
    with zipfile.ZipFile(src, "w") as zf:
        zf.writestr("tws.log", TWS_LOG + extra)
        zf.writestr("extra/inner.zip", nested.read_bytes())
        zf.writestr("reason.txt", "ATTENTION: 7654321 frozen")
    messages: list[str] = []
    page.status_message.connect(messages.append)
    _take_in(qtbot, page, [src])
    assert any("ticket 7654321 found in reason.txt" in m for m in messages)
    panel = page.bundles_panel
    page.show()
    qtbot.waitExposed(page)
    panel.detail_tabs.setCurrentWidget(panel.finding_view)
    qtbot.waitUntil(lambda: panel.finding_model.rowCount() == 4 and panel.file_model.rowCount() == 3)
    farm = panel.finding_model.record(0)
    assert farm.code == 2104 and farm.count == 1 + 19
    assert panel.detail_tabs.tabText(1) == "Findings (4 codes, 23 lines)"
    header = panel.finding_view.horizontalHeader()
    assert header.sectionSize(4) > sum(header.sectionSize(c) for c in range(4))  # the explanation gets the width
    assert farm.title in panel.finding_model.index(0, 4).data() and panel.finding_view.wordWrap()
    assert panel.finding_view.rowHeight(0) > panel.finding_view.fontMetrics().height() * 1.5  # wrapped
    tip = panel.finding_model.index(0, 4).data(3)  # ToolTipRole
    assert "20 times" in tip and farm.explanation in tip

    view = panel.bundle_view
    assert not view.wordWrap()
    bh = view.horizontalHeader()
    assert bh.sectionResizeMode(1) == QHeaderView.ResizeMode.ResizeToContents
    taken_in = panel.bundle_proxy.index(0, 1).data()
    assert bh.sectionSize(1) >= view.fontMetrics().horizontalAdvance(taken_in)
    assert panel.bundle_proxy.index(0, 2).data() == "7654321"

    assert not panel.buttons["expand"].isEnabled() and not panel.buttons["open"].isEnabled()
    rows = {panel.file_proxy.index(r, 0).data(RecordRole).path: r for r in range(panel.file_proxy.rowCount())}
    panel.file_view.selectRow(rows["tws.log"])
    assert panel.buttons["open"].isEnabled() and not panel.buttons["expand"].isEnabled()
    panel.file_view.selectRow(rows["extra/inner.zip"])
    assert panel.buttons["expand"].isEnabled()


def test_encrypted_log_dialog_title(qtbot, page: DiagnosticsPage, tmp_path: Path) -> None:
    result = _take_in(qtbot, page, [good_zip(tmp_path / "d.zip")])
    info = next(f for f in bundles.get_bundle(page.ctx.ready_database(), result.id).files
                if f.kind == "encrypted-log")
    page.open_file(info)
    box = _boxes(page)[0]
    assert box.windowTitle() == "Encrypted log" and "Ask the client" in box.informativeText()
    box.done(0)
