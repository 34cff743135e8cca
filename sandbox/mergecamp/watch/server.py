"""The live view's server: Starlette routes on uvicorn, bound to 127.0.0.1 only.

Why Starlette + uvicorn rather than ``http.server``: Server-Sent Events need one open
response per browser tab alongside normal requests, and a clean stop on Ctrl-C that
closes those streams; both are what these two well-kept libraries do, in few lines.

Routes: ``/`` the page, ``/assets/<file>`` its script and style, ``/state.json`` the
full state (as ``check --json`` plus the layouts), ``/events`` a stream of states, one
after every git command, ``/commit/<sha>`` one commit's details.

One worker thread builds states, so checks never run two at once: after a change it
sends a quick state (no model tests, as the git hooks) at once, then the full one when
a step waits for the model's tests.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import socket
import threading
from importlib import resources
from pathlib import Path
from typing import Any

from mergecamp.errors import MergecampError
from mergecamp.i18n import Lang
from mergecamp.scene import Scene
from mergecamp.watch.state import GoalGraph, build_state, learner_repo, watched_git_dirs

ASSETS = {"app.js": "text/javascript", "style.css": "text/css"}
PING_S = 15.0


class LiveView:
    """The state of one exercise, rebuilt on change and pushed to every open page."""

    def __init__(
        self,
        scene: Scene,
        lang: Lang,
        *,
        with_goal: bool = True,
        progress_workspace: Path | None = None,
    ) -> None:
        self.scene = scene
        # The command's explicit workspace (``--workspace``) lives in click's context,
        # which threads do not see: they get it again, so the goal stays hidden or shown
        # by the same progress record ``check`` writes.
        self.progress_workspace = progress_workspace
        self.lang = lang
        self.goal = GoalGraph(scene.exercise_id, scene.workspace) if with_goal else None
        self.latest: str | None = None
        self.version = 0
        self.loop: asyncio.AbstractEventLoop | None = None
        self.clients: set[asyncio.Queue[str]] = set()
        self.stopping = threading.Event()
        self._dirty = threading.Event()
        self._worker = threading.Thread(target=self._work, name="mergecamp-state", daemon=True)

    # --- building states (worker thread) ---------------------------------------------

    def start(self) -> None:
        self._dirty.set()
        self._worker.start()
        if self.goal is not None:
            self.goal.start(on_ready=self.request)

    def request(self) -> None:
        """Something changed: build and send a new state (called from any thread)."""
        self._dirty.set()

    def stop(self) -> None:
        self.stopping.set()
        self._dirty.set()
        self._worker.join(timeout=3)

    def _work(self) -> None:
        from mergecamp.paths import use_workspace

        use_workspace(self.progress_workspace)  # outside click: for every thread
        while not self.stopping.is_set():
            self._dirty.wait()
            if self.stopping.is_set():
                return
            self._dirty.clear()
            try:
                state = self.state(quick=True)
                if not _waits_for_tests(state):
                    state["quick"] = False  # the full check would say the same
                self._publish(state)
                if state["quick"] and not self._dirty.is_set():
                    full = self.state(quick=False)
                    if not self._dirty.is_set():
                        self._publish(full)
            except Exception as err:  # keep serving; the next change tries again
                self._publish({"error": f"{type(err).__name__}: {err}"})

    def state(self, *, quick: bool) -> dict[str, Any]:
        return build_state(self.scene, self.lang, quick=quick, goal=self.goal)

    def _publish(self, state: dict[str, Any]) -> None:
        self.version += 1
        state["version"] = self.version
        text = json.dumps(state, ensure_ascii=False)
        self.latest = text
        if self.loop is not None and not self.loop.is_closed():
            with contextlib.suppress(RuntimeError):  # the loop closed meanwhile
                self.loop.call_soon_threadsafe(self._fan_out, text)

    def _fan_out(self, text: str) -> None:
        for queue in list(self.clients):
            queue.put_nowait(text)

    # --- the web app -------------------------------------------------------------------

    def app(self, should_exit=lambda: False):
        from starlette.applications import Starlette
        from starlette.middleware import Middleware
        from starlette.middleware.trustedhost import TrustedHostMiddleware
        from starlette.responses import HTMLResponse, JSONResponse, Response, StreamingResponse
        from starlette.routing import Route

        view = self

        async def index(request):
            page = _asset("index.html").replace("{{lang}}", view.lang)
            return HTMLResponse(page, headers={"Cache-Control": "no-store"})

        async def asset(request):
            name = request.path_params["name"]
            if name not in ASSETS:
                return Response("not found", status_code=404)
            return Response(_asset(name), media_type=ASSETS[name])

        async def state_json(request):
            data = await asyncio.to_thread(view.state, quick=False)
            return JSONResponse(data)

        async def commit(request):
            from mergecamp.watch.commit_info import commit_info
            from mergecamp.watch.texts import NO_SUCH_COMMIT

            sha = request.path_params["sha"]
            repos = [learner_repo(view.scene) or view.scene.root]
            repos += [view.scene.origin] if view.scene.origin else []
            for repo in repos:
                info = await asyncio.to_thread(commit_info, repo, sha)
                if info is not None:
                    return JSONResponse(info)
            text = NO_SUCH_COMMIT.format(sha=sha[:40])(view.lang)
            return JSONResponse({"error": text}, status_code=404)

        async def events(request):
            queue: asyncio.Queue[str] = asyncio.Queue()
            view.clients.add(queue)

            async def stream():
                try:
                    if view.latest is not None:
                        yield f"data: {view.latest}\n\n"
                    idle = 0.0
                    while not should_exit() and not view.stopping.is_set():
                        try:
                            text = await asyncio.wait_for(queue.get(), timeout=0.5)
                        except TimeoutError:
                            idle += 0.5
                            if idle >= PING_S:
                                idle = 0.0
                                yield ": ping\n\n"
                            continue
                        idle = 0.0
                        yield f"data: {text}\n\n"
                finally:
                    view.clients.discard(queue)

            headers = {"Cache-Control": "no-store", "X-Accel-Buffering": "no"}
            return StreamingResponse(stream(), media_type="text/event-stream", headers=headers)

        @contextlib.asynccontextmanager
        async def lifespan(app):
            view.loop = asyncio.get_running_loop()
            yield

        return Starlette(
            routes=[
                Route("/", index),
                Route("/assets/{name}", asset),
                Route("/state.json", state_json),
                Route("/events", events),
                Route("/commit/{sha}", commit),
            ],
            # Only this machine's own names: a web page elsewhere cannot reach the
            # server through a rebound DNS name.
            middleware=[
                Middleware(TrustedHostMiddleware, allowed_hosts=["127.0.0.1", "localhost"])
            ],
            lifespan=lifespan,
        )


def _waits_for_tests(state: dict[str, Any]) -> bool:
    return any(s.get("code") == "tests-not-run" for s in state["check"]["steps"])


def _asset(name: str) -> str:
    return resources.files("mergecamp.watch").joinpath("assets", name).read_text("utf-8")


def bind(port: int) -> socket.socket:
    """A listening socket on 127.0.0.1 (``port`` 0: any free one), or a clear refusal."""
    from mergecamp.watch.texts import PORT_IN_USE

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        sock.bind(("127.0.0.1", port))
        sock.listen(64)
    except OSError as err:
        sock.close()
        raise MergecampError(PORT_IN_USE.format(port=port, why=err.strerror or err)) from None
    return sock


def check_libraries() -> None:
    """A clear message, not a traceback, when the optional web libraries are missing."""
    import importlib.util
    import sys

    from mergecamp.watch.texts import MISSING_LIBS

    missing = [m for m in ("starlette", "uvicorn") if importlib.util.find_spec(m) is None]
    if missing:
        raise MergecampError(MISSING_LIBS.format(libs=", ".join(missing), py=sys.executable))


def serve(scene: Scene, lang: Lang, port: int, *, announce, open_browser: bool = False) -> None:
    """Serve until Ctrl-C; ``announce(url)`` is called once the socket listens."""
    import uvicorn

    from mergecamp.watch import record
    from mergecamp.watch.changes import Watcher

    check_libraries()
    sock = bind(port)
    url = f"http://127.0.0.1:{sock.getsockname()[1]}/"
    try:
        record.claim(scene.workspace, scene.exercise_id, url)
    except BaseException:
        sock.close()
        raise
    from mergecamp.paths import explicit_workspace

    view = LiveView(scene, lang, progress_workspace=explicit_workspace())
    config = uvicorn.Config(
        None, log_level="warning", timeout_graceful_shutdown=1, lifespan="on", access_log=False
    )
    server = uvicorn.Server(config)
    config.app = view.app(should_exit=lambda: server.should_exit)
    watcher = Watcher(lambda: watched_git_dirs(scene), view.request)
    try:
        view.start()
        watcher.start()
        announce(url)
        if open_browser:
            import webbrowser

            threading.Timer(0.3, webbrowser.open, args=(url,)).start()
        with contextlib.suppress(KeyboardInterrupt):
            server.run(sockets=[sock])
    finally:
        watcher.stop()
        view.stop()
        record.release(scene.workspace, scene.exercise_id)
        sock.close()
