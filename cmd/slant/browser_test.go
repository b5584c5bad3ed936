package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/slant-news/slant/report"
)

// chartIDs are the chart containers report.html must fill.
var chartIDs = []string{
	"chart-time-mentions", "chart-time-tone", "chart-time-voice",
	"chart-sentiment", "chart-voice", "chart-mentions", "chart-heatmap", "chart-salience", "chart-balance",
}

// recorder goes first in the page's head, in the test's copy only. It
// writes any uncaught script error into the DOM, where the dump shows it;
// once the page is ready, it saves every chart as PNG and SVG and its data
// as CSV, as the toolbox buttons do, notes what came out (an SVG holding
// markup from the input does not count as saved, and a CSV cell a
// spreadsheet would run as a formula is noted), and opens every
// article's evidence.
const recorder = `<script>
window.addEventListener("error", function (e) { document.documentElement.setAttribute("data-js-error", String(e.message)); });
window.addEventListener("unhandledrejection", function (e) { document.documentElement.setAttribute("data-js-error", String(e.reason)); });
window.addEventListener("load", function () {
  var root = document.documentElement;
  window.slant.ready.then(function () {
    window.slant.drawAll();
    var saved = [];
    Object.keys(window.slant.charts).sort().forEach(function (id) {
      var png = window.slant.png(id), svg = window.slant.svg(id), csv = window.slant.csv(id);
      saved.push(id + " png=" + (png.indexOf("data:image/png;base64,") === 0 && png.length > 1000) +
        " svg=" + (/^<svg[^>]*xmlns/.test(svg) && svg.indexOf("</svg>") > 0 && !/<(script|img|iframe)/i.test(svg)) +
        " csv=" + (csv.split("\n").length - 2) +
        " formula=" + /(^|[,\n"])[=+@]/.test(csv));
    });
    root.setAttribute("data-saved", saved.join(";"));
    return window.slant.openAll();
  }).then(function () {
    root.setAttribute("data-opened", String(document.querySelectorAll("#articles .evidence li").length));
  }).catch(function (e) { root.setAttribute("data-js-error", String(e)); });
});
</script>`

// chromium runs headless Chromium with networking off and returns what it
// printed on stdout and stderr.
func chromium(t *testing.T, bin string, args ...string) (stdout, stderr string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	base := []string{
		"--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
		"--no-first-run", "--disable-component-update", "--disable-sync", "--hide-scrollbars",
		"--user-data-dir=" + t.TempDir(), "--virtual-time-budget=5000",
		"--enable-logging=stderr", "--v=0",
	}
	cmd := exec.CommandContext(ctx, bin, append(base, args...)...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("chromium: %v\n%s", err, errb.String())
	}
	return out.String(), errb.String()
}

// scriptBodies matches what script elements hold: ECharts' own source
// mentions <img and the like, which are not elements of the page.
var scriptBodies = regexp.MustCompile(`(?s)(<script[^>]*>).*?(</script>)`)

func stripScripts(s []byte) []byte { return scriptBodies.ReplaceAll(s, []byte("$1$2")) }

var consoleError = regexp.MustCompile(`(?m)^.*(Uncaught|CONSOLE.*[Ee]rror).*$`)

