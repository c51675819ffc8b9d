"""Helpers the tests share, imported as a package: `from support.sites import run_build`."""
