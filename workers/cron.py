"""The configuration file of the one `rq cron` process (`python -m workers cron`).

Building the app runs every capability's `init_app`, which registers its periodic jobs with
`workers.periodic.add_periodic` (scheduled publishing, the visit flush, reminders); each is then
enqueued on the app's queue at its interval, and the worker runs it.
"""

from __future__ import annotations

from rq import cron

from workers.jobs import worker_app
from workers.periodic import periodic_jobs

with worker_app().app_context():
    QUEUE = worker_app().config["RQ_QUEUE"]

for entry in periodic_jobs():
    cron.register(entry.job, queue_name=QUEUE, interval=entry.interval)
