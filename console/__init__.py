"""Support Console: the desktop console of a brokerage's support team."""

__version__ = "0.1.0"
APP_NAME = "Support Console"
APP_ID = "support-console"
