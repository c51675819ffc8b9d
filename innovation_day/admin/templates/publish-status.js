// The publishing status beside the editing app (site/admin/publish-status.js, from
// innovation_day/admin/templates/): is the latest change on the branch published, and if
// not, which file and field block it. Runs once staff are signed in, with the token the
// app keeps in this browser (localStorage "sveltia-cms.user", read in Sveltia CMS's
// source), so nothing is asked of GitHub before sign-in. Reads, from GitHub's API (the
// page's CSP allows only api.github.com): the branch's head, the deploy workflow's latest
// run on it and, when that failed, the open issue labelled "chua-dang" that
// scripts/publishing_issue.py keeps, whose error lines it lists. The words are the page's
// (templates/admin.html); this only picks a state and fills in text, never HTML.
(() => {
  "use strict";
  const panel = document.getElementById("publish-status");
  if (!panel) return;
  const { repo, branch, workflow } = panel.dataset;
  const API = `https://api.github.com/repos/${repo}/`;
  const BOT = "github-actions[bot]";
  const LABEL = "chua-dang";
  const ERRORS = /<!-- errors -->\n([\s\S]*?)\n<!-- \/errors -->/;
  const LINE = /^- (\S[^›]*?) › ([^:›]+?): (.+ \/ .+)$/;
  const EVERY = 60 * 1000;          // one check a minute while signed in (3 calls of 5,000 an hour)
  const STALE = 36 * 3600 * 1000;   // the daily rebuild missed more than one day
  let lastCheck = 0;

  const token = () => {
    try {
      const user = JSON.parse(localStorage.getItem("sveltia-cms.user") || "null");
      return user && typeof user.token === "string" && user.token ? user.token : null;
    } catch {
      return null;
    }
  };

  const get = async (path, key) => {
    const response = await fetch(API + path, {
      headers: { Accept: "application/vnd.github+json", Authorization: `Bearer ${key}` },
      cache: "no-store",
    });
    if (!response.ok) throw new Error(`${path}: ${response.status}`);
    return response.json();
  };

  const errorLines = (body) => {
    const block = ERRORS.exec((body || "").replace(/\r\n/g, "\n"));
    return block ? block[1].split("\n").map((line) => LINE.exec(line)).filter(Boolean) : [];
  };

  const show = (state, run, lines = []) => {
    for (const part of panel.querySelectorAll("[data-state]")) {
      part.hidden = part.dataset.state !== state;
    }
    const when = panel.querySelector("[data-when]");
    when.hidden = !run;
    // Published, but not rebuilt for more than a day: the daily rebuild has stopped.
    const stale = Boolean(run) && state === "published" && Date.now() - Date.parse(run.updated_at) > STALE;
    panel.querySelector('[data-state="stale"]').hidden = !stale;
    if (run) {
      const time = when.querySelector("time");
      time.dateTime = run.updated_at;
      time.textContent = new Date(run.updated_at).toLocaleString("vi-VN");
      panel.querySelector("[data-run]").href = run.html_url;
    }
    const list = panel.querySelector("[data-errors]");
    list.replaceChildren(...lines.map(([, file, field, message]) => {
      const item = document.createElement("li");
      const where = document.createElement("code");
      where.textContent = `${file} › ${field}`;
      item.append(where, `: ${message}`);
      return item;
    }));
    panel.querySelector("[data-no-errors]").hidden = lines.length > 0;
    panel.dataset.status = state;
    // Open by itself when something must be fixed or told.
    panel.querySelector("details").open = state === "blocked" || stale;
    panel.hidden = false;
  };

  const check = async (key) => {
    lastCheck = Date.now();
    try {
      const [head, runs] = await Promise.all([
        get(`branches/${encodeURIComponent(branch)}`, key),
        get(`actions/workflows/${workflow}/runs?branch=${encodeURIComponent(branch)}&per_page=1`, key),
      ]);
      const run = runs.workflow_runs && runs.workflow_runs[0];
      if (!run) return show("unknown");
      if (run.head_sha !== head.commit.sha || run.status !== "completed") return show("publishing", run);
      if (run.conclusion === "success") return show("published", run);
      const issues = await get(`issues?state=open&labels=${LABEL}&per_page=10`, key);
      const issue = issues.find((i) => i.user && i.user.login === BOT && !i.pull_request);
      return show("blocked", run, issue ? errorLines(issue.body) : []);
    } catch {
      return show("unknown");
    }
  };

  // No network until signed in; checked again a minute later, and when the tab comes back.
  const tick = () => {
    const key = token();
    if (!key) {
      panel.hidden = true;
      lastCheck = 0;
    } else if (Date.now() - lastCheck >= EVERY) {
      check(key);
    }
  };
  tick();
  setInterval(tick, 2000);
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible") lastCheck = 0;
  });
})();
