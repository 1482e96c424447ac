"""What people see.

Terminal tables (:mod:`.tables`), plots (:mod:`.plots`, needing matplotlib),
and the pages the documentation site generates: coverage counts
(:mod:`.coverage`), the data dictionary (:mod:`.dictionary`), the gallery
(:mod:`.gallery`) and the Explore page's data (:mod:`.explore`). These may use
the questions; nothing below imports them.
"""
