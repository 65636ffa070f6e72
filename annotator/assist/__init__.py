"""Arabic-aware assistance: normalised search, clitic-aware propagation, quote and entity suggestions.

Suggestions are proposals the annotator accepts or rejects; nothing here writes to an annotator's
layer behind their back.
"""
