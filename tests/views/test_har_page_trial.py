"""HAR inspector polish from the new-user trial: a readable pages list, a hint in the empty detail pane,
the quirks list, saving the redaction report, files that are not HARs, singular/plural wording and a URL
column that keeps its width — real fixtures, offscreen."""

from __future__ import annotations

import zipfile
from pathlib import Path

import orjson
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from console.services.har import QUIRK_DESCRIPTIONS, quirk_meaning
from console.views.har_entries_model import COL_URL
from console.views.har_pages_list import HarPagesList
from console.views.har_quirks import HarQuirksDialog
from tests.services.test_har_helpers import entry, har, write
from tests.views.har_view_helpers import open_har, page_fixture

WPT = "webpagetest2.19_firefox-nightly_bbc_1050entries.har"
FIREFOX = "firefox72_httpbin_jsonview-base64.har"


@pytest.fixture
def page(qtbot, ctx):
    yield from page_fixture(qtbot, ctx, 1100, 760)



def test_pages_list_is_wide_enough_and_names_stay_readable(qtbot, page, har_fixtures_dir: Path) -> None:
    open_har(qtbot, page, har_fixtures_dir / FIREFOX)  # one page: the list is hidden (a saved width of 0)
    assert not page.pages_list.isVisibleTo(page)
    page.top_split.setSizes([0, 1000])
    doc = open_har(qtbot, page, har_fixtures_dir / WPT)
    assert page.pages_list.isVisibleTo(page)
    assert page.top_split.sizes()[0] >= HarPagesList.MIN_WIDTH
    assert page.pages_list.label(0) == "All pages" and page.pages_list.topLevelItem(0).text(1) == "1,050"
    title = doc.pages[0].title
    item = page.pages_list.topLevelItem(1)
    assert item.text(0) == title and title in item.toolTip(0) and "246 requests" in item.toolTip(0)
    assert item.text(1) == "246"  # the count has its own column: elision never hides it
    # the title column is as wide as the list allows (elided there, not scrolled sideways)
    assert page.pages_list.horizontalScrollBar().isHidden() or not page.pages_list.horizontalScrollBar().isVisible()
    assert page.pages_list.columnWidth(0) + page.pages_list.columnWidth(1) <= page.pages_list.viewport().width()


def test_detail_pane_hint_until_a_request_is_chosen(qtbot, page, har_fixtures_dir: Path) -> None:
    open_har(qtbot, page, har_fixtures_dir / WPT)
    assert page.detail_stack.currentWidget() is page.detail_hint
    assert page.detail_hint.text() == "Select a request to see its headers, bodies and timings."
    page.table.selectRow(0)
    assert page.detail_stack.currentWidget() is page.detail and page.detail.entry is not None
    page.filter_edit.setText("zzz-no-such-thing")  # the selected row is filtered away
    assert page.detail_stack.currentWidget() is page.detail_hint
    page.filter_edit.clear()
    open_har(qtbot, page, har_fixtures_dir / FIREFOX)  # another file: back to the hint
    assert page.detail_stack.currentWidget() is page.detail_hint


def test_quirks_list_opens_and_copies(qtbot, page, har_fixtures_dir: Path) -> None:
    doc = open_har(qtbot, page, har_fixtures_dir / WPT)
    assert page.quirks_button.isVisibleTo(page) and page.quirks_button.text() == "2,135 quirks repaired…"
    qtbot.mouseClick(page.quirks_button, Qt.MouseButton.LeftButton)
    dialog = page.findChild(HarQuirksDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.table.rowCount() == len(doc.quirks)
    codes = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]
    assert codes == [code for code, _ in doc.quirks]
    assert dialog.table.item(0, 1).text() == f"{doc.quirks[0][1]:,}"
    assert dialog.table.item(0, 2).text() == quirk_meaning(doc.quirks[0][0])
    dialog.copy_button.click()
    copied = QApplication.clipboard().text()
    assert all(code in copied for code in codes) and quirk_meaning("timings-negative") in copied
    dialog.close()


def test_every_quirk_code_has_plain_words() -> None:
    for code in QUIRK_DESCRIPTIONS:
        meaning = quirk_meaning(code)
        assert meaning.count(".") >= 1 and len(meaning) > len(QUIRK_DESCRIPTIONS[code]) + 10, code


