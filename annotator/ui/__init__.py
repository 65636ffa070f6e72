"""The PySide6 GUI: the only package that imports Qt (see DESIGN.md, "Architecture")."""
