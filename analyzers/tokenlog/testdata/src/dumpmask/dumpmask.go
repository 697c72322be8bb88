// Package dumpmask dumps requests after masking their credential
// headers (silent) and with the mask missing, late, on one branch only,
// or incomplete (reported).
package dumpmask

import (
	"log"
	"maps"
	"net/http"
	"net/http/httputil"
)

func redactHeader(header http.Header) map[string][]string {
	removed := make(map[string][]string)
	for _, hdr := range []string{"Authorization", "X-Auth-Token"} {
		if orig, ok := header[hdr]; ok {
			removed[hdr] = orig
			header[hdr] = []string{"**redacted**"}
		}
	}
	return removed
}

func restoreHeader(header http.Header, orig map[string][]string) { maps.Copy(header, orig) }

// hasAuth names Authorization but only reads the header.
func hasAuth(header http.Header) bool { return header.Get("Authorization") != "" }

type transport struct{ next http.RoundTripper }

// RoundTrip is restic's debug transport: masked by a helper.
func (t transport) RoundTrip(req *http.Request) (*http.Response, error) {
	orig := redactHeader(req.Header)
	dump, err := httputil.DumpRequestOut(req, false)
	if err == nil {
		log.Printf("request:\n%s", dump) // silent: Authorization masked by redactHeader first
	}
	restoreHeader(req.Header, orig)
	return t.next.RoundTrip(req)
}

func inline(req *http.Request) {
	req.Header.Del("Authorization")
	dump, _ := httputil.DumpRequestOut(req, true)
	log.Printf("%s", dump) // silent: deleted before the dump
}

func oneBranch(req *http.Request, quiet bool) {
	if quiet {
		req.Header.Set("Authorization", "***")
	}
	dump, _ := httputil.DumpRequestOut(req, true)
	log.Printf("%s", dump) // want `request dump with its Authorization and Cookie headers reaches log.Printf`
}

func setsToken(req *http.Request, tok string) {
	req.Header.Set("Authorization", "Bearer "+tok)
	dump, _ := httputil.DumpRequestOut(req, true)
	log.Printf("%s", dump) // want `request dump with its Authorization and Cookie headers reaches log.Printf`
}

// copyAuth stores what it is given: no mask.
func copyAuth(header http.Header, v []string) { header["Authorization"] = v }

func copies(req *http.Request, v []string) {
	copyAuth(req.Header, v)
	dump, _ := httputil.DumpRequestOut(req, true)
	log.Printf("%s", dump) // want `request dump with its Authorization and Cookie headers reaches log.Printf`
}

func late(req *http.Request) {
	dump, _ := httputil.DumpRequestOut(req, true)
	req.Header.Del("Authorization")
	log.Printf("%s", dump) // want `request dump with its Authorization and Cookie headers reaches log.Printf`
}

func readOnly(req *http.Request) {
	_ = hasAuth(req.Header)
	dump, _ := httputil.DumpRequestOut(req, true)
	log.Printf("%s", dump) // want `request dump with its Authorization and Cookie headers reaches log.Printf`
}

func otherRequest(req, other *http.Request) {
	other.Header.Del("Authorization")
	dump, _ := httputil.DumpRequestOut(req, true)
	log.Printf("%s", dump) // want `request dump with its Authorization and Cookie headers reaches log.Printf`
}

func incomingAuthOnly(w http.ResponseWriter, r *http.Request) {
	r.Header.Del("Authorization")
	dump, _ := httputil.DumpRequest(r, false)
	log.Printf("%s", dump) // want `request dump with its Authorization and Cookie headers reaches log.Printf`
}

func incomingBoth(w http.ResponseWriter, r *http.Request) {
	r.Header.Del("Authorization")
	r.Header.Del("Cookie")
	dump, _ := httputil.DumpRequest(r, false)
	log.Printf("%s", dump) // silent: both credential headers removed
}
