"""``python -m qunzhong_desktop`` starts the window."""

from qunzhong_desktop.app import main

if __name__ == "__main__":
    raise SystemExit(main())
