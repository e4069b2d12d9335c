package questionnaire

import (
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"sync"

	"github.com/gapmap/gapmap/questionnaires"
)

var builtins sync.Map // id -> *builtinEntry

type builtinEntry struct {
	once sync.Once
	qn   *Questionnaire
	err  error
}

// fragmentSuffix marks an embedded file that is part of a questionnaire
// still to be merged (such as the ISO 27001 management-system questions),
// not a questionnaire of its own.
const fragmentSuffix = "-fragment"

// BuiltinIDs lists the IDs of the questionnaires embedded in the binary.
func BuiltinIDs() []string {
	names, _ := fs.Glob(questionnaires.FS, "*.yaml")
	var ids []string
	for _, n := range names {
		if id := strings.TrimSuffix(n, ".yaml"); !strings.HasSuffix(id, fragmentSuffix) {
			ids = append(ids, id)
		}
	}
	sort.Strings(ids)
	return ids
}

// Builtin returns the embedded questionnaire with the given ID, loaded once.
// The result is shared: callers must not modify it.
func Builtin(id string) (*Questionnaire, error) {
	e, _ := builtins.LoadOrStore(id, &builtinEntry{})
	entry := e.(*builtinEntry)
	entry.once.Do(func() {
		name := id + ".yaml"
		data, err := questionnaires.FS.ReadFile(name)
		if err != nil || strings.HasSuffix(id, fragmentSuffix) {
			entry.err = fmt.Errorf("no built-in questionnaire %q (built-in: %s)", id, strings.Join(BuiltinIDs(), ", "))
			return
		}
		if qn, ok := loadCompiled(id, data); ok {
			entry.qn = qn
			return
		}
		entry.qn, entry.err = load("questionnaires/"+name, data, lintStrict)
	})
	return entry.qn, entry.err
}

func builtinData(id string) ([]byte, error) {
	return questionnaires.FS.ReadFile(id + ".yaml")
}
