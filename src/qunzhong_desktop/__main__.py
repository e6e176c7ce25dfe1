"""``python -m qunzhong_desktop`` starts the window."""

from qunzhong_desktop.app import main

raise SystemExit(main())
