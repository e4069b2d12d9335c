package xlsx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"
)

// Bounds on what reading a workbook does, so that a hostile file (a zip
// bomb, a sheet that claims a million columns) is refused rather than
// read. The caller sets the bound on unpacked bytes.
const (
	maxEntries = 10_000
	// maxSlots bounds a sheet's cells, counting the empty ones before
	// each value that Rows gives as "".
	maxSlots = 1 << 20
)

// oleSignature starts the files Excel encrypts with a password, and .xls.
var oleSignature = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// ErrNoSheet is returned by Rows for a sheet the workbook does not have.
var ErrNoSheet = errors.New("no such sheet")

// Book is a workbook opened for reading.
type Book struct {
	zip      *zip.Reader
	files    map[string]*zip.File
	left     int64 // bytes that may still be unpacked
	limit    int64
	sheets   []sheetPart
	strs     []string
	date1904 bool
}

type sheetPart struct{ name, path string }

// Open reads a workbook's structure and shared strings from an .xlsx
// file. It unpacks at most maxUnpacked bytes in all, counted as they are
// unpacked; sizes a zip file claims are not trusted.
func Open(data []byte, maxUnpacked int64) (*Book, error) {
	if bytes.HasPrefix(data, oleSignature) {
		return nil, errors.New("the file is password-protected or an old .xls workbook; save it from the spreadsheet as an .xlsx workbook without a password")
	}
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil && !errors.Is(err, zip.ErrInsecurePath) {
		return nil, fmt.Errorf("not a zip file: %w", err)
	}
	if len(z.File) > maxEntries {
		return nil, fmt.Errorf("the zip file holds %d files; a workbook gapmap reads holds at most %d", len(z.File), maxEntries)
	}
	b := &Book{zip: z, files: map[string]*zip.File{}, left: maxUnpacked, limit: maxUnpacked}
	for _, f := range z.File {
		b.files[strings.ToLower(strings.TrimPrefix(f.Name, "/"))] = f
	}
	wbPath, err := b.workbookPath()
	if err != nil {
		return nil, err
	}
	if b.files[strings.ToLower(wbPath)] == nil {
		return nil, fmt.Errorf("%s is missing", wbPath)
	}
	rels, err := b.rels(wbPath)
	if err != nil {
		return nil, err
	}
	if err := b.readWorkbook(wbPath, rels); err != nil {
		return nil, err
	}
	for _, r := range rels {
		if strings.HasSuffix(r.typ, "/sharedStrings") {
			if b.strs, err = b.readSharedStrings(r.target); err != nil {
				return nil, err
			}
			break
		}
	}
	return b, nil
}

// Date1904 reports whether the workbook counts dates from 1904.
func (b *Book) Date1904() bool { return b.date1904 }

// SheetNames lists the sheets in workbook order.
func (b *Book) SheetNames() []string {
	names := make([]string, len(b.sheets))
	for i, s := range b.sheets {
		names[i] = s.name
	}
	return names
}

// part unpacks a file of the zip, within the bound on unpacked bytes.
func (b *Book) part(name string) ([]byte, error) {
	f := b.files[strings.ToLower(strings.TrimPrefix(name, "/"))]
	if f == nil {
		return nil, fmt.Errorf("%s is missing", name)
	}
	tooBig := fmt.Errorf("%s: the workbook unpacks to more than %d MB", name, b.limit>>20)
	if f.UncompressedSize64 > uint64(b.left) {
		return nil, tooBig
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	defer rc.Close()
	data, err := io.ReadAll(io.LimitReader(rc, b.left+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if int64(len(data)) > b.left {
		return nil, tooBig
	}
	b.left -= int64(len(data))
	return data, nil
}

// decoder reads a part's XML.
func (b *Book) decoder(name string) (*xml.Decoder, error) {
	data, err := b.part(name)
	if err != nil {
		return nil, err
	}
	return xml.NewDecoder(bytes.NewReader(data)), nil
}

// walk reads the XML part name a token at a time, giving fn each token and
// the decoder (to decode an element whole); the decoder's errors name the
// part.
func (b *Book) walk(name string, fn func(d *xml.Decoder, tok xml.Token) error) error {
	d, err := b.decoder(name)
	if err != nil {
		return err
	}
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return xmlError(name, err)
		}
		if err := fn(d, tok); err != nil {
			return err
		}
	}
}

// xmlError names the part an XML error is in.
func xmlError(part string, err error) error {
	return fmt.Errorf("%s is not valid XML: %w", part, err)
}

type rel struct{ id, typ, target string }

// workbookPath finds the workbook part from the package's relationships,
// or takes the usual place.
func (b *Book) workbookPath() (string, error) {
	if b.files["_rels/.rels"] == nil {
		return "xl/workbook.xml", nil
	}
	rels, err := b.rels("")
	if err != nil {
		return "", err
	}
	for _, r := range rels {
		if strings.HasSuffix(r.typ, "/officeDocument") {
			return r.target, nil
		}
	}
	return "", errors.New("_rels/.rels names no workbook")
}

// rels reads the relationships of a part ("" for the package), with their
// targets as paths in the zip.
func (b *Book) rels(part string) ([]rel, error) {
	dir, file := path.Split(part)
	name := dir + "_rels/" + file + ".rels"
	var out []rel
	err := b.walk(name, func(_ *xml.Decoder, tok xml.Token) error {
		el, ok := tok.(xml.StartElement)
		if !ok || el.Name.Local != "Relationship" || attr(el, "TargetMode") == "External" {
			return nil
		}
		r := rel{id: attr(el, "Id"), typ: attr(el, "Type"), target: attr(el, "Target")}
		if strings.HasPrefix(r.target, "/") {
			r.target = strings.TrimPrefix(r.target, "/")
		} else {
			r.target = path.Join(dir, r.target)
		}
		out = append(out, r)
		return nil
	})
	return out, err
}

func attr(el xml.StartElement, local string) string {
	for _, a := range el.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// readWorkbook reads the sheets' names and parts, and the date system.
func (b *Book) readWorkbook(name string, rels []rel) error {
	return b.walk(name, func(_ *xml.Decoder, tok xml.Token) error {
		el, ok := tok.(xml.StartElement)
		if !ok {
			return nil
		}
		switch el.Name.Local {
		case "workbookPr":
			v := attr(el, "date1904")
			b.date1904 = v == "1" || v == "true"
		case "sheet":
			var id string
			for _, a := range el.Attr {
				if a.Name.Local == "id" && a.Name.Space != "" {
					id = a.Value
				}
			}
			for _, r := range rels {
				if r.id == id && id != "" {
					b.sheets = append(b.sheets, sheetPart{attr(el, "name"), r.target})
				}
			}
		}
		return nil
	})
}
