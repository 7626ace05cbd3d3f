"""Reviewer assignment for joint R&D calls: conflicts, affinity, an exact optimal solver, re-checks.

Framework-free: plain data in, plain data out; the Django `calls` app wraps it.
"""

from kopru.calls.assignment.checking import check_assignment
from kopru.calls.assignment.conflicts import detect_conflicts
from kopru.calls.assignment.model import (
    Assignment,
    AssignmentInstance,
    AssignmentResult,
    Conflicts,
    Proposal,
    Reviewer,
    Violation,
)
from kopru.calls.assignment.parsing import InstanceError, parse_instance
from kopru.calls.assignment.solver import solve_assignment

__all__ = [
    "Assignment",
    "AssignmentInstance",
    "AssignmentResult",
    "Conflicts",
    "InstanceError",
    "Proposal",
    "Reviewer",
    "Violation",
    "check_assignment",
    "detect_conflicts",
    "parse_instance",
    "solve_assignment",
]