def test_file_without_quirks_hides_the_link_and_uses_singulars(qtbot, page, tmp_path: Path) -> None:
    open_har(qtbot, page, write(tmp_path / "one.har", har([entry()])))
    assert not page.quirks_button.isVisibleTo(page)
    assert "1 request, 1 page, 0 failed" in page.file_label.text()


def test_sanitize_dialog_saves_the_report_without_values(qtbot, page, tmp_path: Path) -> None:
    secret = "s3cr3tsess0-value"
    src = write(tmp_path / "secret.har", har([entry("https://api.example.com/x?token=tok-very-secret",
                                                     req_headers=[("Cookie", f"SESSIONID={secret}")])]))
    open_har(qtbot, page, src)
    dialog = page.open_sanitize()
    assert not dialog.report_button.isEnabled()
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=10000)
    assert dialog.report_button.isEnabled()
    target = tmp_path / "report.json"
    with qtbot.waitSignal(dialog.report_saved, timeout=5000):
        assert dialog.save_report(target)
    raw = target.read_bytes()
    data = orjson.loads(raw)
    assert data["replacement_count"] == len(data["replacements"]) == dialog.table.rowCount() >= 2
    assert {r["rule"] for r in data["replacements"]} >= {"cookie"}
    assert secret.encode() not in raw and b"tok-very-secret" not in raw
    assert str(target) in dialog.saved_label.text() and dialog.saved_label.isVisibleTo(dialog)
    dialog.close()


def test_a_zip_is_sent_to_diagnostics(qtbot, page, tmp_path: Path) -> None:
    bundle = tmp_path / "bundle1.zip"
    with zipfile.ZipFile(bundle, "w") as zf:
        zf.writestr("session.har", b"{}")
    with qtbot.waitSignal(page.status_message, timeout=5000,
                          check_params_cb=lambda text: text.startswith("bundle1.zip is a ZIP archive")):
        page.open_paths([bundle])
    qtbot.waitUntil(lambda: page.other_area_box is not None and page.other_area_box.isVisible(), timeout=5000)
    box = page.other_area_box
    assert "is a ZIP archive, not a HAR file" in box.text() and "session.har" in box.text()
    assert "Diagnostics intake" in box.informativeText() and "support-console" not in box.informativeText()
    assert "UTF-8" not in box.text()
    button = next(b for b in box.buttons() if b.text() == "Open in Diagnostics intake")
    with qtbot.waitSignal(page.open_in_area, timeout=2000) as blocker:
        button.click()
    assert blocker.args == ["diagnostics", [bundle]]
    assert page.stack.currentIndex() == 0  # nothing was opened here


def test_binary_file_gets_a_plain_error(qtbot, page, tmp_path: Path) -> None:
    page.open_paths([write(tmp_path / "shot.har", b"\x89PNG\r\n\x1a\n" + bytes(range(256)))])
    qtbot.waitUntil(lambda: any(isinstance(w, QMessageBox) and w.isVisible() for w in QApplication.topLevelWidgets()),
                    timeout=5000)
    box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible())
    assert "is a PNG image, not a HAR file" in box.text() and page.other_area_box is None


def test_url_column_keeps_a_readable_width(qtbot, page, har_fixtures_dir: Path) -> None:
    open_har(qtbot, page, har_fixtures_dir / WPT)
    table = page.table
    assert table.columnWidth(COL_URL) >= table.MIN_URL_WIDTH
    header = table.horizontalHeader()
    others = sum(header.sectionSize(c) for c in range(header.count()) if c != COL_URL)
    total = sum(page.top_split.sizes())
    page.top_split.setSizes([total - 300, 300])  # the table as narrow as it goes
    qtbot.waitUntil(lambda: table.viewport().width() < others + table.MIN_URL_WIDTH, timeout=2000)
    assert table.columnWidth(COL_URL) == table.MIN_URL_WIDTH  # scrolls sideways instead of squeezing
    page.top_split.setSizes([HarPagesList.MIN_WIDTH, total - HarPagesList.MIN_WIDTH])
    page.resize(1600, 760)
    qtbot.waitUntil(lambda: table.columnWidth(COL_URL) > table.MIN_URL_WIDTH + 200, timeout=2000)
    assert sum(header.sectionSize(c) for c in range(header.count())) <= table.viewport().width()
