from quantri.api.base import api

__all__ = ["api"]
