"""Resource caps of a worker process: address space (RLIMIT_AS) and CPU time (RLIMIT_CPU) per document.

Set in the sandbox's child before each document. Only soft limits are lowered, so a later document can get
its own budget; subprocesses (LibreOffice, Tesseract) inherit them. Past the memory cap an allocation fails
(Python raises MemoryError: the document fails as too_large); past the CPU budget the kernel sends SIGXCPU,
which ends the process (the parent reports a timeout and starts a new worker). No core files are written.
"""

from __future__ import annotations

import math
import signal

from congvan.readers.limits import MB, Limits

CRASH_CLASSES = {"SIGXCPU": "timeout", "SIGKILL": "too_large"}  # how a worker killed by a signal is classified


def apply(limits: Limits) -> None:
    """Cap this process for the next document: memory from now on, CPU time from what it has used so far."""
    try:
        import resource
    except ImportError:  # not a Unix system: the wall-clock watchdog remains
        return
    _soft(resource, resource.RLIMIT_CORE, 0)
    _soft(resource, resource.RLIMIT_AS, int(limits.max_memory_mb * MB) if limits.max_memory_mb else None)
    if limits.max_cpu_seconds:
        usage = resource.getrusage(resource.RUSAGE_SELF)
        used = math.ceil(usage.ru_utime + usage.ru_stime)
        _soft(resource, resource.RLIMIT_CPU, used + int(limits.max_cpu_seconds))
    else:
        _soft(resource, resource.RLIMIT_CPU, None)


def crash_class(signal_number: int | None) -> str:
    """The error class of a worker that died by a signal (None or an unknown one: unreadable)."""
    try:
        name = signal.Signals(signal_number).name if signal_number else ""
    except ValueError:
        name = ""
    return CRASH_CLASSES.get(name, "unreadable")


def _soft(resource, kind: int, value: int | None) -> None:  # noqa: ANN001 - the resource module
    """Set a soft limit (None: as high as the hard limit allows), never above the hard limit."""
    _, hard = resource.getrlimit(kind)
    if value is None or (hard != resource.RLIM_INFINITY and value > hard):
        value = hard
    resource.setrlimit(kind, (value, hard))
