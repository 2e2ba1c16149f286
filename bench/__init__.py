"""Benchmarks: scripts that print figures. Never run as tests."""
