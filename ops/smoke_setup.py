"""Data the production smoke test needs, created inside the deployment (`kopru shell -c`):

an officer of side A with a password, the reviewer pool, and a closed call with submitted proposals, so
that one assignment run can be requested over HTTP. Run once on an empty database.
"""

import datetime
import os

from django.conf import settings
from django.core.management import call_command
from django.utils import timezone

from kopru.calls.domain import demo as calls_demo
from kopru.calls.domain.calls import advance_call
from kopru.calls.enums import CallStatus
from kopru.core.domain.accounts import create_member
from kopru.core.enums import Role
from kopru.core.models import Organisation

call_command("load_reference", verbosity=0)
create_member(
    os.environ["SMOKE_USER"],
    role=Role.STAFF,
    side=settings.KOPRU_SIDE_A,
    password=os.environ["SMOKE_PASSWORD"],
)
agencies = calls_demo._agencies()
for name, country, kind in calls_demo.ORGANISATIONS:
    calls_demo._organisation(name, country, kind)
calls_demo._organisation("Anatolia Cell Works", "TR", "company")
calls_demo._reviewers()
deadline = (timezone.now() - datetime.timedelta(days=2)).replace(microsecond=0)
call = calls_demo._call(
    "Smoke test call",
    status=CallStatus.DRAFT,
    deadline=deadline,
    topics=["battery", "solar"],
    agencies=agencies,
    budgets=(6000000, 3000000),
)
advance_call(call, to_status=CallStatus.OPEN, now=deadline - datetime.timedelta(days=30))
for i, (title, acronym, topic, owner, partner, tr, cn, _scores) in enumerate(calls_demo.DECIDED_PROPOSALS):
    owner, partner = Organisation.objects.get(name=owner), Organisation.objects.get(name=partner)
    submitted = deadline - datetime.timedelta(days=10 - i)
    calls_demo._proposal(call, title, acronym, topic, owner, partner, tr, cn, submit_at=submitted)
advance_call(call, to_status=CallStatus.CLOSED, now=deadline + datetime.timedelta(hours=1))
print(f"smoke call {call.pk}")
