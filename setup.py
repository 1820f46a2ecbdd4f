"""Only what pyproject.toml cannot say: ``migrations/`` and ``resources/`` ship inside the package
as ``console.migrations`` and ``console.resources``."""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages(include=["console", "console.*"]), "console.migrations", "console.migrations.versions",
              "console.resources"],
    package_dir={"console.migrations": "migrations", "console.migrations.versions": "migrations/versions",
                 "console.resources": "resources"},
    package_data={"console.resources": ["**/*"], "console.migrations": ["script.py.mako"]},
)
