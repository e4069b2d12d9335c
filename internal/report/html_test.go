package report_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/gapmap/gapmap/internal/report"
)

func writeHTML(b *bytes.Buffer, in report.Input) error { return report.HTML(b, in) }

// tagsOf lists the elements and attributes of a document in order, which
// is everything user text could change if it were not escaped.
func tagsOf(t *testing.T, doc []byte) []string {
	t.Helper()
	z := html.NewTokenizer(bytes.NewReader(doc))
	var out []string
	for {
		switch z.Next() {
		case html.ErrorToken:
			return out
		case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
			tok := z.Token()
			s := tok.Data
			for _, a := range tok.Attr {
				s += " " + a.Key
			}
			out = append(out, s)
		}
	}
}

// TestHTMLHostileTextStaysText: with the hostile strings in every user
// field the document has the same elements and attributes as with harmless
// text, and the strings are there, escaped.
func TestHTMLHostileTextStaysText(t *testing.T) {
	harmlessIn, _ := withText(t, func(i int) string { return "plain words" })
	hostileIn, _ := withText(t, func(i int) string { return hostile[i%len(hostile)] })
	harmless, doc := render(t, harmlessIn, writeHTML), render(t, hostileIn, writeHTML)
	want, got := tagsOf(t, harmless), tagsOf(t, doc)
	if strings.Join(want, "\n") != strings.Join(got, "\n") {
		for i := range min(len(want), len(got)) {
			if want[i] != got[i] {
				t.Fatalf("element %d: %q, harmless %q", i, got[i], want[i])
			}
		}
		t.Fatalf("%d elements, harmless %d", len(got), len(want))
	}
	for _, s := range []string{"&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;!-- comment --&gt;", "**bold** _em_"} {
		if !bytes.Contains(doc, []byte(s)) {
			t.Errorf("escaped text %q is missing", s)
		}
	}
	if bytes.ContainsAny(doc, "\x00\x1b\x07") || bytes.Contains(doc, []byte("\u202e")) {
		t.Errorf("control characters or bidi overrides reached the HTML")
	}
}

// TestHTMLSelfContained: no scripts, no URL the browser would fetch, and a
// Content-Security-Policy whose style hash matches the one style sheet.
func TestHTMLSelfContained(t *testing.T) {
	qn := testQuestionnaire(t)
	for _, name := range fixtures {
		doc := render(t, report.NewInput(qn, loadFixture(t, qn, name), generated), writeHTML)
		for _, tag := range tagsOf(t, doc) {
			if strings.HasPrefix(tag, "script") || strings.HasPrefix(tag, "link") || strings.HasPrefix(tag, "iframe") || strings.Contains(tag, " on") {
				t.Errorf("%s: element %q", name, tag)
			}
		}
		if regexp.MustCompile(`(src|href)="(https?:)?//`).Match(doc) {
			t.Errorf("%s: an external reference", name)
		}
		css := regexp.MustCompile(`(?s)<style>(.*?)</style>`).FindSubmatch(doc)
		if css == nil {
			t.Fatalf("%s: no style sheet", name)
		}
		sum := sha256.Sum256(css[1])
		want := "style-src 'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
		if csp := cspOf(doc); !strings.HasPrefix(csp, "default-src 'none'; ") || !strings.Contains(csp, want) {
			t.Errorf("%s: the CSP %q does not allow exactly the style sheet (%s)", name, csp, want)
		}
	}
}

func TestHTMLBrand(t *testing.T) {
	qn := testQuestionnaire(t)
	in := report.NewInput(qn, loadFixture(t, qn, "preseed"), generated)
	in.Brand = report.Brand{Title: "Readiness <review>", PreparedBy: "Ada & Co", Draft: true,
		Logo: []byte(`<?xml version="1.0"?><!-- logo --><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>`)}
	doc := render(t, in, writeHTML)
	for _, s := range []string{"<title>Readiness &lt;review&gt;</title>", "Prepared by Ada &amp; Co", `class="watermark"`,
		`src="data:image/svg&#43;xml;base64,`} {
		if !bytes.Contains(doc, []byte(s)) {
			t.Errorf("missing %q", s)
		}
	}
	in.Brand.Logo = []byte("GIF89a not allowed")
	if err := report.HTML(&bytes.Buffer{}, in); err == nil || !strings.Contains(err.Error(), "not a PNG, JPEG or SVG") {
		t.Errorf("a GIF logo: %v", err)
	}
	in.Brand.Logo = append([]byte("\x89PNG\r\n\x1a\n"), make([]byte, report.MaxLogoBytes)...)
	// One byte over 512 KiB is 513 KiB, not "512 KiB; the most ... is 512 KiB".
	in.Brand.Logo = in.Brand.Logo[:report.MaxLogoBytes+1]
	if err := report.HTML(&bytes.Buffer{}, in); err == nil || !strings.Contains(err.Error(), "the logo is 513 KiB; the most a report embeds is 512 KiB") {
		t.Errorf("a huge logo: %v", err)
	}
}

func TestCheckLogo(t *testing.T) {
	cases := []struct {
		data, mime string
	}{
		{"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "image/png"},
		{"\xff\xd8\xff\xe0\x00\x10JFIF", "image/jpeg"},
		{"<svg xmlns='http://www.w3.org/2000/svg'/>", "image/svg+xml"},
		{"\ufeff<?xml version='1.0'?>\n<!DOCTYPE svg>\n<svg>", "image/svg+xml"},
		{"<svgfoo>", ""},
		{"<html><svg>", ""},
		{"%PDF-1.7", ""},
		{"", ""},
	}
	for _, c := range cases {
		got, err := report.CheckLogo([]byte(c.data))
		if got != c.mime || (err == nil) != (c.mime != "") {
			t.Errorf("CheckLogo(%q) = %q, %v; want %q", c.data, got, err, c.mime)
		}
	}
}

// cspOf is the Content-Security-Policy a document states in a meta tag.
func cspOf(doc []byte) string {
	z := html.NewTokenizer(bytes.NewReader(doc))
	for tt := z.Next(); tt != html.ErrorToken; tt = z.Next() {
		tok := z.Token()
		if tok.Data != "meta" {
			continue
		}
		var equiv, content string
		for _, a := range tok.Attr {
			switch a.Key {
			case "http-equiv":
				equiv = a.Val
			case "content":
				content = a.Val
			}
		}
		if strings.EqualFold(equiv, "Content-Security-Policy") {
			return content
		}
	}
	return ""
}
