package cli

import (
	"encoding/json"
	"io"
	"strconv"
	"time"
)

// jsonArray writes entries as one indented JSON array, as json.Encoder
// with a two-space indent would, an entry at a time: encoding the whole
// array first held all of it in one growing buffer (3 MB and a third of
// the run's time in page faults at 10,000 assessments).
type jsonArray struct {
	w   io.Writer
	n   int
	buf []byte
}

func (j *jsonArray) add(e listEntry) error {
	sep := ",\n  "
	if j.n == 0 {
		sep = "[\n  "
	}
	b, err := appendListEntry(append(j.buf[:0], sep...), e)
	if err != nil {
		return err
	}
	j.n++
	j.buf = b
	_, err = j.w.Write(b)
	return err
}

func (j *jsonArray) close() error {
	end := "\n]\n"
	if j.n == 0 {
		end = "[]\n"
	}
	_, err := io.WriteString(j.w, end)
	return err
}

// appendListEntry appends e as json.MarshalIndent(e, "  ", "  ") writes it,
// without reflection: encoding/json took a third of `list --json` at
// 10,000 assessments. Anything but the plain text and times of nearly
// every entry goes to encoding/json itself, so the bytes stay its bytes.
func appendListEntry(b []byte, e listEntry) ([]byte, error) {
	var err error
	b = append(b, "{\n    \"name\": "...)
	if b, err = appendJSONString(b, e.Name); err != nil {
		return nil, err
	}
	b = append(b, ",\n    \"organization\": "...)
	if b, err = appendJSONString(b, e.Organization); err != nil {
		return nil, err
	}
	b = append(b, ",\n    \"questionnaire\": "...)
	if b, err = appendJSONString(b, e.Questionnaire); err != nil {
		return nil, err
	}
	for _, f := range []struct {
		key string
		v   int
	}{{"answered", e.Answered}, {"applicable", e.Applicable}, {"progress_pct", e.Progress}} {
		b = append(b, ",\n    \""...)
		b = append(b, f.key...)
		b = append(b, "\": "...)
		b = strconv.AppendInt(b, int64(f.v), 10)
	}
	for _, f := range []struct {
		key string
		v   *int
	}{{"readiness_pct", e.Readiness}, {"auditable_pct", e.Auditable}} {
		b = append(b, ",\n    \""...)
		b = append(b, f.key...)
		b = append(b, "\": "...)
		if f.v == nil {
			b = append(b, "null"...)
		} else {
			b = strconv.AppendInt(b, int64(*f.v), 10)
		}
	}
	b = append(b, ",\n    \"updated_at\": "...)
	if b, err = appendJSONTime(b, e.UpdatedAt); err != nil {
		return nil, err
	}
	return append(b, "\n  }"...), nil
}

// appendJSONString quotes s as encoding/json does: printable ASCII other
// than " \ < > & as it is, anything else through encoding/json.
func appendJSONString(b []byte, s string) ([]byte, error) {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < ' ' || c > '~' || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' {
			q, err := json.Marshal(s)
			return append(b, q...), err
		}
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"'), nil
}

// appendJSONTime writes t as its MarshalJSON does (RFC 3339 with
// nanoseconds); times in UTC within years 0–9999 directly, any other
// through MarshalJSON itself, which also refuses what JSON cannot hold.
func appendJSONTime(b []byte, t time.Time) ([]byte, error) {
	if y := t.Year(); t.Location() != time.UTC || y < 0 || y > 9999 {
		q, err := t.MarshalJSON()
		return append(b, q...), err
	}
	b = append(b, '"')
	b = t.AppendFormat(b, time.RFC3339Nano)
	return append(b, '"'), nil
}
