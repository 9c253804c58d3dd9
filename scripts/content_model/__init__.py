"""The handbook's content model in plain Python: page front matter, concepts, cases, notebooks, links between pages.

Used by the generators (scripts/generate.py), the build hooks (overrides/hooks/) and the content linter, and free of
any MkDocs import, so the content and its checks outlive the site generator.
"""
