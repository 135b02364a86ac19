"""Publish: the build cache, the site lock, and built files swapped in atomically."""
