"""Pure-Python heart of the annotator: the data model, offsets and Arabic text helpers.

Nothing here imports Qt or sqlite; every other layer builds on these types.
"""
