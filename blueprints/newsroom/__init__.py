"""The newsroom of each portal's editorial board: units, board, sections, articles and workflow."""
