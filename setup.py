"""The build step of `pip install`: compile the translation catalogues, then build as usual.

The metadata is in setup.cfg. `app/catalogues.py` is loaded by its path, because the build runs
before the project's dependencies (Flask…) are installed; it needs only Babel, which
pyproject.toml's build requirements bring.
"""

import importlib.util
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent


class BuildWithCatalogues(build_py):
    def run(self):
        spec = importlib.util.spec_from_file_location("wardportal_catalogues", ROOT / "app" / "catalogues.py")
        catalogues = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(catalogues)
        catalogues.compile_catalogues(ROOT)
        super().run()


setup(cmdclass={"build_py": BuildWithCatalogues})