// TestReportInBrowser opens report.html in headless Chromium, for the demo
// corpus and for testdata/xss, and checks that every chart drew, that no
// script failed and that no injection probe ran. With -update it also
// saves a screenshot of the demo report as testdata/report.png.
func TestReportInBrowser(t *testing.T) {
	bin, err := exec.LookPath("chromium")
	if err != nil {
		t.Skip("chromium is not installed (apt-get install chromium): the report is not checked in a browser")
	}
	root := repoRoot(t)
	t.Chdir(root)
	tests := []struct {
		name string
		args []string
	}{
		{"demo", []string{"testdata/corpus"}},
		{"xss", []string{"-actors", "testdata/xss/actors.yaml", "testdata/xss"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := t.TempDir()
			var stderr bytes.Buffer
			args := append([]string{"analyze", "-quiet", "-out", out}, tt.args...)
			if code := run(args, nil, io.Discard, &stderr); code != 0 {
				t.Fatalf("slant %v: exit %d\n%s", args, code, stderr.String())
			}
			page, err := os.ReadFile(filepath.Join(out, report.HTMLFile))
			if err != nil {
				t.Fatal(err)
			}
			// Self-contained: nothing to fetch.
			if m := regexp.MustCompile(`(?i)<(script|link|img|iframe)[^>]+(src|href)=`).Find(stripScripts(page)); m != nil {
				t.Errorf("the report loads a resource: %s", m)
			}
			probe := filepath.Join(out, "probe.html")
			withRecorder := bytes.Replace(page, []byte("<head>"), []byte("<head>\n"+recorder), 1)
			if err := os.WriteFile(probe, withRecorder, 0o666); err != nil {
				t.Fatal(err)
			}
			full, logs := chromium(t, bin, "--dump-dom", "file://"+probe)
			dom := string(stripScripts([]byte(full)))

			if m := regexp.MustCompile(`data-js-error="[^"]*"`).FindString(dom); m != "" {
				t.Errorf("a script failed: %s", m)
			}
			for _, line := range consoleError.FindAllString(logs, -1) {
				t.Errorf("console: %s", line)
			}
			for _, id := range chartIDs {
				i := strings.Index(dom, `id="`+id+`"`)
				if i < 0 {
					t.Errorf("no chart %s in the page", id)
					continue
				}
				rest := dom[i:]
				if end := strings.Index(rest, "</section>"); end >= 0 {
					rest = rest[:end]
				}
				if !strings.Contains(rest, "<canvas") {
					t.Errorf("chart %s drew no canvas", id)
				}
			}
			// The probes would set the title to PWNED or add elements.
			if title := regexp.MustCompile(`<title>([^<]*)</title>`).FindStringSubmatch(dom); title == nil || title[1] != "slant report" {
				t.Errorf("page title %q, want %q: an injected script ran", title, "slant report")
			}
			for _, tag := range []string{"<img", "<svg", "<b>"} {
				if strings.Contains(dom, tag) {
					t.Errorf("the page holds a %s element: markup from the input was not escaped", tag)
				}
			}
			if n := strings.Count(dom, "<script"); n != 6 { // recorder, ECharts, evidence, data, rows, ours
				t.Errorf("%d script elements, want 6: markup from the input became a script", n)
			}
			if tt.name == "xss" && !strings.Contains(dom, "&lt;/script&gt;&lt;script&gt;document.title=") {
				t.Error("the probe's text is not on the page as text")
			}
			checkSaved(t, dom, tt.name == "demo")

			if tt.name == "demo" && *update {
				shot := filepath.Join(root, "testdata", "report.png")
				chromium(t, bin, "--window-size=1280,3400", "--screenshot="+shot, "file://"+filepath.Join(out, report.HTMLFile))
			}
		})
	}
}

// checkSaved checks what the recorder noted in the DOM: every chart saved
// as PNG, SVG and CSV, the evidence of every article opened, and for the
// demo corpus its four days.
func checkSaved(t *testing.T, dom string, demo bool) {
	t.Helper()
	saved := regexp.MustCompile(`data-saved="([^"]*)"`).FindStringSubmatch(dom)
	if saved == nil {
		t.Error("the charts were not saved: the page never got ready")
		return
	}
	for _, id := range chartIDs {
		re := regexp.MustCompile(`(^|;)` + id + ` png=true svg=true csv=([0-9]+) formula=false(;|$)`)
		if m := re.FindStringSubmatch(saved[1]); m == nil || m[2] == "0" {
			t.Errorf("saving %s: %q", id, saved[1])
		}
	}
	opened := regexp.MustCompile(`data-opened="([0-9]+)"`).FindStringSubmatch(dom)
	if opened == nil || opened[1] == "0" {
		t.Errorf("no evidence opened: %v", opened)
	}
	if !strings.Contains(dom, `<mark class="a`) {
		t.Error("the opened evidence highlights no mention")
	}
	if demo {
		// The demo corpus spans four days: a point per day and actor.
		if !strings.Contains(saved[1], "chart-time-mentions png=true svg=true csv=16 formula=false;") {
			t.Errorf("the chart over time does not show four days of four actors: %s", saved[1])
		}
		for _, day := range []string{"2025-02-18", "2025-02-19", "2025-02-20", "2025-02-21"} {
			if !strings.Contains(dom, `<td class="date">`+day) {
				t.Errorf("no article of %s in the table", day)
			}
		}
	}
}

// MaxSampleReport is the most report.html may weigh for the 2,000 real
// articles of ../shared/eval/corpora/abp-sample-2000.jsonl (144 outlets).
const MaxSampleReport = 5 << 20

// TestReportSize holds the report of the 2,000-article sample to
// MaxSampleReport (skipped without ../shared/eval). How fast it opens is
// measured, not tested: see the README.
func TestReportSize(t *testing.T) {
	root := repoRoot(t)
	sample := filepath.Join(root, "..", "shared", "eval", "corpora", "abp-sample-2000.jsonl")
	if _, err := os.Stat(sample); err != nil {
		t.Skipf("%v: the report's size at scale is not checked", err)
	}
	if testing.Short() {
		t.Skip("-short: the sample takes seconds")
	}
	out := t.TempDir()
	var stderr bytes.Buffer
	if code := run([]string{"analyze", "-quiet", "-out", out, sample}, nil, io.Discard, &stderr); code != 0 {
		t.Fatalf("slant analyze: exit %d\n%s", code, stderr.String())
	}
	info, err := os.Stat(filepath.Join(out, report.HTMLFile))
	if err != nil {
		t.Fatal(err)
	}
	if info.Size() > MaxSampleReport {
		t.Errorf("report.html of the sample is %d bytes, over %d", info.Size(), MaxSampleReport)
	}
	t.Logf("report.html of the sample: %d bytes", info.Size())
}
