"""The built-in themes, installed as `minutes.themes` (see pyproject.toml)."""
