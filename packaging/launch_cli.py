"""Frozen entry point of ``qunzhong`` (the command line): ``qunzhong_desktop.cli:main``."""

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()
    from qunzhong_desktop.cli import main

    sys.exit(main())
