"""The five areas of the main window, in navigation order. Pages are imported when first shown."""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from console.services import routing


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: str
    module: str
    class_name: str
    icon: str  # a QStyle.StandardPixmap name

    def load(self) -> type:
        cls: type = getattr(importlib.import_module(self.module), self.class_name)
        return cls


def _tr(text: str) -> str:
    return QCoreApplication.translate("pages", text)


PAGES: tuple[PageSpec, ...] = (
    PageSpec(routing.SLS, _tr("Clients && SLS devices"), "console.views.sls_page", "SlsPage", "SP_DirHomeIcon"),
    PageSpec(routing.DIAGNOSTICS, _tr("Diagnostics intake"), "console.views.diagnostics_page", "DiagnosticsPage",
             "SP_FileDialogContentsView"),
    PageSpec(routing.HAR, _tr("HAR inspector"), "console.views.har_page", "HarPage", "SP_BrowserReload"),
    PageSpec(routing.GPG, _tr("Encrypted reports (GPG)"), "console.views.gpg_page", "GpgPage",
             "SP_DialogSaveButton"),
    PageSpec(routing.SFTP, _tr("sFTP keys"), "console.views.sftp_page", "SftpPage", "SP_DriveNetIcon"),
)
PAGES_BY_KEY = {p.key: p for p in PAGES}
