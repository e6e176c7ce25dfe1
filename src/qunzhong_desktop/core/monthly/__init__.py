"""monthly."""
