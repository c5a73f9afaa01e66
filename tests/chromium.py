"""A small headless-Chromium driver over the DevTools protocol, for the browser tests and the
briefing benchmark: open a page from disk at a given width, collect console errors and network
requests, evaluate DOM checks, take a screenshot.

It uses the Debian `chromium` package (never a downloaded browser build) and `websocket-client`;
`Browser.start()` raises `BrowserUnavailable` with one line saying why when either is missing.
"""
from __future__ import annotations

import base64
import itertools
import json
import os
import shutil
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

CANDIDATES = ("chromium", "chromium-browser", "google-chrome")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--hide-scrollbars", "--remote-debugging-port=0", "--remote-allow-origins=*"]
START_TIMEOUT = 30.0
LOCAL = ("file:", "data:", "about:", "chrome-error:", "devtools:")


class BrowserUnavailable(RuntimeError):
    """No usable headless Chromium here (not installed, or no websocket-client)."""


def executable() -> str | None:
    env = os.environ.get("CHROMIUM")
    if env:
        return env
    return next((p for p in map(shutil.which, CANDIDATES) if p), None)


class Browser:
    """One Chromium process with one page; `open(path, width)` returns a `Visit`."""

    def __init__(self, proc: subprocess.Popen, profile: str, ws):
        self.proc, self.profile, self.ws = proc, profile, ws
        self._ids = itertools.count(1)
        self.events: list[dict] = []

    @classmethod
    def start(cls) -> "Browser":
        try:
            import websocket  # websocket-client
        except ImportError as e:
            raise BrowserUnavailable("the websocket-client package is not installed") from e
        exe = executable()
        if exe is None:
            raise BrowserUnavailable("no chromium on PATH (apt-get install -y chromium)")
        profile = tempfile.mkdtemp(prefix="chromium-profile-")
        try:
            proc = subprocess.Popen([exe, *FLAGS, f"--user-data-dir={profile}", "about:blank"],
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        except OSError as e:
            shutil.rmtree(profile, ignore_errors=True)
            raise BrowserUnavailable(f"{exe} cannot be run: {e.strerror}") from e
        port_file = Path(profile) / "DevToolsActivePort"
        deadline = time.monotonic() + START_TIMEOUT
        while not port_file.exists() or not port_file.read_text().strip():
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                shutil.rmtree(profile, ignore_errors=True)
                raise BrowserUnavailable(f"{exe} did not start (exit {proc.poll()})")
            time.sleep(0.05)
        port = port_file.read_text().split()[0]
        targets = json.loads(urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=10).read())
        page = next(t for t in targets if t.get("type") == "page")
        ws = websocket.create_connection(page["webSocketDebuggerUrl"], timeout=60, suppress_origin=True)
        browser = cls(proc, profile, ws)
        for domain in ("Page", "Runtime", "Network", "Log"):
            browser.call(f"{domain}.enable")
        return browser

    def call(self, method: str, **params) -> dict:
        i = next(self._ids)
        self.ws.send(json.dumps({"id": i, "method": method, "params": params}))
        while True:
            msg = json.loads(self.ws.recv())
            if msg.get("id") == i:
                if "error" in msg:
                    raise RuntimeError(f"{method}: {msg['error']}")
                return msg.get("result", {})
            self.events.append(msg)

    def wait_for(self, method: str, timeout: float = 60.0) -> dict:
        for k, e in enumerate(self.events):
            if e.get("method") == method:
                return self.events.pop(k)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            msg = json.loads(self.ws.recv())
            if msg.get("method") == method:
                return msg
            self.events.append(msg)
        raise TimeoutError(method)

    def open(self, path: Path, width: int, height: int = 900) -> "Visit":
        self.call("Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=1,
                  mobile=width < 600)
        self.events.clear()
        started = time.monotonic()
        self.call("Page.navigate", url=Path(path).resolve().as_uri())
        self.wait_for("Page.loadEventFired")
        self.evaluate("document.body.getBoundingClientRect().height")  # forces layout before timing ends
        seconds = time.monotonic() - started
        return Visit(self, Path(path), width, seconds, list(self.events))

    def evaluate(self, expression: str):
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression[:60]}: {result['exceptionDetails'].get('text')}")
        return result["result"].get("value")

    def screenshot(self, path: Path, *, full_page: bool = False, top: float = 0, height: float | None = None) -> Path:
        """The viewport, or the page from `top` down `height` pixels (all of it with `full_page`)."""
        params: dict = {"format": "png"}
        if full_page or top or height:
            w, h = self.evaluate("[document.documentElement.scrollWidth, document.documentElement.scrollHeight]")
            height = h - top if full_page or height is None else height
            params.update(clip={"x": 0, "y": top, "width": w, "height": min(height, 16000), "scale": 1},
                          captureBeyondViewport=True)
        data = self.call("Page.captureScreenshot", **params)["data"]
        Path(path).write_bytes(base64.b64decode(data))
        return Path(path)

    def close(self) -> None:
        try:
            self.ws.close()
        finally:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
            shutil.rmtree(self.profile, ignore_errors=True)


class Visit:
    """What happened while a page loaded: console errors, exceptions, requests that left the disk."""

    def __init__(self, browser: Browser, path: Path, width: int, seconds: float, events: list[dict]):
        self.browser, self.path, self.width, self.seconds = browser, path, width, seconds
        self.errors = [e for e in events if _is_error(e)]
        self.requests = [e["params"]["request"]["url"] for e in events
                         if e.get("method") == "Network.requestWillBeSent"
                         and not e["params"]["request"]["url"].startswith(LOCAL)]


def _is_error(event: dict) -> bool:
    method, params = event.get("method"), event.get("params", {})
    if method == "Runtime.exceptionThrown":
        return True
    if method == "Runtime.consoleAPICalled":
        return params.get("type") in ("error", "assert")
    if method == "Log.entryAdded":
        return params.get("entry", {}).get("level") == "error"
    return False
