"""Pure-Python services: no Qt here, ever (enforced by import-linter)."""
