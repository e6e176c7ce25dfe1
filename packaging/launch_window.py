"""Frozen entry point of ``qunzhong-desktop`` (the window): ``qunzhong_desktop.app:main``."""

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()  # the scrypt child (sync/sealing.py) re-enters here
    from qunzhong_desktop.app import main

    sys.exit(main())
