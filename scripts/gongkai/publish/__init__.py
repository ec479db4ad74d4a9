"""Publish built sites as releases: verify, switch atomically, keep every page, roll back."""
