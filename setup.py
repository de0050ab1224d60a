"""Packaging: the repository root is the `policygraph` package and every folder below it that has an
`__init__.py` is one of its sub-packages, found here so that a new one needs no edit (pyproject.toml holds
the rest of the metadata)."""
from setuptools import find_packages, setup
from setuptools.command.build_py import build_py

NOT_SHIPPED = ["tests", "tests.*", "bench", "bench.*", "tools", "tools.*", "docs", "docs.*", "build", "dist"]


class BuildPy(build_py):
    """This file lives in the package's folder but is no module of it."""

    def find_package_modules(self, package, package_dir):
        modules = super().find_package_modules(package, package_dir)
        return [m for m in modules if not (package == "policygraph" and m[1] == "setup")]


setup(
    package_dir={"policygraph": "."},
    packages=["policygraph"] + [f"policygraph.{p}" for p in find_packages(".", exclude=NOT_SHIPPED)],
    cmdclass={"build_py": BuildPy},
)
