"""Exchange formats: one module per format, each importing into and/or exporting from a project.

Imports run in one transaction (a bad record leaves the project as it was) and raise InputError
naming file, line and field; exports stream document by document and write atomically.
"""
