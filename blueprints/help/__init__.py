"""The back office's help centre: one short, task-oriented guide per role, written for the
part-time staff who run the portals, and the "?" links that open it from the busiest screens."""
