"""The leaders' weekly work schedule ("lịch làm việc"): by week, with previous/next week and a
printable view, maintained in the back office."""
