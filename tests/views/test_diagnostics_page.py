"""The diagnostics page end to end on a real SQLite database and bundle store (offscreen Qt)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from console import workers
from console.services import bundles
from console.views.diagnostics_models import (
    BundleFileTableModel,
    BundleTableModel,
    FindingGroupTableModel,
    FindingTableModel,
    RecordRole,
    SearchHitTableModel,
)
from console.views.diagnostics_page import DiagnosticsPage
from console.views.log_table_model import LogTableModel
from tests.services.conftest_bundles import TWS_LOG, good_zip


@pytest.fixture
def page(qtbot, ctx):
    p = DiagnosticsPage(ctx)
    qtbot.addWidget(p)
    p.set_database_ready(True)
    yield p
    p.shutdown()
    workers.wait_for_all()


def _ingest(qtbot, page: DiagnosticsPage, paths: list[Path], reason: str = "") -> bundles.IngestResult:
    page.open_paths(paths)
    assert page.tabs.currentWidget() is page.intake
    page.intake.reason_edit.setPlainText(reason)
    page.intake.user_edit.setText("bob")
    with qtbot.waitSignal(page.intake.ingested, timeout=20_000) as blocker:
        page.intake.ingest_button.click()
    return blocker.args[0]


def test_intake_list_open_filter_and_search(qtbot, page: DiagnosticsPage, tmp_path: Path) -> None:
    result = _ingest(qtbot, page, [good_zip(tmp_path / "diag.zip")], "ATTENTION: 12345678 frozen")
    assert result.ticket == "12345678" and page.intake.files.count() == 0
    panel = page.bundles_panel
    qtbot.waitUntil(lambda: panel.bundle_model.rowCount() == 1 and panel.file_model.rowCount() == 5)
    assert page.tabs.currentWidget() is panel
    qtbot.waitUntil(lambda: panel.finding_model.rowCount() == 4)  # one row per code
    assert panel.bundle_model.record(0).username == "bob"

    # Open the log file: the viewer shows it through the line-offset index.
    row = next(r for r in range(panel.file_proxy.rowCount())
               if panel.file_proxy.index(r, 0).data(RecordRole).path == "logs/tws.20240305.log")
    panel.file_view.selectRow(row)
    panel.buttons["open"].click()
    viewer = page.viewer
    assert page.tabs.currentWidget() is viewer
    qtbot.waitUntil(lambda: viewer.model.file_index is not None and viewer.model.file_index.complete)
    assert viewer.model.rowCount() == TWS_LOG.count("\n")
    qtbot.waitUntil(lambda: len(viewer.histogram.bins) == 4)
    viewer.select_row(0)
    viewer.jump_error(1)
    assert viewer.current_row() == 2 and viewer.model.line(2).level == "ERROR"
    viewer.jump_error(1)
    assert viewer.current_row() == 7

    viewer.filter_edit.setText("errorcode")
    viewer.apply_filter()
    qtbot.waitUntil(lambda: viewer.model.filtered)
    assert [viewer.model.line(r).number for r in range(viewer.model.rowCount())] == [2, 7, 8]
    viewer.clear_filter()
    assert viewer.model.rowCount() == TWS_LOG.count("\n")

    # Search across bundles, then open the hit at its line.
    page.search_panel.query_edit.setText("zanzibarquokka")
    page.search_panel.search()
    qtbot.waitUntil(lambda: page.search_panel.model.rowCount() == 1)
    hit = page.search_panel.model.record(0)
    page.search_panel.open_hit.emit(hit)
    qtbot.waitUntil(lambda: viewer.current_row() == 5)
    assert viewer.model.line(5).text.endswith("zanzibarquokka")


def test_timeline_and_har_routing(qtbot, page: DiagnosticsPage, tmp_path: Path, har_fixtures_dir: Path) -> None:
    folder = tmp_path / "diag"
    folder.mkdir()
    (folder / "tws.log").write_text(TWS_LOG)
    (folder / "portal.har").write_bytes((har_fixtures_dir / "firefox111_mitmproxy.har").read_bytes())
    result = _ingest(qtbot, page, [folder])
    page.open_timeline(result.id)
    qtbot.waitUntil(lambda: page.viewer.model.rowCount() > 8)
    kinds = {e.kind for e in page.viewer.model.events}
    assert kinds == {"log", "har"}
    detail = bundles.get_bundle(page.ctx.ready_database(), result.id)
    har = next(f for f in detail.files if f.kind == "har")
    with qtbot.waitSignal(page.open_in_area) as blocker:
        page.open_file(har)
    area, paths = blocker.args
    assert area == "har" and paths[0].name == "portal.har" and paths[0].read_bytes()[:1] == b"{"


def test_refused_archive_shows_dialog_and_keeps_form(qtbot, page: DiagnosticsPage, tmp_path: Path,
                                                    monkeypatch) -> None:
    import zipfile

    shown = []
    monkeypatch.setattr("console.views.messages.show_error", lambda parent, exc: shown.append(exc))
    evil = tmp_path / "evil.zip"
    with zipfile.ZipFile(evil, "w") as zf:
        zf.writestr("../escape.txt", "x")
    page.open_paths([evil])
    worker = page.intake.ingest()
    with qtbot.waitSignal(worker.signals.finished, timeout=10_000):
        pass
    qtbot.waitUntil(lambda: bool(shown))
    assert "../escape.txt" in shown[0].message and page.intake.files.count() == 1
    assert bundles.list_bundles(page.ctx.ready_database()) == []


def test_models_pass_the_model_tester(qtmodeltester, tmp_path: Path, sqlite_database) -> None:
    store = tmp_path / "store"
    r = bundles.ingest_bundle(sqlite_database, store, [good_zip(tmp_path / "d.zip")])
    detail = bundles.get_bundle(sqlite_database, r.id)
    for model, records in ((BundleTableModel(), [detail.bundle]), (BundleFileTableModel(), detail.files),
                           (FindingTableModel(), bundles.bundle_findings(sqlite_database, store, r.id)),
                           (FindingGroupTableModel(), bundles.bundle_finding_groups(sqlite_database, store, r.id)),
                           (SearchHitTableModel(), bundles.search(sqlite_database, store, "connectivity"))):
        model.set_records(records)
        qtmodeltester.check(model)
    log = next(f for f in detail.files if f.kind == "log" and f.path.endswith("0305.log"))
    model = LogTableModel()
    model.set_file(bundles.LineIndex(bundles.file_path(store, log)), log.path)
    qtmodeltester.check(model)
    assert model.data(model.index(2, 2)) == "ERROR"
    assert model.data(model.index(2, 4), Qt.ItemDataRole.ForegroundRole) is not None
    model.set_events(bundles.bundle_timeline(sqlite_database, store, r.id).events)
    qtmodeltester.check(model)
    model.clear()


def test_client_lookup_from_sls_data(qtbot, page: DiagnosticsPage) -> None:
    from console.services.sls.demo import load_demo

    load_demo(page.ctx.ready_database())
    form = page.intake
    form.user_edit.setText("alic")
    form.user_edit.textEdited.emit("alic")
    qtbot.waitUntil(lambda: "alice_chen" in form._names.stringList(), timeout=10_000)
    form.user_edit.setText("alice_chen")  # what the completer does on a pick
    form._user_chosen("alice_chen")
    assert form.account_edit.text() == "U1000001"
    qtbot.waitUntil(lambda: "Alice Chen" in form.client_label.text(), timeout=10_000)
