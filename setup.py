"""The one thing pyproject.toml cannot say: data/ is installed as the package lepbot_data."""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages(include=["bot*", "intents*"]), "lepbot_data"],
    package_dir={"lepbot_data": "data"},
)
