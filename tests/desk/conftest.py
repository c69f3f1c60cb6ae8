"""The app tests' fixtures (a fresh demo workspace per test, an isolated config) for the desk."""

from tests.app.conftest import demo_root, demo_template, isolated_config, make

__all__ = ["demo_root", "demo_template", "isolated_config", "make"]
