"""The PySide6 face of the app; the only package that imports Qt."""
