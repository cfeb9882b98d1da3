"""Search: one index of a portal's published content, in Vietnamese as people type it."""
