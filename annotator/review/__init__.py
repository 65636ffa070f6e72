"""Review: agreement between annotators and adjudication into gold (built in a later issue)."""
