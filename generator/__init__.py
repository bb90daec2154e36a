"""Wat wil wie?: turn curated YAML about elections into a static comparison site."""
