// Package exportdata reads the go command's export data as
// golang.org/x/tools/go/gcexportdata.Read does, with one difference: the
// strings of the imported package (object names, struct tags, string
// constants, file names) are copies, not substrings of the export data.
//
// gcexportdata keeps each string it decodes as a substring of the whole
// export data, so the types of a dependency hold all of it, inlinable
// function bodies included, as long as they live: for a lint of a module,
// to the end of the run (5 MB of miniflux's 40 MB peak live heap).
//
// ureader.go and pkgbits/ are golang.org/x/tools v0.52.0's
// internal/gcimporter/ureader.go and internal/pkgbits (BSD licence,
// LICENSE), unchanged but for the package clause, an import path and
// pkgbits.PkgDecoder.StringIdx (and pkgbits/known.go); support.go holds the
// parts of internal/gcimporter that ureader.go uses. Export data in
// another format (indexed, which the go command writes from Go 1.28 on)
// is handed to gcexportdata, whose reader for it copies its strings, and
// so is unified export data of a version this copy does not know (a
// newer Go): an x/tools upgrade should bring this copy up to date.
package exportdata

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"go/token"
	"go/types"
	"io"

	"golang.org/x/tools/go/gcexportdata"

	"github.com/authvet/authvet/internal/exportdata/pkgbits"
)

// Read reads export data from in, as gcexportdata.Read: in is what
// gcexportdata.NewReader returns for an export data file.
func Read(in io.Reader, fset *token.FileSet, imports map[string]*types.Package, path string) (*types.Package, error) {
	data, err := readAll(in)
	if err != nil {
		return nil, fmt.Errorf("reading export data for %q: %v", path, err)
	}
	if len(data) > 0 && data[0] == 'u' && versionKnown(data[1:]) {
		_, pkg, err := UImportData(fset, imports, data[1:], path)
		return pkg, err
	}
	return gcexportdata.Read(bytes.NewReader(data), fset, imports, path)
}

// readAll is io.ReadAll, in one allocation when the size is known (an
// archive's export data), as gcexportdata's.
func readAll(r io.Reader) ([]byte, error) {
	if lr, ok := r.(*io.LimitedReader); ok {
		data := make([]byte, lr.N)
		_, err := io.ReadFull(lr, data)
		return data, err
	}
	return io.ReadAll(r)
}

// versionKnown reports whether unified export data is of a version this
// copy of pkgbits reads: its first four bytes, as pkgbits.NewPkgDecoder
// reads them.
func versionKnown(data []byte) bool {
	return len(data) >= 4 && pkgbits.Known(binary.LittleEndian.Uint32(data))
}
