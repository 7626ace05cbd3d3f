from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from kopru.ui.navigation import NavItem


class IntelConfig(AppConfig):
    name = "kopru.intel"
    label = "intel"
    verbose_name = _("Intelligence")
    # Main menu entries, each with the permission its view requires (kopru.ui.navigation).
    nav_items = [
        NavItem("intelligence", _("Review queue"), "intel:queue", perm="intel.review_documents", order=20),
        NavItem("intelligence", _("Upload a document"), "document-upload", perm="kopru.add_record", order=30),
    ]

    def ready(self):
        from django.conf import settings

        from kopru.core import access
        from kopru.intel.extract.nlp import use_model

        use_model(settings.KOPRU_SPACY_MODEL)
        from kopru.ui.registry import DetailLink, register_detail_link

        register_detail_link(
            "documents", DetailLink(_("Extracted facts"), "intel:document", access.can_create)
        )

        from kopru.core.domain.demo import DemoStep, register_demo_step
        from kopru.intel.domain import demo

        register_demo_step(DemoStep("intelligence", lambda context: demo.load_demo(context.seed_paths), 10))

        from kopru.core.jobs import register_job
        from kopru.intel import tasks

        register_job("intel.extract_document", tasks.extract_document.enqueue)

        from kopru.core.heartbeat import register_sweeper
        from kopru.intel.domain.ingest import requeue_stale_items

        register_sweeper("ingest items", requeue_stale_items)
