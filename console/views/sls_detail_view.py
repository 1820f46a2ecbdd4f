"""The detail pane of one client: devices with level badges, limits, deadlines with days left, warnings."""

from __future__ import annotations

import html

from PySide6.QtGui import QTextOption
from PySide6.QtWidgets import QTextBrowser, QWidget

from console.services import sls
from console.services.sls.rules import DEVICE_LABELS, REGION_LABELS, format_usd
from console.views.sls_users_model import device_order, status_label

_BADGE_COLOURS = {5: "#1b5e20", 4: "#2e7d32", 3: "#558b2f", 2: "#9e9d24", 1: "#f9a825", 0: "#607d8b"}
#: A device that does not work now (lost, returned, expired, not activated yet): grey, struck-through level.
_INACTIVE_BADGE = "#9e9e9e"


class SlsDetailView(QTextBrowser):
    """Read-only rich text about the selected client (copyable as plain text)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        # Wrap between words only: a squeezed column never breaks a word (or a header) letter by letter.
        self.setWordWrapMode(QTextOption.WrapMode.WordWrap)
        self.show_detail(None)

    def show_detail(self, detail: sls.UserDetail | None) -> None:
        if detail is None:
            self.setHtml("<p><i>" + html.escape(self.tr("Select a client to see their devices, limits, deadlines "
                                                        "and warnings.")) + "</i></p>")
        else:
            self.setHtml(self._detail_html(detail))

    def _detail_html(self, detail: sls.UserDetail) -> str:
        u = detail.user
        e = html.escape
        parts = [f"<h2>{e(u.username)}</h2><p>{e(u.entity_name)} · {self.tr('account')} {e(u.account)} · "
                 f"{e(REGION_LABELS.get(u.region, u.region))}"
                 + (f" · {e(self.tr('primary user'))}" if u.primary else "") + "</p>"]
        if detail.warnings:
            parts.append("<div style='background:#fff3cd;padding:4px'>"
                         + "".join(f"<p>⚠ {e(w)}</p>" for w in detail.warnings) + "</div>")
        basis = (self.tr("set by {device}").format(device=DEVICE_LABELS.get(u.limits.device_type, u.limits.device_type))
                 if u.limits.device_type else self.tr("the no-device level"))
        parts.append(f"<p><b>{e(self.tr('Withdrawal limits'))}</b>: {e(format_usd(u.limits.daily_usd))} "
                     f"{e(self.tr('a day'))}, {e(format_usd(u.limits.five_day_usd))} "
                     f"{e(self.tr('over 5 business days'))} — {e(basis)}</p>")
        parts.append(f"<h3>{e(self.tr('Devices'))}</h3>")
        parts.append(self._devices_html(u.devices) if u.devices else f"<p><i>{e(self.tr('No devices.'))}</i></p>")
        if detail.deadlines:
            parts.append(f"<h3>{e(self.tr('Deadlines'))}</h3><ul>")
            for dl in detail.deadlines:
                parts.append(f"<li>{e(dl.text)} — <b>{e(self._days_text(dl.days_left))}</b></li>")
            parts.append("</ul>")
        return "".join(parts)

    def _days_text(self, days: int) -> str:
        if days == 0:
            return self.tr("today")
        if days == 1:
            return self.tr("1 day left")
        if days > 1:
            return self.tr("{n} days left").format(n=days)
        return self.tr("1 day ago") if days == -1 else self.tr("{n} days ago").format(n=-days)

    def _devices_html(self, devices: list[sls.DeviceSummary]) -> str:
        e = html.escape
        # Headers never wrap; the device name and status wrap between words; notes go on a row of their own
        # under the device, across the columns, so the table stays narrow enough for the pane.
        head = "".join(f"<th align='left' style='white-space:nowrap'>{e(h)}</th>" for h in (
            self.tr("Level"), self.tr("Device"), self.tr("Serial"), self.tr("Status")))
        rows = []
        for d in device_order(devices):
            active = d.status == "active"
            badge = ""
            if d.level:
                level = f"L{d.level}" if active else f"<s>L{d.level}</s>"
                colour = _BADGE_COLOURS.get(d.level, "#607d8b") if active else _INACTIVE_BADGE
                tip = e(self.tr("Security level {n} of 5").format(n=d.level))
                badge = f"<span style='background:{colour};color:white' title='{tip}'>&nbsp;{level}&nbsp;</span>"
            extra = []
            if d.shared:
                extra.append(self.tr("{holder}'s device, shared with this user").format(holder=d.holder))
            if d.shared_with:
                extra.append(self.tr("shared with {users}").format(users=", ".join(d.shared_with)))
            if d.expires:
                extra.append(self.tr("works through {day}").format(day=d.expires))
            status = e(status_label(d.status))
            if not active:
                status = f"<span style='color:#777'>{status}</span>"
            nowrap = "style='white-space:nowrap'"
            rows.append(f"<tr><td {nowrap}>{badge}</td><td>{e(DEVICE_LABELS.get(d.type, d.type))}</td>"
                        f"<td {nowrap}>{e(d.serial)}</td><td>{status}</td></tr>")
            if extra:
                rows.append(f"<tr><td></td><td colspan='3' style='color:#555'>{e('; '.join(extra))}</td></tr>")
        return f"<table cellspacing='0' cellpadding='3'><tr>{head}</tr>{''.join(rows)}</table>"
