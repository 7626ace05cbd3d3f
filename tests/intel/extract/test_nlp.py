"""The spaCy model name: the host's setting wins over the environment, which is only the CLI's default."""

import pytest

from kopru.intel.extract import nlp


@pytest.mark.unit
def test_the_configured_model_wins_over_the_environment(monkeypatch):
    monkeypatch.setenv("KOPRU_SPACY_MODEL", "from_environment")
    monkeypatch.setattr(nlp, "_configured", None)
    assert nlp.model_name() == "from_environment"
    nlp.use_model("from_settings")
    assert nlp.model_name() == "from_settings"
    nlp.use_model("")
    assert nlp.model_name() == "from_environment"


@pytest.mark.integration
def test_django_passes_its_setting_at_start_up(settings):
    from django.apps import apps

    monkey = nlp._configured
    try:
        nlp.use_model("")
        apps.get_app_config("intel").ready()
        assert nlp.model_name() == settings.KOPRU_SPACY_MODEL
    finally:
        nlp._configured = monkey
