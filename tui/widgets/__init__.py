"""One widget per module; they know nothing of the store or the engine."""
