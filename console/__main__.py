"""Allow ``python -m console``."""

from console.cli import entry

entry()
