from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CallsConfig(AppConfig):
    name = "kopru.calls"
    label = "calls"
    verbose_name = _("Joint R&D calls")
    # (label, URL name) pairs shown in the main navigation, when the URL name exists.
    nav_items = [(_("R&D calls"), "calls:home")]

    def ready(self):
        from kopru.calls import rules  # noqa: F401  (registers the django-rules permissions)
        from kopru.calls.domain import demo
        from kopru.core.domain.demo import DemoStep, register_demo_step

        register_demo_step(DemoStep("calls", lambda context: demo.load_demo(), 40))

        from kopru.calls import tasks
        from kopru.core.jobs import register_job

        register_job("calls.run_assignment", tasks.run_assignment_task.enqueue)
        register_job("calls.send_letters", tasks.send_letters_task.enqueue)

        from kopru.calls.domain.recovery import requeue_stale_runs
        from kopru.core.heartbeat import register_sweeper

        register_sweeper("assignment runs", requeue_stale_runs)
