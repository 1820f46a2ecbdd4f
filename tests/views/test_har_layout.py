"""HAR inspector on small screens (second trial): at a 1024x700 window every column of the table is on
screen, the pages list and the bottom pane can be hidden (and come back), the choice is remembered."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from console.views.har_entries_model import COL_START, COL_URL, COL_WATERFALL
from console.workers import wait_for_all
from tests.views.har_view_helpers import make_page, open_har, page_fixture

WPT = "webpagetest2.19_firefox-nightly_bbc_1050entries.har"


@pytest.fixture
def small(qtbot, ctx):
    # the page's share of a 1024x700 main window (navigation, menu and status bar take the rest)
    yield from page_fixture(qtbot, ctx, 830, 620)



def _all_columns_on_screen(table) -> bool:
    header = table.horizontalHeader()
    return sum(header.sectionSize(c) for c in range(header.count())) <= table.viewport().width()


def test_small_window_shows_every_column(qtbot, small, har_fixtures_dir: Path) -> None:
    page = small
    open_har(qtbot, page, har_fixtures_dir / WPT)
    table = page.table
    qtbot.waitUntil(lambda: table.compact, timeout=2000)
    assert not page.pages_list.isVisible() and page.pages_button.isEnabled() and not page.pages_button.isChecked()
    assert _all_columns_on_screen(table) and table.horizontalScrollBar().maximum() == 0
    assert table.columnWidth(COL_URL) >= table.MIN_URL_WIDTH
    assert table.columnWidth(COL_WATERFALL) >= 100
    fm = table.fontMetrics()
    assert table.columnWidth(COL_START) >= fm.horizontalAdvance("05:22:54.142") + 8  # never elided
    # the legend shortens its names instead of holding the table wider than the window
    assert page.waterfall_legend.width() <= table.width() + 2
    # hiding the bottom pane gives the table the height; Enter on a request brings the details back
    rows_before = table.viewport().height()
    page.details_button.click()
    assert not page.bottom_tabs.isVisible()
    qtbot.waitUntil(lambda: table.viewport().height() > rows_before * 1.5, timeout=2000)
    table.setFocus()
    table.setCurrentIndex(page.proxy.index(3, 0))
    qtbot.keyClick(table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.bottom_tabs.isVisible(), timeout=2000)
    assert page.details_button.isChecked() and page.detail_stack.currentWidget() is page.detail
    # the pages list on demand (Ctrl+Shift+P); hidden again, it no longer filters the table
    page.pages_button.click()
    assert page.pages_list.isVisible()
    page.pages_list.setCurrentRow(2)
    assert page.proxy.rowCount() < len(page.doc.entries)
    page.pages_button.click()
    assert not page.pages_list.isVisible() and page.proxy.rowCount() == len(page.doc.entries)


def test_pane_choices_are_remembered(qtbot, ctx, har_fixtures_dir: Path) -> None:
    first = make_page(qtbot, ctx, 1400, 800)
    open_har(qtbot, first, har_fixtures_dir / WPT)
    assert first.pages_list.isVisible() and first.bottom_tabs.isVisible()  # wide: both shown
    first.pages_button.click()
    first.details_button.click()
    first.hide()  # saves the settings
    wait_for_all()
    second = make_page(qtbot, ctx, 1400, 800)
    open_har(qtbot, second, har_fixtures_dir / WPT)
    assert not second.pages_list.isVisible() and not second.bottom_tabs.isVisible()
    assert not second.pages_button.isChecked() and not second.details_button.isChecked()
    second.details_button.click()
    qtbot.waitUntil(lambda: second.bottom_tabs.height() > 60, timeout=2000)  # not squeezed to nothing
    wait_for_all()
