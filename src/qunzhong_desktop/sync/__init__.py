"""Signed, encrypted bundles between stations and the township (SYNC.md); not yet built."""
