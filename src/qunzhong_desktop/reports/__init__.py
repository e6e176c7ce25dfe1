"""Excel and PDF output: contact cards, error reports, ledgers."""
