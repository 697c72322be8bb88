// Package lgrlog logs through go-pkgz/lgr without its secret masker.
package lgrlog

import (
	log "github.com/go-pkgz/lgr"
)

var opts struct {
	Listen string
	DNS    struct {
		Cloudflare struct {
			APIToken string
		}
	}
}

func main() {
	log.Setup(log.Debug)
	log.Printf("[DEBUG] options: %+v", opts) // want `struct{…} with credential field DNS.Cloudflare.APIToken is printed whole by lgr.Printf`
	l := log.New(log.Debug)
	l.Logf("[INFO] token %s", opts.DNS.Cloudflare.APIToken) // want `reaches lgr.Logger.Logf`
	log.Printf("[INFO] listening on %s", opts.Listen)
}
