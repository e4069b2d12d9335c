package tui

import (
	"errors"
	"fmt"
	"maps"
	"reflect"

	tea "charm.land/bubbletea/v2"

	"github.com/gapmap/gapmap/internal/assessment"
	"github.com/gapmap/gapmap/internal/store"
)

// setupSaved applies the result of saving a setup (see saveSetup and
// createSetup).
func (m Model) setupSaved(msg setupSavedMsg) (Model, tea.Cmd) {
	var conflict *store.SetupConflictError
	switch {
	case msg.err == nil:
		setSetup(m.sess.a, msg.a)
		m.sess.refresh()
		next, cmd := m.show(screenQuestions)
		n2, c2 := next.setStatus("Scope and criteria saved", false)
		return n2, tea.Batch(cmd, c2)
	case msg.created:
		// Nothing was stored: back to the form, with what was typed.
		m.sess = nil
		m.scope = newScopeScreen(m.sh, m.draft)
		m.screen = screenScope
		next, cmd := m.setStatus(setupErrText(msg.err), true)
		return next, tea.Batch(cmd, m.scope.Init())
	case errors.As(msg.err, &conflict) && m.sess != nil:
		return m.setupConflict(msg.prev, msg.a, conflict.Current)
	}
	// The edit was not stored: the criteria form again, filled in with
	// the edit, so that enter retries.
	edit := *m.sess.a
	setSetup(&edit, msg.a)
	m.criteria = newCriteriaScreen(m.sh, &edit)
	m.screen = screenCriteria
	next, cmd := m.setStatus(setupErrText(msg.err), true)
	return next, tea.Batch(cmd, m.criteria.Init())
}

func setupErrText(err error) string {
	if errors.Is(err, store.ErrExists) {
		return "An assessment with that name already exists; choose another name"
	}
	return "Could not save: " + errText(err)
}

// setupConflict handles a setup save the store refused because another
// gapmap changed the setup while the form was open (renamed the
// assessment, or changed its scope, criteria or target). Nothing was
// written. The session takes the stored setup, and the scope form opens
// again on it with the user's changes on top (mergeSetup), so that nothing
// typed is lost: going through the form saves them over the new setup,
// and esc keeps the new setup as it is.
func (m Model) setupConflict(prev, mine, stored *assessment.Assessment) (Model, tea.Cmd) {
	setSetup(m.sess.a, stored)
	m.sess.refresh()
	merged := *m.sess.a
	setSetup(&merged, mergeSetup(prev, mine, stored))
	name := oneLine(stored.Name)
	m.scope = newScopeScreen(m.sh, &merged).withNotice(m.sh, fmt.Sprintf(
		"Another gapmap changed this assessment's setup while you edited it (now named %q); "+
			"your changes were not saved. The form shows the setup as it is now, with your changes on top: "+
			"go through it again to save them, or press esc to keep the setup as it is now.", name))
	m.screen = screenScope
	next, cmd := m.setStatus(fmt.Sprintf("Setup not saved: another gapmap changed it meanwhile (now %q)", name), true)
	return next, tea.Batch(cmd, next.scope.Init())
}

// setSetup copies the setup of src (what SaveSetup stores: the name,
// scope, categories and target, with the time of the change) onto dst,
// leaving its identity, revision and answers.
func setSetup(dst, src *assessment.Assessment) {
	dst.Name, dst.Scope, dst.Categories, dst.Target = src.Name, src.Scope, src.Categories, src.Target
	dst.UpdatedAt = src.UpdatedAt
}

// mergeSetup is the stored setup theirs with the changes mine made to
// base on top: each part of the setup the user changed (the name, each
// scope field and each declared fact, the categories, the target) is the
// user's, every other part theirs.
func mergeSetup(base, mine, theirs *assessment.Assessment) *assessment.Assessment {
	out := *theirs
	if mine.Name != base.Name {
		out.Name = mine.Name
	}
	out.Scope = mergeScope(base.Scope, mine.Scope, theirs.Scope)
	if !sameValue(reflect.ValueOf(base.Categories), reflect.ValueOf(mine.Categories)) {
		out.Categories = mine.Categories
	}
	if mine.Target != base.Target {
		out.Target = mine.Target
	}
	return &out
}

// mergeScope merges field by field (by reflection, so that a field added
// to Scope is merged too), and the declared facts fact by fact.
func mergeScope(base, mine, theirs assessment.Scope) assessment.Scope {
	out := theirs
	b, m, o := reflect.ValueOf(base), reflect.ValueOf(mine), reflect.ValueOf(&out).Elem()
	for i := range o.NumField() {
		if !sameValue(b.Field(i), m.Field(i)) {
			o.Field(i).Set(m.Field(i))
		}
	}
	out.Declared = maps.Clone(theirs.Declared)
	for _, k := range slicesOfKeys(base.Declared, mine.Declared) {
		bv, inBase := base.Declared[k]
		mv, inMine := mine.Declared[k]
		switch {
		case inBase == inMine && bv == mv:
		case !inMine:
			delete(out.Declared, k)
		default:
			if out.Declared == nil {
				out.Declared = map[string]bool{}
			}
			out.Declared[k] = mv
		}
	}
	return out
}

// slicesOfKeys lists the keys of both maps.
func slicesOfKeys(a, b map[string]bool) []string {
	var keys []string
	for k := range a {
		keys = append(keys, k)
	}
	for k := range b {
		if _, ok := a[k]; !ok {
			keys = append(keys, k)
		}
	}
	return keys
}

// sameValue is reflect.DeepEqual, with a nil and an empty slice or map
// the same: the form may give either for a list left empty.
func sameValue(a, b reflect.Value) bool {
	switch a.Kind() {
	case reflect.Slice, reflect.Map:
		if a.Len() == 0 && b.Len() == 0 {
			return true
		}
	}
	return reflect.DeepEqual(a.Interface(), b.Interface())
}
