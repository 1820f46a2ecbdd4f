"""The Clients & SLS devices page on a real SQLite database with the demo data."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest
from PySide6.QtCore import QCoreApplication, QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QGuiApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from console.context import AppContext
from console.services import sls
from console.services.sls.demo import load_demo
from console.views.sls_page import SlsPage
from console.views.sls_users_model import SlsUsersProxyModel, SlsUsersTableModel
from console.workers import wait_for_all
from tests.services.sls_helpers import snapshot


@pytest.fixture
def db(ctx: AppContext):
    database = ctx.ready_database()
    yield database
    wait_for_all()


@pytest.fixture
def demo_db(db):
    load_demo(db)
    return db


@pytest.fixture
def page(qtbot, ctx: AppContext, db):
    widget = SlsPage(ctx)
    qtbot.addWidget(widget)
    widget.set_database_ready(True)
    return widget


def _search(qtbot, page: SlsPage, text: str) -> int:
    with qtbot.waitSignal(page.results_shown, timeout=10000) as blocker:
        page.search.setText(text)
    return blocker.args[0]


def test_models_pass_the_model_tester(qtmodeltester, demo_db) -> None:
    model = SlsUsersTableModel()
    model.set_users(sls.lookup_users(demo_db, "u", limit=100), asked=100)
    qtmodeltester.check(model)
    proxy = SlsUsersProxyModel()
    proxy.setSourceModel(model)
    proxy.set_region("japan")
    qtmodeltester.check(proxy)
    assert proxy.rowCount() == 3
    proxy.set_region(None)
    proxy.set_hide_opted_out(True)
    assert proxy.rowCount() == model.rowCount() - 1


def test_database_unavailable_shows_empty_state(qtbot, ctx: AppContext) -> None:
    widget = SlsPage(ctx)
    qtbot.addWidget(widget)
    widget.set_database_ready(False)
    assert widget.stack.currentIndex() == 0
    text = widget.empty_label.text()
    assert "not available" in text
    # A URL fixed in Preferences is used at once: no "restart" advice unless the environment variable decides.
    assert "Preferences" in text and "as soon as you save" in text and "no restart needed" in text
    assert "then restart" not in text and "start the console again" not in text
    assert widget.preferences_button.isVisibleTo(widget) and widget.retry_button.isVisibleTo(widget)
    widget.search_now()  # nothing happens without a database
    widget.resize(800, 640)
    widget.show()
    qtbot.waitExposed(widget)
    label = widget.empty_label  # tall enough for every wrapped line (none cut off at the bottom)
    qtbot.waitUntil(lambda: label.height() >= label.heightForWidth(label.width()))


def test_database_unavailable_buttons_reach_the_window(qtbot, ctx: AppContext) -> None:
    calls: list[str] = []

    class Host(QWidget):
        def show_preferences(self) -> None:
            calls.append("preferences")

        def check_database(self) -> None:
            calls.append("check")

    host = Host()
    qtbot.addWidget(host)
    widget = SlsPage(ctx, host)
    widget.set_database_ready(False)
    qtbot.mouseClick(widget.preferences_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(widget.retry_button, Qt.MouseButton.LeftButton)
    assert calls == ["preferences", "check"]
    assert "Checking" in widget.empty_label.text()
    widget.set_database_ready(True)
    assert not widget.preferences_button.isVisibleTo(widget) and not widget.retry_button.isVisibleTo(widget)


def test_database_unavailable_from_the_environment_says_so(qtbot, monkeypatch, isolated_dirs) -> None:
    monkeypatch.setenv("SUPPORT_CONSOLE_DB_URL", "postgresql+psycopg://nobody@127.0.0.1:1/none")
    context = AppContext()
    try:
        widget = SlsPage(context)
        qtbot.addWidget(widget)
        widget.set_database_ready(False)
        text = widget.empty_label.text()
        assert "SUPPORT_CONSOLE_DB_URL" in text and "start the console again" in text
        assert "as soon as you save" not in text
    finally:
        context.close()


def test_search_as_you_type_and_detail(qtbot, page: SlsPage, demo_db) -> None:
    assert _search(qtbot, page, "dan") == 1
    qtbot.waitUntil(lambda: page.detail is not None and page.detail.user.username == "daniel_wong")
    text = page.detail_view.toPlainText()
    assert "DSC-300002" in text and "activates by itself" in text and "16 days left" in text
    assert "(s)" not in text and "its last day" not in text and "1 day left" in text
    # The devices table has a header row and statuses in words.
    assert all(h in text for h in ("Level", "Device", "Serial", "Status")) and "works through" in text
    assert "awaiting activation" in text and "pending_activation" not in text
    assert page.results_label.text() == "1 client found."
    assert _search(qtbot, page, "zzzz") == 0
    assert "No client matches" in page.results_label.text()


def _pick_region(qtbot, page: SlsPage, region: str) -> int:
    with qtbot.waitSignal(page.results_shown, timeout=10000) as blocker:
        page.region.setCurrentIndex(page.region.findData(region))
    return blocker.args[0]


def test_region_filter_runs_the_search_again_and_clears_stale_text(qtbot, page: SlsPage, demo_db) -> None:
    assert _search(qtbot, page, "a") == 2  # alice_chen and alice_ira, both US / Canada
    qtbot.waitUntil(lambda: page.detail is not None)
    assert page.results_label.text() == "2 clients found."
    assert _pick_region(qtbot, page, "asia") == 0
    assert page.proxy.rowCount() == 0 and page.detail is None
    assert page.results_label.text() == "No client matches “a” in Asia."
    assert "Select a client" in page.detail_view.toPlainText() and "alice" not in page.detail_view.toPlainText()
    assert not page.share_button.isEnabled() and page.walkthrough.current is None
    assert _search(qtbot, page, "l") == 2
    assert {u.username for u in page.model.users()} == {"li_wei", "grace_lee"}
    assert page.results_label.text() == "2 clients found in Asia."
    qtbot.waitUntil(lambda: page.detail is not None and page.detail.user.region == "asia")
    assert _pick_region(qtbot, page, "") == len(sls.lookup_users(demo_db, "l"))
    assert page.detail is not None  # the client on show is still among the results


def test_count_label_says_when_more_rows_can_load(qtbot, page: SlsPage, demo_db) -> None:
    page.search.blockSignals(True)
    page.search.setText("u")
    page.search.blockSignals(False)
    with qtbot.waitSignal(page.results_shown, timeout=10000):
        page.search_now(limit=5)
    assert page.results_label.text() == "First 5 clients shown; scroll down for more."


def test_a_late_detail_does_not_replace_a_cleared_pane(qtbot, page: SlsPage, demo_db) -> None:
    page.show_user("alice_chen")
    page._show_detail(None)
    assert wait_for_all()
    QCoreApplication.processEvents()  # deliver the finished worker's queued result
    assert page.detail is None


def test_results_table_shows_every_column_and_all_devices(qtbot, page: SlsPage, demo_db) -> None:
    page.resize(1360, 800)
    page.show()
    qtbot.waitExposed(page)
    _search(qtbot, page, "daniel")
    index = page.proxy.index(0, 4)
    assert index.data() == "Online card, DSC+ (pending) +1"
    tip = index.data(Qt.ItemDataRole.ToolTipRole)
    assert all(serial in tip for serial in ("OSC-300001", "DSC-300001", "DSC-300002")) and "lost" in tip
    assert page.proxy.index(0, 3).data() == "Asia"
    header = page.table.horizontalHeader()
    for col in range(page.proxy.columnCount()):
        assert header.sectionViewportPosition(col) + header.sectionSize(col) <= page.table.viewport().width()
        text = page.proxy.index(0, col).data()
        assert page.table.fontMetrics().horizontalAdvance(text) <= header.sectionSize(col) or col == 2
    assert page.table.horizontalScrollBar().maximum() == 0


def test_detail_badges_grey_out_devices_that_do_not_work(qtbot, page: SlsPage, demo_db) -> None:
    detail = sls.user_detail(demo_db, "daniel_wong")
    markup = page.detail_view._devices_html(detail.user.devices)
    assert markup.count("<th") == 4 and markup.count("white-space:nowrap'>") >= 4
    lost = next(r for r in markup.split("<tr>") if "DSC-300001" in r)
    assert "<s>L5</s>" in lost and "#9e9e9e" in lost and ">lost<" in lost
    alice = page.detail_view._devices_html(sls.user_detail(demo_db, "alice_chen").user.devices)
    assert "<s>" not in alice and "#1b5e20" in alice and "shared with alice_ira" in alice


def test_walkthrough_copy(qtbot, page: SlsPage, demo_db) -> None:
    _search(qtbot, page, "ivan")
    qtbot.waitUntil(lambda: page.detail is not None and page.detail.user.username == "ivan_petrov")
    page.walkthrough.set_situation("return_device")
    with qtbot.waitSignal(page.walkthrough.copied) as blocker:
        page.walkthrough.copy_button.click()
    copied = QGuiApplication.clipboard().text()
    assert copied == blocker.args[0] and copied.startswith("Return a device (ivan_petrov)")
    assert "1. " in copied and "Zug" in copied


def test_shared_device_user_in_the_page(qtbot, page: SlsPage, demo_db) -> None:
    _search(qtbot, page, "alice_ira")
    qtbot.waitUntil(lambda: page.detail is not None and page.detail.user.username == "alice_ira")
    assert "alice_chen's device, shared with this user" in page.detail_view.toPlainText()
    for situation, absent in (("lost_or_damaged", "No permanent device"), ("return_device", "holds no device.")):
        page.walkthrough.set_situation(situation)
        text = page.walkthrough.steps.toPlainText()
        assert absent not in text and "alice_chen" in text
    page.open_share_dialog()
    dialog = page.share_dialog
    # The selected client is the requester; the owner of the device they already use is the other party.
    assert (dialog.requester.text(), dialog.owner.text()) == ("alice_ira", "alice_chen")
    dialog.close()


# The completion popup is a real popup window: the offscreen platform says it cannot raise it or grab keys.
@pytest.mark.qt_log_ignore("This plugin does not support raise", "This plugin does not support grabbing")
def test_sharing_dialog_suggests_users_as_you_type(qtbot, page: SlsPage, demo_db) -> None:
    from PySide6.QtTest import QTest

    _search(qtbot, page, "grace")
    qtbot.waitUntil(lambda: page.detail is not None and page.detail.user.username == "grace_lee")
    page.open_share_dialog()
    dialog = page.share_dialog
    assert dialog.requester.text() == "grace_lee" and dialog.owner.text() == ""
    dialog.owner.setFocus()
    with qtbot.waitSignal(dialog.owner.suggestions_shown, timeout=10000) as blocker:
        QTest.keyClicks(dialog.owner, "wong")  # a surname: not a prefix of any username
    assert blocker.args[0] == 1
    model = dialog.owner.suggestions
    assert "Daniel Wong" in model.index(0, 0).data()
    completer = dialog.owner.suggestion_completer
    popup = completer.popup()
    assert popup.isVisible()
    popup.setCurrentIndex(completer.completionModel().index(0, 0))
    QTest.keyClick(popup, Qt.Key.Key_Return)
    assert dialog.owner.text() == "daniel_wong"  # the popup shows "daniel_wong — Daniel Wong (U3000001)"
    with qtbot.waitSignal(dialog.checked, timeout=10000):
        dialog.check_button.click()
    text = dialog.output.toPlainText()
    assert "grace_lee (TMP-300004)" in text and "daniel_wong (OSC-300001)" in text
    assert "Temporary device in use" in text and "(s)" not in text and "3 conditions fail" in text
    assert "The owner (daniel_wong) has no active physical device" in text
    # Editing a name takes the old answer off the screen.
    dialog.owner.setText("alice_chen")
    assert dialog.last_result is None and "press Check" in dialog.output.toPlainText()
    dialog.close()


def test_results_keep_the_search_order_until_a_header_is_clicked(qtbot, page: SlsPage, demo_db) -> None:
    # Usernames starting with "k" come first, then "Keller" by surname: not alphabetical.
    _search(qtbot, page, "k")
    shown = [page.proxy.index(r, 0).data() for r in range(page.proxy.rowCount())]
    assert shown == [u.username for u in sls.lookup_users(demo_db, "k")]
    assert shown[0] == "kenji_holdings" and shown[-1] == "bruno_keller"
    page.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert page.proxy.index(0, 0).data() == "bruno_keller"


def test_sharing_dialog(qtbot, page: SlsPage, demo_db) -> None:
    _search(qtbot, page, "kenji_h")
    qtbot.waitUntil(lambda: page.detail is not None)
    page.open_share_dialog()
    dialog = page.share_dialog
    assert dialog.requester.text() == "kenji_holdings"
    dialog.owner.setText("kenji_sato")
    with qtbot.waitSignal(dialog.checked, timeout=10000):
        dialog.check_button.click()
    assert dialog.last_result.eligible and "DSC-500001" in dialog.output.toPlainText()
    dialog.owner.setText("grace_lee")
    with qtbot.waitSignal(dialog.checked, timeout=10000):
        dialog.check_button.click()
    text = dialog.output.toPlainText()
    assert "identity_mismatch" in text and "temporary_device" in text and "no_physical_device" in text
    dialog.owner.setText("ghost")
    dialog.check_button.click()
    qtbot.waitUntil(lambda: "ghost" in dialog.output.toPlainText(), timeout=10000)
    # The GUI never sends the agent to the command line.
    assert "support-console" not in dialog.output.toPlainText()
    dialog.close()


def test_record_replacement_and_return(qtbot, page: SlsPage, demo_db) -> None:
    _search(qtbot, page, "alice_chen")
    qtbot.waitUntil(lambda: page.detail is not None and page.detail.user.username == "alice_chen")
    page.open_record_dialog("request")
    dialog = page.record_dialog
    dialog.req_old.setCurrentIndex(dialog.req_old.findData("DSC-100001"))
    with qtbot.waitSignal(dialog.recorded, timeout=10000):
        dialog.submit()
    qtbot.waitUntil(lambda: page.detail is not None and bool(page.detail.replacements))
    page.open_record_dialog("ship")
    dialog = page.record_dialog
    dialog.ship_serial.setText("DSC-NEW-1")
    with qtbot.waitSignal(dialog.recorded, timeout=10000):
        dialog.submit()
    qtbot.waitUntil(lambda: page.detail is not None and "DSC-NEW-1" in page.detail_view.toPlainText())
    page.open_record_dialog("return")
    dialog = page.record_dialog
    dialog.ret_device.setCurrentIndex(dialog.ret_device.findData("DSC-100001"))
    with qtbot.waitSignal(dialog.recorded, timeout=10000):
        dialog.submit()
    assert sls.returns_for(demo_db, "alice_chen")[0].deposit_held


def test_replaces_offers_only_devices_that_can_be_replaced(qtbot, page: SlsPage, demo_db) -> None:
    _search(qtbot, page, "daniel")
    qtbot.waitUntil(lambda: page.detail is not None and page.detail.user.username == "daniel_wong")
    page.open_record_dialog("request")
    dialog = page.record_dialog
    # His online card is temporary, DSC-300001 is already being replaced and DSC-300002 is that replacement.
    assert [dialog.req_old.itemData(i) for i in range(dialog.req_old.count())] == [""]
    note = dialog.req_old_note.text()
    assert dialog.req_old_note.isVisibleTo(dialog) and all(
        s in note for s in ("OSC-300001", "DSC-300001", "DSC-300002", "temporary", "replacement on its way"))
    assert not dialog.req_lost.isEnabled()
    dialog.reject()
    _search(qtbot, page, "alice_ira")
    qtbot.waitUntil(lambda: page.detail is not None and page.detail.user.username == "alice_ira")
    page.open_record_dialog("request")
    assert page.record_dialog.req_old.count() == 1 and "alice_chen's device" in page.record_dialog.req_old_note.text()
    page.record_dialog.reject()
    _search(qtbot, page, "alice_chen")
    qtbot.waitUntil(lambda: page.detail is not None and page.detail.user.username == "alice_chen")
    page.open_record_dialog("request")
    dialog = page.record_dialog
    assert dialog.req_old.findData("DSC-100001") == 1 and not dialog.req_old_note.isVisibleTo(dialog)
    dialog.req_old.setCurrentIndex(1)
    assert dialog.req_lost.isEnabled()
    dialog.reject()


def test_record_dialog_refuses_empty_shipment(qtbot, page: SlsPage, demo_db, monkeypatch) -> None:
    _search(qtbot, page, "emma")
    qtbot.waitUntil(lambda: page.detail is not None and page.detail.user.username == "emma_smith")
    page.open_record_dialog("ship")
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "open", lambda self: shown.append(self.text()))
    page.record_dialog.submit()
    assert shown and "no replacement request" in shown[0].lower()
    page.record_dialog.reject()


def test_empty_database_offers_demo_and_drop_import(qtbot, page: SlsPage, db, tmp_path: Path) -> None:
    qtbot.waitUntil(lambda: page.demo_button.isVisibleTo(page), timeout=10000)
    path = tmp_path / "snap.json"
    path.write_bytes(orjson.dumps(snapshot()))
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(QPointF(5, 5), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(page.status_message, timeout=20000) as blocker:
        page.dropEvent(event)
    assert "Imported 3 users" in blocker.args[0]
    assert sls.count_users(db) == 3
    with qtbot.waitSignal(page.status_message, timeout=20000) as blocker:
        page.load_demo()
    assert "demo" in blocker.args[0]


def test_return_tab_offers_only_devices_that_go_back(qtbot, page: SlsPage, demo_db) -> None:
    # chiara_rossi holds an active gold card (no return instructions) and a lost security code card.
    _search(qtbot, page, "chiara")
    qtbot.waitUntil(lambda: page.detail is not None and page.detail.user.username == "chiara_rossi")
    page.open_record_dialog("return")
    assert page.record_dialog.ret_device.count() == 0
    page.record_dialog.reject()
    _search(qtbot, page, "alice_chen")
    qtbot.waitUntil(lambda: page.detail is not None and page.detail.user.username == "alice_chen")
    page.open_record_dialog("return")
    combo = page.record_dialog.ret_device
    assert [combo.itemData(i) for i in range(combo.count())] == ["DSC-100001"]
    page.record_dialog.reject()


def test_surname_search_and_last_day_of_temporary_device(qtbot, page: SlsPage, demo_db) -> None:
    assert _search(qtbot, page, "wong") == 1
    qtbot.waitUntil(lambda: page.detail is not None and page.detail.user.username == "daniel_wong")
    assert "works through" in page.detail_view.toPlainText()


@pytest.mark.parametrize("size", [(800, 640), (1050, 740)], ids=["window-1024", "window-1280"])
def test_fresh_layout_shows_every_column_and_readable_headers(qtbot, page: SlsPage, demo_db, size) -> None:
    # The page's size inside a 1024x700 / 1280x800 window on first run (no saved splitter state).
    page.resize(*size)
    page.show()
    qtbot.waitExposed(page)
    assert _search(qtbot, page, "u") == 16
    qtbot.waitUntil(lambda: page.detail is not None)
    header = page.table.horizontalHeader()
    metrics = header.fontMetrics()

    def check_columns() -> None:
        assert page.table.horizontalScrollBar().maximum() == 0
        right = page.table.viewport().width()
        for col in range(page.proxy.columnCount()):
            assert header.sectionViewportPosition(col) + header.sectionSize(col) <= right
            title = page.proxy.headerData(col, Qt.Orientation.Horizontal)
            assert metrics.horizontalAdvance(title) < header.sectionSize(col), title  # header never cut
        assert header.sectionSize(2) >= 60  # the name is never squeezed to "…"
        for row in range(page.proxy.rowCount()):  # usernames and account ids are whole
            for col in (0, 1):
                text = page.proxy.index(row, col).data()
                assert page.table.fontMetrics().horizontalAdvance(text) + 8 <= header.sectionSize(col), text

    qtbot.waitUntil(check_columns)
    assert page.split.sizes()[1] >= 300  # the detail pane keeps a readable width
    # Cut cells have their full text in the tooltip.
    for col in (0, 2, 3, 4, 5):
        assert page.proxy.index(0, col).data(Qt.ItemDataRole.ToolTipRole)

    # The detail pane: no sideways scrolling, and the devices table's headers on one line each.
    page.show_user("daniel_wong")
    qtbot.waitUntil(lambda: page.detail is not None and page.detail.user.username == "daniel_wong")
    view = page.detail_view
    assert view.horizontalScrollBar().maximum() == 0
    doc = view.document()
    found = {}
    block = doc.begin()
    while block.isValid():
        if block.text() in ("Level", "Device", "Serial", "Status"):
            found[block.text()] = block.layout().lineCount()
        block = block.next()
    assert found == {"Level": 1, "Device": 1, "Serial": 1, "Status": 1}


def test_columns_the_agent_resized_are_left_alone(qtbot, page: SlsPage, demo_db) -> None:
    page.resize(1050, 740)
    page.show()
    qtbot.waitExposed(page)
    _search(qtbot, page, "u")
    header = page.table.horizontalHeader()
    page._user_sized = True  # what a drag on a header divider sets
    header.resizeSection(2, 300)
    page.resize(900, 740)
    qtbot.waitUntil(lambda: page.table.viewport().width() < 560)
    assert header.sectionSize(2) == 300
