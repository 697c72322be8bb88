package flags // want package:"analyzed"

// Each tenant's flag set, found by the tenant's API key, and a service
// that acts for whoever calls it.

import "errors"

// Set is one tenant's flags.
type Set struct{ values map[string]bool }

// Eval reads a flag of the set.
func (s *Set) Eval(name string) bool { return s.values[name] } // want Eval:"work"

// Record stores an evaluation event in the set.
func (s *Set) Record(name string) { s.values[name+".seen"] = true } // want Record:"work"

// Manager finds a tenant's set by its key.
type Manager interface {
	ByKey(apiKey string) (*Set, error)
}

var sets = map[string]*Set{}

// ForKey finds the set of the tenant apiKey belongs to.
func ForKey(m Manager, apiKey string) (*Set, error) { // want ForKey:"work"
	if m == nil {
		return nil, errors.New("no manager")
	}
	return m.ByKey(apiKey)
}

// Purge deletes the set named by id, for any valid key.
func Purge(apiKey, id string) error { // want Purge:"work"
	if apiKey == "" {
		return errors.New("no key")
	}
	delete(sets, id)
	return nil
}
