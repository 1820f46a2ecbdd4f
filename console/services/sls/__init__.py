"""Clients & Secure Login System devices: lookup, limits, sharing, deadlines, returns, walkthroughs.

Public API (pure Python; every call opens its own session and returns frozen dataclasses).
"""

from __future__ import annotations

from console.services.sls.details import Deadline, UserDetail, user_detail
from console.services.sls.importer import ImportFileError, ImportResult, import_data, import_file
from console.services.sls.lookup import (
    DeviceReturnInfo,
    DeviceSummary,
    PhoneNumber,
    ReturnInfo,
    SharingResult,
    UnknownClient,
    UserLimits,
    UserSummary,
    account_users,
    check_sharing,
    count_users,
    get_user,
    has_data,
    lookup_users,
    return_info,
    user_limits,
)
from console.services.sls.records import (
    ReplacementInfo,
    ReturnRecord,
    record_return,
    record_return_received,
    record_shipment,
    replacement_blocker,
    replacements_for,
    request_replacement,
    returns_for,
)
from console.services.sls.rules import Limits, recovery_pin_problems, validate_recovery_pin
from console.services.sls.walkthroughs import SITUATIONS, Walkthrough, walkthrough, walkthrough_for

__all__ = [
    "SITUATIONS", "Deadline", "DeviceReturnInfo", "DeviceSummary", "ImportFileError", "ImportResult", "Limits",
    "PhoneNumber", "ReplacementInfo", "ReturnInfo", "ReturnRecord", "SharingResult", "UnknownClient", "UserDetail",
    "UserLimits", "UserSummary", "Walkthrough", "account_users", "check_sharing", "count_users", "get_user", "has_data",
    "import_data", "import_file", "lookup_users", "record_return", "record_return_received", "record_shipment",
    "recovery_pin_problems", "replacement_blocker", "replacements_for", "request_replacement", "return_info",
    "returns_for", "user_detail", "user_limits", "validate_recovery_pin", "walkthrough", "walkthrough_for",
]
