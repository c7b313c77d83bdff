"""silkwatch: a sourced record of what was said, promised and measured, built from news."""

__version__ = "0.1.0"
__all__ = ["__version__"]
