package report

import (
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/base64"
	"errors"
	"fmt"
	"html/template"
	"io"
	"net/http"
	"strings"
	"sync"
)

// Brand is how a consultant brands the HTML report.
type Brand struct {
	// Title replaces "SOC 2 readiness: NAME" as the document's title.
	Title string
	// PreparedBy names who prepared the report, shown under the title.
	PreparedBy string
	// Logo is a PNG, JPEG or SVG image, embedded as a data URI; see CheckLogo.
	Logo []byte
	// Draft marks every page with a watermark.
	Draft bool
}

// MaxLogoBytes is the largest logo embedded: a logo is a few kilobytes, and
// a large one would make the one-file report slow to open and mail.
const MaxLogoBytes = 512 << 10

// LogoTooLarge is the error for a logo of size bytes, over MaxLogoBytes.
func LogoTooLarge(size int64) error {
	return fmt.Errorf("the logo is %s; the most a report embeds is %s", byteSize(size), byteSize(MaxLogoBytes))
}

// byteSize is n bytes in KiB (rounded up, so that one byte over 512 KiB is
// not "512 KiB") or, from 1 MiB, in MiB to one decimal.
func byteSize(n int64) string {
	if n < 1<<20 {
		return fmt.Sprintf("%d KiB", (n+1<<10-1)>>10)
	}
	return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
}

// CheckLogo reports the media type of a logo, judged by its content (not
// its name): image/png, image/jpeg or image/svg+xml. Anything else, or a
// file over MaxLogoBytes, is an error.
func CheckLogo(data []byte) (string, error) {
	if len(data) > MaxLogoBytes {
		return "", LogoTooLarge(int64(len(data)))
	}
	if len(data) == 0 {
		return "", errors.New("the logo file is empty")
	}
	switch t := http.DetectContentType(data); t {
	case "image/png", "image/jpeg":
		return t, nil
	}
	if isSVG(data) {
		return "image/svg+xml", nil
	}
	return "", errors.New("the logo is not a PNG, JPEG or SVG image")
}

// isSVG reports whether data is an SVG document: after an optional BOM, XML
// declaration, comments and doctype, its first element is <svg.
func isSVG(data []byte) bool {
	s := strings.TrimPrefix(string(data[:min(len(data), 4096)]), "\ufeff")
	for {
		s = strings.TrimLeft(s, " \t\r\n")
		switch {
		case strings.HasPrefix(s, "<?"):
			s = after(s, "?>")
		case strings.HasPrefix(s, "<!--"):
			s = after(s, "-->")
		case strings.HasPrefix(s, "<!"):
			s = after(s, ">")
		default:
			return strings.HasPrefix(s, "<svg") && len(s) > 4 && strings.ContainsRune(" \t\r\n>/", rune(s[4]))
		}
	}
}

func after(s, sep string) string {
	if i := strings.Index(s, sep); i >= 0 {
		return s[i+len(sep):]
	}
	return ""
}

//go:embed html.tmpl
var htmlTemplate string

//go:embed html.css
var htmlCSS string

// htmlPage is parsed on first use, not at start-up: every run of gapmap
// links this package, and only an HTML export needs the template.
var htmlPage = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("report").Funcs(template.FuncMap{
		"add": func(a, b int) int { return a + b },
	}).Parse(htmlTemplate))
})

// HTML writes the report as one self-contained HTML file: inline CSS, inline
// SVG charts, no scripts and no external requests (its Content-Security-
// Policy allows only its own style sheet and data: images). Every string a
// user entered goes through html/template's escaping. It prints to a clean
// A4 or Letter document, a section per page, and follows the reader's light
// or dark preference.
func HTML(w io.Writer, in Input) error {
	v, err := newHTMLView(in)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := htmlPage().Execute(&buf, v); err != nil {
		return err
	}
	_, err = w.Write(buf.Bytes())
	return err
}

// contentSecurityPolicy allows the one style sheet (by its hash) and data:
// images, and nothing else: no scripts, fonts, frames, forms or requests.
func contentSecurityPolicy(css string) string {
	sum := sha256.Sum256([]byte(css))
	return "default-src 'none'; style-src 'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) +
		"'; img-src data:; base-uri 'none'; form-action 'none'"
}

// logoURI is the logo as a data URI, or "" without one.
func logoURI(logo []byte) (template.URL, error) {
	if len(logo) == 0 {
		return "", nil
	}
	mime, err := CheckLogo(logo)
	if err != nil {
		return "", err
	}
	// Safe as a URL: the media type is one of three constants and the rest
	// is base64.
	return template.URL("data:" + mime + ";base64," + base64.StdEncoding.EncodeToString(logo)), nil
}
