"""minutes: a static site generator for published council minutes."""

__version__ = "0.1.0"
