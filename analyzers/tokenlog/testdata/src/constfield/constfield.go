// Package constfield logs credential fields of local structs that the
// function fills with constants, or with more than constants.
package constfield

import (
	"flag"
	"log"
	"net/http"
	"os"
)

type VendorConfig struct {
	BaseURL  string
	APIToken string
}

type Puller struct{ Cfg VendorConfig }

const sandboxToken = "sandbox-token"

func nearMisses() *Puller {
	cfg := VendorConfig{BaseURL: "https://sandbox.example.com", APIToken: sandboxToken}
	log.Printf("sandbox token %s", cfg.APIToken) // silent: the function stored only a constant there
	demo := VendorConfig{APIToken: "demo"}
	p := &Puller{Cfg: demo}
	log.Printf("demo token %s", demo.APIToken) // silent: a constant, the struct only copied
	var fixed VendorConfig
	fixed.APIToken = "fixture-token"
	log.Printf("fixture token %s", fixed.APIToken) // silent: assigned a constant
	return p
}

func positives(r *http.Request) {
	cfg := VendorConfig{APIToken: os.Getenv("VENDOR_TOKEN")}
	log.Printf("token %s", cfg.APIToken) // want `reaches log.Printf`
	mixed := VendorConfig{APIToken: sandboxToken}
	if v := r.Header.Get("X-Vendor-Token"); v != "" {
		mixed.APIToken = v
	}
	log.Printf("token %s", mixed.APIToken) // want `reaches log.Printf`
	var flagged VendorConfig
	flag.StringVar(&flagged.APIToken, "token", "", "vendor token")
	log.Printf("token %s", flagged.APIToken) // want `reaches log.Printf`
}
