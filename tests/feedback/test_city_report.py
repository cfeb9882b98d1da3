"""The Q&A columns of the parent portal's city-wide report equal each ward's own record."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

from blueprints.feedback.record import monthly_record
from tenants.context import tenant_scope
from tests.factories import base_url, make_tenant, make_user
from tests.feedback.helpers import make_item
from tests.support import sign_in

LABELS = {
    "received": "Câu hỏi, góp ý nhận được",
    "answered": "Câu hỏi, góp ý đã trả lời",
    "overdue": "Câu hỏi, góp ý quá hạn",
}


def test_the_city_report_shows_each_wards_questions(client):
    city = make_tenant(kind="city")
    busy, quiet = (
        make_tenant(parent=city, name_vi="Phường Bận"),
        make_tenant(parent=city, name_vi="Phường Vắng"),
    )
    today = busy.today()
    first = today.replace(day=1)
    make_item(busy, answered=True, received_on=first, answered_on=first, due_on=first + timedelta(days=20))
    make_item(busy, received_on=first)
    if today > first:  # an item due yesterday and still open is late
        make_item(busy, received_on=first, due_on=today - timedelta(days=1))
    head = make_user(roles={city: ["board-head"]})
    sign_in(client, city, head)
    exported = client.get(
        f"/admin/city-board/report.csv?year={today.year}&month={today.month}", base_url=base_url(city)
    )
    rows = list(csv.reader(io.StringIO(exported.data.decode("utf-8-sig"))))
    by_ward = {row[0]: dict(zip(rows[0], row, strict=True)) for row in rows[1:]}
    for ward in (busy, quiet):
        with tenant_scope(ward):
            own = monthly_record(1, today)[0]
        shown = by_ward[ward.name_vi]
        assert (int(shown[LABELS["received"]]), int(shown[LABELS["answered"]])) == (
            own.received,
            own.answered,
        )
    assert int(by_ward["Phường Bận"][LABELS["received"]]) == (3 if today > first else 2)
    assert int(by_ward["Phường Bận"][LABELS["overdue"]]) == (1 if today > first else 0)
    assert int(by_ward["Phường Vắng"][LABELS["received"]]) == 0
    assert int(by_ward["Tổng cộng"][LABELS["received"]]) == (3 if today > first else 2)
