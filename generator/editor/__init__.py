"""Editors' tools: quote finder, new-election scaffold, JSON Schemas, GitHub annotations and summaries.

None of this is part of the site pipeline; the pipeline never imports it.
"""
