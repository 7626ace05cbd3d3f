from django_tasks import task

from kopru.core.heartbeat import heartbeat
from kopru.intel.domain.analysis import run_item
from kopru.intel.models import IngestItem


@task()
def extract_document(*, item_id: int) -> None:
    """Extract one ingested document; takes an id and re-reads everything from the database.

    The heartbeat tells `kopru requeue_stale` this worker is alive; if it dies, the beats stop.
    """
    with heartbeat(IngestItem, item_id):
        run_item(item_id)
