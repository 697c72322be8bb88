// Package wrap only passes URLs on to httpc: the fact travels through it.
package wrap

import "schemeclient/httpc"

func Fix(raw string) (string, error) { // want Fix:"decides scheme"
	return httpc.NormalizeURL(raw)
}
