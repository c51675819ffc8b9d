"""A stand-in for GitHub's API, for driving the editing app in Chromium without a network
(tests/browser/test_admin.py, scripts/admin_screenshots.py).

Playwright's `route()` answers the app's calls to https://api.github.com from a
folder (a copy of the repository's docs/), the way GitHub's REST and GraphQL
API answer them (calls read in Sveltia CMS's source, backends/git/github/):
the signed-in user, collaborator check, default branch, last commit, the file
tree, file contents (GraphQL `object(oid:)`), blobs, and the commit
(`createCommitOnBranch`), which is recorded, not applied. For the publishing
status panel (admin/templates/publish-status.js) it also answers the branch's
head, the deploy workflow's runs (`runs`, newest first) and the open issues
(`issues`), which a test sets.

Used by tests/browser/test_admin.py and scripts/admin_screenshots.py. The user and
repository are examples (marked so), never real accounts.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

API = "https://api.github.com"
EXAMPLE_REPO = "vi-du/trang-vi-du"          # an example repository name, not a real one
EXAMPLE_USER = {"login": "can-bo-vi-du", "name": "Cán bộ (ví dụ)", "id": 1,
                "html_url": "https://github.com/can-bo-vi-du", "email": None,
                "avatar_url": "https://avatars.githubusercontent.com/u/1?v=4"}
EXAMPLE_TOKEN = "github_pat_VIDU_example_token_not_real"
HEAD = "0" * 39 + "1"
AVATARS = "https://avatars.githubusercontent.com"
AVATAR = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 2 2">'
          '<circle cx="1" cy="1" r="1" fill="#a4161a"/></svg>')


def blob_sha(data: bytes) -> str:
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


@dataclass
class FakeGitHub:
    root: Path                       # the repository root (holds docs/)
    folders: tuple[str, ...] = ("docs/guong-sang-tao", "docs/tin-tuc", "docs/anh", "docs/ke-hoach",
                                "docs/chinh-sach", "data")
    commits: list[dict] = field(default_factory=list)   # createCommitOnBranch inputs
    calls: list[str] = field(default_factory=list)
    queries: list[str] = field(default_factory=list)
    runs: list[dict] = field(default_factory=list)      # the deploy workflow's runs, newest first
    issues: list[dict] = field(default_factory=list)    # open issues, as GitHub lists them
    authorizations: list[str] = field(default_factory=list)  # the Authorization header of each call

    def __post_init__(self):
        self.files: dict[str, bytes] = {}
        for folder in self.folders:
            for path in sorted((self.root / folder).rglob("*")):
                if path.is_file():
                    self.files[path.relative_to(self.root).as_posix()] = path.read_bytes()
        self.by_sha = {blob_sha(data): data for data in self.files.values()}

    # Playwright -------------------------------------------------------------

    def install(self, context_or_page) -> None:
        context_or_page.route(f"{API}/**", self._handle)
        context_or_page.route(f"{AVATARS}/**", lambda route: route.fulfill(
            status=200, content_type="image/svg+xml", body=AVATAR))

    def _handle(self, route):
        request = route.request
        path, _, query = request.url[len(API):].partition("?")
        self.calls.append(f"{request.method} {path}")
        self.authorizations.append(request.headers.get("authorization", ""))
        if request.method == "POST" and path == "/graphql":
            body = json.loads(request.post_data or "{}")
            self.queries.append(body["query"])
            return route.fulfill(status=200, content_type="application/json",
                                 body=json.dumps({"data": self.graphql(body["query"], body.get("variables", {}))}))
        if path == "/user":
            return self._json(route, EXAMPLE_USER)
        if re.fullmatch(r"/repos/[^/]+/[^/]+/collaborators/[^/]+", path):
            return route.fulfill(status=204, body="")
        if re.fullmatch(r"/repos/[^/]+/[^/]+/git/trees/[^/]+", path):
            tree = [{"path": p, "type": "blob", "sha": blob_sha(d), "size": len(d), "mode": "100644"}
                    for p, d in self.files.items()]
            return self._json(route, {"sha": HEAD, "tree": tree, "truncated": False})
        match = re.fullmatch(r"/repos/[^/]+/[^/]+/git/blobs/([0-9a-f]+)", path)
        if match and match[1] in self.by_sha:
            return route.fulfill(status=200, content_type="application/octet-stream",
                                 body=self.by_sha[match[1]])
        if re.fullmatch(r"/repos/[^/]+/[^/]+/branches/[^/]+", path):
            return self._json(route, {"name": path.rsplit("/", 1)[1], "commit": {"sha": HEAD}})
        if re.fullmatch(r"/repos/[^/]+/[^/]+/actions/workflows/[^/]+/runs", path):
            return self._json(route, {"total_count": len(self.runs), "workflow_runs": self.runs[:1]})
        if re.fullmatch(r"/repos/[^/]+/[^/]+/issues", path):
            labels = dict(p.split("=", 1) for p in query.split("&") if "=" in p).get("labels")
            return self._json(route, [i for i in self.issues
                                      if not labels or labels in {label["name"] for label in i["labels"]}])
        if re.fullmatch(r"/repos/[^/]+/[^/]+", path):
            owner, name = EXAMPLE_REPO.split("/")
            return self._json(route, {"name": name, "full_name": EXAMPLE_REPO, "default_branch": "main",
                                      "private": False, "owner": {"login": owner},
                                      "permissions": {"admin": False, "push": True, "pull": True}})
        return self._json(route, {"message": "Not Found (example API)"}, status=404)

    @staticmethod
    def _json(route, data, status=200):
        return route.fulfill(status=status, content_type="application/json", body=json.dumps(data))

    # GraphQL ----------------------------------------------------------------

    def graphql(self, query: str, variables: dict) -> dict:
        if "createCommitOnBranch" in query:
            self.commits.append(variables["input"])
            commit = {"oid": "0" * 39 + str(len(self.commits) + 1), "committedDate": "2025-10-02T03:00:00Z"}
            for alias in re.findall(r"(file_\d+): file\(", query):
                commit[alias] = {"oid": "f" * 40}
            return {"createCommitOnBranch": {"commit": commit}}
        repo: dict = {}
        if "defaultBranchRef" in query:
            repo["defaultBranchRef"] = {"name": "main"}
        author = {"name": EXAMPLE_USER["name"], "email": "vi-du@example.invalid",
                  "user": {"id": 1, "login": EXAMPLE_USER["login"]}}
        for alias, oid in re.findall(r"(content_\d+):\s*object\(oid: \"([0-9a-f]+)\"\)", query):
            data = self.by_sha.get(oid, b"")
            repo[alias] = {"text": data.decode("utf-8", "replace")}
        for alias in re.findall(r"(commit_\d+):\s*ref\(", query):
            repo[alias] = {"target": {"history": {"nodes": [
                {"author": author, "committedDate": "2025-10-01T03:00:00Z"}]}}}
        if re.search(r"repository\(owner: \$owner, name: \$repo\)\s*\{\s*ref\(qualifiedName: \$branch\)", query):
            repo["ref"] = {"target": {"oid": HEAD, "history": {"nodes": [{"oid": HEAD, "message": "Ví dụ"}]}}}
        return {"repository": repo}


def deploy_run(conclusion: str | None, head_sha: str = HEAD, hours_ago: float = 1) -> dict:
    """A run of the deploy workflow as GitHub lists it: completed with `conclusion`, or running (None)."""
    updated = dt.datetime.now(dt.timezone.utc) - dt.timedelta(hours=hours_ago)
    return {"id": 42, "head_sha": head_sha, "status": "completed" if conclusion else "in_progress",
            "conclusion": conclusion, "updated_at": updated.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "html_url": f"https://github.com/{EXAMPLE_REPO}/actions/runs/42"}


def committed_files(commit: dict) -> dict[str, bytes]:
    """path -> contents of one recorded commit's additions."""
    return {a["path"]: base64.b64decode(a["contents"]) for a in commit["fileChanges"]["additions"]}


