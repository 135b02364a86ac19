"""The front-matter contract between `convert` and the rest of the pipeline."""
