"""Alembic environment: runs against the :class:`console.services.db.Database` given in the config."""

from __future__ import annotations

from alembic import context

from console.services.db.models import metadata

config = context.config


def run_migrations_online() -> None:
    database = config.attributes.get("database")
    if database is None:  # plain `alembic` command line: take the URL from alembic.ini / -x url=
        from console.services.db import Database

        url = context.get_x_argument(as_dictionary=True).get("url") or config.get_main_option("sqlalchemy.url")
        database = Database(url)
    with database.engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=metadata,
            render_as_batch=database.is_sqlite,
            transaction_per_migration=True,
            compare_type=True,
        )
        with context.begin_transaction():
            context.run_migrations()
        connection.commit()


if context.is_offline_mode():
    raise SystemExit("offline migrations are not supported; run 'support-console db upgrade'")
run_migrations_online()
