"""The Clients & SLS devices page on a real SQLite database with the demo data."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QGuiApplication
from PySide6.QtWidgets import QMessageBox

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
    assert "not available" in widget.empty_label.text()
    widget.search_now()  # nothing happens without a database


def test_search_as_you_type_and_detail(qtbot, page: SlsPage, demo_db) -> None:
    assert _search(qtbot, page, "dan") == 1
    qtbot.waitUntil(lambda: page.detail is not None and page.detail.user.username == "daniel_wong")
    text = page.detail_view.toPlainText()
    assert "DSC-300002" in text and "activates by itself" in text and "day(s) left" in text
    assert _search(qtbot, page, "zzzz") == 0
    assert "No client matches" in page.results_label.text()


def test_region_filter(qtbot, page: SlsPage, demo_db) -> None:
    _search(qtbot, page, "u")
    page.region.setCurrentIndex(page.region.findData("europe"))
    assert page.proxy.rowCount() == 4


def test_walkthrough_copy(qtbot, page: SlsPage, demo_db) -> None:
    _search(qtbot, page, "ivan")
    qtbot.waitUntil(lambda: page.detail is not None and page.detail.user.username == "ivan_petrov")
    page.walkthrough.set_situation("return_device")
    with qtbot.waitSignal(page.walkthrough.copied) as blocker:
        page.walkthrough.copy_button.click()
    copied = QGuiApplication.clipboard().text()
    assert copied == blocker.args[0] and copied.startswith("Return a device (ivan_petrov)")
    assert "1. " in copied and "Zug" in copied


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
