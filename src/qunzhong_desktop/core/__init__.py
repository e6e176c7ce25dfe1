"""The domain: entities, rules and use cases. Imports neither PySide6 nor SQLAlchemy."""
