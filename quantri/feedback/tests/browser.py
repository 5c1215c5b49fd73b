"""A headless Chromium driven through the DevTools protocol over a pipe, with the standard
library only: enough to load a page at a phone's size, read the layout, fill and submit forms.
(Selenium would need a driver binary and another dependency for the same few calls.)"""

import json
import os
import select
import shutil
import signal
import tempfile
import time

NAMES = ["chromium", "chromium-browser", "google-chrome"]


def find_chromium() -> str | None:
    return next((path for name in NAMES if (path := shutil.which(name))), None)


class Browser:
    def __init__(self, width: int, height: int, timeout: float = 30):
        self.timeout, self._buffer, self._next_id, self._events = timeout, b"", 0, []
        self._profile = tempfile.mkdtemp(prefix="quantri-chromium-")
        to_chrome, self._reader = os.pipe(), None
        from_chrome = os.pipe()
        self._pid = os.posix_spawn(
            find_chromium(),
            [
                "chromium",
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--remote-debugging-pipe",
                f"--user-data-dir={self._profile}",
                "about:blank",
            ],
            os.environ,
            # Chromium reads commands on fd 3 and writes replies on fd 4.
            file_actions=[
                (os.POSIX_SPAWN_DUP2, to_chrome[0], 3),
                (os.POSIX_SPAWN_DUP2, from_chrome[1], 4),
                (os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0),
                (os.POSIX_SPAWN_OPEN, 2, os.devnull, os.O_WRONLY, 0),
            ],
        )
        os.close(to_chrome[0])
        os.close(from_chrome[1])
        self._writer, self._reader = to_chrome[1], from_chrome[0]
        target = self.call("Target.createTarget", url="about:blank")["targetId"]
        self.session = self.call("Target.attachToTarget", targetId=target, flatten=True)[
            "sessionId"
        ]
        self.call("Page.enable", session=True)
        self.call(
            "Emulation.setDeviceMetricsOverride",
            session=True,
            width=width,
            height=height,
            deviceScaleFactor=2,
            mobile=True,
        )

    def call(self, method: str, session: bool = False, **params) -> dict:
        self._next_id += 1
        message = {"id": self._next_id, "method": method, "params": params}
        if session:
            message["sessionId"] = self.session
        os.write(self._writer, json.dumps(message).encode() + b"\0")
        while True:
            reply = self._receive()
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply["result"]
            self._events.append(reply)

    def _receive(self) -> dict:
        deadline = time.monotonic() + self.timeout
        while b"\0" not in self._buffer:
            ready, _, _ = select.select([self._reader], [], [], deadline - time.monotonic())
            if not ready:
                raise TimeoutError("Chromium did not answer")
            chunk = os.read(self._reader, 1 << 16)
            if not chunk:
                raise EOFError("Chromium closed the pipe")
            self._buffer += chunk
        message, _, self._buffer = self._buffer.partition(b"\0")
        return json.loads(message)

    def wait_for_load(self) -> None:
        while True:
            for event in self._events:
                if event.get("method") == "Page.loadEventFired":
                    self._events.clear()
                    return
            self._events.clear()
            self._events.append(self._receive())

    def open(self, url: str) -> None:
        self._events.clear()
        self.call("Page.navigate", session=True, url=url)
        self.wait_for_load()

    def evaluate(self, expression: str):
        result = self.call(
            "Runtime.evaluate", session=True, expression=expression, returnByValue=True
        )
        if "exceptionDetails" in result:
            raise RuntimeError(result["exceptionDetails"])
        return result["result"].get("value")

    def submit(self, button_selector: str) -> None:
        """Click like a person: the page then loads the response."""
        self._events.clear()
        self.evaluate(f"document.querySelector({json.dumps(button_selector)}).click()")
        self.wait_for_load()

    def close(self) -> None:
        try:
            os.kill(self._pid, signal.SIGTERM)
            os.waitpid(self._pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass
        for fd in (self._writer, self._reader):
            os.close(fd)
        # Chromium's helper processes may still be writing to the profile for a moment.
        for _ in range(50):
            shutil.rmtree(self._profile, ignore_errors=True)
            if not os.path.exists(self._profile):
                break
            time.sleep(0.1)
