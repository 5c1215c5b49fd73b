"""Pages of periodic reporting: the office's periods and completeness, the unit's report, the
offline template."""
