import pytest

from kopru.invest.case import rendered


@pytest.fixture(autouse=True)
def _fresh_calculator_panels():
    # Tests read the calculator's context (form, result), which a remembered page does not rebuild.
    rendered.forget()
    yield
    rendered.forget()
