"""Reading a question: text -> Query. Knows the vocabulary (from the dataset), not the intents."""
