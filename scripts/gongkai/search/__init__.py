"""Site search: the portal's own literal index (records → indexer → shards) and the search page."""
