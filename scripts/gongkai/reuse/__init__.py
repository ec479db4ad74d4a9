"""Incremental builds: a page whose inputs hash as in the previous build is not rendered again.

keys: what a page's output depends on, as one hash; state: the previous build's outputs and
search records, in a SQLite file beside the site; apply: move the pages that changed into the
site after a build succeeded, with a journal that a later build finishes if this one is cut short.
"""
