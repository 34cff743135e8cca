"""{{ cookiecutter.project_name | replace('"', "'") }}: {{ cookiecutter.description | replace('"', "'") }}"""

__version__ = "0.1.0"
