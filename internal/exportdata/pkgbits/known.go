package pkgbits

// Known reports whether v is an export data version this copy decodes
// (authvet's addition).
func Known(v uint32) bool { return v < uint32(numVersions) }
