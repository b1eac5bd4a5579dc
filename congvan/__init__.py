"""congvan: Vietnamese official documents to validated, structured task lists."""

__version__ = "0.1.0"
PIPELINE_VERSION = "1"
