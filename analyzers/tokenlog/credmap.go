package tokenlog

import (
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/authvet/authvet/analyzers/internal/credsrc"
)

// A map printed whole whose credential entry the package reads.
//
// Settings often travel as a map of strings (a plugin's or a job's
// configuration, map[string]string) and the code reads its credential by
// key: password := args.Config["saslPassword"]. Printing that map whole
// (log.Printf("config %#v", args.Config)) prints the password with the
// rest, as printing a struct with a credential field does
// (tokenlog/struct). The map is recognised by what the package reads
// from it: a map field (of a struct type) from which some function of
// the package looks up a constant key that names a credential, or a
// local map or parameter from which the printing function itself does.
// A map whose entries are only written or read under other keys is
// judged as before, and so are http.Header, url.Values and gRPC
// metadata, whose entries are judged by key where they are read.

// credMapEntry returns the credential entry of the map x, if the package
// (for a map field) or the function (for another map) reads one.
func (f *fnState) credMapEntry(x ssa.Value) (string, credsrc.Source, bool) {
	m, ok := x.Type().Underlying().(*types.Map)
	if !ok || isHeaderLike(x.Type()) {
		return "", credsrc.Source{}, false
	}
	if b, ok := m.Key().Underlying().(*types.Basic); !ok || b.Info()&types.IsString == 0 {
		return "", credsrc.Source{}, false
	}
	if fld := credsrc.LoadedField(x); fld != nil {
		e, ok := f.st.credMapFields()[fld]
		return e.key, e.src, ok
	}
	for _, in := range instrs(f.fn.Blocks) {
		if l, ok := in.(*ssa.Lookup); ok && l.X == x {
			if k, src, ok := credLookup(l); ok {
				return k, src, true
			}
		}
	}
	return "", credsrc.Source{}, false
}

// mapEntry is a credential entry read from a map field.
type mapEntry struct {
	key string
	src credsrc.Source
}

// credMapFields indexes, once per package, the map fields from which a
// function of the package reads a credential by a constant key.
func (st *pkgState) credMapFields() map[*types.Var]mapEntry {
	if st.mapFields != nil {
		return st.mapFields
	}
	st.mapFields = map[*types.Var]mapEntry{}
	for _, fn := range st.ssaFuncs {
		for _, in := range instrs(fn.Blocks) {
			l, ok := in.(*ssa.Lookup)
			if !ok {
				continue
			}
			fld := credsrc.LoadedField(l.X)
			if fld == nil {
				continue
			}
			if _, seen := st.mapFields[fld]; seen {
				continue
			}
			if k, src, ok := credLookup(l); ok {
				st.mapFields[fld] = mapEntry{k, src}
			}
		}
	}
	return st.mapFields
}

// credLookup reports whether l reads a map's entry under a constant key
// that names a credential, and returns the key and the entry's source.
func credLookup(l *ssa.Lookup) (string, credsrc.Source, bool) {
	k, ok := credsrc.ConstKey(l.Index)
	if !ok {
		return "", credsrc.Source{}, false
	}
	src, ok := credsrc.MapEntry(l.X.Type(), k)
	return k, src, ok
}

// mapName names the map x for messages: its field's or variable's name,
// or its type.
func mapName(x ssa.Value) string {
	if fld := credsrc.LoadedField(x); fld != nil {
		return fld.Name()
	}
	if p, ok := x.(*ssa.Parameter); ok {
		return p.Name()
	}
	return x.Type().String()
}
