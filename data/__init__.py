"""The shipped dataset (installed as the package lepbot_data, so a wheel carries it)."""
