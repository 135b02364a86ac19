"""The converter's version, in a module of its own so that knowing it loads nothing else."""

CONVERTER_VERSION = "44"
"""Bump when a change to the converter should re-convert every paper."""
