"""Only what pyproject.toml cannot say: ``migrations/`` ships inside the package as ``console.migrations``."""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages(include=["console", "console.*"]), "console.migrations", "console.migrations.versions"],
    package_dir={"console.migrations": "migrations", "console.migrations.versions": "migrations/versions"},
)
