from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from kopru.ui.navigation import NavItem


class CallsConfig(AppConfig):
    name = "kopru.calls"
    label = "calls"
    verbose_name = _("Joint R&D calls")
    # Main menu entries, each with the permission its view requires (kopru.ui.navigation).
    nav_items = [
        NavItem("calls", _("R&D calls"), "calls:home", order=10),
        NavItem("calls", _("My reviews"), "calls:my-reviews", perm="calls.act_as_reviewer", order=20),
        NavItem("calls", _("Reviewer pool"), "calls:reviewer-pool", perm="calls.manage_call", order=30),
    ]

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
