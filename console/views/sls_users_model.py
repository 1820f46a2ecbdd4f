"""Table model of lookup results (one row per user) and its proxy with typed filters."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)

from console.services.sls import DeviceSummary, UserSummary
from console.services.sls.rules import DEVICE_LABELS, REGION_LABELS, format_usd

USER_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
#: Devices named in the Devices cell; the rest are counted ("+2") and listed in the tooltip.
DEVICES_SHOWN = 2

_Index = QModelIndex | QPersistentModelIndex

_SHORT_LABELS = {
    "sms": "SMS", "ib_key": "IB Key", "security_code_card": "Code card", "digital_security_card": "DSC",
    "dsc_plus": "DSC+", "platinum_card": "Platinum", "gold_card": "Gold", "temporary_code": "Temp. code",
    "online_security_code_card": "Online card",
}
_STATUS_LABELS = {
    "active": "active", "pending_activation": "awaiting activation", "lost": "lost", "returned": "returned",
    "expired": "expired",
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("SlsLabels", text)


def short_device_label(device_type: str) -> str:
    return _tr(_SHORT_LABELS.get(device_type, device_type))


def status_label(status: str, *, short: bool = False) -> str:
    """A device status in words ("awaiting activation" rather than ``pending_activation``; "pending" if short)."""
    if short and status == "pending_activation":
        return _tr("pending")
    return _tr(_STATUS_LABELS.get(status, status.replace("_", " ")))


def device_order(devices: list[DeviceSummary]) -> list[DeviceSummary]:
    """Active devices first, the most secure first; then the others (pending, lost, returned, expired)."""
    return sorted(devices, key=lambda d: (d.status != "active", d.status != "pending_activation", -d.level))


def devices_text(devices: list[DeviceSummary]) -> str:
    """Compact cell text: "DSC+, SMS +1"; a device that is not active says so ("DSC+ (lost)")."""
    ordered = device_order(devices)
    names = [short_device_label(d.type) + ("" if d.status == "active" else f" ({status_label(d.status, short=True)})")
             for d in ordered[:DEVICES_SHOWN]]
    rest = len(ordered) - DEVICES_SHOWN
    return ", ".join(names) + (f" +{rest}" if rest > 0 else "")


def devices_tooltip(devices: list[DeviceSummary]) -> str:
    lines = []
    for d in device_order(devices):
        line = f"{DEVICE_LABELS.get(d.type, d.type)} {d.serial}: {status_label(d.status)}"
        if d.shared:
            line += _tr(" (shared from {holder})").format(holder=d.holder)
        lines.append(line)
    return "\n".join(lines)


class SlsUsersTableModel(QAbstractTableModel):
    """Users found by the search; more rows are fetched lazily when the view scrolls to the end.

    Signals:
        fetch_more_requested(int): the view wants more rows; the argument is the new total wanted.
    """

    fetch_more_requested = Signal(int)
    COLUMNS = ("Username", "Account", "Name", "Region", "Devices", "Daily limit")
    PAGE = 50

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._users: list[UserSummary] = []
        self._more = False
        self._fetching = False

    # ------------------------------------------------------------------ data
    def set_users(self, users: list[UserSummary], *, asked: int) -> None:
        """Replace the rows; ``asked`` is the limit used, so a full page means there may be more."""
        self.beginResetModel()
        self._users = list(users)
        self._more = len(users) >= asked
        self._fetching = False
        self.endResetModel()

    @property
    def has_more(self) -> bool:
        """The last query filled its limit: scrolling down may load more rows."""
        return self._more

    def extend_users(self, users: list[UserSummary], *, asked: int) -> None:
        """Rows of a bigger query: append those not shown yet."""
        known = {u.username for u in self._users}
        new = [u for u in users if u.username not in known]
        self._more = len(users) >= asked and bool(new)
        self._fetching = False
        if new:
            self.beginInsertRows(QModelIndex(), len(self._users), len(self._users) + len(new) - 1)
            self._users.extend(new)
            self.endInsertRows()

    def user(self, row: int) -> UserSummary:
        return self._users[row]

    def users(self) -> list[UserSummary]:
        return list(self._users)

    # ------------------------------------------------------------------ Qt API
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._users)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self.COLUMNS):
            return self.tr(self.COLUMNS[section])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._users)):
            return None
        user = self._users[index.row()]
        col = index.column()
        if role == USER_ROLE:
            return user
        if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            if col == 0:
                return user.username
            if col == 1:
                return user.account
            if col == 2:
                return user.entity_name
            if col == 3:
                return user.region if role == SORT_ROLE else self.tr(REGION_LABELS.get(user.region, user.region))
            if col == 4:
                if role == SORT_ROLE:
                    return max((d.level for d in user.devices if d.status == "active"), default=0)
                return devices_text(user.devices) or self.tr("none")
            if col == 5:
                if role == SORT_ROLE:
                    return float("inf") if user.limits.daily_usd is None else float(user.limits.daily_usd)
                return format_usd(user.limits.daily_usd)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(user, col)
        return None

    def _tooltip(self, user: UserSummary, col: int) -> str | None:
        # A narrow table elides cells: the tooltip has the whole text (and more, for devices and limits).
        parts = []
        if col == 0:
            parts.append(user.username)
        elif col == 2:
            parts.append(user.entity_name)
        elif col == 3:
            parts.append(self.tr(REGION_LABELS.get(user.region, user.region)))
        elif col == 4 and user.devices:
            parts.append(devices_tooltip(user.devices))
        elif col == 5:
            parts.append(self.tr("{daily} a day, {five} over 5 business days").format(
                daily=format_usd(user.limits.daily_usd), five=format_usd(user.limits.five_day_usd)))
        if user.opted_out:
            parts.append(self.tr("This account has opted out of the Secure Login System"))
        return "\n".join(parts) or None

    def canFetchMore(self, parent: _Index) -> bool:
        return not parent.isValid() and self._more and not self._fetching

    def fetchMore(self, parent: _Index) -> None:
        if self.canFetchMore(parent):
            self._fetching = True
            self.fetch_more_requested.emit(len(self._users) + self.PAGE)


class SlsUsersProxyModel(QSortFilterProxyModel):
    """Sorts by raw values and can hide users outside a region or with an opted-out account."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._region: str | None = None
        self._hide_opted_out = False
        self.setSortRole(SORT_ROLE)

    def set_region(self, region: str | None) -> None:
        self.beginFilterChange()
        self._region = region or None
        self.endFilterChange()

    def set_hide_opted_out(self, hide: bool) -> None:
        self.beginFilterChange()
        self._hide_opted_out = hide
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        model = self.sourceModel()
        user = model.data(model.index(source_row, 0, source_parent), USER_ROLE)
        if user is None:
            return False
        if self._region and user.region != self._region:
            return False
        return not (self._hide_opted_out and user.opted_out)
