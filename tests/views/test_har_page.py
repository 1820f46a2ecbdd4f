"""HAR inspector GUI: models (checked by the model tester), loading in a worker, filters, findings,
detail pane, redaction preview/export and compare — on real fixtures, offscreen."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from console.services.har import load_har
from console.views.har_entries_model import (
    COL_STATUS,
    COL_TIME,
    COL_WATERFALL,
    WATERFALL_ROLE,
    HarEntriesProxyModel,
    HarEntriesTableModel,
)
from tests.services.test_har_helpers import b64, entry, har, write
from tests.views.har_view_helpers import open_har, page_fixture

CHROME = "chrome114_mitmproxy_orphan-pageref.har"
WPT = "webpagetest2.19_firefox-nightly_bbc_1050entries.har"


@pytest.fixture
def page(qtbot, ctx):
    yield from page_fixture(qtbot, ctx, 1200, 800)



def test_models_pass_model_tester(qtmodeltester, har_fixtures_dir: Path) -> None:
    doc = load_har(har_fixtures_dir / WPT)
    model = HarEntriesTableModel()
    model.set_document(doc)
    qtmodeltester.check(model)
    proxy = HarEntriesProxyModel()
    proxy.setSourceModel(model)
    proxy.set_status_classes({"2xx"})
    proxy.set_text("bbc")
    qtmodeltester.check(proxy)
    assert 0 < proxy.rowCount() < model.rowCount()
    proxy.sort(COL_TIME, Qt.SortOrder.DescendingOrder)
    times = [proxy.index(r, 0).data(Qt.ItemDataRole.UserRole + 1).time_ms for r in range(proxy.rowCount())]
    assert times == sorted(times, reverse=True)
    wf = model.index(0, COL_WATERFALL).data(WATERFALL_ROLE)
    assert wf is not None and wf[1] > 0


def test_empty_state_then_load_fixture(qtbot, page, har_fixtures_dir: Path) -> None:
    assert page.stack.currentIndex() == 0 and not page.sanitize_button.isEnabled()
    doc = open_har(qtbot, page, har_fixtures_dir / WPT)
    assert page.stack.currentIndex() == 1
    assert page.model.rowCount() == 1050 == page.proxy.rowCount()
    assert page.pages_list.count() == 6  # all + 5 pages
    assert "1,050 requests, 5 pages" in page.file_label.text() and "quirks repaired" in page.quirks_button.text()
    assert page.findings_panel.topLevelItemCount() >= 2
    # filters
    page.errors_check.setChecked(True)
    assert page.proxy.rowCount() == 17
    page.errors_check.setChecked(False)
    page.status_buttons["failed"].setChecked(True)
    assert page.proxy.rowCount() == 17
    page.status_buttons["failed"].setChecked(False)
    page.slow_spin.setValue(5000)
    assert all(page.proxy.entry_at(page.proxy.index(r, 0)).time_ms >= 5000 for r in range(page.proxy.rowCount()))
    page.slow_spin.setValue(0)
    page.pages_list.setCurrentRow(2)
    assert page.proxy.rowCount() == doc.pages[1].entry_count
    page.pages_list.setCurrentRow(0)
    idx = page.domain_combo.findData("www.bbc.co.uk")
    page.domain_combo.setCurrentIndex(idx)
    assert 0 < page.proxy.rowCount() < 1050
    page.clear_filters()
    page.filter_edit.setText("zzz-no-such-thing")
    assert page.proxy.rowCount() == 0 and page.empty_filter_label.isVisibleTo(page)
    page.filter_edit.clear()
    assert page.proxy.rowCount() == 1050


def test_findings_select_entry_and_detail(qtbot, page, har_fixtures_dir: Path) -> None:
    open_har(qtbot, page, har_fixtures_dir / CHROME)
    assert page.pages_list.count() == 3  # all, page_1, the orphan page_2
    group = page.findings_panel.topLevelItem(0)
    assert "Failed" in group.text(0)
    finding = group.child(0)
    page.findings_panel.itemActivated.emit(finding, 0)
    current = page.current_entry()
    assert current is not None and current.status == 0
    assert page.detail.entry is current
    assert page.detail.headers.rowCount() > 0
    page.copy_url()
    assert QApplication.clipboard().text() == current.url
    # a base64 image is previewed, not dumped
    img = next(e for e in page.doc.entries if e.mime_type.startswith("image/"))
    page.select_entry(img.index)
    assert not page.detail.image_scroll.isHidden() and page.detail.image.pixmap().width() > 0


def test_body_search_in_background(qtbot, page, tmp_path: Path) -> None:
    e1 = entry("https://a.example.com/one", text=None)
    e1["response"]["content"] = {"size": 30, "mimeType": "application/json", "encoding": "base64",
                                 "text": b64('{"reason": "MarginCall-42"}')}
    e2 = entry("https://a.example.com/two", started="2024-01-02T03:04:06Z")
    open_har(qtbot, page, write(tmp_path / "s.har", har([e1, e2])))
    with qtbot.waitSignal(page.body_search_done, timeout=5000):
        page.filter_edit.setText("margincall")
    assert page.proxy.rowCount() == 1
    assert page.proxy.entry_at(page.proxy.index(0, 0)).url.endswith("/one")
    assert page.proxy.index(0, COL_STATUS).data() == "200"


def test_bad_file_shows_error(qtbot, page, tmp_path: Path) -> None:
    bad = write(tmp_path / "cut.har", b'{"log": {"entries": [{"x": 1}')
    page.open_paths([bad])
    qtbot.waitUntil(lambda: any(isinstance(w, QMessageBox) and w.isVisible() for w in QApplication.topLevelWidgets()),
                    timeout=5000)
    box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible())
    assert "byte offset" in box.text()
    assert page.stack.currentIndex() == 0


def test_sanitize_dialog_preview_and_export(qtbot, page, har_fixtures_dir: Path, tmp_path: Path) -> None:
    open_har(qtbot, page, har_fixtures_dir / CHROME)
    dialog = page.open_sanitize()
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=10000)
    assert dialog.table.rowCount() == len(dialog.report.replacements) > 0
    assert dialog.export_button.isEnabled()
    touched = len({r.entry for r in dialog.report.replacements if r.entry is not None})
    text = dialog.summary.text()
    assert text.startswith(f"Redaction will replace {len(dialog.report.replacements):,} values with placeholders, ")
    assert (f"in {touched} of the file's 3 requests" in text) or (touched == 3 and "in all 3 requests" in text)
    assert dialog.redaction_sentence(1, 1, 1, "cookie: 1").startswith(
        "Redaction will replace 1 value with placeholders, in the file's only request (cookie: 1).")
    assert "in 4 of the file's 12 requests" in dialog.redaction_sentence(23, 4, 12, "")
    target = tmp_path / "clean.har"
    with qtbot.waitSignal(dialog.exported, timeout=10000):
        dialog.export_to(target)
    assert len(orjson.loads(target.read_bytes())["log"]["entries"]) == 3
    dialog.close()


def test_compare_dialog(qtbot, page, tmp_path: Path) -> None:
    a = write(tmp_path / "a.har", har([entry("https://x.example.com/"), entry("https://x.example.com/api")]))
    b = write(tmp_path / "b.har", har([entry("https://x.example.com/", status=500)]))
    open_har(qtbot, page, a)
    dialog = page.compare_with(b)
    qtbot.waitUntil(lambda: dialog.diff is not None, timeout=10000)
    assert dialog.table.rowCount() == 2
    assert "1 only in A" in dialog.summary.text()
    dialog.close()


def test_proxy_filters_match_a_plain_scan_while_typing(qtmodeltester, har_fixtures_dir: Path) -> None:
    """The proxy re-checks only the previous matches when the filter text grows; the result must still be
    exactly what a plain scan over all rows gives, whatever order the filters change in."""
    from console.services.har.search import header_blob

    doc = load_har(har_fixtures_dir / WPT)
    model = HarEntriesTableModel()
    model.set_document(doc)
    proxy = HarEntriesProxyModel()
    proxy.setSourceModel(model)

    def expected(text: str, classes: set[str]) -> list[int]:
        return sorted(e.index for e in doc.entries
                      if text in header_blob(e) and (not classes or e.status_class in classes))

    def shown() -> list[int]:
        return sorted(proxy.index(r, 0).data(Qt.ItemDataRole.UserRole + 1).index for r in range(proxy.rowCount()))

    classes: set[str] = set()
    for step in ["b", "bb", "bbc", "bbci", "bbc", "c", "", "static", "static.bbc", "zzz", "static"]:
        proxy.set_text(step)
        assert shown() == expected(step, classes), step
        if step == "bbc":
            classes = {"3xx"}
            proxy.set_status_classes(classes)
            assert shown() == expected(step, classes)
        if step == "":
            classes = set()
            proxy.set_status_classes(classes)
            model.sort(COL_TIME, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(proxy)


def test_waterfall_draws_every_phase_on_the_page_axis(qtbot, har_fixtures_dir: Path) -> None:
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QImage, QPainter

    from console.services.har import PHASES
    from console.views.har_waterfall import MARK_COLOURS, PHASE_COLOURS, WaterfallLegend, paint_marks, paint_phases

    doc = load_har(har_fixtures_dir / WPT)
    model = HarEntriesTableModel()
    model.set_document(doc)
    axes: dict[str | None, float] = {}
    for row in range(model.rowCount()):
        e = model.entries[row]
        offset, span, phases, marks = model.index(row, COL_WATERFALL).data(WATERFALL_ROLE)
        assert [name for name, _ in phases] == list(PHASES)
        assert axes.setdefault(e.pageref, span) == span  # one axis per page
        assert offset >= 0 and offset + e.time_ms <= span + 1
        assert {name for name, _ in marks} <= {"DOMContentLoaded", "load"}
    assert len(axes) == len(doc.pages)
    assert "total" in model.index(0, COL_WATERFALL).data(Qt.ItemDataRole.ToolTipRole)

    image = QImage(700, 10, QImage.Format.Format_RGB32)
    image.fill(0xFFFFFF)
    painter = QPainter(image)
    paint_phases(painter, QRectF(0, 0, 700, 10), 0.0, 70.0, tuple((name, 10.0) for name in PHASES))
    paint_marks(painter, QRectF(0, 0, 700, 10), 70.0, (("load", 61.0),))
    painter.end()
    for i, name in enumerate(PHASES):
        assert image.pixelColor(i * 100 + 30, 5) == PHASE_COLOURS[name], name
    assert image.pixelColor(610, 5) == MARK_COLOURS["load"]
    legend = WaterfallLegend()
    qtbot.addWidget(legend)
    assert legend.layout().count() == len(PHASES) + 2 + 1  # phases, two event lines, stretch
