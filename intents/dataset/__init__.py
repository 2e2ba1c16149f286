"""The data model, its loading and validation, and the statistics computed from it."""
