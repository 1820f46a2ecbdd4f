"""Diagnostics intake area: take in bundles, read their logs on one timeline, search across bundles."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import QDialog, QLabel, QMessageBox, QScrollArea, QTabWidget, QVBoxLayout, QWidget

from console.context import AppContext
from console.services import bundles
from console.services.errors import InvalidInput
from console.views.area_page import AreaPage
from console.views.diagnostics_banner import with_database
from console.views.diagnostics_bundles import DiagnosticsBundlesPanel
from console.views.diagnostics_intake import DiagnosticsIntakeForm
from console.views.diagnostics_search import DiagnosticsSearchPanel
from console.views.log_viewer import LogViewer
from console.views.messages import show_error, show_exception
from console.workers import run_worker


class DiagnosticsPage(AreaPage):
    """Tabs: Intake, Bundles, Log viewer, Search.

    Signals: those of :class:`AreaPage` (``status_message``, ``open_in_area`` for HAR files).
    """

    area_key = "diagnostics"
    needs_database = True

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setAcceptDrops(True)
        self.intake = DiagnosticsIntakeForm(ctx)
        self.bundles_panel = DiagnosticsBundlesPanel(ctx)
        self.viewer = LogViewer()
        self.search_panel = DiagnosticsSearchPanel(ctx)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.intake, self.tr("&Intake"))
        self.tabs.addTab(self.bundles_panel, self.tr("&Bundles"))
        self.tabs.addTab(self.viewer, self.tr("&Log viewer"))
        self.tabs.addTab(self.search_panel, self.tr("&Search"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        # A message from one tab (e.g. the viewer's) must not linger in the status bar on another.
        self.tabs.currentChanged.connect(lambda _i: self.status_message.emit(""))

        for child in (self.intake, self.bundles_panel, self.viewer):
            child.status_message.connect(self.status_message)
        self.intake.ingested.connect(self._ingested)
        self.duplicate_box: QMessageBox | None = None
        self.bundles_panel.open_file.connect(self.open_file)
        self.bundles_panel.open_timeline.connect(self.open_timeline)
        self.bundles_panel.open_finding.connect(lambda f: self.open_file_id(f.file_id, f.line))
        self.search_panel.open_hit.connect(lambda h: self.open_file_id(h.file_id, h.line))
        self.viewer.event_activated.connect(self._event_activated)
        QShortcut(QKeySequence("Ctrl+Shift+F"), self, self._focus_search)

    # ------------------------------------------------------------------ AreaPage
    def set_database_ready(self, ready: bool) -> None:
        super().set_database_ready(ready)
        self.intake.set_database_ready(ready)
        self.search_panel.set_database_ready(ready)
        self.bundles_panel.set_database_ready(ready)

    def open_paths(self, paths: list[Path]) -> None:
        """Dropped archives, folders and loose files go to the intake form, ready to be taken in."""
        self.intake.add_paths([Path(p) for p in paths])
        self.tabs.setCurrentWidget(self.intake)
        added = (self.tr("1 item added to the intake") if len(paths) == 1
                 else self.tr("{n} items added to the intake").format(n=len(paths)))
        if self.intake.ticket_edit.text().strip() or bundles.ticket_in(self.intake.reason_edit.toPlainText()):
            hint = self.tr("the ticket is there: take it in when ready.")
        else:
            hint = self.tr("fill in the ticket (or paste the client's reason) and take it in.")
        self.status_message.emit(added + ": " + hint)

    def shutdown(self) -> None:
        self.viewer.shutdown()

    # ------------------------------------------------------------------ routing
    @property
    def store_dir(self) -> Path:
        return Path(self.ctx.settings.bundle_store_dir)

    def _focus_search(self) -> None:
        self.tabs.setCurrentWidget(self.search_panel)
        self.search_panel.query_edit.setFocus()

    def _ingested(self, result: bundles.IngestResult) -> None:
        self.bundles_panel.refresh(select=result.id)
        self.tabs.setCurrentWidget(self.bundles_panel)
        if result.duplicate_of is not None:
            self._ask_about_duplicate(result.id, result.duplicate_of)

    def _ask_about_duplicate(self, new: int, old: int) -> None:
        """The same files were taken in before: say so, and offer to drop the new copy."""
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Same files as bundle {old}").format(old=old),
                          self.tr("Bundle {new} holds exactly the same files as bundle {old}: it looks like it "
                                  "was taken in twice.").format(new=new, old=old), QMessageBox.StandardButton.NoButton,
                          self)
        box.setInformativeText(self.tr("Keep both, or remove the new bundle {new} and go to bundle {old}?")
                               .format(new=new, old=old))
        keep = box.addButton(self.tr("Keep both"), QMessageBox.ButtonRole.RejectRole)
        remove = box.addButton(self.tr("Remove bundle {new}").format(new=new), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(keep)
        remove.clicked.connect(lambda: self._remove_duplicate(new, old))
        self.duplicate_box = box
        box.open()

    def _remove_duplicate(self, new: int, old: int) -> None:
        def removed(_n: object) -> None:
            self.bundles_panel.refresh(select=old)
            self.status_message.emit(self.tr("Bundle {new} removed; bundle {old} has the same files.")
                                     .format(new=new, old=old))

        run_worker(with_database(self.ctx, bundles.delete_bundle), self.store_dir, new, on_result=removed,
                   on_error=lambda e: show_exception(self, e), write=True)

    def open_file(self, info: bundles.FileInfo, line: int | None = None) -> None:
        """Show one file of a bundle where it belongs: logs in the viewer, HAR in the inspector."""
        try:
            path = bundles.file_path(self.store_dir, info)
        except InvalidInput as exc:
            show_error(self, exc)
            return
        except Exception as exc:  # noqa: BLE001 - NotFound and friends get a dialog
            show_exception(self, exc)
            return
        if info.kind == "encrypted-log":
            show_error(self, bundles.EncryptedLog(
                self.tr("{p} is encrypted by the platform and cannot be shown.").format(p=info.path),
                hint=_sentence(bundles.ENCRYPTED_NOTE.removeprefix("encrypted:").strip())))
        elif info.kind == "har":
            self.open_in_area.emit("har", [self._named_copy(path, info)])
        elif info.kind == "image":
            self._show_image(path, info.path)
        elif info.nested_archive:
            self.status_message.emit(self.tr("Use Expand archive to take in the files inside {p}.").format(p=info.path))
        else:
            self.viewer.open_file(path, info.path, line)
            self.tabs.setCurrentWidget(self.viewer)

    def open_file_id(self, file_id: int | None, line: int) -> None:
        if file_id is None:
            return
        run_worker(with_database(self.ctx, bundles.get_file), file_id,
                   on_result=lambda info: self.open_file(info, line), on_error=lambda e: show_exception(self, e))

    def open_timeline(self, bundle_id: int, line: int = 0) -> None:
        worker = run_worker(with_database(self.ctx, bundles.bundle_timeline), self.store_dir, bundle_id,
                            on_result=lambda t: self._timeline_ready(t, line or None),
                            on_error=lambda e: show_exception(self, e))
        self.viewer.progress.track(worker, self.tr("Merging the bundle's logs…"))
        self.tabs.setCurrentWidget(self.viewer)

    def _timeline_ready(self, timeline: bundles.Timeline, line: int | None) -> None:
        self.viewer.show_timeline(timeline, self.tr("Bundle {id}: all files on one timeline").format(
            id=timeline.bundle), line)

    def _event_activated(self, event: bundles.TimelineEvent) -> None:
        run_worker(with_database(self.ctx, bundles.get_file), event.file_id,
                   on_result=self.open_file, on_error=lambda e: show_exception(self, e))

    def _named_copy(self, path: Path, info: bundles.FileInfo) -> Path:
        """Blobs are named by hash; other areas get a read-only link under the bundle's file name."""
        target = self.ctx.data_dir / "open" / info.sha256[:16] / Path(info.path).name
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(path, target)
            except OSError:
                shutil.copyfile(path, target)
        return target

    def _show_image(self, path: Path, name: str) -> QDialog:
        dialog = QDialog(self)
        dialog.setWindowTitle(name)
        label = QLabel()
        label.setPixmap(QPixmap(str(path)))
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        scroll = QScrollArea()
        scroll.setWidget(label)
        QVBoxLayout(dialog).addWidget(scroll)
        dialog.resize(1000, 700)
        dialog.open()
        return dialog


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")
