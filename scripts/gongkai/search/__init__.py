"""Site search: a Pagefind index built after the site, and the search page that reads it."""
