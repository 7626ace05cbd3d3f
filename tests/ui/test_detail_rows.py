"""A detail page's field rows drawn in Python read as the template loop they replace did."""

from __future__ import annotations

import pytest
from django.template import Context, Template
from django.utils import translation

from kopru.engage.models import Engagement
from kopru.ui.views.records import _detail_fields
from tests.factories import make_record

OLD = (
    '{% load kopru %}{% for label, name in fields %}<tr><th scope="row">{{ label|capfirst_local }}</th>'
    '<td>{% cell object name as value %}{{ value|default:"—" }}</td></tr>{% endfor %}'
)


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "tr", "zh-hans"])
def test_detail_rows_match_the_template_loop(cast, language):
    record = make_record("engagements", title='<b>"Tom & Jerry"</b>', place="")
    record.people.add(make_record("people", name="<i>Ada</i>"))
    record = Engagement.objects.get(pk=record.pk)
    fields = _detail_fields(Engagement)
    with translation.override(language):
        for user in (cast.staff_a, cast.staff_b, cast.admin):
            context = {"object": record, "fields": fields, "user": user}
            old = Template(OLD).render(Context(context))
            new = Template("{% load kopru %}{% detail_rows object fields %}").render(Context(context))
            assert new == old
            assert "&lt;b&gt;&quot;Tom &amp; Jerry&quot;&lt;/b&gt;" in new and "<td>—</td>" in new
