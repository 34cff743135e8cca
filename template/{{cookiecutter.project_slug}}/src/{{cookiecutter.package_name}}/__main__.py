"""``python -m {{ cookiecutter.package_name }} fit --config configs/default.yaml``."""

import sys

from .cli import main

sys.exit(main())
