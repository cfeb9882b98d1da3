"""Periodic jobs, loaded by the one `rq cron` process (`python -m workers cron`).

Each entry enqueues a job on the app's queue at an interval; the worker runs it. Capabilities add
their periodic work here (scheduled publishing, visit counters, reminders).
"""

from __future__ import annotations

from rq import cron

from blueprints.newsroom.tasks import publish_due_articles
from blueprints.visits.tasks import flush_visits
from workers.jobs import worker_app
from workers.periodic import record_heartbeat

with worker_app().app_context():
    QUEUE = worker_app().config["RQ_QUEUE"]

cron.register(record_heartbeat, queue_name=QUEUE, interval=60)

# Scheduled articles go out within a minute of their time (blueprints/newsroom/tasks.py).
cron.register(publish_due_articles, queue_name=QUEUE, interval=60)
# Visit counters: Redis → PostgreSQL every five minutes (blueprints/visits/tasks.py).
cron.register(flush_visits, queue_name=QUEUE, interval=300)
