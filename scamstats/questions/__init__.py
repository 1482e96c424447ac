"""What the figures answer.

Finding figures (:mod:`.query`), one counter over time (:mod:`.series`),
per-period totals (:mod:`.totals`), countries side by side (:mod:`.compare`),
disagreements (:mod:`.conflicts`), independent stories and representatives
(:mod:`.corroboration`), citations (:mod:`.cite`) and lists of ids in tables
(:mod:`.ids`). These read a loaded :class:`~scamstats.dataset.Dataset`; they
never import the record reader or the release machinery.
"""
