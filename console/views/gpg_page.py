"""Encrypted reports (GPG) area (placeholder until its issue lands)."""

from __future__ import annotations

from console.views.area_page import PlaceholderPage


class GpgPage(PlaceholderPage):
    area_key = "gpg"
    title = "Encrypted reports (GPG)"
    summary = "Keys, client key pairs, backups, encrypting and decrypting reports."
