"""Load: records and pages into the typed site model, citations resolved into links."""
