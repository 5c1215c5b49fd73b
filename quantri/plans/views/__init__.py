"""Web pages for plans and tasks: one module per area, wired in quantri/plans/urls.py."""
