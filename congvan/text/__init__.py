"""The text layer: normalising, zoning and paragraph joining shared by readers and extractors."""
