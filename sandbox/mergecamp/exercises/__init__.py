"""One module per exercise, each defining ``EXERCISE`` (see mergecamp.exercise)."""
