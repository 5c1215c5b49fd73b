"""Django's ASGI handler reads the whole request body before any middleware runs; this one
stops one byte past the upload limit, so quantri.core.middleware.BodySizeLimitMiddleware can
refuse the request without the rest ever being received."""

import asyncio
import tempfile

from django.conf import settings
from django.core.exceptions import RequestAborted
from django.core.handlers.asgi import ASGIHandler

from quantri.core.middleware import body_limit_bytes


class BodyLimitASGIHandler(ASGIHandler):
    async def read_body(self, receive):
        limit = body_limit_bytes()
        body_file = tempfile.SpooledTemporaryFile(
            max_size=settings.FILE_UPLOAD_MAX_MEMORY_SIZE, mode="w+b"
        )
        size = 0
        while size <= limit:
            message = await receive()
            if message["type"] == "http.disconnect":
                body_file.close()
                raise RequestAborted()
            chunk = message.get("body", b"")[: limit + 1 - size]
            body_file.write(chunk)
            size += len(chunk)
            if not message.get("more_body", False):
                break
        body_file.seek(0)
        return body_file

    async def listen_for_disconnect(self, receive):
        message = await receive()
        if message["type"] == "http.disconnect":
            raise RequestAborted()
        # More of a body cut short by read_body (Django's own handler takes any message here
        # for a bug): stop receiving; the request ends when its 413 has been sent.
        await asyncio.Event().wait()
