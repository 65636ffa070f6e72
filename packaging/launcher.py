"""The frozen application's entry point (PyInstaller analyses this script): the ``annotator`` command."""

from annotator.cli import main

if __name__ == "__main__":
    main()
