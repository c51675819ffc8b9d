"""Reading aids (issue 15): "Nghe"/"Listen" reads the page aloud, "A−"/"A+" sets the text size.

Headless Chromium has no voices, so each test replaces speechSynthesis with a
stand-in (an init script, which Playwright runs before the page's own scripts
and which the page's CSP does not block): it records every utterance and fires
its events when the test says so, so the order of what is spoken is checked
piece by piece. Its voices arrive late, with `voiceschanged`, as in Chrome.
"""

from __future__ import annotations

import json
import re

import pytest
import yaml

from support.sites import heading

from support.page_walk import Visit
from support.site_settings import data
from support.page_walk import AXE, AXE_RUN, AXE_TAGS, FRAMES

from support.sites import ROOT  # noqa: E402
READING = data("data/site.yml")["reading"]
STEPS = READING["text_scale"]
PHONE_320 = {"viewport": {"width": 320, "height": 640}, "is_mobile": True, "has_touch": True}
# Reading pages of each kind, in both languages where they exist.
READING_PAGES = ["", "ke-hoach/2025/", "en/ke-hoach/2025/", "chinh-sach/nghi-quyet-57/", "viie-2025/",
                 "guong-sang-tao/", "tin-tuc/2025-09-23-tom-tat-ke-hoach-huong-ung/", "lien-he/", "en/lien-he/"]
VI_VOICES = [{"lang": "vi-VN", "name": "Tiếng Việt", "localService": True}]
BOTH_VOICES = VI_VOICES + [{"lang": "en-GB", "name": "English (UK)", "localService": True}]


def labels(lang: str) -> dict[str, str]:
    """This site's interface strings for reading aloud (data/strings/)."""
    table = yaml.safe_load((ROOT / "data" / "strings" / f"{lang}.yml").read_text(encoding="utf-8"))["site"]
    return {key.removeprefix("reading."): value for key, value in table.items() if key.startswith("reading.")}


# A stand-in for the Web Speech API. speak() queues; the test calls
# __speech.finish() to end the piece being spoken (its "end" event), as an engine
# would when it has said it; cancel() ends it with an "interrupted" error, as Chrome does.
# An empty utterance ends at once and is counted apart (`silent`), not in `spoken`.
STUB = """
(voices => {
  const fire = (target, type, extra) => {
    const event = Object.assign(new Event(type), extra || {});
    target.dispatchEvent(event);
    if (typeof target["on" + type] === "function") target["on" + type](event);
  };
  class Utterance extends EventTarget {
    constructor(text) { super(); Object.assign(this, {text: text || "", lang: "", voice: null, rate: 1, pitch: 1, volume: 1}); }
  }
  class Synth extends EventTarget {
    constructor() { super(); Object.assign(this, {voices: [], queue: [], current: null, spoken: [], cancels: 0, onvoiceschanged: null}); }
    get speaking() { return !!this.current; }
    get pending() { return this.queue.length > 0; }
    get paused() { return false; }
    getVoices() { return this.voices.slice(); }
    speak(u) { this.queue.push(u); this._next(); }
    _next() {
      if (this.current || !this.queue.length) return;
      const u = this.current = this.queue.shift();
      if (!u.text.trim()) {  // nothing to say: over at once, as in real engines
        this.silent = (this.silent || 0) + 1;
        fire(u, "start"); this.current = null; fire(u, "end"); return this._next();
      }
      this.spoken.push({text: u.text, lang: u.lang, voice: u.voice && u.voice.lang, rate: u.rate});
      fire(u, "start");
    }
    finish() { const u = this.current; this.current = null; if (u) fire(u, "end"); this._next(); }
    cancel() {
      this.cancels++;
      const u = this.current, queued = this.queue;
      this.current = null; this.queue = [];
      if (u) fire(u, "error", {error: "interrupted"});
      queued.forEach(q => fire(q, "error", {error: "canceled"}));
    }
    pause() {} resume() {}
  }
  const synth = new Synth();
  Object.defineProperty(window, "speechSynthesis", {value: synth, configurable: true});
  window.SpeechSynthesisUtterance = Utterance;
  window.__speech = synth;
  // Voices arrive after the page has loaded, as in Chrome.
  addEventListener("load", () => setTimeout(() => {
    synth.voices = voices.map(v => Object.assign({default: false, voiceURI: v.name}, v));
    synth.ready = true;
    fire(synth, "voiceschanged");
  }, 50));
})(%s);
"""
NO_SPEECH = "delete Window.prototype.speechSynthesis; delete window.speechSynthesis;"


