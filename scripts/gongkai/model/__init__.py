"""What the portal's documents and data lists are: declarations and plain data classes."""
