"""The stemhulp: matching (the reference implementation of the browser's), the quiz data, and the balance lint."""
