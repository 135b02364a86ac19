"""`minutes serve`: the preview server that rebuilds on change and reloads the browser."""