# Driving the app -------------------------------------------------------------

class AdminApp:
    """The editing app in a Playwright page, driven as staff use it (labels from its UI)."""

    SIGN_IN = "Đăng nhập bằng mã truy cập"

    def __init__(self, page, admin_url: str):
        self.page, self.url = page, admin_url

    def open(self):
        self.page.goto(self.url, wait_until="networkidle")
        self.page.get_by_role("button", name=self.SIGN_IN).wait_for()
        return self

    def sign_in(self, token: str = EXAMPLE_TOKEN):
        self.page.get_by_role("button", name=self.SIGN_IN).click()
        self.page.get_by_role("textbox", name="Mã truy cập cá nhân").fill(token)
        self.page.get_by_role("button", name="Đăng nhập", exact=True).click()
        # The collections list: the site's content is loaded.
        self.page.get_by_text("Chuyên mục", exact=True).wait_for()
        return self

    def reopen(self):
        """The app taken back to its list of collections, by its own navigation: nothing left open
        of what the last test had open. Not reloaded: a reload parsed the app and read the whole
        repository again, 1.4 CPU-seconds a test. What earlier tests saved stays in the app's
        memory, as it would for staff; no test saves a file an earlier one saved (test_admin.saved)."""
        self.page.evaluate("location.hash = '#/collections/news'")
        self.page.get_by_text("Chuyên mục", exact=True).wait_for()
        return self

    def new_entry(self, collection: str, first_field: str = "title"):
        self.page.evaluate(f"location.hash = '#/collections/{collection}/new'")
        self.field(first_field).wait_for()
        return self

    PANES = ("#first-pane-body", "#second-pane-body")

    def field(self, key: str, pane: int = 0):
        """A field's section in the left (0, Vietnamese) or right (1, English) pane."""
        return self.page.locator(f'{self.PANES[pane]} section[data-key-path="{key}"]').first

    def show_english(self, first_field: str = "title"):
        """The right-hand pane shows the English side, beside the Vietnamese one."""
        self.page.get_by_role("radio", name="Tiếng Anh").last.click()
        self.field(first_field, 1).locator("input").wait_for()

    def reach(self, key: str, pane: int = 0):
        """A field's section, scrolled to: fields far down the form are drawn when scrolled to."""
        for _ in range(20):
            if self.field(key, pane).count():
                break
            self.page.locator(self.PANES[pane]).hover()
            self.page.mouse.wheel(0, 800)
        section = self.field(key, pane)
        section.scroll_into_view_if_needed()
        return section

    def type(self, key: str, text: str, pane: int = 0):
        self.reach(key, pane).locator("input, textarea, [contenteditable=true]").first.fill(text)

    def choose(self, key: str, label: str):
        self.field(key).scroll_into_view_if_needed()
        self.field(key).get_by_role("combobox").click()
        self.page.get_by_role("option", name=label, exact=True).click()

    def date(self, key: str, iso: str, pane: int = 0):
        self.reach(key, pane).locator('input[type="date"]').fill(iso)

    def switch_on(self, key: str):
        self.reach(key).get_by_role("switch").click()

    def upload_photo(self, key: str, path: Path):
        self.field(key).get_by_role("button", name="Duyệt tệp").click()
        self.page.locator("input[type=file]").last.set_input_files(str(path))
        self.page.get_by_role("button", name="Chèn").click()
        self.field(key).locator("img").first.wait_for()

    def save(self):
        self.page.get_by_role("button", name="Lưu", exact=True).click()