@pytest.fixture
def open_page(visit):
    """open_page(path, voices=None, **context options) -> Visit; voices=None: the real API.

    The page's init script is the stand-in with those voices (then `init`, if given).
    """
    def open_(path: str, voices=None, init: str | None = None, wait: str = "settled", **options) -> Visit:
        # "load" where the test then presses the button and awaits what it does; "settled" (no
        # request left in flight) where it checks that something did not happen.
        scripts = ([STUB % json.dumps(voices)] if voices is not None else []) + ([init] if init else [])
        v = visit(path, wait=wait, init_script="\n".join(scripts) or None, **options)
        if voices is not None:
            v.page.wait_for_function("() => window.__speech.ready")
        return v

    return open_


def spoken(v: Visit) -> list[dict]:
    return v.page.evaluate("window.__speech.spoken")


def started(v: Visit) -> None:
    """Wait for the first piece: the first press loads the speech code (listen.js)."""
    v.page.wait_for_function("() => window.__speech.spoken.length > 0")


def blocks(soup, stop_before: str = "table") -> list[str]:
    """The plan's first text blocks as a reader sees them, up to its first table."""
    art = soup.select_one(".md-content article")
    found = []
    for el in art.find_all(["h1", "h2", "h3", "p", "li", stop_before]):
        if el.name == stop_before:
            break
        if el.find_parent(attrs={"data-reading-tools": True}) or el.has_attr("hidden"):
            continue
        found.append(heading(el) if el.name[0] == "h" else normal(el.get_text("")))
    return [b for b in found if b]


def normal(words: str) -> str:
    return " ".join(words.split())


# Listening (the tools in the built pages: tests/build/test_listen_markup.py) ---------

@pytest.mark.browser
def test_nghe_reads_the_plan_in_vietnamese_from_its_first_paragraphs_in_order(open_page, soup_of):
    v = open_page("ke-hoach/2025/", voices=VI_VOICES, wait="load")
    button = v.page.get_by_role("button", name=labels("vi")["listen"], exact=True)
    button.click()
    started(v)
    expected = blocks(soup_of("ke-hoach/2025/"))
    assert len(expected) >= 5
    target = normal(" ".join(expected[:5]))
    said = []
    while len(normal(" ".join(said))) < len(target):
        said = [u["text"] for u in spoken(v)]
        # The piece being read is highlighted, and on screen.
        lit = v.page.locator(".reading-now")
        assert lit.count() == 1 and said[-1] in normal(lit.inner_text())
        assert lit.evaluate("e => { const r = e.getBoundingClientRect(); return r.bottom > 0 && r.top < innerHeight; }")
        v.page.evaluate("window.__speech.finish()")
    assert normal(" ".join(said)).startswith(target)
    assert said[0] == expected[0]  # the title first
    utterances = spoken(v)
    assert {u["lang"] for u in utterances} == {"vi"} and {u["voice"] for u in utterances} == {"vi-VN"}
    assert all(len(u["text"]) <= READING["chunk"] for u in utterances)
    assert v.console_errors == [] and v.third_party == []


