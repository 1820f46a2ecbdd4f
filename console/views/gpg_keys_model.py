"""The keys table: user ids, grouped fingerprint, type, dates, status, secret part."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor

from console.services.gpg import KeyInfo

KEY_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2

_Index = QModelIndex | QPersistentModelIndex


def _two_lines(fpr: str) -> str:
    groups = [fpr[i:i + 4] for i in range(0, len(fpr), 4)]
    half = (len(groups) + 1) // 2
    return " ".join(groups[:half]) + "\n" + " ".join(groups[half:])


class GpgKeysTableModel(QAbstractTableModel):
    """Rows of :class:`KeyInfo`; ``KEY_ROLE`` gives the KeyInfo, ``SORT_ROLE`` a sortable raw value."""

    USER, FINGERPRINT, TYPE, CREATED, EXPIRES, STATUS, SECRET = range(7)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._keys: list[KeyInfo] = []
        self._headers = [self.tr("User ID"), self.tr("Fingerprint"), self.tr("Type"), self.tr("Created"),
                         self.tr("Expires"), self.tr("Status"), self.tr("Secret part")]

    def set_keys(self, keys: list[KeyInfo]) -> None:
        self.beginResetModel()
        self._keys = list(keys)
        self.endResetModel()

    def key_at(self, row: int) -> KeyInfo:
        return self._keys[row]

    def keys(self) -> list[KeyInfo]:
        return list(self._keys)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._keys)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self._headers):
            return self._headers[section]
        return None

    def _status_text(self, k: KeyInfo) -> str:
        if k.revoked:
            return self.tr("Revoked")
        if k.expired:
            return self.tr("Expired")
        if not k.trusted:
            return self.tr("Not confirmed")
        if k.expires_soon:
            return self.tr("Expires in {n} days").format(n=k.expires_in_days)
        return self.tr("OK")

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._keys)):
            return None
        k = self._keys[index.row()]
        col = index.column()
        if role == KEY_ROLE:
            return k
        if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            sort = role == SORT_ROLE
            if col == self.USER:
                return "\n".join(k.user_ids) if not sort else k.primary_uid.lower()
            if col == self.FINGERPRINT:
                # Two lines of five groups: the whole fingerprint in half the width (small screens).
                return _two_lines(k.fingerprint) if not sort else k.fingerprint
            if col == self.TYPE:
                # "Curve 25519 (ed25519)" on two lines in the table; the name itself is the same everywhere.
                return k.algorithm_label.replace(" (", "\n(", 1) if not sort else k.algorithm_label
            if col == self.CREATED:
                if sort:
                    return k.created.timestamp() if k.created else 0.0
                return k.created.strftime("%Y-%m-%d") if k.created else ""
            if col == self.EXPIRES:
                if sort:
                    return k.expires.timestamp() if k.expires else float("inf")
                return k.expires.strftime("%Y-%m-%d") if k.expires else self.tr("never")
            if col == self.STATUS:
                return self._status_text(k) if not sort else k.status
            if col == self.SECRET:
                return (self.tr("Yes") if k.has_secret else self.tr("No")) if not sort else int(k.has_secret)
        if role == Qt.ItemDataRole.ToolTipRole and col == self.STATUS and not k.trusted and not k.expired:
            return self.tr("Imported but not confirmed: compare the fingerprint with the owner, then Confirm.")
        if role == Qt.ItemDataRole.ToolTipRole and col == self.USER:
            return "\n".join(k.user_ids)
        if role == Qt.ItemDataRole.ToolTipRole and col == self.FINGERPRINT:
            return k.grouped_fingerprint
        if role == Qt.ItemDataRole.ForegroundRole and col in (self.STATUS, self.EXPIRES):
            if k.revoked or k.expired:
                return QBrush(QColor("#c62828"))
            if k.expires_soon or not k.trusted:
                return QBrush(QColor("#e65100"))
        if role == Qt.ItemDataRole.FontRole and col == self.FINGERPRINT:
            from PySide6.QtGui import QFontDatabase

            return QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        return None


class GpgKeysProxyModel(QSortFilterProxyModel):
    """Filters by text (user id, fingerprint or key id) and optionally to keys with a secret part."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._secret_only = False
        self.setSortRole(SORT_ROLE)

    def set_filter_text(self, text: str) -> None:
        self.beginFilterChange()
        self._text = text.strip().lower().replace(" ", "")
        self.endFilterChange()

    def set_secret_only(self, value: bool) -> None:
        self.beginFilterChange()
        self._secret_only = value
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        model = self.sourceModel()
        if not isinstance(model, GpgKeysTableModel):
            return True
        k = model.key_at(source_row)
        if self._secret_only and not k.has_secret:
            return False
        if not self._text:
            return True
        hay = (" ".join(k.user_ids).lower().replace(" ", "") + k.fingerprint.lower())
        return self._text in hay
