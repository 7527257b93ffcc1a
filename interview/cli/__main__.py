"""``python -m interview.cli``: the same as the ``kartlagg`` command."""

import sys

from interview.cli import main

if __name__ == "__main__":  # importing this module (as a test walking the package does) runs nothing
    sys.exit(main())
