"""Pure functions of the Corpus: what is published, statuses, histories, groupings."""
