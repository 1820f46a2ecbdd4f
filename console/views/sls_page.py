"""Clients &amp; SLS devices area (placeholder until its issue lands)."""

from __future__ import annotations

from console.views.area_page import PlaceholderPage


class SlsPage(PlaceholderPage):
    area_key = "sls"
    title = "Clients &amp; SLS devices"
    summary = "Look up a client's Secure Login System devices, limits, sharing and replacements."
