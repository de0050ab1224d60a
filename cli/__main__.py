"""`python -m policygraph.cli ...`: the same command as `policygraph ...`."""
import sys

from . import main

sys.exit(main())
