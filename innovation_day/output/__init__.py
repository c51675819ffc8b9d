"""Output: fixes to the built pages and assets (HTML, tables, CSP, Material's bundle and stylesheet, 404)."""
