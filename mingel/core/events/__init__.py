"""Events in plain Python: the question bank, the pitch and its speaking time, and the
wording choices of the review. No Django here; callers pass what they know."""