@pytest.mark.browser
def test_long_paragraphs_are_spoken_in_pieces_and_nothing_is_left_out(open_page):
    v = open_page("ke-hoach/2025/", voices=VI_VOICES, wait="load")
    v.page.locator("[data-listen-toggle]").click()
    started(v)
    # Read the whole page: each piece ends, the next begins, until the reading ends.
    v.page.evaluate("""() => new Promise(done => {
      const step = () => { if (!window.__speech.current) return done(); window.__speech.finish(); setTimeout(step); };
      step();
    })""")
    utterances = spoken(v)
    assert all(0 < len(u["text"]) <= READING["chunk"] for u in utterances)
    heard = normal(" ".join(u["text"] for u in utterances))
    # Every paragraph of the plan's full text is heard, whole, in order.
    paragraphs = [normal(t) for t in v.page.locator(".plan-text p").all_inner_texts() if t.strip()]
    assert len(paragraphs) > 5
    position = 0
    for paragraph in paragraphs:
        found = heard.find(paragraph, position)
        assert found >= 0, paragraph
        position = found + len(paragraph)
    # Nothing from the menu, the footer or the controls.
    assert labels("vi")["listen"] not in heard.split()
    footer = normal(v.page.locator(".md-footer").inner_text())
    assert footer not in heard
    assert v.page.get_by_role("button", name=labels("vi")["listen"], exact=True).is_visible()
    assert v.page.locator(".reading-now").count() == 0


@pytest.mark.browser
def test_pause_resume_and_stop_do_what_they_say(open_page, soup_of):
    t = labels("vi")
    v = open_page("ke-hoach/2025/", voices=VI_VOICES, wait="load")
    toggle = v.page.locator("[data-listen-toggle]")
    toggle.click()
    started(v)
    v.page.evaluate("window.__speech.finish()")
    assert len(spoken(v)) == 2
    interrupted = spoken(v)[-1]["text"]
    # Pause: the voice stops, nothing more is said; the button now offers to resume.
    v.page.get_by_role("button", name=t["pause"], exact=True).click()
    assert v.page.evaluate("window.__speech.speaking") is False
    assert len(spoken(v)) == 2
    assert toggle.inner_text() == t["resume"]
    assert v.page.get_by_role("status").inner_text() == t["status.paused"]
    # Resume: the interrupted piece again, then on in order.
    v.page.get_by_role("button", name=t["resume"], exact=True).click()
    assert spoken(v)[-1]["text"] == interrupted and len(spoken(v)) == 3
    v.page.evaluate("window.__speech.finish()")
    assert len(spoken(v)) == 4 and spoken(v)[-1]["text"] != interrupted
    # Stop: silence, no highlight, the button back to its first name, focus kept on it.
    v.page.get_by_role("button", name=t["stop"], exact=True).click()
    assert v.page.evaluate("window.__speech.speaking") is False
    assert v.page.locator(".reading-now").count() == 0
    assert toggle.inner_text() == t["listen"]
    assert not v.page.locator("[data-listen-stop]").is_visible()
    assert toggle.evaluate("e => e === document.activeElement")
    # Listening again starts from the top.
    toggle.click()
    assert spoken(v)[-1]["text"] == blocks(soup_of("ke-hoach/2025/"))[0]


@pytest.mark.browser
def test_the_keyboard_works_the_button(open_page):
    t = labels("vi")
    v = open_page("ke-hoach/2025/", voices=VI_VOICES, wait="load")
    toggle = v.page.locator("[data-listen-toggle]")
    toggle.focus()
    v.page.keyboard.press("Enter")
    started(v)
    assert len(spoken(v)) == 1 and toggle.inner_text() == t["pause"]
    v.page.keyboard.press("Space")
    assert toggle.inner_text() == t["resume"]


@pytest.mark.browser
def test_leaving_the_page_stops_the_reading(open_page, server):
    v = open_page("ke-hoach/2025/", voices=VI_VOICES, wait="load")
    v.page.locator("[data-listen-toggle]").click()
    started(v)
    cancels = v.page.evaluate("window.__speech.cancels")
    # pagehide fires on the page being left; record what it did before the next one loads.
    v.page.evaluate("addEventListener('pagehide', () => sessionStorage.setItem('after', "
                    "JSON.stringify([window.__speech.speaking, window.__speech.cancels])))")
    v.page.goto(server + "lien-he/", wait_until="load")
    speaking, after = json.loads(v.page.evaluate("sessionStorage.getItem('after')"))
    assert speaking is False and after > cancels


