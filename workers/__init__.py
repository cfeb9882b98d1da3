"""Background work: the RQ queue, the job wrapper, and the worker and cron entry points."""
