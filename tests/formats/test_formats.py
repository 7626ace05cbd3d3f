"""Numbers in the reader's locale: Chinese pages group thousands with commas like the investment pages."""

import pytest
from django.template import Context, Template
from django.utils import translation
from django.utils.formats import number_format

from kopru.invest import l10n


@pytest.mark.parametrize(
    ("language", "expected"), [("en", "1,234,567.5"), ("tr", "1.234.567,5"), ("zh-hans", "1,234,567.5")]
)
def test_grouped_numbers_in_each_language(language, expected):
    with translation.override(language):
        assert number_format(1234567.5, decimal_pos=1, force_grouping=True) == expected


def test_chinese_pages_and_the_investment_pages_write_a_number_alike():
    with translation.override("zh-hans"):
        page = Template('{{ n|floatformat:"0g" }}').render(Context({"n": 40081}))
        assert page == l10n.number(40081, 0) == "40,081"
