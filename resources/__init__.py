"""Icons, translations, screenshots and demo data (installed as ``console.resources``)."""

from pathlib import Path

RESOURCES_DIR = Path(__file__).resolve().parent
