"""Real-browser checks: the rendered report opens offline with its figures, article markup stays text,
and the quickstart notebook runs in JupyterLab.

Headless Debian chromium; the report pages are driven over the DevTools protocol from Python
(websocket-client, which jupyter_server already needs), JupyterLab by playwright-core
(tests/browser/jupyterlab_run_all.js). Every request that is not a local file (report) or the local
JupyterLab server is refused and recorded; the tests assert there were none.
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from helpers import config, report

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM = shutil.which("chromium")
NODE = shutil.which("node")
PLAYWRIGHT = config.ROOT / "node_modules" / "playwright-core"
BROWSER_DIR = Path(__file__).parent / "browser"
QUICKSTART = "notebooks/00-quickstart.ipynb"

needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="chromium is not on PATH (Debian: apt-get install chromium; .ci/run does this)"
)

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND",  # belt and braces: no name resolves
]


class DevTools:
    """Just enough of the Chrome DevTools protocol to open a page with the network cut off."""

    def __init__(self, profile: Path, timeout: float = 60):
        import websocket

        self.timeout = timeout
        self.proc = subprocess.Popen(
            [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", "--remote-debugging-port=0", "about:blank"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        deadline = time.monotonic() + timeout
        url = None
        while time.monotonic() < deadline and url is None:
            line = self.proc.stderr.readline()
            if not line and self.proc.poll() is not None:
                raise RuntimeError(f"chromium exited with {self.proc.returncode}")
            if "DevTools listening on " in line:
                url = line.split("DevTools listening on ", 1)[1].strip()
        if url is None:
            self.close()
            raise RuntimeError("chromium did not open its DevTools endpoint")
        self.ws = websocket.create_connection(url, timeout=timeout, suppress_origin=True)
        self.next_id = 0
        self.replies: dict[int, dict] = {}
        self.events: list[dict] = []
        self.blocked: list[str] = []
        self.requested: list[str] = []

    def send(self, method: str, params: dict | None = None, session: str | None = None) -> dict:
        self.next_id += 1
        msg = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        self.ws.send(json.dumps(msg))
        wanted = self.next_id
        while wanted not in self.replies:
            self._event(json.loads(self.ws.recv()))
        reply = self.replies.pop(wanted)
        if "error" in reply:
            raise RuntimeError(f"{method}: {reply['error']}")
        return reply.get("result", {})

    def _event(self, event: dict) -> None:
        if "id" in event:  # a reply, perhaps to an outer send() while a nested one was reading
            self.replies[event["id"]] = event
            return
        self.events.append(event)
        if event.get("method") == "Fetch.requestPaused":
            params, session = event["params"], event.get("sessionId")
            url = params["request"]["url"]
            if url.startswith(("file:", "data:")):
                self.send("Fetch.continueRequest", {"requestId": params["requestId"]}, session)
            else:
                self.blocked.append(url)
                self.send(
                    "Fetch.failRequest", {"requestId": params["requestId"], "errorReason": "BlockedByClient"}, session
                )

    def open(self, url: str) -> str:
        """Open ``url`` in a new tab, wait for its load event, return the tab's session id."""
        self.blocked, self.requested = [], []
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for method, params in [
            ("Fetch.enable", {"patterns": [{"urlPattern": "*"}]}),
            ("Network.enable", {}),
            ("Page.enable", {}),
            ("Runtime.enable", {}),
            ("Log.enable", {}),
        ]:
            self.send(method, params, session)
        self.events.clear()
        self.send("Page.navigate", {"url": url}, session)
        deadline = time.monotonic() + self.timeout
        while not any(e.get("method") == "Page.loadEventFired" and e.get("sessionId") == session for e in self.events):
            if time.monotonic() > deadline:
                raise TimeoutError(f"{url} did not finish loading")
            self._event(json.loads(self.ws.recv()))
        self.requested = [
            e["params"]["request"]["url"] for e in self.events if e.get("method") == "Network.requestWillBeSent"
        ]
        return session

    def console_errors(self, session: str) -> list[str]:
        """Uncaught exceptions, console.error calls and error log entries of the page opened as ``session``."""
        out = []
        for e in self.events:
            if e.get("sessionId") != session:
                continue
            method, params = e.get("method"), e.get("params", {})
            if method == "Runtime.exceptionThrown":
                out.append(str(params.get("exceptionDetails", {}).get("text")))
            elif method == "Runtime.consoleAPICalled" and params.get("type") == "error":
                out.append(" ".join(str(a.get("value", a.get("description"))) for a in params.get("args", [])))
            elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
                out.append(str(params["entry"].get("text")))
        return out

    def evaluate(self, session: str, expression: str):
        result = self.send(
            "Runtime.evaluate", {"expression": expression, "returnByValue": True, "awaitPromise": True}, session
        )
        if "exceptionDetails" in result:
            raise RuntimeError(result["exceptionDetails"])
        return result["result"].get("value")

    def close(self) -> None:
        try:
            self.ws.close()
        except Exception:  # noqa: BLE001 - closing anyway
            pass
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


