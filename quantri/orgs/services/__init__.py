"""The organisation's use cases: units, people and their roles, kept by the agency's own
administrator. Views, the API and the `quantri orgs` command call these and nothing else."""
