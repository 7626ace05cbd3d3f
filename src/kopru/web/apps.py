from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "kopru.web"
    label = "web"
    verbose_name = "Web"
