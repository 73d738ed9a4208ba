"""Ingest PIANOo documents into the local search index: `python ingest.py [PATH ...] [--rebuild] [--prune]`."""

import sys

from assistant.ingest_cli import main

if __name__ == "__main__":
    sys.exit(main())
