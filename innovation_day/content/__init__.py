"""Content: the schema of innovators and news, their entries and photos, the glossary and page checks."""
