"""Shared by every stage: settings, errors, slugs, YAML, progress, process pools."""
