"""Bring existing documents into content/: JSON Lines exports of laws and regulations."""
