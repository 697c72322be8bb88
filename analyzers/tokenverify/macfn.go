package tokenverify

// An HMAC computed by a helper of another package (go-zero's
// codec.HmacBase64(key, body)) is the program's MAC as much as one
// computed in place: the request's signature compared with it leaks,
// byte by byte, how much of a forgery is right. macFact carries the
// verdict of returnsHMAC across packages, as digestFact does for
// unkeyed digests.

// macFact marks an exported function whose first result is an HMAC it
// computes.
type macFact struct{}

func (*macFact) AFact() {}

func (*macFact) String() string { return "HMAC result" }

// exportMAC exports a macFact for each exported function of the package
// that returns an HMAC.
func (c *pkgctx) exportMAC() {
	for fn, d := range c.decls {
		if fn.Exported() && d.Body != nil && c.returnsHMAC(d, 0) {
			c.pass.ExportObjectFact(fn, &macFact{})
		}
	}
}
