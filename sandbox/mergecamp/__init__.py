"""mergecamp: learn an ML team's git workflow in real repositories of a real model project."""

__version__ = "0.1.0"
