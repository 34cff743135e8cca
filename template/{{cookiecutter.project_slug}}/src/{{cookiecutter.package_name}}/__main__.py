"""``python -m {{ cookiecutter.package_name }} fit --config configs/default.yaml``."""

from .cli import main

main()
