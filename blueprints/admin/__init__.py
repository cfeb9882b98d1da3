"""The back office: each person's dashboard on a portal, and platform administration."""
