"""The command-line jobs, each with --help. The ones that use the tests' helpers (tests/support/)
run as modules from the repository root, where `tests` and `scripts` import as packages:

    python -m scripts.growth --help
    python -m scripts.admin_screenshots --help

The others run as files too (python scripts/NAME.py), as the workflows and the Makefile run them.
"""
