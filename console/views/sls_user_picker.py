"""A username field that suggests clients from the lookup service as the agent types."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from console.services import sls
from console.services.db import Database
from console.workers import run_worker

USERNAME_ROLE = Qt.ItemDataRole.UserRole + 1
SUGGEST_DELAY_MS = 120
SUGGESTIONS = 15


class SlsUserPicker(QLineEdit):
    """Type part of a username, name, account id or serial; pick the client from the list.

    The suggestions come from :func:`console.services.sls.lookup_users` (filtered in SQL), so the
    popup shows them unfiltered; choosing one puts its username in the field.

    Signals:
        suggestions_shown(int): suggestions for the current text arrived (how many).
    """

    suggestions_shown = Signal(int)

    def __init__(self, database: Database, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.database = database
        self._generation = 0
        self.setClearButtonEnabled(True)
        self.suggestions = QStandardItemModel(self)
        self.suggestion_completer = QCompleter(self.suggestions, self)
        self.suggestion_completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.suggestion_completer.setCompletionRole(USERNAME_ROLE)
        self.suggestion_completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setCompleter(self.suggestion_completer)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SUGGEST_DELAY_MS)
        self._timer.timeout.connect(self.suggest_now)
        self.textEdited.connect(lambda _t: self._timer.start())

    def username(self) -> str:
        return self.text().strip()

    def suggest_now(self) -> None:
        """Look the current text up now (normally done shortly after each keystroke)."""
        self._timer.stop()
        self._generation += 1
        generation = self._generation
        text = self.username()
        if not text:
            self.suggestions.clear()
            return
        run_worker(sls.lookup_users, self.database, text, SUGGESTIONS,
                   on_result=lambda users: self._show(generation, users),
                   on_error=lambda _exc: None)  # the Check button reports problems with the names

    def _show(self, generation: int, users: list[sls.UserSummary]) -> None:
        if generation != self._generation:
            return  # the agent typed more meanwhile
        self.suggestions.clear()
        for user in users:
            item = QStandardItem(self.tr("{user} — {name} ({account})").format(
                user=user.username, name=user.entity_name, account=user.account))
            item.setData(user.username, USERNAME_ROLE)
            item.setEditable(False)
            self.suggestions.appendRow(item)
        if users and self.hasFocus() and not (len(users) == 1 and users[0].username == self.username()):
            self.suggestion_completer.complete()
        self.suggestions_shown.emit(len(users))
