"""Knowledge kept as data: agencies, document types, deadline words, boilerplate markers."""
