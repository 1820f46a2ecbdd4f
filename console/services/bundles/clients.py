"""Checking the client named on an intake against the SLS client data.

An unknown username or account is allowed (the client data may be behind, or the client mistyped
it in the platform), but the agent should see it before the bundle is filed under that name.
"""

from __future__ import annotations

from dataclasses import dataclass

from console.services.db import Database


@dataclass(frozen=True)
class ClientCheck:
    username: str | None
    account: str | None
    #: False when there is no client data to compare with (nothing was checked).
    checked: bool
    username_found: bool | None
    account_found: bool | None
    #: From the client data when the username is known.
    entity_name: str | None = None
    account_of_user: str | None = None

    @property
    def unknown(self) -> tuple[str, ...]:
        """What was given but is not in the client data, e.g. ``("username dan",)``."""
        out = []
        if self.username_found is False:
            out.append(f"username {self.username}")
        if self.account_found is False:
            out.append(f"account {self.account}")
        return tuple(out)

    @property
    def warnings(self) -> tuple[str, ...]:
        """One sentence per problem, for the CLI's stderr and the form's label."""
        out = [f"{what} not found in the client data" for what in self.unknown]
        if (self.username_found and self.account_found and self.account_of_user
                and self.account and self.account_of_user.lower() != self.account.lower()):
            out.append(f"account {self.account} is not the account of {self.username} ({self.account_of_user})")
        return tuple(out)


def check_client(database: Database, username: str | None, account: str | None = None) -> ClientCheck:
    """Look ``username`` and ``account`` up (exact match, any case) in the SLS client data."""
    from console.services import sls

    username = (username or "").strip() or None
    account = (account or "").strip() or None
    if username is None and account is None:
        return ClientCheck(None, None, False, None, None)
    if not sls.has_data(database):
        return ClientCheck(username, account, False, None, None)
    user_found: bool | None = None
    entity = owner_account = None
    if username is not None:
        match = next((u for u in sls.lookup_users(database, username, 50)
                      if u.username.lower() == username.lower()), None)
        user_found = match is not None
        if match is not None:
            entity, owner_account = match.entity_name, match.account
    account_found: bool | None = None
    if account is not None:
        account_found = any(u.account.lower() == account.lower() for u in sls.lookup_users(database, account, 50))
    return ClientCheck(username, account, True, user_found, account_found, entity, owner_account)
