"""HAR inspector area (placeholder until its issue lands)."""

from __future__ import annotations

from console.views.area_page import PlaceholderPage


class HarPage(PlaceholderPage):
    area_key = "har"
    title = "HAR inspector"
    summary = "Inspect HAR files: failures, timings, waterfall, bodies; redact before passing them on."
