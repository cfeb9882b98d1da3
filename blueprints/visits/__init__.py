"""The visit counter: one Redis INCR per public page view, flushed to PostgreSQL by a job."""
