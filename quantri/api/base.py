from ninja import NinjaAPI

api = NinjaAPI(title="Quản trị API", version="1")
