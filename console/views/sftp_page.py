"""sFTP keys area (placeholder until its issue lands)."""

from __future__ import annotations

from console.views.area_page import PlaceholderPage


class SftpPage(PlaceholderPage):
    area_key = "sftp"
    title = "sFTP keys"
    summary = "RSA key pairs for sFTP delivery, host-key trust and transfers."
