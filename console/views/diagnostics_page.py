"""Diagnostics intake area (placeholder until its issue lands)."""

from __future__ import annotations

from console.views.area_page import PlaceholderPage


class DiagnosticsPage(PlaceholderPage):
    area_key = "diagnostics"
    title = "Diagnostics intake"
    summary = "Take in diagnostic bundles, read logs on one timeline and search across bundles."
