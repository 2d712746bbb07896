#!/usr/bin/env python3
"""Pizhu's command line in the repository: `python build.py build|serve|annotate|import|new …`, the
same as the `pizhu` command an installed package gives (see pizhu/cli.py)."""
import sys

from pizhu.cli import main

if __name__ == "__main__":
    sys.exit(main(prog="build.py"))