@pytest.mark.browser
def test_english_pages_speak_english(open_page, soup_of):
    v = open_page("en/ke-hoach/2025/", voices=BOTH_VOICES, wait="load")
    v.page.get_by_role("button", name=labels("en")["listen"], exact=True).click()
    started(v)
    v.page.evaluate("window.__speech.finish()")
    utterances = spoken(v)
    assert utterances[0]["text"] == blocks(soup_of("en/ke-hoach/2025/"))[0]
    assert {u["lang"] for u in utterances} == {"en"} and {u["voice"] for u in utterances} == {"en-GB"}
    assert v.page.get_by_role("button", name=labels("en")["pause"], exact=True).is_visible()


@pytest.mark.browser
@pytest.mark.parametrize("path, voices", [
    ("ke-hoach/2025/", []),                                               # no voice at all
    ("ke-hoach/2025/", [{"lang": "en-US", "name": "English", "localService": True}]),  # none for Vietnamese
    ("en/ke-hoach/2025/", VI_VOICES),                                     # none for English
])
def test_without_a_voice_for_the_page_language_there_is_no_button(open_page, path, voices):
    v = open_page(path, voices=voices)
    assert v.page.locator("[data-reading-tools]").is_visible()  # text size still offered
    assert not v.page.locator("[data-listen-toggle]").is_visible()
    assert v.page.get_by_role("button", name=re.compile("^(Nghe|Listen)$")).count() == 0


@pytest.mark.browser
def test_without_speech_synthesis_there_is_no_button(open_page):
    v = open_page("ke-hoach/2025/", init=NO_SPEECH)
    assert v.page.evaluate("'speechSynthesis' in window") is False
    assert v.page.locator("[data-size-step]").first.is_visible()
    assert not v.page.locator("[data-listen-toggle]").is_visible()
    assert v.console_errors == []


@pytest.mark.browser
def test_without_javascript_there_are_no_reading_tools(open_page):
    v = open_page("ke-hoach/2025/", java_script_enabled=False)
    assert not v.page.locator("[data-reading-tools]").is_visible()
    assert v.page.locator("[data-reading-tools] button:visible").count() == 0
    assert v.page.locator("h1").is_visible()


@pytest.mark.browser
def test_the_speech_code_loads_only_when_nghe_is_pressed(open_page):
    v = open_page("", voices=VI_VOICES)
    assert not any(u.endswith("/listen.js") for u in v.requests)
    v.page.locator("[data-listen-toggle]").click()
    started(v)
    assert any(u.endswith("/listen.js") for u in v.requests)
    # Speaking started within the press (silently), as Safari on iPhone needs.
    assert v.page.evaluate("window.__speech.silent") == 1


# Text size ------------------------------------------------------------------

def font_size(v: Visit, selector: str = ".md-content article") -> float:
    return v.page.locator(selector).first.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")


def layout_shifts(v: Visit) -> list[str]:
    """The page's layout shifts so far (Chromium's layout-shift entries): what moved, how far."""
    return v.page.evaluate("""() => new Promise(done => {
      const shifts = [];
      const observer = new PerformanceObserver(() => {});
      observer.observe({type: "layout-shift", buffered: true});
      requestAnimationFrame(() => requestAnimationFrame(() => {
        for (const e of observer.takeRecords()) if (!e.hadRecentInput) shifts.push(e.value + " " +
          e.sources.map(s => s.node && (s.node.outerHTML || s.node.textContent || "").slice(0, 80)).join(" | "));
        done(shifts);
      }));
    })""")


