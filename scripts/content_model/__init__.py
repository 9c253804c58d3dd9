"""The handbook's content model in plain Python: page front matter, concepts, links between pages.

Used by the build hooks (overrides/hooks/), the diagram generator and the content linter, and free of any MkDocs
import, so the content and its checks outlive the site generator.
"""
