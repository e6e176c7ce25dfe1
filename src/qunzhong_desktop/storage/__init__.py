"""SQLAlchemy 2 models, the SQLite engine, change capture, repositories and migrations."""
