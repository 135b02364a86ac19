import sys

from minutes.cli import main

sys.exit(main())
