"""Architecture diagrams as data: YAML sources in diagrams/, Mermaid generated into the pages that include them.

source.py reads and validates the sources, mermaid.py renders them, pages.py finds and fills the include markers,
reference_pages.py writes the legend and the component index. scripts/diagrams.py is the command line.
"""
