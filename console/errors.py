"""Re-export of the expected-failure family, for code outside ``console.services``."""

from console.services.errors import (
    Cancelled,
    ConfigError,
    DatabaseUnavailable,
    ExternalToolMissing,
    InvalidInput,
    NotFound,
    UserFacingError,
)

__all__ = [
    "Cancelled",
    "ConfigError",
    "DatabaseUnavailable",
    "ExternalToolMissing",
    "InvalidInput",
    "NotFound",
    "UserFacingError",
]
