package questionnaire

import "github.com/gapmap/gapmap/internal/yamlfile"

// LoadWhole is Load as it was before questions were read part by part: the
// whole file parsed into one tree. Tests compare the two.
func LoadWhole(name string, data []byte) (*Questionnaire, error) {
	root, r, err := yamlfile.Parse(name, data)
	if err != nil {
		return nil, err
	}
	qn, _ := decode(r, root, nil)
	return finish(r, qn, lintCustom)
}
