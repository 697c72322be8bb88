package exportdata

import (
	"bytes"
	"go/token"
	"go/types"
	"os"
	"runtime"
	"sort"
	"testing"

	"golang.org/x/tools/go/gcexportdata"
	"golang.org/x/tools/go/packages"
)

// exportFiles loads the export data files of a few standard packages
// and their dependencies.
func exportFiles(t *testing.T) []*packages.Package {
	t.Helper()
	pkgs, err := packages.Load(&packages.Config{
		Mode: packages.NeedName | packages.NeedExportFile | packages.NeedImports | packages.NeedDeps,
	}, "net/http", "encoding/json", "go/types")
	if err != nil {
		t.Fatal(err)
	}
	var all []*packages.Package
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		if p.ExportFile != "" {
			all = append(all, p)
		}
	})
	sort.Slice(all, func(i, j int) bool { return all[i].PkgPath < all[j].PkgPath })
	return all
}

func readWith(read func(r *os.File) (*types.Package, error), p *packages.Package) (*types.Package, error) {
	f, err := os.Open(p.ExportFile)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return read(f)
}

func readAllWith(t *testing.T, all []*packages.Package, mine bool) map[string]*types.Package {
	t.Helper()
	fset := token.NewFileSet()
	imports := map[string]*types.Package{}
	for _, p := range all {
		tp, err := readWith(func(f *os.File) (*types.Package, error) {
			//lint:ignore SA1019 go/packages reads ExportFile the same way
			r, err := gcexportdata.NewReader(f)
			if err != nil {
				return nil, err
			}
			if mine {
				return Read(r, fset, imports, p.PkgPath)
			}
			return gcexportdata.Read(r, fset, imports, p.PkgPath)
		}, p)
		if err != nil {
			t.Fatalf("%s: %v", p.PkgPath, err)
		}
		imports[p.PkgPath] = tp
	}
	return imports
}

// describe lists every package-level object with its type, and the
// methods and fields of the named types, with positions.
func describe(fset *token.FileSet, pkg *types.Package) []string {
	var out []string
	pos := func(o types.Object) string { return fset.Position(o.Pos()).String() }
	sc := pkg.Scope()
	for _, name := range sc.Names() {
		o := sc.Lookup(name)
		out = append(out, types.ObjectString(o, nil)+" @ "+pos(o))
		if tn, ok := o.(*types.TypeName); ok {
			if n, ok := tn.Type().(*types.Named); ok {
				for m := range n.Methods() {
					out = append(out, "  "+types.ObjectString(m, nil)+" @ "+pos(m))
				}
				if st, ok := n.Underlying().(*types.Struct); ok {
					for i := range st.NumFields() {
						out = append(out, "  field "+st.Field(i).String()+" `"+st.Tag(i)+"`")
					}
				}
			}
		}
	}
	return out
}

// Read gives the types gcexportdata.Read gives.
func TestReadSameTypes(t *testing.T) {
	all := exportFiles(t)
	if len(all) < 20 {
		t.Fatalf("only %d packages with export data", len(all))
	}
	mine := readAllWith(t, all, true)
	theirs := readAllWith(t, all, false)
	for _, p := range all {
		// Positions are compared within each reader's own file set,
		// by file name and line.
		a, b := describe(token.NewFileSet(), mine[p.PkgPath]), describe(token.NewFileSet(), theirs[p.PkgPath])
		if len(a) != len(b) {
			t.Fatalf("%s: %d objects, gcexportdata %d", p.PkgPath, len(a), len(b))
		}
		for i := range a {
			if a[i] != b[i] {
				t.Errorf("%s: %s, gcexportdata %s", p.PkgPath, a[i], b[i])
			}
		}
	}
}

// The types Read returns do not hold the export data they were read
// from: what stays live after reading is well under what gcexportdata
// keeps, which holds every package's export data through the names.
func TestReadKeepsNoExportData(t *testing.T) {
	all := exportFiles(t)
	var size int64
	for _, p := range all {
		f, err := os.Open(p.ExportFile)
		if err != nil {
			t.Fatal(err)
		}
		//lint:ignore SA1019 go/packages reads ExportFile the same way
		r, err := gcexportdata.NewReader(f)
		if err != nil {
			t.Fatal(err)
		}
		data, err := readAll(r)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		size += int64(len(data))
	}
	live := func(mine bool) (uint64, map[string]*types.Package) {
		var m runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&m)
		before := m.HeapAlloc
		pkgs := readAllWith(t, all, mine)
		runtime.GC()
		runtime.ReadMemStats(&m)
		return m.HeapAlloc - before, pkgs
	}
	theirs, keep1 := live(false)
	runtime.KeepAlive(keep1)
	keep1 = nil
	mine, keep2 := live(true)
	runtime.KeepAlive(keep2)
	t.Logf("%d packages, export data %d bytes; live after reading: %d bytes, gcexportdata %d", len(all), size, mine, theirs)
	if mine+uint64(size)/2 > theirs {
		t.Errorf("live after reading %d bytes, gcexportdata %d: not half the export data (%d bytes) less", mine, theirs, size)
	}
}

// Unified export data of a version this copy does not know goes to
// gcexportdata, which reports it (or, once upgraded, reads it).
func TestReadUnknownVersion(t *testing.T) {
	data := []byte{'u', 0xff, 0xff, 0, 0}
	if versionKnown(data[1:]) {
		t.Fatal("version 65535 taken as known")
	}
	if !versionKnown([]byte{2, 0, 0, 0}) {
		t.Fatal("version 2 taken as unknown")
	}
	if _, err := Read(bytes.NewReader(data), token.NewFileSet(), map[string]*types.Package{}, "p"); err == nil {
		t.Fatal("no error for an unknown version")
	}
}
