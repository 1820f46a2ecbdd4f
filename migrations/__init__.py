"""Alembic migrations (installed as ``console.migrations``). Schema changes happen only here."""
