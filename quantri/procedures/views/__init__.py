"""Pages of the catalogue: public search and procedure pages, the office's catalogue and
reviews; one module per area, wired in quantri/procedures/urls.py."""