@pytest.mark.browser
def test_text_size_persists_across_pages_and_reloads_and_nothing_jumps(open_page, server):
    v = open_page("", voices=VI_VOICES, wait="load")
    smaller, larger = v.page.locator('[data-size-step="-1"]'), v.page.locator('[data-size-step="1"]')
    normal_size = font_size(v)
    assert smaller.get_attribute("aria-disabled") == "true"
    larger.click()
    larger.click()
    assert v.page.locator("html").get_attribute("data-text-size") == "2"
    assert font_size(v) == pytest.approx(normal_size * STEPS[2], rel=0.02)
    assert v.page.get_by_role("status").inner_text() != ""
    # Another page, then a reload: the same size, already at the first paint.
    v.page.goto(server + "ke-hoach/2025/", wait_until="load")
    v.page.wait_for_function("() => window.__speech.ready")
    assert v.page.locator("html").get_attribute("data-text-size") == "2"
    plan_size = font_size(v)
    v.page.reload(wait_until="load")
    v.page.wait_for_function("() => window.__speech.ready")
    assert font_size(v) == plan_size
    assert layout_shifts(v) == []  # applied before the first paint; "Nghe" appearing moves nothing
    for _ in range(len(STEPS) - 1 - 2):
        larger.click()
    assert larger.get_attribute("aria-disabled") == "true"
    larger.click(force=True)  # at the largest size, "A+" does nothing
    assert v.page.locator("html").get_attribute("data-text-size") == str(len(STEPS) - 1)
    for _ in range(len(STEPS) - 1):
        smaller.click()
    assert smaller.get_attribute("aria-disabled") == "true"
    smaller.click(force=True)
    assert font_size(v) == pytest.approx(normal_size, rel=0.02)
    assert v.page.locator("html").get_attribute("data-text-size") == "0"
    assert v.console_errors == [] and v.third_party == []


# One test per page, so the pages are shared out between the xdist workers. On each, "A+" steps
# through every size in place: the size a later page opens at is checked above.
@pytest.mark.browser
@pytest.mark.parametrize("path", READING_PAGES)
def test_every_text_size_reflows_at_320px_and_passes_axe(open_page, path):
    # bypass_csp: axe is injected by the test, not served by the site.
    v = open_page(path, voices=BOTH_VOICES, bypass_csp=True, **PHONE_320, wait="load")
    v.page.evaluate(AXE.read_text(encoding="utf-8"))
    found = {}
    for step in range(len(STEPS)):
        if step:
            v.page.locator('[data-size-step="1"]').click()
        assert v.page.locator("html").get_attribute("data-text-size") == str(step)
        v.page.evaluate(FRAMES)  # laid out at that size
        width = v.page.evaluate("document.documentElement.scrollWidth")
        if width > 320:
            found[step] = [f"scrollWidth {width}"]
        for violation in v.page.evaluate(AXE_RUN, AXE_TAGS)["violations"]:
            targets = [", ".join(node["target"]) for node in violation["nodes"]][:3]
            found.setdefault(step, []).append(f"{violation['id']}: {targets}")
    assert found == {}, f"{path} at each size step: {found}"


SETTLED = """() => new Promise(done => {
  let last = null;
  (function check() {
    const now = window.scrollY;
    if (now === last) done(); else { last = now; requestAnimationFrame(() => requestAnimationFrame(check)); }
  })();
})"""


@pytest.mark.browser
def test_while_reading_the_page_still_passes_axe(open_page):
    source = AXE.read_text(encoding="utf-8")
    v = open_page("ke-hoach/2025/", voices=VI_VOICES, bypass_csp=True, **PHONE_320, wait="load")
    v.page.locator("[data-listen-toggle]").click()
    started(v)
    for _ in range(3):
        v.page.evaluate("window.__speech.finish()")
    assert v.page.locator("[data-listen-stop]").is_visible()
    assert v.page.evaluate("document.documentElement.scrollWidth") <= 320
    # Reading scrolls the block read into view, smoothly: axe must see the page once it has come
    # to rest (the same scroll position two frames running), not text passing under the header.
    v.page.evaluate(SETTLED)
    v.page.evaluate(source)
    result = v.page.evaluate(AXE_RUN, AXE_TAGS)
    assert [(violation["id"], [", ".join(n["target"]) for n in violation["nodes"]][:3])
            for violation in result["violations"]] == []
