{{ (cookiecutter.project_name ~ ": " ~ cookiecutter.description) | py_str }}

__version__ = "0.1.0"
