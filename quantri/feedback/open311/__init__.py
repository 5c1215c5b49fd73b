"""Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2): our feedback categories as
services and feedback items as service requests, in JSON and XML, so existing Open311
applications and city dashboards can list services and file requests."""
