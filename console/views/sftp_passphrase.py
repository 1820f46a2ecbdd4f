"""The key-passphrase prompt of the sFTP area (Keys tab, connection test, Files tab)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget


def _tr(text: str) -> str:
    return QCoreApplication.translate("SftpPassphrase", text)


def passphrase_prompt_text(key_name: str, *, wrong: bool = False) -> str:
    """The prompt's text; after a wrong attempt it says so first."""
    text = _tr("Passphrase of {name}:").format(name=key_name)
    if wrong:
        text = _tr("That passphrase did not open {name}. Passphrases are case-sensitive: check Caps Lock and "
                   "try again.").format(name=key_name) + "\n\n" + text
    return text


def ask_key_passphrase(parent: QWidget | None, key_name: str, *, wrong: bool = False) -> str | None:
    """Modal password prompt; None when cancelled. The answer is never logged or stored on disk."""
    title = _tr("Wrong passphrase") if wrong else _tr("Passphrase")
    text, ok = QInputDialog.getText(parent, title, passphrase_prompt_text(key_name, wrong=wrong),
                                    QLineEdit.EchoMode.Password)
    return text if ok else None
