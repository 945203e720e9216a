"""Compare sync methods for each business unit of a plan, and recommend one (``aeplan compare``)."""
