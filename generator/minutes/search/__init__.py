"""Index: the rendered site cut into search shards and indexed with Pagefind."""