PAGE_STATE = """JSON.stringify({
  images: [...document.images].map(i => ({src: i.src.slice(0, 22), width: i.naturalWidth, complete: i.complete})),
  scripts: document.scripts.length,
  handlers: [...document.querySelectorAll('*')].flatMap(el => [...el.attributes].map(a => a.name))
              .filter(n => n.startsWith('on')),
  links: [...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href')),
  text: document.body.innerText,
  xss: window.__xss === undefined ? null : window.__xss,
})"""


def page_state(browser: DevTools, path: Path) -> dict:
    session = browser.open(path.as_uri())
    state = json.loads(browser.evaluate(session, PAGE_STATE))
    state["blocked"] = list(browser.blocked)
    state["requested"] = list(browser.requested)
    return state


def offsite(urls: list[str]) -> list[str]:
    return [u for u in urls if not u.startswith(("file:", "data:"))]


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    if CHROMIUM is None:
        pytest.skip("chromium is not on PATH (Debian: apt-get install chromium; .ci/run does this)")
    devtools = DevTools(tmp_path_factory.mktemp("chromium-profile"))
    yield devtools
    devtools.close()


@pytest.fixture(scope="session")
def sample_report(tmp_path_factory):
    """The whole report on the bundled sample, rendered once by the command users run."""
    if CHROMIUM is None:
        pytest.skip("chromium is not on PATH (Debian: apt-get install chromium; .ci/run does this)")
    out = tmp_path_factory.mktemp("sample-report") / "report"
    proc = subprocess.run(
        [sys.executable, "-m", "helpers", "report", "--out", str(out), "--no-progress"],
        capture_output=True,
        text=True,
        timeout=900,
        cwd=config.ROOT,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return out


@needs_chromium
def test_report_pages_render_offline_with_figures(sample_report, browser):
    index = page_state(browser, sample_report / "index.html")
    assert index["blocked"] == [] and offsite(index["requested"]) == []
    assert index["scripts"] == 0
    pages = [link for link in index["links"] if link.endswith(".html")]
    assert "00-quickstart.html" in pages and len(set(pages)) >= 7
    assert index["images"] and all(i["width"] > 0 for i in index["images"]), index["images"]
    assert "Conflict news kit" in index["text"] and "sha256" in index["text"].lower()

    page = page_state(browser, sample_report / "00-quickstart.html")
    assert page["blocked"] == [] and offsite(page["requested"]) == []
    assert page["scripts"] == 0 and page["handlers"] == []
    figures = [i for i in page["images"] if i["src"].startswith("data:image/png")]
    assert len(figures) >= 3 and all(i["width"] > 0 and i["complete"] for i in figures), page["images"]
    assert "all notebooks" in page["text"]  # provenance header with the way back to the index


XSS_NOTEBOOK_CELLS = [
    "corpus = h.load_corpus(CORPUS)\nassert corpus['text'].str.contains('__xss').any()",
    "h.show_table(corpus, columns=['title', 'text'])",
    "corpus[['title', 'text']]",  # pandas' own HTML repr
    "print(corpus['text'].iloc[0])",
    "corpus['title'].tolist()",
]

XSS_ARTICLE = (
    "---\ntitle: 'Shelling <img src=x onerror=\"window.__xss=1\"> reported'\ndate: 2024-11-30\nsource: hostile\n---\n"
    "Witnesses said <script>window.__xss=2</script> the town was shelled.\n\n"
    "A caption read <img src=x onerror=window.__xss=3> and <svg onload=window.__xss=4>.\n"
)


@needs_chromium
def test_article_markup_renders_as_text(tmp_path, browser):
    from test_report import parse_html, write_notebook

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "hostile.txt").write_text(XSS_ARTICLE, encoding="utf-8")
    nbs = tmp_path / "notebooks"
    write_notebook(nbs / "00-hostile.ipynb", XSS_NOTEBOOK_CELLS, title="Hostile article")
    out = tmp_path / "out"
    report.run_report(
        corpus=str(corpus), out=out, notebooks_dir=nbs, progress=False, options=report.ReportOptions(timeout=120)
    )
    html_text = (out / "00-hostile.html").read_text(encoding="utf-8")

    parsed = parse_html(html_text)
    assert [t for t, _ in parsed.tags if t == "script"] == []
    assert [(t, a) for t, a in parsed.tags for k in a if k.lower().startswith("on")] == []

    state = page_state(browser, out / "00-hostile.html")
    assert state["xss"] is None, "article markup ran in the page"
    assert state["scripts"] == 0 and state["handlers"] == []
    assert "<script>window.__xss=2</script>" in state["text"]  # visible as text
    assert "onerror=window.__xss=3" in state["text"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@needs_chromium
@pytest.mark.skipif(NODE is None, reason="node is not on PATH (needed to drive JupyterLab with playwright-core)")
@pytest.mark.skipif(not PLAYWRIGHT.is_dir(), reason=f"{PLAYWRIGHT} is absent: run `npm install` in the checkout")
def test_quickstart_runs_in_jupyterlab(tmp_path):
    notebook = config.ROOT / QUICKSTART
    if not notebook.is_file():
        pytest.fail(f"{QUICKSTART} is missing")
    before = hashlib.sha256(notebook.read_bytes()).hexdigest()
    port, token = free_port(), secrets.token_hex(16)
    settings = tmp_path / "settings"
    (settings / "@jupyterlab" / "docmanager-extension").mkdir(parents=True)
    # never write outputs back into the committed notebook
    (settings / "@jupyterlab" / "docmanager-extension" / "plugin.jupyterlab-settings").write_text(
        json.dumps({"autosave": False})
    )
    (settings / "@jupyterlab" / "notebook-extension").mkdir(parents=True)
    # every cell in the page (no windowing), so that all prompts and figures can be counted
    (settings / "@jupyterlab" / "notebook-extension" / "tracker.jupyterlab-settings").write_text(
        json.dumps({"windowingMode": "none"})
    )
    (settings / "@jupyterlab" / "apputils-extension").mkdir(parents=True)
    (settings / "@jupyterlab" / "apputils-extension" / "notification.jupyterlab-settings").write_text(
        json.dumps({"fetchNews": "false", "checkForUpdates": False})
    )
    env = {k: v for k, v in os.environ.items() if k != "MPLBACKEND"}  # the kernel draws inline
    env.update(JUPYTER_CONFIG_DIR=str(tmp_path / "config"), JUPYTER_RUNTIME_DIR=str(tmp_path / "runtime"))
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "jupyter",
            "lab",
            "--allow-root",
            "--no-browser",
            "--ip",
            "127.0.0.1",
            "--port",
            str(port),
            "--ServerApp.port_retries=0",
            f"--ServerApp.token={token}",
            f"--ServerApp.root_dir={config.ROOT}",
            f"--LabApp.user_settings_dir={settings}",
            f"--LabApp.workspaces_dir={tmp_path / 'workspaces'}",
            "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        ],
        stdout=subprocess.DEVNULL,
        stderr=open(tmp_path / "jupyter.log", "w"),
        env=env,
        cwd=config.ROOT,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    pytest.fail("jupyter lab did not start:\n" + (tmp_path / "jupyter.log").read_text()[-3000:])
                time.sleep(0.25)
        shot = tmp_path / "jupyterlab.png"
        proc = subprocess.run(
            [
                NODE,
                str(BROWSER_DIR / "jupyterlab_run_all.js"),
                "--chromium",
                CHROMIUM,
                "--url",
                f"http://127.0.0.1:{port}",
                "--token",
                token,
                "--notebook",
                QUICKSTART,
                "--profile",
                str(tmp_path / "profile"),
                "--screenshot",
                str(shot),
                "--timeout",
                "100000",
            ],
            capture_output=True,
            text=True,
            timeout=150,
            cwd=config.ROOT,
            env={**os.environ, "NODE_PATH": str(config.ROOT / "node_modules")},
        )
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
    assert proc.stdout.strip(), proc.stderr
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    context = f"{json.dumps(result)[:3000]}\nscreenshot: {shot}"
    assert result["ok"], context
    assert result["errors"] == [], context
    n_code = sum(c["cell_type"] == "code" for c in json.loads(notebook.read_text())["cells"])
    assert result["codeCells"] == n_code and result["executed"] == n_code, context
    assert result["status"] == "idle", context
    assert len([i for i in result["images"] if i["width"] > 0]) >= 3, context
    assert result["blocked"] == [], context
    assert hashlib.sha256(notebook.read_bytes()).hexdigest() == before, "JupyterLab wrote into the notebook"


@needs_chromium
@pytest.mark.slow
@pytest.mark.parametrize("name", ["guardian", "fakes"])
def test_real_corpus_reports_open_offline_without_errors(name, real_report, browser):
    """The Guardian headlines and FA-KES reports, opened with the network cut off: every page loads its
    figures, asks for nothing off the machine, logs no console error and shows no traceback."""
    out, proc = real_report(name)
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    pages = [out / "index.html"] + sorted(out.glob("0*.html"))
    assert len(pages) >= 8
    for path in pages:
        session = browser.open(path.as_uri())
        state = json.loads(browser.evaluate(session, PAGE_STATE))
        assert browser.blocked == [] and offsite(browser.requested) == [], (path.name, browser.blocked)
        assert browser.console_errors(session) == [], path.name
        assert "Traceback (most recent call last)" not in state["text"], path.name
        assert state["scripts"] == 0 and state["handlers"] == [], path.name
        images = [i for i in state["images"] if i["src"].startswith("data:image/png")]
        assert all(i["width"] > 0 and i["complete"] for i in images), (path.name, state["images"])
        if path.name != "index.html":
            assert "all notebooks" in state["text"] and images, path.name  # provenance header, figures
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "How far to trust the counts" in index and "notebooks failed" not in index
    # the explorer: its script runs without an error and asks for nothing off the machine
    assert "href='explorer.html'" in index
    session = browser.open((out / "explorer.html").as_uri())
    assert browser.evaluate(session, "window.explorer && explorer.ready") is True
    assert browser.blocked == [] and offsite(browser.requested) == [] and browser.console_errors(session) == []
