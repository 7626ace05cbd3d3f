from django.core.management.base import BaseCommand, CommandError

from kopru.calls.domain.reviewing import run_assignment
from kopru.calls.enums import RunStatus
from kopru.calls.models import AssignmentRun, Call


class Command(BaseCommand):
    help = "Compute the optimal reviewer assignment of one call now (what the background task does)."

    def add_arguments(self, parser):
        parser.add_argument("call_id", type=int)

    def handle(self, *args, call_id, **options):
        call = Call.objects.filter(pk=call_id).first()
        if call is None:
            raise CommandError(f"No call {call_id}")
        # run_assignment holds every guard (call status, submitted reviews) and records a refusal on the run.
        run = run_assignment(AssignmentRun.objects.create(call=call))
        if run.status == RunStatus.REFUSED:
            raise CommandError(f"refused, no assignment or review was changed: {run.explanation}")
        if run.status != RunStatus.OPTIMAL:
            raise CommandError(f"{run.status}: {run.explanation}")
        self.stdout.write(
            f"optimal: {run.assignments_made} reviews, total affinity {run.objective:.6f}, "
            f"{run.conflicts_detected} conflicted pairs excluded"
        )
