"""The exit codes of every command, named as HTTPie's ``ExitStatus`` names its own.

=====  ==============================================================
code   meaning
=====  ==============================================================
0      success
1      findings: some article was rejected, unreadable or not stored,
       data does not conform, or the ontology finds it inconsistent
2      a usage error (argparse) or an error that stopped the command
130    interrupted (Ctrl-C), as shells report it
=====  ==============================================================
"""

from __future__ import annotations

from enum import IntEnum


class ExitStatus(IntEnum):
    SUCCESS = 0
    FINDINGS = 1
    ERROR = 2
    INTERRUPTED = 130
