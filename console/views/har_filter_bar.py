"""The filter bar of the HAR inspector: free text, status classes, resource type, domain, errors only,
slower than N ms. It drives a :class:`~console.views.har_entries_model.HarEntriesProxyModel`; the page
handles the free text itself (it also starts the background body search)."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLineEdit, QSpinBox, QToolButton, QWidget

from console.services.har import HarDocument
from console.views.har_entries_model import STATUS_CLASSES, HarEntriesProxyModel


class HarFilterBar(QWidget):
    """The filter widgets in one row (except :attr:`filter_edit`, which the page places)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(self.tr("Filter: URL, headers, bodies (Ctrl+F)"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setMinimumWidth(160)
        # the free-text box is not in this row: the page puts it in its top bar, where it has room
        self.status_buttons: dict[str, QToolButton] = {}
        for cls in STATUS_CLASSES:
            button = QToolButton()
            button.setText(cls)
            button.setCheckable(True)
            self.status_buttons[cls] = button
            row.addWidget(button)
        self.type_combo = QComboBox()
        self.type_combo.setToolTip(self.tr("Resource type"))
        self.domain_combo = QComboBox()
        self.domain_combo.setToolTip(self.tr("Domain"))
        self.domain_combo.setMinimumContentsLength(12)
        # a fixed, moderate width (long host names are elided in the box, shown whole in the list)
        self.domain_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.errors_check = QCheckBox(self.tr("Errors only"))
        self.slow_spin = QSpinBox()
        self.slow_spin.setRange(0, 600_000)
        self.slow_spin.setSingleStep(100)
        self.slow_spin.setSuffix(self.tr(" ms"))
        self.slow_spin.setPrefix(self.tr("slower than "))
        for w in (self.type_combo, self.domain_combo, self.errors_check, self.slow_spin):
            row.addWidget(w)
        row.addStretch(1)

    def connect_proxy(self, proxy: HarEntriesProxyModel) -> None:
        """Apply every filter except the free text to ``proxy`` as it changes."""
        for button in self.status_buttons.values():
            button.toggled.connect(lambda _on: proxy.set_status_classes(
                {c for c, b in self.status_buttons.items() if b.isChecked()}))
        self.type_combo.currentIndexChanged.connect(
            lambda _i: proxy.set_resource_type(self.type_combo.currentData() or ""))
        self.domain_combo.currentIndexChanged.connect(
            lambda _i: proxy.set_domain(self.domain_combo.currentData() or ""))
        self.errors_check.toggled.connect(proxy.set_errors_only)
        self.slow_spin.valueChanged.connect(lambda ms: proxy.set_min_time_ms(float(ms)))

    def fill_choices(self, doc: HarDocument) -> None:
        """The resource types and domains of ``doc`` (without signalling a filter change)."""
        for combo, values, label in (
                (self.type_combo, sorted({e.resource_type for e in doc.entries}), self.tr("All types")),
                (self.domain_combo, sorted({e.host for e in doc.entries if e.host}), self.tr("All domains"))):
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(label, "")
            for value in values:
                combo.addItem(value, value)
            combo.blockSignals(False)

    def clear(self) -> None:
        self.filter_edit.clear()
        for button in self.status_buttons.values():
            button.setChecked(False)
        self.type_combo.setCurrentIndex(0)
        self.domain_combo.setCurrentIndex(0)
        self.errors_check.setChecked(False)
        self.slow_spin.setValue(0)
