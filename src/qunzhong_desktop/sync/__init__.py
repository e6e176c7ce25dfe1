"""Signed, encrypted bundles between stations and the township (SYNC.md).

So far: node keys (Ed25519 + age X25519, private keys passphrase-protected) and the bundle
container — writing, and verifying every layer before anything is parsed. Applying bundles
to the store, enrollment and the township side come next.
"""
