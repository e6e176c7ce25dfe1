"""群众工作站桌面版 — offline-first desktop app for village mass-work stations."""

__version__ = "0.1.0"
