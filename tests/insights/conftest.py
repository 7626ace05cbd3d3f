import pytest

from kopru.insights.domain.memo import forget


@pytest.fixture(autouse=True)
def _fresh_insights_memo():
    # Rolled-back test transactions can leave the same history ids behind; start each test afresh.
    forget()
    yield
    forget()
